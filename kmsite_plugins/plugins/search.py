"""The ``kmsite-search`` MkDocs plugin: index what every page shows, per language, in small shards.

Pages are read after rendering (``on_post_page``), so hand-written and generated pages, in
every language, are indexed from the text a reader sees; their texts wait on disk (search/spill.py)
and the index is written file by file from them (``write_index``), so that a language's build does
not hold its whole text. static-i18n builds the other
languages from inside the default language's ``on_post_build``, so this plugin's
``on_post_build`` (after static-i18n's) runs twice: at the end of the nested build of the
last language, when every language has been seen, it writes the index of every language
(once); at the end of the outer build, after static-i18n has rewritten
``search/search_index.json`` (what Material's bundle fetches), it only replaces that file by
a small manifest again. Material's search plugin stays enabled (its search box needs it) but
indexes nothing. A shard of a sharded build (shards.py) writes its pages' documents to
``.kmsite-shard/search-<lang>.json`` instead, and ``kmsite merge`` builds the one index.
The browser side is ``overrides/assets/javascripts/kmsite-search.js``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from ..labels import load_labels
from ..search.extract import extract
from ..search.index import GRAM_SHARD_BYTES, PAGE_SHARD_BYTES, IndexPage, write_index
from ..search.spill import PageSpill
from ..shards import SHARD_DIR, search_payload, write_index_files, write_json
from .languages import languages

log = get_plugin_logger(__name__)

_ORG_URL = re.compile(r"^orgs/([^/]+)/")
_EXCLUDED_ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*")>')
UI_LABELS = ("search.scope", "search.scope_hint", "search.split")


class KmSearchConfig(Config):
    # Also write every index file as a .js script, for pages opened from file:// (no fetch there).
    # Default: when Material's offline plugin is enabled.
    offline = c.Optional(c.Type(bool))
    gram_shard_bytes = c.Type(int, default=GRAM_SHARD_BYTES)
    page_shard_bytes = c.Type(int, default=PAGE_SHARD_BYTES)


class KmSearchPlugin(BasePlugin[KmSearchConfig]):
    """Collects page texts during each language build (on disk: search/spill.py) and writes the sharded index
    at the end."""

    def __init__(self) -> None:
        self.collected: dict[str, PageSpill] = {}  # pages by language, until its index is written
        self.written: set[str] = set()  # languages whose index this build has written
        self.specs: dict[str, Any] = {}  # generated pages by source URI: their kind and organisation

    @event_priority(-50)  # after Material's search plugin has made its index
    def on_config(self, config: MkDocsConfig) -> None:
        """Keep Material's search plugin (its search box) but let it index nothing: this plugin's index replaces it."""
        material = config.plugins.get("material/search")
        index = getattr(material, "search_index", None)  # absent when that plugin is disabled
        if index is not None:
            index.add_entry_from_context = lambda page: None

    # static-i18n builds every language in its own pass: collections are reset per language here.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        langs = languages(config)
        if langs.current == langs.default:  # a new build (the default language comes first)
            self.written.clear()
        self._drop(langs.current)
        self.collected[langs.current] = PageSpill()
        self.specs = {spec.uri: spec for spec in getattr(self._kmsite(config), "pages", [])}

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        search_meta = page.meta.get("search") or {}
        if isinstance(search_meta, dict) and search_meta.get("exclude"):
            # Say so in the page too (Material's attribute for "not searchable"), for tools that check
            # search results against page texts, such as scripts/measure_search.py.
            return _EXCLUDED_ARTICLE.sub(r"\1 data-search-exclude>", output, count=1)
        kmsite = self._kmsite(config)
        if kmsite is not None and not kmsite.owns(page.file.src_uri):
            return output  # another shard's page (shards.py): that shard indexes it
        langs = languages(config)
        text = extract(output)
        kind, org = self._kind_and_org(page, config, langs.prefix(langs.current))
        spill = self.collected.get(langs.current)
        if spill is None:
            spill = self.collected[langs.current] = PageSpill()
        spill.add(IndexPage(page.url, text.title or (page.title or ""), kind, org, text.sections))
        return output

    def _drop(self, lang: str) -> None:
        spill = self.collected.pop(lang, None)
        if spill is not None:
            spill.close()

    def on_shutdown(self) -> None:
        for lang in list(self.collected):
            self._drop(lang)

    @staticmethod
    def _kmsite(config: MkDocsConfig) -> Any:
        return config.plugins.get("kmsite")

    def _kind_and_org(self, page: Page, config: MkDocsConfig, prefix: str) -> tuple[str, Optional[str]]:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            content = spec.context.get("content")
            return spec.kind, getattr(content, "slug", None)
        url = page.url[len(prefix):] if prefix and page.url.startswith(prefix) else page.url
        if url == "":  # the home page (hand-written, with the generated lists): split like a list page
            return "home", None
        match = _ORG_URL.match(url)
        site = getattr(self._kmsite(config), "site", None)
        org = match.group(1) if match and site is not None and match.group(1) in site.orgs else None
        return "page", org

    def _org_names(self, config: MkDocsConfig, lang: str) -> dict[str, str]:
        """Organisation names by slug: English where given on pages of another language than the default."""
        site = getattr(self._kmsite(config), "site", None)
        if site is None:
            return {}
        translated = lang != languages(config).default
        return {content.slug: (getattr(content.org, "name_en", None) if translated else None) or content.org.name
                for content in site.sorted_orgs()}

    def _org_aliases(self, config: MkDocsConfig) -> dict[str, list[str]]:
        """Every name a reader may type for an organisation (both languages, short name, parent, province)."""
        site = getattr(self._kmsite(config), "site", None)
        if site is None:
            return {}
        out: dict[str, list[str]] = {}
        for content in site.sorted_orgs():
            org = content.org
            parent = getattr(org, "parent", None)
            names = [org.name, org.name_en, org.short_name, org.province, org.province_en,
                     getattr(parent, "name", None), getattr(parent, "name_en", None)]
            out[content.slug] = list(dict.fromkeys(str(n) for n in names if n))
        return out

    @event_priority(-200)  # after static-i18n (-100) and Material's search and offline plugins
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        langs = languages(config)
        offline = self.config.offline
        if offline is None:
            plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
            offline = bool(plugin and plugin.config.get("enabled", True))
        site_dir = Path(config.site_dir)
        # every language seen (else one is still to be built), or this process builds one language alone
        if langs.alone or set(langs.all) <= set(self.collected):
            for lang in langs.all:
                if lang in self.collected and lang not in self.written:
                    self._write_index(config, lang, site_dir / "search" / lang, offline)
                    self.written.add(lang)
                    self._drop(lang)
        # Every time: static-i18n rewrites this file (Material's index) after the nested builds.
        root = {
            "config": {"lang": [langs.default], "separator": r"[\s\-]+", "pipeline": []},
            "docs": [],
            "kmsite": {"languages": {lang: langs.prefix(lang) for lang in langs.all},
                       "default": langs.default, "offline": offline},
        }
        text = json.dumps(root, ensure_ascii=False, separators=(",", ":"))
        (site_dir / "search").mkdir(parents=True, exist_ok=True)
        (site_dir / "search" / "search_index.json").write_text(text, encoding="utf-8")
        if offline:  # what Material's bundle loads from file:// (its offline plugin copied an outdated one)
            (site_dir / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")

    def _write_index(self, config: MkDocsConfig, lang: str, folder: Path, offline: bool) -> None:
        """Build and write the index files of one language tree; a shard writes its documents for the merge."""
        spill = self.collected[lang]
        options = self._index_options(config, lang, spill)
        if getattr(self._kmsite(config), "sharded", False):
            payload = search_payload(list(spill.pages()), lang=lang, offline=offline, **options)
            write_json(Path(config.site_dir) / SHARD_DIR / f"search-{lang}.json", payload)
            return
        # each file written as soon as it is made, from the documents read back one at a time
        write_index(spill.documents(), lambda rel, text: write_index_files(folder, {rel: text}, lang=lang,
                                                                           offline=offline),
                    lang=lang, **options)

    def _index_options(self, config: MkDocsConfig, lang: str, spill: PageSpill) -> dict[str, Any]:
        """What ``write_index`` needs besides the pages; an error for a page kind without a label."""
        labels = load_labels(lang)
        kind_labels = {}
        for kind in sorted(spill.kinds):
            key = f"search.kind.{kind}"
            if key not in labels:
                page = next(p for p in spill.pages() if p.kind == kind)
                raise PluginError(f"kmsite-search: page {page.url} is of kind '{page.kind}', which has no "
                                  f"label '{key}' in templates/labels/{lang}/search.yml")
            kind_labels[kind] = labels[key]
        return {"org_names": self._org_names(config, lang), "org_aliases": self._org_aliases(config),
                "kind_labels": kind_labels, "labels": {k: labels[k] for k in UI_LABELS},
                "gram_shard_bytes": self.config.gram_shard_bytes, "page_shard_bytes": self.config.page_shard_bytes}
