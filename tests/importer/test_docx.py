"""DOCX fixtures made here with python-docx, imported and checked cell by cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument

from kmsite_plugins.importer import import_file, read_document
from kmsite_plugins.loader import load_site
from tests.importer.nothing_lost import draft_text, found

HEADER = ["ลำดับ", "กิจกรรม", "ระยะเวลา", "ตัวชี้วัด", "เป้าหมาย", "ผู้รับผิดชอบ"]


def _row(table: Any, values: list[str]) -> None:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=False):
        cell.text = value


def _section_row(table: Any, text: str) -> None:
    """A row merged across every column (gridSpan), as Word writes a section row."""
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    merged.text = text


def _combined_plan(doc: DocxDocument) -> None:
    doc.add_paragraph("ชื่อองค์ความรู้ที่เลือก : การจัดเก็บภาษีป้าย")
    doc.add_paragraph("เจ้าภาพผู้รับผิดชอบองค์ความรู้ : กองคลัง")
    table = doc.add_table(rows=1, cols=len(HEADER))
    for cell, label in zip(table.rows[0].cells, HEADER, strict=False):
        cell.text = label
    _section_row(table, "กระบวนการจัดการความรู้ (KM Process)")
    _row(table, ["๑", "การบ่งชี้ความรู้ สำรวจความรู้ที่ต้องใช้", "ต.ค. ๒๕๖๗", "จำนวนเรื่อง", "๑ เรื่อง", "กองคลัง"])
    _row(table, HEADER)  # the header repeated at a page break
    _row(table, ["๒", "การสร้างและแสวงหาความรู้ ศึกษาดูงาน", "พ.ย. - ธ.ค. ๒๕๖๗", "จำนวนครั้ง", "๑ ครั้ง", ""])
    _row(table, ["๓", "การจัดความรู้ให้เป็นระบบ (KMP ๓) จัดหมวดหมู่เอกสาร", "จ.ค. ๒๕๖๘", "ฐานข้อมูล", "๑ ระบบ", ""])
    # ผู้รับผิดชอบ of rows ๒ and ๓ is one cell merged down from row ๒ (vMerge)
    rows = table.rows
    top = rows[4].cells[5].merge(rows[5].cells[5])
    top.text = "ผู้อำนวยการกองคลัง"
    _section_row(table, "กระบวนการบริหารจัดการการเปลี่ยนแปลง (Change Management Process)")
    _row(table, ["๑", "การสื่อสาร ประชุมชี้แจง", "ม.ค. ๒๕๖๘", "ร้อยละผู้เข้าใจ", "ร้อยละ ๘๐", "สำนักปลัด"])
    _row(table, ["๒", "การวัดผล ติดตามผลการดำเนินงาน", "ก.ย. ๒๕๖๘", "รายงาน", "๑ ฉบับ", "สำนักปลัด"])


def _team_nested(doc: DocxDocument) -> None:
    """A layout table whose one cell holds the KM team roster (a nested table), positions only."""
    doc.add_paragraph("คณะทำงานการจัดการความรู้ (KM Team)")
    outer = doc.add_table(rows=1, cols=1)
    cell = outer.rows[0].cells[0]
    cell.text = "รายชื่อคณะทำงาน"
    inner = cell.add_table(rows=1, cols=3)
    for c, label in zip(inner.rows[0].cells, ["ลำดับ", "ตำแหน่ง", "ทำหน้าที่เป็น"], strict=False):
        c.text = label
    for values in (["๑", "ปลัดเทศบาล", "ประธานกรรมการ"], ["๒", "ผู้อำนวยการกองคลัง", "กรรมการ"],
                   ["๓", "นักทรัพยากรบุคคล", "เลขานุการ"]):
        _row(inner, values)


def _worksheet(doc: DocxDocument) -> None:
    doc.add_paragraph("ใบงานที่ ๔ การคัดเลือกองค์ความรู้")
    table = doc.add_table(rows=1, cols=3)
    for c, label in zip(table.rows[0].cells, ["เกณฑ์ (องค์ความรู้)", "การจัดเก็บภาษีป้าย", "งานสารบรรณ"], strict=False):
        c.text = label
    _row(table, ["๑. สอดคล้องกับทิศทางยุทธศาสตร์", "๕", "๓"])
    _row(table, ["๒. มีโอกาสประสบความสำเร็จสูง", "มาก", "น้อย"])
    _row(table, ["รวมคะแนน", "๑๐", "๕"])  # the second total is wrong: 3 + 1 = 4
    _row(table, ["อันดับที่", "๑", "๒"])


def make_docx(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("แผนการจัดการความรู้ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    doc.add_paragraph("เทศบาลตำบลบางใหม่")
    doc.add_paragraph("๒. ขอบเขต KM (KM Focus Area)")
    doc.add_paragraph("๑) พัฒนาบุคลากรด้วยการจัดการความรู้")
    doc.add_paragraph("๒) ส่งเสริมการแลกเปลี่ยนเรียนรู้")
    _team_nested(doc)
    _worksheet(doc)
    _combined_plan(doc)
    doc.add_paragraph("ผู้ทบทวน : ลงชื่อ (นายสมชาย ใจดี) ปลัดเทศบาล")
    doc.add_paragraph("ผู้อนุมัติ : ลงชื่อ ..............................")  # the form's foot over three lines
    doc.add_paragraph("(นางสมศรี มีสุข)")
    doc.add_paragraph("นายกเทศมนตรีตำบลบางใหม่ ผู้บริหารสูงสุดของส่วนราชการ (CEO)")
    doc.add_paragraph("ข้อความที่ไม่อยู่ในแบบฟอร์มใด")
    doc.save(str(path))
    return path


def test_reader_understands_merges_and_nesting(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "plan.docx"))
    tables = [b for b in document.blocks if hasattr(b, "rows")]
    ids = [t.loc.table for t in tables]
    assert ids == ["1", "1.1", "2", "3"]
    plan = tables[3]
    section = plan.rows[1]
    assert len(section.cells) == 1 and section.cells[0].span == len(HEADER)
    merged = plan.rows[5].cells[5]
    assert merged.text == "ผู้อำนวยการกองคลัง" and merged.merged_from == plan.rows[4].cells[5].loc
    assert tables[0].rows[0].cells[0].text == "รายชื่อคณะทำงาน"  # the nested table's text is not the cell's


def _import(tmp_path: Path) -> tuple[Path, Path, str]:
    (tmp_path / "plans").mkdir()
    _, folder, report = import_file(make_docx(tmp_path / "plan.docx"), "bangmai", None, "yaml", tmp_path)
    return tmp_path, folder, report


def test_combined_table_imported_cell_by_cell(tmp_path: Path) -> None:
    root, _, report = _import(tmp_path)
    site, problems = load_site(root)
    assert [p.format() for p in problems.errors] == []
    plan = site.orgs["bangmai"].plans[0].plan
    assert plan.fiscal_year == 2568
    section = plan.sections[0]
    assert section.knowledge == "การจัดเก็บภาษีป้าย" and section.owner == "กองคลัง"
    kinds = [t.kind.value for t in section.tables]
    assert kinds == ["kmp", "cmp"]
    kmp, cmp = section.tables
    assert [c.key for c in kmp.columns] == ["no", "activity", "period", "indicator", "goal", "responsible"]
    got = [{k: r.cell(k) for k in ("no", "activity", "period", "indicator", "goal", "responsible")} | {"step": r.step}
           for r in kmp.rows]
    assert got == [
        {"no": "๑", "activity": "การบ่งชี้ความรู้ สำรวจความรู้ที่ต้องใช้", "period": "ต.ค. ๒๕๖๗", "indicator": "จำนวนเรื่อง",
         "goal": "๑ เรื่อง", "responsible": "กองคลัง", "step": "KMP1"},
        {"no": "๒", "activity": "การสร้างและแสวงหาความรู้ ศึกษาดูงาน", "period": "พ.ย. - ธ.ค. ๒๕๖๗",
         "indicator": "จำนวนครั้ง", "goal": "๑ ครั้ง", "responsible": "ผู้อำนวยการกองคลัง", "step": "KMP2"},
        {"no": "๓", "activity": "การจัดความรู้ให้เป็นระบบ (KMP ๓) จัดหมวดหมู่เอกสาร", "period": "จ.ค. ๒๕๖๘",
         "indicator": "ฐานข้อมูล", "goal": "๑ ระบบ", "responsible": "ผู้อำนวยการกองคลัง", "step": "KMP3"},
    ]
    assert kmp.rows[2].corrections["period"].value == "ต.ค. ๒๕๖๘" or "period" in kmp.rows[2].corrections
    assert [(r.no, r.step, r.responsible) for r in cmp.rows] == [("๑", "CMP2", "สำนักปลัด"), ("๒", "CMP5", "สำนักปลัด")]
    assert "[repeated-header]" in report and "[invalid-month]" in report and "'จ.ค.'" in report


def test_positions_only_team_from_nested_table(tmp_path: Path) -> None:
    root, _, _ = _import(tmp_path)
    site, _ = load_site(root)
    content = site.orgs["bangmai"]
    team = content.committees[0]
    titles = {p.id: p.title for p in content.org.positions}
    assert team.kind.value == "km_team"
    assert [(m.no, titles[m.ref or ""], m.role) for m in team.members] == [
        ("๑", "ปลัดเทศบาล", "ประธานกรรมการ"), ("๒", "ผู้อำนวยการกองคลัง", "กรรมการ"), ("๓", "นักทรัพยากรบุคคล", "เลขานุการ")]


def test_worksheet_totals_checked_and_reviewer_approver(tmp_path: Path) -> None:
    root, _, report = _import(tmp_path)
    site, _ = load_site(root)
    plan = site.orgs["bangmai"].plans[0].plan
    sheet = plan.worksheets[0]
    assert [c.name for c in sheet.criteria] == ["สอดคล้องกับทิศทางยุทธศาสตร์", "มีโอกาสประสบความสำเร็จสูง"]
    assert [sheet.total(c) for c in sheet.candidates] == [10, 4]
    assert "[worksheet-total]" in report and "the sheet's total 5 does not add up (the scores sum to 4)" in report
    people = {p.id: p for p in site.orgs["bangmai"].org.people}
    assert people[plan.reviewer or ""].name == "สมชาย ใจดี"
    approver = people[plan.approver or ""]
    assert approver.name == "สมศรี มีสุข" and [r.value for r in approver.km_roles] == ["ceo"]
    positions = {p.id: p.title for p in site.orgs["bangmai"].org.positions}
    assert positions[approver.position or ""] == "นายกเทศมนตรีตำบลบางใหม่"
    assert positions[people[plan.reviewer or ""].position or ""] == "ปลัดเทศบาล"
    assert plan.focus_areas == ["พัฒนาบุคลากรด้วยการจัดการความรู้", "ส่งเสริมการแลกเปลี่ยนเรียนรู้"]


def test_every_paragraph_and_cell_is_in_the_draft_or_the_leftovers(tmp_path: Path) -> None:
    _, folder, _ = _import(tmp_path)
    document = read_document(tmp_path / "plan.docx")
    content, leftovers = draft_text(folder)
    items = list(document.items())
    assert len(items) > 40
    missing = [(str(loc), text) for loc, text in items if not found(text, content) and not found(text, leftovers)]
    assert missing == []
    assert "ข้อความที่ไม่อยู่ในแบบฟอร์มใด" in (folder / "import" / "leftovers.md").read_text(encoding="utf-8")


def test_month_grid_becomes_the_period(tmp_path: Path) -> None:
    """The Gantt form: ระยะเวลา spans a row of month names; ticked months become the period."""
    doc = docx.Document()
    doc.add_paragraph("แผนการจัดการความรู้ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    doc.add_paragraph("เทศบาลตำบลบางใหม่")
    doc.add_paragraph("กระบวนการจัดการความรู้ (KM Process)")
    table = doc.add_table(rows=2, cols=6)
    top, months = table.rows[0].cells, table.rows[1].cells
    for i, label in ((0, "ลำดับ"), (1, "กิจกรรม"), (5, "ผู้รับผิดชอบ")):
        merged = top[i].merge(months[i])  # header cells merged down over the month row (vMerge)
        merged.text = label
    period = top[2].merge(top[4])  # ระยะเวลา spans the month columns (gridSpan)
    period.text = "ระยะเวลา"
    for cell, month in zip(months[2:5], ("ต.ค.", "พ.ย.", "ธ.ค."), strict=True):
        cell.text = month
    _row(table, ["๑", "การบ่งชี้ความรู้", "✓", "✓", "", "กองคลัง"])
    _row(table, ["๒", "การเข้าถึงความรู้", "", "", "/", "กองคลัง"])
    path = tmp_path / "gantt.docx"
    doc.save(str(path))
    (tmp_path / "plans").mkdir()
    _, folder, report = import_file(path, "gantt", None, "yaml", tmp_path)
    site, problems = load_site(tmp_path)
    assert [p.format() for p in problems.errors] == []
    rows = site.orgs["gantt"].plans[0].plan.sections[0].tables[0].rows
    assert [(r.no, r.step, r.period, r.responsible) for r in rows] == [
        ("๑", "KMP1", "ต.ค. - พ.ย.", "กองคลัง"), ("๒", "KMP5", "ธ.ค.", "กองคลัง")]
    content, leftovers = draft_text(folder)
    assert all(found(t, content) or found(t, leftovers) for _, t in read_document(path).items())


def test_worksheet_six_roster_and_unknown_columns(tmp_path: Path) -> None:
    """ใบงานที่ 6 roster (names, positions, seats, phone/e-mail) and an activity table with columns the
    model has no key for: those cells are leftovers with their table/row/cell."""
    doc = docx.Document()
    doc.add_paragraph("แผนการจัดการความรู้ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    doc.add_paragraph("องค์การบริหารส่วนตำบลนาดี")
    doc.add_paragraph("ใบงานที่ ๖ ทีมงานการจัดการความรู้ (KM Team)")
    roster = doc.add_table(rows=1, cols=5)
    for c, label in zip(roster.rows[0].cells, ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่งงาน", "ทำหน้าที่เป็น",
                                               "หมายเลขโทรศัพท์ E-mail"], strict=True):
        c.text = label
    _row(roster, ["๑", "นายก้องภพ นาดี", "นายกองค์การบริหารส่วนตำบลนาดี", "CEO", ""])
    _row(roster, ["๒", "นางวิไล ศรีนาดี", "ปลัดองค์การบริหารส่วนตำบลนาดี", "CKO", "0 2000 1111 wilai@example.go.th"])
    _row(roster, ["๓", "", "หัวหน้าสำนักปลัด", "หัวหน้าทีม", ""])
    _row(roster, ["๔", "", "นักทรัพยากรบุคคล", "เลขานุการ", ""])
    doc.add_paragraph("กระบวนการจัดการความรู้ (KM Process)")
    table = doc.add_table(rows=1, cols=6)
    for c, label in zip(table.rows[0].cells, ["ลำดับ", "กิจกรรม", "ระยะเวลา", "งบประมาณ", "แหล่งงบประมาณ",
                                              "ผู้รับผิดชอบ"], strict=True):
        c.text = label
    _row(table, ["๑", "การบ่งชี้ความรู้", "ต.ค. ๒๕๖๗", "๕,๐๐๐", "เทศบัญญัติ", "สำนักปลัด"])
    path = tmp_path / "nadee.docx"
    doc.save(str(path))
    (tmp_path / "plans").mkdir()
    _, folder, report = import_file(path, "nadee", None, "yaml", tmp_path)
    site, problems = load_site(tmp_path)
    assert [p.format() for p in problems.errors] == []
    content = site.orgs["nadee"]
    people = {p.id: p for p in content.org.people}
    positions = {p.id: p.title for p in content.org.positions}
    team = content.committees[0]
    assert team.kind.value == "km_team"
    seats = [(m.role, people[m.ref].name if m.ref in people else positions[m.ref or ""]) for m in team.members]
    assert seats == [("CEO", "ก้องภพ นาดี"), ("CKO", "วิไล ศรีนาดี"), ("หัวหน้าทีม", "หัวหน้าสำนักปลัด"),
                     ("เลขานุการ", "นักทรัพยากรบุคคล")]
    wilai = next(p for p in people.values() if p.name == "วิไล ศรีนาดี")
    assert [(c.kind.value, c.value, c.visibility.value) for c in wilai.contacts] == [
        ("email", "wilai@example.go.th", "internal"), ("phone", "0 2000 1111", "internal")]
    assert [r.value for r in wilai.km_roles] == ["cko"]
    row = content.plans[0].plan.sections[0].tables[0].rows[0]
    assert (row.activity, row.period, row.responsible, row.step) == ("การบ่งชี้ความรู้", "ต.ค. ๒๕๖๗", "สำนักปลัด", "KMP1")
    leftovers = (folder / "import" / "leftovers.md").read_text(encoding="utf-8")
    for text in ("งบประมาณ", "แหล่งงบประมาณ", "๕,๐๐๐", "เทศบัญญัติ"):
        assert text in leftovers
    assert "- `nadee.docx table 2 row 2 cell 4` ๕,๐๐๐" in leftovers


def test_two_row_header(tmp_path: Path) -> None:
    """เป้าหมาย spans two sub-columns labelled in a second header row; the other labels are merged down."""
    doc = docx.Document()
    doc.add_paragraph("เทศบาลเมืองทดลอง")
    doc.add_paragraph("กระบวนการบริหารจัดการการเปลี่ยนแปลง (Change Management Process)")
    table = doc.add_table(rows=2, cols=5)
    top, second = table.rows[0].cells, table.rows[1].cells
    for i, label in ((0, "ที่"), (1, "กิจกรรม"), (4, "ผู้รับผิดชอบ")):
        top[i].merge(second[i]).text = label
    top[2].merge(top[3]).text = "เป้าหมาย"
    second[2].text, second[3].text = "ตัวชี้วัด", "ค่าเป้าหมาย"
    _row(table, ["๑", "การสื่อสาร (CMP ๒)", "ร้อยละผู้รับทราบ", "ร้อยละ ๘๐", "กองช่าง"])
    path = tmp_path / "two.docx"
    doc.save(str(path))
    (tmp_path / "plans").mkdir()
    _, folder, _ = import_file(path, "two", 2568, "yaml", tmp_path)
    site, problems = load_site(tmp_path)
    assert [p.format() for p in problems.errors] == []
    table_model = site.orgs["two"].plans[0].plan.sections[0].tables[0]
    assert table_model.kind.value == "cmp"
    assert [(c.key, c.header) for c in table_model.columns] == [
        ("no", "ที่"), ("activity", "กิจกรรม"), ("indicator", "ตัวชี้วัด"), ("indicator_target", "ค่าเป้าหมาย"),
        ("responsible", "ผู้รับผิดชอบ")]
    row = table_model.rows[0]
    assert (row.step, row.indicator, row.indicator_target, row.responsible) == (
        "CMP2", "ร้อยละผู้รับทราบ", "ร้อยละ ๘๐", "กองช่าง")
    content, leftovers = draft_text(folder)
    missing = [t for _, t in read_document(path).items() if not (found(t, content) or found(t, leftovers))]
    assert missing == []
