"""Short, stable URLs ``/go/<code>/`` for printed QR codes: each short code with the page it leads to.

The codes themselves are model identities (model/shortcodes.py); here each gets its URLs.
Two pages with one code are a build error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import AnnouncementEntry, OrgContent, PlanEntry, SiteModel
from ..model.shortcodes import ShortCode, announcement_code, derived_code, org_code, plan_code, short_codes
from .urls import announcement_url, org_url, plan_url

__all__ = ["ShortLink", "derived_code", "org_link", "plan_link", "announcement_link", "short_links",
           "short_links_unchecked", "go_url"]


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


def _url(code: ShortCode) -> str:
    if code.kind == "org":
        return org_url(code.slug)
    if code.kind == "plan":
        return plan_url(code.slug, code.page)
    return announcement_url(code.slug, code.page)


def _link(code: ShortCode) -> ShortLink:
    return ShortLink(code.code, code.key, _url(code), code.explicit)


def org_link(content: OrgContent) -> ShortLink:
    return _link(org_code(content))


def plan_link(content: OrgContent, entry: PlanEntry) -> ShortLink:
    return _link(plan_code(content, entry))


def announcement_link(content: OrgContent, entry: AnnouncementEntry) -> ShortLink:
    return _link(announcement_code(content, entry))


def short_links_unchecked(site: SiteModel) -> list[ShortLink]:
    """Every short link of the site, in a stable order, collisions included."""
    return [_link(code) for code in short_codes(site)]


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
