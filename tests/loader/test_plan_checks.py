"""`kmsite check` on worksheets and progress reports: `path:line: field: message` problems."""

from __future__ import annotations

from kmsite_plugins.loader import Severity, load_site

from .edits import problems_of, replace_in

PLAN = "plans/pathumthani-pao/plans/2567.yml"


def test_demo_worksheets_and_progress_load_clean(demo_copy):
    site, problems = load_site(demo_copy)
    assert problems.errors == [] and problems.warnings == []
    plan = site.orgs["pathumthani-pao"].plans[0].plan
    assert [w.kind.value for w in plan.worksheets] == ["kpi", "knowledge"]
    knowledge = plan.worksheets[1]
    assert knowledge.chosen_result is not None and knowledge.chosen_result.rank == 1
    assert {r.candidate.section for r in knowledge.results} >= {"km-techniques", "km-publicity"}
    assert sorted(r.rank for r in knowledge.results if r.tied) == [3, 3]
    assert [(r.round, r.date.raw) for r in plan.progress] == [(6, "๓๑ มีนาคม ๒๕๖๗")]


def test_bad_score_value(demo_copy):
    line = replace_in(demo_copy / PLAN, "benefit: ปานกลาง, holders: มาก}", "benefit: ปานกลาง, holders: สูง}")
    assert problems_of(demo_copy) == [
        f"{PLAN}:{line}: worksheets[2].candidates[1].scores.holders: 'สูง' is not a score: use มาก (5), "
        "ปานกลาง (3) or น้อย (1): the Thai word or the number 5, 3 or 1 (Thai ๕ ๓ ๑ or Arabic digits)"
    ]


def test_bad_numeric_score(demo_copy):
    line = replace_in(demo_copy / PLAN, 'km-helps: "๓"', 'km-helps: "๔"')
    (found,) = problems_of(demo_copy)
    assert found.startswith(f"{PLAN}:{line}: worksheets[1].candidates[3].scores.km-helps: '๔' is not a score")


def test_chosen_not_top_ranked_is_a_warning(demo_copy):
    line = replace_in(demo_copy / PLAN, "chosen: km-techniques", "chosen: budget-ordinance")
    assert problems_of(demo_copy) == []
    _, problems = load_site(demo_copy)
    (warning,) = problems.warnings
    assert warning.code == "not-top-ranked" and warning.value == "budget-ordinance"
    assert warning.format() == (
        f"{PLAN}:{line}: warning: worksheets[2].chosen: the chosen candidate 'budget-ordinance' is ranked 3 "
        "(19/25), not 1; ranked 1: 'km-techniques' (23/25)"
    )


def test_not_top_ranked_can_be_acknowledged(demo_copy):
    replace_in(demo_copy / PLAN, "chosen: km-techniques", "chosen: km-publicity")
    replace_in(demo_copy / PLAN, "acknowledged:\n", "acknowledged:\n  - code: not-top-ranked\n    value: km-publicity\n"
                                                    "    note: the executives chose it for the second plan\n")
    _, problems = load_site(demo_copy)
    assert problems.errors == [] and problems.warnings == []
    assert any(p.code == "not-top-ranked" for p in problems.notes)


def test_chosen_names_no_candidate(demo_copy):
    line = replace_in(demo_copy / PLAN, "chosen: km-techniques", "chosen: km-technique")
    assert problems_of(demo_copy) == [
        f"{PLAN}:{line}: worksheets[2].chosen: chosen 'km-technique' names no candidate of this worksheet; "
        "did you mean km-techniques? (candidates: km-techniques, km-publicity, budget-ordinance, "
        "local-development-plan, e-document)"
    ]


def test_missing_and_extra_criteria_are_named(demo_copy):
    line = replace_in(demo_copy / PLAN, "benefit: ปานกลาง, holders: น้อย}", "benefit: ปานกลาง, holder: น้อย}")
    found = problems_of(demo_copy)
    criteria = "criteria: strategy, urgency, feasibility, benefit, holders"
    assert found == [
        f"{PLAN}:{line}: worksheets[2].candidates[5].scores: candidate 'e-document' has no score for holders: "
        f"every candidate needs exactly one score per criterion ({criteria})",
        f"{PLAN}:{line}: worksheets[2].candidates[5].scores.holder: candidate 'e-document' scores 'holder', "
        f"which is not a criterion of this worksheet; did you mean holders? ({criteria})",
    ]
    # an incomplete sheet's ranks mean nothing: no not-top-ranked warning on top of the errors
    assert problems_of(demo_copy, Severity.WARNING) == []


def test_a_criterion_scored_twice_is_an_error(demo_copy):
    line = replace_in(demo_copy / PLAN, "benefit: ปานกลาง, holders: น้อย}",
                      "benefit: ปานกลาง, holders: น้อย, benefit: มาก}")
    (found,) = problems_of(demo_copy)
    assert found.startswith(f"{PLAN}:{line}: malformed YAML: found duplicate key \"benefit\"")


def test_unknown_section_of_a_candidate(demo_copy):
    line = replace_in(demo_copy / PLAN, "section: km-publicity", "section: km-publicty")
    assert problems_of(demo_copy) == [
        f"{PLAN}:{line}: worksheets[2].candidates[2].section: unknown section 'km-publicty': no section of this "
        "plan has that id; did you mean km-publicity? (known: km-techniques, km-publicity)"
    ]


def test_unknown_row_reference(demo_copy):
    line = replace_in(demo_copy / PLAN, "- row: pub-cmp4", "- row: pub-cmp9")
    (found,) = problems_of(demo_copy)
    assert found.startswith(f"{PLAN}:{line}: progress[1].entries[12].row: unknown activity 'pub-cmp9': "
                            "no activity row of this plan has that id; did you mean ")
    assert found.endswith("(known: tech-kmp1, tech-kmp2, tech-cmp1, tech-cmp2, tech-cmp3, tech-cmp4, "
                          "pub-kmp1, pub-kmp2, pub-kmp3, pub-kmp5, pub-cmp1, pub-cmp2, pub-cmp3, pub-cmp4)")


def test_row_reported_twice_in_one_report(demo_copy):
    line = replace_in(demo_copy / PLAN, "- row: pub-cmp4", "- row: pub-cmp3")
    assert problems_of(demo_copy) == [
        f"{PLAN}:{line}: progress[1].entries[12].row: activity 'pub-cmp3' is already given at "
        "progress[1].entries[11].row: report each activity once per report"
    ]


def test_duplicate_activity_id(demo_copy):
    line = replace_in(demo_copy / PLAN, "- id: pub-cmp4", "- id: pub-cmp3")
    found = problems_of(demo_copy)
    assert f"{PLAN}:{line}: sections[2].tables[2].rows[4].id: activity id 'pub-cmp3' is already given at " \
           "sections[2].tables[2].rows[3].id: ids must be unique within a plan" in found


def test_bad_report_date(demo_copy):
    line = replace_in(demo_copy / PLAN, "date: ๓๑ มีนาคม ๒๕๖๗", "date: ๓๑ มีนาม ๒๕๖๗")
    (found,) = problems_of(demo_copy)
    assert found.startswith(f"{PLAN}:{line}: progress[1].date: unknown month: 'มีนาม'")
    assert "มีนาคม" in found  # the nearest month is suggested


def test_impossible_report_date(demo_copy):
    line = replace_in(demo_copy / PLAN, "date: ๓๑ มีนาคม ๒๕๖๗", "date: 2567-02-30")
    (found,) = problems_of(demo_copy)
    assert found.startswith(f"{PLAN}:{line}: progress[1].date: no such day")


def test_bad_round(demo_copy):
    line = replace_in(demo_copy / PLAN, "  - round: 6", "  - round: 7")
    (found,) = problems_of(demo_copy)
    assert found == (f"{PLAN}:{line}: progress[1].round: '7' is not a reporting round: "
                     "use 6, 9 or 12 (months; Thai or Arabic digits)")
