"""A built site served on localhost, and Debian's headless Chromium: for the browser tests and scripts/."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "launch", "served"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection (a navigation, a closed tab) is no news


@contextlib.contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free localhost port; yields the base URL (ending in ``/``)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless (never a browser downloaded by ``playwright install``)."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is required: scripts/setup.sh installs it as root"
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
