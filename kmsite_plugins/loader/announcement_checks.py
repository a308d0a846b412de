"""Checks of announcements that need the rest of the organisation or the site.

Each problem is ``path:line: field: message``: file names that cannot be URLs, a signer who
is not a person of the organisation, a plan key that does not exist, missing attachments,
and short codes that lead to two pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import AnnouncementEntry, OrgContent, SiteModel
from ..model.content_files import ContentFileError, content_file
from ..model.shortcodes import ShortCode, announcement_code, org_code, plan_code
from ..thai.collation import thai_sorted
from .problems import Problems
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc


def _check_entry(content: OrgContent, entry: AnnouncementEntry, doc: YamlDoc, problems: Problems,
                 plans_failed: bool) -> None:
    ann = entry.announcement
    if ann.announces and ann.page:
        problems.error(doc.path, doc.line_of(("page",)), "page",
                       "give either 'announces' (a plan key) or 'page' (a site page), not both")
    if ann.announces and content.plan(ann.announces) is None and not plans_failed:
        keys = [p.key for p in content.plans]
        problems.error(doc.path, doc.line_of(("announces",)), "announces",
                       f"no plan '{ann.announces}' in this organisation's plans/{did_you_mean(ann.announces, keys)} "
                       f"(known: {listing(keys)})")
    _check_page_is_public(site_assets(content), ann.page, doc, problems)
    names: dict[str, int] = {}
    for i, att in enumerate(ann.attachments):
        loc = ("attachments", i, "file")
        if entry.path is not None and content.folder is not None:
            try:
                content_file(content.folder, entry.path.parent, att.file)
            except ContentFileError as exc:
                problems.error_at(doc, loc, str(exc))
        if att.name in names:
            problems.error(doc.path, doc.line_of(loc), f"attachments[{i + 1}].file",
                           f"another attachment (no. {names[att.name] + 1}) is also published as '{att.name}'; rename "
                           f"one")
        names.setdefault(att.name, i)


def site_assets(content: OrgContent) -> dict[str, bool]:
    """``orgs/<slug>/knowledge/<asset>/`` → whether the asset is public."""
    return {f"orgs/{content.slug}/knowledge/{a.slug}/": a.asset.is_public for a in content.assets}


def _check_page_is_public(assets: dict[str, bool], page: str | None, doc: YamlDoc, problems: Problems) -> None:
    """A public notice must not link a draft or internal asset: a broken link that reveals its slug."""
    if page is not None and assets.get(page) is False:
        problems.error_at(doc, ("page",), f"'{page}' is a draft or internal knowledge asset, which the public site "
                                          "does not have: link a published page")


@dataclass(frozen=True)
class PinnedCode:
    """An announcement's own ``short:`` code, its page's key and the line the code is written on."""

    code: str
    own: str
    path: Path
    line: int


@dataclass
class OrgCodes:
    """What the short-code check needs of one organisation (small: it crosses processes)."""

    name: str  # the organisation's name: codes are listed in the site's order of names
    codes: list[ShortCode] = field(default_factory=list)
    pinned: list[PinnedCode] = field(default_factory=list)


def org_codes(content: OrgContent, docs: dict[str, YamlDoc]) -> OrgCodes:
    """The codes of one organisation's pages (as ``short_codes`` lists them) and its pinned codes."""
    found = OrgCodes(content.org.name, [org_code(content)])
    found.codes.extend(plan_code(content, entry) for entry in content.plans)
    for entry in content.announcements:
        code = announcement_code(content, entry)
        found.codes.append(code)
        doc = docs.get(f"announcement:{entry.slug}")
        if entry.announcement.short and doc is not None:
            found.pinned.append(PinnedCode(entry.announcement.short, code.key, doc.path, doc.line_of(("short",))))
    return found


def check_short_codes(orgs: list[OrgCodes], problems: Problems) -> None:
    """A pinned code that another page of the site also has; ``orgs`` in the site's order of folders."""
    by_code: dict[str, list[ShortCode]] = {}
    for org in thai_sorted(orgs, key=lambda o: o.name):  # the order of ``short_codes(site)``
        for short in org.codes:
            by_code.setdefault(short.code, []).append(short)
    for org in orgs:
        for pinned in org.pinned:
            clash = [other for other in by_code.get(pinned.code, []) if other.key != pinned.own]
            if clash:
                problems.error(pinned.path, pinned.line, "short",
                               f"short code '{pinned.code}' already leads to {clash[0].describe()}; choose another")


def check_announcement_entries(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems,
                               plans_failed: bool) -> None:
    """Every announcement of one organisation on its own; ``docs``: that organisation's documents."""
    for entry in content.announcements:
        doc = docs.get(f"announcement:{entry.slug}")
        if doc is not None:
            _check_entry(content, entry, doc, problems, plans_failed)


def check_announcements(site: SiteModel, docs: dict[str, dict[str, YamlDoc]], problems: Problems,
                        failed: dict[str, set[str]]) -> None:
    """Report every announcement problem of the site; ``failed``: per organisation, the kinds of file
    that did not load (a plan that failed is not reported again as missing)."""
    for content in site.orgs.values():
        check_announcement_entries(content, docs.get(content.slug, {}), problems,
                                   "plan" in failed.get(content.slug, set()))
    check_short_codes([org_codes(content, docs.get(content.slug, {})) for content in site.orgs.values()], problems)
