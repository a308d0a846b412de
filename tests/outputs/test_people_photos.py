"""Photos of people: copied beside the people page of each language and shown on the card."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import for_audience
from kmsite_plugins.outputs import OutputContext
from kmsite_plugins.outputs.people import photo_files
from kmsite_plugins.pages.people import people_pages
from kmsite_plugins.render import Renderer
from kmsite_plugins.views.context import BuildContext
from tests.loader.edits import replace_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32  # bytes are copied as they are


def _with_photo(root: Path) -> None:
    replace_in(root / "plans/suso/organisation.yml", "    position: works-director\n",
               "    position: works-director\n    photo: photos/Samut.PNG\n")
    (root / "plans/suso/photos").mkdir()
    (root / "plans/suso/photos/Samut.PNG").write_bytes(PNG)


def test_photo_is_copied_per_language_and_shown_on_the_card(demo_copy: Path):
    _with_photo(demo_copy)
    site, problems = load_site(demo_copy)
    assert problems.errors == []
    site = for_audience(site, "public")
    for lang, prefix in (("th", ""), ("en", "en/")):
        ctx = OutputContext("https://km.example.go.th/", lang, "th", ("th", "en"))
        files = photo_files(site, ctx)
        assert [(f.path, f.content) for f in files] == [(f"{prefix}orgs/suso/people/photos/samut.png", PNG)]
        spec = next(p for p in people_pages(site) if p.uri == "orgs/suso/people/index.md")
        for directory_urls in (True, False):  # the offline build links files the same way
            html = Renderer(BuildContext(None, lang, "th", ("th", "en"), directory_urls=directory_urls)).render(spec)
            img = re.search(r'<img class="kms-card-photo" src="([^"]+)" alt="([^"]+)"', html)
            # the src, followed from the page's folder, is the copied file
            assert img and posixpath.normpath(posixpath.join("orgs/suso/people", img.group(1))) == \
                "orgs/suso/people/photos/samut.png"
            assert "สมุทร์" in img.group(2)
    site_page = next(p for p in people_pages(site) if p.uri == "people/index.md")
    renderer = Renderer(BuildContext(None, "th", "th", ("th", "en")))
    assert "photos/" not in renderer.render(site_page)  # the catalogue has no photos


def test_no_photo_no_file(demo_copy: Path):
    site, _ = load_site(demo_copy)
    assert photo_files(site, OutputContext(None, "th", "th", ("th",))) == []
