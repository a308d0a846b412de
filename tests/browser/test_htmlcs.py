"""HTML_CodeSniffer (pa11y's engine, from npm, injected into the page): no WCAG 2 AA error on any page type.

pa11y and pa11y-ci run exactly this sniffer with the same standard and, by default, report its errors
only; running it in our own Chromium keeps the suite free of a second browser download.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .pages import PAGE_TYPES, evaluate_with_script, page_paths

ROOT = Path(__file__).resolve().parents[2]
HTMLCS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
ERROR = 1  # HTMLCS.ERROR; 2 and 3 are warnings and notices, which pa11y leaves out by default

RUN = ("() => new Promise(resolve => HTMLCS.process('WCAG2AA', document, () => resolve("
       f"HTMLCS.getMessages().filter(m => m.type === {ERROR})"
       ".map(m => ({code: m.code, msg: m.msg, html: m.element.outerHTML.slice(0, 160)})))))")


@pytest.fixture(scope="module")
def htmlcs_source() -> str:
    assert HTMLCS.exists(), "html_codesniffer is missing: scripts/setup.sh runs `npm ci` (package-lock.json)"
    return HTMLCS.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_wcag2aa_errors(kind, lang, built_site, site_url, browser, htmlcs_source):
    path = page_paths(built_site, lang)[kind]
    errors = evaluate_with_script(browser, site_url + path, htmlcs_source, RUN)
    assert not errors, f"{path}:\n" + "\n".join(f"{e['code']}: {e['msg']}\n    {e['html']}" for e in errors)


def test_the_sniffer_reports_a_form_without_submit_button_injected_into_a_page(built_site, site_url, browser,
                                                                                 htmlcs_source):
    """The checker is live: the fault this suite once had (a form no keyboard can submit) is reported."""
    path = page_paths(built_site, "th")["home"]
    inject = ("document.querySelector('article').insertAdjacentHTML('beforeend', "
              "'<form aria-label=\"x\"><label>q <input name=\"q\"></label></form>');")
    errors = evaluate_with_script(browser, site_url + path, htmlcs_source, f"(() => {{ {inject} }})() || ({RUN})()")
    assert any(e["code"].endswith("H32.2") for e in errors), errors
