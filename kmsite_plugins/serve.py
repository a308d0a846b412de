"""``kmsite serve``: MkDocs' own dev server and livereload, in process, with an author's org selection.

``--org`` reaches the kmsite plugin through ``KMSITE_ONLY_ORGS`` (the plugin's ``only_orgs`` option
does the same from mkdocs.yml): only those organisation folders are read and built, and the site-wide
pages list only them, at the URLs of the published site. The plugin watches the content folder, reloads
it on every rebuild, and under serve shows content errors as a page instead of stopping (plugins/preview.py).

MkDocs finds edits by polling what it watches every half second. With ``--org`` the plugin watches only
those folders (tens of files, not the whole tree's thousands), so they are polled ten times a second:
an edit is seen 0.05 s after the save on average instead of 0.25 s.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .plugins.preview import ONLY_ORGS_ENV

AUDIENCE_ENV = "KMSITE_AUDIENCE"  # mkdocs.yml: audience: !ENV [KMSITE_AUDIENCE, public], as for kmsite build
DEFAULT_ADDR = "127.0.0.1:8000"
SELECTION_POLL_SECONDS = 0.1  # how often the folders of a --org preview are polled for edits (MkDocs: 0.5)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # MkDocs' serve then stops the server and removes its temporary site


def _address_problem(dev_addr: str) -> str:
    """Why the server could not listen on ``host:port`` (not host:port, port taken), or ""."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        return "give the address as HOST:PORT, e.g. 127.0.0.1:8000"
    try:
        with socket.create_server((host, int(port))):
            return ""
    except OSError as exc:
        return exc.strerror or str(exc)


@contextmanager
def _polling_every(seconds: float | None) -> Iterator[None]:
    """MkDocs' dev server polls what it watches every ``seconds`` while in this block (None: MkDocs' own
    interval). Its serve command makes the server from ``mkdocs.commands.serve.LiveReloadServer``, which
    takes the interval but is given none."""
    import mkdocs.commands.serve as serve_command

    server_class = serve_command.LiveReloadServer
    if seconds is None:
        yield
        return

    class PollingServer(server_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs.setdefault("polling_interval", seconds)
            super().__init__(*args, **kwargs)

    serve_command.LiveReloadServer = PollingServer  # type: ignore[misc]
    try:
        yield
    finally:
        serve_command.LiveReloadServer = server_class  # type: ignore[misc]


def serve(config_file: Path, dev_addr: str = DEFAULT_ADDR, orgs: Sequence[str] = (), internal: bool = False) -> int:
    """Serve the site until interrupted; returns the exit status."""
    if not config_file.is_file():
        print(f"kmsite serve: no {config_file} here; give the site's mkdocs.yml with -f", file=sys.stderr)
        return 2
    if internal and AUDIENCE_ENV not in config_file.read_text(encoding="utf-8"):
        print(f"kmsite serve --internal: {config_file} does not set the kmsite plugin's audience from "
              f"{AUDIENCE_ENV}; add 'audience: !ENV [{AUDIENCE_ENV}, public]' under '- kmsite:'", file=sys.stderr)
        return 2
    problem = _address_problem(dev_addr)
    if problem:  # before the first build, which takes minutes in a large tree
        print(f"kmsite serve: cannot serve on {dev_addr}: {problem}", file=sys.stderr)
        return 2
    os.environ[AUDIENCE_ENV] = "internal" if internal else "public"
    if orgs:
        os.environ[ONLY_ORGS_ENV] = ",".join(orgs)
    else:
        os.environ.pop(ONLY_ORGS_ENV, None)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a process manager: shut down as on Ctrl+C

    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        # strict off: content warnings are printed, never a reason to stop the preview
        with _polling_every(SELECTION_POLL_SECONDS if orgs else None):
            mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, strict=False, livereload=True)
    except MkDocsException as exc:  # a bad mkdocs.yml, an address that is not host:port, a failed first build
        print(f"kmsite serve: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. the port is taken
        print(f"kmsite serve: cannot serve on {dev_addr}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
