"""``kmsite check`` on every core: organisation folders checked in worker processes, problems merged in order.

Each worker loads one organisation folder at a time and runs every check that needs that organisation
alone (``SiteLoader.check_org``/``check_partial``, the announcements' own checks), keeping the problems
of each phase apart. The parent puts them together in the order ``load_site`` reports them (all loading
problems in folder order, then the checks, ...), then runs what needs the whole site (short codes) and
the acknowledgements, so the result is the serial one, item for item. Only problems and short codes
cross processes, never the model (pickling it would cost more than the second core gives back): so this
is for checking; a build loads in process with ``load_site``.

Workers are forked (Linux, from a process with one thread), never spawned: a fork starts in milliseconds
and re-imports nothing.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .acknowledge import AckEntry, Acknowledgements
from .announcement_checks import OrgCodes, check_announcement_entries, check_short_codes, org_codes
from .load import SiteLoader, cycle_collection_paused, find_plans_dir, load_site, org_folders
from .problems import Problem, Problems

__all__ = ["MIN_FOLDERS_PER_WORKER", "check_site", "worker_count"]

MIN_FOLDERS_PER_WORKER = 8  # below this a worker costs more than it saves (a fork, one pipe per batch)
_BATCH = 4  # folders per task: big enough to keep the pipe quiet, small enough to share the work evenly
# the phases of load_site, in the order it reports them
LOAD, CHECKS, PARTIAL_CHECKS, ANNOUNCEMENTS = range(4)


@dataclass
class FolderResult:
    """What one organisation folder yields: its problems by phase, its acknowledgements and short codes."""

    slug: str
    loaded: bool  # organisation.yml validated: the organisation is in the site
    phases: list[list[Problem]] = field(default_factory=list)
    acks: list[AckEntry] = field(default_factory=list)
    codes: Optional[OrgCodes] = None


def check_folder(plans_dir: Path, folder: Path) -> FolderResult:
    """Load one organisation folder and run the checks that need it alone (what a worker does)."""
    phases = [Problems(root=plans_dir.parent) for _ in range(4)]
    loader = SiteLoader(plans_dir, phases[LOAD])
    content = loader.load_org(folder)
    slug = folder.name
    result = FolderResult(slug, content is not None)
    if content is not None:
        loader.check_org(content, phases[CHECKS])
        check_announcement_entries(content, loader.docs.get(slug, {}), phases[ANNOUNCEMENTS],
                                   "plan" in loader.failed.get(slug, set()))
        result.codes = org_codes(content, loader.docs.get(slug, {}))
    elif slug in loader.partial:
        loader.check_partial(loader.partial[slug], phases[PARTIAL_CHECKS])
    result.phases = [p.items for p in phases]
    result.acks = loader.acks.entries
    return result


def _check_batch(task: tuple[Path, list[Path]]) -> list[FolderResult]:
    plans_dir, folders = task
    return [check_folder(plans_dir, folder) for folder in folders]


def worker_count(folders: int, jobs: Optional[int] = None) -> int:
    """Processes to use: ``jobs`` if given (1: in this process), else one per usable core, as many as the
    folders keep busy. Forking is used on Linux only, and only from a process running one thread (a fork
    copies no other thread, and a lock one of them held would stay locked in the worker); otherwise
    everything runs in this process."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    if jobs is not None:
        return max(1, min(jobs, folders))
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, folders // MIN_FOLDERS_PER_WORKER))


def merge(results: list[FolderResult], problems: Problems) -> list[str]:
    """Add the folders' problems in ``load_site``'s order, then the site-wide checks; the loaded slugs."""
    for phase in (LOAD, CHECKS, PARTIAL_CHECKS, ANNOUNCEMENTS):
        for result in results:
            problems.items.extend(result.phases[phase])
    check_short_codes([r.codes for r in results if r.codes is not None], problems)
    acks = Acknowledgements()
    acks.entries = [entry for result in results for entry in result.acks]
    acks.apply(problems)
    return [r.slug for r in results if r.loaded]


def check_site(root: Path, jobs: Optional[int] = None) -> tuple[list[str], Problems]:
    """Every problem of the tree under ``root``, as ``load_site`` reports them, and the loaded slugs.

    ``jobs``: processes to use (default: one per core when the tree is large enough).
    """
    plans_dir = find_plans_dir(root)
    folders = org_folders(plans_dir) if plans_dir.is_dir() else []
    workers = worker_count(len(folders), jobs)
    if workers < 2:
        site, problems = load_site(root)
        return list(site.orgs), problems
    tasks = [(plans_dir, folders[i:i + _BATCH]) for i in range(0, len(folders), _BATCH)]
    with cycle_collection_paused(), \
            multiprocessing.get_context("fork").Pool(workers, initializer=gc.disable) as pool:
        results = [result for batch in pool.imap(_check_batch, tasks) for result in batch]
    problems = Problems(root=plans_dir.parent)
    return merge(results, problems), problems
