"""The importer's rules one by one: ICU rejoining, KM steps, header labels, names and seats, text layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmsite_plugins.importer.activities import unflatten
from kmsite_plugins.importer.fields import header_field, narrative_heading
from kmsite_plugins.importer.labels import header_key, table_kind
from kmsite_plugins.importer.people import person_name, roster_seat, seat_role
from kmsite_plugins.importer.rejoin import rejoin
from kmsite_plugins.importer.steps import step_of
from kmsite_plugins.importer.text_reader import read_text


@pytest.mark.parametrize("written, expected", [
    ("บอร์ดประชา สัมพันธ์", "บอร์ดประชาสัมพันธ์"),  # a word split by a wrap space
    ("ตลอดปีงบ\nประมาณ", "ตลอดปีงบประมาณ"),  # … or by a wrapped line
    ("หัวหน้าส่วนราช- การ", "หัวหน้าส่วนราชการ"),  # a wrap hyphen
    ("ความรู้ ความสามารถ", "ความรู้ ความสามารถ"),  # two words: the space stays
    ("กองยุทธศาสตร์ และงบประมาณ", "กองยุทธศาสตร์ และงบประมาณ"),
    ("ต่าง ๆ", "ต่าง ๆ"),  # the space before ๆ is the author's
    ("-ภายนอก อบต.", "-ภายนอก อบต."),  # an abbreviation is its own word
    ("กิจกรรม\n- การสร้าง", "กิจกรรม\n- การสร้าง"),  # a list item keeps its line
])
def test_rejoin_only_dictionary_words(written: str, expected: str) -> None:
    assert rejoin(written) == expected


@pytest.mark.parametrize("activity, kind, step", [
    ("การเข้าถึงความรู้ (KMP ๕) แลกเปลี่ยนเรียนรู้", "kmp", "KMP5"),
    ("การบ่งชี้ความรู้ (KMIP ๑) การประชุม", "kmp", "KMP1"),
    ("การจัดการความรู้ให้เป็นระบบ\n- บอร์ด", "kmp", "KMP3"),
    ("การแบ่งปัน แลกเปลี่ยนความรู้", "kmp", "KMP6"),
    ("การยกย่องชมเชย - การให้รางวัล", "kmp", "REC"),
    ("การยกย่องชมเชยและการให้รางวัล", "cmp", "CMP6"),
    ("การเรียนรู้", "cmp", "CMP4"),
    ("การเรียนรู้\n-การสร้างองค์ความรู้", "kmp", "KMP7"),
    ("แจ้งให้บุคลากรทุกคนทราบ", "kmp", None),
])
def test_step_from_the_activity_text(activity: str, kind: str, step: str | None) -> None:
    assert step_of(activity, kind)[0] == step


def test_header_labels_and_variants() -> None:
    assert header_key("เอกสารที่แสดงผลสำเร็จ ของงาน") == "evidence"
    assert header_key("ที่") == "no" and header_key("เป้าหมายตัวชี้วัด") == "indicator_target"
    assert header_key("ผู้รับผิดชอบ :") == "responsible" and header_key("กิจกรรมการจัดการความรู้") == "activity"
    assert table_kind(["ลำดับ", "เรื่อง", "ส่วนราชการ", "ผู้มีความรู้", "หมายเหตุ"]) == "topics"
    assert table_kind(["ที่", "กิจกรรม", "ระยะเวลา", "ผู้รับผิดชอบ"]) == "activity"
    assert table_kind(["ลำดับ", "ชื่อ-สกุล", "ตำแหน่งงาน", "ทำหน้าที่เป็น"]) == "roster"
    assert table_kind(["๑", "การบ่งชี้ความรู้", "ต.ค. ๖๗", "กองคลัง"]) is None


def test_fields_and_headings() -> None:
    assert header_field("เป้าหมาย  KM ( Desired  State) :  การสนับสนุน") == ("desired_state", "การสนับสนุน")
    assert header_field("เจ้าภาพผู้รับผิดชอบขององค์ความรู้ : กองคลัง") == ("owner", "กองคลัง")
    assert narrative_heading("๔.  ปัจจัยแห่งความสำเร็จ (Key Success Factor)") == "success_factors"
    assert narrative_heading("#### ปัจจัยแห่งความสำเร็จ (Key Success Factor)") == "success_factors"
    assert narrative_heading("การติดตามและประเมินผล, กำหนดปัจจัยแห่งความสำเร็จชัดเจน") is None


def test_names_positions_and_seats() -> None:
    name = person_name("นางสาวสาธร  พิชยมงคล")
    assert name is not None and (name.honorific, name.name) == ("นางสาว", "สาธร  พิชยมงคล")
    assert person_name("นายกองค์การบริหารส่วนตำบลสุโสะ") is None  # a post, not นาย + a name
    assert seat_role("เป็นกรรมการและเลขานุการ") == "กรรมการและเลขานุการ"
    seat = roster_seat(["๑. ปลัดเทศบาลตำบลประจันตคาม", "เป็นประธานกรรมการ"])
    assert seat is not None and seat.person is None and seat.position == "ปลัดเทศบาลตำบลประจันตคาม"
    seat = roster_seat(["1", "นายสมชาย ใจดี", "ปลัดเทศบาล", "ประธานกรรมการ"])
    assert seat is not None and seat.no == "1" and seat.position == "ปลัดเทศบาล"


def test_one_cell_per_line_tables(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text("\n".join([
        "\tลำดับ", "\tกิจกรรม", "\tระยะเวลา", "\tหมายเหตุ", "",
        "\t1", "\tการบ่งชี้ความรู้", "-ภายใน", "", "\tตลอดปีงบ", "ประมาณ", "\t", "",
        "\t2", "\tการเข้าถึงความรู้", "\tต.ค. ๖๗",
        " \tแผนการจัดการความรู้ (KM Action Plan) : ต่อไป",
    ]), encoding="utf-8")
    doc = read_text(path)
    table = doc.blocks[0]
    assert hasattr(table, "rows")
    rows = [r.texts() for r in table.rows]
    assert rows == [["ลำดับ", "กิจกรรม", "ระยะเวลา", "หมายเหตุ"],
                    ["1", "การบ่งชี้ความรู้\n-ภายใน", "ตลอดปีงบ\nประมาณ", ""],
                    ["2", "การเข้าถึงความรู้", "ต.ค. ๖๗"]]
    assert doc.blocks[1].text.startswith("แผนการจัดการความรู้")  # type: ignore[union-attr]


@pytest.mark.parametrize("written, expected", [
    ("รายงานผล อย่างน้อยปีละ ๑ ครั้ง", "รายงานผล อย่างน้อยปีละ ๑ ครั้ง"),  # ICU would read ผลอ|ย่าง across the gap
    ("ด้านต่าง ๆ ที่ได้", "ด้านต่าง ๆ ที่ได้"),
    ("ผลการประเมินการจัด การฝึกอบรม", "ผลการประเมินการจัดการฝึกอบรม"),
])
def test_rejoin_reads_each_side_on_its_own(written: str, expected: str) -> None:
    assert rejoin(written) == expected


@pytest.mark.parametrize("cell, expected", [
    ("- ก ข - ค ง", "- ก ข\n- ค ง"),
    ("การยกย่องชมเชย - การให้รางวัล", "การยกย่องชมเชย\n- การให้รางวัล"),
    ("การบ่งชี้ความรู้ (KMP ๑) ประชุม - ความรู้ที่ชัดเจน - ความรู้ที่ฝังอยู่ในคน",
     "การบ่งชี้ความรู้ (KMP ๑) ประชุม\n- ความรู้ที่ชัดเจน\n- ความรู้ที่ฝังอยู่ในคน"),
    ("จำนวน ๑ - ๒ ครั้ง", "จำนวน ๑ - ๒ ครั้ง"),  # a range stays
])
def test_flattened_list_items_back_on_their_lines(cell: str, expected: str) -> None:
    assert unflatten(cell) == expected
