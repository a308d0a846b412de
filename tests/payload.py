"""Hostile values in every string field of the content model: the fields are found by walking the
pydantic models (never listed by hand), the values put into a copy of the demo, and every value the
loader refuses is put back, so that the site still builds with every value the loader accepts.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from io import StringIO
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from kmsite_plugins.loader import load_site
from kmsite_plugins.loader.problems import field_path
from kmsite_plugins.model import (
    Announcement,
    CommitteeFile,
    CopFile,
    KnowledgeAsset,
    Organisation,
    Plan,
    TopicFile,
)

# Each piece must come out as text: a tag, a script, a Markdown javascript: link, an attr_list attribute,
# an escaped tag that must stay escaped.
PIECES = ('"><img src=x onerror=alert(1)>', "<script>alert(2)</script>", "[j](javascript:alert(3))",
          "{: onclick=alert(4) }", "&lt;b&gt;kmsb&lt;/b&gt;")
PAYLOAD = " " + " ".join(PIECES)
URL_PAYLOAD = "javascript:alert(5)"  # tried alone where the appended payload is refused (URL fields)

# content file (glob under an organisation folder) -> the model its data validates as
FILE_MODELS: dict[str, type[BaseModel]] = {
    "organisation.yml": Organisation, "committees.yml": CommitteeFile, "cops.yml": CopFile,
    "knowledge/topics.yml": TopicFile, "plans/*.yml": Plan, "knowledge/*.md": KnowledgeAsset,
    "announcements/*.md": Announcement,
}

Loc = tuple[Any, ...]


def _unwrap(annotation: Any) -> Any:
    """``Optional[X]`` / ``Annotated[X, ...]`` → X."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def string_fields(data: Any, model: type[BaseModel], loc: Loc = ()) -> Iterator[tuple[Loc, Optional[str], bool]]:
    """Every string field of ``model`` in ``data``: (location, current value or None, is a list item).

    Absent optional strings are included (value None): a hostile author may add any field.
    """
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        kind = _unwrap(info.annotation)
        value = data.get(name)
        origin = typing.get_origin(kind)
        if kind is str:
            if value is None or isinstance(value, str):
                yield loc + (name,), value, False
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from string_fields(value, kind, loc + (name,))
        elif origin is list:
            inner = _unwrap(typing.get_args(kind)[0])
            items = value if isinstance(value, list) else []
            if inner is str:
                for i, item in enumerate(items):
                    yield loc + (name, i), item, True
                if not items:
                    yield loc + (name, 0), None, True
            elif isinstance(inner, type) and issubclass(inner, BaseModel):
                for i, item in enumerate(items):
                    yield from string_fields(item, inner, loc + (name, i))
        elif origin is dict:
            inner = _unwrap(typing.get_args(kind)[1])
            if isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(value, dict):
                for key, item in value.items():
                    yield from string_fields(item, inner, loc + (name, key))
        elif isinstance(kind, type) and issubclass(kind, Enum) or typing.get_origin(kind) is typing.Literal:
            continue  # a closed set of codes: nothing free to inject


def _set(data: Any, loc: Loc, value: Optional[str]) -> None:
    node = data
    for key in loc[:-1]:
        if isinstance(node, dict) and key not in node:
            node[key] = CommentedSeq()  # an absent list of strings (only lists are created here)
        node = node[key]
    last = loc[-1]
    if value is None:
        if isinstance(node, list):
            del node[last]
            if not node:
                _drop_empty(data, loc[:-1])
        else:
            node.pop(last, None)
    elif isinstance(node, list) and last == len(node):
        node.append(value)
    else:
        node[last] = value


def _drop_empty(data: Any, loc: Loc) -> None:
    node = data
    for key in loc[:-1]:
        node = node[key]
    node.pop(loc[-1], None)


@dataclass
class ContentFile:
    path: Path
    rel: str
    model: type[BaseModel]
    data: Any
    body: Optional[str]  # Markdown files: the body after the front matter
    injected: dict[Loc, tuple[Optional[str], str]] = field(default_factory=dict)  # loc -> (original, hostile)

    def write(self) -> None:
        yaml = YAML(typ="rt")
        yaml.width = 4096
        out = StringIO()
        yaml.dump(self.data, out)
        text = out.getvalue() if self.body is None else f"---\n{out.getvalue()}---\n{self.body}"
        self.path.write_text(text, encoding="utf-8")


def _read(path: Path, root: Path, model: type[BaseModel]) -> ContentFile:
    yaml = YAML(typ="rt")
    text = path.read_text(encoding="utf-8")
    body = None
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        text = front
    return ContentFile(path, path.relative_to(root).as_posix(), model, yaml.load(text), body)


@dataclass
class Injection:
    files: list[ContentFile]
    accepted: list[tuple[str, str]]  # (file, field) holding a hostile value in the build
    refused: list[tuple[str, str]]  # (file, field) whose hostile value the loader refused (then put back)

    @property
    def field_names(self) -> set[str]:
        """Model field names reached (``title``, ``members.name``): how much of the model the payload covers."""
        return {".".join(str(p) for p in _names(f)) for _, f in self.accepted}


def _names(loc_text: str) -> list[str]:
    return [part.split("[")[0] for part in loc_text.split(".")]


def inject(root: Path) -> Injection:
    """Put the payload in every string field and every Markdown body of the demo copy at ``root``."""
    files = [_read(path, root, model) for org in sorted((root / "plans").iterdir()) if org.is_dir()
             for pattern, model in FILE_MODELS.items() for path in sorted(org.glob(pattern))]
    for content in files:
        for loc, value, _ in list(string_fields(content.data, content.model)):
            hostile = (value or "") + PAYLOAD
            content.injected[loc] = (value, hostile)
            _set(content.data, loc, hostile)
        if content.body is not None:
            content.body += "\n\n" + PAYLOAD + "\n\n<img src=x onerror=alert(6)><script>alert(7)</script>\n"
        content.write()
    refused: list[tuple[str, str]] = []
    for _ in range(12):  # each round replaces what the loader refused: the payload, then javascript:, then the original
        _, problems = load_site(root)
        blamed = {(p.path, p.field) for p in problems.items if p.severity.value in ("error", "warning")}
        if not blamed:
            break
        changed = False
        for content in files:
            mine = {f for path, f in blamed if path == content.rel}
            suspects = {loc for loc in content.injected
                        if any(f == field_path(loc) or f.startswith((field_path(loc) + ".", field_path(loc) + "["))
                               for f in mine)}
            for f in mine:  # a problem about a whole item (a model rule across fields): the fields added under it
                if not any(f == field_path(loc) or f.startswith(field_path(loc)) for loc in suspects):
                    under = [loc for loc in content.injected if field_path(loc).startswith(f)]
                    added = [loc for loc in (under or content.injected) if content.injected[loc][0] is None]
                    suspects |= set(added or under)
            for loc in suspects:
                original, hostile = content.injected[loc]
                where = field_path(loc)
                changed = True
                if hostile != URL_PAYLOAD:
                    content.injected[loc] = (original, URL_PAYLOAD)
                    _set(content.data, loc, URL_PAYLOAD)
                else:
                    del content.injected[loc]
                    _set(content.data, loc, original)
                    refused.append((content.rel, where))
            content.write()
        assert changed, f"problems not caused by an injected field: {sorted(blamed)[:10]}"
    else:
        raise AssertionError("the payload did not settle")
    _, problems = load_site(root)
    assert not [p.format() for p in problems.items if p.severity.value in ("error", "warning")]
    accepted = [(c.rel, field_path(loc)) for c in files for loc in c.injected]
    return Injection(files, accepted, refused)
