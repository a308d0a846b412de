"""Compiled Jinja templates kept in memory for the life of the process.

MkDocs makes a new theme environment for every build and kmsite a new page renderer for every
language, so every template was parsed and compiled again: twice per ``mkdocs build`` (two
languages) and again on every ``mkdocs serve`` rebuild, about 40 % of a one-organisation build.
Jinja's bytecode cache checks each template's source checksum, so an edited template is compiled
afresh. The compiled code depends on more than the source: on the environment's options, and on
its filters, which Jinja calls at compile time when their arguments are constants (``{{ 5 | num }}``
becomes ``๕`` in the code). So the theme has one cache (MkDocs' theme filters take the context and
are never folded), and kmsite's renderer one per renderer configuration (``renderer_cache``).
"""

from __future__ import annotations

from pathlib import Path
from types import CodeType
from typing import Optional

from jinja2.bccache import Bucket, BytecodeCache

from ..views.context import BuildContext


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


THEME_TEMPLATES = MemoryBytecodeCache()  # the theme's environment (Material, overrides/)
_PAGE_TEMPLATES: dict[tuple[str, ...], MemoryBytecodeCache] = {}


def renderer_cache(ctx: BuildContext, override_dir: Optional[Path]) -> MemoryBytecodeCache:
    """The cache for renderers of this build context: all of it (language, digits, ...) is in the key,
    since the renderer's filters read it (``num`` the digits, ``th`` the language)."""
    return _PAGE_TEMPLATES.setdefault((repr(ctx), str(override_dir)), MemoryBytecodeCache())
