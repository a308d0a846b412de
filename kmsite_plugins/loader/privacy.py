"""Privacy lint (PDPA): phone numbers and e-mail addresses in public text that are not marked public.

Public text is what the public build shows as written: knowledge-asset bodies, summaries and
``body_en``, announcement bodies and ``body_en``, notes marked public. A number or address that
belongs to an internal contact of the organisation is named as such; any other Thai phone number
or e-mail address not listed as a public contact is flagged too. Acknowledge a reviewed one with
code ``private-contact`` and the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..model import OrgContent
from ..model.base import Visibility
from ..model.organisation import ContactKind
from ..thai.digits import to_arabic
from .problems import Problems

__all__ = ["check_privacy"]

# Thai numbers: 0 + 8 or 9 digits (02 123 4567, 081-234-5678), or +66 without the 0; separators - . space
_PHONE = re.compile(r"(?<![\d])(?:\+66[\s.-]?|0[\s.-]?)(?:\d[\s.-]?){7,8}\d(?![\d])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def _phone_key(text: str) -> str:
    digits = re.sub(r"\D", "", to_arabic(text))
    return "0" + digits[2:] if digits.startswith("66") else digits


def _contacts(content: OrgContent) -> tuple[dict[str, str], set[str]]:
    """Internal phone/e-mail keys → whose; and the keys marked public."""
    internal: dict[str, str] = {}
    public: set[str] = set()
    for person in content.org.people:
        for contact in person.contacts:
            if contact.kind is ContactKind.EMAIL:
                key = contact.value.strip().lower()
            elif contact.kind in (ContactKind.PHONE, ContactKind.OFFICE):
                key = _phone_key(contact.value)
            else:
                continue
            if contact.visibility is Visibility.PUBLIC:
                public.add(key)
            else:
                internal.setdefault(key, person.full_name)
    return internal, public


def _public_texts(content: OrgContent) -> Iterator[tuple[Optional[Path], str, str]]:
    """(file, field, text) of every public text the model holds."""
    for entry in content.assets:
        if entry.asset.is_public:
            yield entry.path, "body", entry.body
            for field in ("summary", "summary_en", "body_en"):
                yield entry.path, field, getattr(entry.asset, field) or ""
    for ann in content.announcements:
        yield ann.path, "body", ann.body
        yield ann.path, "body_en", ann.announcement.body_en or ""
    for person in content.org.people:
        if person.note and person.note_visibility is Visibility.PUBLIC and content.folder is not None:
            yield content.folder / "organisation.yml", f"people.{person.id}.note", person.note


def _line(path: Path, found: str, in_body: bool) -> int:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0
    start = text.find("\n---", 3) if in_body else 0  # a body's text: after the front matter
    at = text.find(found, max(start, 0))
    return text[:at].count("\n") + 1 if at >= 0 else 0


def check_privacy(content: OrgContent, problems: Problems) -> None:
    """A warning per phone number or e-mail address in public text that is not a public contact."""
    internal, public = _contacts(content)
    for path, field, text in _public_texts(content):
        if path is None or not text:
            continue
        found: list[tuple[str, str, str]] = []
        # a number starts with 0 (Thai or Arabic) or +; to_arabic maps digit for digit, so a match's span is
        # the same in the text as written
        if "0" in text or "๐" in text or "+" in text:
            found += [(text[m.start():m.end()], _phone_key(m.group()), "phone number")
                      for m in _PHONE.finditer(to_arabic(text))]
        if "@" in text:  # the address pattern backtracks over every word of a long Thai text otherwise
            found += [(m.group(), m.group().lower(), "e-mail address") for m in _EMAIL.finditer(text)]
        for written, key, kind in found:
            if key in public:
                continue
            owner = internal.get(key)
            why = (f"is the internal contact of {owner}" if owner else
                   "is not a public contact of the organisation")
            problems.warn(path, _line(path, written, field == "body"), field,
                          f"the {kind} '{written}' {why}: public text must not publish it (PDPA). Remove it, mark the "
                          "contact 'visibility: public', or acknowledge it", code="private-contact", value=written)
