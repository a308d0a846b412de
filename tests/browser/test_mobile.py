"""At 360 px (a small phone) no page is wider than the screen: wide tables scroll in place."""

from __future__ import annotations

import pytest

from .pages import page_paths


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_page_is_wider_than_a_phone(lang, built_site, site_url, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    too_wide: list[str] = []
    try:
        for kind, path in page_paths(built_site, lang).items():
            page.goto(site_url + path, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide.append(f"{kind} ({path}): {width}px")
            # Thai body text keeps a comfortable line height (tall vowels and tone marks)
            ratio = page.evaluate("""() => {
                const p = document.querySelector('.md-typeset p, .md-typeset li, .md-typeset td');
                const s = getComputedStyle(p);
                return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
            }""")
            assert ratio >= 1.5, f"{kind}: line height {ratio:.2f} of the font size"
    finally:
        page.close()
    assert not too_wide, too_wide
