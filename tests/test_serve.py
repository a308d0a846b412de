"""``kmsite serve``'s command line: what it refuses before building (preview: tests/browser/test_live_preview.py)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kmsite_plugins.cli import main

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
