"""Text a language build needs later, kept on disk until then instead of in memory (national scale).

MkDocs keeps what a plugin generates in ``on_files`` (every page's source, every output file) until the
build ends, and converts every page to HTML before it writes any: one language of 1,000 organisations
is then gigabytes held at once. A :class:`Spill` is a scratch folder of one build holding two files:
the generated files' contents (a :class:`SpilledFile` reads its own bytes back when MkDocs reads or
copies it, through ``content_bytes``/``content_string``/``copy_file``, as MkDocs asks), and the pages'
HTML parked between conversion and writing (``park`` / ``take``). Two files, not one per page: creating,
reading and removing tens of thousands of small files cost a language build more than writing them once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

__all__ = ["Spill", "SpilledFile"]


class Spill:
    """A scratch folder of one build; :meth:`close` removes it."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="kmsite-spill-")
        self._html = open(os.path.join(self.folder, "html"), "w+b")  # noqa: SIM115 (closed by close())
        self._sources = open(os.path.join(self.folder, "sources"), "w+b")  # noqa: SIM115 (closed by close())
        self._parked: dict[int, tuple[int, int]] = {}  # key -> (offset, length) in the HTML file
        self._files = 0
        # removed when closed, else when collected or at exit (a build that never shut down)
        self._remove = weakref.finalize(self, shutil.rmtree, self.folder, True)

    def file(self, config: MkDocsConfig, src_uri: str, content: str | bytes,
             inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV) -> SpilledFile:
        """A generated file whose content waits here (the same bytes as MkDocs would write)."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        offset = self._sources.seek(0, os.SEEK_END)
        self._sources.write(data)
        file = SpilledFile.generated(config, src_uri, abs_src_path=self._sources.name, inclusion=inclusion)
        assert isinstance(file, SpilledFile)  # File.generated makes an instance of the class it is called on
        file.spilled = (self, offset, len(data))
        self._files += 1
        return file

    def read(self, offset: int, length: int) -> bytes:
        """Bytes of a spilled file."""
        self._sources.flush()
        return os.pread(self._sources.fileno(), length, offset)

    def park(self, key: int, html: str) -> None:
        """Keep ``html`` on disk under ``key`` until :meth:`take`."""
        data = html.encode("utf-8", "surrogatepass")
        offset = self._html.seek(0, os.SEEK_END)
        self._html.write(data)
        self._parked[key] = (offset, len(data))

    def take(self, key: int) -> Optional[str]:
        """The text parked under ``key`` (once), or None when none is."""
        place = self._parked.pop(key, None)
        if place is None:
            return None
        self._html.seek(place[0])
        return self._html.read(place[1]).decode("utf-8", "surrogatepass")

    @property
    def parked(self) -> int:
        """How many texts are parked (not taken yet)."""
        return len(self._parked)

    def close(self) -> None:
        """Remove the folder and everything in it."""
        self._html.close()
        self._sources.close()
        self._parked.clear()
        self._remove()


class SpilledFile(File):
    """A generated file whose content is read back from its :class:`Spill` when MkDocs reads or copies it.

    ``abs_src_path`` names the spill's data file, outside ``docs_dir``; MkDocs reads a file's content
    through ``content_bytes``/``content_string`` and copies it with ``copy_file``, never from that path.
    Content set by a plugin replaces the spilled bytes, as on any ``File``.
    """

    spilled: Optional[tuple[Spill, int, int]] = None  # (spill, offset, length) while the content is there

    def _spilled_bytes(self) -> Optional[bytes]:
        if self._content is not None or self.spilled is None:
            return None
        spill, offset, length = self.spilled
        return spill.read(offset, length)

    @property
    def content_bytes(self) -> bytes:
        data = self._spilled_bytes()
        return data if data is not None else File.content_bytes.fget(self)  # type: ignore[attr-defined]

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.spilled = None
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_string(self) -> str:
        data = self._spilled_bytes()
        if data is None:
            return File.content_string.fget(self)  # type: ignore[attr-defined]
        return data.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.spilled = None
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    def copy_file(self, dirty: bool = False) -> None:
        data = self._spilled_bytes()
        if data is None:
            return super().copy_file(dirty)
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as out:
            out.write(data)

    def is_modified(self) -> bool:
        return True  # made again by every build
