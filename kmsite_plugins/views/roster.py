"""What a roster row shows beyond the seat: the member's contacts, as the roster forms list them (worksheets 5, 6)."""

from __future__ import annotations

from ..model import Committee, Member, OrgContent
from ..model.organisation import Contact, Person, Position

__all__ = ["member_contacts", "roster_has_contacts"]


def member_contacts(content: OrgContent, member: Member) -> list[Contact]:
    """The phone and e-mail contacts of the member (a position's holders' for a position), as this build may show.

    The build's content is already its audience's view: a public build holds public contacts only.
    """
    item = content.lookup(member.ref)
    people = [item] if isinstance(item, Person) else content.people_in(item.id) if isinstance(item, Position) else []
    return [c for p in people for c in p.contacts if c.kind.value in ("phone", "email")]


def roster_has_contacts(content: OrgContent, committee: Committee) -> bool:
    """True when at least one member has a contact to show: only then does the roster get a contact column."""
    return any(member_contacts(content, m) for m in committee.members)
