"""Search text from libxml2's tokeniser equals what ``html.parser`` on the whole page gave, on every demo page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from kmsite_plugins.search.extract import PageText, Section, _Collector, extract, page_text


class _WholePage(HTMLParser):
    """The tokeniser extract() used before: ``html.parser`` over the whole page, into the same collector."""

    def __init__(self, collector: _Collector) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = collector

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collector.start(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self.collector.end(tag)

    def handle_data(self, data: str) -> None:
        self.collector.data(data)


def extract_with_html_parser(html: str) -> PageText:
    collector = _Collector()
    parser = _WholePage(collector)
    parser.feed(html)
    parser.close()
    return page_text(collector)


def test_same_text_as_html_parser_on_every_demo_page(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert extract(html) == extract_with_html_parser(html), page.relative_to(built_site)


def test_author_html_around_the_article_is_not_read() -> None:
    """Text before the article (sidebars) and after ``</main>`` (footer) is not the page's."""
    html = ('<nav>menu ภาษี</nav><main><article class="md-content__inner md-typeset"><h1>หัว</h1>'
            '<p><b>ภาษี</b>ป้าย<br>ปี<span hidden>ซ่อน</span></p><h2 id="a">ส่วน <a class="headerlink">¶</a></h2>'
            '<p>ข้อความ &amp; <script>x()</script>ต่อ</p></article><div>sidebar</div></main><footer>ท้าย</footer>')
    page = extract(html)
    assert page == extract_with_html_parser(html)
    assert page.title == "หัว"
    assert [(s.anchor, s.title, s.text) for s in page.sections] == [("", "", "ภาษีป้าย ปี"), ("a", "ส่วน", "ข้อความ & ต่อ")]


def test_a_page_without_the_article_has_no_text() -> None:
    assert extract("<html><body><p>nothing</p></body></html>") == PageText("", [Section("", "", "")])
