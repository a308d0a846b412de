"""Checks of the people directory: committee rosters, communities of practice and photos.

A roster follows the OPDC model: one head (ประธานกรรมการ or หัวหน้าทีม), at most one
CEO and one CKO, and for a KM team or an evaluation committee exactly one secretary
(เลขานุการ or กรรมการและเลขานุการ). Every problem points at the line of the seat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..model import Committee, CommitteeKind, OrgContent, Person
from ..model.content_files import ContentFileError, content_file
from .checks import duplicates, unknown_id
from .problems import Problems, field_path
from .yaml_source import YamlDoc

HEAD_ROLES = ("ประธานกรรมการ", "หัวหน้าทีม")
SINGLE_ROLES = ("CEO", "CKO")
SECRETARY_ROLES = ("เลขานุการ", "กรรมการและเลขานุการ")
NEEDS_HEAD_AND_SECRETARY = (CommitteeKind.KM_TEAM, CommitteeKind.EVALUATION)
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def check_rosters(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    """Every check of this module for one organisation (documents that failed to load are skipped)."""
    if "committees" in docs:
        ids = ((("committees", i, "id"), c.id) for i, c in enumerate(content.committees))
        duplicates(docs["committees"], problems, ids, "committee id",
                   "ids must be unique (each is the anchor of its committee)")
        for i, committee in enumerate(content.committees):
            _check_committee(content, committee, docs["committees"], ("committees", i), problems)
    if "cops" in docs:
        _check_cops(content, docs["cops"], problems)
    if "organisation" in docs and content.folder is not None:
        _check_photos(content, docs["organisation"], content.folder, problems)


# -- committees -----------------------------------------------------------------
def _check_committee(content: OrgContent, committee: Committee, doc: YamlDoc, loc: tuple, problems: Problems) -> None:
    members = committee.members
    seats = [(j, m.role) for j, m in enumerate(members)]
    _at_most_one(doc, loc, [(j, r) for j, r in seats if r in HEAD_ROLES], "head (ประธานกรรมการ or หัวหน้าทีม)",
                 problems)
    for role in SINGLE_ROLES:
        _at_most_one(doc, loc, [(j, r) for j, r in seats if r == role], role, problems)
    secretaries = [(j, r) for j, r in seats if r in SECRETARY_ROLES]
    _at_most_one(doc, loc, secretaries, "secretary (เลขานุการ or กรรมการและเลขานุการ)", problems)
    if committee.kind in NEEDS_HEAD_AND_SECRETARY:
        where = loc + ("members",)
        if not any(r in HEAD_ROLES for _, r in seats):
            problems.error_at(doc, where,
                              f"no chair: a {committee.kind.value} committee needs exactly one member with role "
                           f"ประธานกรรมการ or หัวหน้าทีม")
        if not secretaries:
            problems.error_at(doc, where,
                              f"no secretary: a {committee.kind.value} committee needs exactly one member with role "
                           f"เลขานุการ or กรรมการและเลขานุการ")
    _check_names(content, committee, doc, loc, problems)


def _at_most_one(doc: YamlDoc, loc: tuple, seats: Sequence[tuple[int, str]], what: str, problems: Problems) -> None:
    """A second holder of a one-person role is an error at the second seat's line."""
    if len(seats) < 2:
        return
    first_loc = loc + ("members", seats[0][0])
    for j, role in seats[1:]:
        where = loc + ("members", j, "role")
        problems.error_at(doc, where, f"a second {what}: '{role}' here and '{seats[0][1]}' at {field_path(first_loc)} "
                       f"(line {doc.line_of(first_loc)}); a committee has exactly one")


def _fold(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _check_names(content: OrgContent, committee: Committee, doc: YamlDoc, loc: tuple, problems: Problems) -> None:
    """Warn on members named but not in the organisation, names that differ, and seats held twice."""
    people = content.org.people
    seen: dict[str, int] = {}
    for j, member in enumerate(committee.members):
        where = loc + ("members", j)
        if member.ref is None and member.name:
            match = next((p for p in people if _fold(member.name) in (_fold(p.name), _fold(p.full_name))), None)
            hint = f"; it looks like '{match.id}': write ref: {match.id}" if match else \
                "; add them to people: in organisation.yml and write their id as ref:"
            problems.warn_at(doc, where + ("name",),
                             f"'{member.name}' is named in this committee but is not one of the organisation's people"
                          f"{hint}", code="member-not-in-org", value=member.name)
        person = content.lookup(member.ref)
        if member.name and isinstance(person, Person) and _fold(member.name) not in (_fold(person.name),
                                                                                     _fold(person.full_name)):
            problems.warn_at(doc, where + ("name",),
                             f"'{member.name}' differs from the name of '{person.id}' in organisation.yml "
                          f"('{person.full_name}')", code="member-name-differs", value=member.name)
        key = member.ref or _fold(member.name or "")
        if key in seen:
            problems.warn_at(doc, where, f"'{member.ref or member.name}' holds another seat of this committee too "
                          f"(members[{seen[key] + 1}])", code="member-twice", value=member.ref or member.name or "")
        seen.setdefault(key, j)


# -- communities of practice -------------------------------------------------------
def _check_cops(content: OrgContent, doc: YamlDoc, problems: Problems) -> None:
    """CoP ids are unique; topics and produced assets exist (people are checked in references.py)."""
    topics = [t.id for t in content.topics]
    assets = [a.slug for a in content.assets]
    seen: set[str] = set()
    for i, cop in enumerate(content.cops):
        if cop.id in seen:
            problems.error_at(doc, ("cops", i, "id"),
                              f"CoP id '{cop.id}' is used twice in this file; ids must be unique (they are the page "
                              f"URL)")
        seen.add(cop.id)
        for k, topic in enumerate(cop.topics):
            unknown_id(doc, problems, ("cops", i, "topics", k), topic, topics, "knowledge topic",
                       "knowledge/topics.yml")
        for m, meeting in enumerate(cop.meetings):
            for k, slug in enumerate(meeting.assets):
                unknown_id(doc, problems, ("cops", i, "meetings", m, "assets", k), slug, assets, "knowledge asset",
                           "knowledge/<slug>.md")


# -- photos ------------------------------------------------------------------------
def _photo_file(folder: Path, photo: str) -> Path:
    """The photo file of a person (the content-file rule: inside the organisation folder); ContentFileError."""
    path = content_file(folder, folder, photo)
    if path.suffix.lower() not in PHOTO_TYPES:
        raise ContentFileError(f"'{photo}' is not a photo file the site shows ({', '.join(PHOTO_TYPES)})")
    return path


def _check_photos(content: OrgContent, doc: YamlDoc, folder: Path, problems: Problems) -> None:
    for i, person in enumerate(content.org.people):
        if person.photo is not None:
            try:
                _photo_file(folder, person.photo)
            except ContentFileError as exc:
                problems.error_at(doc, ("people", i, "photo"), str(exc))
