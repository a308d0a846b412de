#!/usr/bin/env python3
"""Lighthouse 12.2.3 on the home, plan, people and announcement pages, in both languages, mobile and
desktop, over the site served as in production (pre-compressed files, cache headers): prints the table.

    .venv/bin/python scripts/lighthouse.py                 # builds with --compress into a temp folder
    .venv/bin/python scripts/lighthouse.py --site DIR      # a site built with kmsite build --compress

Needs Node.js and Debian's chromium; installs lighthouse@12.2.3 with npm into ~/.cache/kmsite-lighthouse
on first use (it is not a dependency of the project or its tests). Targets (issue 16): accessibility,
best practices and SEO 100; performance >= 95 on desktop, >= 90 on mobile. Exit status 1 if one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from serve_compressed import served_compressed  # noqa: E402

from tests.browser.pages import page_paths  # noqa: E402

VERSION = "12.2.3"
CACHE = Path.home() / ".cache" / "kmsite-lighthouse"
PAGES = ("home", "plan", "people", "announcement")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET_PERFORMANCE = {"desktop": 95, "mobile": 90}


def lighthouse_cli(folder: Path) -> Path:
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder),
                        f"lighthouse@{VERSION}"], check=True)
    return cli


def run(cli: Path, url: str, form: str, out: Path) -> dict[str, object]:
    command = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores: dict[str, object] = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = [a["id"] for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary",)]
    scores["kib"] = round(report["audits"]["total-byte-weight"]["numericValue"] / 1024)
    scores["failing"] = failing
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description="Lighthouse over the built demo, served compressed.")
    parser.add_argument("--site", type=Path, help="a site built with kmsite build --compress (default: build one)")
    parser.add_argument("--forms", default="mobile,desktop")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--langs", default="th,en")
    parser.add_argument("--lighthouse-dir", type=Path, default=CACHE, help="where lighthouse is (or is installed)")
    args = parser.parse_args()
    cli = lighthouse_cli(args.lighthouse_dir)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([str(ROOT / ".venv" / "bin" / "kmsite"), "build", "--compress", "-d", str(site)],
                           check=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        rows = []
        with served_compressed(site) as base:
            for lang in args.langs.split(","):
                paths = page_paths(site, lang)
                for kind in args.pages.split(","):
                    for form in args.forms.split(","):
                        scores = run(cli, base + paths[kind], form, Path(tmp) / "report.json")
                        rows.append((lang, kind, form, paths[kind], scores))
                        print(f"  {lang} {kind} {form}: {scores}", file=sys.stderr)
    print("| lang | page | form | perf | a11y | best pr. | SEO | KiB | path |")
    print("|---|---|---|---|---|---|---|---|---|")
    missed = 0
    for lang, kind, form, path, s in rows:
        print(f"| {lang} | {kind} | {form} | {s['performance']} | {s['accessibility']} | {s['best-practices']} "
              f"| {s['seo']} | {s['kib']} | /{path} |")
        ok = (s["accessibility"] == s["best-practices"] == s["seo"] == 100
              and int(s["performance"]) >= TARGET_PERFORMANCE[form])  # type: ignore[call-overload]
        missed += not ok
        if s["failing"]:
            print(f"|   | failing audits: {', '.join(s['failing'])} |", file=sys.stderr)  # type: ignore[arg-type]
    print(f"{len(rows) - missed} of {len(rows)} runs meet the targets")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
