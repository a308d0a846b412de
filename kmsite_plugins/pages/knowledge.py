"""The knowledge store's pages: per organisation its knowledge map and asset pages; site-wide the
index, the topic map and the tag pages."""

from __future__ import annotations

from typing import Optional

from ..model import OrgContent, SiteModel
from ..views.knowledge import AssetView, facets, site_assets, site_topic_map, tag_index, topic_map, views_by_org
from ..views.parts import Province
from ..views.urls import knowledge_index_url, knowledge_map_url, knowledge_url, tags_url
from .spec import PageSpec, source_uri
from .split import split_list

__all__ = ["knowledge_pages", "TAG_PAGE"]

TAG_PAGE = 50  # assets on one page of a tag; a tag of more continues on knowledge/tags/<tag>/2/, ...


def knowledge_pages(site: SiteModel, provinces: Optional[list[Province]] = None) -> list[PageSpec]:
    """Per organisation its knowledge page and asset pages; site-wide the index and map (split by province
    past the limit) and the tags."""
    by_org = views_by_org(site)  # every view built once: its dates are parsed once for all pages
    every = site_assets(site, by_org)
    tags = tag_index(every)
    orgs = site.sorted_orgs()
    base = {"site": site}

    def index(part: list[OrgContent]) -> dict[str, object]:
        if len(part) == len(orgs):
            return {"assets": every, "facets": facets(every, orgs, tags)}
        assets: list[AssetView] = site_assets(site, {c.slug: by_org[c.slug] for c in part})
        return {"assets": assets, "facets": facets(assets, part)}

    pages = [
        *split_list(site, provinces, knowledge_index_url(), "knowledge-index", "knowledge_index.md.j2", index,
                    "knowledge.index_title"),
        *split_list(site, provinces, knowledge_map_url(), "knowledge-map", "knowledge_map.md.j2",
                    lambda part: {"groups": site_topic_map(site, by_org, part)}, "knowledge.map_title"),
        PageSpec(source_uri(tags_url()), "knowledge-tags", "knowledge_tags.md.j2",
                 {**base, "tags": tags}),
    ]
    for tv in tags:
        chunks = [tv.assets[i:i + TAG_PAGE] for i in range(0, len(tv.assets), TAG_PAGE)] or [[]]
        tag_urls = [tv.tag.url] + [f"{tv.tag.url}{n}/" for n in range(2, len(chunks) + 1)]
        for n, chunk in enumerate(chunks):
            pager = {"number": n + 1, "urls": tag_urls, "total": len(tv.assets)}
            pages.append(PageSpec(source_uri(tag_urls[n]), "knowledge-tag", "knowledge_tag.md.j2",
                                  {**base, "tag": tv.tag, "assets": chunk, "pager": pager}))
    for content in orgs:
        views = by_org[content.slug]
        ctx = {**base, "content": content, "org": content.org}
        pages.append(PageSpec(source_uri(knowledge_url(content.slug)), "knowledge", "knowledge.md.j2",
                              {**ctx, "rows": topic_map(content, views), "assets": views,
                               "facets": facets(views, [content])}))
        for view in views:
            pages.append(PageSpec(source_uri(view.url), "asset", "knowledge_asset.md.j2", {**ctx, "view": view}))
    return pages
