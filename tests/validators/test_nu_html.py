"""Nu Html Checker (the W3C validator, npm vnu-jar) over every page of the built demo."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.browser.pages import page_paths
from tests.validators.tools import nu_errors


def _format(messages: list[dict]) -> str:
    return "\n".join(f"{m.get('url', '')}:{m.get('lastLine', '')}: {m.get('message', '')}" for m in messages[:40])


def test_every_page_of_both_languages_is_valid_html(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for lang in ("th", "en"):  # every page type is among the pages checked
        for rel in page_paths(built_site, lang).values():
            assert (built_site / rel / "index.html").exists() or (built_site / rel).exists()
    errors = nu_errors(built_site)
    assert errors == [], f"{len(errors)} errors:\n{_format(errors)}"


def test_the_checker_reports_invalid_markup_injected_into_a_page(built_site: Path, tmp_path: Path):
    plan = built_site / page_paths(built_site)["plan"] / "index.html"
    broken = tmp_path / "index.html"
    shutil.copy(plan, broken)
    html = broken.read_text(encoding="utf-8")
    injected = '<div aria-label="x">a</div><p><table><tr><td>1</td></tr></table></p>'
    html = html.replace("</article>", injected + "</article>", 1)
    broken.write_text(html, encoding="utf-8")
    assert nu_errors(plan) == []
    messages = " ".join(m["message"] for m in nu_errors(broken))
    assert "aria-label" in messages
    assert "No “p” element in scope" in messages
