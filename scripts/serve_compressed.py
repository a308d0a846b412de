#!/usr/bin/env python3
"""Serve a built site as a production web server would: pre-compressed files and cache headers.

    .venv/bin/kmsite build --compress -d /tmp/site
    .venv/bin/python scripts/serve_compressed.py /tmp/site --port 8000

For each request it sends ``x.br`` or ``x.gz`` (written by ``kmsite build --compress``) when the
browser accepts that encoding, ``Cache-Control: immutable`` for fingerprinted assets (Material's
``*.<hash>.min.*``, the fonts) and ``no-cache`` for everything else, and ``404.html`` with status 404.
It mirrors the nginx and Apache recipes of docs/operate/deploy.md; it is for measuring, not for production.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import io
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

IMMUTABLE = re.compile(r"(\.[0-9a-f]{8}\.min\.(css|js)|/assets/fonts/.*\.woff2)$")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def cache_control(url_path: str) -> str:
    return "public, max-age=31536000, immutable" if IMMUTABLE.search(url_path) else "no-cache"


class CompressedHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self._not_found()
        accepted = {e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")}
        chosen: tuple[str, str] | None = next(((enc, path + ext) for enc, ext in ENCODINGS
                                                  if enc in accepted and os.path.isfile(path + ext)), None)
        body = chosen[1] if chosen else path
        f = open(body, "rb")  # noqa: SIM115 - the base class closes it after copying
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        if chosen:
            self.send_header("Content-Encoding", chosen[0])
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.send_header("Cache-Control", cache_control(self.path.split("?", 1)[0]))
        self.end_headers()
        return f

    def _not_found(self) -> io.BytesIO:
        page = Path(self.directory) / "404.html"
        data = page.read_bytes() if page.exists() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection is no news


@contextlib.contextmanager
def served_compressed(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1; yields the base URL (ending in ``/``)."""
    server = _Server(("127.0.0.1", port), functools.partial(CompressedHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with served_compressed(args.site, args.port) as url:
        print(f"serving {args.site} at {url} (Ctrl+C stops)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
