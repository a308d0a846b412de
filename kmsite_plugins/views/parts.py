"""Site-wide lists split by province once they pass a limit, so that no page grows with the site.

A site-wide list (the directory, the knowledge store, the knowledge map, the people catalogue,
who knows what, announcements) is one page while the site has at most ``limit`` organisations and
``budget`` entries (people, positions, topics, assets, announcements and holder links: what the longest
lists show).
Past either, the page becomes an index of provinces and each province gets its own page at
``<list>/province/<key>/``; a province past either bound continues on ``<list>/province/<key>/2/`` and
so on. Every part is made from the same organisations in the same order for every list, so the index
and the parts agree, and a part page holds at most ``limit`` organisations and ``budget`` entries
(or a single organisation larger than that).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Optional

from ..chunks import bounded_chunks
from ..model import OrgContent, SiteModel
from ..thai.collation import thai_sorted

__all__ = ["DEFAULT_ENTRY_BUDGET", "DEFAULT_LIST_LIMIT", "Part", "entries", "Province", "province_key", "site_parts"]

DEFAULT_LIST_LIMIT = 60  # organisations on one site-wide list page before it is split by province
DEFAULT_ENTRY_BUDGET = 600  # entries (see entries()) on one site-wide list page: 315 KB at most at N=1,000
NO_PROVINCE = "none"  # the key of the organisations that state no province


@dataclass(frozen=True)
class Province:
    """A province of the index and its pages (one unless it has more organisations than the limit)."""

    key: str  # URL segment: "trang", or "p-1a2b3c4d" for a name with no English spelling
    name: Optional[str]  # None: the organisations state no province
    name_en: Optional[str]
    orgs: list[OrgContent]
    parts: list[Part]


@dataclass(frozen=True)
class Part:
    """One page of a split list: some organisations of one province, in Thai order."""

    province: Province
    number: int  # 1, 2, ... within the province
    orgs: list[OrgContent]

    @property
    def key(self) -> str:
        """The URL tail under ``<list>/province/``: ``trang/`` or ``trang/2/``."""
        return self.province.key + "/" + ("" if self.number == 1 else f"{self.number}/")

    @property
    def pages(self) -> int:
        return len(self.province.parts)

    @property
    def previous(self) -> Optional[Part]:
        return self.province.parts[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> Optional[Part]:
        return self.province.parts[self.number] if self.number < self.pages else None


def province_key(name: Optional[str], name_en: Optional[str]) -> str:
    """An ASCII URL segment for a province: its English name as a slug, else a checksum of its Thai name."""
    if name is None:
        return NO_PROVINCE
    slug = re.sub(r"[^a-z0-9]+", "-", (name_en or "").lower()).strip("-")
    return slug or f"p-{zlib.crc32(name.encode('utf-8')):08x}"


def entries(content: OrgContent) -> int:
    """What one organisation adds to the longest site-wide lists: people and positions (cards), topics,
    assets and announcements, and the links between knowledge and the people who hold it.

    Who knows what lists every holder under each topic and asset and every topic and asset under each
    holder, so its size follows those links more than the number of topics: an organisation whose
    topics have many holders weighs more. (On the who-knows-what pages of a 1,000-organisation build, the
    bytes per entry, page frame aside, were 373–883 counting no links and 182–445 with them: a full budget
    then stays near 300 KB, where it reached 519 KB.)
    """
    org = content.org
    links = sum(len(t.holders) for t in content.topics)
    links += sum(len(e.asset.holders) + (e.asset.owner is not None) for e in content.assets)
    return (len(org.people) + len(org.positions) + len(content.topics) + len(content.assets)
            + len(content.announcements) + links)


def _provinces(orgs: list[OrgContent]) -> dict[Optional[str], list[OrgContent]]:
    grouped: dict[Optional[str], list[OrgContent]] = {}
    for content in orgs:
        grouped.setdefault(content.org.province, []).append(content)
    return grouped


def site_parts(site: SiteModel, limit: int, budget: int = DEFAULT_ENTRY_BUDGET) -> Optional[list[Province]]:
    """The provinces of a split site-wide list in Thai order (no province last), or None: one page is enough."""
    orgs = site.sorted_orgs()
    if len(orgs) <= limit and sum(entries(c) for c in orgs) <= budget:
        return None
    grouped = _provinces(orgs)
    names = [*thai_sorted((p for p in grouped if p is not None), key=str), *([None] if None in grouped else [])]
    provinces: list[Province] = []
    taken: set[str] = set()
    for name in names:
        members = grouped[name]
        name_en = next((c.org.province_en for c in members if c.org.province_en), None)
        key = base = province_key(name, name_en)
        n = 1
        while key in taken:  # two Thai names with one English spelling
            n += 1
            key = f"{base}-{n}"
        taken.add(key)
        province = Province(key, name, name_en, members, [])
        chunks = bounded_chunks(members, entries, limit, budget)
        province.parts.extend(Part(province, i + 1, chunk) for i, chunk in enumerate(chunks))
        provinces.append(province)
    return provinces
