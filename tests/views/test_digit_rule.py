"""Digits, one rule: every number on a Thai page follows the site's ``digits`` option, every number on an
English page is Arabic; what the author wrote is shown as written.

To tell the site's numbers from the author's, the demo is built from a copy whose author text carries
digits of one kind only: with every author digit Arabic, any Thai digit on an English page (or on a Thai
page with ``digits: arabic``) was made by the site; with every author number Thai, any Arabic number on a
Thai page with ``digits: thai`` was made by the site. Tokens with Latin letters or URL/identifier marks
(``KMP1``, ``A4``, ``https://…``, ``qr-e5alzr.png``) are names, not numbers.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kmsite_plugins.cli import check
from kmsite_plugins.thai.digits import to_arabic, to_thai
from tests.conftest import ROOT, run_mkdocs

THAI_DIGIT = re.compile(r"[๐-๙]")
ARABIC_DIGIT = re.compile(r"[0-9]")
NAME = re.compile(r"[A-Za-z/:@#=_]")  # a token with these is a name, a URL or an identifier, not a number
CODE = re.compile(r"\(?(?:KMP|CMP)")  # KM step codes ("KMP 1", "(KMP 1)")
# YAML keys whose values are identifiers or keys into other files: left alone when author numbers turn Thai
ID_KEYS = re.compile(r"^\s*-?\s*(announces|id|row|chosen|section|short|page|file|photo|ref|plan_activity|"
                     r"source_url|cop|owner|department|position|key)\s*:")


# Fields that are numbers, not text: the site formats them, so the copy writes them in the other digits
NUMBER_KEYS = re.compile(r"^\s*-?\s*(no|fiscal_year|round)\s*:")


def _with_author_digits(text: str, author: str) -> str:
    """Author text with its digits in ``author`` digits; identifiers, keys and URLs untouched, and the
    number fields (row numbers, fiscal years, rounds) in the other digits, to be normalised by the site."""
    lines = []
    for line in text.splitlines(keepends=True):
        if NUMBER_KEYS.match(line):
            lines.append(to_thai(line) if author == "arabic" else to_arabic(line))
        elif author == "arabic":
            lines.append(to_arabic(line))
        elif ID_KEYS.match(line):
            lines.append(line)
        else:
            lines.append(re.sub(r"\S+", lambda m: m[0] if NAME.search(m[0]) else to_thai(m[0]), line))
    return "".join(lines)


def _project(root: Path, author: str, digits: str) -> Path:
    """A copy of the demo project whose author text has ``author`` digits, built with ``digits``."""
    for name in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / name, root / name)
    for path in [*root.glob("plans/**/*"), *root.glob("docs/**/*.md")]:
        if path.suffix in (".yml", ".yaml", ".md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(_with_author_digits(text, author), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = "      audience: !ENV [KMSITE_AUDIENCE, public]"
    assert plugin in config
    (root / "mkdocs.yml").write_text(config.replace(plugin, f"{plugin}\n      digits: {digits}"), encoding="utf-8")
    return root / "mkdocs.yml"


def _visible_tokens(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    body = text[text.find("<body"):]
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", body, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", body)).split()


def _wrong(site: Path, tree: str, wrong: re.Pattern[str]) -> list[str]:
    """``page: token`` for every number with digits of the wrong kind in one language tree."""
    pages = [p for p in site.rglob("*.html") if (p.relative_to(site).parts[0] == "en") == (tree == "en")]
    assert len(pages) > 50
    found = []
    for page in sorted(pages):
        tokens = _visible_tokens(page)
        for i, token in enumerate(tokens):
            if not wrong.search(token) or NAME.search(token):
                continue
            if i and CODE.fullmatch(tokens[i - 1]):  # "KMP 1": a step code written with a space
                continue
            if page.name == "404.html" and token == "404":  # the theme's HTTP status, not a number of ours
                continue
            found.append(f"{page.relative_to(site)}: {' '.join(tokens[max(0, i - 3):i + 2])}")
    return found


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The demo built three ways: (author digits, site digits)."""
    sites = {}
    for author, digits in (("arabic", "thai"), ("arabic", "arabic"), ("thai", "thai")):
        root = tmp_path_factory.mktemp(f"digits-{author}-{digits}")
        config = _project(root, author, digits)
        assert check(root, out=open(root / "check.txt", "w", encoding="utf-8")) == 0, (root / "check.txt").read_text()
        result: subprocess.CompletedProcess[str] = run_mkdocs(root / "site", config=config)
        assert result.returncode == 0, result.stderr[-3000:]
        sites[(author, digits)] = root / "site"
    return sites


@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_english_pages_have_arabic_digits_only(builds, digits):
    assert _wrong(builds[("arabic", digits)], "en", THAI_DIGIT) == []


def test_thai_pages_with_arabic_digits_have_no_thai_digit(builds):
    assert _wrong(builds[("arabic", "arabic")], "th", THAI_DIGIT) == []


def test_thai_pages_with_thai_digits_have_no_arabic_number(builds):
    assert _wrong(builds[("thai", "thai")], "th", ARABIC_DIGIT) == []
