#!/usr/bin/env python3
"""Write a project with N organisations cloned round-robin from the demo's three (a large tree to measure).

    scripts/generate_orgs.py N OUTDIR [--seed S]

OUTDIR becomes a project root: ``mkdocs.yml``, ``docs/`` and ``overrides/`` copied from this repository,
and ``plans/`` with N organisation folders. Organisation i is a copy of demo organisation ``i % 3``
(suso, prachantakham, pathumthani-pao, in that order) whose place name is replaced everywhere it is
written (Thai, English, the slug in page references, the web host) by a made-up place name, unique
in the tree; the slug follows the new name. Everything else (people, plans, knowledge, announcements,
acknowledgements) is copied byte for byte, so `kmsite check` reports no errors and no warnings, only
the demo's acknowledged notes, once per copy.

Deterministic: the same N and seed write the same bytes. Extending it (more variety, provinces,
sizes) means adding to TEMPLATES or the name parts below; keep it seeded and keep the check clean.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".yml", ".yaml", ".md", ".txt", ".csv"}  # files whose text is rewritten; others are copied


@dataclass(frozen=True)
class Template:
    """A demo organisation and how its place name is written in its files."""

    slug: str
    thai: str  # the place name in Thai: every occurrence is replaced
    english: str  # the place name in English (whole words)
    host: str  # the place part of its web host name ("pathumpao" of www.pathumpao.go.th), or ""
    slug_suffix: str  # added to the new slug ("-pao")


TEMPLATES = (
    Template("suso", "สุโสะ", "Suso", "", ""),
    Template("prachantakham", "ประจันตคาม", "Prachantakham", "", ""),
    Template("pathumthani-pao", "ปทุมธานี", "Pathum Thani", "pathumpao", "-pao"),
)

# Made-up place names: a head, a body and an optional tail, each (Thai, romanised).
HEADS = (("นา", "Na"), ("บาง", "Bang"), ("หนอง", "Nong"), ("ดอน", "Don"), ("โคก", "Khok"), ("ห้วย", "Huai"),
         ("ท่า", "Tha"), ("ทุ่ง", "Thung"), ("เขา", "Khao"), ("คลอง", "Khlong"), ("ป่า", "Pa"), ("สระ", "Sa"),
         ("โนน", "Non"), ("บึง", "Bueng"), ("ลำ", "Lam"), ("แม่", "Mae"), ("ศรี", "Si"), ("เวียง", "Wiang"),
         ("หาด", "Hat"), ("เกาะ", "Ko"))
BODIES = (("คำ", "kham"), ("ทอง", "thong"), ("แก้ว", "kaeo"), ("งาม", "ngam"), ("ยาง", "yang"), ("ไผ่", "phai"),
          ("โพธิ์", "pho"), ("สวรรค์", "sawan"), ("ทราย", "sai"), ("เจริญ", "charoen"), ("บัว", "bua"),
          ("หลวง", "luang"), ("ชัย", "chai"), ("สุข", "suk"), ("มะม่วง", "mamuang"), ("ขาม", "khaam"),
          ("จันทร์", "chan"), ("ประดู่", "pradu"), ("สะแก", "sakae"), ("ตะเคียน", "takhian"))
TAILS = (("", ""), ("เหนือ", "nuea"), ("ใต้", "tai"), ("กลาง", "klang"), ("ใหม่", "mai"), ("ออก", "ok"),
         ("ตก", "tok"), ("น้อย", "noi"), ("ใหญ่", "yai"))

MAX_THAI = 12  # characters of a place name


@dataclass(frozen=True)
class Place:
    thai: str
    roman: str  # "Nakhamnuea": the English name and, lower-cased, the slug

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9-]", "", self.roman.lower())


def place_names(n: int, seed: int) -> list[Place]:
    """N distinct made-up places in a seeded order; none is a demo place or starts like one, and each is
    short enough for the check's reading of organisation names (kmsite_plugins/loader/lint.py)."""
    taken = {t.thai for t in TEMPLATES}
    places, seen_roman = [], set()
    for (th1, ro1), (th2, ro2), (th3, ro3) in itertools.product(HEADS, BODIES, TAILS):
        thai, roman = th1 + th2 + th3, ro1 + ro2 + ro3
        if (len(thai) > MAX_THAI or roman.lower() in seen_roman
                or any(thai.startswith(t) or t.startswith(thai) for t in taken)):
            continue
        seen_roman.add(roman.lower())
        places.append(Place(thai, roman))
    if n > len(places):
        raise SystemExit(f"generate_orgs: at most {len(places)} organisations; add name parts for more")
    random.Random(seed).shuffle(places)
    return places[:n]


def rewrite(text: str, template: Template, place: Place, slug: str) -> str:
    """The template's place name, slug and host written as the new organisation's."""
    text = text.replace(template.thai, place.thai)
    text = re.sub(rf"\b{re.escape(template.english)}\b", place.roman, text)
    text = text.replace(f"orgs/{template.slug}/", f"orgs/{slug}/")
    if template.host:
        text = text.replace(template.host, place.slug + template.slug_suffix.strip("-"))
    return text


def clone(template: Template, place: Place, plans_out: Path) -> str:
    """Copy one demo organisation folder as a new organisation; returns its slug."""
    slug = place.slug + template.slug_suffix
    source = ROOT / "plans" / template.slug
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        dest = plans_out / slug / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in TEXT_SUFFIXES:
            dest.write_text(rewrite(path.read_text(encoding="utf-8"), template, place, slug), encoding="utf-8")
        else:
            shutil.copyfile(path, dest)
    return slug


def generate(n: int, outdir: Path, seed: int = 1) -> list[str]:
    """Write the project; returns the organisation slugs in generation order."""
    if (outdir / "plans").exists():
        raise SystemExit(f"generate_orgs: {outdir / 'plans'} exists; give an empty or new folder")
    outdir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "mkdocs.yml", outdir / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, outdir / folder, dirs_exist_ok=True)
    plans_out = outdir / "plans"
    plans_out.mkdir()
    return [clone(TEMPLATES[i % len(TEMPLATES)], place, plans_out) for i, place in enumerate(place_names(n, seed))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of organisations")
    parser.add_argument("outdir", type=Path, help="project folder to write (its plans/ must not exist)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the name order (default: 1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    slugs = generate(args.n, args.outdir, args.seed)
    shown = ", ".join(slugs[:3]) + (", ..." if len(slugs) > 3 else "")
    print(f"{len(slugs)} organisations in {args.outdir / 'plans'}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
