"""Privacy lint: contact data in public text that is not marked public is a warning at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmsite_plugins.loader import Severity

from .edits import problems_of, replace_in

ASSET = "plans/suso/knowledge/project-writing-training.md"
LAST = "ใช้แบบฟอร์มเดียวกันทั้งสำนักปลัด"


def _warnings(root: Path) -> list[str]:
    return [w for w in problems_of(root, Severity.WARNING) if "private-contact" in w or "PDPA" in w]


def test_demo_publishes_no_private_contact(demo_copy: Path) -> None:
    assert _warnings(demo_copy) == []


@pytest.mark.parametrize("written, words", [
    ("0 2000 0142", "internal contact of นายสาธร"),  # sathon's internal phone, as written in the model
    ("๐-๒๐๐๐-๐๑๔๒", "internal contact of"),  # the same number in Thai digits and dashes
    ("sathon.p@example.go.th", "internal contact of"),
    ("081-234-5678", "is not a public contact"),  # a Thai mobile number nobody marked public
    ("someone@gmail.com", "is not a public contact"),
])
def test_contact_data_in_an_asset_body_is_a_warning_at_its_line(demo_copy: Path, written: str, words: str) -> None:
    line = replace_in(demo_copy / ASSET, LAST, f"{LAST}\nสอบถามได้ที่ {written}") + 1
    found = _warnings(demo_copy)
    assert len(found) == 1 and found[0].startswith(f"{ASSET}:{line}: warning: body: "), found
    assert words.split(" of ")[0] in found[0] and written in found[0]


def test_public_contact_is_fine_and_an_acknowledgement_turns_the_warning_into_a_note(demo_copy: Path) -> None:
    replace_in(demo_copy / ASSET, LAST, f"{LAST}\nติดต่อทีม km-team@example.go.th")  # marked public in the model
    assert _warnings(demo_copy) == []
    replace_in(demo_copy / ASSET, LAST, f"{LAST}\nโทร 081-234-5678")
    assert len(_warnings(demo_copy)) == 1
    replace_in(demo_copy / ASSET, "---\n", "---\nacknowledged:\n  - {code: private-contact, value: 081-234-5678, "
                                           "note: 'the office hotline, on the signboard'}\n")
    assert _warnings(demo_copy) == []
