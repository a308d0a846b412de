#!/usr/bin/env python3
"""Seconds from saving a file under plans/ to the open page showing the edit, through ``kmsite serve``.

    scripts/bench_preview.py [--project DIR] [--org SLUG] [--edits 5]

Copies the project (default: this repository's demo) to a temporary folder, starts ``kmsite serve``
(with ``--org SLUG`` when given) on a free 127.0.0.1 port, opens the organisation's page in Debian's
Chromium, then edits its ``organisation.yml`` (the organisation's name gets a new suffix) several
times. Each edit is timed from the moment the file is saved (wall clock) to the first paint of the
page that livereload reloaded (not the script) and that shows the new name: the browser's own paint
timing of that document (``first-contentful-paint``, else its load event), on the same clock. The time
is not when Playwright's ``expect`` noticed the change: it re-checks at growing intervals (up to a
second apart), which rounded each figure up by as much as a second. Prints every figure and the median.

For one organisation inside a 300-organisation tree:

    scripts/generate_orgs.py 300 /tmp/orgs300
    scripts/bench_preview.py --project /tmp/orgs300 --org <a slug it printed>
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.live import copy_project, live_server  # noqa: E402
from tests.browser.serve import launch  # noqa: E402

TIMEOUT = 600.0  # seconds: a whole-tree rebuild of hundreds of organisations takes minutes
NAME_LINE = re.compile(r"^name: (.*)$", re.MULTILINE)
# When the document now in the tab was first painted, in ms since the epoch (the clock time.time() reads)
PAINTED_MS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return performance.timeOrigin + (paint ? paint.startTime : nav.loadEventEnd);
}"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc): the rebuild's cost apart from the machine's load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench(project: Path, org: str | None, edits: int) -> tuple[list[float], list[float]]:
    slug = org or sorted(p.name for p in (project / "plans").iterdir() if p.is_dir())[0]
    org_file = project / "plans" / slug / "organisation.yml"
    original = org_file.read_text(encoding="utf-8")
    name_match = NAME_LINE.search(original)
    if name_match is None:
        raise SystemExit(f"{org_file}: no top-level 'name:' line to edit")
    started = time.monotonic()
    with live_server(project, [org] if org else [], f"orgs/{slug}/", TIMEOUT) as server, sync_playwright() as p:
        print(f"serving {'--org ' + org if org else 'the whole tree'} "
              f"({sum(1 for d in (project / 'plans').iterdir() if d.is_dir())} organisations in plans/): "
              f"first page after {time.monotonic() - started:.1f} s")
        browser = launch(p)
        page = browser.new_page()
        page.goto(server.url + f"orgs/{slug}/")
        seconds, cpu = [], []
        for i in range(1, edits + 1):
            name = f"{name_match.group(1)} edit{i}"  # keeps the place name: no new check warnings
            text = original[:name_match.start()] + f"name: {name}" + original[name_match.end():]
            cpu_before = cpu_seconds(server.process.pid)
            saved = time.time()
            org_file.write_text(text, encoding="utf-8")
            expect(page.locator("article h1")).to_contain_text(name, timeout=TIMEOUT * 1000)
            noticed = time.time() - saved
            seconds.append(page.evaluate(PAINTED_MS) / 1000 - saved)
            cpu.append(cpu_seconds(server.process.pid) - cpu_before)
            print(f"  edit {i}: {seconds[-1]:.2f} s from save to updated page ({cpu[-1]:.2f} s CPU in kmsite serve; "
                  f"Playwright's expect saw it after {noticed:.2f} s)")
        browser.close()
    return seconds, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project root (default: the demo)")
    parser.add_argument("--org", help="preview only this organisation (kmsite serve --org)")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        project = copy_project(args.project.resolve(), Path(tmp) / "project")
        seconds, cpu = bench(project, args.org, args.edits)
    print(f"median {statistics.median(seconds):.2f} s from save to updated page (min {min(seconds):.2f} s, "
          f"max {max(seconds):.2f} s) over {len(seconds)} edits; median {statistics.median(cpu):.2f} s CPU "
          f"per rebuild; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
