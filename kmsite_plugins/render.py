"""Render page specs to Markdown through Jinja templates, in one language.

Templates live in ``templates/`` of the package; a ``kmsite/`` folder in the
theme's ``custom_dir`` overrides any of them. Labels come from
``templates/labels/<lang>.yml``; a missing label is an error, not a silent key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any, Optional, Union

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, Macro
from jinja2.utils import internalcode
from markupsafe import Markup, escape

from .html_blocks import MARK_CHARS, SI, SO, mark, strip_marks
from .labels import TEMPLATE_DIR, MissingLabel, load_labels
from .outputs import qr as qrcodes
from .outputs.spec import OutputFile
from .pages.spec import PageSpec
from .thai.dates import MONTHS, ce_to_be, format_long_date, format_month
from .views import urls
from .views.context import BuildContext
from .views.shortlinks import ShortLink
from .views.urls import CSV_TABLES, QR_PNG, QR_SVG, absolute, links_from, relative_url

__all__ = ["Renderer", "TEMPLATE_DIR", "MissingLabel", "load_labels"]

_BULLET = re.compile(r"^\s*[-•·]\s*")


# Characters that are markup in HTML (escaped as MarkupSafe does) or start Markdown syntax that could carry
# markup: links and images ([ ]), attr_list attributes ({ }), backslash escapes, code spans, emphasis with
# '*', table cells ('|'). As character references they show as themselves in HTML text, attributes and
# Markdown alike, so an author's value never becomes a tag, a link or an attribute. ('_' and '#' are left:
# they sit in ids, URL fragments and enum codes, and at most format text, never make markup.)
_TEXT_ENTITIES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;",
                  **{ord(c): f"&#{ord(c)};" for c in "[]{}\\`*|"},
                  **MARK_CHARS}  # the marks of template-made HTML blocks (html_blocks.py) cannot be forged


# where a body goes once the page around it is marked; the marks' characters are not in author text or bodies
_BODY_PLACEHOLDER = re.compile(f"{SO}body:([0-9]+){SI}")


def _body_placeholder(index: int) -> str:
    return f"{SO}body:{index}{SI}"


# a character that ``text`` replaces (author text seldom holds one: most values are returned as they are)
_TEXT_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _TEXT_ENTITIES))) + "]")
# Markup of a string that is safe already, made without Markup.__new__'s checks for __html__ and an encoding
_new_str = str.__new__


def text(value: object) -> Markup:
    """Author text for a generated page (Markdown holding HTML): shown as written, never markup.

    Markup passes through: it was made by a template or by this function.
    """
    if isinstance(value, Markup):
        return value
    plain = str(value)
    return _new_str(Markup, plain if _TEXT_SPECIAL.search(plain) is None else plain.translate(_TEXT_ENTITIES))


def _finalize(value: object) -> object:
    """Every ``{{ value }}`` of a template: plain strings become ``text``; numbers, Markup and the rest pass.
    (Jinja escapes what this returns; ``_html`` does both at once where the page generator can.)"""
    return text(value) if isinstance(value, str) else value


def _html(value: object) -> Markup:
    """``escape(_finalize(value))`` in one call: what a ``{{ value }}`` outputs (``_PageCodeGenerator``)."""
    if type(value) is str:  # most values: ``text`` inline
        return _new_str(Markup, value if _TEXT_SPECIAL.search(value) is None else value.translate(_TEXT_ENTITIES))
    if type(value) is Markup:
        return value  # escape would copy it
    return escape(_finalize(value))


class _PageCodeGenerator(CodeGenerator):
    """Compiles an autoescaped ``{{ value }}`` to ``environment.html(value)`` instead of Jinja's
    ``escape(environment.finalize(value))``: the same HTML, one call instead of two and a copy of the Markup.
    Jinja's own code is kept for every other case (no finalize, autoescape off or decided at run time)."""

    def _one_call(self, frame: Frame, finalize: Any) -> bool:
        return (finalize.src == "environment.finalize(" and self.environment.finalize is _finalize
                and frame.eval_ctx.autoescape is True and not frame.eval_ctx.volatile)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._one_call(frame, finalize):
            self.write("environment.html(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._one_call(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


# what templates call most (t, tx, url, macros, views' methods): none asks Jinja for a context or environment
_PLAIN_CALLABLES = frozenset({FunctionType, MethodType, BuiltinFunctionType, Macro})


class _PageContext(Context):
    """Calls a plain function, method or macro at once: Jinja's ``call`` first looks at every callable (and at
    its ``__call__``) for ``pass_context`` and its kin, about a microsecond of each call a page makes."""

    @internalcode
    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's names)
        if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a"
                                                " StopIteration exception")


class _PageEnvironment(jinja2.Environment):
    """The renderer's Jinja environment: ``{{ value }}`` in one call (``html``), plain callables called at once."""

    code_generator_class = _PageCodeGenerator
    context_class = _PageContext
    html = staticmethod(_html)


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
    """``ต.ค. 2566`` in Arabic digits (the ``num`` filter makes them Thai); just ``ต.ค.`` without a year."""
    if year_ce is None:
        found = MONTHS[month - 1]
        return found.abbr if lang == "th" else found.abbr_en
    return format_month(year_ce, month, lang, digits="arabic")  # type: ignore[arg-type]


def md_inline(value: Optional[str]) -> Markup:
    """Text for a Markdown heading or inline context (the same as every ``{{ value }}``)."""
    return text(value or "")


@dataclass
class QrView:
    """QR codes and short URLs of one language tree, for templates."""

    site_url: Optional[str]
    prefix: str  # '' or 'en/'
    png: str = QR_PNG
    svg_file: str = QR_SVG

    @property
    def available(self) -> bool:
        """False without site_url: pages render, and the QR output builder stops the build."""
        return bool(self.site_url)

    def short_url(self, link: ShortLink) -> str:
        return absolute(qrcodes.require_site_url(self.site_url, "QR code"), self.prefix + link.go)

    def svg(self, link: ShortLink, title: str) -> Markup:
        return Markup(qrcodes.inline_svg(self.short_url(link), title))


def announcement_globals(site_url: Optional[str], lang: str, default_lang: str) -> dict[str, Any]:
    """Globals for announcement and poster templates in one language."""
    prefix = "" if lang == default_lang else f"{lang}/"

    def long_date(d: date) -> str:
        """Arabic digits (the ``num`` filter makes them Thai): ``10 เดือน มกราคม พ.ศ. 2567`` / ``10 January 2024``."""
        return format_long_date(d, "th" if lang == "th" else "en", digits="arabic")

    return {"long_date": long_date, "qr": QrView(site_url, prefix)}


def knowledge_globals(lang: str, default_lang: str) -> dict[str, Any]:
    """Helpers for the knowledge templates in one language."""

    def plain_date(d: Optional[date]) -> str:
        """``5 กุมภาพันธ์ 2567`` / ``5 February 2024`` in Arabic digits (``num`` makes them Thai)."""
        if d is None:
            return ""
        return format_long_date(d, "th" if lang == "th" else "en", digits="arabic", style="plain")

    def year_label(year_ce: int) -> str:
        return str(ce_to_be(year_ce)) if lang == "th" else str(year_ce)

    def file_size(n: int) -> str:
        if n < 1024:
            return f"{n} B"
        if n < 1024 * 1024:
            return f"{n / 1024:.1f} KB"
        return f"{n / 1024 / 1024:.1f} MB"

    return {
        "plain_date": plain_date, "year_label": year_label, "file_size": file_size,
        "csv_tables": CSV_TABLES,  # the open-data CSV files linked from knowledge pages
    }


class Renderer:
    """Formats page specs and templated output files in one language, through one Jinja environment.

    A ``kmsite/`` folder in the theme's ``custom_dir`` (``override_dir``) overrides any template.
    """

    def __init__(self, ctx: BuildContext, override_dir: Optional[Path] = None,
                 body_html: Optional[Callable[[str], str]] = None, html_blocks: bool = False) -> None:
        self.ctx = ctx
        self.body_html = body_html  # ``sanitize: true``: Markdown bodies to clean HTML (sanitize.py)
        # pages for a Markdown converter with html_blocks.HtmlBlocks: template-made HTML blocks marked
        self.html_blocks = html_blocks
        self._bodies: Optional[list[str]] = None  # the bodies of the page being rendered, while marking
        self.lang = ctx.lang
        self.default_lang = ctx.default_lang
        loaders: list[jinja2.BaseLoader] = []
        if override_dir and override_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
        self.env = _PageEnvironment(
            loader=jinja2.ChoiceLoader(loaders), autoescape=True, finalize=_finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            auto_reload=False,  # one renderer per build: its templates do not change while it renders
        )
        self.labels = load_labels(self.lang)
        self._shown: dict[str, str] = {}  # labels with their numbers in the page's digits, as asked for
        # Templates format view data: besides labels and formatting they build URLs (urls), nothing else.
        self.env.globals.update(
            t=self.t, tx=self.tx, lang=self.lang, audience=ctx.audience,
            month_label=month_label,
        )
        self.env.globals.update(announcement_globals(ctx.site_url, self.lang, self.default_lang))
        self.env.globals.update(knowledge_globals(self.lang, self.default_lang))
        self.env.globals.update(urls=urls)  # urls: every page's URL, one place
        self.env.filters.update(cell=cell_html, md=md_inline, yq=yaml_string, th=self.th, num=self.num,
                                body=self.body)
        # a Markdown body is Markdown for MkDocs by default; sanitised, it is HTML that must not be parsed again
        self.env.globals["body_attr"] = Markup(" markdown") if self.body_html is None else Markup("")
        # lang attribute for blocks of Thai content on pages of another language
        self.env.globals["th_attr"] = Markup(' lang="th"') if self.lang != self.default_lang else Markup("")
        # numbered lists count in Thai digits where numbers are shown in Thai digits
        self.env.globals["ol_class"] = " kms-thai-digits" if ctx.thai_digits else ""

    def t(self, key: str, **kwargs: Any) -> str:
        """A label; its own numbers follow the page's digits (values passed in are formatted by the caller)."""
        shown = self._shown.get(key)
        if shown is None:
            try:
                shown = self._shown[key] = self.ctx.numbers_in(self.labels[key])
            except KeyError:
                raise MissingLabel(f"no '{key}' label in labels/{self.lang}.yml") from None
        return shown.format(**kwargs) if kwargs else shown

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
        """A Markdown body: as written for MkDocs (its trust model), or sanitised HTML with ``sanitize: true``.

        While a page's HTML blocks are marked, a body is a placeholder, put back after marking (``render``).
        """
        body = (markdown or "") if self.body_html is None else self.body_html(markdown or "")
        if self._bodies is None:
            return Markup(body)
        self._bodies.append(strip_marks(body))
        return Markup(_body_placeholder(len(self._bodies) - 1))

    def num(self, value: object) -> str:
        """A number in the page's digits (the build context's one digit rule)."""
        return self.ctx.number(value)

    def th(self, thai: Optional[str]) -> Markup:
        """Thai content shown on a page of another language: marked with lang="th"."""
        if self.lang == self.default_lang or not thai:
            return text(thai or "")
        return Markup(f'<span lang="th" class="kms-fallback" '
                      f'title="{text(self.t("fallback.title"))}">{text(thai)}</span>')

    def render(self, spec: PageSpec) -> str:
        template = self.env.get_template(f"pages/{spec.template}")

        url = links_from(spec.url, self.ctx.directory_urls)

        def file(path: str, default_tree: bool = False) -> str:
            """A file (not a page) at ``path`` under this language's root, or under the site root with
            ``default_tree`` (files written once, e.g. attachments): never ``index.html``-suffixed."""
            up = "../" * self.languages_prefix.count("/") if default_tree else ""
            folder, _, name = path.rpartition("/")
            return relative_url(spec.url, up + folder + "/" if folder or up else "") + name

        if not self.html_blocks:
            return template.render(spec=spec, url=url, file=file, **spec.context)
        self._bodies = bodies = list[str]()
        try:
            page = mark(template.render(spec=spec, url=url, file=file, **spec.context))
        finally:
            self._bodies = None
        if bodies:
            page = _BODY_PLACEHOLDER.sub(lambda m: bodies[int(m.group(1))], page)
        return page

    def render_file(self, out: OutputFile) -> Union[str, bytes]:
        """An output file's content; a templated one is rendered through this environment."""
        if out.template is None:
            return out.content
        return self.env.get_template(out.template).render(**out.context)

    @property
    def languages_prefix(self) -> str:
        """URL prefix of this language's tree: '' for the default language, 'en/' for English."""
        return self.ctx.prefix
