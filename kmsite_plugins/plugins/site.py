"""The ``kmsite`` MkDocs plugin: load ``plans/`` once, generate every page per language."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import quote
from typing import Optional

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..loader import ContentError, Problems, Severity, load_site
from ..model import SiteModel
from ..model.audience import for_audience
from ..outputs import OutputContext, build_outputs
from ..pages import PageSpec, build_pages
from ..pages.banner import with_internal_banner
from ..pages.spec import file_url, source_uri
from ..render import Renderer
from ..sanitize import BodySanitizer
from ..sitemap import SitemapEntry, write_sitemap
from .languages import Languages, languages

log = get_plugin_logger(__name__)
HOME_MARKER = "<!-- kmsite:home -->"


class KmSiteConfig(Config):
    content_dir = c.Type(str, default="plans")
    audience = c.Choice(("public", "internal"), default="public")
    digits = c.Choice(("thai", "arabic"), default="thai")  # digits of numbers on Thai pages
    sanitize = c.Type(bool, default=False)  # Markdown bodies cleaned with nh3 (portals of many organisations)


class _Alternate:
    """What static-i18n's language switcher reads of a page in another language."""

    def __init__(self, url: str):
        self.url = url


class KmSitePlugin(BasePlugin[KmSiteConfig]):
    """Wires the loader and the page renderer into MkDocs; holds no content logic."""

    def __init__(self) -> None:
        self.site: Optional[SiteModel] = None
        self.pages: list[PageSpec] = []
        self._loaded_for: Optional[str] = None
        self._sitemap: dict[str, SitemapEntry] = {}
        self._renderer: Optional[Renderer] = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material's offline plugin (listed before us) adds an iframe-worker shim from unpkg.com: a
        # third-party request, and useless offline. kmsite's search runs in the page from file://.
        polyfills = config.extra.get("polyfills")
        if polyfills:
            config.extra["polyfills"] = [url for url in polyfills if "unpkg.com/iframe-worker" not in url]
        # Load once per build; static-i18n re-runs the build per language on the same config.
        root = Path(config.config_file_path or ".").parent
        content_dir = (root / self.config.content_dir).resolve()
        if self._loaded_for != str(content_dir) or self.site is None:
            # Internal content is removed from the model here, before any page or file is made.
            self.site = for_audience(self._load(content_dir), self.config.audience)
            self.pages = build_pages(self.site)
            self._loaded_for = str(content_dir)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._loaded_for = None  # `mkdocs serve`: reload content on every rebuild

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if languages(config).current == languages(config).default:
            self._sitemap = {}

    def on_page_context(self, context, page, config, nav):  # type: ignore[no-untyped-def]
        """Remember every page and its twins in other languages for sitemap.xml."""
        site_url = self._site_url(config)
        if site_url and page.canonical_url:
            alternates = getattr(page.file, "alternates", None) or {}
            hrefs = {lang: site_url + (alt.url if alt.url != "./" else "") for lang, alt in alternates.items()}
            self._sitemap[page.canonical_url] = SitemapEntry(page.canonical_url, hrefs)
        return context

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        """Hand-written pages may ask for a generated block: ``<!-- kmsite:home -->``."""
        if HOME_MARKER not in markdown or self._renderer is None:
            return markdown
        langs = languages(config)
        folder = posixpath.dirname(page.file.dest_uri)  # "" (Thai home), "en", "about", ... in both URL styles
        url = folder + "/" if folder else ""
        url = url.removeprefix(langs.prefix(langs.current))  # relative to the language tree, as generated pages are
        spec = PageSpec(source_uri(url), "home", "home.md.j2", {"site": self.site})
        return markdown.replace(HOME_MARKER, self._renderer.render(spec))

    def on_post_build(self, config: MkDocsConfig) -> None:
        langs = languages(config)
        if self._sitemap and langs.current == langs.all[-1]:  # every language is built by now
            write_sitemap(Path(config.site_dir), list(self._sitemap.values()))

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
        langs = languages(config)
        renderer = Renderer(langs.current, langs.default, langs.all, self.config.audience,
                            self._override_dir(config), self.config.digits,
                            directory_urls=config.use_directory_urls, site_url=self._site_url(config),
                            body_html=BodySanitizer(config.markdown_extensions, config.mdx_configs)
                            if self.config.sanitize else None)
        self._renderer = renderer
        for spec in self.pages:
            files.append(self._generate(spec, renderer, langs, config))
        assert self.site is not None
        ctx = OutputContext(self._site_url(config), langs.current, langs.default, langs.all,
                            self.config.audience, self.config.digits, config.use_directory_urls)
        try:
            outputs = build_outputs(self.site, ctx)
        except ValueError as exc:  # e.g. a QR code asked for without site_url
            raise PluginError(str(exc)) from None
        for out in outputs:
            files.append(File.generated(config, out.path, content=out.content, inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        # Every page of an internal build says so, so that nobody publishes one by mistake.
        if self.config.audience == "internal" and self._renderer is not None:
            return with_internal_banner(output, self._renderer)
        return output

    @staticmethod
    def _site_url(config: MkDocsConfig) -> Optional[str]:
        url = config.site_url
        return (url if url.endswith("/") else url + "/") if url else None

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
        file.alternates = {lang: _Alternate(quote(file_url(langs.prefix(lang) + spec.url, config.use_directory_urls)))
                           for lang in langs.all}
        file.locale = file.locale_alternate_of = langs.current
        return file
