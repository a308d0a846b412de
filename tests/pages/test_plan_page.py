"""Plan pages: every row, the fiscal-year timeline and step coverage, in a real build."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import text_of

THAI_FISCAL_MONTHS_2567 = ["ต.ค. ๒๕๖๖", "พ.ย. ๒๕๖๖", "ธ.ค. ๒๕๖๖", "ม.ค. ๒๕๖๗", "ก.พ. ๒๕๖๗", "มี.ค. ๒๕๖๗",
                           "เม.ย. ๒๕๖๗", "พ.ค. ๒๕๖๗", "มิ.ย. ๒๕๖๗", "ก.ค. ๒๕๖๗", "ส.ค. ๒๕๖๗", "ก.ย. ๒๕๖๗"]


def _timelines(html: str) -> list[str]:
    return re.findall(r'<table class="kms-timeline"[^>]*>(.*?)</table>', html, flags=re.S)


def _bars(table: str) -> list[tuple[str, str]]:
    """(step tag, 12-char bar) per timeline row: '#' active, 'D' deadline, '.' idle."""
    out = []
    for row in re.findall(r"<tr>\s*<th scope=\"row\"[^>]*>(.*?)</tr>", table, flags=re.S):
        step = re.search(r'kms-step-tag">([^<]+)<', row)
        cells = re.findall(r'<td class="kms-tl-cell([^"]*)"', row)
        bar = "".join("D" if "deadline" in c else "#" if "kms-tl-on" in c else "." for c in cells)
        out.append((step.group(1) if step else "", bar))
    return out


def test_pathumthani_plan_has_timeline_of_twelve_fiscal_months(built_site: Path):
    html = (built_site / "orgs/pathumthani-pao/plans/2567/index.html").read_text(encoding="utf-8")
    tables = _timelines(html)
    assert len(tables) == 2
    for table in tables:
        headers = re.findall(r'<th scope="col" class="kms-tl-month">([^<]+)</th>', table)
        assert headers == THAI_FISCAL_MONTHS_2567
    bars = dict(_bars(tables[0]))
    assert bars["KMP1"] == "######......"      # corrected ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗
    assert bars["KMP5"] == ".........###"      # ก.ค. ๒๕๖๗ เป็นต้นไป runs to the year's end
    assert bars["CMP6"] == "...........D"      # ภายในเดือนก.ย. ๒๕๖๗: a deadline marker
    assert 'kms-tl-onward' in tables[0]


def test_pathumthani_first_plan_coverage_flags_kmp3_and_kmp4(built_site: Path):
    html = (built_site / "orgs/pathumthani-pao/plans/2567/index.html").read_text(encoding="utf-8")
    coverages = re.split(r'<div[^>]*class="kms-coverage"', html)[1:]
    missing = [re.findall(r'kms-step-missing"[^>]*><span aria-hidden="true">✗</span> (\w+) (\d)', c) for c in coverages]
    assert missing[0] == [("KMP", "3"), ("KMP", "4")]
    assert missing[1] == []
    assert "ขาด: KMP3, KMP4" in text_of(built_site / "orgs/pathumthani-pao/plans/2567/index.html")


def test_pathumthani_rows_of_both_tables_of_both_plans(built_site: Path):
    html = (built_site / "orgs/pathumthani-pao/plans/2567/index.html").read_text(encoding="utf-8")
    kmp = re.findall(r'<table class="kms-plan-table kms-kmp">(.*?)</table>', html, flags=re.S)
    cmp_ = re.findall(r'<table class="kms-plan-table kms-cmp">(.*?)</table>', html, flags=re.S)
    count = lambda t: len(re.findall(r"<tr[^>]*>\s*<td", t))  # noqa: E731
    assert [count(t) for t in kmp] == [6, 8]
    assert [count(t) for t in cmp_] == [6, 6]


def test_suso_whole_year_periods_span_the_year(built_site: Path):
    html = (built_site / "orgs/suso/plans/undated/index.html").read_text(encoding="utf-8")
    bars = [bar for table in _timelines(html) for _, bar in _bars(table)]
    assert len(bars) == 19
    assert set(bars) == {"############"}


def test_english_plan_page_uses_english_months(built_site: Path):
    html = (built_site / "en/orgs/pathumthani-pao/plans/2567/index.html").read_text(encoding="utf-8")
    headers = re.findall(r'<th scope="col" class="kms-tl-month">([^<]+)</th>', _timelines(html)[0])
    assert headers[0] == "Oct 2023" and headers[-1] == "Sep 2024"
