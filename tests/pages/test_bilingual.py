"""Both language trees: every Thai page has an English twin with the same structure,
and no template label is left in the other language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from kmsite_plugins.labels import load_labels

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile(r"[\u0E00-\u0E7F]")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


class _PageText(HTMLParser):
    """Text of a page's main content outside any element of ``skip_lang`` (or script/style), and its outline."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, skip_lang: str):
        super().__init__(convert_charrefs=True)
        self.skip_lang = skip_lang
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipped, opens the main content
        self.text: list[str] = []
        self.outline: list[str] = []
        self.html_lang = ""
        self.is_page = False

    def _skipping(self) -> bool:
        in_content = any(content for _, _, content in self.stack)
        return not in_content or any(skip for _, skip, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang", "")
            return
        content = "md-content" in (attrs.get("class") or "").split()
        self.is_page = self.is_page or content
        if tag in self.VOID:
            return
        skip = tag in ("script", "style", "svg") or attrs.get("lang") == self.skip_lang
        self.stack.append((tag, skip, content))
        if not self._skipping() and (tag in ("h1", "h2", "h3", "h4", "table", "tr", "dl")
                                     or "kms-card" in (attrs.get("class") or "").split()):
            self.outline.append(tag if tag != "article" else "card")

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self._skipping():
            self.text.append(data)


def parse(path: Path, skip_lang: str) -> _PageText:
    parser = _PageText(skip_lang)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def thai_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("en", "assets", "search"))


def generated(site: Path, page: Path) -> bool:
    """A page kmsite made (no Markdown file of that name in docs/)."""
    rel = page.parent.relative_to(site).as_posix()
    return not (ROOT / "docs" / (rel + ".md")).exists() and not (ROOT / "docs" / rel / "index.md").exists()


def test_every_thai_page_has_an_english_twin_with_the_same_structure(built_site: Path):
    pages = [p for p in thai_pages(built_site) if parse(p, "").is_page]
    assert len(pages) > 20
    checked = 0
    for page in pages:
        rel = page.relative_to(built_site)
        twin = built_site / "en" / rel
        assert twin.exists(), f"no English twin of {rel}"
        th, en = parse(page, ""), parse(twin, "")
        assert th.html_lang == "th", f"{rel}: <html lang={th.html_lang!r}>"
        assert en.html_lang == "en", f"en/{rel}: <html lang={en.html_lang!r}>"
        if generated(built_site, page):
            assert th.outline == en.outline, f"{rel}: the English twin's headings, tables or cards differ"
            checked += 1
    assert checked > 15


def test_english_pages_show_no_thai_outside_thai_content(built_site: Path):
    """Thai text on an English page is content, marked lang="th"; anything else is an untranslated label."""
    for page in thai_pages(built_site):
        twin = built_site / "en" / page.relative_to(built_site)
        if not twin.exists() or not generated(built_site, page):
            continue
        parsed = parse(twin, "th")
        if not parsed.is_page:
            continue
        leftover = [t.strip() for t in parsed.text if THAI.search(t)]
        assert not leftover, f"en/{page.relative_to(built_site)}: Thai text outside lang=\"th\": {leftover[:5]}"


def _english_only_labels() -> list[str]:
    th, en = load_labels("th"), load_labels("en")
    thai_values = " ".join(th.values())
    fragments: list[str] = []
    for value in en.values():
        for part in PLACEHOLDER.split(value):
            part = part.strip(" :()—-,.")
            if len(part) >= 8 and " " in part and part not in thai_values:
                fragments.append(part)
    return fragments


def test_thai_pages_show_no_english_label(built_site: Path):
    sources = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "plans").rglob("*") if p.suffix in (".yml",
                                                                                                          ".md"))
    labels = [f for f in _english_only_labels() if f not in sources]
    assert len(labels) > 20
    for page in thai_pages(built_site):
        parsed = parse(page, "en")
        if not parsed.is_page or not generated(built_site, page):
            continue
        text = re.sub(r"\s+", " ", " ".join(parsed.text))
        found = [label for label in labels if label in text]
        assert not found, f"{page.relative_to(built_site)}: English labels on a Thai page: {found[:5]}"


def test_label_files_have_the_same_keys():
    th, en = load_labels("th"), load_labels("en")
    assert sorted(set(th) ^ set(en)) == []


def _switch_target(page: Path, lang: str) -> str:
    """The language switcher's link to ``lang``, unquoted."""
    found = re.search(rf'<a href="([^"]*)" hreflang="{lang}"', page.read_text(encoding="utf-8"))
    assert found, f"{page}: no language switcher link to {lang}"
    return unquote(found.group(1))


def _resolve(site: Path, page: Path, href: str) -> Path:
    """A link as the browser follows it; site_url's path is "/", so "/en/" is the site's en/."""
    base = site if href.startswith("/") else page.parent
    return (base / href.lstrip("/")).resolve() / "index.html"


def test_language_switcher_leads_to_the_twin_on_every_page(built_site: Path):
    pages = [p for p in thai_pages(built_site) if parse(p, "").is_page]
    assert pages
    for page in pages:
        twin = built_site / "en" / page.relative_to(built_site)
        href = _switch_target(page, "en")
        assert _resolve(built_site, page, href) == twin.resolve(), (page, href)
        href = _switch_target(twin, "th")
        assert _resolve(built_site, twin, href) == page.resolve(), (twin, href)
