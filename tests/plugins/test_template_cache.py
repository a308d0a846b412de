"""Compiled templates kept across builds never carry one language's output into another."""

from __future__ import annotations

from pathlib import Path

from kmsite_plugins.loader import load_site
from kmsite_plugins.pages import build_pages
from kmsite_plugins.plugins.template_cache import THEME_TEMPLATES, renderer_cache
from kmsite_plugins.render import Renderer
from kmsite_plugins.views.context import BuildContext

from ..conftest import ROOT


def _render(lang: str, digits: str, kind: str) -> str:
    site, _ = load_site(ROOT)
    spec = next(p for p in build_pages(site) if p.kind == kind)
    ctx = BuildContext("https://km.example.go.th/", lang, "th", ("th", "en"), digits=digits)  # type: ignore[arg-type]
    renderer = Renderer(ctx)
    renderer.env.bytecode_cache = renderer_cache(ctx, None)
    return renderer.render(spec)


def test_each_language_and_digit_rule_gets_its_own_compiled_code() -> None:
    # '0123456789'|num is folded into the compiled template: Thai digits must not reach the English page
    kind = "knowledge-index"
    assert 'data-digits="๐๑๒๓๔๕๖๗๘๙"' in _render("th", "thai", kind)
    assert 'data-digits="0123456789"' in _render("en", "thai", kind)
    assert 'data-digits="0123456789"' in _render("th", "arabic", kind)
    assert 'data-digits="๐๑๒๓๔๕๖๗๘๙"' in _render("th", "thai", kind)  # from the cache, still right


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    import jinja2

    template = tmp_path / "page.html"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=THEME_TEMPLATES)
    template.write_text("first", encoding="utf-8")
    assert env.get_template("page.html").render() == "first"
    template.write_text("second", encoding="utf-8")
    fresh = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=THEME_TEMPLATES)
    assert fresh.get_template("page.html").render() == "second"
