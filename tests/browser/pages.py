"""One built page of every page type, in both languages, for browser checks."""

from __future__ import annotations

from pathlib import Path

# page type -> glob under the site root (Thai tree); the English twin is under en/.
PAGE_TYPES: dict[str, str] = {
    "home": "index.html",
    "about": "about/km-roles/index.html",
    "orgs": "orgs/index.html",
    "org": "orgs/suso/index.html",
    "people": "orgs/suso/people/index.html",
    "knowledge": "orgs/prachantakham/knowledge/index.html",
    "plan": "orgs/pathumthani-pao/plans/2567/index.html",
    "plan-poster": "orgs/*/plans/*/poster/index.html",
    "knowledge-store": "knowledge/index.html",
    "knowledge-map": "knowledge/map/index.html",
    "knowledge-tag": "knowledge/tags/*/index.html",
    "asset": "orgs/*/knowledge/*/index.html",
    "people-site": "people/index.html",
    "who-knows-what": "orgs/*/people/who-knows-what/index.html",
    "cops": "orgs/*/cops/index.html",
    "cop": "orgs/*/cops/*/index.html",
    "announcements": "announcements/index.html",
    "announcement": "orgs/pathumthani-pao/announcements/*/index.html",
}


def page_paths(site: Path, lang: str = "th") -> dict[str, str]:
    """URL paths (relative to the site root) of one page per type; a missing type is an error."""
    prefix = "" if lang == "th" else f"{lang}/"
    found: dict[str, str] = {}
    for kind, pattern in PAGE_TYPES.items():
        matches = sorted(site.glob(prefix + pattern))
        assert matches, f"no built page of type {kind} ({prefix + pattern})"
        rel = matches[0].relative_to(site).as_posix()
        found[kind] = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return found


def evaluate_with_script(browser, url: str, source: str, expression: str):
    """Open ``url`` in a desktop-sized tab, add the JavaScript ``source`` (a checker from npm) and return what
    ``expression`` evaluates to (a checker's run)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(url, wait_until="load")
        page.add_script_tag(content=source)
        return page.evaluate(expression)
    finally:
        page.close()
