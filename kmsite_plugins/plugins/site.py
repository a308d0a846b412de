"""The ``kmsite`` MkDocs plugin: load ``plans/`` once per build, generate every page per language.

State is per build: MkDocs keeps one plugin instance across ``mkdocs serve`` rebuilds, and each
rebuild reads a fresh config, so the content is loaded again whenever the config object changes.
static-i18n re-runs the build once per extra language on the same config object: those runs
share the loaded site. Under ``mkdocs serve`` content errors become a page (preview.py), and
``only_orgs`` builds a selection of organisations (``kmsite serve --org``). The ``shard_*`` options
(``kmsite build --shard``) load the whole tree but render one shard's organisations (shards.py).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Optional
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..compress import compress_site
from ..html_blocks import HtmlBlocks
from ..loader import ContentError, Problems, Severity, find_plans_dir, load_site
from ..model import SiteModel
from ..model.audience import for_audience
from ..outputs import OutputFile, build_outputs
from ..pages import PageSpec, build_pages
from ..pages.spec import source_uri
from ..render import Renderer
from ..sanitize import BodySanitizer
from ..shards import (
    SHARD_DIR,
    ShardManifest,
    ShardSpec,
    join_language_manifests,
    org_of_path,
    select_orgs,
    sitemap_payload,
    write_json,
)
from ..sitemap import SitemapEntry, feed_sections, write_sitemap
from ..views.context import BuildContext, Digits, build_date, checked_site_url
from ..views.home import HomeView, home_view
from ..views.parts import DEFAULT_ENTRY_BUDGET, DEFAULT_LIST_LIMIT
from ..views.urls import file_url
from .fragments import FragmentCache
from .languages import Languages, languages
from .preview import Preview, only_orgs
from .spill import Spill
from .template_cache import THEME_TEMPLATES, renderer_cache
from .theme_labels import ThemeLabels

log = get_plugin_logger(__name__)
HOME_MARKER = "<!-- kmsite:home -->"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
FONT_DIR = "assets/fonts/sarabun"  # Sarabun web fonts shipped in the package (scripts/update_fonts.py)
FONT_CSS = f"{FONT_DIR}/sarabun.css"
BANNER_CLASS = "kms-internal-banner"  # the internal banner's element; every page of an internal build has it


class KmSiteConfig(Config):
    content_dir = c.Type(str, default="plans")
    audience = c.Choice(("public", "internal"), default="public")
    digits = c.Choice(("thai", "arabic"), default="thai")  # digits of numbers on Thai pages
    # Build only these organisations (an author's preview); under serve, empty: KMSITE_ONLY_ORGS, else all
    only_orgs = c.ListOfItems(c.Type(str), default=[])
    compress = c.Type(bool, default=False)  # .gz and .br beside every text file (kmsite build --compress)
    sanitize = c.Type(bool, default=False)  # Markdown bodies cleaned with nh3 (portals of many organisations)
    # Template-made HTML blocks of generated pages go to the HTML as they are, not parsed again (html_blocks.py)
    html_blocks = c.Type(bool, default=True)
    # Site-wide lists (directory, knowledge, map, people, who knows what) of more organisations are split
    # by province, and the home page and open data stay bounded (views/parts.py)
    list_limit = c.Type(int, default=DEFAULT_LIST_LIMIT)
    list_entries = c.Type(int, default=DEFAULT_ENTRY_BUDGET)  # people, positions, topics, assets, notices a page
    # A shard of a sharded build (kmsite build --shard I/N | --orgs | --province; kmsite merge joins them)
    shard_index = c.Type(int, default=0)
    shard_count = c.Type(int, default=0)
    shard_orgs = c.ListOfItems(c.Type(str), default=[])
    shard_provinces = c.ListOfItems(c.Type(str), default=[])
    shard_site_wide = c.Optional(c.Type(bool))  # default: shard 1 of N renders the site-wide pages


@dataclass
class _Shard:
    """The part of the site this shard renders, and what it leaves to other shards."""

    manifest: ShardManifest
    org_of: dict[str, Optional[str]]  # generated page source URI -> its organisation (None: site-wide)

    def owns_org(self, org: Optional[str]) -> bool:
        return org in self.manifest.orgs if org else self.manifest.site_wide

    def owns(self, src_uri: str) -> bool:
        """Whether a page is this shard's: its organisation's, or site-wide or hand-written in the site-wide shard."""
        return self.owns_org(self.org_of.get(src_uri))


class _Alternate:
    """What static-i18n's language switcher reads of a page in another language."""

    def __init__(self, url: str):
        self.url = url


@dataclass
class _Build:
    """What one build (every language of it) shares: the config it is for, the site, its pages."""

    config: MkDocsConfig
    ctx: BuildContext
    site: SiteModel
    pages: list[PageSpec]
    home: HomeView
    sitemap: dict[str, SitemapEntry] = field(default_factory=dict)
    renderer: Optional[Renderer] = None  # the language being built
    shard: Optional[_Shard] = None


class KmSitePlugin(BasePlugin[KmSiteConfig]):
    """Wires the loader and the page renderer into MkDocs; holds no content logic."""

    def __init__(self) -> None:
        self._build: Optional[_Build] = None
        self.preview = Preview()
        # (content dir, site, problems) read by ``preload`` before kmsite build forks a process per language
        self._preloaded: Optional[tuple[Path, SiteModel, Problems]] = None
        self._spill: Optional[Spill] = None  # generated files and parked page HTML of the build running

    def _spill_now(self) -> Spill:
        if self._spill is None:
            self._spill = Spill()
        return self._spill

    def _drop_spill(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview.serving = command == "serve"

    def on_shutdown(self) -> None:
        self._drop_spill()

    def on_build_error(self, *, error: Exception) -> None:
        self._drop_spill()

    @property
    def site(self) -> Optional[SiteModel]:
        """The site model of the current build (None before the first)."""
        return self._build.site if self._build else None

    @property
    def pages(self) -> list[PageSpec]:
        """The generated pages of the current build (the search plugin reads their kinds)."""
        return self._build.pages if self._build else []

    def owns(self, src_uri: str) -> bool:
        """Whether this build publishes the page's search document and sitemap entry (not so: another shard's)."""
        shard = self._build.shard if self._build else None
        return shard is None or shard.owns(src_uri)

    @property
    def sharded(self) -> bool:
        return self._build is not None and self._build.shard is not None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if FONT_CSS not in config.extra_css:  # first: the font stacks of every stylesheet name Sarabun
            config.extra_css.insert(0, FONT_CSS)
        # Material's offline plugin (listed before us) adds an iframe-worker shim from unpkg.com: a
        # third-party request, and useless offline. kmsite's search runs in the page from file://.
        polyfills = config.extra.get("polyfills")
        if polyfills:
            config.extra["polyfills"] = [url for url in polyfills if "unpkg.com/iframe-worker" not in url]
        if self.config.html_blocks and not any(isinstance(ext, HtmlBlocks) for ext in config.markdown_extensions):
            config.markdown_extensions.append(HtmlBlocks())
        if self._build is not None and self._build.config is config:
            return config  # static-i18n's run of another language: same build
        self._drop_spill()
        content_dir = self._content_dir(config)
        # `mkdocs serve` rebuilds when the content changes, not only docs/
        for folder in self._watched(content_dir):
            if folder not in config.watch:
                config.watch.append(folder)
        ctx = self._context(config)
        site, problems = self._load(content_dir, languages(config))
        # Internal content is removed from the model here, before any page or file is made.
        site = for_audience(site, self.config.audience)
        # serve mode: the last good pages' URLs, below
        pages = [] if problems.errors else build_pages(site, ctx.list_limit, max(1, self.config.list_entries))
        self.preview.loaded(problems, [spec.uri for spec in pages])
        self._build = _Build(config, ctx, site, pages, home_view(site, ctx.today, ctx.list_limit))
        self._build.shard = self._shard(config, site, pages, content_dir)
        return config

    def _shard(self, config: MkDocsConfig, site: SiteModel, pages: list[PageSpec],
               content_dir: Path) -> Optional[_Shard]:
        cfg = self.config
        if not (cfg.shard_count or cfg.shard_orgs or cfg.shard_provinces):
            return None
        if cfg.only_orgs or self.preview.serving:
            raise PluginError("kmsite: a shard is a part of the published site: not with only_orgs or serve")
        spec = ShardSpec(cfg.shard_index, cfg.shard_count, tuple(cfg.shard_orgs), tuple(cfg.shard_provinces),
                         cfg.shard_site_wide)
        try:
            orgs = select_orgs(site, spec)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        custom = config.theme.custom_dir
        trees = [content_dir, Path(config.docs_dir)] + ([Path(custom)] if custom else [])
        options = {k: v for k, v in cfg.items() if not k.startswith("shard_")}
        fingerprint = ShardManifest.fingerprint_of(
            config_file=Path(config.config_file_path or "mkdocs.yml"), trees=trees,
            site_url=config.site_url or "", audience=cfg.audience, lastmod=build_date().isoformat(),
            languages=list(languages(config).all))
        fingerprint["plugin"] = {k: options[k] for k in sorted(options)}
        manifest = ShardManifest(fingerprint, spec.label, orgs, sorted(site.orgs), spec.renders_site_wide)
        log.info(f"shard {spec.label}: {len(orgs)} of {len(site.orgs)} organisation(s)"
                 + (" and the site-wide pages" if manifest.site_wide else ""))
        return _Shard(manifest, {p.uri: getattr(p.context.get("content"), "slug", None) for p in pages})

    def _context(self, config: MkDocsConfig) -> BuildContext:
        langs = languages(config)
        try:
            site_url = checked_site_url(config.site_url)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        audience: Literal["public", "internal"] = "internal" if self.config.audience == "internal" else "public"
        digits: Digits = "arabic" if self.config.digits == "arabic" else "thai"
        return BuildContext(site_url, langs.default, langs.default, langs.all, audience, digits,
                            config.use_directory_urls, build_date(), max(1, self.config.list_limit))

    @event_priority(100)  # first: every other plugin and the theme see the page's HTML, taken back from the spill
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Take the page's HTML back; remember every page and its twins in other languages for sitemap.xml."""
        parked = self._spill.take(id(page)) if self._spill is not None else None
        if parked is not None:
            page.content = parked
        build = self._current()
        site_url = build.ctx.site_url
        if site_url and page.canonical_url and self.owns(page.file.src_uri):
            alternates = getattr(page.file, "alternates", None) or {}
            hrefs = {lang: site_url + (alt.url if alt.url != "./" else "") for lang, alt in alternates.items()}
            build.sitemap[page.canonical_url] = SitemapEntry(page.canonical_url, hrefs)
        return context

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages may ask for a generated block: ``<!-- kmsite:home -->``."""
        build = self._current()
        if HOME_MARKER not in markdown or build.renderer is None or self.preview.broken:
            return markdown
        langs = languages(config)
        folder = posixpath.dirname(page.file.dest_uri)  # "" (Thai home), "en", "about", ... in both URL styles
        url = folder + "/" if folder else ""
        url = url.removeprefix(langs.prefix(langs.current))  # relative to the language tree, as generated pages are
        spec = PageSpec(source_uri(url), "home", "home.md.j2", {"site": build.site, "home": build.home})
        return markdown.replace(HOME_MARKER, build.renderer.render(spec))

    @property
    def sitemap_entries(self) -> list[SitemapEntry]:
        """The pages seen so far in this build, with their twins in other languages (for sitemap.xml)."""
        return list(self._build.sitemap.values()) if self._build else []

    def on_post_build(self, config: MkDocsConfig) -> None:
        langs = languages(config)
        build = self._build
        if build is not None and build.shard is not None:  # joined into manifest.json by finish()
            write_json(Path(config.site_dir) / SHARD_DIR / f"manifest.{langs.current}.json",
                       {**build.shard.manifest.__dict__})
        if langs.alone or langs.current != langs.all[-1]:
            return  # every language is built only after the last one (or, apart: kmsite build finishes)
        self.finish(config, self.sitemap_entries)

    def _shard_requested(self) -> bool:
        return bool(self.config.shard_count or self.config.shard_orgs or self.config.shard_provinces)

    def finish(self, config: MkDocsConfig, entries: list[SitemapEntry]) -> None:
        """What follows every language's pages: the sitemaps, then the compressed copies."""
        site_dir = Path(config.site_dir)
        if self._shard_requested():  # kmsite merge writes the sitemap and compresses
            for name in ("sitemap.xml", "sitemap.xml.gz"):  # MkDocs' own, of this shard's pages only
                (site_dir / name).unlink(missing_ok=True)
            write_json(site_dir / SHARD_DIR / "sitemap.json", sitemap_payload(entries))
            try:
                join_language_manifests(site_dir)
            except ValueError as exc:
                raise PluginError(f"kmsite: {exc}") from None
            return
        site_url = checked_site_url(config.site_url) if config.site_url else None
        if entries and site_url:
            # Material fetches sitemap.xml beside each feed that a page announces with <link rel="alternate">
            write_sitemap(site_dir, entries, site_url, lastmod=build_date(), sections=feed_sections(site_dir))
        if self.config.compress:
            report = compress_site(site_dir)
            log.info(f"compressed {report.files} files: {report.original_bytes} bytes, "
                     f"gzip {report.gzip_bytes}, brotli {report.brotli_bytes}")

    def _current(self) -> _Build:
        if self._build is None:
            raise PluginError("kmsite: an event before on_config")
        return self._build

    def _content_dir(self, config: MkDocsConfig) -> Path:
        return (Path(config.config_file_path or ".").parent / self.config.content_dir).resolve()

    def _watched(self, content_dir: Path) -> list[str]:
        """What ``mkdocs serve`` watches for content edits: the content folder, or, when only some
        organisations are built, just their folders. MkDocs polls what it watches every half second:
        a 1,000-organisation tree is some 20,000 files to stat each time, which kept a core busy and
        delayed every reload. A selected folder not there yet: the whole content folder, to see it come."""
        only = only_orgs(self.config.only_orgs, from_env=self.preview.serving)
        plans = find_plans_dir(content_dir.parent if content_dir.name == "plans" else content_dir)
        folders = {p.name for p in plans.iterdir() if p.is_dir()} if only and plans.is_dir() else set()
        if only and set(only) <= folders:
            return [str(plans / slug) for slug in only]
        return [str(content_dir)]

    def preload(self, config: MkDocsConfig) -> None:
        """Read the content now, for the builds of ``config`` in processes forked after this (kmsite build)."""
        content_dir = self._content_dir(config)
        site, problems = load_site(content_dir.parent if content_dir.name == "plans" else content_dir,
                                   only_orgs(self.config.only_orgs, from_env=False))
        self._preloaded = (content_dir, site, problems)

    def preload_done(self) -> None:
        """Drop the preloaded content (the builds that share it are over)."""
        self._preloaded = None

    def _load(self, content_dir: Path, langs: Languages) -> tuple[SiteModel, Problems]:
        """The content, its problems printed; errors stop a build, and under serve become the error page.

        Built apart, each language's process reads the content preloaded before the fork; the default
        language's process prints the problems (so that ``--strict`` counts its warnings), once.
        """
        only = only_orgs(self.config.only_orgs, from_env=self.preview.serving)
        quiet = langs.alone and langs.current != langs.default
        if only and not self.preview.serving and not quiet:
            log.warning(f"only_orgs: building {len(only)} organisation(s) of the tree ({', '.join(only)}); "
                        "the site-wide pages list only them: not a site to publish")
        preloaded, self._preloaded = self._preloaded, None
        if preloaded is not None and preloaded[0] == content_dir and not self.preview.serving:
            site, problems = preloaded[1], preloaded[2]
        else:
            site, problems = load_site(content_dir.parent if content_dir.name == "plans" else content_dir, only)
        if not quiet:
            self._report(problems)
        if problems.errors and not self.preview.serving:
            raise PluginError(str(ContentError(problems)))
        return site, problems

    @staticmethod
    def _report(problems: Problems) -> None:
        for problem in problems.sorted():
            if problem.severity is Severity.NOTE:
                log.info(problem.format())
            elif problem.severity is Severity.WARNING:
                log.warning(problem.format())
        for problem in problems.errors:
            log.error(problem.format())

    # After static-i18n (-100) so that only the language being built is generated.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self._current()
        langs = languages(config)
        ctx = build.ctx.for_lang(langs.current)
        sanitizer = BodySanitizer(config.markdown_extensions, config.mdx_configs) if self.config.sanitize else None
        renderer = build.renderer = Renderer(ctx, self._override_dir(config), sanitizer, self.config.html_blocks)
        # compiled once per process, not per language and build (the key: everything the filters may read)
        renderer.env.bytecode_cache = renderer_cache(ctx, self._override_dir(config))
        if self.preview.broken:  # serve mode: keep the last good pages' URLs; every page shows the problems
            for uri in self.preview.stub_uris():
                files.append(self._generated(uri, "", langs, config))
            return files
        shard = build.shard
        for spec in build.pages:
            if shard is None or shard.owns(spec.uri):
                files.append(self._generate(spec, renderer, langs, config))
            elif shard.org_of.get(spec.uri) is None:  # site-wide, another shard's: empty, so that the nav finds it
                file = self._generated(spec.uri, "", langs, config)
                shard.manifest.placeholders.append(file.dest_uri)
                files.append(file)
        if langs.current == langs.default:  # shared files live once, at the site root
            for font in sorted((PACKAGE_DIR / FONT_DIR).iterdir()):
                files.append(File(f"{FONT_DIR}/{font.name}", str(PACKAGE_DIR), config.site_dir,
                                  config.use_directory_urls))
        try:
            outputs = self._outputs(build, ctx, [langs.prefix(lang) for lang in langs.all])
        except ValueError as exc:  # e.g. a QR code asked for without site_url
            raise PluginError(str(exc)) from None
        spill = self._spill_now()
        for out in outputs:  # on disk, not held until the build ends (spill.py)
            files.append(spill.file(config, out.path, renderer.render_file(out)))
        return files

    @staticmethod
    def _outputs(build: _Build, ctx: BuildContext, prefixes: list[str]) -> list[OutputFile]:
        """The output files of this build; a shard's: its organisations' files, made from them alone (an
        organisation's files depend on it only), and the site-wide files in the site-wide shard."""
        shard = build.shard
        if shard is None:
            return build_outputs(build.site, ctx)
        mine = replace(build.site, orgs={slug: build.site.orgs[slug] for slug in shard.manifest.orgs})
        outputs = [out for out in build_outputs(mine, ctx) if org_of_path(out.path, prefixes) is not None]
        if shard.manifest.site_wide:
            outputs += [out for out in build_outputs(build.site, ctx) if org_of_path(out.path, prefixes) is None]
        return outputs

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """An internal build's banner, for the theme's ``announce`` block (overrides/main.html); each language's
        home for the language switcher of 404.html (which has no page)."""
        env.bytecode_cache = THEME_TEMPLATES  # MkDocs makes a theme environment per build: compile its templates once
        # overrides/: parts of the theme rendered once per place (fragments.py), which also link to these files
        assets = ["assets/", *config.extra_css, *(str(script) for script in config.extra_javascript)]
        env.globals["kmsite_fragment"] = FragmentCache(assets).global_function()
        env.globals["kmsite_label"] = ThemeLabels(env, config.theme["language"])  # overrides/partials/language.html
        build = self._current()
        langs = languages(config)
        base = urlsplit(build.ctx.site_url or "/").path
        env.globals["kmsite_language_roots"] = {lang: base + langs.prefix(lang) for lang in langs.all}
        if build.ctx.audience == "internal" and build.renderer is not None:
            html = build.renderer.env.get_template("partials/internal_banner.html.j2").render()
            env.globals["kmsite_internal_banner"] = Markup(html)
        return env

    # MkDocs holds every page of a language, source and HTML, until its build ends (it converts all of them
    # before writing any): at national scale that is gigabytes. A generated page's source lives in the spill
    # (``_generated``); a page's Markdown is let go once it is HTML, and its HTML waits in the spill until
    # the page is written (``on_page_context`` takes it back), then is let go (the search plugin, listed
    # before this one, has read it); its title, anchors and links stay (set by the render). Empty strings,
    # not None: None means "not read yet".
    @event_priority(-100)  # after every plugin that reads the Markdown or the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.markdown = ""
        self._spill_now().park(id(page), html)
        return ""

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.preview.broken:
            return self.preview.page(self._current().ctx.for_lang(languages(config).current))
        # Every page of an internal build says so, so that nobody publishes one by mistake.
        if self._current().ctx.audience == "internal" and BANNER_CLASS not in output:
            raise PluginError(f"{page.file.src_uri}: an internal build shows its banner on every page, but the "
                              "theme has no 'kmsite_internal_banner' in its announce block (see overrides/main.html)")
        page.content = ""
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.preview.broken and template_name == "404.html":
            return self.preview.page(self._current().ctx.for_lang(languages(config).current))
        return output_content

    @staticmethod
    def _override_dir(config: MkDocsConfig) -> Optional[Path]:
        custom = config.theme.custom_dir
        return Path(custom) / "kmsite" if custom else None

    def _generate(self, spec: PageSpec, renderer: Renderer, langs: Languages, config: MkDocsConfig) -> File:
        return self._generated(spec.uri, renderer.render(spec), langs, config)

    def _generated(self, uri: str, content: str, langs: Languages, config: MkDocsConfig) -> File:
        file = self._spill_now().file(config, uri, content)  # on disk, not held until the build ends (spill.py)
        file.dest_uri = langs.prefix(langs.current) + file.dest_uri
        # Tell static-i18n where this page lives in every language (language switcher, sitemap).
        # percent-encoded like MkDocs' own File.url (Thai tag slugs)
        url = PageSpec(uri, "", "").url
        alternates = {lang: _Alternate(quote(file_url(langs.prefix(lang) + url, config.use_directory_urls)))
                      for lang in langs.all}
        # static-i18n reads these attributes of its own on every File
        setattr(file, "alternates", alternates)  # noqa: B010
        setattr(file, "locale", langs.current)  # noqa: B010
        setattr(file, "locale_alternate_of", langs.current)  # noqa: B010
        return file

