"""Progress reports: rounds, the summary as of the latest report, late activities."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kmsite_plugins.model import Plan
from kmsite_plugins.model.plan import activity_ids
from kmsite_plugins.model.progress import ActivityStatus, ProgressReport
from kmsite_plugins.model.values import read_period
from kmsite_plugins.views.progress import latest_summary, period_end, summarise

S = ActivityStatus


def row(rid: str | None, period: str | None, status: str | None = None) -> dict:
    data: dict = {"activity": f"กิจกรรม {rid}\n- รายละเอียด", "period": period}
    if rid:
        data["id"] = rid
    if status:
        data["status"] = status
    return data


ROWS = [
    row("a", "ต.ค. - ธ.ค. ๒๕๖๖"),  # ended 31 Dec 2023
    row("b", "ม.ค. ๒๕๖๗"),  # ended 31 Jan 2024
    row("c", "ธ.ค. ๒๕๖๖ - ก.พ. ๒๕๖๗"),  # ended 29 Feb 2024
    row("d", "ก.ค. ๒๕๖๗ เป็นต้นไป"),  # open-ended: ends with FY2567, 30 Sep 2024
    row("e", "ตลอดปีงบประมาณ"),  # whole year: 30 Sep 2024
    row("f", "มี.ค. ๒๕๖๗"),  # ends 31 Mar 2024
    row(None, "ต.ค. ๒๕๖๖", "เสร็จแล้ว"),  # no id, status on the row
    row(None, "พ.ย. ๒๕๖๖"),  # no id, no status: unreported, and late
    row("g", None),  # no period: never late
]


def make_plan(progress: list[dict], rows: list[dict] = ROWS, fiscal_year: object = "๒๕๖๗") -> Plan:
    return Plan.model_validate({
        "title": "แผน", "fiscal_year": fiscal_year,
        "sections": [{"id": "s1", "knowledge": "ความรู้", "tables": [
            {"kind": "kmp", "columns": ["activity", "period"], "rows": rows}]}],
        "progress": progress,
    })


ROUND_6 = {"round": 6, "date": "๓๑ มีนาคม ๒๕๖๗", "entries": [
    {"row": "a", "status": "กำลังดำเนินการ", "note": "ช้ากว่ากำหนด"},
    {"row": "b", "status": "เสร็จแล้ว", "evidence": ["https://example.go.th/report.pdf", "รายงานการประชุม"]},
    {"row": "c", "status": "ยกเลิก"},
    {"row": "d", "status": "ยังไม่เริ่ม"},
    {"row": "f", "status": "กำลังดำเนินการ"},
]}
ROUND_9 = {"round": "๙", "date": "2567-06-30", "entries": [
    {"row": "a", "status": "เสร็จแล้ว", "evidence": "ภาพถ่ายกิจกรรม"},
    {"row": "e", "status": "กำลังดำเนินการ"},
]}


def test_summary_as_of_the_only_report():
    plan = make_plan([ROUND_6])
    summary = summarise(plan)
    assert summary is not None
    assert summary.as_of == date(2024, 3, 31)
    assert summary.report is plan.progress[0]
    assert (summary.done, summary.in_progress, summary.not_started, summary.cancelled) == (2, 2, 1, 1)
    assert summary.unreported == 3  # e, the unnamed row without status, g
    assert summary.total == len(ROWS)
    # late: a (in progress, ended Dec) and the unreported November row; not b (done), c (cancelled),
    # not f (ends on the report date), not d/e (open-ended), not g (no period)
    assert [(a.activity.id, a.title) for a in summary.late] == [("a", "กิจกรรม a"), (None, "กิจกรรม None")]
    late_a = summary.late[0]
    assert late_a.period_end == date(2023, 12, 31) and late_a.status is S.IN_PROGRESS
    assert late_a.entry is not None and late_a.entry.note == "ช้ากว่ากำหนด"


def test_latest_report_by_date_wins_whatever_the_order_written():
    plan = make_plan([ROUND_9, ROUND_6])  # the 9-month report written first
    summary = summarise(plan)
    assert summary is not None
    assert summary.report is plan.progress[0] and summary.report.round == 9
    assert summary.as_of == date(2024, 6, 30)
    statuses = {a.activity.id: a.status for a in summary.activities if a.activity.id}
    # a: the 9-month report overrides the 6-month one; b, c, d, f carry over from round 6
    assert statuses == {"a": S.DONE, "b": S.DONE, "c": S.CANCELLED, "d": S.NOT_STARTED, "e": S.IN_PROGRESS,
                        "f": S.IN_PROGRESS, "g": None}
    # f ended 31 Mar and is still in progress on 30 Jun; the November row is still unreported
    assert [a.activity.id for a in summary.late] == ["f", None]  # in plan order
    assert [entry.row for entry, _ in summary.report_rows] == ["a", "e"]


def test_summary_as_of_a_given_date():
    plan = make_plan([ROUND_6, ROUND_9])
    early = summarise(plan, date(2024, 4, 30))
    assert early is not None and early.report is not None and early.report.round == 6
    assert {a.activity.id for a in early.late} == {"a", None, "f"}  # f ended 31 Mar, before 30 Apr
    end_of_year = summarise(plan, date(2024, 10, 1))
    assert end_of_year is not None
    # the open-ended d and the whole-year e ended with the fiscal year
    assert {"d", "e"} <= {a.activity.id for a in end_of_year.late}
    before_any = summarise(plan, date(2023, 11, 1))
    assert before_any is not None and before_any.report is None and before_any.done == 1  # the row's own status


def test_report_summary_method_and_dates():
    plan = make_plan([ROUND_6, ROUND_9])
    six, nine = plan.progress
    assert six.parsed_date == date(2024, 3, 31) and nine.parsed_date == date(2024, 6, 30)
    assert nine.round == 9
    assert nine.entries[0].evidence == ["ภาพถ่ายกิจกรรม"]  # one item without brackets
    assert six.formatted_date("th") == "๓๑ มีนาคม ๒๕๖๗"
    assert six.formatted_date("en") == "31 March 2024"
    summary = summarise(plan, six.parsed_date)
    assert summary is not None and summary.as_of == date(2024, 3, 31)
    latest = latest_summary(plan)
    assert latest is not None and latest.as_of == date(2024, 6, 30) and latest.report is nine


def test_no_reports_no_summary():
    plan = make_plan([])
    assert summarise(plan) is None
    assert activity_ids(plan) == ["a", "b", "c", "d", "e", "f", "g"]


def test_unreadable_dates_are_left_out():
    plan = make_plan([{"round": 6, "date": "๓๒ มีนาคม ๒๕๖๗", "entries": [{"row": "a", "status": "เสร็จแล้ว"}]}])
    assert plan.progress[0].parsed_date is None
    assert plan.progress[0].formatted_date("en") == "๓๒ มีนาคม ๒๕๖๗"  # as written
    assert summarise(plan) is None


@pytest.mark.parametrize("bad", [3, 7, "๗", "หก", 0])
def test_round_must_be_6_9_or_12(bad):
    with pytest.raises(ValidationError) as exc:
        ProgressReport.model_validate({"round": bad, "date": "2567-03-31", "entries": [{"row": "a",
                                                                                        "status": "เสร็จแล้ว"}]})
    assert "use 6, 9 or 12" in str(exc.value)


def test_status_must_be_an_activity_status():
    with pytest.raises(ValidationError):
        ProgressReport.model_validate({"round": 12, "date": "2567-09-30", "entries": [{"row": "a", "status": "done"}]})


@pytest.mark.parametrize("text, fy, end", [
    ("ธ.ค. ๒๕๖๖ - ก.พ. ๒๕๖๗", 2567, date(2024, 2, 29)),
    ("พ.ค. ๒๕๖๗", 2567, date(2024, 5, 31)),
    ("ภายในเดือนก.ย. ๒๕๖๗", 2567, date(2024, 9, 30)),
    ("ก.ค. ๒๕๖๗ เป็นต้นไป", 2567, date(2024, 9, 30)),
    ("ตลอดปีงบประมาณ", 2567, date(2024, 9, 30)),
    ("ปีงบประมาณ ๒๕๕๘ เป็นต้นไป", 2567, date(2024, 9, 30)),
    ("ก.ค. ๒๕๖๗ เป็นต้นไป", None, None),  # open-ended without a fiscal year
    ("จ.ค. ๒๕๖๖", 2567, None),  # not a period
    (None, 2567, None),
])
def test_period_end(text, fy, end):
    assert period_end(read_period(text, fy) if text else None) == end


def test_corrected_period_is_used():
    rows = [{"id": "x", "activity": "x", "period": "จ.ค. ๒๕๖๖",
             "corrections": {"period": {"value": "ต.ค. ๒๕๖๖", "note": "typo"}}}]
    plan = make_plan([{"round": 6, "date": "2024-03-31", "entries": [{"row": "x", "status": "กำลังดำเนินการ"}]}], rows)
    summary = summarise(plan)
    assert summary is not None and [a.period_end for a in summary.late] == [date(2023, 10, 31)]
