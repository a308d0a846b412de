"""Shards: one build split by organisation into partial sites that ``kmsite merge`` joins into one.

A shard loads the whole tree (links and site-wide data stay right) but renders only the pages and files
of its organisations; exactly one shard (``site_wide``) also renders the site-wide pages and files
(home lists, people, knowledge, feeds, open data, ``go/`` links) and the hand-written pages' search
documents. Other shards render those site-wide pages empty (MkDocs' nav needs them to exist) and list
them as placeholders, which the merge ignores. Each shard writes, under ``.kmsite-shard/``, its manifest
(fingerprint, organisations, placeholders), its sitemap entries and its search documents per language;
the merge builds one sitemap and one search index from them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .model import SiteModel
from .search.extract import Section
from .search.index import IndexPage, js_twin
from .sitemap import SitemapEntry

__all__ = ["SHARD_DIR", "ShardSpec", "ShardManifest", "parse_shard", "select_orgs", "partition",
           "tree_hash", "org_of_path", "write_json", "read_json", "search_payload", "pages_of_payload",
           "write_index_files", "sitemap_payload", "entries_of_payload"]

SHARD_DIR = ".kmsite-shard"  # under a shard's site folder: what the merge reads (never published)
FORMAT = 1
_ORG_PATH = re.compile(r"^orgs/([^/]+)/")


@dataclass(frozen=True)
class ShardSpec:
    """Which organisations a shard renders: ``index``/``count`` (whole provinces, balanced), or given
    slugs or provinces; ``site_wide``: whether it renders the site-wide pages (default: shard 1 of N)."""

    index: int = 0
    count: int = 0
    orgs: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    site_wide: Optional[bool] = None

    @property
    def renders_site_wide(self) -> bool:
        return self.site_wide if self.site_wide is not None else self.index == 1

    @property
    def label(self) -> str:
        if self.count:
            return f"{self.index}/{self.count}"
        return ", ".join([*self.orgs, *(f"province {p}" for p in self.provinces)])


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → (2, 4); a ValueError with the reason otherwise."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise ValueError(f"--shard '{text}': expected I/N with 1 <= I <= N, e.g. 1/4")
    return int(match.group(1)), int(match.group(2))


def partition(site: SiteModel, count: int) -> list[list[str]]:
    """The organisations in ``count`` shards: whole provinces, largest first, each to the lightest shard
    (ties: the lowest number); deterministic, so every job of a CI matrix computes the same split."""
    by_province: dict[str, list[str]] = {}
    for content in site.sorted_orgs():
        by_province.setdefault(str(content.org.province or ""), []).append(content.slug)
    shards: list[list[str]] = [[] for _ in range(count)]
    for _, slugs in sorted(by_province.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lightest = min(range(count), key=lambda i: (len(shards[i]), i))
        shards[lightest].extend(slugs)
    return [sorted(s) for s in shards]


def select_orgs(site: SiteModel, spec: ShardSpec) -> list[str]:
    """The slugs a shard renders; a ValueError naming an unknown organisation or province."""
    if spec.count:
        return partition(site, spec.count)[spec.index - 1]
    unknown = [slug for slug in spec.orgs if slug not in site.orgs]
    if unknown:
        raise ValueError(f"shard: no organisation {', '.join(unknown)} under plans/")
    provinces = {str(c.org.province or ""): c.slug for c in site.sorted_orgs()}
    missing = [p for p in spec.provinces if p not in provinces]
    if missing:
        raise ValueError(f"shard: no organisation in province {', '.join(missing)} "
                         f"(provinces: {', '.join(sorted(provinces))})")
    chosen = set(spec.orgs) | {c.slug for c in site.sorted_orgs() if str(c.org.province or "") in spec.provinces}
    return sorted(chosen)


def tree_hash(paths: Iterable[Path]) -> str:
    """SHA-256 over every file (relative path and bytes) under the given files and folders (not ``__pycache__``)."""
    digest = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if root.is_dir() else []
        digest.update(f"\0root\0{root.name}\0".encode())
        for path in files:
            digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def org_of_path(path: str, prefixes: Iterable[str]) -> Optional[str]:
    """The organisation a site path belongs to (``en/orgs/suso/feed.xml`` → suso), None when site-wide."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        if prefix and path.startswith(prefix):
            path = path[len(prefix):]
            break
    match = _ORG_PATH.match(path)
    return match.group(1) if match else None


@dataclass
class ShardManifest:
    """What a shard records for the merge; ``fingerprint`` must be equal across the shards of one site."""

    fingerprint: dict[str, Any]
    label: str
    orgs: list[str]
    all_orgs: list[str]
    site_wide: bool
    placeholders: list[str] = field(default_factory=list)  # site paths rendered empty: not this shard's
    format: int = FORMAT

    @classmethod
    def fingerprint_of(cls, *, config_file: Path, trees: list[Path], site_url: str, audience: str,
                       lastmod: str, languages: list[str]) -> dict[str, Any]:
        return {"kmsite": __version__, "kmsite_code": tree_hash([Path(__file__).resolve().parent]),
                "config": tree_hash([config_file]), "content": tree_hash(trees),
                "site_url": site_url, "audience": audience, "lastmod": lastmod, "languages": languages}

    @classmethod
    def read(cls, shard_dir: Path) -> ShardManifest:
        data = read_json(shard_dir / SHARD_DIR / "manifest.json")
        if data.get("format") != FORMAT:
            raise ValueError(f"{shard_dir}: shard format {data.get('format')}, this kmsite reads {FORMAT}: "
                             "build every shard with the same kmsite")
        return cls(**data)


def join_language_manifests(shard_dir: Path) -> None:
    """One ``manifest.json`` from the ``manifest.<lang>.json`` that each language's build wrote (kmsite build
    builds each language in its own process: each knows its own placeholders). The parts are removed."""
    folder = shard_dir / SHARD_DIR
    parts = sorted(folder.glob("manifest.*.json"))
    if not parts:
        return
    joined: dict[str, Any] | None = None
    for part in parts:
        data = read_json(part)
        if joined is None:
            joined = data
        else:
            rest = {k: v for k, v in data.items() if k != "placeholders"}
            if rest != {k: v for k, v in joined.items() if k != "placeholders"}:
                raise ValueError(f"{part}: this language's build made another shard than {parts[0].name}")
            joined["placeholders"] = sorted(set(joined["placeholders"]) | set(data["placeholders"]))
    write_json(folder / "manifest.json", joined)
    for part in parts:
        part.unlink()


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def search_payload(pages: list[IndexPage], **meta: Any) -> dict[str, Any]:
    """A language's search documents and what ``build_index`` needs besides them, as JSON data."""
    return {"pages": [asdict(p) for p in pages], **meta}


def pages_of_payload(payload: dict[str, Any]) -> list[IndexPage]:
    return [IndexPage(p["url"], p["title"], p["kind"], p["org"], [Section(**s) for s in p["sections"]])
            for p in payload["pages"]]


def write_index_files(folder: Path, files: dict[str, str], *, lang: str, offline: bool) -> None:
    """Write one language's search index files (what ``build_index`` returns) under ``folder``, and their
    ``.js`` twins for ``file://`` when ``offline``."""
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if offline:
            key = f"{lang}/{rel[:-len('.json')]}"
            path.with_suffix(".js").write_text(js_twin(key, text), encoding="utf-8")


def sitemap_payload(entries: Iterable[SitemapEntry]) -> list[dict[str, Any]]:
    return [asdict(e) for e in entries]


def entries_of_payload(data: list[dict[str, Any]]) -> list[SitemapEntry]:
    return [SitemapEntry(e["loc"], dict(e["alternates"])) for e in data]
