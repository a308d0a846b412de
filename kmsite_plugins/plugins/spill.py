"""Text a language build needs later, kept on disk until then instead of in memory (national scale).

MkDocs keeps what a plugin generates in ``on_files`` (every page's source, every output file) until the
build ends, and converts every page to HTML before it writes any: one language of 1,000 organisations
is then gigabytes held at once. A :class:`Spill` is a scratch folder of one build: generated files are
backed by a file in it (``File.generated(abs_src_path=...)``, read when MkDocs reads or copies them),
and a page's HTML is parked between its conversion and its writing (``park`` / ``take``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from typing import Optional

__all__ = ["Spill"]


class Spill:
    """A scratch folder of one build; :meth:`close` removes it."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="kmsite-spill-")
        self._html = open(os.path.join(self.folder, "html"), "w+b")  # noqa: SIM115 (closed by close())
        self._parked: dict[int, tuple[int, int]] = {}  # key -> (offset, length) in the HTML file
        self._files = 0
        # removed when closed, else when collected or at exit (a build that never shut down)
        self._remove = weakref.finalize(self, shutil.rmtree, self.folder, True)

    def source(self, content: str | bytes, name: str) -> str:
        """Write a generated file's content to the folder; its path (the same bytes as MkDocs would write)."""
        self._files += 1
        path = os.path.join(self.folder, f"{self._files}-{os.path.basename(name)}")
        data = content.encode("utf-8") if isinstance(content, str) else content
        with open(path, "wb") as out:
            out.write(data)
        return path

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
        self._parked.clear()
        self._remove()
