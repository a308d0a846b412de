"""The ``kmsite`` MkDocs plugin: load ``plans/`` once per build, generate every page per language.

State is per build: MkDocs keeps one plugin instance across ``mkdocs serve`` rebuilds, and each
rebuild reads a fresh config, so the content is loaded again whenever the config object changes.
static-i18n re-runs the build once per extra language on the same config object: those runs
share the loaded site.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..loader import ContentError, Problems, Severity, load_site
from ..model import SiteModel
from ..model.audience import for_audience
from ..outputs import build_outputs
from ..pages import PageSpec, build_pages
from ..pages.spec import source_uri
from ..render import Renderer
from ..sanitize import BodySanitizer
from ..sitemap import SitemapEntry, write_sitemap
from ..views.context import BuildContext, Digits, build_date, checked_site_url
from ..views.home import HomeView, home_view
from ..views.urls import file_url
from .languages import Languages, languages

log = get_plugin_logger(__name__)
HOME_MARKER = "<!-- kmsite:home -->"
BANNER_CLASS = "kms-internal-banner"  # the internal banner's element; every page of an internal build has it


class KmSiteConfig(Config):
    content_dir = c.Type(str, default="plans")
    audience = c.Choice(("public", "internal"), default="public")
    digits = c.Choice(("thai", "arabic"), default="thai")  # digits of numbers on Thai pages
    sanitize = c.Type(bool, default=False)  # Markdown bodies cleaned with nh3 (portals of many organisations)


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


class KmSitePlugin(BasePlugin[KmSiteConfig]):
    """Wires the loader and the page renderer into MkDocs; holds no content logic."""

    def __init__(self) -> None:
        self._build: Optional[_Build] = None

    @property
    def site(self) -> Optional[SiteModel]:
        """The site model of the current build (None before the first)."""
        return self._build.site if self._build else None

    @property
    def pages(self) -> list[PageSpec]:
        """The generated pages of the current build (the search plugin reads their kinds)."""
        return self._build.pages if self._build else []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material's offline plugin (listed before us) adds an iframe-worker shim from unpkg.com: a
        # third-party request, and useless offline. kmsite's search runs in the page from file://.
        polyfills = config.extra.get("polyfills")
        if polyfills:
            config.extra["polyfills"] = [url for url in polyfills if "unpkg.com/iframe-worker" not in url]
        if self._build is not None and self._build.config is config:
            return config  # static-i18n's run of another language: same build
        root = Path(config.config_file_path or ".").parent
        content_dir = (root / self.config.content_dir).resolve()
        # `mkdocs serve` rebuilds when the content changes, not only docs/
        if str(content_dir) not in config.watch:
            config.watch.append(str(content_dir))
        ctx = self._context(config)
        # Internal content is removed from the model here, before any page or file is made.
        site = for_audience(self._load(content_dir), self.config.audience)
        self._build = _Build(config, ctx, site, build_pages(site), home_view(site, ctx.today))
        return config

    def _context(self, config: MkDocsConfig) -> BuildContext:
        langs = languages(config)
        try:
            site_url = checked_site_url(config.site_url)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        audience: Literal["public", "internal"] = "internal" if self.config.audience == "internal" else "public"
        digits: Digits = "arabic" if self.config.digits == "arabic" else "thai"
        return BuildContext(site_url, langs.default, langs.default, langs.all, audience, digits,
                            config.use_directory_urls, build_date())

    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Remember every page and its twins in other languages for sitemap.xml."""
        build = self._current()
        site_url = build.ctx.site_url
        if site_url and page.canonical_url:
            alternates = getattr(page.file, "alternates", None) or {}
            hrefs = {lang: site_url + (alt.url if alt.url != "./" else "") for lang, alt in alternates.items()}
            build.sitemap[page.canonical_url] = SitemapEntry(page.canonical_url, hrefs)
        return context

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages may ask for a generated block: ``<!-- kmsite:home -->``."""
        build = self._current()
        if HOME_MARKER not in markdown or build.renderer is None:
            return markdown
        langs = languages(config)
        folder = posixpath.dirname(page.file.dest_uri)  # "" (Thai home), "en", "about", ... in both URL styles
        url = folder + "/" if folder else ""
        url = url.removeprefix(langs.prefix(langs.current))  # relative to the language tree, as generated pages are
        spec = PageSpec(source_uri(url), "home", "home.md.j2", {"site": build.site, "home": build.home})
        return markdown.replace(HOME_MARKER, build.renderer.render(spec))

    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self._current()
        langs = languages(config)
        if build.sitemap and langs.current == langs.all[-1]:  # every language is built by now
            write_sitemap(Path(config.site_dir), list(build.sitemap.values()))

    def _current(self) -> _Build:
        if self._build is None:
            raise PluginError("kmsite: an event before on_config")
        return self._build

    def _load(self, content_dir: Path) -> SiteModel:
        site, problems = load_site(content_dir.parent if content_dir.name == "plans" else content_dir)
        self._report(problems)
        return site

    @staticmethod
    def _report(problems: Problems) -> None:
        for problem in problems.sorted():
            if problem.severity is Severity.NOTE:
                log.info(problem.format())
            elif problem.severity is Severity.WARNING:
                log.warning(problem.format())
        if problems.errors:
            for problem in problems.errors:
                log.error(problem.format())
            raise PluginError(str(ContentError(problems)))

    # After static-i18n (-100) so that only the language being built is generated.
    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self._current()
        langs = languages(config)
        ctx = build.ctx.for_lang(langs.current)
        sanitizer = BodySanitizer(config.markdown_extensions, config.mdx_configs) if self.config.sanitize else None
        renderer = build.renderer = Renderer(ctx, self._override_dir(config), sanitizer)
        for spec in build.pages:
            files.append(self._generate(spec, renderer, langs, config))
        try:
            outputs = build_outputs(build.site, ctx)
        except ValueError as exc:  # e.g. a QR code asked for without site_url
            raise PluginError(str(exc)) from None
        for out in outputs:
            files.append(File.generated(config, out.path, content=renderer.render_file(out),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """An internal build's banner, for the theme's ``announce`` block (overrides/main.html)."""
        build = self._current()
        if build.ctx.audience == "internal" and build.renderer is not None:
            html = build.renderer.env.get_template("partials/internal_banner.html.j2").render()
            env.globals["kmsite_internal_banner"] = Markup(html)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Every page of an internal build says so, so that nobody publishes one by mistake.
        if self._current().ctx.audience == "internal" and BANNER_CLASS not in output:
            raise PluginError(f"{page.file.src_uri}: an internal build shows its banner on every page, but the "
                              "theme has no 'kmsite_internal_banner' in its announce block (see overrides/main.html)")
        return output

    @staticmethod
    def _override_dir(config: MkDocsConfig) -> Optional[Path]:
        custom = config.theme.custom_dir
        return Path(custom) / "kmsite" if custom else None

    @staticmethod
    def _generate(spec: PageSpec, renderer: Renderer, langs: Languages, config: MkDocsConfig) -> File:
        file = File.generated(config, spec.uri, content=renderer.render(spec), inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = langs.prefix(langs.current) + file.dest_uri
        # Tell static-i18n where this page lives in every language (language switcher, sitemap).
        # percent-encoded like MkDocs' own File.url (Thai tag slugs)
        alternates = {lang: _Alternate(quote(file_url(langs.prefix(lang) + spec.url, config.use_directory_urls)))
                      for lang in langs.all}
        # static-i18n reads these attributes of its own on every File
        setattr(file, "alternates", alternates)  # noqa: B010
        setattr(file, "locale", langs.current)  # noqa: B010
        setattr(file, "locale_alternate_of", langs.current)  # noqa: B010
        return file
