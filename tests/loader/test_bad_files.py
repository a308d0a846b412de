"""Every bad file gets a located message naming it, and the run goes on to report every other problem."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kmsite_plugins import cli
from kmsite_plugins.loader.source_text import MAX_BYTES

from .edits import errors, replace_in

ANN = "plans/prachantakham/announcements/knowledge-holders.md"
ASSET = "plans/prachantakham/knowledge/signboard-tax-guide.md"
PLAN = "plans/pathumthani-pao/plans/2567.yml"  # a plan in the YAML form
MD_PLAN = "plans/suso/plans/undated.md"  # a plan in the Markdown form


def _other_error(root: Path) -> str:
    """An unrelated error elsewhere in the tree, which must still be reported."""
    replace_in(root / "plans/pathumthani-pao/knowledge/legal-repository.md", "reviewed: 2567-08-15",
               "reviewed: 2567-13-45")
    return "plans/pathumthani-pao/knowledge/legal-repository.md:"


def _only(found: list[str], path: str) -> str:
    mine = [e for e in found if e.startswith(path + ":")]
    assert len(mine) == 1, found
    return mine[0]


@pytest.mark.parametrize("encoding, shown", [("cp874", "iconv -f CP874 -t UTF-8"), ("tis-620", "-t UTF-8"),
                                             ("utf-16", "iconv -f UTF-16 -t UTF-8")])
def test_non_utf8_file_names_itself_its_encoding_and_the_conversion(demo_copy: Path, encoding: str, shown: str) -> None:
    path = demo_copy / ANN
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    other = _other_error(demo_copy)
    found = errors(demo_copy)
    message = _only(found, ANN)
    assert "not UTF-8 text" in message and shown in message and str(path) in message
    if encoding != "utf-16":
        assert "looks like" in message and ("CP874" in message or "TIS-620" in message or "ISO-8859-11" in message)
    assert any(e.startswith(other) for e in found)


@pytest.mark.parametrize("rel", [ANN, ASSET, PLAN, MD_PLAN, "plans/suso/organisation.yml", "plans/suso/committees.yml"])
def test_utf8_bom_is_accepted_in_every_file_type(demo_copy: Path, rel: str) -> None:
    path = demo_copy / rel
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert errors(demo_copy) == []


def test_folder_dangling_link_and_fifo_where_files_belong(demo_copy: Path) -> None:
    (demo_copy / "plans/suso/knowledge/folder.md").mkdir()
    (demo_copy / "plans/suso/committees.yml").unlink()
    os.symlink("/nowhere/committees.yml", demo_copy / "plans/suso/committees.yml")  # an optional file, dangling
    os.mkfifo(demo_copy / "plans/suso/plans/2570.yml")
    other = _other_error(demo_copy)
    found = errors(demo_copy)
    assert "is a folder where a file is expected" in _only(found, "plans/suso/knowledge/folder.md")
    dangling = _only(found, "plans/suso/committees.yml")
    assert "symbolic link to '/nowhere/committees.yml', which does not exist" in dangling
    assert "not a regular file" in _only(found, "plans/suso/plans/2570.yml")
    assert any(e.startswith(other) for e in found)


def test_unreadable_file_is_reported(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = (demo_copy / PLAN).resolve()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # tests run as root, for whom chmod 000 reads anyway
    assert "cannot be read (Permission denied)" in _only(errors(demo_copy), PLAN)


def test_alias_bomb_is_refused_quickly(demo_copy: Path) -> None:
    lines = ["name: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (demo_copy / "plans/suso/cops.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    found = errors(demo_copy)
    assert time.monotonic() - started < 60  # it took 211 s before aliases were bounded
    assert "aliases (*name) expand this document to more than" in _only(found, "plans/suso/cops.yml")


def test_oversized_file_is_refused(demo_copy: Path) -> None:
    path = demo_copy / PLAN
    path.write_bytes(path.read_bytes() + b"# padding\n" * (MAX_BYTES // 10 + 1))
    assert "content files are at most" in _only(errors(demo_copy), PLAN)


def test_invalid_organisation_file_hides_no_other_error(demo_copy: Path) -> None:
    replace_in(demo_copy / "plans/prachantakham/organisation.yml", "type:", "kind:")
    line = replace_in(demo_copy / ASSET, "file: files/signboard-tax-checklist.csv", "file: ../organisation.yml")
    found = errors(demo_copy)
    assert any(e.startswith("plans/prachantakham/organisation.yml:") for e in found)
    assert any(e.startswith(f"{ASSET}:{line}: attachments[1].file: '../organisation.yml' goes up")
               for e in found), found


# -- exit statuses: a crash never looks like a content error ---------------------------------

def test_exit_statuses(demo_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(demo_copy)]) == 0
    assert cli.main(["check", str(demo_copy / "no-such-folder")]) == 2
    with pytest.raises(SystemExit) as usage:
        cli.main(["check", "--no-such-option"])
    assert usage.value.code == 2
    replace_in(demo_copy / PLAN, "title_en:", "title_een:")
    assert cli.main(["check", str(demo_copy)]) == 1

    def crash(root: Path, jobs: int | None = None) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "check_site", crash)
    assert cli.main(["check", str(demo_copy)]) == 3
    assert "internal error" in capsys.readouterr().err
