"""What the knowledge store (คลังความรู้) shows: asset views, knowledge maps, facets and tags.

Pages:
- ``/orgs/<slug>/knowledge/``: the organisation's knowledge map (topics × department × holders,
  each topic linked to its assets) and its assets, browsable by facet;
- ``/orgs/<slug>/knowledge/<asset>/``: one knowledge asset with its attachments;
- ``/knowledge/``: every asset of the site, browsable by organisation, department, type, form,
  KM step, tag and year (a small local script filters the static list; without it the whole
  list shows);
- ``/knowledge/map/``: the same topic (same id) across organisations;
- ``/knowledge/tags/`` and ``/knowledge/tags/<tag>/``: tag pages.
"""

from __future__ import annotations

import mimetypes
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Optional

from ..model import AssetEntry, Department, KnowledgeTopic, OrgContent, PlanEntry, SiteModel
from ..model.plan import STEPS, Activity
from ..thai.collation import sort_key, thai_sorted
from ..thai.slug import slugify
from .urls import asset_url, plan_url, tags_url

__all__ = ["AssetView", "asset_views", "views_by_org", "site_assets",
           "tag_index", "topic_map", "site_topic_map", "facets", "tag_slug"]


# -- URLs -----------------------------------------------------------------------

@lru_cache(maxsize=4096)
def tag_slug(tag: str) -> str:
    """A tag's URL segment: Thai kept readable, case and punctuation folded (``e-LAAS`` → ``e-laas``)."""
    return slugify(tag) or "tag"


# -- views ------------------------------------------------------------------------

@dataclass(frozen=True)
class AttachmentView:
    """An attachment as shipped beside the asset page."""

    file: str  # as written, relative to the asset file
    title: Optional[str]
    title_en: Optional[str]
    source: Path  # on disk
    site_path: str  # under the default language tree: orgs/<slug>/knowledge/<asset>/<file>

    @property
    def name(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    @property
    def size(self) -> int:
        return self.source.stat().st_size if self.source.is_file() else 0

    @property
    def media_type(self) -> str:
        return mimetypes.guess_type(self.name)[0] or "application/octet-stream"

    @property
    def kind(self) -> str:
        """The short file type shown to readers: ``PDF``, ``CSV``, ``TXT``."""
        suffix = Path(self.name).suffix.lstrip(".")
        return suffix.upper() or "FILE"


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str

    @property
    def url(self) -> str:
        """``knowledge/tags/<slug>/``: the one place a tag's URL is made."""
        return f"{tags_url()}{self.slug}/"


@dataclass
class AssetView:
    """One knowledge asset with what its pages and lists need."""

    content: OrgContent
    entry: AssetEntry

    @property
    def slug(self) -> str:
        return self.entry.slug

    @property
    def asset(self):  # noqa: ANN201 - KnowledgeAsset
        return self.entry.asset

    @property
    def url(self) -> str:
        return asset_url(self.content.slug, self.entry.slug)

    @cached_property
    def created(self) -> Optional[date]:
        return self.asset.created.value  # None when unreadable: kmsite check reports it, the page shows the text

    @cached_property
    def reviewed(self) -> Optional[date]:
        return self.asset.reviewed.value if self.asset.reviewed else None

    @property
    def updated(self) -> Optional[date]:
        """The newer of created and reviewed (feeds list updated assets)."""
        return max((d for d in (self.created, self.reviewed) if d), default=None)

    @property
    def year(self) -> Optional[int]:
        """CE year of creation (pages show it in BE or CE)."""
        return self.created.year if self.created else None

    @property
    def department(self) -> Optional[Department]:
        return self.content.department_of(self.asset)

    @cached_property
    def tags(self) -> list[Tag]:
        seen: dict[str, Tag] = {}
        for name in self.asset.tags:
            seen.setdefault(tag_slug(name), Tag(name, tag_slug(name)))
        return list(seen.values())

    @cached_property
    def topics(self) -> list[KnowledgeTopic]:
        by_id = {t.id: t for t in self.content.topics}
        return [by_id[t] for t in self.asset.topics if t in by_id]

    @property
    def cop(self):  # noqa: ANN201 - Optional[Cop]
        return next((c for c in self.content.cops if c.id == self.asset.cop), None)

    @property
    def attachments(self) -> list[AttachmentView]:
        folder = self.entry.path.parent
        return [AttachmentView(a.file, a.title, a.title_en, folder / a.file, f"{self.url}{a.file}")
                for a in self.asset.attachments]

    @cached_property
    def plan_activity(self) -> Optional[tuple[PlanEntry, Activity]]:
        """The plan and row of ``plan_activity`` (``<plan key>/<activity id>``)."""
        if not self.asset.plan_activity:
            return None
        key, _, activity_id = self.asset.plan_activity.partition("/")
        entry = self.content.plan(key)
        if entry is None:
            return None
        row = next((r for _, _, _, r in entry.plan.rows() if r.id == activity_id), None)
        return (entry, row) if row else None

    def plan_url(self) -> Optional[str]:
        found = self.plan_activity
        return plan_url(self.content.slug, found[0].key) if found else None

    @cached_property
    def filter_data(self) -> dict[str, str]:
        """``data-*`` values the facet filter reads."""
        return {
            "org": self.content.slug,
            "dept": f"{self.content.slug}:{self.asset.department}" if self.asset.department else "",
            "type": self.asset.type.value,
            "form": self.asset.form.value,
            "step": self.asset.km_step or "",
            "year": str(self.year or ""),
            "tags": " ".join(t.slug for t in self.tags),
        }


def _by_title(views: list[AssetView]) -> list[AssetView]:
    """Thai dictionary order of titles; the organisation breaks ties."""
    return sorted(views, key=lambda v: (sort_key(v.asset.title), sort_key(v.content.org.name), v.slug))


def asset_views(content: OrgContent) -> list[AssetView]:
    """One organisation's assets in title order."""
    return _by_title([AssetView(content, e) for e in content.assets])


def views_by_org(site: SiteModel) -> dict[str, list[AssetView]]:
    """Each organisation's asset views (by slug, organisations in Thai order), built once for a caller to share."""
    return {content.slug: asset_views(content) for content in site.sorted_orgs()}


def site_assets(site: SiteModel, by_org: Optional[dict[str, list[AssetView]]] = None) -> list[AssetView]:
    """Every asset of the site in title order; ``by_org`` reuses views already built."""
    by_org = views_by_org(site) if by_org is None else by_org
    return _by_title([view for views in by_org.values() for view in views])


@dataclass
class TagView:
    tag: Tag
    assets: list[AssetView] = field(default_factory=list)


def tag_index(views: list[AssetView]) -> list[TagView]:
    """Every tag with its assets, tags in Thai dictionary order."""
    found: dict[str, TagView] = {}
    for view in views:
        for tag in view.tags:
            found.setdefault(tag.slug, TagView(tag)).assets.append(view)
    return thai_sorted(found.values(), key=lambda tv: tv.tag.name)


@dataclass
class TopicRow:
    """A row of an organisation's knowledge map."""

    topic: KnowledgeTopic
    department: Optional[Department]
    assets: list[AssetView]


def topic_map(content: OrgContent, views: list[AssetView]) -> list[TopicRow]:
    """The topics in the author's order, each with the assets that name it."""
    rows = []
    for topic in content.topics:
        rows.append(TopicRow(topic, content.department_of(topic), [v for v in views if topic.id in v.asset.topics]))
    return rows


@dataclass
class TopicGroup:
    """One topic id across organisations (the site-wide map)."""

    id: str
    rows: list[tuple[OrgContent, TopicRow]] = field(default_factory=list)

    @property
    def topic(self) -> KnowledgeTopic:
        return self.rows[0][1].topic


def site_topic_map(site: SiteModel, by_org: Optional[dict[str, list[AssetView]]] = None,
                   orgs: Optional[list[OrgContent]] = None) -> list[TopicGroup]:
    """Topics grouped by id across organisations (``orgs``, default all); groups and organisations in Thai order."""
    by_org = views_by_org(site) if by_org is None else by_org
    groups: dict[str, TopicGroup] = {}
    for content in site.sorted_orgs() if orgs is None else orgs:
        for row in topic_map(content, by_org[content.slug]):
            groups.setdefault(row.topic.id, TopicGroup(row.topic.id)).rows.append((content, row))
    return thai_sorted(groups.values(), key=lambda g: g.topic.title)


@dataclass
class Facet:
    """One facet of the filter: its key (``data-<key>``) and its values with counts."""

    key: str
    options: list[tuple[str, Any, int]]  # (value, what to label it with, count)


def facets(views: list[AssetView], orgs: list[OrgContent], tags: Optional[list[TagView]] = None) -> list[Facet]:
    """The facets of a list of assets; only values that occur are offered (one pass over the assets).

    ``tags`` is ``tag_index(views)`` when the caller has it already.
    """
    counts: dict[str, Counter[str]] = {key: Counter() for key in ("org", "dept", "type", "form", "step", "year",
                                                                  "tags")}
    for view in views:
        for key, value in view.filter_data.items():
            counts[key].update(value.split() if key == "tags" else [value] if value else [])
    result: list[Facet] = []
    if len(orgs) > 1:
        result.append(Facet("org", [(c.slug, c, counts["org"][c.slug]) for c in orgs if counts["org"][c.slug]]))
    result.append(Facet("dept", [(f"{c.slug}:{d.id}", (c, d), n) for c in orgs for d in c.org.departments
                                 if (n := counts["dept"][f"{c.slug}:{d.id}"])]))
    for key, values in (("type", sorted(counts["type"])), ("form", sorted(counts["form"])),
                        ("step", [s for s in STEPS if counts["step"][s]])):
        result.append(Facet(key, [(value, value, counts[key][value]) for value in values]))
    result.append(Facet("year", [(y, int(y), counts["year"][y]) for y in sorted(counts["year"], reverse=True)]))
    result.append(Facet("tags", [(tv.tag.slug, tv.tag.name,
                                  len(tv.assets)) for tv in (tag_index(views) if tags is None else tags)]))
    return [f for f in result if f.options]
