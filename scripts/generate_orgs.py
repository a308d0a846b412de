#!/usr/bin/env python3
"""Write a project with N organisations of realistic shape and variety (a large tree to measure).

    scripts/generate_orgs.py N OUTDIR [--seed S]

OUTDIR becomes a project root: ``mkdocs.yml``, ``docs/`` and ``overrides/`` copied from this repository,
and ``plans/`` with N organisation folders. Organisation i starts from demo organisation ``i % 3`` (suso:
a Markdown plan; prachantakham: a Markdown plan; pathumthani-pao: a YAML plan with worksheets, a division
of an อบจ.), then:

- gets a made-up place name (unique in the tree), a real province (one of the 77, Thai and English) and,
  for the local governments, an organisation type drawn with the country's proportions (อบต., เทศบาลตำบล,
  เทศบาลเมือง, เทศบาลนคร); name, type, slug and web host are rewritten everywhere they are written;
- has its plan's focus areas, desired states and success factors redrawn from the demo's pool;
- gains generated staff (about 20 people in all, with KM roles), knowledge topics and assets (about 10),
  a community of practice with meetings, and an announcement.

Generated text is recombined from clauses of the demo's Thai and English text (itself transcribed from
the seed documents), filtered so that no clause names another organisation, a phone number or markup:
a search index sees varied text, not the same sentence N times. Everything generated is marked
``example: true``. `kmsite check` reports no errors and no warnings, only the demo's acknowledged notes,
once per organisation.

Deterministic: the same N and seed write the same bytes (organisation i depends on the seed and i only).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".yml", ".yaml", ".md", ".txt", ".csv"}  # files whose text is rewritten; others are copied


@dataclass(frozen=True)
class OrgType:
    """How an organisation type is written: the model's type, its long and short Thai prefix, English."""

    type: str
    long: str
    abbr: str
    english: str  # "Subdistrict Administrative Organization"
    english_abbr: str  # "SAO"
    weight: float  # share among the local governments (DLA counts: ~5,300 อบต., ~2,250 ทต., ~195 ทม., ~30 ทน.)


TYPES = (
    OrgType("อบต.", "องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organization", "SAO", 0.62),
    OrgType("เทศบาลตำบล", "เทศบาลตำบล", "ทต.", "Subdistrict Municipality", "Subdistrict Municipality", 0.30),
    OrgType("เทศบาลเมือง", "เทศบาลเมือง", "ทม.", "Town Municipality", "Town Municipality", 0.06),
    OrgType("เทศบาลนคร", "เทศบาลนคร", "ทน.", "City Municipality", "City Municipality", 0.02),
)


@dataclass(frozen=True)
class Template:
    """A demo organisation and how its place name is written in its files."""

    slug: str
    thai: str  # the place name in Thai: every occurrence is replaced
    english: str  # the place name in English (whole words)
    host: str  # the place part of its web host name ("pathumpao" of www.pathumpao.go.th), or ""
    slug_suffix: str  # added to the new slug ("-pao")
    type: str  # its organisation type among TYPES, or "" when it keeps its type (a division of an อบจ.)


TEMPLATES = (
    Template("suso", "สุโสะ", "Suso", "", "", "อบต."),
    Template("prachantakham", "ประจันตคาม", "Prachantakham", "", "", "เทศบาลตำบล"),
    Template("pathumthani-pao", "ปทุมธานี", "Pathum Thani", "pathumpao", "-pao", ""),
)

# The 77 provinces (Bangkok included), Thai and English.
PROVINCES = (
    ("กรุงเทพมหานคร", "Bangkok"), ("กระบี่", "Krabi"), ("กาญจนบุรี", "Kanchanaburi"), ("กาฬสินธุ์", "Kalasin"),
    ("กำแพงเพชร", "Kamphaeng Phet"), ("ขอนแก่น", "Khon Kaen"), ("จันทบุรี", "Chanthaburi"),
    ("ฉะเชิงเทรา", "Chachoengsao"), ("ชลบุรี", "Chon Buri"), ("ชัยนาท", "Chai Nat"), ("ชัยภูมิ", "Chaiyaphum"),
    ("ชุมพร", "Chumphon"), ("เชียงราย", "Chiang Rai"), ("เชียงใหม่", "Chiang Mai"), ("ตรัง", "Trang"),
    ("ตราด", "Trat"), ("ตาก", "Tak"), ("นครนายก", "Nakhon Nayok"), ("นครปฐม", "Nakhon Pathom"),
    ("นครพนม", "Nakhon Phanom"), ("นครราชสีมา", "Nakhon Ratchasima"), ("นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("นครสวรรค์", "Nakhon Sawan"), ("นนทบุรี", "Nonthaburi"), ("นราธิวาส", "Narathiwat"), ("น่าน", "Nan"),
    ("บึงกาฬ", "Bueng Kan"), ("บุรีรัมย์", "Buri Ram"), ("ปทุมธานี", "Pathum Thani"),
    ("ประจวบคีรีขันธ์", "Prachuap Khiri Khan"), ("ปราจีนบุรี", "Prachin Buri"), ("ปัตตานี", "Pattani"),
    ("พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"), ("พะเยา", "Phayao"), ("พังงา", "Phangnga"),
    ("พัทลุง", "Phatthalung"), ("พิจิตร", "Phichit"), ("พิษณุโลก", "Phitsanulok"), ("เพชรบุรี", "Phetchaburi"),
    ("เพชรบูรณ์", "Phetchabun"), ("แพร่", "Phrae"), ("ภูเก็ต", "Phuket"), ("มหาสารคาม", "Maha Sarakham"),
    ("มุกดาหาร", "Mukdahan"), ("แม่ฮ่องสอน", "Mae Hong Son"), ("ยโสธร", "Yasothon"), ("ยะลา", "Yala"),
    ("ร้อยเอ็ด", "Roi Et"), ("ระนอง", "Ranong"), ("ระยอง", "Rayong"), ("ราชบุรี", "Ratchaburi"),
    ("ลพบุรี", "Lop Buri"), ("ลำปาง", "Lampang"), ("ลำพูน", "Lamphun"), ("เลย", "Loei"), ("ศรีสะเกษ", "Si Sa Ket"),
    ("สกลนคร", "Sakon Nakhon"), ("สงขลา", "Songkhla"), ("สตูล", "Satun"), ("สมุทรปราการ", "Samut Prakan"),
    ("สมุทรสงคราม", "Samut Songkhram"), ("สมุทรสาคร", "Samut Sakhon"), ("สระแก้ว", "Sa Kaeo"),
    ("สระบุรี", "Saraburi"), ("สิงห์บุรี", "Sing Buri"), ("สุโขทัย", "Sukhothai"), ("สุพรรณบุรี", "Suphan Buri"),
    ("สุราษฎร์ธานี", "Surat Thani"), ("สุรินทร์", "Surin"), ("หนองคาย", "Nong Khai"),
    ("หนองบัวลำภู", "Nong Bua Lam Phu"), ("อ่างทอง", "Ang Thong"), ("อำนาจเจริญ", "Amnat Charoen"),
    ("อุดรธานี", "Udon Thani"), ("อุตรดิตถ์", "Uttaradit"), ("อุทัยธานี", "Uthai Thani"),
    ("อุบลราชธานี", "Ubon Ratchathani"),
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

# Staff names: given names and family names.
GIVEN = ("สมชาย", "สมศรี", "วิไลวรรณ", "ประเสริฐ", "สุนีย์", "อนุชา", "กาญจนา", "ธีรพงษ์", "พรทิพย์", "ณัฐวุฒิ",
         "จันทร์เพ็ญ", "วีระศักดิ์", "รัตนา", "ชัยวัฒน์", "อรุณี", "สุริยา", "นงลักษณ์", "เกียรติศักดิ์", "ปิยะนุช",
         "ธนพล", "มาลัย", "ศักดิ์ชัย", "บุญเรือน", "อภิชาติ", "ลำดวน", "พิมพ์ชนก", "ทองใบ", "ยุทธนา", "สายสุนีย์",
         "กิตติพงศ์", "อัญชลี", "ไพโรจน์", "วรรณา", "สมพงษ์", "จิราพร", "ธวัชชัย", "ศิริพร", "บุญมี", "เพ็ญศรี", "ปกรณ์")
FAMILY = ("ใจดี", "ศรีสุข", "แก้วมณี", "บุญมา", "ทองคำ", "พรหมวงศ์", "สุขสวัสดิ์", "จันทร์หอม", "อินทร์แก้ว",
          "วงศ์ใหญ่", "ปัญญาดี", "มีสุข", "รุ่งเรือง", "ศรีวิชัย", "เพชรรัตน์", "คำแสน", "บุญยืน", "สมบูรณ์",
          "ชัยมงคล", "นาคสวัสดิ์", "ดวงแก้ว", "แสงทอง", "เรืองศรี", "พูลผล", "ธรรมรักษ์", "สิทธิโชค", "ประเสริฐศรี",
          "อ่อนศรี", "ขันทอง", "มั่นคง")
HONORIFICS = ("นาย", "นาง", "นางสาว")

# Knowledge topics common to local governments (id, Thai, English), joined with the demo's own topics.
TOPICS = (
    ("land-building-tax", "ภาษีที่ดินและสิ่งปลูกสร้าง", "Land and building tax"),
    ("e-gp-procurement", "การจัดซื้อจัดจ้างผ่านระบบ e-GP", "Procurement through the e-GP system"),
    ("e-laas-accounting", "การบันทึกบัญชีในระบบ e-LAAS", "Bookkeeping in the e-LAAS system"),
    ("local-development-plan", "การจัดทำแผนพัฒนาท้องถิ่น", "Drafting the local development plan"),
    ("budget-ordinance", "การจัดทำข้อบัญญัติงบประมาณรายจ่าย", "Drafting the annual budget ordinance"),
    ("disaster-relief", "การช่วยเหลือผู้ประสบภัยพิบัติ", "Relief for disaster victims"),
    ("waste-management", "การจัดการขยะมูลฝอยชุมชน", "Community waste management"),
    ("child-development-centre", "การบริหารศูนย์พัฒนาเด็กเล็ก", "Running the child development centre"),
    ("water-supply", "การบริหารกิจการประปาหมู่บ้าน", "Running the village water supply"),
    ("building-permit", "การขออนุญาตก่อสร้างอาคาร", "Building permits"),
    ("dengue-prevention", "การป้องกันโรคไข้เลือดออก", "Dengue fever prevention"),
    ("public-complaints", "การรับเรื่องร้องเรียนร้องทุกข์", "Handling public complaints"),
    ("official-information", "การเปิดเผยข้อมูลข่าวสารของราชการ", "Disclosure of official information"),
    ("road-maintenance", "การซ่อมบำรุงถนนในความรับผิดชอบ", "Maintaining the roads in its charge"),
    ("elderly-care", "การดูแลผู้สูงอายุที่มีภาวะพึ่งพิง", "Care for dependent elderly people"),
    ("community-enterprise", "การส่งเสริมวิสาหกิจชุมชน", "Promoting community enterprises"),
    ("fire-prevention", "การป้องกันและบรรเทาสาธารณภัย", "Fire and disaster prevention"),
    ("staff-performance", "การประเมินผลการปฏิบัติงานของพนักงาน", "Staff performance appraisal"),
    ("integrity-assessment", "การประเมินคุณธรรมและความโปร่งใส (ITA)", "Integrity and transparency assessment (ITA)"),
    ("digital-services", "การให้บริการประชาชนผ่านช่องทางออนไลน์", "Online public services"),
    ("meeting-minutes", "การจัดทำรายงานการประชุม", "Writing meeting minutes"),
    ("asset-register", "การจัดทำทะเบียนทรัพย์สิน", "Keeping the asset register"),
    ("welfare-allowance", "การจ่ายเบี้ยยังชีพผ่านบัญชีธนาคาร", "Paying allowances into bank accounts"),
    ("school-lunch", "การบริหารโครงการอาหารกลางวันโรงเรียน", "Running the school lunch programme"),
)
FORMS = (("manual", "คู่มือ", "Manual"), ("lessons_learned", "ถอดบทเรียน", "Lessons learned"),
         ("article", "บทความ", "Article"), ("checklist", "รายการตรวจสอบ", "Checklist"),
         ("training_summary", "สรุปการอบรม", "Training summary"), ("report", "รายงาน", "Report"))
TAGS = ("การจัดการความรู้", "งานบริการประชาชน", "งานคลัง", "งานช่าง", "สวัสดิการสังคม", "ธรรมาภิบาล", "เทคโนโลยี",
        "การพัฒนาบุคลากร", "สาธารณสุข", "การศึกษา", "สิ่งแวดล้อม", "ความปลอดภัย")
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
          "พฤศจิกายน", "ธันวาคม")
TARGET_PEOPLE = 20
TARGET_ASSETS = 10

# Clauses that must not reach generated text: another organisation's name, contacts, markup, numbers.
_ORG_WORD = re.compile(r"องค์การบริหารส่วน|เทศบาล|อบต|อบจ|ทต\.|ทม\.|ทน\.|สุโสะ|ประจันตคาม|ปทุมธานี|วังเย็น|จังหวัด|อำเภอ")
_UNSAFE = re.compile(r"[0-9๐-๙@|#*\[\]<>{}`_\\:;()\"'=/]|http|www|KMP|CMP|ตัวอย่าง")
_ENGLISH_UNSAFE = re.compile(r"Suso|Prachantakham|Pathum|Wang Yen|SAO|Municipality|Organization|Province|"
                             r"[0-9@|#*\[\]<>{}`_\\:;()\"=/]|http|www|KMP|CMP|[Ee]xample")
_THAI = re.compile(r"[\u0E01-\u0E4E]")


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


# --- the demo's text, cut into clauses ------------------------------------------------------------------

def load_yaml(text: str) -> Any:
    """YAML data (libyaml's loader when PyYAML has it: the pure-Python one is most of the generation time)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def _demo_texts() -> Iterator[str]:
    """Every string of the demo's YAML files and front matter, and every line of its Markdown bodies."""
    for path in sorted((ROOT / "plans").rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            yield from _strings(load_yaml(path.read_text(encoding="utf-8")))
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                front, _, text = text[4:].partition("\n---\n")
                yield from _strings(load_yaml(front))
            yield from text.splitlines()


@lru_cache(maxsize=1)
def clause_pools() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Thai clauses (space-separated runs) and English sentences of the demo, each once, in file order."""
    thai: dict[str, None] = {}
    english: dict[str, None] = {}
    for text in _demo_texts():
        for part in re.split(r"\s+-\s*|\s{1,}", text):
            part = part.strip(" -.,")
            if (12 <= len(part) <= 90 and len(_THAI.findall(part)) >= 0.8 * len(part)
                    and not _ORG_WORD.search(part) and not _UNSAFE.search(part)):
                thai[part] = None
        for sentence in re.split(r"(?<=[.;])\s+", text):
            sentence = sentence.strip()
            if (30 <= len(sentence) <= 200 and not _THAI.search(sentence) and sentence[0].isupper()
                    and sentence.endswith(".") and not _ENGLISH_UNSAFE.search(sentence)):
                english[sentence] = None
    return tuple(thai), tuple(english)


def _list_items(text: str) -> list[str]:
    return [line.split(". ", 1)[1] for line in text.splitlines() if re.match(r"^\d+\. ", line)]


@lru_cache(maxsize=1)
def plan_pools() -> dict[str, tuple[str, ...]]:
    """Focus areas, desired states and success factors of the demo plans (items naming no organisation)."""
    pools: dict[str, list[str]] = {"focus_areas": [], "desired_states": [], "success_factors": []}
    for path in sorted((ROOT / "plans").glob("*/plans/*")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":
            data = load_yaml(text)
            for key, items in pools.items():
                items += data.get(key) or []
        else:
            for key, heading in MD_HEADINGS.items():
                section = text.split(heading, 1)[1].split("\n## ", 1)[0]
                pools[key] += _list_items(section)
    return {key: tuple(dict.fromkeys(i for i in items if not _ORG_WORD.search(i) and "|" not in i))
            for key, items in pools.items()}


MD_HEADINGS = {"focus_areas": "## ขอบเขต KM (KM Focus Areas)", "desired_states": "## เป้าหมาย KM (Desired State)",
               "success_factors": "## ปัจจัยแห่งความสำเร็จ (Key Success Factors)"}
YAML_KEYS = ("focus_areas", "desired_states", "success_factors")


def sentence(rng: random.Random, parts: tuple[int, int] = (2, 4)) -> str:
    """A Thai sentence of a few clauses drawn from the demo."""
    thai, _ = clause_pools()
    return " ".join(rng.sample(thai, rng.randint(*parts)))


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def english(rng: random.Random, count: int = 1) -> str:
    _, pool = clause_pools()
    return " ".join(rng.sample(pool, count))


def q(value: str) -> str:
    """A YAML scalar for any text (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def thai_date(rng: random.Random, years: tuple[int, int] = (2565, 2568)) -> str:
    return f"{rng.randint(*years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def thai_digits(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


# --- copying a demo organisation under a new name ----------------------------------------------------------

def rewrite(text: str, template: Template, place: Place, slug: str, org_type: OrgType | None) -> str:
    """The template's place name, type, slug and host written as the new organisation's."""
    text = text.replace(template.thai, place.thai)
    text = re.sub(rf"\b{re.escape(template.english)}\b", place.roman, text)
    text = text.replace(f"orgs/{template.slug}/", f"orgs/{slug}/")
    if template.host:
        text = text.replace(template.host, place.slug + template.slug_suffix.strip("-"))
    old = next((t for t in TYPES if t.type == template.type), None)
    if old and org_type and old != org_type:
        text = text.replace(old.long, org_type.long).replace(old.abbr, org_type.abbr)
        text = text.replace(old.english, org_type.english)
        text = re.sub(rf"\b{re.escape(old.english_abbr)}\b", org_type.english_abbr, text)
    return text


def clone(template: Template, place: Place, plans_out: Path, org_type: OrgType | None) -> str:
    """Copy one demo organisation folder as a new organisation; returns its slug."""
    slug = place.slug + template.slug_suffix
    source = ROOT / "plans" / template.slug
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        dest = plans_out / slug / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in TEXT_SUFFIXES:
            text = rewrite(path.read_text(encoding="utf-8"), template, place, slug, org_type)
            if path.suffix == ".yml":  # the demo's transcription notes are not this organisation's
                text = re.sub(r"^ *#.*\n", "", text, flags=re.M)
            dest.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, dest)
    return slug


# --- what each organisation gains ---------------------------------------------------------------------

def set_field(text: str, key: str, value: str) -> str:
    """Set a top-level ``key: value`` line of a YAML file (added after ``type:`` when absent)."""
    line = f"{key}: {q(value)}"
    if re.search(rf"^{key}:.*$", text, flags=re.M):
        return re.sub(rf"^{key}:.*$", lambda _: line, text, count=1, flags=re.M)
    return re.sub(r"^(type:.*)$", lambda m: f"{m.group(1)}\n{line}", text, count=1, flags=re.M)


def redraw_plan(path: Path, rng: random.Random) -> None:
    """Replace the plan's focus areas, desired states and success factors by a draw from the demo's pool."""
    text = path.read_text(encoding="utf-8")
    pools = plan_pools()
    for key in YAML_KEYS:
        items = rng.sample(pools[key], min(len(pools[key]), rng.randint(3, 5)))
        if path.suffix == ".md":
            heading = MD_HEADINGS[key]
            head, rest = text.split(heading, 1)
            _, tail = rest.split("\n## ", 1)
            body = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
            text = f"{head}{heading}\n\n{body}\n\n## {tail}"
        else:
            block = f"{key}:\n" + "".join(f"  - {q(item)}\n" for item in items)
            text = re.sub(rf"^{key}:\n(?:  - .*\n|    .*\n)+", lambda _, b=block: b, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


@dataclass
class Staff:
    id: str
    full: str
    position: str


def add_people(folder: Path, rng: random.Random) -> list[Staff]:
    """Add generated staff to organisation.yml until it has about TARGET_PEOPLE people."""
    path = folder / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    data = load_yaml(text)
    positions = [p["id"] for p in data.get("positions") or []]
    count = max(4, TARGET_PEOPLE + rng.randint(-4, 4) - len(data.get("people") or []))
    names = rng.sample(list(itertools.product(GIVEN, FAMILY)), count)
    staff, lines = [], []
    for i, (given, family) in enumerate(names, 1):
        person = Staff(f"staff-{i:02d}", f"{given} {family}", rng.choice(positions))
        honorific = rng.choice(HONORIFICS)
        lines += [f"  - id: {person.id}", f"    honorific: {honorific}", f"    name: {q(person.full)}",
                  f"    position: {person.position}", "    example: true"]
        roles = {1: ["facilitator"], 2: ["note_taker"]}.get(i, ["practitioner"] if rng.random() < .5 else [])
        if roles:
            lines.append(f"    km_roles: [{', '.join(roles)}]")
        staff.append(person)
    text = re.sub(r"^people:.*$", "people:", text, count=1, flags=re.M).rstrip("\n") + "\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return staff


def add_knowledge(folder: Path, staff: list[Staff], rng: random.Random) -> list[tuple[str, str, str]]:
    """Add topics to knowledge/topics.yml and assets until there are about TARGET_ASSETS; returns the
    added (asset slug, topic id, topic title)."""
    org = load_yaml((folder / "organisation.yml").read_text(encoding="utf-8"))
    departments = [d["id"] for d in org.get("departments") or []]
    topics_path = folder / "knowledge" / "topics.yml"
    topics_text = topics_path.read_text(encoding="utf-8")
    existing = load_yaml(topics_text)["topics"]
    taken = {t["id"] for t in existing}
    number = len(existing)
    have = len(list((folder / "knowledge").glob("*.md")))
    fresh = [t for t in TOPICS if t[0] not in taken]
    added, lines = [], []
    for topic_id, title, title_en in rng.sample(fresh, max(3, TARGET_ASSETS + rng.randint(-2, 2) - have)):
        number += 1
        holders = rng.sample([s.id for s in staff], 2)
        department = rng.choice(departments)
        lines += [f"  - no: {q(thai_digits(number))}", f"    id: {topic_id}", f"    title: {q(title)}",
                  f"    title_en: {q(title_en)}", f"    department: {department}",
                  f"    holders: [{', '.join(holders)}]", "    example: true"]
        form, form_th, form_en = rng.choice(FORMS)
        slug = f"{topic_id}-{form.replace('_', '-')}"
        front = [f"title: {q(f'{form_th}{title}')}", f"title_en: {q(f'{form_en}: {title_en}')}",
                 f"summary: {q(sentence(rng))}", f"summary_en: {q(english(rng))}", f"department: {department}",
                 f"type: {rng.choice(('explicit', 'tacit'))}", f"form: {form}", f"holders: [{', '.join(holders)}]",
                 f"topics: [{topic_id}]", f"tags: [{', '.join(rng.sample(TAGS, 2))}]", f"created: {thai_date(rng)}",
                 "example: true"]
        steps = "\n".join(f"{i}. {sentence(rng, (1, 2))}" for i in range(1, rng.randint(3, 6)))
        body = f"{paragraph(rng)}\n\n## {sentence(rng, (1, 1))}\n\n{steps}\n\n{paragraph(rng)}\n"
        (folder / "knowledge" / f"{slug}.md").write_text("---\n" + "\n".join(front) + "\n---\n\n" + body,
                                                        encoding="utf-8")
        added.append((slug, topic_id, title))
    topics_path.write_text(topics_text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return added


def add_cop(folder: Path, staff: list[Staff], assets: list[tuple[str, str, str]], rng: random.Random) -> None:
    """Add a community of practice around one added topic, with a few meetings."""
    slug, topic_id, title = assets[0]
    members = [s.id for s in staff[2:]]
    lines = [f"  - id: cop-{topic_id}", f"    name: {q('ชุมชนนักปฏิบัติ' + title)}",
             f"    practice: {q(sentence(rng))}", f"    topics: [{topic_id}]", f"    facilitator: {staff[0].id}",
             f"    note_taker: {staff[1].id}", f"    members: [{', '.join(rng.sample(members, 4))}]",
             "    example: true", "    meetings:"]
    year = rng.randint(2565, 2567)
    for month in sorted(rng.sample(range(1, 13), rng.randint(2, 5))):
        attendees = [staff[0].id, staff[1].id, *rng.sample(members, 3)]
        lines += [f"      - date: {year}-{month:02d}-{rng.randint(1, 28):02d}",
                  f"        topic: {q(sentence(rng, (1, 2)))}",
                  f"        learned: {q(sentence(rng))}", f"        learned_en: {q(english(rng))}",
                  f"        attendees: [{', '.join(attendees)}]"]
        if rng.random() < .4:
            lines.append(f"        assets: [{slug}]")
    path = folder / "cops.yml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def add_announcement(folder: Path, slug: str, staff: list[Staff], assets: list[tuple[str, str, str]],
                     rng: random.Random) -> None:
    """Add an announcement that publishes the organisation's knowledge store."""
    org = load_yaml((folder / "organisation.yml").read_text(encoding="utf-8"))
    signer = staff[0]
    title = next(p["title"] for p in org["positions"] if p["id"] == signer.position)
    topics = " ".join(t for _, _, t in assets[:3])
    front = ["example: true", f"title: {q('การเผยแพร่องค์ความรู้ ' + topics)}",
             f"date: {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2565, 2567)}",
             "signer:", f"  name: {q(signer.full)}", f"  position: {q(title)}", f"  ref: {signer.id}",
             f"page: orgs/{slug}/knowledge/"]
    body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(2, 3)))
    path = folder / "announcements" / "knowledge-store.md"
    path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + body + "\n", encoding="utf-8")


def make_org(i: int, place: Place, plans_out: Path, seed: int) -> str:
    """Write organisation i; its randomness depends on the seed and i only."""
    rng = random.Random(f"{seed}:{i}")
    template = TEMPLATES[i % len(TEMPLATES)]
    org_type = rng.choices(TYPES, [t.weight for t in TYPES])[0] if template.type else None
    slug = clone(template, place, plans_out, org_type)
    folder = plans_out / slug
    province, province_en = rng.choice(PROVINCES)
    path = folder / "organisation.yml"
    text = set_field(set_field(path.read_text(encoding="utf-8"), "province", province), "province_en", province_en)
    if org_type:
        text = set_field(set_field(text, "type", org_type.type), "district", place.thai)
    path.write_text(text, encoding="utf-8")
    for plan in sorted((folder / "plans").iterdir()):
        redraw_plan(plan, rng)
    staff = add_people(folder, rng)
    assets = add_knowledge(folder, staff, rng)
    add_cop(folder, staff, assets, rng)
    add_announcement(folder, slug, staff, assets, rng)
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
    return [make_org(i, place, plans_out, seed) for i, place in enumerate(place_names(n, seed))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of organisations")
    parser.add_argument("outdir", type=Path, help="project folder to write (its plans/ must not exist)")
    parser.add_argument("--seed", type=int, default=1, help="seed of names, types, provinces and text (default: 1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    slugs = generate(args.n, args.outdir, args.seed)
    shown = ", ".join(slugs[:3]) + (", ..." if len(slugs) > 3 else "")
    print(f"{len(slugs)} organisations in {args.outdir / 'plans'}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
