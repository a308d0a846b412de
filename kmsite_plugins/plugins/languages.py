"""Which languages the build makes, read from mkdocs-static-i18n's public config."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]
    current: str

    def prefix(self, lang: str) -> str:
        """URL prefix of a language tree: '' for the default, 'en/' for English."""
        return "" if lang == self.default else f"{lang}/"


def languages(config: MkDocsConfig) -> Languages:
    """Languages of this build; without static-i18n, the theme language only."""
    theme_lang = config.theme.get("language") or "th"
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return Languages(theme_lang, (theme_lang,), theme_lang)
    langs = [lang for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in langs if lang.default), langs[0].locale)
    current = getattr(i18n, "current_language", None) or default
    return Languages(default, tuple(lang.locale for lang in langs), current)
