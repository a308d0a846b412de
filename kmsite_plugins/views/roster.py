"""What a roster row shows beyond the seat: the member's contacts, as the roster forms list them (worksheets 5, 6)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Committee, Member, OrgContent
from ..model.organisation import Contact, Person, Position

__all__ = ["RosterView", "member_contacts", "roster_view"]


def member_contacts(content: OrgContent, member: Member) -> list[Contact]:
    """The phone and e-mail contacts of the member (a position's holders' for a position), as this build may show.

    The build's content is already its audience's view: a public build holds public contacts only.
    """
    item = content.lookup(member.ref)
    people = [item] if isinstance(item, Person) else content.people_in(item.id) if isinstance(item, Position) else []
    return [c for p in people for c in p.contacts if c.kind.value in ("phone", "email")]


@dataclass(frozen=True)
class RosterView:
    committee: Committee
    contacts: list[list[Contact]]  # per member, in roster order

    @property
    def has_contacts(self) -> bool:
        """Only a roster with a contact to show gets the contact column."""
        return any(self.contacts)


def roster_view(content: OrgContent, committee: Committee) -> RosterView:
    return RosterView(committee, [member_contacts(content, m) for m in committee.members])
