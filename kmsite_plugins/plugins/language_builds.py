"""``kmsite build``: every language in its own process, on its own core, merged into one folder.

static-i18n builds the other languages inside the default language's build (from its
``on_post_build``), so one process holds every language's pages and search texts to the end
while the second core idles. Here the content is read once, then one child process per
language, forked, builds that language alone (``build_alone``) into a folder of its own, with
the content shared. The folders are merged in the sequential build's order (the default
language first; a later language's file replaces a shared one, such as the theme's
``404.html``, as it does there), and the kmsite plugin then writes the sitemap of every
language and the compressed copies.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig

from ..sitemap import SitemapEntry
from .languages import build_alone, languages

__all__ = ["build_languages_apart"]

EXIT_INTERNAL = 3  # a child that failed without a status (a crash, a signal)
Build = Callable[[MkDocsConfig], int]  # runs one build of the config; 0 when it succeeded


def _child(config: MkDocsConfig, lang: str, folder: Path, scratch: Path, run: Build, conn: Connection) -> None:
    """Build ``lang`` alone into ``folder``; send the status and the sitemap entries seen."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops a child by SIGTERM: no clean-up to run
    tempfile.tempdir = str(scratch)  # the build's scratch files (spill.py): the parent removes them, whatever happens
    status, entries = EXIT_INTERNAL, []
    try:
        config.site_dir = str(folder)
        build_alone(config, lang)
        status = run(config)
        kmsite = config.plugins.get("kmsite")
        entries = list(getattr(kmsite, "sitemap_entries", []))
    except Exception:
        traceback.print_exc()
    finally:
        conn.send((status, entries))
        conn.close()


def _move_over(source: Path, dest: Path) -> None:
    """Move every file of ``source`` to the same place under ``dest``, replacing what is there: a folder
    that ``dest`` lacks in one rename (a language's tree, ``en/``, of tens of thousands of files), a folder
    both have entry by entry."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(source):
        target = dest / entry.name
        if entry.is_dir(follow_symlinks=False) and target.is_dir() and not target.is_symlink():
            _move_over(Path(entry.path), target)
        else:
            os.replace(entry.path, target)


def build_languages_apart(config: MkDocsConfig, folder: Path, run: Build) -> int:
    """Build every language of ``config`` in its own process into ``folder``; the first failure's status.

    ``run(config)`` builds a config (the same function a one-process build uses); on success the
    kmsite plugin finishes the merged site (sitemap, compression). Interrupted, the children are
    stopped and their folders removed.
    """
    langs = languages(config)
    order = [langs.default] + [lang for lang in langs.all if lang != langs.default]
    context = multiprocessing.get_context("fork")  # the children share the loaded config; nothing is pickled
    parts = {lang: folder if lang == langs.default else
             Path(tempfile.mkdtemp(prefix=f"{folder.name}.{lang}-", dir=folder.parent)) for lang in order}
    children: list[tuple[str, Any, Connection]] = []
    kmsite = config.plugins.get("kmsite")
    if kmsite is not None:  # the content is read once, here; the children share it
        kmsite.preload(config)
    gc.freeze()  # objects made so far stay out of the children's collections: their pages stay shared
    scratch = Path(tempfile.mkdtemp(prefix="kmsite-build-"))  # the children's temporary files
    try:
        for lang in order:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(config, lang, parts[lang], scratch, run, send),
                                      name=f"build-{lang}")
            process.start()
            send.close()
            children.append((lang, process, receive))
        results: dict[str, tuple[int, list[SitemapEntry]]] = {}
        pending = {receive: lang for lang, _, receive in children}
        while pending:
            for ready in wait(list(pending)):
                conn = cast(Connection, ready)
                lang = pending.pop(conn)
                try:
                    results[lang] = conn.recv()
                except EOFError:  # the child died before it could say
                    results[lang] = (EXIT_INTERNAL, [])
        for _, process, _ in children:
            process.join()
        failed = [results[lang][0] for lang in order if results[lang][0] != 0]
        if failed:
            return failed[0]
        merged: dict[str, SitemapEntry] = {}
        for lang in order:
            if parts[lang] != folder:
                _move_over(parts[lang], folder)
            merged.update((entry.loc, entry) for entry in results[lang][1])
        if kmsite is not None:
            config.site_dir = str(folder)
            kmsite.finish(config, list(merged.values()))
        return 0
    finally:
        for _, process, receive in children:
            if process.is_alive():
                process.terminate()
            process.join()
            receive.close()
        gc.unfreeze()
        if kmsite is not None:
            kmsite.preload_done()
        for part in parts.values():
            if part != folder:
                shutil.rmtree(part, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
