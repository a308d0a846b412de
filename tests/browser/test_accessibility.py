"""axe-core (from npm, injected into the page) finds no critical or serious WCAG 2.1 AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pages import PAGE_TYPES, evaluate_with_script, page_paths

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: scripts/setup.sh runs `npm ci` (package-lock.json)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_accessibility_violations(kind, lang, built_site, site_url, browser, axe_source):
    path = page_paths(built_site, lang)[kind]
    result = evaluate_with_script(
        browser, site_url + path, axe_source,
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG_TAGS!r}}}, resultTypes: ['violations']}})")
    bad = [v for v in result["violations"] if v["impact"] in ("critical", "serious")]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in bad
    )
    assert not bad, f"{path}:\n{report}"
