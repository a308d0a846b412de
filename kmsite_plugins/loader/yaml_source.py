"""YAML and front matter loading that keeps line numbers and leaves dates as text.

ruamel's round-trip loader records where every key and item came from, so a
pydantic error location (``('people', 2, 'name')``) can be walked back to a line.
Timestamps are not resolved: ``2567-01-15`` stays a string for our Thai-date types.
libyaml parses (``yaml_fast``) and ruamel's constructor builds the same data; ruamel parses
alone where that path cannot promise the same result, and for every malformed document.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from . import yaml_fast
from .source_text import SourceError, read_source

__all__ = ["SourceError", "YamlDoc", "YamlSyntaxError", "load_yaml_file", "load_front_matter", "plain_data"]


class YamlSyntaxError(SourceError):
    """Malformed YAML, with the 1-based line where the parser stopped."""


MAX_NODES = 100_000  # values in a document once aliases are expanded; the demo's largest plan has ~3,000


def _expanded_size(data: Any) -> int:
    """How many values the document holds with every alias expanded, counted without expanding them."""
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        if not isinstance(node, (dict, list)):
            return 1
        if id(node) not in sizes:
            sizes[id(node)] = 0  # a recursive alias counts once
            children = list(node.values()) if isinstance(node, dict) else node
            sizes[id(node)] = min(1 + sum(size(child) for child in children), MAX_NODES + 1)
        return sizes[id(node)]

    return size(data)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    # Keep dates as the author wrote them; a BE year would otherwise become CE 2567.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: str(loader.construct_scalar(node))
    )
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass
class YamlDoc:
    """A loaded YAML document with positions; ``offset`` shifts lines (front matter)."""

    path: Path
    data: Any
    offset: int = 0

    def line_of(self, loc: Sequence[str | int]) -> int:
        """1-based line of the deepest node of ``loc`` that exists in the document."""
        node: Any = self.data
        line = (node.lc.line + 1) if hasattr(node, "lc") else 1
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                k_line, _ = node.lc.key(key)
                line = k_line + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                i_line, _ = node.lc.item(key)
                line = i_line + 1
                node = node[key]
            else:
                break
        return line + self.offset


def plain_data(node: Any) -> Any:
    """The same values in plain dicts and lists (scalars as they are), for validation.

    pydantic reads a dict subclass such as CommentedMap through Python-level ``items``/``get`` calls and an
    exact dict at C speed: copying first costs a fraction of what it saves. Positions stay in the document.
    """
    if isinstance(node, CommentedMap):
        return {key: plain_data(value) for key, value in OrderedDict.items(node)}
    if isinstance(node, CommentedSeq):
        return [plain_data(value) for value in list.__iter__(node)]  # CommentedSeq's own __iter__ is Python
    return node


@lru_cache(maxsize=1)
def _constructor() -> Any:
    """ruamel's constructor for the fast path's numbers, booleans, dates and block scalars."""
    return _yaml().constructor


def _fast_load(text: str) -> Any:
    """The data ruamel would load, parsed by libyaml; raises yaml_fast.Unsupported where it cannot be sure.

    No aliases here and at most MAX_NODES nodes, so the alias expansion check has nothing to find.
    """
    try:
        return yaml_fast.load(text, _constructor(), MAX_NODES)
    except yaml_fast.Unsupported:
        raise
    except Exception as exc:  # a scalar ruamel's constructor rejects: ruamel says it in its words
        raise yaml_fast.Unsupported(str(exc)) from exc


def _parse(text: str, path: Path, offset: int) -> YamlDoc:
    try:
        return YamlDoc(path, _or_empty(_fast_load(text)), offset)
    except yaml_fast.Unsupported:
        data = _slow_load(text, offset)
    if _expanded_size(data) > MAX_NODES:
        raise YamlSyntaxError(1 + offset, f"aliases (*name) expand this document to more than {MAX_NODES:,} values: "
                                          "write the values out instead of nesting aliases")
    return YamlDoc(path, _or_empty(data), offset)


def _or_empty(data: Any) -> Any:
    return {} if data is None else data


def _slow_load(text: str, offset: int) -> Any:
    """ruamel alone: every document the fast path refuses, and the errors' messages and lines."""
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        problem = exc.problem or exc.context or "malformed YAML"
        raise YamlSyntaxError(line, f"malformed YAML: {problem}") from exc
    except RecursionError:
        raise YamlSyntaxError(1 + offset, "malformed YAML: nested too deeply") from None
    except Exception as exc:  # ruamel raises a few unmarked errors (e.g. duplicate keys)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise YamlSyntaxError(1 + offset, f"malformed YAML: {first}") from exc


def load_yaml_file(path: Path) -> YamlDoc:
    """A YAML content file; raises SourceError (unreadable file) or YamlSyntaxError, both with a line."""
    return _parse(read_source(path), path, 0)


def load_front_matter(path: Path) -> tuple[YamlDoc, str, int]:
    """Split a Markdown file into front matter (with its line offset), body and body line."""
    text = read_source(path)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise YamlSyntaxError(1, "missing front matter: the file must start with a '---' line")
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            doc = _parse("".join(lines[1:i]), path, 1)
            return doc, "".join(lines[i + 1:]), i + 2
    raise YamlSyntaxError(1, "front matter is not closed: add a '---' line after it")
