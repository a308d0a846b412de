"""Write a plan mapping (what a YAML plan file holds) in the Markdown plan form.

``dump_plan_markdown(plan)`` takes plain dicts, lists and strings (a loaded YAML plan or
an importer's draft) and returns the text of ``plans/<org>/plans/<year>.md``, which
``plan_markdown.read_plan_markdown`` reads back to the same mapping. Tables whose cells
are all one line become Markdown tables; others get a header-only table and one
``####`` heading per activity. Whatever the Markdown body cannot say as such (a part
that is not the expected shape, unknown keys) goes into the YAML front matter, where the
loader reports it like any YAML plan: nothing is dropped. Trailing spaces at line ends
and blank lines around a value are not kept.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from ..model.plan import CELL_COLUMNS
from ..thai.digits import to_thai
from . import plan_markdown_syntax as syntax
from .plan_markdown import read_plan_text, row_labels
from .problems import Problems

__all__ = ["dump_plan_markdown"]

BODY_LISTS = ("focus_areas", "desired_states", "success_factors")
ROW_META = ("step", "id", "responsible_refs")
SECTION_HEADING = "แผนการจัดการความรู้ (KM Action Plan) ที่"
"""A section's heading is a label for the reader, numbered as on the printed form; its items hold the content."""


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _text(value: Any) -> str:
    """A value as the reader gives it back: line ends trimmed, no blank lines around."""
    lines = [line.rstrip() for line in str(value).splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines[0] = lines[0].lstrip()
    return "\n".join(lines)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(_scalar(v) for v in value)


def _one_line_id(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not any(c in value for c in "\n{}")


def _column(column: Any) -> tuple[str, str | None] | None:
    if isinstance(column, str) and column in CELL_COLUMNS:
        return column, None
    if isinstance(column, Mapping) and set(column) <= {"key", "header"} and column.get("key") in CELL_COLUMNS:
        header = column.get("header")
        if header is None or (_scalar(header) and "\n" not in str(header) and "|" not in str(header) and _text(header)):
            return str(column["key"]), None if header is None else _text(header)
    return None


def _row_ok(row: Any) -> bool:
    if not isinstance(row, Mapping) or not set(row) <= {*CELL_COLUMNS, *ROW_META, "corrections"}:
        return False
    for key, value in row.items():
        if key == "responsible_refs":
            if not (_texts(value) and all(_text(v) and "," not in str(v) and "\n" not in str(v) for v in value)):
                return False
        elif key == "corrections":
            if not isinstance(value, Mapping) or not all(
                    k in CELL_COLUMNS and isinstance(fix, Mapping) and set(fix) <= {"value", "note"}
                    and all(_scalar(v) and _text(v) for v in fix.values()) for k, fix in value.items()):
                return False
        elif key == "id":
            if not _one_line_id(value):
                return False
        elif not (_scalar(value) and _text(value)):
            return False
    return True


def _table_ok(table: Any) -> bool:
    if not isinstance(table, Mapping) or not set(table) <= {"kind", "title", "columns", "rows"}:
        return False
    if table.get("kind") not in syntax.TABLE_KINDS or not isinstance(table.get("columns"), list):
        return False
    columns = [_column(c) for c in table["columns"]]
    if not columns or None in columns or len({c[0] for c in columns if c}) != len(columns):
        return False
    if "title" in table and not (_scalar(table["title"]) and _text(table["title"])):
        return False
    rows = table.get("rows")
    return isinstance(rows, list) and bool(rows) and all(_row_ok(r) for r in rows)


def _section_ok(section: Any) -> bool:
    if not isinstance(section, Mapping) or not set(section) <= {"id", "tables", *syntax.SECTION_FIELDS}:
        return False
    if not _one_line_id(section.get("id")):
        return False
    for key in syntax.SECTION_FIELDS:
        if key not in section:
            continue
        value = section[key]
        if key in syntax.SECTION_LISTS:
            ok = _texts(value) and all(_text(v) for v in value)
        else:
            ok = _scalar(value) and bool(_text(value))
        if not ok:
            return False
    tables = section.get("tables")
    return isinstance(tables, list) and bool(tables) and all(_table_ok(t) for t in tables)


def _item(marker: str, text: str) -> Iterator[str]:
    """A list item holding ``text``; lines after the first are indented to stay in the item."""
    lines = text.split("\n")
    indent = " " * (len(marker) + 1)
    yield f"{marker} {lines[0]}".rstrip()
    for line in lines[1:]:
        yield f"{indent}{line}" if line else ""


def _field(label: str, value: str) -> Iterator[str]:
    """``- label: value``; a value that starts with a list goes on the lines below its label."""
    if value.startswith(("- ", "* ", "+ ")) or value in ("-", "*", "+"):
        yield f"- {label}:"
        for line in value.split("\n"):
            yield f"  {line}" if line else ""
    else:
        yield from _item("-", f"{label}: {value}")


def _cell(value: Any) -> str:
    return _text(value).replace("|", "\\|")


def _meta_cell(row: Mapping[str, Any], key: str) -> str:
    if key not in row:
        return ""
    return ", ".join(str(r) for r in row[key]) if key == "responsible_refs" else _cell(row[key])


class _Labels:
    """The labels an activity's items use, checked to read back as the same field."""

    def __init__(self, columns: list[tuple[str, str | None]]):
        self.resolve = row_labels({"columns": [{"key": k, "header": h} if h else k for k, h in columns]})
        self.headers = {k: syntax.written_header(k, h) for k, h in columns}

    def _pick(self, key: str, candidates: list[str]) -> str:
        for label in candidates:
            if self.resolve.get(syntax.norm(label)) == key:
                return label
        return key

    def cell(self, key: str) -> str:
        header = self.headers.get(key, syntax.COLUMN_HEADERS[key][0])
        shown, _ = syntax.split_key_suffix(header)
        label = self._pick(key, [header, syntax.COLUMN_HEADERS[key][0], key])
        return label if self.resolve.get(syntax.norm(label)) == key else f"{shown} ({key})"

    def meta(self, key: str) -> str:
        return self._pick(key, [*syntax.ROW_FIELDS[key], key])

    def correction(self, key: str) -> str:
        return f"{syntax.CORRECTION_PREFIX} {self.cell(key)}"


def _table_form(table: Mapping[str, Any], columns: list[tuple[str, str | None]]) -> bool:
    keys = {k for k, _ in columns}
    return all(
        "corrections" not in row and set(row) - set(ROW_META) <= keys
        and all("\n" not in _text(v) for k, v in row.items() if k != "responsible_refs")
        for row in table["rows"])


def _table(table: Mapping[str, Any]) -> Iterator[str]:
    columns = [c for c in (_column(c) for c in table["columns"]) if c]
    kind = str(table["kind"])
    yield f"### {syntax.TABLE_KINDS[kind][0]}"
    yield ""
    if "title" in table:
        yield from _field(syntax.TABLE_FIELDS["title"][0], _text(table["title"]))
        yield ""
    headers = [syntax.written_header(k, h) for k, h in columns]
    rows = table["rows"]
    if _table_form(table, columns):
        meta = [k for k in ROW_META if any(k in row for row in rows)]
        yield "| " + " | ".join(headers + [syntax.ROW_FIELDS[k][0] for k in meta]) + " |"
        yield "|" + "---|" * (len(headers) + len(meta))
        for row in rows:
            cells = [_cell(row[k]) if k in row else "" for k, _ in columns]
            cells += [_meta_cell(row, k) for k in meta]
            yield "| " + " | ".join(cells) + " |"
        yield ""
        return
    yield "| " + " | ".join(headers) + " |"
    yield "|" + "---|" * len(headers)
    yield ""
    labels = _Labels(columns)
    for row in rows:
        yield from _activity(row, columns, labels)


def _first_line(value: Any) -> str:
    return next((line.strip() for line in _text(value).splitlines() if line.strip()), "")


def _activity(row: Mapping[str, Any], columns: list[tuple[str, str | None]], labels: _Labels) -> Iterator[str]:
    heading = " ".join(_first_line(row.get(key, "")) for key in ("no", "activity")).strip().replace("{#", "{ #")
    anchor = f" {{#{row['id']}}}" if "id" in row else ""
    yield f"#### {heading or 'กิจกรรม'}{anchor}"
    yield ""
    order = [k for k, _ in columns] + [k for k in CELL_COLUMNS if k not in {c for c, _ in columns}]
    corrections = row.get("corrections", {})
    if "step" in row:
        yield from _field(labels.meta("step"), _text(row["step"]))
    for key in order:
        if key in row:
            yield from _field(labels.cell(key), _text(row[key]))
        if key in corrections:
            fix = corrections[key]
            text = _text(fix.get("value", "")) if "value" in fix else ""
            yield from _item("-", f"{labels.correction(key)}: {text}".rstrip())
            if "note" in fix:
                yield from (f"  {line}" if line else "" for line in
                            f"{syntax.CORRECTION_NOTE[0]}: {_text(fix['note'])}".split("\n"))
        if key == "responsible" and "responsible_refs" in row:
            yield f"- {labels.meta('responsible_refs')}: {', '.join(str(r) for r in row['responsible_refs'])}"
    yield ""


def _section(number: int, section: Mapping[str, Any]) -> Iterator[str]:
    yield f"## {SECTION_HEADING} {to_thai(str(number))} {{#{section['id']}}}"
    yield ""
    fields = [k for k in syntax.SECTION_FIELDS if k in section]
    for key in fields:
        label = syntax.SECTION_FIELDS[key][0]
        if key in syntax.SECTION_LISTS:
            yield f"- {label}:"
            for n, entry in enumerate(section[key], start=1):  # numbered: "- --" would be a rule
                yield from (f"  {line}" if line else "" for line in _item(f"{n}.", _text(entry)))
        else:
            yield from _field(label, _text(section[key]))
    if fields:
        yield ""
    for table in section["tables"]:
        yield from _table(table)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k) if not isinstance(k, (int, str)) else k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _front_matter(front: dict[str, Any]) -> str:
    if not front:
        return ""
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(_plain(front), out)
    return f"---\n{out.getvalue()}---\n\n"


def _normal(value: Any) -> Any:
    """A value as the reader gives it back: text trimmed as ``_text`` does, columns in their short form."""
    if isinstance(value, Mapping):
        if set(value) <= {"key", "header"} and value.get("header") is None and "key" in value:
            return str(value["key"])
        return {str(k): _normal(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_normal(v) for v in value]
    return _text(value) if _scalar(value) else value


def _body_keys_read_back(text: str, plan: Mapping[str, Any], keys: list[str]) -> list[str] | None:
    """The body parts among ``keys`` that the reader does not give back as written; None if it reads no plan."""
    doc = read_plan_text(text, Path("plan.md"), Problems(root=Path(".")))
    if doc is None:
        return None
    return [key for key in keys if _normal(doc.data.get(key)) != _normal(plan[key])]


def _render(plan: Mapping[str, Any], in_front: set[str]) -> tuple[str, list[str]]:
    """The Markdown text, and the keys written in the body."""
    front: dict[str, Any] = {}
    body: list[str] = []
    title = plan.get("title")
    # A heading drops a closing '#' run and reads '{#…}' as an id: such titles stay in the front matter.
    title_in_body = ("title" not in in_front and _scalar(title) and "\n" not in _text(title) and bool(_text(title))
                     and "{#" not in str(title) and not _text(title).endswith("#"))
    lists = {k for k in BODY_LISTS if k in plan and k not in in_front and _texts(plan[k])}
    sections = plan.get("sections")
    sections_in_body = ("sections" not in in_front and isinstance(sections, list) and bool(sections)
                        and all(_section_ok(s) for s in sections))
    written: list[str] = []
    for key, value in plan.items():
        if (key == "title" and title_in_body) or key in lists or (key == "sections" and sections_in_body):
            written.append(str(key))
        else:
            front[str(key)] = value
    if title_in_body:
        body += [f"# {_text(title)}", ""]
    for key in BODY_LISTS:
        if key in lists:
            body += [f"## {syntax.PARTS[key][0]}", ""]
            for n, entry in enumerate(plan[key], start=1):
                body += list(_item(f"{n}.", _text(entry)))
            body.append("")
    if sections_in_body and isinstance(sections, list):
        for number, section in enumerate(sections, start=1):
            body += list(_section(number, section))
    text = "\n".join(body).rstrip("\n") + "\n"
    return _front_matter(front) + text, written


def dump_plan_markdown(plan: Mapping[str, Any]) -> str:
    """The plan as ``plans/<org>/plans/<year>.md`` text; reads back to the same plan.

    The text is read back before it is returned: a part whose values Markdown would read otherwise
    (a cell whose lines happen to form a table, say) is written in the YAML front matter instead.
    """
    in_front: set[str] = set()
    while True:
        text, written = _render(plan, in_front)
        wrong = _body_keys_read_back(text, plan, written)
        if not written or wrong == []:
            return text
        # a part read otherwise goes to YAML; when nothing reads, the most intricate part goes first
        in_front |= set(wrong) if wrong else {next(k for k in ("sections", *BODY_LISTS, "title") if k in written)}
