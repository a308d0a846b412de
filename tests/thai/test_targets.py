"""Indicator targets: comparator, number, unit and frequency."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmsite_plugins.thai.digits import to_arabic, to_thai
from kmsite_plugins.thai.targets import Target, parse_target

# (cell, comparator, number, unit, per)
CASES = [
    ("บุคลากรมากกว่าร้อยละ ๗๐", "more_than", 70, "percent", None),
    ("บุคลากรมากกว่าร้อยละ ๗๐ เข้าถึงข้อมูลได้", "more_than", 70, "percent", None),
    ("ปีละอย่างน้อยจำนวน ๒ ครั้ง", "at_least", 2, "ครั้ง", "ปีละ"),
    ("- รายงานผล อย่างน้อยปีละ ๑ ครั้ง", "at_least", 1, "ครั้ง", "ปีละ"),
    ("อย่างน้อย ๑ ช่องทาง", "at_least", 1, "ช่องทาง", None),
    ("- จำนวนอย่างน้อย ๒ เรื่อง", "at_least", 2, "เรื่อง", None),
    ("- ไม่น้อยกว่าร้อยละ ๘๐", "not_less_than", 80, "percent", None),
    ("- ไม่น้อยกว่า ๑ ครั้ง", "not_less_than", 1, "ครั้ง", None),
    ("อย่างน้อย ๗๐%", "at_least", 70, "percent", None),
    ("- บุคลากรที่เข้าใจการจัดการความรู้ อย่างน้อยร้อยละ ๘๐", "at_least", 80, "percent", None),
    ("- จำนวนอย่างน้อย ๑ ช่องทาง - ๑ ตัวอย่าง", "at_least", 1, "ช่องทาง", None),
    ("คู่มือ จำนวน ๒ เรื่อง", None, 2, "เรื่อง", None),
    ("- จำนวนช่องทางที่ผ่าน การคัดเลือก อย่างน้อย ๓ รายการ", "at_least", 3, "รายการ", None),
    ("- บุคลากรทุกคนที่เกี่ยวข้อง ร้อยละ ๘๐", None, 80, "percent", None),
    ("- บุคลากรทุกคนที่ เกี่ยวข้องร้อยละ ๘๐", None, 80, "percent", None),
    ("- ร้อยละ ๗๐", None, 70, "percent", None),
    ("อบรม ๑,๒๐๐ คน", None, 1200, "คน", None),
    ("ไม่มากกว่า ๕ คน", None, 5, "คน", None),  # "not more than" is not "more than"
]


@pytest.mark.parametrize("digits", ["thai", "arabic"])
@pytest.mark.parametrize(("cell", "comparator", "number", "unit", "per"), CASES)
def test_parse_target(cell, comparator, number, unit, per, digits) -> None:
    raw = cell if digits == "thai" else to_arabic(cell)
    assert parse_target(raw) == Target(raw, comparator, float(number), unit, per)


@pytest.mark.parametrize(
    "cell",
    [
        "- มีการเสริมสร้างบรรยากาศ ให้เอื้อต่อการนำการจัดการ ความรู้มาเป็นเครื่องมือ",
        "- มีแผนการจัดการความรู้ ปีพ.ศ. ๒๕๖๗ ภายในกำหนด",  # a year is not a target
        "๑. ปรับปรุงเว็บไซต์",  # nor is a list number
        "",
    ],
)
def test_free_text_has_no_quantity(cell: str) -> None:
    assert parse_target(cell) == Target(cell)


@given(st.text())
def test_never_raises_and_keeps_raw(text: str) -> None:
    target = parse_target(text)
    assert target.raw == text
    if target.number is None:
        assert target.comparator is None and target.unit is None and target.per is None


COMPARATORS = {"อย่างน้อย": "at_least", "ไม่น้อยกว่า": "not_less_than", "มากกว่า": "more_than"}
UNITS = ["ช่องทาง", "เรื่อง", "รายการ", "ครั้ง", "ตัวอย่าง", "คน", "%"]


@given(
    st.sampled_from(["", "- ", "บุคลากร", "จำนวนบุคลากรที่เข้าใจ "]),
    st.sampled_from([None, *COMPARATORS]),
    st.sampled_from([None, "ปีละ", "เดือนละ"]),
    st.integers(min_value=0, max_value=100_000),
    st.sampled_from(UNITS),
    st.booleans(),
)
def test_composed_targets_are_read_back(prefix, comparator, per, n, unit, thai) -> None:
    number = (str(n) + " " + unit) if unit != "%" else f"{n}%"
    words = [w for w in (per, comparator) if w]
    cell = prefix + " ".join(words + [number])
    cell = cell if not thai else to_thai(cell)
    target = parse_target(cell)
    assert target.comparator == (COMPARATORS[comparator] if comparator else None)
    assert target.number == n
    assert target.unit == ("percent" if unit == "%" else unit)
    assert target.per == per
