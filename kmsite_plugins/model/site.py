"""The site model: every organisation with its validated content and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..thai.collation import thai_sorted
from .announcement import Announcement
from .asset import KnowledgeAsset
from .committee import Committee
from .cop import Cop
from .knowledge import KnowledgeTopic
from .organisation import Department, Organisation, Person, Position
from .plan import Plan

Entity = Union[Department, Position, Person]


@dataclass
class PlanEntry:
    key: str  # URL segment: the fiscal year (BE) or the file stem when the plan states none
    plan: Plan


@dataclass
class AnnouncementEntry:
    slug: str
    announcement: Announcement
    body: str
    path: Optional[Path] = None  # the source file (attachments are relative to its folder)


@dataclass
class AssetEntry:
    slug: str  # the file stem: URL segment under knowledge/
    asset: KnowledgeAsset
    body: str  # Markdown after the front matter
    path: Path  # the source file (attachments are relative to its folder)


@dataclass
class OrgContent:
    """One organisation folder, validated."""

    slug: str
    org: Organisation
    committees: list[Committee] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)
    topics: list[KnowledgeTopic] = field(default_factory=list)
    assets: list[AssetEntry] = field(default_factory=list)
    cops: list[Cop] = field(default_factory=list)
    announcements: list[AnnouncementEntry] = field(default_factory=list)
    folder: Optional[Path] = None  # plans/<slug>/: local files (photos) are relative to it
    _index: Optional[dict[str, Entity]] = field(default=None, repr=False, compare=False)

    def entities(self) -> dict[str, Entity]:
        """Every referable id of the organisation (built once; the model is not edited after loading)."""
        if self._index is None:
            found: dict[str, Entity] = {}
            for group in (self.org.departments, self.org.positions, self.org.people):
                for item in group:
                    found.setdefault(item.id, item)
            self._index = found
        return self._index

    def lookup(self, ref: Optional[str]) -> Optional[Entity]:
        return self.entities().get(ref) if ref else None

    def people_in(self, position_id: str) -> list[Person]:
        return [p for p in self.org.people if p.position == position_id]

    def position_of(self, person: Person) -> Optional[Position]:
        found = self.lookup(person.position)
        return found if isinstance(found, Position) else None

    def department_of(self, item: Union[Person, Position, KnowledgeTopic, KnowledgeAsset]) -> Optional[Department]:
        dept_id = item.department
        if dept_id is None and isinstance(item, Person) and (pos := self.position_of(item)):
            dept_id = pos.department
        found = self.lookup(dept_id)
        return found if isinstance(found, Department) else None

    def plan(self, key: str) -> Optional[PlanEntry]:
        return next((p for p in self.plans if p.key == key), None)


@dataclass
class SiteModel:
    orgs: dict[str, OrgContent] = field(default_factory=dict)

    def sorted_orgs(self) -> list[OrgContent]:
        return thai_sorted(self.orgs.values(), key=lambda o: o.org.name)
