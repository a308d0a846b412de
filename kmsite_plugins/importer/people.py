"""Names, positions and committee seats as plans write them.

``๑. นายสมคิด  รองเดช`` is a person (honorific, given name, surname); ``ผู้อำนวยการกองคลัง`` is a
position (no honorific, or no space between the parts: ``นายกองค์การบริหารส่วนตำบล`` is a post, not
``นาย`` + a name). Seats are the committee roles of the model; ``เป็นกรรมการ`` keeps its wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model.committee import CommitteeRole

HONORIFICS = ("ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "พลตำรวจโท",
              "พันตำรวจเอก", "พ.ต.อ.", "พล.ต.ท.", "จ.ส.อ.", "สิบเอก", "ร.ต.", "ส.ต.ท.")
_NUMBER = re.compile(r"^\s*[-•]?\s*\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\s*[.)]*\s*")
ROLES: tuple[str, ...] = CommitteeRole.__args__  # type: ignore[attr-defined]
_ROLE_WORDS = sorted(ROLES, key=len, reverse=True)


@dataclass
class Name:
    honorific: str
    name: str  # given name and surname as written (double spaces kept)


def strip_number(text: str) -> tuple[str, str]:
    """(``"๑."``, rest) of a numbered item; ("", text) when it has no number."""
    match = _NUMBER.match(text)
    if not match or not match.group(0).strip(" -•"):
        return "", text.strip()
    return match.group(0).strip(), text[match.end():].strip()


def person_name(text: str) -> Name | None:
    """A person's name (honorific + two parts), or None when the text is a position or anything else."""
    body = text.strip()
    for honorific in HONORIFICS:
        if body.startswith(honorific):
            rest = body[len(honorific):].strip()
            parts = rest.split()
            if len(parts) == 2 and all(re.fullmatch(r"[\u0E01-\u0E4E.]+", p) for p in parts):
                return Name(honorific=honorific, name=rest)
    return None


def seat_role(text: str) -> str | None:
    """The committee role a cell names (``เป็นกรรมการ`` → ``กรรมการ``), or None."""
    body = re.sub(r"\s+", "", text)
    body = body[len("เป็น"):] if body.startswith("เป็น") else body
    for role in _ROLE_WORDS:
        if body == re.sub(r"\s+", "", role):
            return role
    if body in ("เลขาฯ", "เลขานุการฯ"):
        return "เลขานุการ"
    if body in ("ผู้ช่วยเลขาฯ", "ผู้ช่วยเลขานุการฯ"):
        return "ผู้ช่วยเลขานุการ"
    if body in ("หัวหน้า", "หัวหน้าทีมKM"):
        return "หัวหน้าทีม"
    if body in ("รองหัวหน้า",):
        return "รองหัวหน้าทีม"
    return None


@dataclass
class Seat:
    no: str
    person: Name | None
    position: str | None
    role: str
    role_raw: str | None
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (phone|email, value) as written


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?[0-9๐-๙][0-9๐-๙\s-]{6,}[0-9๐-๙]")


def contacts_of(text: str) -> list[tuple[str, str]]:
    """Phone numbers and e-mail addresses in a roster's contact cell."""
    emails = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    return [("email", e) for e in emails] + [("phone", p.strip()) for p in _PHONE.findall(rest)]


def keyed_seat(values: dict[str, str]) -> Seat | None:
    """A seat from a roster row read by its header (ใบงาน 5/6: ลำดับ / ชื่อ-สกุล / ตำแหน่งงาน / ทำหน้าที่เป็น / โทรศัพท์)."""
    name_text = values.get("name", "").strip()
    position = values.get("position", "").strip() or None
    role_text = values.get("role", "").strip()
    if not (name_text or position):
        return None
    no, name_text = strip_number(name_text) if name_text else ("", "")
    person = person_name(name_text) if name_text else None
    if name_text and person is None and position is None:
        position = name_text  # a position written in the name column
    role = seat_role(role_text) if role_text else None
    raw = role_text if role_text and (role is None or re.sub(r"\s+", "", role_text) != role.replace(" ", "")) else None
    return Seat(no=values.get("no", "").strip() or no, person=person, position=position, role=role or "สมาชิก",
                role_raw=raw, contacts=contacts_of(values.get("contact", "")))


def roster_seat(cells: Sequence[str]) -> Seat | None:
    """A committee seat from a row's filled cells: [no+name, position, role] or [no+position, role]."""
    filled = [c.strip() for c in cells if c.strip()]
    lone_number = ""
    if len(filled) >= 3 and re.fullmatch(r"[0-9๐-๙]{1,3}\s*[.)]?", filled[0]):
        lone_number, filled = filled[0], filled[1:]  # the number in its own ลำดับ column
    if len(filled) < 2 or len(filled) > 4:
        return None
    role = seat_role(filled[-1])
    if role is None:
        return None
    no, first = strip_number(filled[0])
    no = no or lone_number
    person = person_name(first)
    position = filled[1] if person and len(filled) >= 3 else (None if person else first)
    raw = filled[-1] if re.sub(r"\s+", "", filled[-1]) != role.replace(" ", "") else None
    return Seat(no=no, person=person, position=position, role=role, role_raw=raw)


def pair_names_positions(names: Sequence[str], positions: Sequence[str]) -> list[tuple[str, str]] | None:
    """Names and positions listed as two separate lists are paired in order when the counts agree."""
    if names and len(names) == len(positions):
        return list(zip(names, positions, strict=False))
    return None
