"""Entry frictions met when a province's OPDC forms were entered (issue 15): each now reads or says what to do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import icu
import pytest

from kmsite_plugins.cli import main
from kmsite_plugins.model.committee import Member
from kmsite_plugins.model.worksheet import Worksheet
from kmsite_plugins.thai.words import shorten
from tests.conftest import FORMS_FIXTURE


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    shutil.copytree(FORMS_FIXTURE / "plans", tmp_path / "plans")
    return tmp_path


def check(root: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", str(root)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("written", "role"), [
    ("รองหัวหน้า", "รองหัวหน้าทีม"), ("ผู้ช่วยเลขฯ", "ผู้ช่วยเลขานุการ"), ("เลขาฯ", "เลขานุการ"),
    ("KM team", "KM Team"), ("เป็นประธานกรรมการ", "ประธานกรรมการ"), ("หัวหน้า", "หัวหน้าทีม"),
])
def test_form_seat_words_are_roles_with_the_raw_text_kept(written, role):
    member = Member.model_validate({"name": "นายสมมุติ", "role": written})
    assert member.role == role and member.role_raw == written
    kept = Member.model_validate({"name": "x", "role": written, "role_raw": "ทำหน้าที่ " + written})
    assert kept.role_raw == "ทำหน้าที่ " + written


def test_unknown_role_names_role_raw_at_its_line(forms_copy, capsys):
    path = forms_copy / "plans/changwat-example/committees.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if "role: หัวหน้าทีม}" in line)
    lines[n] = lines[n].replace("role: หัวหน้าทีม}", "role: ผู้ประสานงาน}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check(forms_copy, capsys)
    assert code == 1
    error = next(line for line in out.splitlines() if "ผู้ประสานงาน" in line)
    where = f"plans/changwat-example/committees.yml:{n + 1}: committees[1].members[3].role"
    assert error.startswith(f"{where}: 'ผู้ประสานงาน'")
    assert "role_raw:" in error and "ผู้ช่วยเลขฯ" in error


def test_numeric_criterion_and_candidate_ids():
    sheet = Worksheet.model_validate({
        "id": "ws2", "kind": "kpi", "chosen": 2,
        "criteria": [{"id": 1, "name": "ก"}, {"id": 2, "name": "อื่น ๆ (ระบุ) ความพร้อมของข้อมูล"}],
        "candidates": [{"id": 1, "name": "KPI ก", "scores": {1: "๕", 2: 3}},
                       {"id": 2, "name": "KPI ข", "scores": {"1": "มาก", "2": "ปานกลาง"}}],
    })
    assert [c.id for c in sheet.criteria] == ["1", "2"] and sheet.chosen == "2"
    assert [r.total for r in sheet.results] == [8, 8] and all(r.tied for r in sheet.results)


def _boundaries(text: str) -> set[int]:
    words = icu.BreakIterator.createWordInstance(icu.Locale("th_TH"))
    words.setText(text)
    return set(words)


@pytest.mark.parametrize("text", [
    "การสนับสนุนส่งเสริมให้บุคลากรในสังกัดเทศบาลตำบลประจันตคาม ได้รับความรู้อย่างทั่วถึง",
    "เสริมสร้างบรรยากาศให้เอื้อต่อการนำการจัดการความรู้มาเป็นเครื่องมือในการพัฒนาบุคลากร",
])
def test_titles_are_cut_at_a_word_boundary(text):
    assert text[:60] + "…" != shorten(text, 60)  # slicing would cut inside a word here
    cut = shorten(text, 60)
    assert cut.endswith("…") and len(cut) <= 61
    assert len(cut[:-1]) in _boundaries(text) or len(cut[:-1].rstrip()) < len(cut[:-1])
    assert shorten("สั้น", 60) == "สั้น"


def test_missing_step_warning_cuts_the_title_at_a_word_boundary(forms_copy, capsys):
    long = "การสนับสนุนส่งเสริมให้บุคลากรในสังกัดเทศบาลตำบลประจันตคาม ได้รับความรู้อย่างทั่วถึง"
    path = forms_copy / "plans/changwat-example/plans/2569.yml"
    text = path.read_text(encoding="utf-8").replace("knowledge: ความรู้ในแผนสมมุติ", f"knowledge: {long}")
    path.write_text(text.split("acknowledged:")[0], encoding="utf-8")
    _, out = check(forms_copy, capsys)
    assert f"'{shorten(long, 60)}' does not cover" in out
    assert f"'{long[:60]}' does not cover" not in out


def test_plan_without_cmp_table_warns_and_the_printed_code_acknowledges_it(forms_copy, capsys):
    path = forms_copy / "plans/changwat-example/plans/2569.yml"
    path.write_text(path.read_text(encoding="utf-8").split("acknowledged:")[0], encoding="utf-8")
    code, out = check(forms_copy, capsys)
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    table = next(line for line in warnings if "no change-management (cmp) table" in line)
    assert table.startswith("plans/changwat-example/plans/2569.yml:")
    # every warning prints the acknowledgement that silences it; pasting them in leaves none
    hints = [re.search(r"\[to acknowledge: acknowledged: - (\{code: .*\})\]$", line) for line in warnings]
    assert all(hints), warnings
    entries = "".join(f"  - {h.group(1).replace('note: ...', 'note: reviewed')}\n" for h in hints if h)
    path.write_text(path.read_text(encoding="utf-8") + "acknowledged:\n" + entries, encoding="utf-8")
    code, out = check(forms_copy, capsys)
    assert code == 0 and ": warning: " not in out, out


def test_check_summary_counts_an_organisation_whose_file_has_errors(forms_copy, capsys):
    path = forms_copy / "plans/example-org/organisation.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: อบต.", "type: หมู่บ้าน"), encoding="utf-8")
    code, out = check(forms_copy, capsys)
    assert code == 1
    assert "2 organisation(s) checked (1 with errors): 1 error(s)" in out


def test_a_score_that_is_not_5_3_1_is_rejected_at_its_line(forms_copy, capsys):
    path = forms_copy / "plans/changwat-example/plans/2568.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if "จำนวนเรื่องร้องเรียนที่ลดลง, scores" in line)
    lines[n] = lines[n].replace("2: ปานกลาง", "2: 4")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check(forms_copy, capsys)
    assert code == 1
    error = next(line for line in out.splitlines() if "is not a score" in line)
    assert error.startswith(f"plans/changwat-example/plans/2568.yml:{n + 1}: worksheets[1].candidates[2].scores.2: '4'")
    assert "มาก (5), ปานกลาง (3) or น้อย (1)" in error
