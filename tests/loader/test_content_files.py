"""Every file a content file names obeys one rule (model/content_files.py): each field, each way out."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kmsite_plugins.model.content_files import RESERVED_NAMES, ContentFileError, content_file

from .edits import errors, replace_in


@dataclass(frozen=True)
class FileField:
    """A field of the content model that names a file: where it is written and what it is relative to."""

    name: str
    source: str  # the content file holding the field
    base: str  # the folder its paths are relative to
    write: Callable[[Path, str], int]  # sets the field to a value; returns its line
    suffix: str  # a suffix the field accepts (photos must be images)


def _asset(root: Path, value: str) -> int:
    return replace_in(root / "plans/prachantakham/knowledge/signboard-tax-guide.md",
                      "file: files/signboard-tax-checklist.csv", f"file: '{value}'")


def _announcement(root: Path, value: str) -> int:
    return replace_in(root / "plans/prachantakham/announcements/knowledge-holders.md",
                      "file: files/knowledge-topics.csv", f"file: '{value}'")


def _photo(root: Path, value: str) -> int:
    return replace_in(root / "plans/suso/organisation.yml", "    position: works-director\n",
                      f"    position: works-director\n    photo: '{value}'\n") + 1


FIELDS = [
    FileField("knowledge asset attachments[].file", "plans/prachantakham/knowledge/signboard-tax-guide.md",
              "plans/prachantakham/knowledge", _asset, ".csv"),
    FileField("announcement attachments[].file", "plans/prachantakham/announcements/knowledge-holders.md",
              "plans/prachantakham/announcements", _announcement, ".csv"),
    FileField("person photo", "plans/suso/organisation.yml", "plans/suso", _photo, ".png"),
]
IDS = [f.name for f in FIELDS]


def _one_error(root: Path, field: FileField, line: int, words: str) -> None:
    found = errors(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"{field.source}:{line}: "), found[0]
    assert words in found[0], found[0]


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
@pytest.mark.parametrize("target, words", [
    ("/etc/passwd", "leads outside the organisation folder"),
    ("/etc", "leads outside the organisation folder"),
    ("OTHER_ORG", "leads outside the organisation folder"),
    ("/no/such/file", "symbolic link to a file that does not exist"),
], ids=["to-etc-passwd", "to-a-directory", "to-another-organisation", "dangling"])
def test_symlink_leaving_the_folder_is_refused(demo_copy: Path, field: FileField, target: str, words: str) -> None:
    if target == "OTHER_ORG":
        target = str(demo_copy / "plans/pathumthani-pao/organisation.yml")
    link = demo_copy / field.base / f"files/link{field.suffix}"
    link.parent.mkdir(exist_ok=True)
    os.symlink(target, link)
    line = field.write(demo_copy, f"files/link{field.suffix}")
    _one_error(demo_copy, field, line, words)


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_symlink_to_the_organisations_own_content_file_is_refused(demo_copy: Path, field: FileField) -> None:
    link = demo_copy / field.base / f"files/contacts{field.suffix}"
    link.parent.mkdir(exist_ok=True)
    os.symlink(demo_copy / "plans" / field.source.split("/")[1] / "organisation.yml", link)
    line = field.write(demo_copy, f"files/contacts{field.suffix}")
    _one_error(demo_copy, field, line, "content file organisation.yml")


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_dot_dot_is_refused(demo_copy: Path, field: FileField) -> None:
    line = field.write(demo_copy, f"../knowledge/files/x{field.suffix}")
    _one_error(demo_copy, field, line, "goes up with '..'")


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
@pytest.mark.parametrize("value", ["/etc/passwd", "C:/Windows/win.ini", "files\\x.csv"])
def test_absolute_or_windows_path_is_refused(demo_copy: Path, field: FileField, value: str) -> None:
    _one_error(demo_copy, field, field.write(demo_copy, value), "absolute or Windows path")


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
@pytest.mark.parametrize("name", sorted(RESERVED_NAMES))
def test_reserved_name_is_refused(demo_copy: Path, field: FileField, name: str) -> None:
    path = demo_copy / field.base / "files" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text("<script>alert(1)</script>", encoding="utf-8")
    _one_error(demo_copy, field, field.write(demo_copy, f"files/{name}"), "is one the site generates")


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_a_folder_or_a_fifo_is_not_a_file(demo_copy: Path, field: FileField) -> None:
    folder = demo_copy / field.base / f"files/dir{field.suffix}"
    folder.mkdir(parents=True)
    _one_error(demo_copy, field, field.write(demo_copy, f"files/dir{field.suffix}"), "is a folder")
    os.mkfifo(demo_copy / field.base / f"files/pipe{field.suffix}")
    replace_in(demo_copy / field.source, f"files/dir{field.suffix}", f"files/pipe{field.suffix}")
    found = errors(demo_copy)
    assert len(found) == 1 and "not a regular file" in found[0], found


@pytest.mark.parametrize("field", FIELDS, ids=IDS)
def test_symlink_inside_the_folder_is_accepted(demo_copy: Path, field: FileField) -> None:
    real = demo_copy / field.base / f"files/real{field.suffix}"
    real.parent.mkdir(exist_ok=True)
    real.write_bytes(b"a,b\n")
    os.symlink(real, demo_copy / field.base / f"files/alias{field.suffix}")
    field.write(demo_copy, f"files/alias{field.suffix}")
    assert errors(demo_copy) == []


def test_rule_returns_the_resolved_file(tmp_path: Path) -> None:
    (tmp_path / "org/files").mkdir(parents=True)
    (tmp_path / "org/files/a.pdf").write_bytes(b"%PDF")
    assert content_file(tmp_path / "org", tmp_path / "org", "files/a.pdf") == (tmp_path / "org/files/a.pdf").resolve()
    with pytest.raises(ContentFileError, match="is empty"):
        content_file(tmp_path / "org", tmp_path / "org", " ")
