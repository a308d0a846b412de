"""Shared pydantic building blocks: strict models, ids, Thai integers, visibility, word aliases."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from ..thai.digits import parse_int

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo must never be dropped silently."""

    model_config = ConfigDict(extra="forbid", validate_default=True)


def _thai_int(value: object) -> object:
    if isinstance(value, str):
        try:
            return parse_int(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a whole number (Thai ๐-๙ or Arabic 0-9 digits)") from None
    return value


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lower-case a-z, 0-9 and '-', starting with a letter or digit"
        )
    return value


ThaiInt = Annotated[int, BeforeValidator(_thai_int)]
"""An integer written with Thai or Arabic digits."""

Id = Annotated[str, AfterValidator(_check_id)]
"""A stable identifier used in URLs and cross-references."""

Ref = Annotated[str, AfterValidator(_check_id)]
"""A reference to a department, position or person id of the same organisation."""


def _text(value: object) -> object:
    # YAML turns bare numbers into ints; a text cell like "2" is still text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_text)]


def alias_validator(table: Mapping[str, Enum]) -> BeforeValidator:
    """A before-validator mapping a Thai (or spelled-out) word to its enum code; codes pass through.

    The word is looked up as written (stripped), then lower-cased; anything else goes on to the
    enum's own validation, which names the allowed codes.
    """

    def convert(value: object) -> object:
        if isinstance(value, str):
            key = value.strip()
            return table.get(key) or table.get(key.lower()) or key
        return value

    return BeforeValidator(convert)


class Visibility(str, Enum):
    PUBLIC = "public"
    INTERNAL = "internal"
