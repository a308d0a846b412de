"""Load and validate the ``plans/`` tree into a SiteModel, collecting every problem."""

from __future__ import annotations

import gc
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap

from ..model import (
    Announcement,
    AnnouncementEntry,
    AssetEntry,
    CommitteeFile,
    CopFile,
    KnowledgeAsset,
    Organisation,
    OrgContent,
    Plan,
    PlanEntry,
    SiteModel,
    TopicFile,
)
from .acknowledge import Acknowledgements
from .announcement_checks import check_announcements
from .asset_checks import check_assets
from .lint import lint_org
from .plan_markdown import read_plan_markdown
from .problems import Problems
from .pydantic_errors import report_validation_error
from .references import check_references
from .roster_checks import check_rosters
from .suggest import did_you_mean, listing
from .yaml_source import SourceError, YamlDoc, load_front_matter, load_yaml_file, plain_data

M = TypeVar("M", bound=BaseModel)
# Stands for an organisation whose organisation.yml did not validate, so that its other files are checked.
_STAND_IN = Organisation.model_construct(name="", type="อบต.")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Files and folders an organisation folder may hold; anything else is reported. ``import/`` holds the notes of
# ``kmsite import`` (leftovers, raw cells, report): never read, never published.
KNOWN_ENTRIES = {"organisation.yml", "committees.yml", "cops.yml", "plans", "knowledge", "announcements", "photos",
                 "import"}


def _present(path: Path) -> bool:
    """The path exists, or is a symbolic link (a dangling one is reported when read)."""
    return path.exists() or path.is_symlink()


def find_plans_dir(root: Path) -> Path:
    """Accept a project root (with ``plans/``) or the ``plans/`` folder itself."""
    return root / "plans" if (root / "plans").is_dir() else root


def org_folders(plans_dir: Path) -> list[Path]:
    """The organisation folders of ``plans/``, in the order they are loaded and reported."""
    return sorted(p for p in plans_dir.iterdir() if p.is_dir() and not p.name.startswith("."))


class SiteLoader:
    """Reads every organisation folder once; keeps the documents for later checks."""

    def __init__(self, plans_dir: Path, problems: Problems):
        self.plans_dir = plans_dir
        self.problems = problems
        self.docs: dict[str, dict[str, YamlDoc]] = {}  # slug -> logical name -> document
        # slug -> kinds of file that failed to load or validate ("plan", "topics", "cops", ...): checks that
        # refer into them stay quiet, the file's own errors say what is wrong
        self.failed: dict[str, set[str]] = {}
        self.acks = Acknowledgements()
        # organisations whose organisation.yml failed: not in the site, but their other files are still checked
        self.partial: dict[str, OrgContent] = {}

    # -- generic ---------------------------------------------------------------
    def _read(self, path: Path) -> Optional[YamlDoc]:
        if path.suffix == ".md":  # a plan in the Markdown form (plans/<year>.md)
            return read_plan_markdown(path, self.problems)
        try:
            return load_yaml_file(path)
        except SourceError as exc:  # unreadable, not UTF-8, too large, malformed YAML: located, and the run goes on
            self.problems.error(path, exc.line, "", str(exc))
        return None

    def _validate(self, doc: YamlDoc, model: type[M]) -> Optional[M]:
        if not isinstance(doc.data, dict):
            self.problems.error(doc.path, 1, "",
                                f"expected a mapping of keys at the top, got {type(doc.data).__name__}")
            return None
        data = plain_data(doc.data) if isinstance(doc.data, CommentedMap) else dict(doc.data)
        self.acks.collect(data.pop("acknowledged", None), doc, self.problems)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            report_validation_error(exc, doc, model, self.problems)
            return None

    def _load(self, path: Path, model: type[M], slug: str, name: str) -> Optional[M]:
        doc = self._read(path)
        item = None
        if doc is not None:
            self.docs.setdefault(slug, {})[name] = doc
            item = self._validate(doc, model)
        if item is None:
            self.failed.setdefault(slug, set()).add(name.partition(":")[0])
        return item

    # -- per organisation ----------------------------------------------------
    def load_org(self, folder: Path) -> Optional[OrgContent]:
        slug = folder.name
        if not _SLUG_RE.match(slug):
            self.problems.error(folder, 0, "",
                                f"folder name '{slug}' is not a valid organisation slug: use a-z, 0-9 and '-'")
            return None
        org_file = folder / "organisation.yml"
        if not _present(org_file):
            self.problems.error(folder, 0, "organisation.yml",
                                "missing: every organisation folder needs organisation.yml (see 'kmsite new')")
            return None
        self._report_unknown_entries(folder)
        org = self._load(org_file, Organisation, slug, "organisation")
        content = OrgContent(slug=slug, org=org or _STAND_IN, folder=folder)
        committees = self._optional(folder / "committees.yml", CommitteeFile, slug, "committees")
        topics = self._optional(folder / "knowledge" / "topics.yml", TopicFile, slug, "topics")
        cops = self._optional(folder / "cops.yml", CopFile, slug, "cops")
        plans = self._load_plans(folder / "plans", slug)
        announcements = self._load_announcements(folder / "announcements", slug)
        assets = self._load_assets(folder / "knowledge", slug)
        content.committees = committees.committees if committees else []
        content.topics = topics.topics if topics else []
        content.cops = cops.cops if cops else []
        content.plans = plans
        content.announcements = announcements
        content.assets = assets
        if org is None:
            self.partial[slug] = content
            return None
        return content

    def _optional(self, path: Path, model: type[M], slug: str, name: str) -> Optional[M]:
        # a dangling symlink is present (and reported), not silently absent
        return self._load(path, model, slug, name) if _present(path) else None

    def _load_plans(self, folder: Path, slug: str) -> list[PlanEntry]:
        entries: list[PlanEntry] = []
        if not folder.is_dir():
            return entries
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".yml", ".yaml", ".md"):
                self.problems.warn(path, 0, "",
                                   "not a plan file (plans/ holds <fiscal-year>.md or .yml files); it is not published",
                                   code="unknown-file", value=path.name)
                continue
            plan = self._load(path, Plan, slug, f"plan:{path.stem}")
            if plan is None:
                continue
            key = str(plan.fiscal_year) if plan.fiscal_year else path.stem
            if any(e.key == key for e in entries):
                self.problems.error(path, 1, "fiscal_year",
                                    f"another plan of this organisation already has fiscal year {key}; one plan per "
                                    f"year")
                self.failed.setdefault(slug, set()).add("plan")
                continue
            entries.append(PlanEntry(key=key, plan=plan))
            self.docs[slug][f"plan:{key}"] = self.docs[slug].pop(f"plan:{path.stem}")
        return sorted(entries, key=lambda e: e.key, reverse=True)

    def _load_markdown(self, folder: Path, slug: str, kind: str, model: type[M]) -> list[tuple[Path, M, str]]:
        """Every ``<folder>/*.md`` with front matter validated as ``model``: (path, item, body).

        The file name becomes the page URL, so a name that cannot be one is an error.
        """
        found: list[tuple[Path, M, str]] = []
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if not _SLUG_RE.match(path.stem):
                self.problems.error(path, 0, "", f"file name '{path.name}' is not a valid {kind} slug: "
                                                 "use a-z, 0-9 and '-' (it becomes the page URL)")
                continue
            try:
                doc, body, _ = load_front_matter(path)
            except SourceError as exc:
                self.problems.error(path, exc.line, "", str(exc))
                continue
            self.docs.setdefault(slug, {})[f"{kind}:{path.stem}"] = doc
            item = self._validate(doc, model)
            if item is not None:
                found.append((path, item, body))
        return found

    def _load_announcements(self, folder: Path, slug: str) -> list[AnnouncementEntry]:
        return [AnnouncementEntry(slug=path.stem, announcement=item, body=body, path=path)
                for path, item, body in self._load_markdown(folder, slug, "announcement", Announcement)]

    def _load_assets(self, folder: Path, slug: str) -> list[AssetEntry]:
        """Every ``knowledge/<asset-slug>.md``; attachments and other files may sit beside them."""
        return [AssetEntry(slug=path.stem, asset=item, body=body, path=path)
                for path, item, body in self._load_markdown(folder, slug, "asset", KnowledgeAsset)]

    # -- checks of one organisation -------------------------------------------------
    def check_org(self, content: OrgContent, problems: Problems) -> None:
        """The checks that need one loaded organisation and its documents only."""
        slug = content.slug
        docs = self.docs.get(slug, {})
        check_references(content, docs, problems)
        check_rosters(content, docs, problems)
        check_assets(content, docs, problems, self.plans_dir / slug, self.failed.get(slug, set()))
        lint_org(content, docs, problems)

    def check_partial(self, content: OrgContent, problems: Problems) -> None:
        """organisation.yml failed: check what does not need its people, so its errors hide no others."""
        slug = content.slug
        docs = self.docs.get(slug, {})
        check_assets(content, docs, problems, self.plans_dir / slug, self.failed.get(slug, set()))
        lint_org(content, docs, problems, own_names_known=False)

    def _report_unknown_entries(self, folder: Path) -> None:
        for entry in sorted(folder.iterdir()):
            if entry.name not in KNOWN_ENTRIES and not entry.name.startswith("."):
                self.problems.warn(entry, 0, "",
                                   f"'{entry.name}' is not part of the organisation format and is not published; "
                                   f"expected: {', '.join(sorted(KNOWN_ENTRIES))}",
                                   code="unknown-file", value=entry.name)


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, then restore it as it was.

    Loading allocates millions of small containers that stay alive (the documents and the model) or are
    freed by reference counting; each full collection walks all of them, so collections cost more the
    larger the tree (a third of the load time at 1,000 organisations) and find nothing to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_site(root: Path, only: Optional[Collection[str]] = None) -> tuple[SiteModel, Problems]:
    """Load and check every organisation under ``root``; never raises on bad content.

    ``only``: read just these organisation folders (an author's preview of a large tree); checks across
    organisations then see only them, and a slug without a folder is an error.
    """
    with cycle_collection_paused():
        return _load_site(root, only)


def _load_site(root: Path, only: Optional[Collection[str]]) -> tuple[SiteModel, Problems]:
    plans_dir = find_plans_dir(root)
    problems = Problems(root=plans_dir.parent)
    site = SiteModel()
    if not plans_dir.is_dir():
        problems.error(plans_dir, 0, "",
                       "no plans/ folder here: run 'kmsite check' from the project root or give its path")
        return site, problems
    loader = SiteLoader(plans_dir, problems)
    folders = org_folders(plans_dir)
    if only is not None:
        known = [p.name for p in folders]
        folders = [p for p in folders if p.name in only]
        for slug in sorted(set(only) - {p.name for p in folders}):
            problems.error(plans_dir, 0, "", f"no organisation folder '{slug}' to preview{did_you_mean(slug, known)} "
                                             f"(organisations here: {listing(known)})")
    for folder in folders:
        content = loader.load_org(folder)
        if content is not None:
            site.orgs[content.slug] = content
    for content in site.orgs.values():
        loader.check_org(content, problems)
    for content in loader.partial.values():
        loader.check_partial(content, problems)
    check_announcements(site, loader.docs, problems, loader.failed)
    loader.acks.apply(problems)
    return site, problems

