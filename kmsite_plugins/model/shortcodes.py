"""Short-code identities of printable pages: a stable key per page and its six-character code.

A code is derived from a stable key (the kind of page, the organisation slug and the page's own
key), never from a URL, so the URL layout may change while printed codes keep working; an
announcement may pin its own code with ``short:``. The loader reports a code used twice; the
views give each code its URL (views/shortlinks.py).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Literal, Optional

from .site import AnnouncementEntry, OrgContent, PlanEntry, SiteModel

__all__ = ["CODE_LENGTH", "ShortCode", "derived_code", "org_code", "plan_code", "announcement_code", "short_codes"]

CODE_LENGTH = 6  # base32: 2^30 codes; collisions are still checked
PageKind = Literal["org", "plan", "announcement"]


@dataclass(frozen=True)
class ShortCode:
    """A short code and the page it stands for."""

    code: str
    key: str  # stable identity, e.g. "plan:suso:2567"
    kind: PageKind
    slug: str  # the organisation
    page: str  # the page's own key: "" (organisation), a plan key or an announcement slug
    explicit: bool = False  # the author chose the code (``short:``)

    def describe(self) -> str:
        """The page in words, for messages to authors."""
        if self.kind == "org":
            return f"the page of organisation '{self.slug}'"
        return f"{self.kind} '{self.page}' of organisation '{self.slug}'"


def derived_code(key: str) -> str:
    """Six lower-case base32 characters of the key's SHA-256: the same on every build."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH].lower()


def _code(kind: PageKind, slug: str, page: str = "", explicit: Optional[str] = None) -> ShortCode:
    key = f"{kind}:{slug}" + (f":{page}" if kind != "org" else "")
    return ShortCode(explicit or derived_code(key), key, kind, slug, page, explicit is not None)


def org_code(content: OrgContent) -> ShortCode:
    return _code("org", content.slug)


def plan_code(content: OrgContent, entry: PlanEntry) -> ShortCode:
    return _code("plan", content.slug, entry.key)


def announcement_code(content: OrgContent, entry: AnnouncementEntry) -> ShortCode:
    return _code("announcement", content.slug, entry.slug, entry.announcement.short)


def short_codes(site: SiteModel) -> list[ShortCode]:
    """Every short code of the site, in a stable order, collisions included."""
    codes: list[ShortCode] = []
    for content in site.sorted_orgs():
        codes.append(org_code(content))
        codes.extend(plan_code(content, entry) for entry in content.plans)
        codes.extend(announcement_code(content, entry) for entry in content.announcements)
    return codes
