"""``kmsite merge``: join the shards of a sharded build (shards.py) into one site.

Refuses shards of different sources or configs (their fingerprints differ), organisations in two shards
or in none, no or two site-wide shards, and a file present in two shards with different bytes. Then
copies every shard's files (placeholders left out), writes one sitemap (an index past 50,000 URLs) with
its section sitemaps, one search index per language, compresses when the shards' config asks for it,
and publishes atomically (publish.py): a refused merge leaves the target as it was.
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .compress import compress_site
from .publish import publish
from .search.index import build_index
from .shards import SHARD_DIR, ShardManifest, entries_of_payload, pages_of_payload, read_json, write_index_files
from .sitemap import SitemapEntry, feed_sections, write_sitemap

__all__ = ["MergeError", "merge", "check_shards"]


class MergeError(Exception):
    """Shards that do not make one site; the message says why and what to do."""


@dataclass
class _Shard:
    folder: Path
    manifest: ShardManifest


def _read(folders: list[Path]) -> list[_Shard]:
    shards = []
    for folder in folders:
        if not (folder / SHARD_DIR / "manifest.json").is_file():
            raise MergeError(f"{folder}: not a shard (no {SHARD_DIR}/manifest.json): build it with "
                             "'kmsite build --shard I/N -d FOLDER'")
        try:
            shards.append(_Shard(folder, ShardManifest.read(folder)))
        except (ValueError, TypeError, KeyError) as exc:
            raise MergeError(f"{folder}: unreadable shard manifest: {exc}") from None
    return shards


def check_shards(shards: list[_Shard]) -> None:
    """The shards make one site: same fingerprint, every organisation exactly once, one site-wide shard."""
    if not shards:
        raise MergeError("no shards given")
    first = shards[0]
    for shard in shards[1:]:
        diff = sorted(k for k in first.manifest.fingerprint.keys() | shard.manifest.fingerprint.keys()
                      if first.manifest.fingerprint.get(k) != shard.manifest.fingerprint.get(k))
        if diff:
            raise MergeError(f"{shard.folder} and {first.folder} were built from different sources or configs "
                             f"(they differ in: {', '.join(diff)}): build every shard from the same commit, "
                             "config and kmsite version, on the same day (or with the same SOURCE_DATE_EPOCH)")
    owner: dict[str, Path] = {}
    for shard in shards:
        for slug in shard.manifest.orgs:
            if slug in owner:
                raise MergeError(f"organisation {slug} is in two shards: {owner[slug]} and {shard.folder}")
            owner[slug] = shard.folder
    missing = sorted(set(first.manifest.all_orgs) - set(owner))
    if missing:
        raise MergeError(f"{len(missing)} organisation(s) in no shard: {', '.join(missing)}: "
                         "add them to a shard (with --shard I/N every organisation is in one)")
    site_wide = [s.folder for s in shards if s.manifest.site_wide]
    if len(site_wide) != 1:
        where = ", ".join(map(str, site_wide)) or "none"
        raise MergeError(f"exactly one shard renders the site-wide pages (--shard 1/N, or --site-wide); "
                         f"here {len(site_wide)}: {where}")


def _copy_files(shards: list[_Shard], out: Path) -> int:
    """Every shard's files into ``out``; a file in two shards must have the same bytes."""
    origin: dict[str, Path] = {}
    for shard in shards:
        skip = set(shard.manifest.placeholders)
        for path in sorted(shard.folder.rglob("*")):
            rel = path.relative_to(shard.folder).as_posix()
            if rel == SHARD_DIR or rel.startswith(SHARD_DIR + "/") or rel in skip or path.is_dir():
                continue
            dest = out / rel
            if rel in origin:
                if not filecmp.cmp(path, dest, shallow=False):
                    raise MergeError(f"{rel} differs between {origin[rel]} and {shard.folder}: "
                                     "the shards do not make one site")
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            origin[rel] = shard.folder
    return len(origin)


def _merge_search(shards: list[_Shard], out: Path, languages: list[str]) -> None:
    """One index per language from the shards' search documents (``build_index`` through ``write_index``)."""
    for lang in languages:
        payloads = []
        for shard in shards:
            path = shard.folder / SHARD_DIR / f"search-{lang}.json"
            if not path.is_file():
                raise MergeError(f"{shard.folder}: no search documents for language {lang} ({path})")
            payloads.append(read_json(path))
        site = next(p for p, s in zip(payloads, shards, strict=True) if s.manifest.site_wide)
        options: dict[str, Any] = {k: v for k, v in site.items() if k not in ("pages", "lang", "offline")}
        kind_labels: dict[str, str] = {}
        pages = []
        seen: dict[str, Path] = {}
        for payload, shard in zip(payloads, shards, strict=True):
            kind_labels.update(payload["kind_labels"])
            for page in pages_of_payload(payload):
                if page.url in seen:
                    raise MergeError(f"search: page {page.url} indexed by two shards: {seen[page.url]} and "
                                     f"{shard.folder}")
                seen[page.url] = shard.folder
                pages.append(page)
        options["kind_labels"] = kind_labels
        files = build_index(pages, lang=lang, **options)
        write_index_files(out / "search" / lang, files, lang=lang, offline=bool(site["offline"]))


def merge(shard_dirs: list[Path], target: Path) -> int:
    """Merge the shards into ``target`` (published atomically); a MergeError when they are not one site."""
    shards = _read(shard_dirs)
    check_shards(shards)
    fingerprint = shards[0].manifest.fingerprint

    def build(out: Path) -> int:
        _copy_files(shards, out)
        entries: dict[str, SitemapEntry] = {}
        for shard in shards:
            for entry in entries_of_payload(read_json(shard.folder / SHARD_DIR / "sitemap.json")):
                entries[entry.loc] = entry
        site_url = fingerprint["site_url"]
        if entries and site_url:
            write_sitemap(out, list(entries.values()), site_url, lastmod=date.fromisoformat(fingerprint["lastmod"]),
                          sections=feed_sections(out))
        _merge_search(shards, out, list(fingerprint["languages"]))
        if fingerprint.get("plugin", {}).get("compress"):
            compress_site(out)
        return 0

    return publish(target, build)
