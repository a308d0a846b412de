#!/usr/bin/env python3
"""Measure site search the way a reader uses it: type each query into the real search box.

For every query of a query file this prints the ground-truth pages (pages of the language
tree whose main text, as the browser shows it, contains the query: Ctrl+F), the pages the
search returned, recall and precision, then the means, the number of queries with no result
and the time from the last keystroke to the results shown (median, p90).

    .venv/bin/python scripts/measure_search.py                      # kmsite search, demo site
    .venv/bin/python scripts/measure_search.py --engine material    # stock Material search
    .venv/bin/python scripts/measure_search.py --engine both        # both, same ground truth
    .venv/bin/python scripts/measure_search.py --site /tmp/site --queries tests/search/queries-extra.txt

Ground truth: ``article.md-content__inner`` innerText of every page of the tree (read in the
same headless Chromium), normalised like the engine (Thai/Arabic digits alike, lower case,
whitespace folded). Returned pages: every result item (the list is scrolled to the end so
that Material renders them all), ``#anchor`` and ``?h=`` removed; results from the other
language tree are not counted. Playwright cannot press keys that a US keyboard lacks: a
Thai character is inserted and followed, in the same task, by the keyup a Thai keyboard
sends (Material reads the query on keyup). Time: from the last keyup to the last change of
the result list before it stays still for 0.7 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kmsite_plugins.search.normalise import normalise  # noqa: E402
from tests.browser.serve import launch, served  # noqa: E402

DEFAULT_QUERIES = [ROOT.parent / "shared" / "search-queries-dev.txt", ROOT / "tests" / "search" / "queries-extra.txt"]


def read_queries(paths: list[Path]) -> list[str]:
    queries: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#") and line not in queries:
                queries.append(line)
    return queries


def build_site(engine: str, site_dir: Path) -> None:
    """Build the demo with kmsite search, or with stock Material search (our plugin left out)."""
    config = ROOT / "mkdocs.yml"
    temp: Path | None = None
    if engine == "material":
        text = config.read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip().split("#")[0].strip() != "- kmsite-search"]
        temp = ROOT / f".mkdocs-measure-{os.getpid()}.yml"  # next to mkdocs.yml: relative paths still hold
        temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        config = temp
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                                 "-d", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    finally:
        if temp:
            temp.unlink()


def tree_pages(site_dir: Path, prefix: str, other_prefixes: list[str]) -> list[str]:
    """URLs (relative to the site root) of the article pages of one language tree."""
    pages = []
    for path in sorted((site_dir / prefix).rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith("404.html") or any(rel.startswith(p) for p in other_prefixes if p and p != prefix):
            continue
        html = path.read_text(encoding="utf-8")
        article = re.search(r'<article class="md-content__inner[^>]*>', html)
        if not article or "data-search-exclude" in article.group(0):
            continue  # not a page (a redirect), or a page its author excluded from search (a poster)
        pages.append(rel[:-len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def page_key(href: str, base: str) -> str:
    """A result link as a page URL relative to the site root, unquoted, without ?query or #anchor."""
    path = urlsplit(href).path
    root = urlsplit(base).path
    rel = unquote(path[len(root):] if path.startswith(root) else path)
    return rel[:-len("index.html")] if rel.endswith("index.html") else rel


def page_texts(browser, base: str, pages: list[str]) -> dict[str, str]:
    tab = browser.new_page()
    texts = {}
    for rel in pages:
        tab.goto(base + rel, wait_until="domcontentloaded")
        text = tab.evaluate(PAGE_TEXT_JS)
        texts[unquote(rel)] = normalise(text)
    tab.close()
    return texts


# innerText of the article as Ctrl+F searches it: forms (a filter's labels and a <select>'s
# options), parts the page marks data-search-exclude and permalink signs are not content.
PAGE_TEXT_JS = """() => {
  const article = document.querySelector('article.md-content__inner');
  if (!article) return '';
  article.querySelectorAll('form, select, option, textarea, button, .headerlink, [data-search-exclude]')
    .forEach(el => el.remove());
  return article.innerText;
}"""

SETUP_JS = """() => {
  window.__m = {key: 0, mut: 0};
  const result = document.querySelector('[data-md-component=search-result]');
  new MutationObserver(() => { window.__m.mut = performance.now(); })
    .observe(result, {childList: true, subtree: true, characterData: true});
  document.querySelector('[data-md-component=search-query]')
    .addEventListener('keyup', () => { window.__m.key = performance.now(); }, true);
}"""

# A key a US keyboard lacks: the character and its keyup in one task, as a Thai keyboard sends them.
THAI_KEY_JS = """(ch) => {
  document.execCommand('insertText', false, ch);
  document.activeElement.dispatchEvent(new KeyboardEvent('keyup', {key: ch, bubbles: true}));
}"""


def type_query(tab, query: str) -> None:
    for ch in query:
        if ch.isascii() and ch.isprintable():
            tab.keyboard.press(ch if ch != " " else "Space")
        else:
            tab.evaluate(THAI_KEY_JS, ch)


def run_query(tab, start_url: str, query: str, quiet_ms: int = 700, timeout_s: float = 15.0) -> tuple[list[str], float]:
    """Type one query on a freshly opened start page; the result links and ms to results shown."""
    html = urllib.request.urlopen(start_url).read().decode("utf-8")
    found = re.search(r'class="md-search-result__meta">\s*(.*?)\s*</div>', html, re.S)
    initializer = found.group(1) if found else ""  # "initialising search", as served
    tab.goto(start_url, wait_until="load")
    tab.locator("[data-md-component=search-query]").click()
    tab.wait_for_function("t => document.querySelector('.md-search-result__meta').innerText.trim() !== t",
                          arg=initializer, timeout=60000)  # the index is ready
    tab.evaluate(SETUP_JS)
    type_query(tab, query)
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        m = tab.evaluate("[window.__m.key, window.__m.mut, performance.now()]")
        if m[1] > m[0] and m[2] - m[1] > quiet_ms:
            break
        time.sleep(0.05)
    key, mut, _ = tab.evaluate("[window.__m.key, window.__m.mut, performance.now()]")
    elapsed = mut - key if mut > key else float("nan")
    # Material renders 10 items, then 4 more each time the list's end scrolls into view.
    wrap = tab.locator(".md-search__scrollwrap")
    count, stalled = -1, 0
    while stalled < 3:
        n = tab.locator(".md-search-result__item").count()
        stalled = stalled + 1 if n == count else 0
        count = n
        wrap.evaluate("el => el.scrollTo(0, 0)")
        time.sleep(0.05)
        wrap.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        time.sleep(0.1)
    links = tab.eval_on_selector_all(".md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    return links, elapsed


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] if ordered else float("nan")


def measure(browser, base: str, prefix: str, trees: list[str], texts: dict[str, str], queries: list[str],
            engine: str, verbose: bool) -> None:
    """Type every query on the language tree's home page and print the table and the summary."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    rows = []
    print(f"\nengine={engine} tree=/{prefix} pages={len(texts)} queries={len(queries)}\n")
    print(f"{'query':<28} {'truth':>5} {'found':>5} {'hits':>5} {'recall':>6} {'prec':>6} {'ms':>7}")
    for query in queries:
        q = normalise(query)
        truth = {url for url, text in texts.items() if q in text}
        links, ms = run_query(tab, base + prefix, query)
        returned: list[str] = []
        for link in links:
            key = page_key(link, base)
            other_tree = any(key.startswith(p) for p in trees if p and p != prefix)
            if key.startswith(prefix) and not other_tree and key not in returned:  # other tree: not counted
                returned.append(key)
        hits = truth & set(returned)
        recall = len(hits) / len(truth) if truth else 1.0
        precision = len(hits) / len(returned) if returned else None
        rows.append((query, truth, returned, recall, precision, ms))
        shown = f"{precision:6.2f}" if precision is not None else "     -"
        print(f"{query:<28} {len(truth):>5} {len(returned):>5} {len(hits):>5} {recall:6.2f} {shown} {ms:7.0f}",
              flush=True)
        for url in sorted(truth) if verbose else sorted(truth - hits):
            print(f"{'':<4}{'truth ' if url in hits else 'MISSED'} {url}")
        for url in returned if verbose else [u for u in returned if u not in truth]:
            print(f"{'':<4}{'found ' if url in truth else 'EXTRA '} {url}")
    tab.close()
    recalls = [r[3] for r in rows if r[1]]
    precisions = [r[4] for r in rows if r[4] is not None]
    times = [r[5] for r in rows if r[5] == r[5]]
    zero = sum(1 for r in rows if not r[2])
    print(f"\n[{engine}] mean recall    {statistics.mean(recalls):.3f}  (over {len(recalls)} queries with ground truth)")
    print(f"[{engine}] mean precision {statistics.mean(precisions) if precisions else float('nan'):.3f}  "
          f"(over {len(precisions)} queries with results)")
    print(f"[{engine}] zero-result queries {zero} of {len(rows)}")
    print(f"[{engine}] last keystroke -> results shown: median {statistics.median(times):.0f} ms, "
          f"p90 {pct(times, 0.9):.0f} ms\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", choices=("kmsite", "material", "both"), default="kmsite")
    ap.add_argument("--site", type=Path, help="a built kmsite site to measure (default: build the demo)")
    ap.add_argument("--material-site", type=Path, help="a site built with stock Material search (default: build it)")
    ap.add_argument("--queries", type=Path, action="append", help="query file (repeatable); default: dev + extra")
    ap.add_argument("--lang", default="th", help="language tree searched from (th: /, en: /en/)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every page, not only misses and extras")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    queries = read_queries(args.queries or [p for p in DEFAULT_QUERIES if p.exists()])
    engines = ["kmsite", "material"] if args.engine == "both" else [args.engine]
    prefix = "" if args.lang == "th" else f"{args.lang}/"
    with tempfile.TemporaryDirectory() as tmp:
        # Ground truth always comes from the kmsite build: it marks pages excluded from search.
        sites = {"kmsite": args.site or Path(tmp) / "kmsite"}
        if not args.site:
            print("building the demo with kmsite search ...", flush=True)
            build_site("kmsite", sites["kmsite"])
        if "material" in engines:
            sites["material"] = args.material_site or Path(tmp) / "material"
            if not args.material_site:
                print("building the demo with stock Material search ...", flush=True)
                build_site("material", sites["material"])
        # URL prefixes of the language trees ("" and "en/"), as the kmsite index lists them
        root_index = json.loads((sites["kmsite"] / "search" / "search_index.json").read_text(encoding="utf-8"))
        trees = sorted(root_index["kmsite"]["languages"].values())
        with sync_playwright() as p:
            browser = launch(p)
            with served(sites["kmsite"]) as base:
                texts = page_texts(browser, base, tree_pages(sites["kmsite"], prefix, trees))
            for engine in engines:
                with served(sites[engine]) as base:
                    measure(browser, base, prefix, trees, texts, queries, engine, args.verbose)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
