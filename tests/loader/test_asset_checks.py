"""Knowledge assets with broken references, files, dates or links fail `kmsite check` with path:line lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kmsite_plugins.cli import main
from kmsite_plugins.loader import load_site
from kmsite_plugins.model import AssetForm, KnowledgeType, ReviewStatus
from tests.conftest import ROOT

GUIDE = "plans/prachantakham/knowledge/signboard-tax-guide.md"


def _edit(root: Path, rel: str, old: str, new: str) -> Path:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _errors(root: Path) -> list[str]:
    _, problems = load_site(root)
    return [p.format() for p in problems.errors]


def test_missing_attachment_and_unknown_holder_fail_check_through_the_cli(demo_copy: Path):
    path = _edit(demo_copy, GUIDE, "file: files/signboard-tax-checklist.csv", "file: files/signboard-tax-list.csv")
    _edit(demo_copy, GUIDE, "holders: [revenue-officer, finance-director]",
          "holders: [revenue-oficer, finance-director]")
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "check", str(demo_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    file_line = _line_of(path, "file: files/signboard-tax-list.csv")
    assert f"{GUIDE}:{file_line}: attachments[1].file: 'files/signboard-tax-list.csv' not found" in out
    holder_line = _line_of(path, "holders:")
    assert re.search(rf"{re.escape(GUIDE)}:{holder_line}: holders\[1\]: unknown reference 'revenue-oficer'.*did you "
                     rf"mean revenue-officer", out)
    assert "2 error(s)" in out
    # the checklist is no longer attached to anything: it would not be published, and check says so
    assert "files/signboard-tax-checklist.csv' is not attached to any knowledge asset" in out


def test_reference_date_url_and_plan_checks(demo_copy: Path):
    rel = "plans/pathumthani-pao/knowledge/legal-repository.md"
    path = _edit(demo_copy, rel, "department: academic-promotion", "department: phuwanai")
    _edit(demo_copy, rel, "owner: head-of-unit", "owner: nobody")
    _edit(demo_copy, rel, "topics: [km-publicity]", "topics: [km-publicty]")
    _edit(demo_copy, rel, "plan_activity: 2567/pub-kmp3", "plan_activity: 2566/pub-kmp3")
    _edit(demo_copy, rel, "created: 2567-05-31", "created: 31 จ.ค. 2567")
    _edit(demo_copy, rel, "reviewed: 2567-08-15",
          "reviewed: 2567-08-15\nsource_url: ftp://example.org/x\ncop: no-such-cop")
    errors = "\n".join(_errors(demo_copy))
    expect = {
        "department:": "'phuwanai' is a person, but this field needs a department",
        "owner:": "unknown reference 'nobody'",
        "topics:": "unknown knowledge topic 'km-publicty': knowledge/topics.yml has no such id; did you mean "
                   "km-publicity?",
        "plan_activity:": "no plan '2566' in this organisation",
        "created:": "unknown month",
        "source_url:": "is not a web address",
        "cop:": "unknown community of practice 'no-such-cop'",
    }
    for key, message in expect.items():
        line = _line_of(path, key)
        assert re.search(rf"{re.escape(rel)}:{line}: {re.escape(key.rstrip(':'))}[^:]*: .*{re.escape(message)}",
                         errors), (key, errors)


def test_reviewed_before_created_and_unknown_activity(demo_copy: Path):
    rel = "plans/pathumthani-pao/knowledge/legal-repository.md"
    path = _edit(demo_copy, rel, "reviewed: 2567-08-15", "reviewed: 2567-01-15")
    _edit(demo_copy, rel, "plan_activity: 2567/pub-kmp3", "plan_activity: 2567/pub-kmp33")
    errors = "\n".join(_errors(demo_copy))
    line = _line_of(path, 'reviewed:')
    assert f"{rel}:{line}: reviewed: reviewed (2567-01-15) is before created (2567-05-31)" in errors
    assert re.search(rf"{re.escape(rel)}:{_line_of(path, 'plan_activity:')}: plan_activity: plan '2567' has no "
                     rf"activity "
                     r"with id 'pub-kmp33'; did you mean pub-kmp3", errors)


def test_attachment_outside_the_folder_or_markdown_is_refused(demo_copy: Path):
    path = _edit(demo_copy, GUIDE, "file: files/signboard-tax-checklist.csv", "file: ../organisation.yml")
    errors = "\n".join(_errors(demo_copy))
    line = _line_of(path, '../organisation.yml')
    assert f"{GUIDE}:{line}: attachments[1].file: '../organisation.yml' goes up with '..'" in errors
    (demo_copy / "plans/prachantakham/knowledge/files/notes.md").write_text("# notes\n", encoding="utf-8")
    _edit(demo_copy, GUIDE, "file: ../organisation.yml", "file: files/notes.md")
    assert any("would become a page" in e for e in _errors(demo_copy))


def test_thai_words_are_accepted_for_type_form_and_status(demo_copy: Path):
    site, problems = load_site(demo_copy)
    assert not problems.errors
    guide = next(e.asset for e in site.orgs["prachantakham"].assets if e.slug == "signboard-tax-guide")
    assert (guide.type, guide.form) == (KnowledgeType.EXPLICIT, AssetForm.MANUAL)  # written ความรู้ชัดแจ้ง, คู่มือ
    draft = next(e.asset for e in site.orgs["prachantakham"].assets if e.slug == "elderly-allowance-registration")
    assert draft.status is ReviewStatus.DRAFT and not draft.is_public  # written ฉบับร่าง
    lessons = next(e.asset for e in site.orgs["prachantakham"].assets if e.slug == "construction-median-price-lessons")
    assert lessons.form is AssetForm.LESSONS_LEARNED  # written ถอดบทเรียน


def test_unknown_type_is_a_positioned_error(demo_copy: Path):
    path = _edit(demo_copy, GUIDE, "type: ความรู้ชัดแจ้ง", "type: ความรู้ทั่วไป")
    errors = "\n".join(_errors(demo_copy))
    assert re.search(rf"{re.escape(GUIDE)}:{_line_of(path, 'type:')}: type: Input should be 'tacit' or 'explicit'",
                     errors)


def test_duplicate_topic_id_is_an_error(demo_copy: Path, capsys):
    rel = "plans/prachantakham/knowledge/topics.yml"
    path = _edit(demo_copy, rel, "id: disability-allowance", "id: elderly-allowance")
    assert main(["check", str(demo_copy)]) == 1
    out = capsys.readouterr().out
    lines = path.read_text(encoding="utf-8").splitlines()
    line = [i for i, text in enumerate(lines, 1) if "id: elderly-allowance" in text][1]
    assert f"{rel}:{line}: topics[2].id: topic id 'elderly-allowance' is used twice" in out


def test_demo_assets_pass_check():
    _, problems = load_site(ROOT)
    assert [p.format() for p in problems.items if "knowledge" in p.path and p.severity.value != "note"] == []
