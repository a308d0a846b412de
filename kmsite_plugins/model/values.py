"""Typed Thai values: the author's text and its parsed value, read once while the model is validated.

Every later layer (checks, views, outputs) reads ``value``; nothing parses the text again. A value
that cannot be read keeps its ``error`` (a ThaiDateError naming what is accepted) for the loader to
report at the field's line; where the model cannot do without the value, validation fails instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, GetCoreSchemaHandler
from pydantic_core import core_schema

from ..thai.dates import ThaiDateError, format_long_date, parse_date
from ..thai.periods import Period, parse_period

__all__ = ["ThaiDate", "ReadableDate", "ActivityPeriod", "read_period"]


def _text(value: object) -> str:
    """YAML may give a bare number; a date or period cell is still text."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"expected a date written as text, got {type(value).__name__}")


@dataclass(frozen=True)
class ThaiDate:
    """A date as written (``raw``) and its value; ``value`` is None when the text cannot be read."""

    raw: str
    value: date | None
    error: ThaiDateError | None = None

    @classmethod
    def read(cls, raw: str) -> ThaiDate:
        try:
            return cls(raw, parse_date(raw))
        except ThaiDateError as exc:
            return cls(raw, None, exc)

    def __str__(self) -> str:
        return self.raw

    def formatted(self, lang: Literal["th", "en"] = "th") -> str:
        """The date in the page language (``๓๑ มีนาคม ๒๕๖๗``, ``31 March 2024``), else as written."""
        return format_long_date(self.value, lang, style="plain") if self.value else self.raw

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: object) -> ThaiDate:
            return value if isinstance(value, ThaiDate) else cls.read(_text(value))

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.raw))


def _readable(value: ThaiDate) -> ThaiDate:
    if value.error is not None:
        raise value.error  # a ValueError: pydantic reports it at the field, saying what is accepted
    return value


ReadableDate = Annotated[ThaiDate, AfterValidator(_readable)]
"""A date the model cannot do without: unreadable text is a validation error."""


@dataclass(frozen=True)
class ActivityPeriod:
    """A period cell (its correction when the author's text has one) read with the plan's fiscal year."""

    raw: str
    fiscal_year: int | None
    value: Period | None
    error: ThaiDateError | None = None


def read_period(raw: str, fiscal_year: int | None) -> ActivityPeriod:
    try:
        return ActivityPeriod(raw, fiscal_year, parse_period(raw, fiscal_year))
    except ThaiDateError as exc:
        return ActivityPeriod(raw, fiscal_year, None, exc)
