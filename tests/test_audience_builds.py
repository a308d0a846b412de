"""Public and internal builds: nothing internal in any file of the public site, all of it in the staff site.

The internal values are read from the demo's YAML (not written into the test), so the test
follows the demo as it grows: every contact and note not marked public, every internal CoP,
CoP note and meeting, and every draft or internal knowledge asset.
"""

from __future__ import annotations

import gzip
import html
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import ROOT, read_front_matter, read_yaml

_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _folded(text: str) -> str:
    """Entities and JSON escapes decoded, whitespace and zero-width marks removed, Thai digits made Arabic."""
    text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = html.unescape(html.unescape(text))
    text = to_arabic(text)
    return _INVISIBLE.sub("", text)


def _text(value: object) -> list[str]:
    return [str(value)] if value not in (None, "") else []


def _front_matter(path: Path) -> dict:
    return read_front_matter(path) if path.read_text(encoding="utf-8").startswith("---") else {}


def internal_values(plans: Path = ROOT / "plans") -> dict[str, str]:
    """Every value of the demo that only the internal build may show, keyed by where it comes from."""
    found: dict[str, str] = {}
    for org_dir in sorted(p for p in plans.iterdir() if p.is_dir()):
        org = read_yaml(org_dir / "organisation.yml")
        for person in org.get("people") or []:
            for c in person.get("contacts") or []:
                if c.get("visibility", "internal") != "public":
                    found[f"{org_dir.name}/{person['id']} {c['kind']}"] = str(c["value"])
            if person.get("note") and person.get("note_visibility", "internal") != "public":
                found[f"{org_dir.name}/{person['id']} note"] = person["note"]
        cops_file = org_dir / "cops.yml"
        cops = read_yaml(cops_file)["cops"] if cops_file.exists() else []
        for cop in cops:
            whole = cop.get("visibility", "public") == "internal"
            if whole:
                for key in ("name", "name_en", "practice", "practice_en"):
                    for v in _text(cop.get(key)):
                        found[f"{org_dir.name}/cop {cop['id']} {key}"] = v
            if cop.get("note_visibility", "internal") != "public" or whole:
                for key in ("note", "note_en"):
                    for v in _text(cop.get(key)):
                        found[f"{org_dir.name}/cop {cop['id']} {key}"] = v
            for i, meeting in enumerate(cop.get("meetings") or []):
                if whole or meeting.get("visibility", "public") == "internal":
                    for key in ("topic", "topic_en", "learned", "learned_en"):
                        for v in _text(meeting.get(key)):
                            found[f"{org_dir.name}/cop {cop['id']} meeting {i + 1} {key}"] = v
        for asset_file in sorted((org_dir / "knowledge").glob("*.md")):
            meta = _front_matter(asset_file)
            if meta.get("visibility") == "internal" or meta.get("status") in ("draft", "ฉบับร่าง", "ร่าง"):
                for key in ("title", "title_en", "summary", "summary_en"):
                    for v in _text(meta.get(key)):
                        found[f"{org_dir.name}/asset {asset_file.stem} {key}"] = v
    return found


def _files(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file of a built site as folded text (gzip opened; binary files as Latin-1 and UTF-8)."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        texts = [data.decode("utf-8", errors="ignore")]
        if b"\x00" in data[:1024]:  # images and other binaries: look at their raw bytes too
            texts.append(data.decode("latin-1"))
        yield path, _folded("\n".join(texts))


@pytest.fixture(scope="module")
def internal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The staff edition of the demo, built with ``kmsite build --internal``."""
    out = tmp_path_factory.mktemp("internal-site")
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "build", "--internal", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_demo_has_internal_values_of_every_kind():
    keys = " ".join(internal_values())
    for kind in ("phone", "email", "note", "meeting", "cop", "asset"):
        assert kind in keys, kind


def test_public_build_carries_no_internal_value_in_any_file(built_site: Path):
    values = {k: _folded(v) for k, v in internal_values().items()}
    files = dict(_files(built_site))
    leaks = [f"{path.relative_to(built_site)}: {key}" for path, text in files.items()
             for key, value in values.items() if value in text]
    assert leaks == []
    # The search index was read too, and it carries people's details: a leak there would have been found.
    shards = sorted(built_site.glob("search/*/p/*.json"))
    assert (built_site / "search/th/manifest.json") in files and shards
    public = [_folded(str(c["value"])) for org in sorted((ROOT / "plans").glob("*/organisation.yml"))
              for person in read_yaml(org).get("people") or [] for c in person.get("contacts") or []
              if c.get("visibility") == "public"]
    assert public and any(value in files[shard] for shard in shards for value in public)


def test_internal_build_shows_every_internal_value(internal_site: Path):
    everything = "\n".join(text for _, text in _files(internal_site))
    missing = [key for key, value in internal_values().items() if _folded(value) not in everything]
    assert missing == []


def test_internal_build_needs_the_audience_from_the_environment(tmp_path: Path):
    """Without ``audience: !ENV [KMSITE_AUDIENCE, ...]`` --internal would build a public site: a clear error."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\nplugins:\n  - kmsite:\n      content_dir: plans\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()  # a valid config otherwise: the audience is what is missing
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "build", "--internal", "-f", str(config)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "does not set the kmsite plugin's audience from KMSITE_AUDIENCE" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site-internal").exists()


def test_every_internal_page_has_the_banner_and_no_public_page_does(internal_site: Path, built_site: Path):
    for page in internal_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:  # not pages: the short-link redirects
            continue
        assert "ภายใน/Internal" in text and 'class="kms-internal-banner"' in text, page
        assert 'name="robots" content="noindex' in text, page
    for page in built_site.rglob("*.html"):
        assert 'class="kms-internal-banner"' not in page.read_text(encoding="utf-8"), page


def test_banner_comes_through_the_themes_announce_block(internal_site: Path):
    """Material's ``announce`` block holds the banner (overrides/main.html), on the 404 page as on every other."""
    for page in (internal_site / "index.html", internal_site / "404.html", internal_site / "en/orgs/index.html"):
        text = page.read_text(encoding="utf-8")
        banner = text[text.index('<aside class="md-banner">'):]
        banner = banner[:banner.index("</aside>")]
        assert 'class="kms-internal-banner"' in banner, page


def test_internal_values_are_tagged_as_internal_on_the_staff_site(internal_site: Path):
    org = read_yaml(ROOT / "plans/suso/organisation.yml")
    page = (internal_site / "orgs/suso/people/index.html").read_text(encoding="utf-8")
    for person in org["people"]:
        for c in person.get("contacts") or []:
            card = page[page.index(f'id="{person["id"]}"'):]
            card = card[:card.index("</article>")]
            item = next(li for li in re.findall(r"<li>(.*?)</li>", card, flags=re.S) if html.escape(c["value"]) in li
                        or c["value"] in li)
            assert ("kms-internal-tag" in item) == (c.get("visibility", "internal") != "public"), (person["id"], c)
