"""Turn pydantic validation errors into ``path:line: field: message`` problems."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any, Optional

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .problems import Problems, field_path
from .yaml_source import YamlDoc


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/list to the model class inside, if any."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType, list, dict):
        for arg in typing.get_args(tp):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return tp


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> Optional[type[BaseModel]]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _message(err: ErrorDetails, model: type[BaseModel]) -> str:
    kind = err["type"]
    loc = err["loc"]
    value = err.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        accepted = ", ".join(parent.model_fields) if parent else "see the template from 'kmsite new'"
        return f"unknown key '{loc[-1]}'; accepted keys: {accepted}"
    msg = err["msg"].removeprefix("Value error, ")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value) not in msg:
        msg = f"{msg} (got '{value}')"
    return msg


def report_validation_error(exc: ValidationError, doc: YamlDoc, model: type[BaseModel],
                            problems: Problems, prefix: Sequence[str | int] = ()) -> None:
    """Add one problem per pydantic error, located in the YAML document."""
    for err in exc.errors(include_url=False):
        loc = tuple(prefix) + tuple(p for p in err["loc"])
        # model_validator errors carry no field; point at the object they belong to
        where = loc[:-1] if err["type"] == "missing" else loc
        problems.error(doc.path, doc.line_of(where), field_path(loc), _message(err, model))
