"""Selection worksheets (OPDC practice): score candidate KPIs or knowledge against criteria.

A worksheet is a matrix of criteria × candidates. Every score is มาก (5),
ปานกลาง (3) or น้อย (1); authors write the Thai word or the number, in Thai or
Arabic digits. The criteria are the organisation's own list. Totals,
percentages of the maximum (5 × number of criteria) and ranks are computed
here, as plain functions and properties; the loader reports coverage problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Optional

from pydantic import BeforeValidator, Field

from ..thai.digits import to_arabic
from .base import Id, Ref, StrictModel, Text

SCORE_WORDS: dict[int, str] = {5: "มาก", 3: "ปานกลาง", 1: "น้อย"}
"""The OPDC scale: each accepted value with its Thai word."""

MAX_SCORE = max(SCORE_WORDS)
ACCEPTED_SCORES = "มาก (5), ปานกลาง (3) or น้อย (1): the Thai word or the number 5, 3 or 1 (Thai ๕ ๓ ๑ or Arabic digits)"
_SCORE_BY_TEXT: dict[str, int] = {
    **{word: value for value, word in SCORE_WORDS.items()},
    **{str(value): value for value in SCORE_WORDS},
}


class Score(StrictModel):
    """One cell of the matrix: its value on the 5/3/1 scale and the author's text."""

    value: int
    written: str

    @property
    def word(self) -> str:
        """The Thai word of the value (มาก, ปานกลาง, น้อย), whatever the author wrote."""
        return SCORE_WORDS[self.value]


def parse_score(value: object) -> Score:
    """``"มาก"``, ``"๕"``, ``"5"`` or ``5`` → ``Score(value=5, written=...)``.

    Raises:
        ValueError: any other value, naming the accepted ones.
    """
    if isinstance(value, Score):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value in SCORE_WORDS:
        return Score(value=value, written=str(value))
    if isinstance(value, str):
        key = " ".join(to_arabic(value).split())
        if key in _SCORE_BY_TEXT:
            return Score(value=_SCORE_BY_TEXT[key], written=value.strip())
    shown = value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else type(value).__name__
    raise ValueError(f"'{shown}' is not a score: use {ACCEPTED_SCORES}")


ScoreValue = Annotated[Score, BeforeValidator(parse_score)]


def _score_keys(value: object) -> object:
    """Criterion ids written as bare numbers (``1: มาก``) are still ids."""
    if isinstance(value, dict):
        return {str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v for k, v in value.items()}
    return value


class WorksheetKind(str, Enum):
    KPI = "kpi"  # แบบฟอร์มการคัดเลือกตัวชี้วัด (KPI)
    KNOWLEDGE = "knowledge"  # แบบฟอร์มการคัดเลือกองค์ความรู้


class Criterion(StrictModel):
    """One row of the matrix: a criterion the organisation scores candidates on."""

    id: Id
    name: Text
    name_en: Optional[Text] = None


class Candidate(StrictModel):
    """One column of the matrix: a candidate KPI or knowledge with its scores by criterion id."""

    id: Id
    name: Text
    name_en: Optional[Text] = None
    section: Optional[Ref] = None  # the plan section this candidate became, if selected
    note: Optional[Text] = None
    scores: Annotated[dict[Id, ScoreValue], BeforeValidator(_score_keys)] = Field(default_factory=dict)


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's computed total, percentage of the maximum and competition rank."""

    candidate: Candidate
    total: int
    percent: float
    rank: int
    tied: bool
    chosen: bool

    @property
    def percent_text(self) -> str:
        """The percentage with at most one decimal: ``86.7``, ``100``."""
        text = f"{self.percent:.1f}"
        return text[:-2] if text.endswith(".0") else text


def competition_ranks(totals: Sequence[float]) -> list[int]:
    """Standard competition ranking, highest first: totals 13, 13, 9 → ranks 1, 1, 3."""
    return [1 + sum(1 for other in totals if other > total) for total in totals]


def percent_of(total: float, maximum: float) -> float:
    """``total`` as a percentage of ``maximum`` (0 when there is no maximum)."""
    return 100.0 * total / maximum if maximum else 0.0


class Worksheet(StrictModel):
    """A KPI-selection or knowledge-selection sheet: criteria × candidates, scored 5/3/1."""

    id: Id
    kind: WorksheetKind
    title: Optional[Text] = None
    title_en: Optional[Text] = None
    criteria: list[Criterion] = Field(min_length=1)
    candidates: list[Candidate] = Field(min_length=1)
    chosen: Optional[Id] = None  # the id of the candidate the plan selected
    note: Optional[Text] = None
    example: bool = False  # invented demo content, shown as such

    @property
    def criterion_ids(self) -> list[str]:
        return [c.id for c in self.criteria]

    @property
    def max_total(self) -> int:
        """The highest possible total: 5 × number of criteria."""
        return MAX_SCORE * len(self.criteria)

    def total(self, candidate: Candidate) -> int:
        """Sum of the candidate's scores on this sheet's criteria (unknown criteria ignored)."""
        return sum(candidate.scores[c].value for c in self.criterion_ids if c in candidate.scores)

    def missing_criteria(self, candidate: Candidate) -> list[str]:
        """Criterion ids the candidate has no score for, in sheet order."""
        return [c for c in self.criterion_ids if c not in candidate.scores]

    def extra_criteria(self, candidate: Candidate) -> list[str]:
        """Score keys that name no criterion of this sheet, as written."""
        known = set(self.criterion_ids)
        return [key for key in candidate.scores if key not in known]

    def score(self, candidate: Candidate, criterion_id: str) -> Optional[Score]:
        return candidate.scores.get(criterion_id)

    def candidate(self, candidate_id: Optional[str]) -> Optional[Candidate]:
        return next((c for c in self.candidates if c.id == candidate_id), None)

    @property
    def results(self) -> list[CandidateResult]:
        """One result per candidate, in the author's order."""
        totals = [self.total(c) for c in self.candidates]
        ranks = competition_ranks(totals)
        return [
            CandidateResult(candidate, total, percent_of(total, self.max_total), rank,
                            tied=ranks.count(rank) > 1, chosen=candidate.id == self.chosen)
            for candidate, total, rank in zip(self.candidates, totals, ranks, strict=False)
        ]

    def result_of(self, candidate_id: Optional[str]) -> Optional[CandidateResult]:
        return next((r for r in self.results if r.candidate.id == candidate_id), None)

    @property
    def chosen_result(self) -> Optional[CandidateResult]:
        return self.result_of(self.chosen)

    @property
    def top(self) -> list[CandidateResult]:
        """The candidates ranked 1 (more than one on a tie)."""
        return [r for r in self.results if r.rank == 1]

