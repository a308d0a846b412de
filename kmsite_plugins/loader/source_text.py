"""Read a content file as text, or say exactly why it cannot be read (never a traceback).

Content files are UTF-8, with or without a byte-order mark. Anything else is reported with the
file, what it is (a folder, a dangling link, a pipe, an unreadable or oversized file, or text in
another encoding, detected with charset-normalizer) and what to do about it.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from charset_normalizer import from_bytes

__all__ = ["MAX_BYTES", "SourceError", "read_source"]

MAX_BYTES = 2_000_000  # a plan of 300 rows is about 100 kB; far larger files are mistakes or attacks
_BOM = "\ufeff"
# charset-normalizer's names -> the names iconv knows (Thai office PCs save Windows-874 / TIS-620)
_ICONV_NAMES = {"cp874": "CP874", "tis_620": "TIS-620", "iso8859_11": "ISO-8859-11", "utf_16": "UTF-16",
                "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE", "utf_32": "UTF-32", "cp1252": "CP1252",
                "latin_1": "ISO-8859-1", "shift_jis": "SHIFT_JIS", "gb18030": "GB18030", "big5": "BIG5"}


class SourceError(Exception):
    """A content file that cannot be read as text; ``line`` is where (1 when the whole file is at fault)."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def _kind_problem(path: Path) -> str | None:
    """Why ``path`` is not a regular file, if it is not one (checked before opening: a pipe would block)."""
    if path.is_symlink() and not path.exists():
        return f"is a symbolic link to '{os.readlink(path)}', which does not exist: fix or remove the link"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be examined ({exc.strerror})"
    if stat.S_ISDIR(mode):
        return "is a folder where a file is expected: remove it or rename it"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe, device or socket): replace it with a text file"
    if path.stat().st_size > MAX_BYTES:
        return (f"is {path.stat().st_size:,} bytes; content files are at most {MAX_BYTES:,} bytes: "
                "split it or remove what is not content")
    return None


def _encoding_message(path: Path, data: bytes, error: UnicodeDecodeError) -> SourceError:
    line = data[: error.start].count(b"\n") + 1
    best = from_bytes(data[:200_000]).best()
    name = _ICONV_NAMES.get(best.encoding, best.encoding.upper().replace("_", "-")) if best else None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        name = "UTF-16"
    found = f"it looks like {name}" if name else "its encoding could not be recognised"
    source = name or "CP874"  # the usual Thai Windows encoding when nothing better is known
    quoted = shlex.quote(str(path))
    return SourceError(line, f"not UTF-8 text (byte 0x{data[error.start]:02X} at line {line}; {found}): save it as "
                             f"UTF-8, e.g. iconv -f {source} -t UTF-8 {quoted} > converted && mv converted {quoted}")


def read_source(path: Path) -> str:
    """The text of a content file, BOM removed; raises SourceError with a message for the author."""
    problem = _kind_problem(path)
    if problem:
        raise SourceError(1, problem)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(1, f"cannot be read ({exc.strerror}): check its permissions") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _encoding_message(path, data, exc) from None
    return text.removeprefix(_BOM)
