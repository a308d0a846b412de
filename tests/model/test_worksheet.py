"""Selection worksheets: 5/3/1 scores, totals, percentages and competition ranks."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kmsite_plugins.model.worksheet import (
    ACCEPTED_SCORES,
    Worksheet,
    WorksheetKind,
    competition_ranks,
    parse_score,
    percent_of,
)

CRITERIA = [{"id": "strategy", "name": "สอดคล้องกับยุทธศาสตร์"},
            {"id": "urgency", "name": "ความเร่งด่วน"},
            {"id": "feasibility", "name": "ความเป็นไปได้"}]


def sheet(candidates: list[dict], chosen: str | None = None) -> Worksheet:
    return Worksheet.model_validate({"id": "ks", "kind": "knowledge", "criteria": CRITERIA,
                                     "candidates": candidates, "chosen": chosen})


def cand(cid: str, strategy: object, urgency: object, feasibility: object) -> dict:
    return {"id": cid, "name": cid, "scores": {"strategy": strategy, "urgency": urgency, "feasibility": feasibility}}


@pytest.mark.parametrize("written, value", [
    ("มาก", 5), ("ปานกลาง", 3), ("น้อย", 1), (" มาก ", 5),
    (5, 5), (3, 3), (1, 1), ("5", 5), ("3", 3), ("1", 1), ("๕", 5), ("๓", 3), ("๑", 1),
])
def test_accepted_scores(written, value):
    score = parse_score(written)
    assert score.value == value
    assert score.word == {5: "มาก", 3: "ปานกลาง", 1: "น้อย"}[value]
    assert score.written == str(written).strip()


@pytest.mark.parametrize("bad", ["สูง", "มากที่สุด", 4, "๔", 2.5, "5.0", 0, "", True, None, [5]])
def test_other_scores_are_errors_naming_the_accepted_ones(bad):
    with pytest.raises(ValueError) as exc:
        parse_score(bad)
    assert "is not a score" in str(exc.value)
    assert ACCEPTED_SCORES in str(exc.value)
    assert "มาก (5), ปานกลาง (3) or น้อย (1)" in ACCEPTED_SCORES


def test_bad_score_in_a_worksheet_is_a_validation_error_at_the_cell():
    with pytest.raises(ValidationError) as exc:
        sheet([cand("a", "มาก", "สูง", 3)])
    (err,) = exc.value.errors()
    assert err["loc"] == ("candidates", 0, "scores", "urgency")
    assert "'สูง' is not a score" in err["msg"]


def test_totals_and_percentages():
    ws = sheet([cand("a", "มาก", "ปานกลาง", "๕"), cand("b", 1, "น้อย", "1"), cand("c", 5, 5, 5)])
    assert ws.max_total == 15  # 5 × 3 criteria
    assert [r.total for r in ws.results] == [13, 3, 15]
    assert [round(r.percent, 2) for r in ws.results] == [86.67, 20.0, 100.0]
    assert [r.percent_text for r in ws.results] == ["86.7", "20", "100"]
    assert [r.rank for r in ws.results] == [2, 3, 1]
    assert not any(r.tied for r in ws.results)


def test_tie_shares_a_rank_with_standard_competition_ranking():
    # totals 13, 13, 9: ranks 1, 1, 3 (not 1, 1, 2), both 13s marked as tied
    ws = sheet([cand("a", 5, 5, 3), cand("b", 3, 5, 5), cand("c", 3, 3, 3)], chosen="b")
    results = ws.results
    assert [r.total for r in results] == [13, 13, 9]
    assert [r.rank for r in results] == [1, 1, 3]
    assert [r.tied for r in results] == [True, True, False]
    assert [r.candidate.id for r in ws.top] == ["a", "b"]
    assert ws.chosen_result is not None and ws.chosen_result.rank == 1 and ws.chosen_result.chosen


@pytest.mark.parametrize("totals, ranks", [
    ([13, 13, 9], [1, 1, 3]),
    ([9, 13, 13], [3, 1, 1]),
    ([5, 5, 5], [1, 1, 1]),
    ([15, 9, 9, 9, 3], [1, 2, 2, 2, 5]),
    ([], []),
])
def test_competition_ranks(totals, ranks):
    assert competition_ranks(totals) == ranks


def test_percent_of_without_maximum():
    assert percent_of(3, 0) == 0.0


def test_missing_and_extra_criteria():
    ws = sheet([{"id": "a", "name": "a", "scores": {"strategy": 5, "urgncy": 3}}])
    candidate = ws.candidates[0]
    assert ws.missing_criteria(candidate) == ["urgency", "feasibility"]
    assert ws.extra_criteria(candidate) == ["urgncy"]
    assert ws.total(candidate) == 5  # only this sheet's criteria count
    assert ws.score(candidate, "feasibility") is None


def test_numeric_criterion_ids_and_chosen_lookup():
    ws = Worksheet.model_validate({
        "id": "kpi", "kind": "kpi", "criteria": [{"id": "1", "name": "ข้อ ๑"}, {"id": "2", "name": "ข้อ ๒"}],
        "candidates": [{"id": "x", "name": "X", "scores": {1: "มาก", 2: "น้อย"}}], "chosen": "nobody",
    })
    assert ws.kind is WorksheetKind.KPI
    assert ws.total(ws.candidates[0]) == 6
    assert ws.chosen_result is None
    assert ws.candidate("x") is ws.candidates[0]
