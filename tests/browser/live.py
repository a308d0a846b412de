"""A running ``kmsite serve`` on a copy of a project: for the live-preview test and scripts/bench_preview.py."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "plans")


class LiveServer:
    """``kmsite serve`` in a subprocess; its terminal output goes to ``log``."""

    def __init__(self, project: Path, url: str, process: subprocess.Popen, log: Path):
        self.project, self.url, self.process, self.log = project, url, process, log

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    def wait_until_serving(self, path: str, timeout: float) -> None:
        """Poll until ``path`` answers 200; fail early if the server exits."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("kmsite serve exited:\n" + self.terminal()[-3000:])
            try:
                if self.status(path) == 200:
                    return
            except OSError:
                pass  # not listening yet
            time.sleep(0.2)
        raise AssertionError(f"kmsite serve did not serve {path} within {timeout} s:\n" + self.terminal()[-3000:])


def copy_project(source: Path, dest: Path) -> Path:
    """The parts of a project that ``kmsite serve`` reads, copied so that a test may edit them."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
        else:
            shutil.copy(source / part, dest / part)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live_server(project: Path, orgs: Sequence[str] = (), first_page: str = "",
                timeout: float = 180.0) -> Iterator[LiveServer]:
    """Start ``kmsite serve [--org ...]`` on a free 127.0.0.1 port; yields once ``first_page`` is served."""
    port = free_port()
    log = project / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KMSITE_ONLY_ORGS", None)
    command = [sys.executable, "-m", "kmsite_plugins.cli", "serve", "-a", f"127.0.0.1:{port}",
               "-f", str(project / "mkdocs.yml")]
    for slug in orgs:
        command += ["--org", slug]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = LiveServer(project, f"http://127.0.0.1:{port}/", process, log)
    try:
        server.wait_until_serving(first_page, timeout)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)  # kmsite serve shuts down as on Ctrl+C, removing its temporary site
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
