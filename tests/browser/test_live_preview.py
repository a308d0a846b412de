"""``kmsite serve``: an edit under plans/ or docs/ shows in the open page; broken content shows its errors there.

One real ``kmsite serve --org suso`` (MkDocs' dev server and livereload) runs on a copy of the project,
on a free port of 127.0.0.1; Debian's Chromium keeps a page open while the test edits files. The test
never reloads the page itself: every change it sees comes from livereload. Every wait is bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ROOT
from .live import LiveServer, copy_project, live_server

BUILD_TIMEOUT = 180.0  # seconds for a (re)build on a busy machine; polled, never slept through
BUILD_TIMEOUT_MS = BUILD_TIMEOUT * 1000


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    project = copy_project(ROOT, tmp_path_factory.mktemp("preview") / "project")
    with live_server(project, orgs=["suso"], first_page="orgs/suso/", timeout=BUILD_TIMEOUT) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _line_of(path: Path, prefix: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(prefix))


def test_plans_edit_error_and_fix_show_in_the_open_page(preview: LiveServer, page) -> None:
    from playwright.sync_api import expect

    org_file = preview.project / "plans" / "suso" / "organisation.yml"
    original = org_file.read_text(encoding="utf-8")
    marker = "ตำบลแก้ไขทดสอบพรีวิว"
    page.goto(preview.url + "orgs/suso/")
    article = page.locator("article")
    expect(article).to_contain_text("ปะเหลียน")
    expect(article).not_to_contain_text(marker)
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)

    # 1. an edit under plans/ shows without a manual reload
    org_file.write_text(original.replace("district: ปะเหลียน\n", f"district: {marker}\n"), encoding="utf-8")
    expect(page.locator("article")).to_contain_text(marker, timeout=BUILD_TIMEOUT_MS)
    assert navigations, "the page changed without livereload reloading it?"

    # 2. a content error replaces the page by the problems, as the terminal prints them
    line = _line_of(org_file, "type:")
    broken = org_file.read_text(encoding="utf-8").replace("type: อบต.\n", "type: ชุมชน\n")
    org_file.write_text(broken, encoding="utf-8")
    problems = page.locator("#kmsite-problems")
    expected = f"plans/suso/organisation.yml:{line}: type: Input should be"
    expect(problems).to_contain_text(expected, timeout=BUILD_TIMEOUT_MS)
    expect(problems).to_contain_text("(got 'ชุมชน')")
    assert expected in preview.terminal()
    assert preview.process.poll() is None, "a content error stopped kmsite serve"

    # 3. fixed, the page comes back with the edit
    org_file.write_text(broken.replace("type: ชุมชน\n", "type: อบต.\n"), encoding="utf-8")
    expect(page.locator("article")).to_contain_text(marker, timeout=BUILD_TIMEOUT_MS)
    expect(page.locator("#kmsite-problems")).to_have_count(0)


def test_yaml_syntax_error_shows_on_every_page_and_clears(preview: LiveServer, page) -> None:
    from playwright.sync_api import expect

    plan = preview.project / "plans" / "suso" / "plans" / "undated.md"  # a Markdown plan: break its front matter
    original = plan.read_text(encoding="utf-8")
    page.goto(preview.url + "en/about/")
    expect(page.locator("article")).to_be_visible()
    plan.write_text(original.replace("---\n", "---\nbroken: [unclosed\n", 1), encoding="utf-8")
    problems = page.locator("#kmsite-problems")
    expect(problems).to_contain_text("plans/suso/plans/undated.md:", timeout=BUILD_TIMEOUT_MS)
    expect(problems).to_contain_text("malformed YAML")
    assert page.locator("html").get_attribute("lang") == "en"
    # the plan's own page is still served (the problems, not a 404), so it too comes back when fixed
    assert preview.status("orgs/suso/plans/undated/") == 200
    plan.write_text(original, encoding="utf-8")
    expect(page.locator("article")).to_be_visible(timeout=BUILD_TIMEOUT_MS)
    expect(page.locator("#kmsite-problems")).to_have_count(0)


def test_docs_edit_shows_in_the_open_page(preview: LiveServer, page) -> None:
    from playwright.sync_api import expect

    about = preview.project / "docs" / "about" / "index.md"
    marker = "ย่อหน้าที่เพิ่มระหว่างพรีวิว"
    page.goto(preview.url + "about/")
    expect(page.locator("article")).not_to_contain_text(marker)
    about.write_text(about.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    expect(page.locator("article")).to_contain_text(marker, timeout=BUILD_TIMEOUT_MS)


def test_org_selection_builds_only_the_named_organisations(preview: LiveServer, page) -> None:
    from playwright.sync_api import expect

    assert preview.status("orgs/suso/") == 200
    assert preview.status("orgs/prachantakham/") == 404
    page.goto(preview.url + "orgs/")
    links = page.locator("article a[href*='suso'], article a[href*='prachantakham'], article a[href*='pathumthani']")
    expect(links.first).to_be_visible()
    hrefs = {href for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")}
    assert hrefs and all("suso" in href for href in hrefs), hrefs
