"""Checks of knowledge assets and topics that need the whole organisation: references, files, dates.

Every problem points at the line of the front-matter entry that causes it
(``plans/x/knowledge/a.md:14: attachments[1].file: ...``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from ..model import AssetEntry, OrgContent
from ..model.content_files import ContentFileError, content_file
from .checks import unknown_id
from .problems import Loc, Problems
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc

# Files of a knowledge folder that are not attachments.
KNOWN_FILES = {"topics.yml"}


class _Reporter:
    """Errors located in one asset's front matter."""

    def __init__(self, doc: YamlDoc, problems: Problems):
        self.doc = doc
        self.problems = problems

    def error(self, loc: Loc, message: str) -> None:
        self.problems.error_at(self.doc, loc, message)


def _check_plan_activity(content: OrgContent, rep: _Reporter, value: Optional[str], plans_failed: bool) -> None:
    """``"<plan key>/<activity id>"``: the plan exists and one of its rows has that id.

    When a plan file of the organisation did not validate, an unknown plan key is not reported:
    the plan's own errors are (the key may be that plan's).
    """
    if value is None:
        return
    keys = [p.key for p in content.plans]
    plan_key, sep, activity_id = value.partition("/")
    if not sep or not plan_key or not activity_id:
        rep.error(("plan_activity",),
                  f"'{value}' is not '<plan key>/<activity id>' (e.g. '2567/tech-kmp1'); plans: {listing(keys)}")
        return
    entry = content.plan(plan_key)
    if entry is None and plans_failed:
        return
    if entry is None:
        rep.error(("plan_activity",),
                  f"no plan '{plan_key}' in this organisation{did_you_mean(plan_key, keys)} (plans: {listing(keys)})")
        return
    ids = [row.id for _, _, _, row in entry.plan.rows() if row.id]
    if activity_id not in ids:
        rep.error(("plan_activity",), f"plan '{plan_key}' has no activity with id '{activity_id}'"
                                      f"{did_you_mean(activity_id, ids)} (activity ids: {listing(ids)})")


def _check_dates(entry: AssetEntry, rep: _Reporter) -> None:
    created, reviewed = entry.asset.created, entry.asset.reviewed
    for field, value in (("created", created), ("reviewed", reviewed)):
        if value is not None and value.error is not None:
            rep.error((field,), str(value.error))
    if created.value and reviewed and reviewed.value and reviewed.value < created.value:
        rep.error(("reviewed",), f"reviewed ({reviewed.raw}) is before created ({created.raw})")


def _check_source_url(entry: AssetEntry, rep: _Reporter) -> None:
    url = entry.asset.source_url
    if url is None:
        return
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or c in '<>"' for c in url.strip()):
        rep.error(("source_url",), f"'{url}' is not a web address: write a full http:// or https:// URL")


def _check_attachments(entry: AssetEntry, rep: _Reporter, org_folder: Path) -> set[Path]:
    """Each attachment passes the content-file rule (content_files.py) and is attached once."""
    found: set[Path] = set()
    for i, att in enumerate(entry.asset.attachments):
        loc = ("attachments", i, "file")
        try:
            path = content_file(org_folder, entry.path.parent, att.file)
        except ContentFileError as exc:
            rep.error(loc, str(exc))
            continue
        if path in found:
            rep.error(loc, f"'{att.file}' is attached twice to this asset")
        found.add(path)
    return found


def _check_topic_ids(content: OrgContent, doc: Optional[YamlDoc], problems: Problems) -> None:
    seen: set[str] = set()
    for i, topic in enumerate(content.topics):
        if topic.id in seen and doc is not None:
            loc = ("topics", i, "id")
            problems.error_at(doc, loc,
                              f"topic id '{topic.id}' is used twice; ids must be unique (they are page anchors)")
        seen.add(topic.id)


def _report_unattached(folder: Path, attached: set[Path], problems: Problems) -> None:
    """Files in knowledge/ that no asset attaches are not published: say so."""
    if not folder.is_dir():
        return
    found = (Path(top) / name for top, _, names in os.walk(folder) for name in names)  # symlinked folders not followed
    for path in sorted(found):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if (len(rel.parts) == 1 and (path.name in KNOWN_FILES or path.suffix == ".md")) or path.resolve() in attached:
            continue
        problems.warn(path, 0, "", f"'{rel.as_posix()}' is not attached to any knowledge asset and is not published; "
                                   "list it under an asset's attachments or remove it",
                      code="unknown-file", value=rel.as_posix())


def check_assets(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems, folder: Path,
                 failed: set[str]) -> None:
    """Check every asset of one organisation; ``folder`` is the organisation folder, ``failed`` the kinds of
    file that did not load (references into them are not checked). Person and position references are
    checked with all the others in references.py."""
    _check_topic_ids(content, docs.get("topics"), problems)
    topic_ids = [t.id for t in content.topics]
    cop_ids = [c.id for c in content.cops]
    attached: set[Path] = set()
    for entry in content.assets:
        doc = docs.get(f"asset:{entry.slug}")
        if doc is None:
            continue
        rep = _Reporter(doc, problems)
        asset = entry.asset
        if asset.cop is not None and "cops" not in failed:
            unknown_id(doc, problems, ("cop",), asset.cop, cop_ids, "community of practice", "cops.yml")
        for j, topic in enumerate(asset.topics if "topics" not in failed else ()):
            unknown_id(doc, problems, ("topics", j), topic, topic_ids, "knowledge topic", "knowledge/topics.yml")
        _check_plan_activity(content, rep, asset.plan_activity, "plan" in failed)
        _check_dates(entry, rep)
        _check_source_url(entry, rep)
        attached |= _check_attachments(entry, rep, folder)
    _report_unattached(folder / "knowledge", attached, problems)
