"""``kmsite serve``'s command line: what it refuses before building (preview: tests/browser/test_live_preview.py)."""

from __future__ import annotations

import os
import signal
import socket
from pathlib import Path

import pytest

from kmsite_plugins.cli import main
from kmsite_plugins.plugins.preview import ONLY_ORGS_ENV

from .conftest import ROOT


def test_a_taken_port_is_refused_before_the_first_build(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")]) == 2
    assert f"kmsite serve: cannot serve on 127.0.0.1:{port}: Address already in use" in capsys.readouterr().err


@pytest.mark.parametrize("addr", ["localhost", "127.0.0.1:http", ":8000"])
def test_an_address_is_host_and_port(addr: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "-a", addr, "-f", str(ROOT / "mkdocs.yml")]) == 2
    assert "give the address as HOST:PORT, e.g. 127.0.0.1:8000" in capsys.readouterr().err


def test_a_missing_config_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "-f", str(tmp_path / "mkdocs.yml")]) == 2
    assert "no " + str(tmp_path / "mkdocs.yml") + " here" in capsys.readouterr().err


@pytest.mark.parametrize("orgs, seconds", [(["suso"], 0.1), ([], 0.5)])
def test_a_preview_of_some_organisations_polls_their_folders_more_often(
        orgs: list[str], seconds: float, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import mkdocs.commands.serve as serve_command

    from kmsite_plugins import serve as kmsite_serve

    made: list[float] = []

    def fake_serve(**kwargs: object) -> None:  # what MkDocs' serve makes its server with
        server = serve_command.LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
        made.append(server.observer._timeout)  # watchdog's PollingObserver(timeout=polling_interval)
        server.server_close()

    original = serve_command.LiveReloadServer
    monkeypatch.setattr(serve_command, "serve", fake_serve)
    monkeypatch.setattr(kmsite_serve, "_address_problem", lambda addr: "")
    for name in (kmsite_serve.AUDIENCE_ENV, ONLY_ORGS_ENV, "NO_MKDOCS_2_WARNING"):
        # serve sets them; setenv records the value before (delenv of an unset name records nothing), so the
        # teardown restores it: a selection left behind would make later builds in this process one organisation's
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    handler = signal.getsignal(signal.SIGTERM)
    try:
        assert kmsite_serve.serve(ROOT / "mkdocs.yml", orgs=orgs) == 0
    finally:
        signal.signal(signal.SIGTERM, handler)
    assert made == [seconds]
    assert serve_command.LiveReloadServer is original  # as MkDocs made it, after the preview


def test_the_polling_test_leaves_no_selection_behind() -> None:
    """Runs after the test above in the same process (pytest keeps a file's order)."""
    assert ONLY_ORGS_ENV not in os.environ or os.environ[ONLY_ORGS_ENV] != "suso"
