"""The ``kmsite`` MkDocs plugin: load ``plans/`` once, generate every page per language."""

from __future__ import annotations

from pathlib import Path
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
from ..render import Renderer
from .languages import Languages, languages

log = get_plugin_logger(__name__)


class KmSiteConfig(Config):
    content_dir = c.Type(str, default="plans")
    audience = c.Choice(("public", "internal"), default="public")
    digits = c.Choice(("thai", "arabic"), default="thai")  # digits of numbers on Thai pages


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

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
                            self._override_dir(config), self.config.digits)
        for spec in self.pages:
            files.append(self._generate(spec, renderer, langs, config))
        assert self.site is not None
        ctx = OutputContext(self._site_url(config), langs.current, langs.default, langs.all,
                            self.config.audience, self.config.digits)
        try:
            outputs = build_outputs(self.site, ctx)
        except ValueError as exc:  # e.g. a QR code asked for without site_url
            raise PluginError(str(exc)) from None
        for out in outputs:
            files.append(File.generated(config, out.path, content=out.content, inclusion=InclusionLevel.NOT_IN_NAV))
        return files

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
        file.alternates = {lang: _Alternate(langs.prefix(lang) + spec.url) for lang in langs.all}
        file.locale = file.locale_alternate_of = langs.current
        return file
