"""The renderer: digits chosen by the site option, English fallbacks marked, links per URL style."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import jinja2
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from kmsite_plugins.html_blocks import SI, SO
from kmsite_plugins.loader import load_site
from kmsite_plugins.pages import build_pages
from kmsite_plugins.render import Renderer, _finalize, text
from kmsite_plugins.views.context import BuildContext
from kmsite_plugins.views.urls import _relpath, links_from, relative_url

from .conftest import ROOT

THAI_DIGIT = re.compile(r"[๐-๙]")


def _orgs_page(renderer: Renderer) -> str:
    site, _ = load_site(ROOT)
    spec = next(p for p in build_pages(site) if p.uri == "orgs/index.md")
    return renderer.render(spec)


def test_thai_pages_use_thai_digits_unless_the_site_chooses_arabic():
    n = len(load_site(ROOT)[0].orgs)
    thai = _orgs_page(Renderer(BuildContext(None, "th", "th", ("th", "en"), digits="thai")))
    arabic = _orgs_page(Renderer(BuildContext(None, "th", "th", ("th", "en"), digits="arabic")))
    english = _orgs_page(Renderer(BuildContext(None, "en", "th", ("th", "en"), digits="thai")))
    assert f"{'๐๑๒๓๔๕๖๗๘๙'[n]} หน่วยงาน" in thai
    assert f"{n} หน่วยงาน" in arabic
    assert f"{n} organisation" in english.lower()


def test_english_pages_mark_thai_fallbacks():
    from types import SimpleNamespace

    english = Renderer(BuildContext(None, "en", "th", ("th", "en")))
    shown = str(english.tx(SimpleNamespace(name="เทศบาล<ก>", name_en=None), "name"))
    assert shown.startswith('<span lang="th" class="kms-fallback"') and "เทศบาล&lt;ก&gt;" in shown
    assert str(english.tx(SimpleNamespace(name="เทศบาล", name_en="Town"), "name")) == "Town"
    thai = Renderer(BuildContext(None, "th", "th", ("th", "en")))
    assert str(thai.tx(SimpleNamespace(name="เทศบาล", name_en="Town"), "name")) == "เทศบาล"


def test_links_name_index_html_without_directory_urls():
    assert relative_url("orgs/suso/", "orgs/suso/people/") == "people/"
    assert relative_url("orgs/suso/", "orgs/suso/people/", directory_urls=False) == "people/index.html"
    assert relative_url("orgs/suso/people/", "orgs/suso/people/#somkid") == "./#somkid"
    assert relative_url("", "orgs/", directory_urls=False) == "orgs/index.html"
    assert relative_url("orgs/", "", directory_urls=False) == "../index.html"


# path segments as page URLs have them, and those posixpath.relpath normalises: '.', '..', empty, absolute
_SEGMENT = st.sampled_from(["orgs", "suso", "people", "a.b", "ก", ".", "..", ""])
_PATH = st.builds(lambda lead, parts, trail: lead + "/".join(parts) + trail,
                  st.sampled_from(["", "", "/"]), st.lists(_SEGMENT, max_size=5), st.sampled_from(["", "/"]))


@settings(max_examples=400, deadline=None)
@given(_PATH, _PATH)
def test_relative_paths_are_posixpaths_relpath(path: str, start: str):
    assert _relpath(path, start) == posixpath.relpath(path or ".", start or ".")


def test_links_from_a_page_are_its_relative_urls():
    link = links_from("orgs/suso/people/", directory_urls=False)
    for target in ("orgs/suso/people/#a", "orgs/", "orgs/suso/people/", "orgs/", "../x/"):
        assert link(target) == relative_url("orgs/suso/people/", target, directory_urls=False)


def test_author_text_is_text_with_or_without_characters_to_replace():
    assert text("ก ข") == "ก ข" and type(text("ก ข")) is Markup and type(_finalize("ก ข")) is Markup
    entities = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", SO: "", SI: "",
                **{c: f"&#{ord(c)};" for c in "[]{}\\`*|"}}
    for char, shown in entities.items():  # each one alone: a page value is most often free of all of them
        assert text(f"ก{char}ข") == f"ก{shown}ข" == _finalize(f"ก{char}ข")
    assert text(Markup("<b>")) == "<b>" and _finalize(Markup("<b>")) == "<b>" and _finalize(5) == 5
    assert text(5) == "5" and text(None) == "None"


def test_numbered_lists_count_in_the_page_digits():
    site, _ = load_site(ROOT)
    spec = next(p for p in build_pages(site) if p.uri == "orgs/suso/index.md")
    assert "kms-thai-digits" in Renderer(BuildContext(None, "th", "th", ("th", "en"), digits="thai")).render(spec)
    assert "kms-thai-digits" not in Renderer(BuildContext(None, "th", "th", ("th", "en"), digits="arabic")).render(spec)
    assert "kms-thai-digits" not in Renderer(BuildContext(None, "en", "th", ("th", "en"), digits="thai")).render(spec)


def test_short_link_pages_render_through_the_overridable_environment(tmp_path: Path):
    """A theme's ``kmsite/outputs/shortlink.html.j2`` replaces the redirect page, as for every page template."""
    from kmsite_plugins.outputs.shortlinks import shortlink_files

    site, _ = load_site(ROOT)
    ctx = BuildContext("https://km.example.go.th/", "th", "th", ("th", "en"))
    out = shortlink_files(site, ctx)[0]
    default = Renderer(ctx).render_file(out)
    assert isinstance(default, str) and 'http-equiv="refresh"' in default
    override = tmp_path / "kmsite" / "outputs"
    override.mkdir(parents=True)
    (override / "shortlink.html.j2").write_text("moved: {{ target }} {{ t('shortlink.title') }}", encoding="utf-8")
    custom = Renderer(ctx, tmp_path / "kmsite").render_file(out)
    assert isinstance(custom, str) and custom.startswith("moved: ../../") and "refresh" not in custom


class _Html:
    def __html__(self) -> str:
        return "<i>made</i>"


class _Shown:
    def __str__(self) -> str:
        return "a<b & [c]"


class _Word(str):
    pass


# what a template may print: author text, Markup, numbers, None, a str subclass, objects with and without __html__
_VALUES = {"plain": "ก ข", "special": 'a<b>&"\'[x]{y}\\`*|\x0e', "markup": Markup("<b>x</b>"), "number": 5,
           "none": None, "word": _Word("<w>"), "html": _Html(), "shown": _Shown()}


def test_printed_values_are_as_jinjas_escape_of_finalize_gives_them():
    """``{{ value }}`` compiles to one call (``environment.html``), with the HTML of Jinja's own code."""
    source = ("{% for k, v in values.items() %}{{ k }}={{ v }};{% endfor %}{% macro m(v) %}[{{ v }}]{% endmacro %}"
              "{{ m(values.special) }}{% autoescape false %}{{ values.shown }}{{ values.special }}{% endautoescape %}")
    ours = Renderer(BuildContext(None, "th", "th", ("th", "en"))).env
    assert "environment.html(" in ours.compile(source, raw=True)
    jinjas = jinja2.Environment(autoescape=True, finalize=_finalize, undefined=jinja2.StrictUndefined)
    assert ours.from_string(source).render(values=_VALUES) == jinjas.from_string(source).render(values=_VALUES)


@jinja2.pass_context
def _with_context(context: Any, key: str) -> str:
    return f"{key}:{context['who']}"


class _Callable:
    def __call__(self, key: str) -> str:
        return f"called {key}"


def _stops() -> str:
    raise StopIteration


def test_callables_get_what_jinja_passes_them():
    source = ("{% macro mm(v) %}<{{ v }}>{% endmacro %}{{ f('a') }} {% for i in [1] %}{{ f(i) }} {{ c('b') }} "
              "{{ m('x') }} {{ mm(i) }}{% endfor %} {{ s() is undefined }}")
    ours = Renderer(BuildContext(None, "th", "th", ("th", "en"))).env
    jinjas = jinja2.Environment(autoescape=True, finalize=_finalize, undefined=jinja2.StrictUndefined)
    values = {"f": _with_context, "c": _Callable(), "m": "m {}".format, "s": _stops, "who": "me"}
    shown = ours.from_string(source).render(values)
    assert shown == jinjas.from_string(source).render(values) and shown == "a:me 1:me called b m x <1> True"
