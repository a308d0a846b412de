"""axe-core (WCAG 2.1 A/AA rules) on one page of every page type, both languages: a table of findings.

    .venv/bin/python scripts/axe_report.py [site_dir]

The test suite (tests/browser/test_accessibility.py) fails on critical or serious findings;
this prints every impact level so moderate and minor ones are seen too.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.pages import page_paths  # noqa: E402
from tests.browser.serve import launch, served  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ("critical", "serious", "moderate", "minor")


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    print(f"| page type | lang | path | {' | '.join(IMPACTS)} | rules |")
    print("|---|---|---|" + "---|" * (len(IMPACTS) + 1))
    with served(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for lang in ("th", "en"):
            for kind, path in page_paths(site, lang).items():
                page.goto(base + path, wait_until="load")
                page.add_script_tag(content=axe)
                result = page.evaluate("t => axe.run(document, {runOnly: {type: 'tag', values: t}})", TAGS)
                counts = Counter(v["impact"] for v in result["violations"])
                rules = ", ".join(sorted(v["id"] for v in result["violations"])) or "-"
                print(f"| {kind} | {lang} | {path} | {' | '.join(str(counts[i]) for i in IMPACTS)} | {rules} |")
        browser.close()


if __name__ == "__main__":
    main()
