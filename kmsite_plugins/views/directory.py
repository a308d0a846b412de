"""View shapes of the people directory: who knows what, communities of practice, the site catalogue.

Nothing here filters by audience: the plugin hands over a site model that already holds only
what the build may show (model/audience.py). The cards (views.people_cards) are made once per
organisation and passed in; every list here names the cards that answer for a reference by the
cards' own rule (Card.refs), so a list and a card never disagree. Lettered lists are made for the
language being rendered, in Thai dictionary order of the text the reader sees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, Optional, TypeVar, Union

from ..model import AssetEntry, Cop, KnowledgeAsset, KnowledgeTopic, Meeting, OrgContent, SiteModel
from ..thai.collation import thai_sorted
from . import urls
from .people import Card

T = TypeVar("T")
_LEADING_VOWELS = "เแโใไ"


# -- shared pieces ---------------------------------------------------------------
def initial(text: str) -> str:
    """The letter a Thai dictionary files ``text`` under: leading vowels เ แ โ ใ ไ are skipped."""
    stripped = text.strip().lstrip(_LEADING_VOWELS + "\"'(“") or text.strip()
    return stripped[:1].upper() if stripped else "#"


@dataclass
class Group(Generic[T]):
    letter: str
    items: list[T]

    @property
    def is_thai(self) -> bool:
        return "\u0e00" <= self.letter <= "\u0e7f"


def lettered(items: list[T], name: Callable[[T], str]) -> list[Group[T]]:
    """Items in Thai dictionary order of ``name``, grouped under their initial letter."""
    groups: list[Group[T]] = []
    for item in thai_sorted(items, key=name):
        letter = initial(name(item))
        if not groups or groups[-1].letter != letter:
            groups.append(Group(letter, []))
        groups[-1].items.append(item)
    return groups


class CardIndex:
    """The cards that answer for a person or position id: every card whose ``refs`` hold it.

    A position held by two people is answered by both their cards, as each card lists the
    position's topics, assets and CoP seats.
    """

    def __init__(self, cards: list[Card]):
        self._by_ref: dict[str, list[Card]] = {}
        for card in cards:
            for ref in card.refs:
                self._by_ref.setdefault(ref, []).append(card)

    def all(self, refs: Iterable[Optional[str]]) -> list[Card]:
        """The cards of ``refs`` in the order of ``refs`` (the holders of one position in card order), each once."""
        found: dict[int, Card] = {}
        for ref in refs:
            for card in self._by_ref.get(ref, []) if ref else []:
                found.setdefault(id(card), card)
        return list(found.values())


# -- who knows what ----------------------------------------------------------------
@dataclass
class Subject:
    """Something known: a knowledge topic (topics.yml) or a knowledge asset, with who knows it."""

    kind: str  # "topic" | "asset"
    slug: str  # the organisation
    item: Union[KnowledgeTopic, AssetEntry]
    cards: list[Card]

    @property
    def titled(self) -> Union[KnowledgeAsset, KnowledgeTopic]:
        """The object whose ``title``/``title_en`` the template prints with tx()."""
        return self.item.asset if isinstance(self.item, AssetEntry) else self.item

    @property
    def target(self) -> str:
        if isinstance(self.item, AssetEntry):
            return urls.asset_url(self.slug, self.item.slug)
        return urls.knowledge_url(self.slug) + "#" + self.item.id

    @property
    def example(self) -> bool:
        return bool(getattr(self.titled, "example", False))

    def title(self, lang: str) -> str:
        item = self.titled
        return (getattr(item, "title_en", None) if lang != "th" else None) or item.title


@dataclass
class KnownBy:
    """A card with what it knows."""

    card: Card
    subjects: list[Subject]


@dataclass
class WhoKnows:
    """Both directions of the index: topic → people and person → topics, lettered per language."""

    known: list[Subject]  # subjects somebody knows
    people: list[KnownBy]

    def by_topic(self, lang: str) -> list[Group[Subject]]:
        return lettered(self.known, lambda s: s.title(lang))

    def by_person(self, lang: str) -> list[Group[KnownBy]]:
        return lettered(self.people, lambda k: k.card.name(lang))


def org_subjects(content: OrgContent, index: CardIndex) -> list[Subject]:
    subjects = [Subject("topic", content.slug, t, index.all(t.holders)) for t in content.topics]
    for entry in content.assets:
        subjects.append(Subject("asset", content.slug, entry, index.all([*entry.asset.holders, entry.asset.owner])))
    return subjects


def _who_knows(subjects: list[Subject], cards: list[Card]) -> WhoKnows:
    known = [s for s in subjects if s.cards]
    by_card: dict[int, list[Subject]] = {}
    for subject in known:
        for card in subject.cards:
            by_card.setdefault(id(card), []).append(subject)
    return WhoKnows(known, [KnownBy(c, by_card[id(c)]) for c in cards if id(c) in by_card])


def org_who_knows(content: OrgContent, cards: list[Card]) -> WhoKnows:
    """Who knows what in one organisation; ``cards`` are its people cards."""
    return _who_knows(org_subjects(content, CardIndex(cards)), cards)


def site_who_knows(site: SiteModel, cards: dict[str, list[Card]],
                   orgs: Optional[list[OrgContent]] = None) -> WhoKnows:
    """Who knows what across the site (or ``orgs``); ``cards`` are the people cards of each organisation by slug."""
    subjects: list[Subject] = []
    every: list[Card] = []
    for content in site.sorted_orgs() if orgs is None else orgs:
        every.extend(cards[content.slug])
        subjects.extend(org_subjects(content, CardIndex(cards[content.slug])))
    return _who_knows(subjects, every)


@dataclass
class Catalogue:
    """Every card of the site, filed under its initial letter in the language being rendered."""

    cards: list[Card]

    def by_letter(self, lang: str) -> list[Group[Card]]:
        return lettered(self.cards, lambda c: c.name(lang))


def site_catalogue(site: SiteModel, cards: dict[str, list[Card]],
                   orgs: Optional[list[OrgContent]] = None) -> Catalogue:
    """The cards of every organisation (or of ``orgs``) in organisation order."""
    return Catalogue([card for content in (site.sorted_orgs() if orgs is None else orgs)
                      for card in cards[content.slug]])


# -- communities of practice --------------------------------------------------------
@dataclass
class MeetingView:
    meeting: Meeting
    attendees: list[Card]
    assets: list[AssetEntry]


@dataclass
class CopView:
    cop: Cop
    slug: str
    facilitators: list[Card]  # the cards of the facilitator (all holders when it names a position)
    note_takers: list[Card]
    members: list[Card]
    topics: list[KnowledgeTopic]
    meetings: list[MeetingView] = field(default_factory=list)  # newest first
    assets: list[AssetEntry] = field(default_factory=list)  # knowledge the CoP produced

    @property
    def url(self) -> str:
        return urls.cop_url(self.slug, self.cop.id)


def cop_views(content: OrgContent, cards: list[Card]) -> list[CopView]:
    """Every CoP of the organisation in Thai dictionary order of its name; ``cards`` are its people cards."""
    index = CardIndex(cards)
    assets = {a.slug: a for a in content.assets}
    topics = {t.id: t for t in content.topics}
    views = []
    for cop in content.cops:
        meetings = sorted((MeetingView(m, index.all(m.attendees), [assets[s] for s in m.assets if s in assets])
                           for m in cop.meetings), key=lambda v: v.meeting.day, reverse=True)
        produced = [a for a in content.assets if a.asset.cop == cop.id]
        for mv in meetings:
            produced.extend(a for a in mv.assets if a not in produced)
        views.append(CopView(cop, content.slug, index.all([cop.facilitator]), index.all([cop.note_taker]),
                             index.all(cop.members), [topics[t] for t in cop.topics if t in topics],
                             meetings, produced))
    return thai_sorted(views, key=lambda v: v.cop.name)
