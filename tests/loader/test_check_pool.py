"""`kmsite check` on several processes reports exactly what one process reports, in the same order."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kmsite_plugins.loader import load_site, pool
from kmsite_plugins.loader.acknowledge import Ack, AckEntry, Acknowledgements
from kmsite_plugins.loader.problems import Problem, Problems, Severity
from tests.conftest import ROOT

from .edits import replace_in

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def faulty_tree(root: Path) -> Path:
    """The demo plus copies of its organisations, with faults that are found while loading, by the checks of
    one organisation, by the checks of a partly loaded one, across organisations and by acknowledgements."""
    plans = root / "plans"
    for slug in ("suso", "prachantakham", "pathumthani-pao"):
        shutil.copytree(plans / slug, plans / f"{slug}-copy")
    replace_in(plans / "suso/organisation.yml", "province: ตรัง", "province: [ตรัง")  # malformed: not loaded
    replace_in(plans / "suso-copy/organisation.yml", "province: ตรัง", "provinse: ตรัง")  # invalid: partly loaded
    replace_in(plans / "pathumthani-pao/plans/2567.yml", 'fiscal_year: "๒๕๖๗"', "fiscal_year: สองพัน")
    for slug in ("prachantakham", "prachantakham-copy"):  # one short code pinned in two organisations
        replace_in(plans / slug / "announcements/knowledge-holders.md", "---\n", "---\nshort: abcdef\n")
    (plans / "pathumthani-pao-copy/notes.txt").write_text("not content", encoding="utf-8")
    return root


# Run in a fresh interpreter: check_site forks only from a process running one thread, and a test process
# may hold threads left by other tests (servers, pytest-xdist's workers run many files).
_COMPARE = """
import json, sys
from pathlib import Path
from kmsite_plugins.loader import load_site, pool
from kmsite_plugins.loader.problems import Severity
root = Path(sys.argv[1])
site, expected = load_site(root)
pool._BATCH = 1  # one folder per task: the folders end up in both workers
workers = pool.worker_count(len(site.orgs), jobs=2)
slugs, problems = pool.check_site(root, jobs=2)
print(json.dumps({
    "workers": workers,
    "slugs": slugs == list(site.orgs),
    "same": problems.items == expected.items,
    "count": len(problems.items),
    "found": sorted({p.code or p.field for p in problems.items}),
    "notes": any(p.severity is Severity.NOTE for p in problems.items),
    "malformed": any("malformed YAML" in p.message for p in problems.items),
}))
"""


def test_workers_report_what_one_process_reports_in_the_same_order(demo_copy):
    root = faulty_tree(demo_copy)
    run = subprocess.run([sys.executable, "-c", _COMPARE, str(root)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["workers"] == 2  # the worker path, not the in-process one
    assert got["slugs"] and got["same"] and got["count"] > 10  # every problem, item for item, notes included
    assert {"short", "fiscal_year", "unknown-file", "row-number"} <= set(got["found"])
    assert got["notes"] and got["malformed"]


def test_merge_keeps_load_sites_order_of_phases():
    """Loading problems of every folder come before the checks' problems of any folder, as in load_site."""
    def problem(path: str, message: str) -> Problem:
        return Problem(path, 1, "", message)

    first = pool.FolderResult("a", True, [[problem("plans/a/x.yml", "load a")], [problem("plans/a/y.yml", "check a")],
                                          [], []])
    second = pool.FolderResult("b", True, [[problem("plans/b/x.yml", "load b")], [], [],
                                           [problem("plans/b/z.md", "announcement b")]])
    problems = Problems(root=Path("."))
    assert pool.merge([first, second], problems) == ["a", "b"]
    assert [p.message for p in problems.items] == ["load a", "load b", "check a", "announcement b"]


def test_small_trees_and_explicit_jobs(monkeypatch):
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)  # whatever other tests left running
    assert pool.worker_count(3) == 1  # a fork costs more than three folders
    assert pool.worker_count(1000) == 2
    assert pool.worker_count(3, jobs=2) == 2
    assert pool.worker_count(1, jobs=4) == 1
    monkeypatch.setattr(pool.threading, "active_count", lambda: 2)
    assert pool.worker_count(1000, jobs=2) == 1  # never fork beside another thread


def test_loading_pauses_the_cyclic_collector_and_restores_it(monkeypatch):
    from kmsite_plugins.loader import load as load_module

    seen = []
    lint_org = load_module.lint_org

    def lint_and_look(*args, **kwargs):  # runs in the middle of loading
        seen.append(gc.isenabled())
        return lint_org(*args, **kwargs)

    monkeypatch.setattr(load_module, "lint_org", lint_and_look)
    assert gc.isenabled()
    load_site(ROOT)
    assert seen and not any(seen)  # no full collection walks the loaded documents again and again
    assert gc.isenabled()


class _CountingPath(str):
    """A file name that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountingPath.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_acknowledgements_are_matched_per_file_not_pair_by_pair():
    files = 300
    acks = Acknowledgements()
    problems = Problems(root=Path("."))
    for i in range(files):
        path = f"plans/org-{i}/cops.yml"
        ack = Ack(code="row-number", value="5", note="kept as written")
        acks.entries.append(AckEntry(_CountingPath(path), 2, ack))
        problems.items.append(Problem(path, 9, "no", "repeats", Severity.WARNING, "row-number", "5."))
    _CountingPath.compared = 0
    acks.apply(problems)
    assert all(p.severity is Severity.NOTE for p in problems.items)  # each matched its own file's entry
    assert _CountingPath.compared <= 3 * files  # linear: pair by pair it was files * (files + 1) / 2
