"""Warnings: content that builds but looks wrong (the defects real documents carry)."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Optional

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import OrgContent, TableKind
from ..model.plan import CMP_STEPS, KMP_STEPS
from ..thai.digits import to_arabic
from ..thai.words import shorten
from .plan_checks import check_plan_extras
from .privacy import check_privacy
from .problems import Problems
from .yaml_source import YamlDoc

_ORG_PREFIX = r"(?:องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)"
# A place name is short and ends at a space, punctuation or the end of the text; a long
# unspaced run after an abbreviation ("อบต.เข้าใจถึงการ…") is a sentence, not a name.
_ORG_MENTION = re.compile(_ORG_PREFIX + r"([\u0E01-\u0E3A\u0E40-\u0E4E]{2,15})(?![\u0E01-\u0E4E])")
# Words that follow an abbreviation in running prose ("อบต.ทราบ…", "อบจ.มี…") and never start a place name.
_PROSE_STARTS = ("ทราบ", "เข้าใจ", "มี", "ได้", "ใน", "และ", "จะ", "ที่", "ให้", "เป็น", "ของ", "กับ", "ต้อง",
                 "ไม่", "ทุก", "แต่ละ", "ซึ่ง", "โดย", "จึง", "ประจำ", "ดำเนิน", "ร่วม", "เพื่อ", "นี้")
_LEADING_NUMBER = re.compile(r"^\s*(\d+)")


def _mentions(node: Any, loc: list[str | int], found: list[tuple[tuple, re.Match[str]]]) -> None:
    """Every organisation name (``_ORG_MENTION``) in the strings of a YAML document, with its location, in the
    document's order; ``acknowledged`` is left out. This walks every value of every file, so it recurses with
    plain calls and one location list, and iterates through ``OrderedDict.items`` and ``list.__iter__``
    (ruamel's inherited iterators are Python code; the order and values are the same)."""
    if isinstance(node, str):
        for match in _ORG_MENTION.finditer(node):
            found.append((tuple(loc), match))
    elif isinstance(node, CommentedMap):
        for key, value in OrderedDict.items(node):
            if key != "acknowledged":
                loc.append(key)
                _mentions(value, loc, found)
                loc.pop()
    elif isinstance(node, CommentedSeq):
        for i, value in enumerate(list.__iter__(node)):  # CommentedSeq inherits a Python-level __iter__ first
            loc.append(i)
            _mentions(value, loc, found)
            loc.pop()


def own_places(content: OrgContent) -> list[str]:
    """Place names this organisation goes by (``สุโสะ`` of ``องค์การบริหารส่วนตำบลสุโสะ``)."""
    org = content.org
    names = [org.name, org.short_name or "", org.parent.name if org.parent else "", org.division or ""]
    places = []
    for name in names:
        match = _ORG_MENTION.search(name)
        if match:
            places.append(match.group(1))
    return [p for p in places if p]


def _other_org_names(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    places = own_places(content)
    for doc in docs.values():
        found: list[tuple[tuple, re.Match[str]]] = []
        _mentions(doc.data, [], found)
        for loc, match in found:
            name = match.group(1)
            if any(name.startswith(word) for word in (*places, *_PROSE_STARTS)):
                continue
            mention = match.group(0)
            shown = mention if len(mention) <= 40 else mention[:40] + "…"
            problems.warn_at(doc, loc, f"mentions '{shown}', which is not this organisation ({content.org.name}): "
                          f"a name left from a copied template?", code="other-org-name", value=mention)


def _number(raw: Optional[str]) -> Optional[int]:
    match = _LEADING_NUMBER.match(to_arabic(raw or ""))
    return int(match.group(1)) if match else None


def _numbering(doc: YamlDoc, loc: tuple, raws: Sequence[Optional[str]], problems: Problems) -> None:
    """Warn on skipped and repeated row numbers (header rows repeated at page breaks, lost rows)."""
    previous: Optional[int] = None
    for i, raw in enumerate(raws):
        number = _number(raw)
        if number is None:
            continue
        item_loc = loc + (i, "no")
        if previous is not None and number == previous:
            problems.warn_at(doc, item_loc, f"row number '{raw}' repeats the previous row's number", code="row-number",
                             value=str(raw))
        elif previous is not None and number != previous + 1:
            problems.warn_at(doc, item_loc, f"row number '{raw}' follows {previous}: numbering skips or goes back",
                             code="row-number", value=str(raw))
        previous = number


def _row_numbers(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    if "committees" in docs:
        for i, com in enumerate(content.committees):
            _numbering(docs["committees"], ("committees", i, "members"), [m.no for m in com.members], problems)
    if "topics" in docs:
        _numbering(docs["topics"], ("topics",), [t.no for t in content.topics], problems)
    for entry in content.plans:
        doc = docs.get(f"plan:{entry.key}")
        for s, section in enumerate(entry.plan.sections):
            for t, table in enumerate(section.tables):
                if doc:
                    _numbering(doc, ("sections", s, "tables", t, "rows"), [r.no for r in table.rows], problems)


def _step_coverage(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    for entry in content.plans:
        doc = docs.get(f"plan:{entry.key}")
        for s, section in enumerate(entry.plan.sections):
            for kind, steps in ((TableKind.KMP, KMP_STEPS), (TableKind.CMP, CMP_STEPS)):
                tables = [t for t in section.tables if t.kind is kind]
                covered = {r.step for t in tables for r in t.rows if r.step}
                if not covered or doc is None:
                    continue  # no table of this kind, or its rows name no steps
                missing = [step for step in steps if step not in covered]
                if missing:
                    loc = ("sections", s)
                    problems.warn_at(doc, loc, f"'{shorten(section.heading, 60)}' does not cover {', '.join(missing)} "
                                  f"(a complete plan covers KMP1-7 and CMP1-6)",
                                  code="missing-step", value=", ".join(missing))


def _missing_tables(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    """A plan with no KM-process or no change-management table at all: a step check finds nothing to check."""
    for entry in content.plans:
        doc = docs.get(f"plan:{entry.key}")
        if doc is None:
            continue
        kinds = {t.kind for s in entry.plan.sections for t in s.tables}
        for kind, steps, name in ((TableKind.KMP, "KMP1-7", "KM-process (kmp)"),
                                  (TableKind.CMP, "CMP1-6", "change-management (cmp)")):
            if kind not in kinds:
                problems.warn_at(doc, ("sections",), f"the plan has no {name} table: a complete plan covers {steps} "
                                 f"(add a table with kind: {kind.value})", code="missing-table", value=kind.value)


def _periods(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    """Every period must parse; an unknown month is an error naming the nearest valid ones."""
    for entry in content.plans:
        doc = docs.get(f"plan:{entry.key}")
        if doc is None:
            continue
        for base, _, _, row in entry.plan.rows():
            period = row.parsed_period
            if period is None:
                continue
            loc = base + (("corrections", "period", "value") if "period" in row.corrections else ("period",))
            if period.error is not None:
                problems.error_at(doc, loc, str(period.error))
            elif period.value is not None and period.value.repeated:
                problems.warn_at(doc, loc, f"the period '{period.raw}' is written twice", code="repeated-period",
                                 value=period.raw)


def lint_org(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems,
             own_names_known: bool = True) -> None:
    """All warnings for one organisation; ``own_names_known`` is False when its organisation.yml failed."""
    if own_names_known:
        _other_org_names(content, docs, problems)
    _row_numbers(content, docs, problems)
    check_privacy(content, problems)
    _step_coverage(content, docs, problems)
    _missing_tables(content, docs, problems)
    _periods(content, docs, problems)
    check_plan_extras(content, docs, problems)
