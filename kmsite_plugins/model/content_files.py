"""The one rule for every file a content file names (attachments, photos, anything later).

A named file is published as is, so it must be the author's own file: a relative path without
``..``, that stays inside the organisation's folder after every symlink is followed, names a
regular file, and does not take the name of a file the site generates beside it.
"""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

__all__ = ["RESERVED_NAMES", "ContentFileError", "content_file"]

# Files the site writes beside pages: an attachment with one of these names would replace them.
RESERVED_NAMES = frozenset({"index.html", "qr.png", "qr.svg", "feed.xml", "feed.json", "sitemap.xml",
                            "search_index.json", "404.html"})
# The organisation's own content files: never published as files (a symlink could reach them).
CONTENT_FILES = frozenset({"organisation.yml", "committees.yml", "cops.yml", "plans"})
# MkDocs would render these as pages instead of shipping them.
PAGE_SUFFIXES = frozenset({".md", ".markdown"})


class ContentFileError(ValueError):
    """Why a named file cannot be published; the message quotes the value as written."""


def _check_written(name: str) -> PurePosixPath:
    if not name.strip():
        raise ContentFileError("is empty: write the file's path relative to the content file")
    if name.startswith(("/", "\\", "~")) or PureWindowsPath(name).drive or "\\" in name:
        raise ContentFileError(f"'{name}' is an absolute or Windows path: write a path relative to the content file, "
                               "with '/' between folders (e.g. files/plan.pdf)")
    path = PurePosixPath(name)
    if ".." in path.parts:
        raise ContentFileError(f"'{name}' goes up with '..': files must stay inside the organisation's folder")
    if path.name.lower() in RESERVED_NAMES:
        raise ContentFileError(f"'{name}': the file name '{path.name}' is one the site generates "
                               f"({', '.join(sorted(RESERVED_NAMES))}); rename the file")
    if path.suffix.lower() in PAGE_SUFFIXES:
        raise ContentFileError(f"'{name}' is a Markdown file and would become a page: "
                               "attach a PDF, text or office file")
    return path


def content_file(org_folder: Path, base: Path, name: str) -> Path:
    """The resolved path of file ``name`` (relative to folder ``base``) of the organisation in ``org_folder``.

    Raises ContentFileError, whose message says what is wrong and what is accepted.
    """
    rel = _check_written(name)
    home = org_folder.resolve()
    candidate = base / rel
    if candidate.is_symlink() and not candidate.exists():
        raise ContentFileError(f"'{name}' is a symbolic link to a file that does not exist ({candidate.readlink()})")
    resolved = candidate.resolve()
    if not resolved.is_relative_to(home):
        raise ContentFileError(f"'{name}' leads outside the organisation folder {org_folder.name}/ "
                               "(through a symbolic link): copy the file into the folder instead")
    if not candidate.exists():
        raise ContentFileError(f"'{name}' not found (looked for {candidate}); add the file or fix the name")
    mode = resolved.stat().st_mode
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, pipe or socket)"
        raise ContentFileError(f"'{name}' is {kind}: name a file")
    inside = resolved.relative_to(home).parts
    if inside[0] in CONTENT_FILES or inside[:2] == ("knowledge", "topics.yml"):
        raise ContentFileError(f"'{name}' is the organisation's content file {'/'.join(inside)} (which holds "
                               "internal contacts and notes): it is never published as a file")
    if resolved.name.lower() in RESERVED_NAMES or resolved.suffix.lower() in PAGE_SUFFIXES:
        raise ContentFileError(f"'{name}' is a symbolic link to '{resolved.name}', a page or a file the site generates")
    return resolved
