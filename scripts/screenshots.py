"""Screenshots of key pages at desktop (1280 px) and phone (360 px) widths, in both languages.

    .venv/bin/python scripts/screenshots.py [site_dir] [out_dir]

Serves the built site (default site/) on localhost and writes PNGs (default screenshots/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.serve import launch, served  # noqa: E402

PAGES = {
    "home": "",
    "plan": "orgs/pathumthani-pao/plans/2567/",
    "people": "orgs/suso/people/",
    "knowledge": "knowledge/",
    "announcement": "orgs/pathumthani-pao/announcements/",
}
WIDTHS = {"1280": (1280, 900), "360": (360, 740)}


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with served(site) as base, sync_playwright() as p:
        browser = launch(p)
        for width, viewport in WIDTHS.items():
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            for lang, prefix in (("th", ""), ("en", "en/")):
                for name, path in PAGES.items():
                    page.goto(base + prefix + path, wait_until="load")
                    target = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
