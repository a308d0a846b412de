"""Checks of announcements that need the rest of the organisation or the site.

Each problem is ``path:line: field: message``: file names that cannot be URLs, a signer who
is not a person of the organisation, a plan key that does not exist, missing attachments,
and short codes that lead to two pages.
"""

from __future__ import annotations

import re

from ..model import AnnouncementEntry, OrgContent, Person, SiteModel
from ..outputs.shortlinks import ShortLink, announcement_link, short_links_unchecked
from .problems import Problems
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc

_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _doc(docs: dict[str, dict[str, YamlDoc]], content: OrgContent, entry: AnnouncementEntry) -> YamlDoc | None:
    return docs.get(content.slug, {}).get(f"announcement:{entry.slug}")


def _plans_failed(content: OrgContent, docs: dict[str, YamlDoc]) -> bool:
    """A plan file was read but did not validate: its own errors are reported, not a missing plan."""
    keys = {f"plan:{p.key}" for p in content.plans}
    if any(name.startswith("plan:") and name not in keys for name in docs):
        return True
    # a plan file too malformed to read has no document at all
    folder = content.folder / "plans" if content.folder else None
    files = [f for f in folder.iterdir() if f.suffix in (".yml", ".yaml")] if folder and folder.is_dir() else []
    return len(files) > len(content.plans)


def _check_entry(content: OrgContent, entry: AnnouncementEntry, doc: YamlDoc, problems: Problems,
                 plans_failed: bool) -> None:
    ann = entry.announcement
    if not _SLUG_RE.match(entry.slug):
        problems.error(doc.path, 0, "", f"file name '{doc.path.name}' is not a valid announcement slug: "
                       "use a-z, 0-9 and '-' (it becomes the page URL)")
    if ann.signer.ref is not None:
        people = [p.id for p in content.org.people]
        found = content.lookup(ann.signer.ref)
        if not isinstance(found, Person):
            what = "is not a person" if found is not None else "is unknown"
            problems.error(doc.path, doc.line_of(("signer", "ref")), "signer.ref",
                           f"'{ann.signer.ref}' {what}: the signer must be a person of this organisation"
                           f"{did_you_mean(ann.signer.ref, people)} (known: {listing(people)})")
    if ann.announces and ann.page:
        problems.error(doc.path, doc.line_of(("page",)), "page",
                       "give either 'announces' (a plan key) or 'page' (a site page), not both")
    if ann.announces and content.plan(ann.announces) is None and not plans_failed:
        keys = [p.key for p in content.plans]
        problems.error(doc.path, doc.line_of(("announces",)), "announces",
                       f"no plan '{ann.announces}' in this organisation's plans/{did_you_mean(ann.announces, keys)} "
                       f"(known: {listing(keys)})")
    names: dict[str, int] = {}
    for i, att in enumerate(ann.attachments):
        loc = ("attachments", i, "file")
        if entry.path is not None and not (entry.path.parent / att.file).is_file():
            problems.error(doc.path, doc.line_of(loc), f"attachments[{i + 1}].file",
                           f"'{att.file}' does not exist (paths are relative to {entry.path.parent.name}/)")
        if att.name in names:
            problems.error(doc.path, doc.line_of(loc), f"attachments[{i + 1}].file",
                           f"another attachment (no. {names[att.name] + 1}) is also published as '{att.name}'; rename one")
        names.setdefault(att.name, i)


def _check_short_codes(site: SiteModel, docs: dict[str, dict[str, YamlDoc]], problems: Problems) -> None:
    by_code: dict[str, list[ShortLink]] = {}
    for link in short_links_unchecked(site):
        by_code.setdefault(link.code, []).append(link)
    for content in site.orgs.values():
        for entry in content.announcements:
            code, doc = entry.announcement.short, _doc(docs, content, entry)
            own = announcement_link(content, entry).key
            clash = [link for link in by_code.get(code or "", []) if link.key != own]
            if code and doc and clash:
                problems.error(doc.path, doc.line_of(("short",)), "short",
                               f"short code '{code}' already leads to {clash[0].url}; choose another")


def check_announcements(site: SiteModel, docs: dict[str, dict[str, YamlDoc]], problems: Problems) -> None:
    """Report every announcement problem of the site."""
    for content in site.orgs.values():
        plans_failed = _plans_failed(content, docs.get(content.slug, {}))
        for entry in content.announcements:
            doc = _doc(docs, content, entry)
            if doc is not None:
                _check_entry(content, entry, doc, problems, plans_failed)
    _check_short_codes(site, docs, problems)
