"""Period cells of KM action plans, in Thai and Arabic digits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmsite_plugins.thai.dates import MONTHS, ThaiDateError, fiscal_months, format_month
from kmsite_plugins.thai.digits import to_arabic
from kmsite_plugins.thai.periods import ACCEPTED_PERIODS, Period, parse_period

DIGITS = pytest.mark.parametrize("digits", ["thai", "arabic"])


def _written(raw: str, digits: str) -> str:
    """The cell as written with Thai digits (as in the seeds) or with Arabic ones."""
    return raw if digits == "thai" else to_arabic(raw)


# (cell, plan fiscal year, kind, start, end, months covered in FY2567)
CASES = [
    ("ธ.ค. ๒๕๖๖ - ก.พ. ๒๕๖๗", None, "range", (2023, 12), (2024, 2), [(2023, 12), (2024, 1), (2024, 2)]),
    ("ม.ค. - ก.ย. ๒๕๖๗", None, "range", (2024, 1), (2024, 9), [(2024, m) for m in range(1, 10)]),
    ("ต.ค. - ม.ค. ๒๕๖๗", None, "range", (2023, 10), (2024, 1), [(2023, 10), (2023, 11), (2023, 12), (2024, 1)]),
    ("ธ.ค. ๒๕๖๖ - ก.พ.", None, "range", (2023, 12), (2024, 2), [(2023, 12), (2024, 1), (2024, 2)]),
    ("พ.ค. ๒๕๖๗", None, "month", (2024, 5), (2024, 5), [(2024, 5)]),
    ("ก.พ. ๒๕๖๗", None, "month", (2024, 2), (2024, 2), [(2024, 2)]),
    ("ก.พ. พ.ศ. ๒๕๖๗", None, "month", (2024, 2), (2024, 2), [(2024, 2)]),
    ("ก.ย.๒๕๖๗", None, "month", (2024, 9), (2024, 9), [(2024, 9)]),
    ("ก. ย. ๖๗", None, "month", (2024, 9), (2024, 9), [(2024, 9)]),
    ("ม.ค. 2024", None, "month", (2024, 1), (2024, 1), [(2024, 1)]),
    ("ก.ค. ๒๕๖๗ เป็นต้นไป", None, "from", (2024, 7), None, [(2024, 7), (2024, 8), (2024, 9)]),
    ("ธ.ค. ๒๕๖๖ เป็นต้นไป", None, "from", (2023, 12), None, fiscal_months(2567)[2:]),
    ("ภายในเดือนก.ย. ๒๕๖๗", None, "by", (2024, 9), (2024, 9), [(2024, 9)]),
    ("ภายในเดือนส.ค. - ก.ย. ๒๕๖๗", None, "by", (2024, 8), (2024, 9), [(2024, 8), (2024, 9)]),
    ("ตลอดปีงบประมาณ", None, "whole_year", None, None, fiscal_months(2567)),
    ("ตลอดปีงบ\nประมาณ", None, "whole_year", None, None, fiscal_months(2567)),
    ("ตลอดปีงบ ประมาณ", None, "whole_year", None, None, fiscal_months(2567)),
    ("ปีงบประมาณ ๒๕๕๘ เป็นต้นไป", None, "fiscal_from", (2014, 10), None, fiscal_months(2567)),
    ("ปีงบประมาณ ๒๕๖๖", None, "fiscal_year", (2022, 10), (2023, 9), []),
    ("ปีงบประมาณ ๒๕๖๗", None, "fiscal_year", (2023, 10), (2024, 9), fiscal_months(2567)),
    ("พ.ค.", 2567, "month", (2024, 5), (2024, 5), [(2024, 5)]),
    ("ธ.ค.", 2567, "month", (2023, 12), (2023, 12), [(2023, 12)]),
    ("ต.ค. - ม.ค.", 2567, "range", (2023, 10), (2024, 1), [(2023, 10), (2023, 11), (2023, 12), (2024, 1)]),
    ("ก.ค. เป็นต้นไป", 2567, "from", (2024, 7), None, [(2024, 7), (2024, 8), (2024, 9)]),
    ("ภายในเดือนก.ย.", 2567, "by", (2024, 9), (2024, 9), [(2024, 9)]),
    ("พ.ค. ๒๕๖๗", 2560, "month", (2024, 5), (2024, 5), [(2024, 5)]),  # a written year wins
]


@DIGITS
@pytest.mark.parametrize(("cell", "fy", "kind", "start", "end", "months"), CASES)
def test_period_forms(cell, fy, kind, start, end, months, digits) -> None:
    raw = _written(cell, digits)
    period = parse_period(raw, fy)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert period.months_in(2567) == months
    assert period.raw == raw
    assert period.repeated is False


def test_mixed_digits() -> None:
    assert parse_period("ธ.ค. ๒๕๖๖ - ก.พ. 2567") == Period("ธ.ค. ๒๕๖๖ - ก.พ. 2567", "range", (2023, 12), (2024, 2))
    assert parse_period("ม.ค. ๒๕6๗").start == (2024, 1)


@DIGITS
def test_deadline(digits: str) -> None:
    single = parse_period(_written("ภายในเดือนก.ย. ๒๕๖๗", digits))
    ranged = parse_period(_written("ภายในเดือนส.ค. - ก.ย. ๒๕๖๗", digits))
    assert single.is_deadline and ranged.is_deadline
    assert single.end == ranged.end == (2024, 9)
    assert not parse_period("ส.ค. - ก.ย. ๒๕๖๗").is_deadline


@DIGITS
def test_open_ended_runs_to_the_end_of_the_asked_fiscal_year(digits: str) -> None:
    onward = parse_period(_written("ปีงบประมาณ ๒๕๕๘ เป็นต้นไป", digits))
    assert onward.is_open_ended
    assert onward.months_in(2557) == []
    assert onward.months_in(2558) == fiscal_months(2558)
    assert onward.months_in(2600) == fiscal_months(2600)
    late = parse_period(_written("ก.ค. ๒๕๖๗ เป็นต้นไป", digits))
    assert late.months_in(2568) == fiscal_months(2568)


def test_whole_year_covers_any_fiscal_year() -> None:
    period = parse_period("ตลอดปีงบประมาณ")
    assert period.months_in(2567) == fiscal_months(2567)
    assert period.months_in(2570) == fiscal_months(2570)


@DIGITS
def test_the_same_period_written_twice(digits: str) -> None:
    raw = _written("เม.ย. - พ.ค. ๒๕๖๗  เม.ย. - พ.ค. ๒๕๖๗", digits)
    once = parse_period(_written("เม.ย. - พ.ค. ๒๕๖๗", digits))
    twice = parse_period(raw)
    assert twice.repeated and not once.repeated
    assert (twice.kind, twice.start, twice.end) == (once.kind, once.start, once.end) == ("range", (2024, 4), (2024, 5))
    assert twice.raw == raw


def test_two_different_periods_are_not_one() -> None:
    with pytest.raises(ThaiDateError):
        parse_period("เม.ย. ๒๕๖๗ พ.ค. ๒๕๖๗")


# --- the ก.พ. traps and invalid months --------------------------------------

@DIGITS
def test_february_agency_and_era(digits: str) -> None:
    assert parse_period(_written("ก.พ. ๒๕๖๗", digits)).start == (2024, 2)
    with pytest.raises(ThaiDateError, match="agency") as agency:
        parse_period(_written("ก.พ.ร. ๒๕๖๗", digits))
    assert agency.value.value == "ก.พ.ร."
    with pytest.raises(ThaiDateError, match="era") as era:
        parse_period(_written("พ.ศ. ๒๕๖๗", digits))
    assert era.value.value == "พ.ศ."


@DIGITS
def test_unknown_month_jk_names_october(digits: str) -> None:
    raw = _written("จ.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗", digits)
    with pytest.raises(ThaiDateError) as info:
        parse_period(raw)
    assert info.value.value == "จ.ค."
    assert "ต.ค." in info.value.suggestions and "ต.ค." in str(info.value)
    assert raw in str(info.value)  # the message says which cell


@DIGITS
def test_unknown_month_miy_names_june_and_march(digits: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_period(_written("มี.ย. ๒๕๖๗", digits))
    assert set(info.value.suggestions) == {"มิ.ย.", "มี.ค."}


@pytest.mark.parametrize("cell", ["พ.ค.", "ม.ค. - ก.ย.", "ก.ค. เป็นต้นไป", "ภายในเดือนก.ย."])
def test_month_without_year_needs_a_fiscal_year(cell: str) -> None:
    with pytest.raises(ThaiDateError, match="fiscal year"):
        parse_period(cell)


@DIGITS
@pytest.mark.parametrize(
    "cell",
    ["", "ไตรมาส ๑", "๒๕๖๗", "ก.ค. ส.ค. ๒๕๖๗", "ก.พ. ๒๕๖๗ - ธ.ค. ๒๕๖๖", "ก.ค. - ส.ค. ๒๕๖๗ เป็นต้นไป",
     "ส.ค. - ต.ค.", "ปีงบประมาณ", "ปีงบประมาณ ๒๕๖"],
)
def test_unparseable_lists_accepted_forms(cell: str, digits: str) -> None:
    raw = _written(cell, digits)
    with pytest.raises(ThaiDateError) as info:
        parse_period(raw, 2567)
    if info.value.accepted == ACCEPTED_PERIODS:
        assert info.value.value == raw  # the cell as written, not a normalised copy
        assert "ตลอดปีงบประมาณ" in str(info.value) and "เป็นต้นไป" in str(info.value)
    else:  # a year error names the year forms instead
        assert "2567" in info.value.accepted


# --- properties -------------------------------------------------------------

# th writes BE (> 2400), en writes CE (<= 2400): keep both unambiguous.
year_months = st.tuples(st.integers(min_value=1900, max_value=2150), st.integers(min_value=1, max_value=12))
langs = st.sampled_from(["th", "en"])
digit_systems = st.sampled_from(["thai", "arabic"])


def _add_months(ym: tuple[int, int], n: int) -> tuple[int, int]:
    index = ym[0] * 12 + ym[1] - 1 + n
    return index // 12, index % 12 + 1


@given(year_months, langs, digit_systems)
def test_format_month_round_trip(ym, lang, digits) -> None:
    period = parse_period(format_month(ym[0], ym[1], lang, digits))
    assert (period.kind, period.start, period.end) == ("month", ym, ym)


@given(year_months, st.integers(min_value=0, max_value=40), digit_systems)
def test_range_round_trip(start, length, digits) -> None:
    end = _add_months(start, length)
    raw = f"{format_month(start[0], start[1], digits=digits)} - {format_month(end[0], end[1], digits=digits)}"
    assert (parse_period(raw).start, parse_period(raw).end) == (start, end)


@given(year_months, st.integers(min_value=0, max_value=11), digit_systems)
def test_range_with_year_once_round_trip(start, length, digits) -> None:
    end = _add_months(start, length)
    raw = f"{MONTHS[start[1] - 1].abbr} - {format_month(*end, digits=digits)}"
    period = parse_period(raw)
    assert (period.kind, period.start, period.end) == ("range", start, end)


@given(year_months, st.integers(min_value=0, max_value=40), st.integers(min_value=2440, max_value=2690))
def test_months_in_is_the_overlap_with_the_fiscal_year(start, length, fy) -> None:
    end = _add_months(start, length)
    covered = Period("", "range", start, end).months_in(fy)
    # Count the overlap on a month index, independently of months_in.
    index = lambda ym: ym[0] * 12 + ym[1]  # noqa: E731
    fy_first, fy_last = fiscal_months(fy)[0], fiscal_months(fy)[-1]
    overlap = min(index(end), index(fy_last)) - max(index(start), index(fy_first)) + 1
    assert len(covered) == max(0, overlap)
    assert set(covered) <= set(fiscal_months(fy))
    assert all(_add_months(a, 1) == b for a, b in zip(covered, covered[1:], strict=False))
    assert all(start <= ym <= end for ym in covered)
