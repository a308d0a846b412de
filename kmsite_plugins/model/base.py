"""Shared pydantic building blocks: strict models, ids, Thai integers, visibility, word aliases."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationInfo, field_validator

from ..thai.digits import parse_int

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# C0 controls but tab and line breaks, DEL and C1 controls: invisible, and not allowed in XML (feeds).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _check_text(value: str) -> None:
    found = _CONTROL.search(value)
    if found:
        raise ValueError(f"contains the control character U+{ord(found.group()):04X} at position {found.start() + 1}; "
                         "delete it (it is invisible, and feeds cannot carry it)")


class StrictModel(BaseModel):
    """Unknown keys are errors: a typo must never be dropped silently. Every text is free of control
    characters, and a required text field is not empty or blank."""

    model_config = ConfigDict(extra="forbid", validate_default=True)

    @field_validator("*", mode="after")
    @classmethod
    def _clean_text(cls, value: object, info: ValidationInfo) -> object:
        # runs for every field of every item: the field's definition is looked up only for a blank text
        if isinstance(value, str):
            _check_text(value)
            if not value.strip():
                field = cls.model_fields.get(info.field_name or "")
                if field is not None and field.is_required():
                    raise ValueError("is empty: this field is required, write its text")
        elif isinstance(value, list):
            for text in value:
                if isinstance(text, str):
                    _check_text(text)
        return value


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

URL_SCHEMES = ("http://", "https://", "mailto:")


def _check_url(value: str) -> str:
    if not value.strip().lower().startswith(URL_SCHEMES) or any(c.isspace() for c in value.strip()):
        raise ValueError(f"'{value}' is not a web or mail address: write a full http://, https:// or mailto: URL")
    return value.strip()


WebUrl = Annotated[str, BeforeValidator(_text), AfterValidator(_check_url)]
"""A link authors give: only http(s):// and mailto: (never javascript: or data:)."""


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
