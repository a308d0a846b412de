"""The page ``kmsite serve`` shows while the content has errors: the problems as text, in the page's language."""

from __future__ import annotations

import html.parser

from kmsite_plugins.loader import Problem
from kmsite_plugins.problem_page import problem_page
from kmsite_plugins.views.context import BuildContext


def _ctx(lang: str, digits: str = "thai") -> BuildContext:
    return BuildContext(None, lang, "th", ("th", "en"), digits=digits)  # type: ignore[arg-type]


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Text:
    parsed = _Text()
    parsed.feed(page)
    return parsed


def test_author_text_is_text_not_markup() -> None:
    hostile = Problem("plans/x/organisation.yml", 4, "name", "bad value '<script>alert(1)</script><img src=x>'")
    parsed = _parse(problem_page([hostile.format()], 0, _ctx("en")))
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert hostile.format() in "".join(parsed.text)


def test_counts_follow_the_page_digits() -> None:
    problems = [Problem("plans/x/plans/2568.yml", n, "", "m").format() for n in (3, 12)]
    thai = "".join(_parse(problem_page(problems, 5, _ctx("th"))).text)
    assert "เนื้อหามีข้อผิดพลาด ๒ รายการ" in thai and "คำเตือนอีก ๕ รายการ" in thai
    assert "plans/x/plans/2568.yml:12: m" in thai  # the lines stay as the terminal prints them
    arabic = "".join(_parse(problem_page(problems, 5, _ctx("th", "arabic"))).text)
    assert "เนื้อหามีข้อผิดพลาด 2 รายการ" in arabic
    english = "".join(_parse(problem_page(problems, 0, _ctx("en"))).text)
    assert "The content has 2 error(s)" in english and "warning" not in english
