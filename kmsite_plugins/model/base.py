"""Shared pydantic building blocks: strict models, ids, Thai integers, visibility."""

from __future__ import annotations

import re
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


class Visibility(str, Enum):
    PUBLIC = "public"
    INTERNAL = "internal"
