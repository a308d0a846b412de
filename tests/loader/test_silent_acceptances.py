"""What used to pass silently is now an error (or a warning) at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from .edits import errors, replace_in

ORG = "plans/suso/organisation.yml"
GUIDE = "plans/prachantakham/knowledge/signboard-tax-guide.md"
PLAN = "plans/pathumthani-pao/plans/2567.yml"  # a plan in the YAML form
NOTICE = "plans/prachantakham/announcements/knowledge-holders.md"


def _one(root: Path, prefix: str, words: str) -> None:
    found = errors(root)
    assert len(found) == 1 and found[0].startswith(prefix) and words in found[0], found


@pytest.mark.parametrize("blank", ['""', '"   "', '"\u3000"'])
def test_blank_required_text_is_an_error(demo_copy: Path, blank: str) -> None:
    line = replace_in(demo_copy / ORG, "name: องค์การบริหารส่วนตำบลสุโสะ", f"name: {blank}")
    _one(demo_copy, f"{ORG}:{line}: name: ", "is empty")
    line = replace_in(demo_copy / GUIDE, "title: คู่มือการยื่นแบบและชำระภาษีป้าย", f"title: {blank}")
    assert any(e.startswith(f"{GUIDE}:{line}: title: ") and "is empty" in e for e in errors(demo_copy))


@pytest.mark.parametrize("char", ["\\x00", "\\x08", "\\x1b", "\\x7f", "\\x85"])
def test_control_characters_are_errors(demo_copy: Path, char: str) -> None:
    line = replace_in(demo_copy / GUIDE, "title: คู่มือการยื่นแบบและชำระภาษีป้าย", f'title: "คู่มือ{char}ภาษีป้าย"')
    found = errors(demo_copy)  # (a CoP meeting naming the asset also reports it unknown: the asset did not load)
    assert any(e.startswith(f"{GUIDE}:{line}: title: ") and "control character" in e for e in found), found


def test_duplicate_section_and_committee_ids(demo_copy: Path) -> None:
    section = "  - id: km-publicity\n    knowledge:"  # the section, not the worksheet candidate of that id
    line = replace_in(demo_copy / PLAN, section, section.replace("km-publicity", "km-techniques"))
    found = errors(demo_copy)  # (the progress report naming km-publicity now reports it unknown too)
    assert any(e.startswith(f"{PLAN}:{line}: sections[2].id: ") and "section id 'km-techniques' is already given" in e
               for e in found), found
    replace_in(demo_copy / PLAN, section.replace("km-publicity", "km-techniques"), section)  # restored
    committees = demo_copy / "plans/suso/committees.yml"
    line = replace_in(committees, "  - id: evaluation", "  - id: km-team")
    assert any(e.startswith(f"plans/suso/committees.yml:{line}: committees[2].id: ") and "committee id 'km-team'" in e
               for e in errors(demo_copy)), errors(demo_copy)


@pytest.mark.parametrize("written, hint", [("3567-02-05", "BE year 3567 is outside 2400-2700"),
                                           ("พ.ศ. 1967", "a CE year? write ค.ศ. 1967")])
def test_implausible_years(demo_copy: Path, written: str, hint: str) -> None:
    value = written if "-" in written else f"5 กุมภาพันธ์ {written}"
    line = replace_in(demo_copy / GUIDE, "created: 2567-02-05", f"created: {value}")
    _one(demo_copy, f"{GUIDE}:{line}: created: ", hint)


def test_announcement_page_may_not_point_at_a_draft(demo_copy: Path) -> None:
    line = replace_in(demo_copy / NOTICE, "page: orgs/prachantakham/knowledge/",
                      "page: orgs/prachantakham/knowledge/elderly-allowance-registration/")
    _one(demo_copy, f"{NOTICE}:{line}: page: ", "draft or internal knowledge asset")


@pytest.mark.parametrize("url", ["javascript:alert(2)", "data:text/html,x", "JaVaScRiPt:alert(1)", "//evil.example/"])
def test_website_accepts_only_web_and_mail_addresses(demo_copy: Path, url: str) -> None:
    line = replace_in(demo_copy / ORG, "name: องค์การบริหารส่วนตำบลสุโสะ\n",
                      f"name: องค์การบริหารส่วนตำบลสุโสะ\nwebsite: '{url}'\n") + 1
    _one(demo_copy, f"{ORG}:{line}: website: ", "http://, https:// or mailto:")
