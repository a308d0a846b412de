"""View shapes of the people directory: who knows what, communities of practice, the site catalogue.

Nothing here filters by audience: the plugin hands over a site model that already holds only
what the build may show (model/audience.py). Lists are computed per language so that each
is in Thai dictionary order of the text the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Generic, Optional, TypeVar, Union

from ..model import AssetEntry, Cop, KnowledgeTopic, Meeting, OrgContent, SiteModel
from ..thai.collation import thai_sorted
from ..thai.dates import format_long_date
from . import urls
from .views import Card, people_cards

LANGS = ("th", "en")
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


def card_name(card: Card, lang: str) -> str:
    """The name a card is filed under in ``lang`` (without honorific, as a directory sorts)."""
    if card.person:
        return (card.person.name_en if lang == "en" else None) or card.person.name
    if card.position:
        return (card.position.title_en if lang == "en" else None) or card.position.title
    return card.id


def card_target(card: Card) -> str:
    return urls.person_url(card.slug, card.id)


class CardIndex:
    """Which card answers for a person or position id (a filled position → its holder's card)."""

    def __init__(self, cards: list[Card]):
        self.cards = cards
        self._by_ref: dict[str, Card] = {}
        for card in cards:
            self._by_ref.setdefault(card.id, card)
        for card in cards:
            for anchor in card.anchors:
                self._by_ref.setdefault(anchor, card)

    def get(self, ref: Optional[str]) -> Optional[Card]:
        return self._by_ref.get(ref) if ref else None

    def all(self, refs: list[str]) -> list[Card]:
        found = [c for c in (self.get(r) for r in refs) if c is not None]
        return list({id(c): c for c in found}.values())


# -- who knows what ----------------------------------------------------------------
@dataclass
class Subject:
    """Something known: a knowledge topic (topics.yml) or a knowledge asset, with who knows it."""

    kind: str  # "topic" | "asset"
    slug: str  # the organisation
    item: Union[KnowledgeTopic, AssetEntry]
    cards: list[Card]

    @property
    def titled(self) -> object:
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
        return (getattr(item, "title_en", None) if lang == "en" else None) or item.title


@dataclass
class KnownBy:
    """A card with what it knows."""

    card: Card
    subjects: list[Subject]


@dataclass
class WhoKnows:
    """Both directions of the index, per language: topic → people and person → topics."""

    by_topic: dict[str, list[Group[Subject]]]
    by_person: dict[str, list[Group[KnownBy]]]
    subjects: int
    people: int


def org_subjects(content: OrgContent, index: CardIndex) -> list[Subject]:
    subjects = [Subject("topic", content.slug, t, index.all(t.holders)) for t in content.topics]
    for entry in content.assets:
        refs = [*entry.asset.holders, *([entry.asset.owner] if entry.asset.owner else [])]
        subjects.append(Subject("asset", content.slug, entry, index.all(refs)))
    return subjects


def _who_knows(subjects: list[Subject], cards: list[Card]) -> WhoKnows:
    known = [s for s in subjects if s.cards]
    by_card: dict[int, list[Subject]] = {}
    for subject in known:
        for card in subject.cards:
            by_card.setdefault(id(card), []).append(subject)
    people = [KnownBy(c, by_card[id(c)]) for c in cards if id(c) in by_card]
    return WhoKnows(
        by_topic={lang: lettered(known, lambda s, lang=lang: s.title(lang)) for lang in LANGS},
        by_person={lang: lettered(people, lambda k, lang=lang: card_name(k.card, lang)) for lang in LANGS},
        subjects=len(known), people=len(people),
    )


def org_who_knows(content: OrgContent) -> WhoKnows:
    cards = people_cards(content)
    return _who_knows(org_subjects(content, CardIndex(cards)), cards)


def site_cards(site: SiteModel) -> list[Card]:
    return [card for content in site.sorted_orgs() for card in people_cards(content)]


def site_who_knows(site: SiteModel) -> WhoKnows:
    subjects: list[Subject] = []
    cards: list[Card] = []
    for content in site.sorted_orgs():
        org_cards = people_cards(content)
        cards.extend(org_cards)
        subjects.extend(org_subjects(content, CardIndex(org_cards)))
    return _who_knows(subjects, cards)


def site_catalogue(site: SiteModel) -> dict[str, list[Group[Card]]]:
    """Every card of the site, per language, filed under its initial letter."""
    cards = site_cards(site)
    return {lang: lettered(cards, lambda c, lang=lang: card_name(c, lang)) for lang in LANGS}


# -- communities of practice --------------------------------------------------------
@dataclass
class MeetingView:
    meeting: Meeting
    day: date
    attendees: list[Card]
    assets: list[AssetEntry]

    def date_text(self, lang: str) -> str:
        """``15 มกราคม 2567`` / ``15 January 2024`` in Arabic digits (the template applies |num)."""
        return format_long_date(self.day, "en" if lang == "en" else "th", digits="arabic", style="plain")


@dataclass
class CopView:
    cop: Cop
    slug: str
    facilitator: Optional[Card]
    note_taker: Optional[Card]
    members: list[Card]
    topics: list[KnowledgeTopic]
    meetings: list[MeetingView] = field(default_factory=list)  # newest first
    assets: list[AssetEntry] = field(default_factory=list)  # knowledge the CoP produced

    @property
    def url(self) -> str:
        return urls.cop_url(self.slug, self.cop.id)


def cop_views(content: OrgContent) -> list[CopView]:
    """Every CoP of the organisation in Thai dictionary order of its name."""
    index = CardIndex(people_cards(content))
    assets = {a.slug: a for a in content.assets}
    topics = {t.id: t for t in content.topics}
    views = []
    for cop in content.cops:
        meetings = sorted((MeetingView(m, m.day, index.all(m.attendees), [assets[s] for s in m.assets if s in assets])
                           for m in cop.meetings), key=lambda v: v.day, reverse=True)
        produced = [a for a in content.assets if a.asset.cop == cop.id]
        for mv in meetings:
            produced.extend(a for a in mv.assets if a not in produced)
        views.append(CopView(cop, content.slug, index.get(cop.facilitator), index.get(cop.note_taker),
                             index.all(cop.members), [topics[t] for t in cop.topics if t in topics],
                             meetings, produced))
    return thai_sorted(views, key=lambda v: v.cop.name)
