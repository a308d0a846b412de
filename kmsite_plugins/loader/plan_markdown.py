"""Read a plan written as Markdown (``plans/<org>/plans/<year>.md``) into the mapping a YAML plan holds.

The result is a :class:`MarkdownPlanDoc`: the same keys and values as the YAML form
(``sections[].tables[].rows[]`` …) plus the Markdown line of every item, so the model,
its validation and every check run unchanged and report ``path:line`` at the
Markdown line. Structure comes from ``markdown-it-py`` (CommonMark with GFM tables);
values are the author's source text, never the rendered HTML.

The form (``docs/about/plan-markdown.md`` describes it for authors):

- YAML front matter: header fields (``fiscal_year``, ``unit``, ``reviewer``, ``approver``,
  ``title_en``), and the parts kept in YAML: ``worksheets``, ``progress``, ``acknowledged``.
- ``# title``; ``## ขอบเขต KM`` / ``## เป้าหมาย KM`` / ``## ปัจจัยแห่งความสำเร็จ`` with a list each.
- ``## <heading> {#section-id}``: one selected knowledge; ``- label: value`` items for its header fields.
- ``### กระบวนการจัดการความรู้ (KM Process)`` / ``### … (Change Management Process)``: a table of
  activities; a Markdown table whose header row is the plan's own column headers, with its rows
  (one-line cells), and/or ``#### <heading> {#row-id}`` per activity with ``- <column header>: value``
  items whose values may run over several lines and hold lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..thai.digits import to_arabic
from . import plan_markdown_syntax as syntax
from .problems import Problems, field_path
from .source_text import SourceError, read_source
from .yaml_source import YamlDoc, YamlSyntaxError
from .yaml_source import _parse as parse_yaml

__all__ = ["MarkdownPlanDoc", "read_plan_markdown", "read_plan_text"]

Loc = tuple
BLOCK_NAMES = {"fence": "a code block (```)", "code_block": "an indented code block", "blockquote_open": "a quote (>)",
               "html_block": "an HTML block (only <!-- notes --> are allowed)"}
SKIPPED = ("skipped",)
"""Where blocks go after a heading that was reported: not reported again until the next ## or # heading."""


@dataclass
class MarkdownPlanDoc(YamlDoc):
    """A Markdown plan as the YAML mapping, with the Markdown line of every location."""

    front: YamlDoc | None = None  # the front matter; its keys are located there
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int:
        key = tuple(loc)
        if key and self.front is not None and isinstance(self.front.data, dict) and key[0] in self.front.data:
            return self.front.line_of(key)
        for n in range(len(key), -1, -1):
            if key[:n] in self.lines:
                return self.lines[key[:n]]
        return 1


@dataclass
class _Item:
    """One list item: its first line after the marker, its other lines de-indented, its file line."""

    first: str
    rest: list[str]
    line: int
    open_index: int
    close_index: int


_THAI_MARKER = re.compile(r"^( *)([๐-๙]{1,9})([.)])(?= |$)", re.M)


def _arabic_list_markers(text: str) -> str:
    """``๑. ข้อ`` → ``1. ข้อ`` for the parser: Thai-numbered lists are lists. Same length, so lines and columns
    stay; values are still read from the author's text."""
    return _THAI_MARKER.sub(lambda m: m[1] + to_arabic(m[2]) + m[3], text)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark with GFM tables, block structure only: values are read from the author's text and inline
    tokens' ``content`` (never their children), so inline parsing would be wasted (~a quarter of the parse)."""
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def _heading_id(text: str) -> tuple[str, str | None]:
    """``"เทคนิค KM {#km-techniques}"`` → ``("เทคนิค KM", "km-techniques")``."""
    stripped = text.rstrip()
    if stripped.endswith("}") and "{#" in stripped:
        head, _, anchor = stripped[:-1].rpartition("{#")
        return head.strip(), anchor.strip()
    return stripped, None


def _strip_numbering(text: str) -> str:
    """``"๒. ขอบเขต KM"`` → ``"ขอบเขต KM"``: section numbers printed before a heading."""
    return text.lstrip("0123456789๐๑๒๓๔๕๖๗๘๙.) \t")


def _block_end(tokens: list[Token], i: int) -> int:
    """Index of the token closing the block opened at ``i`` (``i`` itself for a self-contained token)."""
    token = tokens[i]
    if token.nesting != 1:
        return i
    close = token.type.replace("_open", "_close")
    for j in range(i + 1, len(tokens)):
        if tokens[j].type == close and tokens[j].level == token.level:
            return j
    return len(tokens) - 1


class _Reader:
    """One pass over the tokens of one Markdown plan, building the mapping and its line map."""

    def __init__(self, path: Path, body: str, body_line: int, problems: Problems):
        self.path = path
        self.body_lines = body.splitlines()
        self.body_line = body_line
        self.problems = problems
        self.errors = 0
        self.data = CommentedMap()
        self.lines: dict[Loc, int] = {(): 1}
        self.tokens = _parser().parse(_arabic_list_markers(body))
        # where the next block belongs: ("title",), ("list", key), ("section", s), ("table", s, t), ("row", s, t, r)
        self.place: tuple = ()
        self._row_labels: dict[tuple[int, int], tuple[dict[str, str], str]] = {}

    # -- helpers -----------------------------------------------------------------
    def file_line(self, token: Token) -> int:
        return self.body_line + (token.map[0] if token.map else 0)

    def error(self, line: int, loc: Loc, message: str) -> None:
        self.errors += 1
        self.problems.error(self.path, line, field_path(loc), message)

    def at(self, loc: Loc, line: int) -> None:
        self.lines[loc] = line

    def item(self, tokens: list[Token], i: int) -> _Item:
        """The list item opened at ``tokens[i]`` as source text (the author's characters, not HTML)."""
        token = tokens[i]
        start, end = token.map or (0, 1)
        first = self.body_lines[start]
        text = first.lstrip(" ")
        lead = len(first) - len(text)
        marker = token.info + token.markup
        after = text[len(marker):]
        spaces = len(after) - len(after.lstrip(" "))
        indent = lead + len(marker) + (1 if not after.strip() or spaces > 4 else spaces)
        rest = []
        for line in self.body_lines[start + 1:end]:
            cut = min(indent, len(line) - len(line.lstrip(" ")))
            rest.append(line[cut:])
        while rest and not rest[-1].strip():
            rest.pop()
        head = first[indent:] if len(first) >= indent else ""
        return _Item(head, rest, self.body_line + start, i, _block_end(tokens, i))

    def items(self, start: int, end: int, level: int) -> list[_Item]:
        """The items of the list between token indexes ``start`` and ``end`` whose items sit at ``level``."""
        return [self.item(self.tokens, j) for j in range(start, end)
                if self.tokens[j].type == "list_item_open" and self.tokens[j].level == level]

    def sublists(self, item: _Item) -> list[tuple[int, int]]:
        """The lists nested directly in an item, as token index ranges."""
        level = self.tokens[item.open_index].level + 1
        return [(j, _block_end(self.tokens, j)) for j in range(item.open_index + 1, item.close_index)
                if self.tokens[j].type in ("bullet_list_open", "ordered_list_open") and self.tokens[j].level == level]

    def put(self, target: CommentedMap, loc: Loc, key: str, value: Any, line: int) -> None:
        """Set ``target[key]`` once; a second value for the same key is an error."""
        if key in target:
            first = self.lines.get(loc + (key,), "?")
            self.error(line, loc + (key,), f"'{key}' is given twice (first at line {first}); give each field once")
            return
        target[key] = value
        self.at(loc + (key,), line)

    # -- walk ----------------------------------------------------------------------
    def read(self) -> None:
        i = 0
        tokens = self.tokens
        while i < len(tokens):
            token = tokens[i]
            end = _block_end(tokens, i)
            line = self.file_line(token)
            skipped = self.place == SKIPPED and not (token.type == "heading_open" and token.tag in ("h1", "h2"))
            if skipped or token.type == "html_block" and token.content.lstrip().startswith("<!--"):
                pass  # under a heading already reported; or an author's note, like a YAML comment
            elif token.type == "heading_open":
                self.heading(token.tag, tokens[i + 1].content, line)
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                self.list_block(i, end, line)
            elif token.type == "table_open":
                self.table_block(i, end, line)
            elif token.type == "hr":
                pass  # a visual separator
            elif token.type == "paragraph_open":
                self.stray(line, tokens[i + 1].content)
            else:
                what = BLOCK_NAMES.get(token.type, token.type.replace("_open", "").replace("_", " "))
                self.error(line, self.loc_here(), f"{what} is not part of the plan form; "
                                                  "see docs/about/plan-markdown.md")
            i = end + 1

    def loc_here(self) -> Loc:
        kind = self.place[0] if self.place else ""
        if kind == "list":
            return (self.place[1],)
        if kind == "section":
            return ("sections", self.place[1])
        if kind == "table":
            return ("sections", self.place[1], "tables", self.place[2])
        if kind == "row":
            return ("sections", self.place[1], "tables", self.place[2], "rows", self.place[3])
        return ()

    def stray(self, line: int, text: str) -> None:
        shown = text.splitlines()[0][:60] if text else ""
        if self.place and self.place[0] == "list":
            hint = "write each entry as a list item ('- …', '1. …' or '๑. …', at the start of its line)"
        else:
            hint = ("write it as a labelled item ('- label: value') under the heading it belongs to, "
                    "or as a note in <!-- … -->")
        self.error(line, self.loc_here(), f"text '{shown}' is not part of the plan form: {hint}")

    # -- headings --------------------------------------------------------------------
    def heading(self, tag: str, content: str, line: int) -> None:
        text, anchor = _heading_id(content)
        if tag == "h1":  # the title as written: a title has no id
            self.put(self.data, (), "title", content.strip(), line)
            self.place = ("title",)
        elif tag == "h2" and anchor is None:
            self.part(text, line)
        elif tag == "h2":
            sections = self.data.setdefault("sections", CommentedSeq())
            self.at(("sections",), self.lines.get(("sections",), line))
            s = len(sections)
            sections.append(CommentedMap(id=anchor))
            self.at(("sections", s), line)
            self.at(("sections", s, "id"), line)
            self.place = ("section", s)
        elif tag == "h3":
            self.table_heading(text, anchor, line)
        elif tag == "h4":
            self.row_heading(anchor, line)
        else:
            self.error(line, self.loc_here(), f"heading level {tag[1]} is not part of the plan form: "
                                              "use # title, ## parts and sections, ### tables, #### activities")

    def part(self, text: str, line: int) -> None:
        wanted = syntax.norm(_strip_numbering(text))
        for key, labels in syntax.PARTS.items():
            if any(wanted.startswith(syntax.norm(label)) for label in (key, *labels)):
                self.put(self.data, (), key, CommentedSeq(), line)
                self.place = ("list", key)
                return
        self.error(line, (), f"heading '{text}' is not a part of the plan: the parts are "
                             f"{', '.join(labels[1] for labels in syntax.PARTS.values())}; a section (one selected "
                             "knowledge with its tables) needs an id at the end of its heading: '## … {#an-id}'")
        self.place = SKIPPED

    def section_index(self) -> int | None:
        return self.place[1] if self.place and self.place[0] in ("section", "table", "row") else None

    def table_heading(self, text: str, anchor: str | None, line: int) -> None:
        s = self.section_index()
        if s is None:
            self.error(line, (), f"table heading '{text}' must follow a section heading ('## … {{#an-id}}')")
            self.place = SKIPPED
            return
        loc = ("sections", s, "tables")
        wanted = syntax.norm(text)
        kind = next((k for k, labels in syntax.TABLE_KINDS.items()
                     if any(syntax.norm(label) in wanted for label in labels)), None)
        if kind is None or anchor is not None:
            problem = "a table heading has no id" if kind else "not a kind of activity table"
            self.error(line, loc, f"heading '{content_of(text, anchor)}': {problem}; write "
                                  f"'### {syntax.TABLE_KINDS['kmp'][0]}' or '### {syntax.TABLE_KINDS['cmp'][0]}'")
            self.place = SKIPPED
            return
        tables = self.data["sections"][s].setdefault("tables", CommentedSeq())
        self.at(loc, self.lines.get(loc, line))
        t = len(tables)
        tables.append(CommentedMap(kind=kind))
        self.at(loc + (t,), line)
        self.at(loc + (t, "kind"), line)
        self.place = ("table", s, t)

    def row_heading(self, anchor: str | None, line: int) -> None:
        if not self.place or self.place[0] not in ("table", "row"):
            self.error(line, self.loc_here(), "an activity heading (####) must follow a table heading (###)")
            self.place = SKIPPED
            return
        s, t = self.place[1], self.place[2]
        table = self.data["sections"][s]["tables"][t]
        loc = ("sections", s, "tables", t)
        if "columns" not in table:
            self.error(line, loc, "write the table's header row (a Markdown table with the plan's column headers) "
                                  "under the table heading, before its activities")
            self.place = SKIPPED
            return
        rows = table.setdefault("rows", CommentedSeq())
        self.at(loc + ("rows",), self.lines.get(loc + ("rows",), line))
        r = len(rows)
        rows.append(CommentedMap())
        self.at(loc + ("rows", r), line)
        if anchor is not None:
            self.put(rows[r], loc + ("rows", r), "id", anchor, line)
        self.place = ("row", s, t, r)

    # -- lists -------------------------------------------------------------------------
    def list_block(self, start: int, end: int, line: int) -> None:
        kind = self.place[0] if self.place else ""
        items = self.items(start, end, self.tokens[start].level + 1)
        if kind == "list":
            key = self.place[1]
            for item in items:
                values = self.data[key]
                self.at((key, len(values)), item.line)
                values.append(_join(item.first, item.rest))
        elif kind == "section":
            s = self.place[1]
            self.fields(items, ("sections", s), self.data["sections"][s], syntax.lookup(syntax.SECTION_FIELDS),
                        syntax.accepted(syntax.SECTION_FIELDS), self.section_value)
        elif kind == "table":
            s, t = self.place[1], self.place[2]
            self.fields(items, ("sections", s, "tables", t), self.data["sections"][s]["tables"][t],
                        syntax.lookup(syntax.TABLE_FIELDS), syntax.accepted(syntax.TABLE_FIELDS), self.text_value)
        elif kind == "row":
            s, t, r = self.place[1], self.place[2], self.place[3]
            table = self.data["sections"][s]["tables"][t]
            labels, shown = self.row_labels(s, t, table)
            self.fields(items, ("sections", s, "tables", t, "rows", r), table["rows"][r], labels, shown, self.row_value)
        else:
            self.error(line, self.loc_here(), "a list must follow the heading that says what it is "
                                              "(## ขอบเขต KM, ## … {#section-id}, ### …, #### …)")

    def row_labels(self, s: int, t: int, table: CommentedMap) -> tuple[dict[str, str], str]:
        """The labels of a table's activities and the list shown when one is unknown: worked out once per
        table (its columns are fixed before its first activity, see ``row_heading``)."""
        found = self._row_labels.get((s, t))
        if found is None:
            shown = ", ".join(dict.fromkeys(
                [syntax.written_header(*_column_key(c)) for c in table.get("columns", [])]
                + [names[0] for names in syntax.ROW_FIELDS.values()] + [f"{syntax.CORRECTION_PREFIX} <column>"]))
            found = self._row_labels[(s, t)] = (row_labels(table), shown)
        return found

    def fields(self, items: list[_Item], loc: Loc, target: CommentedMap, labels: dict[str, str], shown: str,
               convert: Callable[[_Item, str, str, Loc, CommentedMap], None]) -> None:
        """``- label: value`` items: each label resolved in ``labels``, its value set by ``convert``."""
        for item in items:
            found = _split_label(item.first, labels)
            if found is None:
                head = item.first.split(":")[0].strip()[:40]
                self.error(item.line, loc, f"'{head}' is not a field here: write '- label: value' with one of: {shown}")
                continue
            key, value = found
            convert(item, key, value, loc, target)

    def text_value(self, item: _Item, key: str, value: str, loc: Loc, target: CommentedMap) -> None:
        text = _join(value, item.rest)
        if text:
            self.put(target, loc, key, text, item.line)

    def section_value(self, item: _Item, key: str, value: str, loc: Loc, target: CommentedMap) -> None:
        if key not in syntax.SECTION_LISTS:
            self.text_value(item, key, value, loc, target)
            return
        entries = CommentedSeq()
        lines: list[int] = []
        if value:
            entries.append(value)
            lines.append(item.line)
        nested = self.sublists(item)
        for start, end in nested:
            for sub in self.items(start, end, self.tokens[start].level + 1):
                entries.append(_join(sub.first, sub.rest))
                lines.append(sub.line)
        if not nested and item.rest:
            self.error(item.line, loc + (key,), "write each entry as a nested list item ('  - …') under the label")
            return
        self.put(target, loc, key, entries, item.line)
        for n, line in enumerate(lines):
            self.at(loc + (key, n), line)

    def row_value(self, item: _Item, key: str, value: str, loc: Loc, target: CommentedMap) -> None:
        if key.startswith("corrections."):
            self.correction(item, key.partition(".")[2], loc, target)
        elif key == "responsible_refs":
            self.put(target, loc, key, _refs(value), item.line)
        else:
            self.text_value(item, key, value, loc, target)

    def correction(self, item: _Item, column: str, loc: Loc, target: CommentedMap) -> None:
        lines = _join(item.first.split(":", 1)[1] if ":" in item.first else "", item.rest).splitlines()
        fix = CommentedMap()
        value_lines: list[str] = []
        note_line = item.line
        for n, text in enumerate(lines):
            label, colon, rest = text.partition(":")
            if colon and syntax.norm(label) in {syntax.norm(w) for w in syntax.CORRECTION_NOTE}:
                fix["note"] = "\n".join([rest.strip(), *lines[n + 1:]]).strip()
                note_line = item.line + n
                break
            value_lines.append(text)
        value = "\n".join(value_lines).strip()
        if value:
            fix.insert(0, "value", value)
        corrections = target.setdefault("corrections", CommentedMap())
        here = loc + ("corrections",)
        self.at(here, self.lines.get(here, item.line))
        self.put(corrections, here, column, fix, item.line)
        self.at(here + (column, "value"), item.line)
        self.at(here + (column, "note"), note_line)

    # -- tables ------------------------------------------------------------------------
    def table_block(self, start: int, end: int, line: int) -> None:
        if not self.place or self.place[0] != "table":
            where = "activity (####)" if self.place and self.place[0] == "row" else "this place"
            self.error(line, self.loc_here(), f"a Markdown table is not expected in {where}: an activity table "
                                              "follows its table heading (### …) directly")
            return
        s, t = self.place[1], self.place[2]
        table = self.data["sections"][s]["tables"][t]
        loc = ("sections", s, "tables", t)
        if "columns" in table:
            self.error(line, loc, "this activity table already has its header row; "
                                  "one Markdown table per table heading")
            return
        header: list[str] = []
        body: list[tuple[int, list[str]]] = []
        row: list[str] = []
        row_line = line
        for token in self.tokens[start:end]:
            if token.type == "tr_open":
                row, row_line = [], self.file_line(token)
            elif token.type == "inline":
                row.append(token.content)
            elif token.type == "tr_close":
                if not header:
                    header = row
                else:
                    body.append((row_line, row))
        columns = self.columns(header, loc, line)
        if columns is None:
            return
        table["columns"] = CommentedSeq(c for c in columns if not isinstance(c, tuple))
        self.at(loc + ("columns",), line)
        for n in range(len(table["columns"])):
            self.at(loc + ("columns", n), line)
        rows = table.setdefault("rows", CommentedSeq())
        for row_line, cells in body:
            self.table_row(rows, columns, cells, loc, row_line, header)

    def columns(self, header: list[str], loc: Loc, line: int) -> list[Any] | None:
        """Model columns (``"period"`` or ``{key, header}``) and row-field columns (``("field", key)``)."""
        meta = syntax.lookup(syntax.ROW_FIELDS)
        found: list[Any] = []
        keys: list[str] = []
        for text in header:
            column: Any
            key: str | None
            if syntax.norm(text) in meta:
                key = meta[syntax.norm(text)]
                column = ("field", key)
            else:
                key, kept = syntax.header_key(text)
                if key is None:
                    self.error(line, loc + ("columns",),
                               f"column '{text}' is not a column of an activity table: use one of "
                               f"{', '.join(labels[0] for labels in syntax.COLUMN_HEADERS.values())}, "
                               f"{', '.join(labels[0] for labels in syntax.ROW_FIELDS.values())}, or your own header "
                               f"with the column it is, e.g. '{text} (remarks)'")
                    return None
                column = key if kept is None else CommentedMap(key=key, header=kept)
            if key in keys:
                self.error(line, loc + ("columns",), f"column '{text}' is the same column as an earlier header; "
                                                     "each column once")
                return None
            keys.append(key)
            found.append(column)
        return found

    def table_row(self, rows: CommentedSeq, columns: list[Any], cells: list[str], loc: Loc, line: int,
                  header: list[str]) -> None:
        source = mdTrim(self.body_lines[line - self.body_line])
        written = escapedSplit(source)
        if written and written[0] == "":
            written.pop(0)
        if written and written[-1] == "":
            written.pop()
        r = len(rows)
        here = loc + ("rows", r)
        if len(written) != len(columns):
            self.error(line, here, f"this row has {len(written)} cells but the header has {len(columns)} "
                                   f"({' | '.join(header)}); write an empty cell as '| |'")
            return
        row = CommentedMap()
        rows.append(row)
        self.at(here, line)
        for column, text in zip(columns, cells, strict=True):
            if not text.strip():
                continue
            key = column[1] if isinstance(column, tuple) else _column_key(column)[0]
            self.put(row, here, key, _refs(text) if key == "responsible_refs" else text.strip(), line)


def content_of(text: str, anchor: str | None) -> str:
    return f"{text} {{#{anchor}}}" if anchor else text


def _join(first: str, rest: list[str]) -> str:
    """An item's value: its first line and the lines under it, as written; outer blank lines dropped."""
    lines = ([first.strip()] if first.strip() else []) + rest
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _refs(text: str) -> CommentedSeq:
    """``"palad, finance"`` → ``["palad", "finance"]``."""
    return CommentedSeq(part.strip() for part in text.replace("\n", ",").split(",") if part.strip())


def _column_key(column: Any) -> tuple[str, str | None]:
    if isinstance(column, str):
        return column, None
    return str(column["key"]), column.get("header")


def row_labels(table: Mapping[str, Any]) -> dict[str, str]:
    """Labels of an activity's items: the table's own headers first, then every known column and row field."""
    labels: dict[str, str] = {}
    for column in table.get("columns", []):
        key, header = _column_key(column)
        labels.setdefault(syntax.norm(syntax.written_header(key, header)), key)
        labels.setdefault(syntax.norm(header or syntax.COLUMN_HEADERS[key][0]), key)
    for table_of in (syntax.ROW_FIELDS, syntax.COLUMN_HEADERS):
        for label, key in syntax.lookup(table_of).items():
            labels.setdefault(label, key)
    prefix = syntax.norm(syntax.CORRECTION_PREFIX)
    for label, key in list(labels.items()):
        if key in syntax.COLUMN_HEADERS:
            labels.setdefault(prefix + label, f"corrections.{key}")
    return labels


def _split_label(first: str, labels: dict[str, str]) -> tuple[str, str] | None:
    """``"ระยะเวลา: ต.ค. ๒๕๖๖"`` → ``("period", "ต.ค. ๒๕๖๖")``; None when no known label ends at a colon."""
    for n, ch in enumerate(first):
        if ch in ":：":
            candidate, key = syntax.split_key_suffix(first[:n])
            if key is not None:
                prefix = syntax.norm(syntax.CORRECTION_PREFIX)
                return (f"corrections.{key}" if syntax.norm(candidate).startswith(prefix) else key), first[n + 1:]
            found = labels.get(syntax.norm(first[:n]))
            if found:
                return found, first[n + 1:]
    return None


def _split_front_matter(text: str, path: Path, problems: Problems) -> tuple[YamlDoc | None, str, int] | None:
    """(front matter, body, 1-based line of the body); None after reporting bad front matter.

    A byte-order mark (Windows Notepad's UTF-8) is ignored; a file without front matter is all body.
    """
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            try:
                front = parse_yaml("".join(lines[1:i]), path, 1)
            except YamlSyntaxError as exc:
                problems.error(path, exc.line, "", str(exc))
                return None
            return front, "".join(lines[i + 1:]), i + 2
    problems.error(path, 1, "", "front matter is not closed: add a '---' line after it")
    return None


def read_plan_markdown(path: Path, problems: Problems) -> MarkdownPlanDoc | None:
    """The plan as its YAML mapping with lines, or None after reporting why it cannot be read."""
    try:
        text = read_source(path)  # the one rule for reading content files (encoding, BOM, file kinds, size)
    except SourceError as exc:
        problems.error(path, exc.line, "", str(exc))
        return None
    return read_plan_text(text, path, problems)


def read_plan_text(text: str, path: Path, problems: Problems) -> MarkdownPlanDoc | None:
    """``read_plan_markdown`` of text already read; ``path`` names it in problems."""
    split = _split_front_matter(text, path, problems)
    if split is None:
        return None
    front, body, body_line = split
    if front is not None and not isinstance(front.data, dict):
        problems.error(path, 2, "", f"the front matter must be 'key: value' lines, got {type(front.data).__name__}")
        return None
    reader = _Reader(path, body, body_line, problems)
    reader.read()
    data = CommentedMap(front.data if front is not None else {})
    for key, value in reader.data.items():
        if key in data:
            problems.error(path, reader.lines[(key,)], key,
                           f"given both in the front matter (line {front.line_of((key,)) if front else 1}) "
                           "and in the document; give it once")
            reader.errors += 1
        data[key] = value
    if reader.errors:
        return None
    return MarkdownPlanDoc(path, data, 0, front=front, lines=reader.lines)
