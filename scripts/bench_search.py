#!/usr/bin/env python3
"""Benchmark the kmsite search index on a synthetic Thai site (default 20,000 pages).

Pages are recombined from seed texts (lines shuffled into titles, headings and paragraphs,
spread over organisations and page kinds). Prints the index size and number of files, the
build time, and for sample queries the bytes (raw and gzip) and files a browser fetches
before it can show the first result; then the size of a Material-style single index
(one JSON of every section's text, as Material's search plugin writes it) for comparison.

    .venv/bin/python scripts/bench_search.py                     # 20,000 pages
    .venv/bin/python scripts/bench_search.py --pages 2000 --seeds ../shared/seeds
    .venv/bin/python scripts/bench_search.py --clone /tmp/orgs100/site --factor 10   # a built site, 10x

With ``--clone``: the pages of a built site's index (``search/th``), each organisation's cloned
``--factor`` times (slug and text marked per copy), indexed in-process; prints the largest file of
each kind and, per query, the bytes the Python twin reads for the query alone (typed fast: one
query after the debounce) and for every prefix of it answered in turn (typed slowly), shards read
once. The browser reads about as much (``measure_search.py --transfer``).

Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kmsite_plugins.search.extract import Section  # noqa: E402
from kmsite_plugins.search.index import IndexPage, build_index  # noqa: E402
from kmsite_plugins.search.query import Searcher, query_parts  # noqa: E402
from kmsite_plugins.thai.digits import to_thai  # noqa: E402

KINDS = ["plan", "knowledge", "people", "asset", "announcement", "cop", "org"]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_QUERIES = ["การจัดการความรู้", "ชุมชนนักปฏิบัติ", "งบประมาณ", "ภาษีป้าย", "ความรู้", "สุโสะ",
                   "ประจันตคาม", "ผู้สูงอายุ", "ราคากลาง", "2567", "KM", "ยุทธศาสตร์", "หน่วยงานทดสอบที่ ๑๒๓",
                   # several words, any order; unspaced phrases split into words when not found as typed
                   "คู่มือ ภาษี", "ประกาศ ปทุมธานี", "ปทุมธานี 2567", "ผู้อำนวยการ กองคลัง", "แผน ๒๕๖๗",
                   "จัดซื้อ จัดจ้าง", "คุณอำนวย คุณลิขิต", "KM plan", "ความรู้ งบประมาณ ยุทธศาสตร์ ชุมชน",
                   "การจัดการความรู้ ชุมชนนักปฏิบัติ ยุทธศาสตร์ ประจำปีงบประมาณ ตัวชี้วัด ผู้รับผิดชอบ",
                   "คู่มือภาษีป้าย", "ยุทธศาสตร์งบประมาณบุคลากร"]


def seed_lines(seeds: Path) -> list[str]:
    """Non-trivial lines of the seed texts, or of the demo content when no seeds are given."""
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:  # the demo content's YAML strings
        files = sorted((ROOT / "plans").rglob("*.yml"))
    lines = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"\s+", " ", line).strip(" -:|")
            if len(line) >= 8:
                lines.append(line)
    return lines


def corpus(n_pages: int, lines: list[str], n_orgs: int, rng: random.Random) -> list[IndexPage]:
    pages = []
    for i in range(n_pages):
        org = i % n_orgs
        kind = rng.choice(KINDS)
        title = f"{rng.choice(lines)[:70]} หน่วยงานทดสอบที่ {to_thai(str(org))}"
        sections = [Section("", "", " ".join(rng.choices(lines, k=rng.randint(2, 6))))]
        for s in range(rng.randint(2, 7)):
            text = " ".join(rng.choices(lines, k=rng.randint(3, 12)))
            sections.append(Section(f"s{s}", rng.choice(lines)[:60], text))
        pages.append(IndexPage(f"orgs/org-{org:04d}/{kind}/{i}/", title, kind, f"org-{org:04d}", sections))
    return pages


def cloned_pages(site: Path, factor: int) -> tuple[list[IndexPage], dict[str, str]]:
    """The pages of a built site's Thai index, each organisation's ``factor`` times; and organisation names."""
    rows: list[list] = []
    orgs: dict[str, list[str]] = {}
    for shard in sorted((site / "search" / "th" / "p").glob("*.json"), key=lambda f: int(f.stem)):
        data = json.loads(shard.read_text(encoding="utf-8"))
        rows += data["rows"]
        orgs.update(data["orgs"])
    pages = []
    for url, title, kind, org, sections in rows:
        for k in range(factor) if org else [0]:
            slug, tag = (f"{org}-{k}", f" สำเนา{k}") if org else (None, "")
            pages.append(IndexPage(url.replace(f"orgs/{org}/", f"orgs/{slug}/") if org else url, title + tag, kind,
                                   slug, [Section(a, t, x + tag) for a, t, x in sections]))
    return pages, {f"{o}-{k}": names[0] + f" สำเนา{k}" for o, names in orgs.items() for k in range(factor)}


def clone_main(site: Path, factor: int, queries: list[str]) -> int:
    pages, names = cloned_pages(site, factor)
    started = time.process_time()
    files = build_index(pages, lang="th", org_names=names, kind_labels={p.kind: p.kind for p in pages}, labels={},
                        org_aliases={slug: [name] for slug, name in names.items()})
    cpu = time.process_time() - started
    print(f"{len(pages):,} documents ({factor}x the organisations of {site}); index {cpu:.0f} s CPU, "
          f"{sum(len(t.encode('utf-8')) for t in files.values()) / 1e6:.0f} MB in {len(files):,} files")
    largest: dict[str, int] = {}
    for rel, text in files.items():
        kind = rel.split("/")[0] + "/" if "/" in rel else rel
        largest[kind] = max(largest.get(kind, 0), len(text.encode("utf-8")))
    print("largest: " + ", ".join(f"{k} {v / 1e3:.1f} KB" for k, v in sorted(largest.items())))
    with tempfile.TemporaryDirectory() as tmp:
        for rel, text in files.items():
            (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / rel).write_text(text, encoding="utf-8")
        print(f"\n{'query':<30} {'query alone KB':>14} {'every prefix KB':>15} {'results':>8}")
        for query in queries:
            alone = Searcher(Path(tmp))
            hits = alone.search(query)
            typed = Searcher(Path(tmp))
            for n in range(2, len(query) + 1):
                typed.search(query[:n])
            print(f"{query[:30]:<30} {alone.bytes_read / 1e3:>14.0f} {typed.bytes_read / 1e3:>15.0f} {len(hits):>8}"
                  + ("  (broad: first pages found)" if alone.truncated else ""))
    return 0


def material_single_index(pages: list[IndexPage]) -> bytes:
    """Material's search_index.json for these pages: every section's text in one file, \\u-escaped."""
    docs = []
    for page in pages:
        for s in page.sections:
            docs.append({"location": page.url + (f"#{s.anchor}" if s.anchor else ""),
                         "title": s.title or page.title, "text": s.text})
    data = {"config": {"lang": ["th"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}, "docs": docs}
    return json.dumps(data, separators=(",", ":"), default=str).encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--orgs", type=int, default=400)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--query", action="append", help="sample query (repeatable)")
    ap.add_argument("--index", type=Path, help="keep the index in this folder and reuse it on the next run "
                    "(same --pages, --orgs and --seeds): only the queries are run again")
    ap.add_argument("--clone", type=Path, help="a built site whose index pages are cloned (see above)")
    ap.add_argument("--factor", type=int, default=10, help="with --clone: copies of every organisation")
    args = ap.parse_args()
    if args.clone:
        return clone_main(args.clone, args.factor, args.query or ["การจัดการความรู้", "ภาษีป้าย", "ความรู้", "สุโสะ",
                                                                 "พุ่มทอง", "ก่อสร้าง"])

    rng = random.Random(7)
    lines = seed_lines(args.seeds)
    pages = corpus(args.pages, lines, args.orgs, rng)
    text_bytes = sum(len(p.text.encode("utf-8")) for p in pages)
    print(f"corpus: {len(pages):,} pages, {args.orgs} organisations, {text_bytes / 1e6:.1f} MB of text "
          f"(mean {statistics.mean(len(p.text) for p in pages):,.0f} characters a page), "
          f"{len(lines):,} seed lines from {args.seeds if args.seeds.is_dir() else 'plans/'}")

    started = time.perf_counter()
    if args.index and (args.index / "manifest.json").exists():
        files = {path.relative_to(args.index).as_posix(): path.read_text(encoding="utf-8")
                 for path in args.index.rglob("*.json")}
        print(f"index: reused from {args.index}")
    else:
        files = build_index(pages, lang="th", org_names={p.org: p.org for p in pages if p.org},
                            kind_labels={k: k for k in KINDS}, labels={})
    built = time.perf_counter() - started
    sizes = {rel: len(text.encode("utf-8")) for rel, text in files.items()}
    gz = {rel: len(gzip.compress(text.encode("utf-8"), 6)) for rel, text in files.items()}
    grams = [s for rel, s in sizes.items() if rel.startswith("g/")]
    shards = [s for rel, s in sizes.items() if rel.startswith("p/")]
    print(f"index: built in {built:.1f} s; {len(sizes):,} files, {sum(sizes.values()) / 1e6:.1f} MB "
          f"({sum(gz.values()) / 1e6:.1f} MB gzip); manifest {sizes['manifest.json'] / 1e3:.0f} KB; "
          f"{len(grams):,} gram shards (median {statistics.median(grams) / 1e3:.0f} KB, "
          f"max {max(grams) / 1e3:.0f} KB); {len(shards):,} page shards "
          f"(median {statistics.median(shards) / 1e3:.0f} KB, max {max(shards) / 1e3:.0f} KB)")

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.index or Path(tmp)
        if not (folder / "manifest.json").exists():
            for rel, text in files.items():
                (folder / rel).parent.mkdir(parents=True, exist_ok=True)
                (folder / rel).write_text(text, encoding="utf-8")
        print(f"\n{'query':<40} {'candidates':>10} {'files':>5} {'first result KB':>16} {'gzip KB':>8}")
        worst = 0
        for query in args.query or DEFAULT_QUERIES:
            read: list[str] = []

            def reader(rel: str, read: list[str] = read) -> bytes:
                read.append(rel)
                return (folder / rel).read_bytes()

            searcher = Searcher(reader)
            hits = searcher.search(query, first_only=True)
            words = searcher.split or query_parts(query)
            total = len(Searcher(folder).candidates(words) or [])  # pages with the query's grams
            raw = sum(sizes[r] for r in read)
            zipped = sum(gz[r] for r in read)
            worst = max(worst, raw)
            print(f"{query[:40]:<40} {total:>10} {len(read):>5} {raw / 1e3:>16.0f} {zipped / 1e3:>8.0f}"
                  + ("" if hits else "   (no result)") + (f"   (split: {' · '.join(words)})" if searcher.split else ""))
        print(f"largest first-query transfer: {worst / 1e3:.0f} KB ({'within' if worst <= 1e6 else 'OVER'} 1 MB)")

    single = material_single_index(pages)
    print(f"\nMaterial-style single index for the same pages: {len(single) / 1e6:.1f} MB "
          f"({len(gzip.compress(single, 6)) / 1e6:.1f} MB gzip), all fetched before the first result "
          f"(and lunr then builds its index in the browser).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
