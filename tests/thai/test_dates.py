"""Months, BE/CE years, fiscal years, long and ISO dates."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmsite_plugins.thai.dates import (
    MONTHS,
    ThaiDateError,
    be_to_ce,
    ce_to_be,
    fiscal_months,
    fiscal_year_bounds,
    fiscal_year_of,
    format_long_date,
    format_month,
    month_number,
    parse_date,
    parse_long_date,
    parse_year,
)
from kmsite_plugins.thai.digits import to_arabic

# BE years above 2400 and CE years up to 2400 are both unambiguous in this range.
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31))  # BE 2400-2700: plausible years
fiscal_years = st.integers(min_value=2450, max_value=2690)


# --- years and fiscal years -------------------------------------------------

def test_be_ce() -> None:
    assert be_to_ce(2567) == 2024
    assert ce_to_be(2024) == 2567


@given(st.integers(min_value=-5000, max_value=5000))
def test_be_ce_inverse(year: int) -> None:
    assert be_to_ce(ce_to_be(year)) == year


def test_fiscal_year_2567() -> None:
    assert fiscal_year_bounds(2567) == (date(2023, 10, 1), date(2024, 9, 30))
    assert fiscal_year_of(date(2023, 9, 30)) == 2566
    assert fiscal_year_of(date(2023, 10, 1)) == 2567
    assert fiscal_year_of(date(2024, 9, 30)) == 2567
    months = fiscal_months(2567)
    assert len(months) == 12
    assert months[0] == (2023, 10) and months[3] == (2024, 1) and months[-1] == (2024, 9)


@given(dates)
def test_a_date_lies_in_the_bounds_of_its_fiscal_year(d: date) -> None:
    first, last = fiscal_year_bounds(fiscal_year_of(d))
    assert first <= d <= last


@given(fiscal_years)
def test_fiscal_year_bounds_are_tight(fy: int) -> None:
    first, last = fiscal_year_bounds(fy)
    assert fiscal_year_of(first) == fiscal_year_of(last) == fy
    assert fiscal_year_of(first - timedelta(days=1)) == fy - 1
    assert fiscal_year_of(last + timedelta(days=1)) == fy + 1


@settings(deadline=None)
@given(fiscal_years)
def test_fiscal_months_are_the_months_of_the_bounds(fy: int) -> None:
    first, last = fiscal_year_bounds(fy)
    days = (first + timedelta(days=i) for i in range((last - first).days + 1))
    assert fiscal_months(fy) == sorted({(d.year, d.month) for d in days})


@pytest.mark.parametrize(
    ("text", "year_ce"),
    [("๒๕๖๗", 2024), ("2567", 2024), ("๖๗", 2024), ("2024", 2024), ("พ.ศ. ๒๕๖๗", 2024),
     ("พ.ศ.2567", 2024), ("ค.ศ. 2024", 2024), ("พ.ศ. ๖๗", 2024), ("๒๕๕๘", 2015)],
)
def test_parse_year(text: str, year_ce: int) -> None:
    assert parse_year(text) == year_ce


@pytest.mark.parametrize("text", ["567", "25670", "๗", "ปี", "ก.พ. ๒๕๖๗", "ค.ศ. 24"])
def test_parse_year_rejects(text: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_year(text)
    assert info.value.value == text and "2567" in info.value.accepted


# --- months -----------------------------------------------------------------

@pytest.mark.parametrize("month", MONTHS, ids=lambda m: m.name_en)
def test_month_lookup_variants(month) -> None:
    abbr = month.abbr
    variants = [abbr, abbr.rstrip("."), abbr.replace(".", ""), abbr.replace(".", ". ").strip(),
                month.name_th, month.name_en, month.abbr_en.upper()]
    assert {month_number(v) for v in variants} == {month.number}


def test_month_table() -> None:
    assert [m.number for m in MONTHS] == list(range(1, 13))
    assert len({m.abbr for m in MONTHS}) == len({m.name_th for m in MONTHS}) == 12
    assert MONTHS[8].abbr == "ก.ย." and MONTHS[8].name_th == "กันยายน" and MONTHS[8].name_en == "September"


def test_unknown_month_jk_names_october() -> None:
    with pytest.raises(ThaiDateError) as info:
        month_number("จ.ค.")
    assert "ต.ค." in info.value.suggestions
    assert "ต.ค." in str(info.value) and "'จ.ค.'" in str(info.value)
    assert info.value.value == "จ.ค." and "ม.ค." in info.value.accepted


def test_unknown_month_miy_names_june_and_march() -> None:
    with pytest.raises(ThaiDateError) as info:
        month_number("มี.ย.")
    assert set(info.value.suggestions) == {"มิ.ย.", "มี.ค."}
    assert "มิ.ย." in str(info.value) and "มี.ค." in str(info.value)


def test_unknown_long_name_suggests_full_name() -> None:
    with pytest.raises(ThaiDateError) as info:
        month_number("กันยายย")
    assert info.value.suggestions == ("กันยายน",)


def test_february_is_not_the_agency_nor_the_era() -> None:
    assert month_number("ก.พ.") == 2
    with pytest.raises(ThaiDateError, match="agency"):
        month_number("ก.พ.ร.")
    with pytest.raises(ThaiDateError, match="era"):
        month_number("พ.ศ.")
    assert parse_year("พ.ศ. ๒๕๖๗") == 2024
    assert parse_long_date("๑ ก.พ. พ.ศ. ๒๕๖๗") == date(2024, 2, 1)


def test_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        month_number("ไตรมาส")


# --- long dates -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗", date(2024, 1, 10)),
        ("ประกาศ ณ วันที่ ๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗", date(2024, 1, 10)),
        ("10 มกราคม 2567", date(2024, 1, 10)),
        ("๕ ตุลาคม ๒๕๖๔", date(2021, 10, 5)),
        ("๒๙ กุมภาพันธ์ ๒๕๖๗", date(2024, 2, 29)),
        ("10 January 2024", date(2024, 1, 10)),
        ("ประกาศ ณ วันที่ ๑๐\nเดือน มกราคม\nพ.ศ. ๒๕๖๗", date(2024, 1, 10)),
        ("วันอาทิตย์ที่ 15 ธันวาคม พ.ศ. 2556", date(2013, 12, 15)),
        ("วันพฤหัสบดีที่ ๑๑ มกราคม ๒๕๖๗", date(2024, 1, 11)),
        ("ประกาศ ณ วันพฤหัสที่ ๑๑ มกราคม ๒๕๖๗", date(2024, 1, 11)),
    ],
)
def test_parse_long_date(text: str, expected: date) -> None:
    assert parse_long_date(text) == expected
    assert parse_long_date(to_arabic(text)) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["๓๐ กุมภาพันธ์ ๒๕๖๗", "๒๙ กุมภาพันธ์ ๒๕๖๖", "๓๑ เมษายน ๒๕๖๗", "๐ มกราคม ๒๕๖๗"])
def test_parse_long_date_checks_the_day_exists(text: str) -> None:
    with pytest.raises(ThaiDateError, match="no such day"):
        parse_long_date(text)


@pytest.mark.parametrize("text", ["มกราคม ๒๕๖๗", "๑๐ มกราคม", "วันจันทร์", ""])
def test_parse_long_date_rejects(text: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_long_date(text)
    assert "มกราคม" in info.value.accepted


def test_format_long_date() -> None:
    d = date(2024, 1, 10)
    assert format_long_date(d) == "๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗"
    assert format_long_date(d, style="plain") == "๑๐ มกราคม ๒๕๖๗"
    assert format_long_date(d, digits="arabic") == "10 เดือน มกราคม พ.ศ. 2567"
    assert format_long_date(d, lang="en") == "10 January 2024"
    with pytest.raises(ValueError):
        format_long_date(d, lang="fr")  # type: ignore[arg-type]


def test_format_month() -> None:
    assert format_month(2023, 10) == "ต.ค. ๒๕๖๖"
    assert format_month(2023, 10, digits="arabic") == "ต.ค. 2566"
    assert format_month(2023, 10, "en") == "Oct 2023"
    with pytest.raises(ValueError):
        format_month(2023, 13)


@given(dates, st.sampled_from(["th", "en"]), st.sampled_from(["thai", "arabic", None]),
       st.sampled_from(["notice", "plain"]))
def test_long_date_round_trip(d: date, lang, digits, style) -> None:
    assert parse_long_date(format_long_date(d, lang, digits, style)) == d


# --- ISO dates --------------------------------------------------------------

@pytest.mark.parametrize("text", ["2567-01-15", "2024-01-15", "๒๕๖๗-๐๑-๑๕", "2567-1-15", " 2024-01-15 "])
def test_parse_iso_date(text: str) -> None:
    assert parse_date(text) == date(2024, 1, 15)


@given(dates)
def test_iso_be_and_ce_agree(d: date) -> None:
    be = f"{ce_to_be(d.year)}-{d.month:02d}-{d.day:02d}"
    assert parse_date(be) == parse_date(d.isoformat()) == d


@pytest.mark.parametrize("text", ["2567-02-30", "2567-13-01"])
def test_parse_iso_date_checks_the_day_exists(text: str) -> None:
    with pytest.raises(ThaiDateError, match="no such day"):
        parse_date(text)


@pytest.mark.parametrize("text", ["15/01/2567", "2567", "hello", "67-01-15"])
def test_parse_date_lists_accepted_forms(text: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_date(text)
    assert "YYYY-MM-DD" in info.value.accepted and "YYYY-MM-DD" in str(info.value)


def test_long_date_with_the_wrong_weekday_is_an_error() -> None:
    with pytest.raises(ThaiDateError, match="that day is a วันอาทิตย์, not a วันจันทร์"):
        parse_long_date("วันจันทร์ที่ 15 ธันวาคม พ.ศ. 2556")


@pytest.mark.parametrize("text, hint", [
    ("3567", "outside 2400-2700"), ("พ.ศ. 1967", "a CE year? write ค.ศ. 1967"),
    ("ค.ศ. 2567", "a BE year? write พ.ศ. 2567"), ("1500", "outside BE 2400-2700"),
])
def test_implausible_years_are_errors_with_a_be_ce_hint(text: str, hint: str) -> None:
    with pytest.raises(ThaiDateError) as exc:
        parse_year(text)
    assert hint in str(exc.value)


def test_plausible_years_both_eras() -> None:
    assert parse_year("2400") == 1857 and parse_year("พ.ศ. 2700") == 2157 and parse_year("1967") == 1967
