"""Render page specs to Markdown through Jinja templates, in one language.

Templates live in ``templates/`` of the package; a ``kmsite/`` folder in the
theme's ``custom_dir`` overrides any of them. Labels come from
``templates/labels/<lang>.yml``; a missing label is an error, not a silent key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import jinja2
from markupsafe import Markup, escape
from ruamel.yaml import YAML

from .pages import timeline as timelines, urls, views
from .pages.announcements import template_globals as announcement_globals
from .pages.knowledge import template_globals as knowledge_globals
from .pages.home import home_view
from .pages.spec import PageSpec, relative_url
from .thai.dates import MONTHS, format_month
from .thai.digits import to_thai

TEMPLATE_DIR = Path(str(resources.files("kmsite_plugins") / "templates"))
_BULLET = re.compile(r"^\s*[-•·]\s*")


@lru_cache(maxsize=None)
def load_labels(lang: str) -> dict[str, str]:
    """``labels/<lang>.yml`` plus every ``labels/<lang>/<area>.yml``; a key defined twice is an error."""
    paths = [TEMPLATE_DIR / "labels" / f"{lang}.yml", *sorted((TEMPLATE_DIR / "labels" / lang).glob("*.yml"))]
    labels: dict[str, str] = {}
    for path in paths:
        found = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        twice = sorted(set(labels).intersection(found))
        if twice:
            raise ValueError(f"{path}: labels defined in another file too: {', '.join(twice)}")
        labels.update(found)
    return labels


class MissingLabel(KeyError):
    pass


# Characters that are markup in HTML (escaped as MarkupSafe does) or start Markdown syntax that could carry
# markup: links and images ([ ]), attr_list attributes ({ }), backslash escapes, code spans, emphasis with
# '*', table cells ('|'). As character references they show as themselves in HTML text, attributes and
# Markdown alike, so an author's value never becomes a tag, a link or an attribute. ('_' and '#' are left:
# they sit in ids, URL fragments and enum codes, and at most format text, never make markup.)
_TEXT_ENTITIES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;",
                  **{ord(c): f"&#{ord(c)};" for c in "[]{}\\`*|"}}


def text(value: object) -> Markup:
    """Author text for a generated page (Markdown holding HTML): shown as written, never markup.

    Markup passes through: it was made by a template or by this function.
    """
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_TEXT_ENTITIES))


def _finalize(value: object) -> object:
    """Every ``{{ value }}`` of a template: plain strings become ``text``; numbers, Markup and the rest pass."""
    return text(value) if isinstance(value, str) else value


def cell_html(text_value: Optional[str]) -> Markup:
    """A table cell as written: lines starting with '-' become a list, other lines stay lines."""
    if not text_value:
        return Markup("")
    parts: list[str] = []
    items: list[str] = []
    for line in text_value.splitlines():
        if not line.strip():
            continue
        if _BULLET.match(line) and len(line.strip()) > 1:
            items.append(f"<li>{text(_BULLET.sub('', line))}</li>")
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        parts.append(f"<span class=\"kms-line\">{text(line.strip())}</span>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return Markup("".join(parts))


def yaml_string(value: object) -> Markup:
    """A YAML-safe quoted scalar for front matter, holding HTML text escaped once: Material and our partials
    print front-matter values (title, description) as they are into ``<title>``, the header and meta tags.

    Markup (e.g. ``tx()``) is HTML already: its text is taken (tags dropped, references read) and escaped again.
    """
    plain = value.striptags() if isinstance(value, Markup) else str(value)
    return Markup(json.dumps(str(escape(plain)), ensure_ascii=False))


def month_label(year_ce: Optional[int], month: int, lang: str) -> str:
    """``ต.ค. ๒๕๖๖``; just ``ต.ค.`` when the plan states no year."""
    if year_ce is None:
        found = MONTHS[month - 1]
        return found.abbr if lang == "th" else found.abbr_en
    return format_month(year_ce, month, lang)  # type: ignore[arg-type]


def md_inline(value: Optional[str]) -> Markup:
    """Text for a Markdown heading or inline context (the same as every ``{{ value }}``)."""
    return text(value or "")


@dataclass
class Renderer:
    lang: str
    default_lang: str
    languages: Sequence[str]
    audience: str = "public"
    override_dir: Optional[Path] = None
    digits: str = "thai"  # digits for numbers on Thai pages: "thai" or "arabic"
    directory_urls: bool = True  # False in the offline build: links name index.html
    site_url: Optional[str] = None  # absolute, ends with '/': QR codes and canonical URLs
    body_html: Optional[Callable[[str], str]] = None  # ``sanitize: true``: Markdown bodies to clean HTML

    def __post_init__(self) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if self.override_dir and self.override_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(self.override_dir)))
        loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders), autoescape=True, finalize=_finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        self.labels = load_labels(self.lang)
        self.env.globals.update(
            t=self.t, tx=self.tx, lang=self.lang, audience=self.audience, entity=views.entity,
            card_count=views.card_count, timeline=timelines.timeline, coverage=timelines.coverage,
            month_label=month_label, org_groups=views.org_groups, latest_plan=views.latest_plan,
        )
        self.env.globals.update(announcement_globals(self.site_url, self.lang, self.default_lang))
        self.env.globals.update(knowledge_globals(self.lang, self.default_lang))
        self.env.globals.update(home_view=home_view, urls=urls)  # urls: every page's URL, one place
        self.env.filters.update(cell=cell_html, md=md_inline, yq=yaml_string, th=self.th, num=self.num, body=self.body)
        # a Markdown body is Markdown for MkDocs by default; sanitised, it is HTML that must not be parsed again
        self.env.globals["body_attr"] = Markup(" markdown") if self.body_html is None else Markup("")
        # lang attribute for blocks of Thai content on pages of another language
        self.env.globals["th_attr"] = Markup(' lang="th"') if self.lang != self.default_lang else Markup("")
        # numbered lists count in Thai digits where numbers are shown in Thai digits
        self.env.globals["ol_class"] = " kms-thai-digits" if self.lang == "th" and self.digits == "thai" else ""

    def t(self, key: str, **kwargs: Any) -> str:
        try:
            text = self.labels[key]
        except KeyError:
            raise MissingLabel(f"no '{key}' label in labels/{self.lang}.yml") from None
        return text.format(**kwargs) if kwargs else text

    def tx(self, obj: Any, field: str) -> Markup:
        """A content field in the page language; English falls back to Thai, marked as such."""
        thai = getattr(obj, field, None) or ""
        if self.lang == self.default_lang:
            return text(thai)
        translated = getattr(obj, f"{field}_en", None)
        if translated:
            return text(translated)
        return self.th(thai)

    def body(self, markdown: Optional[str]) -> Markup:
        """A Markdown body: as written for MkDocs (its trust model), or sanitised HTML with ``sanitize: true``."""
        if self.body_html is None:
            return Markup(markdown or "")
        return Markup(self.body_html(markdown or ""))

    def num(self, value: object) -> str:
        """A number in the page's digits: Thai digits on Thai pages unless the site chose Arabic."""
        text = str(value)
        return to_thai(text) if self.lang == "th" and self.digits == "thai" else text

    def th(self, thai: Optional[str]) -> Markup:
        """Thai content shown on a page of another language: marked with lang="th"."""
        if self.lang == self.default_lang or not thai:
            return text(thai or "")
        return Markup(f'<span lang="th" class="kms-fallback" title="{text(self.t("fallback.title"))}">{text(thai)}</span>')

    def render(self, spec: PageSpec) -> str:
        template = self.env.get_template(f"pages/{spec.template}")

        def url(target: str) -> str:
            return relative_url(spec.url, target, self.directory_urls)

        def file(path: str, default_tree: bool = False) -> str:
            """A file (not a page) at ``path`` under this language's root, or under the site root with
            ``default_tree`` (files written once, e.g. attachments): never ``index.html``-suffixed."""
            up = "../" * self.languages_prefix.count("/") if default_tree else ""
            folder, _, name = path.rpartition("/")
            return relative_url(spec.url, up + folder + "/" if folder or up else "") + name

        return template.render(spec=spec, url=url, file=file, **spec.context)

    @property
    def languages_prefix(self) -> str:
        """URL prefix of this language's tree: '' for the default language, 'en/' for English."""
        return "" if self.lang == self.default_lang else f"{self.lang}/"
