"""Plans written as Markdown: faults reported as `path:line: field: message` at the Markdown line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmsite_plugins.cli import check
from kmsite_plugins.loader import load_site
from kmsite_plugins.loader.plan_markdown import read_plan_markdown
from kmsite_plugins.loader.plan_markdown_syntax import COLUMN_HEADERS, header_key, written_header
from kmsite_plugins.loader.problems import Problems
from kmsite_plugins.loader.yaml_source import load_yaml_file
from tests.conftest import ROOT
from tests.loader.edits import errors, replace_in

TABLE_PLAN = "plans/prachantakham/plans/undated.md"  # activities as Markdown table rows
HEADING_PLAN = "plans/suso/plans/undated.md"  # one #### heading per activity
MONTHS = "(accepted: a month abbreviation ม.ค. … ธ.ค. (dots optional), a Thai month name (มกราคม) or an English one)"


# -- the four faults of the issue, in both ways of writing activities ------------------------------------
def test_bad_month_in_a_table_row(demo_copy: Path):
    line = replace_in(demo_copy / TABLE_PLAN, "| ปีงบประมาณ ๒๕๖๖ |", "| มี.ย. ๒๕๖๖ |")
    assert errors(demo_copy) == [
        f"{TABLE_PLAN}:{line}: sections[3].tables[1].rows[1].period: unknown month: 'มี.ย.' in 'มี.ย. ๒๕๖๖'; "
        f"did you mean มี.ค. or มิ.ย.? {MONTHS}"]


def test_bad_month_in_an_activity_item(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ระยะเวลา: ตลอดปีงบ\n  ประมาณ", "- ระยะเวลา: จ.ค. - ก.ย.")
    assert errors(demo_copy) == [
        f"{HEADING_PLAN}:{line}: sections[1].tables[1].rows[1].period: unknown month: 'จ.ค.' in 'จ.ค. - ก.ย.'; "
        f"did you mean ม.ค., พ.ค., ก.ค., ส.ค., ต.ค. or ธ.ค.? {MONTHS}"]


def test_bad_month_in_a_correction_is_reported_at_the_correction(demo_copy: Path):
    path = demo_copy / HEADING_PLAN
    line = replace_in(path, "- ระยะเวลา: ตลอดปีงบ\n  ประมาณ",
                      "- ระยะเวลา: จ.ค. - ก.ย.\n- แก้ไข ระยะเวลา: มี.ย. - ก.ย.\n  เหตุผล: typo")
    assert errors(demo_copy) == [
        f"{HEADING_PLAN}:{line + 1}: sections[1].tables[1].rows[1].corrections.period.value: unknown month: 'มี.ย.' "
        f"in 'มี.ย. - ก.ย.'; did you mean มี.ค. or มิ.ย.? {MONTHS}"]


def test_unknown_step(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ขั้นตอน: KMP2", "- ขั้นตอน: KMP9")
    assert errors(demo_copy) == [
        f"{HEADING_PLAN}:{line}: sections[1].tables[1].rows[1].step: 'KMP9' is not a KM step: "
        "use KMP1..KMP7, CMP1..CMP6 or REC (recognition)"]


def test_unknown_step_in_a_table_column(demo_copy: Path):
    path = demo_copy / TABLE_PLAN
    replace_in(path, "| ผู้รับผิดชอบ | รหัส | รหัสผู้รับผิดชอบ |\n|---|---|---|---|---|---|---|---|---|---|",
               "| ผู้รับผิดชอบ | รหัส | รหัสผู้รับผิดชอบ | ขั้นตอน |\n|---|---|---|---|---|---|---|---|---|---|---|")
    line = replace_in(path, "| สำนักปลัด |  | palad |", "| สำนักปลัด |  | palad | KMP 8 |")
    replace_in(path, "| monthly-meeting-sharing | palad, finance, works |",
               "| monthly-meeting-sharing | palad, finance, works | |")
    replace_in(path, "| สำนักปลัด/ กองคลัง/กองช่าง |  | palad, finance, works |",
               "| สำนักปลัด/ กองคลัง/กองช่าง |  | palad, finance, works | |")
    assert errors(demo_copy) == [
        f"{TABLE_PLAN}:{line}: sections[1].tables[1].rows[1].step: 'KMP 8' is not a KM step: "
        "use KMP1..KMP7, CMP1..CMP6 or REC (recognition)"]


def test_unknown_person_in_a_table_row(demo_copy: Path):
    line = replace_in(demo_copy / TABLE_PLAN, "| สำนักปลัด |  | palad |", "| สำนักปลัด |  | palat |")
    assert errors(demo_copy) == [
        f"{TABLE_PLAN}:{line}: sections[1].tables[1].rows[1].responsible_refs[1]: unknown reference 'palat': "
        "no department or position or person of this organisation has that id; "
        "did you mean palad, palad-head, head-palad? (known: 20 ids)"]


def test_unknown_person_in_an_activity_item(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ผู้รับผิดชอบ: หัวหน้าส่วนราชการแต่ละส่วน\n",
                      "- ผู้รับผิดชอบ: หัวหน้าส่วนราชการแต่ละส่วน\n- รหัสผู้รับผิดชอบ: palad, nobody\n")
    found = errors(demo_copy)
    assert found == [f"{HEADING_PLAN}:{line + 1}: sections[1].tables[1].rows[1].responsible_refs[2]: unknown reference "
                     "'nobody': no department or position or person of this organisation has that id (known: palad, "
                     "finance, works, mayor, palad-head, head-palad-office, finance-director, works-director, "
                     "policy-analyst, somkid, dentaya, siriyot, sathon, samut, chonlakan)"]


def test_unknown_reviewer_in_the_front_matter(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "unit: องค์การบริหารส่วนตำบลสุโสะ\n",
                      "unit: องค์การบริหารส่วนตำบลสุโสะ\nreviewer: somkit\n")
    found = errors(demo_copy)
    assert len(found) == 1 and found[0].startswith(
        f"{HEADING_PLAN}:{line + 1}: reviewer: unknown reference 'somkit': no person of this organisation")


def test_table_row_with_a_missing_cell(demo_copy: Path):
    line = replace_in(demo_copy / TABLE_PLAN, "| ๒ | เผยแพร่ความรู้ในที่ประชุมประจำเดือนหรือที่ประชุมบุคลากรต่าง ๆ | "
                                              "พูดคุยแลกเปลี่ยนในที่ประชุม |",
                      "| ๒ | เผยแพร่ความรู้ในที่ประชุมประจำเดือนหรือที่ประชุมบุคลากรต่าง ๆ |")
    assert errors(demo_copy) == [
        f"{TABLE_PLAN}:{line}: sections[1].tables[1].rows[2]: this row has 9 cells but the header has 10 "
        "(ลำดับ | กิจกรรม "
        "| วิธีการสู่ความสำเร็จ | ระยะเวลา | ตัวชี้วัด | เป้าหมายตัวชี้วัด | เป้าหมาย | ผู้รับผิดชอบ | รหัส | รหัสผู้รับผิดชอบ); "
        "write an empty cell as '| |'"]


def test_table_row_with_an_extra_cell(demo_copy: Path):
    line = replace_in(demo_copy / TABLE_PLAN, "| manuals | palad, finance, works |",
                      "| manuals | palad, finance, works | x |")
    assert errors(demo_copy) == [
        f"{TABLE_PLAN}:{line}: sections[3].tables[1].rows[1]: this row has 11 cells but the header has 10 "
        "(ลำดับ | กิจกรรม "
        "| วิธีการสู่ความสำเร็จ | ระยะเวลา | ตัวชี้วัด | เป้าหมายตัวชี้วัด | กลุ่มเป้าหมาย | ผู้รับผิดชอบ | รหัส | "
        "รหัสผู้รับผิดชอบ); write an empty cell as '| |'"]


def test_kmsite_check_prints_the_markdown_lines_and_fails(demo_copy: Path, capsys: pytest.CaptureFixture[str]):
    step = replace_in(demo_copy / HEADING_PLAN, "- ขั้นตอน: KMP3", "- ขั้นตอน: KM3")
    cell = replace_in(demo_copy / TABLE_PLAN, "| manuals | palad, finance, works |", "| manuals |")
    assert check(demo_copy) == 1
    out = capsys.readouterr().out
    assert f"{HEADING_PLAN}:{step}: sections[1].tables[1].rows[2].step: 'KM3' is not a KM step" in out
    assert f"{TABLE_PLAN}:{cell}: sections[3].tables[1].rows[1]: this row has 9 cells but the header has 10" in out
    # a file that does not validate is not checked further; once it does, its other faults are all reported
    replace_in(demo_copy / HEADING_PLAN, "- ขั้นตอน: KM3", "- ขั้นตอน: KMP3")
    replace_in(demo_copy / TABLE_PLAN, "| manuals |", "| manuals | palad, finance, works |")
    month = replace_in(demo_copy / HEADING_PLAN, "- ระยะเวลา: ตลอดปีงบ\n  ประมาณ", "- ระยะเวลา: จ.ค. - ก.ย.")
    person = replace_in(demo_copy / TABLE_PLAN, "| สำนักปลัด |  | palad |", "| สำนักปลัด |  | palat |")
    assert check(demo_copy) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert f"{HEADING_PLAN}:{month}: sections[1].tables[1].rows[1].period: unknown month: 'จ.ค.'" in out
    assert f"{TABLE_PLAN}:{person}: sections[1].tables[1].rows[1].responsible_refs[1]: unknown reference 'palat'" in out
    assert "2 error(s)" in out


# -- faults of the form itself ------------------------------------------------------------------------------
def _only_error(root: Path) -> str:
    found = errors(root)
    assert len(found) == 1, found
    return found[0]


def test_unknown_field_label_names_the_accepted_ones(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ตัวชี้วัด: จำนวนฐานข้อมูลความรู้ด้านต่าง ๆ\n",
                      "- ตัวชีวัด: จำนวนฐานข้อมูลความรู้ด้านต่าง ๆ\n")
    message = _only_error(demo_copy)
    assert message.startswith(f"{HEADING_PLAN}:{line}: sections[1].tables[1].rows[2]: 'ตัวชีวัด' is not a field here: "
                              "write '- label: value' with one of: ลำดับ, กิจกรรม, วิธีการสู่ความสำเร็จ, ระยะเวลา, ตัวชี้วัด")


def test_unknown_part_heading(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "## ปัจจัยแห่งความสำเร็จ (Key Success Factors)", "## ปัจจัยความสำเร็จ")
    message = _only_error(demo_copy)
    assert message.startswith(f"{HEADING_PLAN}:{line}: heading 'ปัจจัยความสำเร็จ' is not a part of the plan: the parts "
                              "are ขอบเขต KM, เป้าหมาย KM, ปัจจัยแห่งความสำเร็จ")


def test_unknown_column_header(demo_copy: Path):
    line = replace_in(demo_copy / TABLE_PLAN, "| ลำดับ | กิจกรรม | วิธีการสู่ความสำเร็จ | ระยะเวลา |",
                      "| ลำดับ | กิจกรรม | วิธีดำเนินงาน | ระยะเวลา |")
    message = _only_error(demo_copy)
    assert message.startswith(f"{TABLE_PLAN}:{line}: sections[1].tables[1].columns: column 'วิธีดำเนินงาน' is not a "
                              "column of an activity table: use one of ลำดับ, กิจกรรม, วิธีการสู่ความสำเร็จ")
    assert message.endswith("or your own header with the column it is, e.g. 'วิธีดำเนินงาน (remarks)'")


def test_own_header_with_its_column_key_is_kept(demo_copy: Path):
    replace_in(demo_copy / TABLE_PLAN, "| ลำดับ | กิจกรรม | วิธีการสู่ความสำเร็จ | ระยะเวลา |",
               "| ลำดับ | กิจกรรม | วิธีดำเนินงาน (method) | ระยะเวลา |")
    site, problems = load_site(demo_copy)
    assert problems.errors == []
    column = site.orgs["prachantakham"].plans[0].plan.sections[0].tables[0].columns[2]
    assert (column.key, column.header) == ("method", "วิธีดำเนินงาน")


def test_paragraph_outside_the_form_is_not_dropped(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "## เป้าหมาย KM (Desired State)\n\n",
                      "## เป้าหมาย KM (Desired State)\n\nเป้าหมายมีดังนี้\n\n") + 2
    message = _only_error(demo_copy)
    assert message.startswith(f"{HEADING_PLAN}:{line}: desired_states: text 'เป้าหมายมีดังนี้' is not part of the plan "
                              "form: write each entry as a list item")


def test_thai_numbered_lists_are_lists_and_keep_their_text(demo_copy: Path):
    path = demo_copy / HEADING_PLAN
    replace_in(path, "1. ผู้บริหารส่วนใหญ่", "๑. ผู้บริหารส่วนใหญ่")
    replace_in(path, "2. บุคลากรที่เกี่ยวข้องให้ความร่วมมือเป็นอย่างดี",
               "๒) บุคลากรที่เกี่ยวข้อง\n   ๑) ให้ความร่วมมือ")
    site, problems = load_site(demo_copy)
    assert problems.errors == []
    factors = site.orgs["suso"].plans[0].plan.success_factors
    assert len(factors) == 4 and factors[0].startswith("ผู้บริหารส่วนใหญ่")
    assert factors[1] == "บุคลากรที่เกี่ยวข้อง\n๑) ให้ความร่วมมือ"  # a nested list stays in its item, as written


def test_title_given_twice(demo_copy: Path):
    replace_in(demo_copy / HEADING_PLAN, "title_en: Suso", "title: x\ntitle_en: Suso")
    line = (demo_copy / HEADING_PLAN).read_text(encoding="utf-8").splitlines().index(
        "# แผนการจัดการองค์ความรู้ (KM Action Plan) องค์การบริหารส่วนตำบลสุโสะ") + 1
    assert _only_error(demo_copy).startswith(f"{HEADING_PLAN}:{line}: title: given both in the front matter (line 6)")


def test_field_given_twice(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ขั้นตอน: KMP2\n", "- ขั้นตอน: KMP2\n- ขั้นตอน: KMP3\n")
    assert _only_error(demo_copy) == (f"{HEADING_PLAN}:{line + 1}: sections[1].tables[1].rows[1].step: 'step' is given "
                                      f"twice (first at line {line}); give each field once")


def test_correction_without_a_note(demo_copy: Path):
    line = replace_in(demo_copy / HEADING_PLAN, "- ระยะเวลา: ตลอดปีงบ\n  ประมาณ\n",
                      "- ระยะเวลา: ตลอดปีงบ\n  ประมาณ\n- แก้ไข ระยะเวลา: ตลอดปีงบประมาณ\n")
    field = "sections[1].tables[1].rows[1].corrections.period.note"
    assert _only_error(demo_copy) == f"{HEADING_PLAN}:{line + 2}: {field}: required field is missing"


def test_section_heading_without_id_and_table_heading_of_no_kind(demo_copy: Path):
    path = demo_copy / HEADING_PLAN
    first = replace_in(path, "## แผนการจัดการความรู้ (KM Action Plan) ที่ ๒ {#km-atmosphere}", "## แผนที่ ๒")
    found = errors(demo_copy)
    assert found[0].startswith(f"{HEADING_PLAN}:{first}: heading 'แผนที่ ๒' is not a part of the plan")
    assert "needs an id at the end of its heading: '## … {#an-id}'" in found[0]
    assert all(f.startswith(HEADING_PLAN) for f in found)  # what follows it is reported, not guessed


def test_a_plan_may_not_be_written_twice_for_one_year(demo_copy: Path):
    from kmsite_plugins.loader.plan_markdown_dump import dump_plan_markdown

    folder = demo_copy / "plans/pathumthani-pao/plans"
    (folder / "2567.md").write_text(dump_plan_markdown(load_yaml_file(folder / "2567.yml").data), encoding="utf-8")
    assert errors(demo_copy) == ["plans/pathumthani-pao/plans/2567.yml:1: fiscal_year: another plan of this "
                                 "organisation already has fiscal year 2567; one plan per year"]


# -- the line map and the vocabulary ---------------------------------------------------------------------------
def test_every_cell_is_located_on_a_line_that_holds_it():
    path = ROOT / HEADING_PLAN
    problems = Problems(root=ROOT)
    doc = read_plan_markdown(path, problems)
    assert doc is not None and problems.items == []
    lines = path.read_text(encoding="utf-8").splitlines()
    checked = 0
    for s, section in enumerate(doc.data["sections"]):
        for t, table in enumerate(section["tables"]):
            for r, row in enumerate(table["rows"]):
                for key, value in row.items():
                    if isinstance(value, str):
                        line = doc.line_of(("sections", s, "tables", t, "rows", r, key))
                        assert value.splitlines()[0] in lines[line - 1], (key, value, line)
                        checked += 1
    assert checked > 150


def test_labels_match_whatever_their_spacing():
    assert header_key("เอกสารที่แสดงผลสำเร็จ ของงาน") == ("evidence", "เอกสารที่แสดงผลสำเร็จ ของงาน")
    assert header_key("ลำดับ") == ("no", None)
    assert header_key("ที่") == ("no", "ที่")
    assert header_key("ผลผลิต (goal)") == ("goal", "ผลผลิต")
    assert header_key("ผลผลิต") == (None, None)
    for key in COLUMN_HEADERS:
        for header in (None, "หัวข้อ", *COLUMN_HEADERS[key]):
            assert header_key(written_header(key, header)) == (key, header)


def test_default_headers_are_the_plan_pages_column_labels():
    from kmsite_plugins.model.plan import CELL_COLUMNS

    assert set(COLUMN_HEADERS) == set(CELL_COLUMNS)
    labels = load_yaml_file(ROOT / "kmsite_plugins/templates/labels/th.yml").data
    assert {key: labels[f"col.{key}"] for key in COLUMN_HEADERS} == {k: v[0] for k, v in COLUMN_HEADERS.items()}


# -- hostile and unusual files: always a report, never a traceback ----------------------------------------------
def _read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "2567.md"
    path.write_text(text, encoding="utf-8")
    problems = Problems(root=tmp_path)
    doc = read_plan_markdown(path, problems)
    return doc, [p.format() for p in problems.items]


def test_byte_order_mark_and_windows_line_ends_are_read(tmp_path: Path):
    text = (ROOT / TABLE_PLAN).read_text(encoding="utf-8")
    doc, found = _read(tmp_path, "\ufeff" + text.replace("\n", "\r\n"))
    plain, _ = _read(tmp_path, text)
    assert found == [] and doc is not None and plain is not None
    assert doc.data == plain.data and doc.lines == plain.lines  # type: ignore[attr-defined]


@pytest.mark.parametrize("text, expected", [
    ("", "2567.md:1: title: required field is missing"),
    ("---\ntitle: x\n", "2567.md:1: front matter is not closed: add a '---' line after it"),
    ("---\n- a\n---\n# x\n", "2567.md:2: the front matter must be 'key: value' lines, got CommentedSeq"),
    ("---\na: [\n---\n", "2567.md:3: malformed YAML"),
    ("# x\n\n```\ncode\n```\n", "2567.md:3: a code block (```) is not part of the plan form; see docs/about/"),
    ("# x\n\n> quote\n", "2567.md:3: a quote (>) is not part of the plan form"),
    ("# x\n\n<div>html</div>\n", "2567.md:3: an HTML block (only <!-- notes --> are allowed) is not part"),
    ("# x\n\n##### deep\n", "2567.md:3: heading level 5 is not part of the plan form"),
    ("# x\n\n- a: b\n", "2567.md:3: a list must follow the heading that says what it is"),
    ("# x\n\n| a | b |\n|---|---|\n", "2567.md:3: a Markdown table is not expected in this place"),
    ("# x\n\n### KM Process\n", "2567.md:3: table heading 'KM Process' must follow a section heading"),
    ("# x\n\n#### a\n", "2567.md:3: an activity heading (####) must follow a table heading (###)"),
    ("# x\n## s {#s}\n### KM Process\n#### a\n", "2567.md:4: sections[1].tables[1]: write the table's header row"),
    ("# x\n## s {#s}\n### ตาราง\n", "2567.md:3: sections[1].tables: heading 'ตาราง': not a kind of activity table"),
    ("# x\n## s {#s}\n### KMP {#t}\n", "2567.md:3: sections[1].tables: heading 'KMP {#t}': a table heading has no id"),
])
def test_form_faults_are_reported_at_their_line(tmp_path: Path, text: str, expected: str):
    from pydantic import ValidationError

    from kmsite_plugins.loader.pydantic_errors import report_validation_error
    from kmsite_plugins.model import Plan

    doc, found = _read(tmp_path, text)
    if doc is not None:  # the form is fine: the model says what is missing
        problems = Problems(root=tmp_path)
        try:
            Plan.model_validate(dict(doc.data))  # type: ignore[attr-defined]
        except ValidationError as exc:
            report_validation_error(exc, doc, Plan, problems)  # type: ignore[arg-type]
        found = [p.format() for p in problems.items]
    assert any(f.startswith(expected) for f in found), found


MARKUP = "กขค ๑2.-*+#|:{}()<>!`\\\n\t "


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(alphabet=MARKUP, max_size=30),
                          st.sampled_from(["# t", "## ขอบเขต KM", "## s {#s}", "### KM Process", "#### a {#r}",
                                           "| ลำดับ | กิจกรรม |", "|---|---|", "| ๑ | x |", "- กิจกรรม: x",
                                           "  - y", "- แก้ไข ลำดับ: 2", "  เหตุผล: n", "---", "<!-- c -->", ""])),
                max_size=25))
def test_any_text_gives_a_plan_or_a_report_never_a_traceback(tmp_path: Path, lines: list[str]):
    doc, found = _read(tmp_path, "\n".join(lines))
    assert doc is not None or found
    assert all(":" in f for f in found)


def test_progress_in_the_front_matter_names_rows_by_their_heading_ids(demo_copy: Path):
    path = demo_copy / HEADING_PLAN
    report = ("progress:\n- round: 6\n  date: ๓๑ มีนาคม ๒๕๖๗\n  entries:\n  - row: training\n    status: เสร็จแล้ว\n"
              "  - row: trainin\n    status: ยกเลิก\n")
    line = replace_in(path, "acknowledged:\n", report + "acknowledged:\n")
    found = errors(demo_copy)
    assert found == [f"{HEADING_PLAN}:{line + 6}: progress[1].entries[2].row: unknown activity 'trainin': "
                     "no activity row of this plan has that id; did you mean training? (known: training)"]
    replace_in(path, "  - row: trainin\n    status: ยกเลิก\n", "")
    site, problems = load_site(demo_copy)
    assert problems.errors == []
    from kmsite_plugins.views.progress import latest_summary

    summary = latest_summary(site.orgs["suso"].plans[0].plan)
    assert summary is not None and summary.done == 1


@pytest.mark.parametrize("page", ["docs/about/plan-markdown.md", "docs/about/plan-markdown.en.md"])
def test_the_guides_example_is_a_valid_plan(page: str, tmp_path: Path):
    from markdown_it import MarkdownIt

    from kmsite_plugins.model import Plan

    blocks = [t.content for t in MarkdownIt("commonmark").parse((ROOT / page).read_text(encoding="utf-8"))
              if t.type == "code_block"]
    example = next(b for b in blocks if b.startswith("---\n"))
    doc, found = _read(tmp_path, example)
    assert found == [] and doc is not None
    data = dict(doc.data)  # type: ignore[attr-defined]
    data.pop("acknowledged")
    plan = Plan.model_validate(data)
    assert [len(t.rows) for s in plan.sections for t in s.tables] == [2]
    assert plan.sections[0].tables[0].rows[1].responsible_refs == ["palad", "finance", "works"]
    # the second example (one heading per activity) reads as a table of the same form
    second = next(b for b in blocks if b.startswith("### "))
    doc, found = _read(tmp_path, "# t\n\n## s {#s}\n\n" + second)
    assert found == [] and doc is not None
    row = doc.data["sections"][0]["tables"][0]["rows"][0]  # type: ignore[attr-defined]
    assert row["period"] == "ตลอดปีงบ\nประมาณ" and row["activity"].endswith("-เว็บไซต์ อบต.")


HAND_WRITTEN = """\
---
fiscal_year: 2568
---

# แผนการจัดการความรู้ ปีงบประมาณ ๒๕๖๘

## ๒. ขอบเขต KM

- ข้อแรก
  ต่อบรรทัดที่สอง
- ข้อสอง

## แผนที่ ๑: งานพัสดุ {#procurement}

- ชื่อองค์ความรู้ ที่เลือก : การจัดซื้อจัดจ้าง
- ตัวชี้วัดผลสัมฤทธิ์:
  1. ตัวชี้วัดที่ ๑
  2. ตัวชี้วัดที่ ๒

### แผนการจัดการความรู้ (KM Action Plan) : กระบวนการจัดการความรู้ (KM Process)

| ที่ | กิจกรรม | ระยะเวลา | ผลผลิต (goal) | ขั้นตอน |
|:-:|---|---|---|---|
| ๑ | บ่งชี้ความรู้ `ราคากลาง` | ต.ค. - ธ.ค. ๒๕๖๗ | a \\| b | KMP 1 |

#### ๒ แสวงหาความรู้ {#acquire}

* ที่: ๒
* **ขั้นตอน**: kmp๒
* กิจกรรม:
  - อบรม
  - ดูงาน
* ผลผลิต: คู่มือ
* ระยะเวลา: ม.ค. ๒๕๖๘
* สถานะ: เสร็จแล้ว
"""


def test_a_plan_written_by_hand_in_the_guides_words(tmp_path: Path):
    from kmsite_plugins.model import Plan

    doc, found = _read(tmp_path, HAND_WRITTEN)
    assert found == [] and doc is not None
    plan = Plan.model_validate(dict(doc.data))  # type: ignore[attr-defined]
    assert plan.fiscal_year == 2568 and plan.focus_areas == ["ข้อแรก\nต่อบรรทัดที่สอง", "ข้อสอง"]
    section = plan.sections[0]
    assert (section.id, section.knowledge, section.outcome_kpis) == (
        "procurement", "การจัดซื้อจัดจ้าง", ["ตัวชี้วัดที่ ๑", "ตัวชี้วัดที่ ๒"])
    table = section.tables[0]
    assert table.kind.value == "kmp" and table.title is None
    assert [(c.key, c.header) for c in table.columns] == [
        ("no", "ที่"), ("activity", None), ("period", None), ("goal", "ผลผลิต")]
    first, second = table.rows
    assert (first.no, first.activity, first.goal, first.step) == ("๑", "บ่งชี้ความรู้ `ราคากลาง`", "a | b", "KMP1")
    assert (second.id, second.no, second.step, second.activity, second.goal, second.status.value if second.status
            else None) == ("acquire", "๒", "KMP2", "- อบรม\n- ดูงาน", "คู่มือ", "เสร็จแล้ว")
    period_line = HAND_WRITTEN.splitlines().index("* ระยะเวลา: ม.ค. ๒๕๖๘") + 1
    assert doc.line_of(("sections", 0, "tables", 0, "rows", 1, "period")) == period_line  # type: ignore[attr-defined]
