"""View helpers: the shapes templates need, computed from the model (no HTML here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from ..model import (
    AssetEntry,
    Committee,
    Cop,
    Department,
    KnowledgeTopic,
    OrgContent,
    Person,
    PlanEntry,
    Position,
    SiteModel,
)
from ..model.committee import Member
from ..thai.collation import thai_sorted


@dataclass
class EntityView:
    """A referenced department, position or person, ready to print."""

    kind: str  # "person" | "position" | "department"
    id: str
    item: Union[Person, Position, Department]
    position: Optional[Position] = None
    holders: list[Person] = field(default_factory=list)  # people named in a position


def entity(content: OrgContent, ref: Optional[str]) -> Optional[EntityView]:
    item = content.lookup(ref)
    if isinstance(item, Person):
        return EntityView("person", item.id, item, content.position_of(item))
    if isinstance(item, Position):
        return EntityView("position", item.id, item, item, content.people_in(item.id))
    if isinstance(item, Department):
        return EntityView("department", item.id, item)
    return None


EntityIndex = dict[str, dict[str, EntityView]]
"""Per organisation slug, every referable id with its view."""


def entity_index(site: SiteModel) -> EntityIndex:
    """The view of every department, position and person of every organisation, made once per build."""
    index: EntityIndex = {}
    for slug, content in site.orgs.items():
        views = {ref: entity(content, ref) for ref in content.entities()}
        index[slug] = {ref: view for ref, view in views.items() if view is not None}
    return index


@dataclass
class Card:
    """One card of the people catalogue: a person, or a position nobody is named for.

    ``refs`` are the ids the card answers for: the person and the position they hold, so
    knowledge or seats given to a position show on the card of the person holding it.
    """

    id: str
    slug: str  # the organisation
    person: Optional[Person]
    position: Optional[Position]
    department: Optional[Department]
    anchors: list[str] = field(default_factory=list)  # extra ids linking here (the person's position)
    memberships: list[tuple[Committee, Member]] = field(default_factory=list)
    topics: list[KnowledgeTopic] = field(default_factory=list)
    assets: list[AssetEntry] = field(default_factory=list)  # knowledge assets held or owned
    cops: list[tuple[Cop, str]] = field(default_factory=list)  # (CoP, "facilitator" | "note_taker" | "member")

    @property
    def refs(self) -> set[str]:
        return {self.id, *([self.position.id] if self.position else [])}

    def name(self, lang: str) -> str:
        """The name the card is filed under (a person without honorific, else the position's title).

        Pages in a language other than Thai use the English twin where there is one.
        """
        if self.person:
            return (self.person.name_en if lang != "th" else None) or self.person.name
        if self.position:
            return (self.position.title_en if lang != "th" else None) or self.position.title
        return self.id


def _cop_role(cop: Cop, refs: set[str]) -> Optional[str]:
    if cop.facilitator in refs:
        return "facilitator"
    if cop.note_taker in refs:
        return "note_taker"
    return "member" if refs.intersection(cop.members) else None


def _card_subjects(content: OrgContent) -> list[tuple[Optional[Person], Optional[Position]]]:
    """Who gets a card: every person (with the position they hold), then every position nobody holds."""
    subjects: list[tuple[Optional[Person], Optional[Position]]] = [(p,
                                                                    content.position_of(p)) for p in content.org.people]
    filled = {position.id for _, position in subjects if position}
    subjects.extend((None, position) for position in content.org.positions if position.id not in filled)
    return subjects


def card_count(content: OrgContent) -> int:
    """How many cards ``people_cards`` makes, without making them."""
    return len(_card_subjects(content))


def people_cards(content: OrgContent) -> list[Card]:
    """Cards for every person and every unfilled position, in Thai dictionary order."""
    cards: list[Card] = []
    anchored: set[str] = set()
    for person, position in _card_subjects(content):
        if person:
            anchors = [position.id] if position and position.id not in anchored else []  # its first holder
            anchored.update(anchors)
            cards.append(Card(person.id, content.slug, person, position, content.department_of(person), anchors))
        elif position:
            cards.append(Card(position.id, content.slug, None, position, content.department_of(position)))
    for card in cards:
        refs = card.refs
        card.memberships = [(c, m) for c in content.committees for m in c.members if m.ref in refs]
        card.topics = [t for t in content.topics if refs.intersection(t.holders)]
        card.assets = [a for a in content.assets if refs.intersection(a.asset.holders) or a.asset.owner in refs]
        card.cops = [(cop, role) for cop in content.cops if (role := _cop_role(cop, refs))]
    return thai_sorted(cards, key=lambda c: c.name("th"))


def latest_plan(content: OrgContent) -> Optional[PlanEntry]:
    """The newest plan with a fiscal year, else the first listed."""
    dated = [p for p in content.plans if p.plan.fiscal_year]
    if dated:
        return max(dated, key=lambda p: p.plan.fiscal_year or 0)
    return content.plans[0] if content.plans else None
