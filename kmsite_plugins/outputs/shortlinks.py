"""Short, stable URLs ``/go/<code>/`` for printed QR codes: static HTML redirect pages.

A code is derived from a stable key (the kind of page, the organisation slug and the
page's own key), never from the URL, so the URL layout may change while printed codes
keep working; an announcement may pin its own code with ``short:``. Two pages with one
code are a build error.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import jinja2

from ..model import AnnouncementEntry, OrgContent, PlanEntry, SiteModel
from ..pages.urls import absolute, announcement_url, org_url, plan_url
from ..pages.spec import relative_url
from .spec import OutputContext, OutputFile

__all__ = ["ShortLink", "derived_code", "org_link", "plan_link", "announcement_link", "short_links", "short_links_unchecked",
           "go_url", "shortlink_files"]

CODE_LENGTH = 6  # base32: 2^30 codes; collisions are still checked


@dataclass(frozen=True)
class ShortLink:
    """A short code and the page it leads to."""

    code: str
    key: str  # stable identity, e.g. "plan:suso:2567"
    url: str  # the target's directory URL, relative to a language root
    explicit: bool = False  # the author chose the code (``short:``)

    @property
    def go(self) -> str:
        """The short URL, relative to a language root ("go/k3xq7a/")."""
        return go_url(self.code)


def go_url(code: str) -> str:
    return f"go/{code}/"


def derived_code(key: str) -> str:
    """Six lower-case base32 characters of the key's SHA-256: the same on every build."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH].lower()


def _link(key: str, url: str, explicit: Optional[str] = None) -> ShortLink:
    return ShortLink(explicit or derived_code(key), key, url, explicit is not None)


def org_link(content: OrgContent) -> ShortLink:
    return _link(f"org:{content.slug}", org_url(content.slug))


def plan_link(content: OrgContent, entry: PlanEntry) -> ShortLink:
    return _link(f"plan:{content.slug}:{entry.key}", plan_url(content.slug, entry.key))


def announcement_link(content: OrgContent, entry: AnnouncementEntry) -> ShortLink:
    return _link(f"announcement:{content.slug}:{entry.slug}", announcement_url(content.slug, entry.slug),
                 entry.announcement.short)


def short_links_unchecked(site: SiteModel) -> list[ShortLink]:
    """Every short link of the site, in a stable order, collisions included (for the checks)."""
    links: list[ShortLink] = []
    for content in site.sorted_orgs():
        links.append(org_link(content))
        links.extend(plan_link(content, entry) for entry in content.plans)
        links.extend(announcement_link(content, entry) for entry in content.announcements)
    return links


def short_links(site: SiteModel) -> list[ShortLink]:
    """Every short link of the site; a code used twice raises ValueError naming both pages."""
    links = short_links_unchecked(site)
    seen: dict[str, ShortLink] = {}
    for link in links:
        other = seen.get(link.code)
        if other is not None:
            raise ValueError(f"short code '{link.code}' leads to two pages, {other.url} and {link.url}; "
                             "give one of them another code with 'short:' in its front matter")
        seen[link.code] = link
    return links


@lru_cache(maxsize=None)
def _template() -> jinja2.Template:
    from ..render import TEMPLATE_DIR  # the page templates' folder; render imports no outputs

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("outputs/shortlink.html.j2")


def shortlink_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """``<lang prefix>go/<code>/index.html`` per short link: meta refresh, canonical link, visible link."""
    from ..render import load_labels

    labels = load_labels(ctx.lang)
    files = []
    for link in short_links(site):
        target = relative_url(link.go, link.url, ctx.directory_urls)
        canonical = absolute(ctx.site_url, ctx.prefix + link.url) if ctx.site_url else None
        html = _template().render(lang=ctx.lang, target=target, canonical=canonical, labels=labels)
        files.append(OutputFile(ctx.prefix + link.go + "index.html", html))
    return files
