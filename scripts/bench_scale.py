#!/usr/bin/env python3
"""Measure how kmsite scales with the number of organisations (a benchmark, not a test).

    .venv/bin/python scripts/bench_scale.py [--n 10 100 1000] [--keep DIR] [--engine mkdocs]
                                            [--queries Q ...] [--no-search] [--no-profile] [--json FILE]
    .venv/bin/python scripts/bench_scale.py --table FILE            # the table of an earlier --json run

For each N: generate a tree with ``scripts/generate_orgs.py`` (or reuse ``DIR/n<N>/`` under ``--keep``),
run ``kmsite check`` and the full build (``kmsite build``, both languages) as subprocesses, and measure:

- wall and CPU time (getrusage of the child), peak RSS, HTML pages per second;
- the output: HTML pages (average, largest and its path), files and bytes, largest file, ``search/`` size;
- search as a reader's browser sees it (headless Chromium, ``scripts/measure_search.py``'s typing): bytes
  under ``/search/`` fetched by a page view (the manifest), and for each query typed character by
  character, bytes fetched before the first result shows and until the final answer (resource timing,
  a fresh browser context per query, so nothing comes from the cache);
- the share of build CPU per phase, from one more build under cProfile: time entering each phase's code
  from outside it (load: loader/model/ruamel; render: Jinja; Markdown: Python-Markdown/pymdownx; search
  extraction: Material's search plugin and html.parser, kmsite's extract; index: kmsite's index;
  outputs: kmsite's outputs and segno). Phases can nest (Markdown called from a template), so the shares
  need not sum to 100 %.

Prints one Markdown table: each figure, per organisation, and the per-organisation figure as a ratio to
the smallest N's (1.00× is linear growth; above it, superlinear). Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KMSITE = Path(sys.executable).parent / "kmsite"
DEFAULT_QUERIES = ("การจัดการความรู้", "ภาษีป้าย", "ธรรมาภิบาล", "e-GP")  # broad, broad, mid, narrow

# Runs a command and writes its resource usage as JSON: rc, user s, system s, the largest single process's
# max RSS (KiB), the peak of the RSS summed over the whole process tree (KiB; sampled every 0.2 s: kmsite
# build runs each language in its own process at the same time), and the tail of stderr.
_RUSAGE = ("import json, os, resource, subprocess, sys, threading, time\n"
           "def tree(root):\n"
           "    kids = {}\n"
           "    for d in os.listdir('/proc'):\n"
           "        if d.isdigit():\n"
           "            try:\n"
           "                parent = int(open(f'/proc/{d}/stat').read().rsplit(')', 1)[1].split()[1])\n"
           "                kids.setdefault(parent, []).append(d)\n"
           "            except (OSError, IndexError, ValueError):\n"
           "                pass\n"
           "    out, todo = [], [str(root)]\n"
           "    while todo:\n"
           "        p = todo.pop(); out.append(p); todo += kids.get(int(p), [])\n"
           "    return out\n"
           "def rss(p):\n"
           "    try:\n"
           "        return next((int(l.split()[1]) for l in open(f'/proc/{p}/status') if l.startswith('VmRSS:')), 0)\n"
           "    except OSError:\n"
           "        return 0\n"
           "proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
           "peak = [0]\n"
           "def sample():\n"
           "    while proc.poll() is None:\n"
           "        peak[0] = max(peak[0], sum(rss(p) for p in tree(proc.pid))); time.sleep(0.2)\n"
           "threading.Thread(target=sample, daemon=True).start()\n"
           "err = proc.stderr.read(); proc.wait()\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "open(sys.argv[1], 'w').write(json.dumps([proc.returncode, u.ru_utime, u.ru_stime, u.ru_maxrss, peak[0],"
           " err.decode('utf-8', 'replace')[-4000:]]))\n")

# Phases of the build: a predicate on a profiled function's file name.
PHASES: dict[str, Callable[[str], bool]] = {
    "load": lambda f: any(p in f for p in ("kmsite_plugins/loader/", "kmsite_plugins/model/", "/ruamel/")),
    "render (Jinja)": lambda f: "/jinja2/" in f or f.endswith((".html", ".j2", ".xml")) or f == "<template>",
    "Markdown": lambda f: "/markdown/" in f or "/pymdownx/" in f,
    "search extraction": lambda f: "material/plugins/search/" in f or "kmsite_plugins/search/extract.py" in f,
    "index": lambda f: any(p in f for p in ("kmsite_plugins/search/index.py", "kmsite_plugins/search/normalise.py",
                                            "kmsite_plugins/search/query.py")),
    "outputs": lambda f: "kmsite_plugins/outputs/" in f or "/segno/" in f,
}


@dataclass
class Run:
    """One command's cost."""

    wall: float
    cpu: float
    rss_mib: float  # the largest single process
    tree_rss_mib: float = 0.0  # every process of the run at once (sampled)


@dataclass
class Result:
    n: int
    check: Run
    build: Run
    html_pages: int
    html_bytes: int
    largest_page: tuple[int, str]
    files: int
    output_bytes: int
    largest_file: tuple[int, str]
    search_bytes: int
    page_view_bytes: int = 0
    queries: dict[str, tuple[int, int]] = field(default_factory=dict)  # query: (before first results, final)
    phases: dict[str, float] = field(default_factory=dict)  # phase: share of the profiled build's CPU


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def measured(cmd: list[str], cwd: Path) -> Run:
    """Run a command; its wall and CPU time and peak RSS. A failure stops the benchmark with its stderr."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", _RUSAGE, out.name, *cmd], cwd=cwd, check=True)
        wall = time.perf_counter() - start
        rc, user, system, maxrss, tree_rss, stderr = json.loads(Path(out.name).read_text())
    if rc != 0:
        raise SystemExit(f"bench_scale: {' '.join(cmd)} failed ({rc}):\n{stderr}")
    return Run(wall, user + system, maxrss / 1024, tree_rss / 1024)


def output_stats(site: Path) -> dict[str, Any]:
    """Pages, files and sizes of a built site."""
    files = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*") if p.is_file()]
    html = [f for f in files if f[1].endswith(".html")]
    search = site / "search"
    return {"html_pages": len(html), "html_bytes": sum(s for s, _ in html), "largest_page": max(html),
            "files": len(files), "output_bytes": sum(s for s, _ in files), "largest_file": max(files),
            "search_bytes": sum(p.stat().st_size for p in search.rglob("*") if p.is_file()) if search.exists() else 0}


def _closure(raw: dict[Any, Any], seeds: set[Any]) -> set[Any]:
    """The seeds and every function called only from inside the set (template code run by Jinja, an
    extension run by Markdown): their time is the phase's, not a re-entry."""
    inside = set(seeds)
    grown = True
    while grown:
        grown = False
        for func, (_, _, _, _, callers) in raw.items():
            if func not in inside and callers and all(c in inside or c == func for c in callers):
                inside.add(func)
                grown = True
    return inside


def phase_shares(profile: Path) -> dict[str, float]:
    """Each phase's share of the profiled CPU: the cumulative time of its functions where they are called
    from outside the phase (so nested calls inside a phase are counted once)."""
    stats = pstats.Stats(str(profile))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]  # (file, line, name) -> (cc, nc, tt, ct, callers)
    total = stats.total_tt  # type: ignore[attr-defined]
    shares = {}
    for phase, predicate in PHASES.items():
        inside = _closure(raw, {func for func in raw if predicate(func[0])})
        spent = sum(c[3] for func in inside for caller, c in raw[func][4].items()
                    if caller not in inside and caller[0] != "~")  # builtins (str.join, next) pass calls through
        shares[phase] = spent / total if total else 0.0
    return shares


ENTRIES_JS = """() => performance.getEntriesByType('resource')
  .filter(e => new URL(e.name).pathname.includes('/search/'))
  .map(e => [e.name, e.responseEnd, e.encodedBodySize])"""
# Before any script of the page: a big resource-timing buffer and the time the first result shows.
FIRST_RESULT_JS = """performance.setResourceTimingBufferSize(100000);
window.__first = 0;
new MutationObserver(() => {
  if (!window.__first && document.querySelector('.md-search-result__item')) window.__first = performance.now();
}).observe(document, {childList: true, subtree: true});"""


def settled(tab: Any, quiet_s: float = 2.0, timeout_s: float = 20.0) -> list[list[Any]]:
    """The /search/ resources of the page once none has been added for ``quiet_s`` (and at least one, unless
    ``timeout_s`` passes): the search script asks for its manifest when Material sets search up, after load."""
    deadline = time.time() + timeout_s
    entries, since = tab.evaluate(ENTRIES_JS), time.time()
    while time.time() < deadline:
        time.sleep(0.25)
        now = tab.evaluate(ENTRIES_JS)
        if len(now) != len(entries):
            entries, since = now, time.time()
        elif entries and time.time() - since >= quiet_s:
            break
    return entries


def search_transfer(site: Path, queries: list[str]) -> tuple[int, dict[str, tuple[int, int]]]:
    """Bytes under /search/ of a page view, and per query before the first results and until the final answer."""
    from playwright.sync_api import sync_playwright

    search = _script("measure_search")
    results: dict[str, tuple[int, int]] = {}
    with sync_playwright() as p, search.served(site) as base:
        browser = search.launch(p)
        # a page view: what the page fetches under /search/ without any search
        context = browser.new_context()
        context.add_init_script(FIRST_RESULT_JS)
        tab = context.new_page()
        tab.goto(base, wait_until="networkidle")
        page_view = sum(size for _, _, size in settled(tab))
        context.close()
        for query in queries:
            context = browser.new_context()
            context.add_init_script(FIRST_RESULT_JS)
            tab = context.new_page()
            search.run_query(tab, base, query, quiet_ms=1500)
            first = tab.evaluate("window.__first") or float("inf")
            entries = tab.evaluate(ENTRIES_JS)
            results[query] = (sum(size for _, end, size in entries if end <= first), sum(s for _, _, s in entries))
            context.close()
        browser.close()
    return page_view, results


def tree(n: int, keep: Path | None, scratch: Path, seed: int) -> Path:
    """The project folder for N organisations: reused under --keep when it exists, else generated."""
    folder = (keep or scratch) / f"n{n}"
    if not (folder / "plans").exists():
        started = time.perf_counter()
        _script("generate_orgs").generate(n, folder, seed)
        print(f"generated {n} organisations in {folder} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return folder


def bench(n: int, project: Path, args: argparse.Namespace) -> Result:
    """Check, build (and profile, and search) one tree."""
    engine = ["--engine", args.engine] if args.engine else []
    print(f"N={n}: kmsite check ...", file=sys.stderr, flush=True)
    check = measured([str(KMSITE), "check", str(project)], project)
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    print(f"N={n}: kmsite build ...", file=sys.stderr, flush=True)
    build = measured([str(KMSITE), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), *engine], project)
    result = Result(n, check, build, **output_stats(site))
    if not args.no_search:
        print(f"N={n}: search in Chromium ...", file=sys.stderr, flush=True)
        result.page_view_bytes, result.queries = search_transfer(site, args.queries)
    if not args.no_profile:
        print(f"N={n}: build under cProfile ...", file=sys.stderr, flush=True)
        profiled = project / "site-profiled"
        prof = project / "build.prof"
        measured([sys.executable, "-m", "cProfile", "-o", str(prof), str(KMSITE), "build",
                  "-f", str(project / "mkdocs.yml"), "-d", str(profiled), *engine], project)
        result.phases = phase_shares(prof)
        shutil.rmtree(profiled, ignore_errors=True)
    return result


def _size(b: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(b) < 1000 or unit == "GB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1000
    return ""


def rows(results: list[Result]) -> list[tuple[str, Callable[[Result], float], Callable[[float], str], str]]:
    """(label, value, format, note) of every figure of the table."""
    def sec(v: float) -> str:
        return f"{v:.1f} s" if v >= 1 else f"{v * 1000:.0f} ms"

    table: list[tuple[str, Callable[[Result], float], Callable[[float], str], str]] = [
        ("`kmsite check` wall", lambda r: r.check.wall, sec, ""),
        ("`kmsite check` CPU", lambda r: r.check.cpu, sec, ""),
        ("build wall (both languages)", lambda r: r.build.wall, sec, ""),
        ("build CPU", lambda r: r.build.cpu, sec, ""),
        ("build peak RSS, largest process", lambda r: r.build.rss_mib * 1024 * 1024, _size, ""),
        ("build peak RSS, all processes at once", lambda r: r.build.tree_rss_mib * 1024 * 1024, _size, ""),
        ("HTML pages", lambda r: r.html_pages, lambda v: f"{v:,.0f}", ""),
        ("pages per second (wall)", lambda r: r.html_pages / r.build.wall, lambda v: f"{v:.1f}", "per org: n/a"),
        ("average HTML page", lambda r: r.html_bytes / max(r.html_pages, 1), _size, "per org: n/a"),
        ("largest HTML page", lambda r: r.largest_page[0], _size, "page"),
        ("output size", lambda r: r.output_bytes, _size, ""),
        ("output files", lambda r: r.files, lambda v: f"{v:,.0f}", ""),
        ("largest output file", lambda r: r.largest_file[0], _size, "file"),
        ("search index (`search/`)", lambda r: r.search_bytes, _size, ""),
    ]
    if any(r.queries for r in results):
        table.append(("search bytes per page view (manifest)", lambda r: r.page_view_bytes, _size, ""))
        for query in results[0].queries:
            table.append((f"search «{query}» before first results",
                          lambda r, q=query: r.queries[q][0], _size, ""))  # type: ignore[misc]
            table.append((f"search «{query}» until final answer",
                          lambda r, q=query: r.queries[q][1], _size, ""))  # type: ignore[misc]
    for phase in results[0].phases:
        table.append((f"build CPU share: {phase}",
                      lambda r, p=phase: r.phases.get(p, float("nan")) * 100,  # type: ignore[misc]
                      lambda v: f"{v:.0f} %", "per org: n/a"))
    return table


def markdown_table(results: list[Result]) -> str:
    """Each figure per N: value · per organisation · per-organisation ratio to the smallest N."""
    base = results[0]
    lines = ["| figure | " + " | ".join(f"N={r.n:,}" for r in results) + " |",
             "|---|" + "---|" * len(results)]
    for label, value, fmt, note in rows(results):
        cells = []
        for r in results:
            v = value(r)
            if v != v:  # not measured (NaN): e.g. no profile of this N
                cells.append("–")
                continue
            cell = fmt(v)
            if not note.startswith("per org"):
                per_org = v / r.n
                ratio = per_org / (value(base) / base.n) if value(base) == value(base) != 0 else float("nan")
                cell += f" · {fmt(per_org)}/org · {ratio:.2f}×"
            elif r is not base and value(base):
                cell += f" · {value(r) / value(base):.2f}×"
            if note == "page":
                cell += f" (`{r.largest_page[1]}`)"
            elif note == "file":
                cell += f" (`{r.largest_file[1]}`)"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 100, 1000], help="organisation counts")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the trees as DIR/n<N>/ (default: temporary)")
    parser.add_argument("--engine", help="mkdocs or properdocs (default: kmsite build's default)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--queries", nargs="+", default=list(DEFAULT_QUERIES), help="search queries to type")
    parser.add_argument("--no-search", action="store_true", help="skip the search transfer (no Chromium)")
    parser.add_argument("--no-profile", action="store_true", help="skip the build under cProfile (phase shares)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--table", type=Path, help="print the table of a --json file and stop")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.table:
        print(markdown_table(load_results(args.table)))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        for n in sorted(args.n):
            results.append(bench(n, tree(n, args.keep, Path(scratch), args.seed), args))
            if args.json:  # after each N, so that an interrupted run keeps what it measured
                args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    print(markdown_table(results))
    return 0


def load_results(path: Path) -> list[Result]:
    """Results written by --json."""
    results = []
    for data in json.loads(path.read_text(encoding="utf-8")):
        data["check"], data["build"] = Run(**data["check"]), Run(**data["build"])
        data["largest_page"], data["largest_file"] = tuple(data["largest_page"]), tuple(data["largest_file"])
        data["queries"] = {q: tuple(v) for q, v in data["queries"].items()}
        results.append(Result(**data))
    return results


if __name__ == "__main__":
    sys.exit(main())
