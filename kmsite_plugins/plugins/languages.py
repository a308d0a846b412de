"""Which languages the build makes, read from mkdocs-static-i18n's public config."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

# Set on static-i18n's plugin by ``build_alone``: this process builds that one language (kmsite build).
_ALONE = "kmsite_alone"


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]
    current: str
    alone: bool = False  # only ``current`` is built in this process; another process builds the others

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
    return Languages(default, tuple(lang.locale for lang in langs), current, bool(getattr(i18n, _ALONE, False)))


def build_alone(config: MkDocsConfig, lang: str) -> None:
    """Make the next build of ``config`` build ``lang`` only (each language in its own process).

    static-i18n starts with ``current_language`` when it is set, and builds the other languages
    from its ``on_post_build`` unless a build of its own is under way (``building``): both are
    set here, before the build, so that it builds this one language, with every language's
    switcher links and alternates as in its sequential build.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise ValueError("build_alone: the config has no i18n plugin")
    if lang not in languages(config).all:
        raise ValueError(f"build_alone: '{lang}' is not a language of this build")
    i18n.current_language = lang
    i18n.building = True
    setattr(i18n, _ALONE, True)
