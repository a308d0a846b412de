"""Cross-references: every id a file names must exist in its organisation, of the right kind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Optional, Union

from ..model import Department, OrgContent, Person, Position
from .problems import Problems
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc

ANY = (Department, Position, Person)
HOLDER = (Position, Person)
KIND_NAMES = {Department: "department", Position: "position", Person: "person"}

Loc = tuple  # a path inside a YAML document
RefSite = tuple[str, Loc, Optional[str], tuple]  # doc name, loc, ref, accepted kinds


def _org_refs(content: OrgContent) -> Iterator[RefSite]:
    org = content.org
    for i, pos in enumerate(org.positions):
        yield "organisation", ("positions", i, "department"), pos.department, (Department,)
    for i, person in enumerate(org.people):
        yield "organisation", ("people", i, "position"), person.position, (Position,)
        yield "organisation", ("people", i, "department"), person.department, (Department,)


def _committee_refs(content: OrgContent) -> Iterator[RefSite]:
    for i, com in enumerate(content.committees):
        yield "committees", ("committees", i, "reports_to"), com.reports_to, HOLDER
        for j, member in enumerate(com.members):
            yield "committees", ("committees", i, "members", j, "ref"), member.ref, HOLDER


def _plan_refs(content: OrgContent) -> Iterator[RefSite]:
    for entry in content.plans:
        doc = f"plan:{entry.key}"
        plan = entry.plan
        yield doc, ("reviewer",), plan.reviewer, (Person,)
        yield doc, ("approver",), plan.approver, (Person,)
        for s, section in enumerate(plan.sections):
            yield doc, ("sections", s, "owner_ref"), section.owner_ref, ANY
        for loc, _, _, row in plan.rows():
            for k, ref in enumerate(row.responsible_refs):
                yield doc, loc + ("responsible_refs", k), ref, ANY


def _topic_refs(content: OrgContent) -> Iterator[RefSite]:
    for i, topic in enumerate(content.topics):
        yield "topics", ("topics", i, "department"), topic.department, (Department,)
        for j, ref in enumerate(topic.holders):
            yield "topics", ("topics", i, "holders", j), ref, HOLDER


def _cop_refs(content: OrgContent) -> Iterator[RefSite]:
    for i, cop in enumerate(content.cops):
        yield "cops", ("cops", i, "facilitator"), cop.facilitator, HOLDER
        yield "cops", ("cops", i, "note_taker"), cop.note_taker, HOLDER
        for j, ref in enumerate(cop.members):
            yield "cops", ("cops", i, "members", j), ref, HOLDER
        for m, meeting in enumerate(cop.meetings):
            for k, ref in enumerate(meeting.attendees):
                yield "cops", ("cops", i, "meetings", m, "attendees", k), ref, HOLDER


def _asset_refs(content: OrgContent) -> Iterator[RefSite]:
    for entry in content.assets:
        doc = f"asset:{entry.slug}"
        yield doc, ("department",), entry.asset.department, (Department,)
        for j, ref in enumerate(entry.asset.holders):
            yield doc, ("holders", j), ref, HOLDER
        yield doc, ("owner",), entry.asset.owner, ANY


def _announcement_refs(content: OrgContent) -> Iterator[RefSite]:
    for entry in content.announcements:
        yield f"announcement:{entry.slug}", ("signer", "ref"), entry.announcement.signer.ref, (Person,)


def _known(content: OrgContent, kinds: tuple) -> list[str]:
    return [key for key, item in content.entities().items() if isinstance(item, kinds)]


def _unknown_message(ref: str, kinds: tuple, known: Sequence[str]) -> str:
    what = " or ".join(KIND_NAMES[k] for k in kinds)
    return (f"unknown reference '{ref}': no {what} of this organisation has that id{did_you_mean(ref, known)} "
            f"(known: {listing(known)})")


def _duplicate_ids(content: OrgContent, doc: Optional[YamlDoc], problems: Problems) -> None:
    seen: dict[str, str] = {}
    org = content.org
    groups: tuple[tuple[str, Sequence[Union[Department, Position, Person]]], ...] = (
        ("departments", org.departments), ("positions", org.positions), ("people", org.people))
    for group_name, group in groups:
        for i, item in enumerate(group):
            if item.id in seen and doc:
                problems.error_at(doc, (group_name, i, "id"),
                                  f"id '{item.id}' is already used by {seen[item.id]}; ids must be unique within an "
                                  f"organisation")
            seen.setdefault(item.id, f"{group_name} '{item.id}'")


def check_references(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    """Report every dangling or wrongly-typed reference with what does exist."""
    _duplicate_ids(content, docs.get("organisation"), problems)
    entities = content.entities()
    for source in (_org_refs, _committee_refs, _plan_refs, _topic_refs, _cop_refs, _asset_refs, _announcement_refs):
        for doc_name, loc, ref, kinds in source(content):
            if ref is None or doc_name not in docs:
                continue
            doc = docs[doc_name]
            item = entities.get(ref)
            if item is None:
                problems.error_at(doc, loc, _unknown_message(ref, kinds, _known(content, kinds)))
            elif not isinstance(item, kinds):
                expected = " or ".join(KIND_NAMES[k] for k in kinds)
                problems.error_at(doc, loc, f"'{ref}' is a {KIND_NAMES[type(item)]}, but this field needs a {expected} "
                               f"(known: {listing(_known(content, kinds))})")
