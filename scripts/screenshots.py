"""Screenshots of key pages at desktop (1280 px) and phone (360 px) widths, in both languages.

    .venv/bin/python scripts/screenshots.py [site_dir] [out_dir]

Serves the built site (default site/) on localhost and writes PNGs (default screenshots/).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "",
    "plan": "orgs/pathumthani-pao/plans/2567/",
    "people": "orgs/suso/people/",
    "knowledge": "knowledge/",
    "announcement": "orgs/pathumthani-pao/announcements/",
}
WIDTHS = {"1280": (1280, 900), "360": (360, 740)}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
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
    server.shutdown()


if __name__ == "__main__":
    main()
