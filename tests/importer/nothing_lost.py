"""Helpers for the nothing-lost tests: the words of a draft folder, and source units to find in it."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from kmsite_plugins.importer.fields import header_field
from kmsite_plugins.importer.html_text import html_to_text
from kmsite_plugins.importer.text_reader import clean_markdown, is_rule

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"  # the worktree's or the CI clone's sibling shared/
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

_MARKER = re.compile(r"^\s*(?:[-•*·#]+\s*)?(?:\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\s*[.)]*\s*)?")


def squash(text: str) -> str:
    """Whitespace and wrap hyphens removed: rejoined words and re-laid-out cells still match."""
    return re.sub(r"\s+|(?<=[\u0E01-\u0E4E])-(?=\s)", "", text)


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [str(node)] if node is not None else []


def draft_text(folder: Path) -> tuple[str, str]:
    """(content words, leftovers + labels words) of a draft: YAML values of the content files; leftovers.md and
    the headings and labels import/cells.yml records as read for structure."""
    yaml = YAML(typ="safe")
    content = []
    for path in folder.rglob("*"):
        if path.is_file() and "import" not in path.relative_to(folder).parts:
            text = path.read_text(encoding="utf-8")
            content += _strings(yaml.load(text)) if path.suffix == ".yml" else [text]
    leftovers = (folder / "import" / "leftovers.md").read_text(encoding="utf-8")
    cells = yaml.load((folder / "import" / "cells.yml").read_text(encoding="utf-8"))
    labels = [item["text"] for item in cells["labels"]]
    return squash("\n".join(content)), squash(leftovers + "\n".join(labels))


def units_of_text(path: Path) -> list[tuple[int, str]]:
    """Every non-blank line's pieces (tab cells) as (line, text), table rules excluded."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or is_rule(line):
            continue
        for piece in line.split("\t"):
            piece = piece.strip().strip("|").strip()
            if not piece or is_rule(piece):
                continue
            for part in piece.split("|"):
                text = html_to_text(clean_markdown(part.strip()))
                text = re.sub(r"^#+\s*", "", text)
                if text.strip():
                    out.append((number, text))
    return out


def found(text: str, haystack: str) -> bool:
    """The unit's words are in the haystack, with or without its list marker; of a form header field
    (``label : value``) the value, which the draft keeps under the label's key."""
    field = header_field(text)
    if field:
        text = field[1]
    words = squash(text)
    bare = squash(_MARKER.sub("", text, count=1))
    return words in haystack or (bool(bare) and bare in haystack)
