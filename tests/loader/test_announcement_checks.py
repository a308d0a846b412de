"""Bad announcements fail `kmsite check` with one `path:line: field: message` line each."""

from __future__ import annotations

import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.views.shortlinks import derived_code

from .edits import errors, replace_in

PAO = "plans/pathumthani-pao/announcements/km-plan-2567.md"
PR = "plans/prachantakham/announcements/knowledge-holders.md"


def test_demo_announcements_load_without_problems():
    from tests.conftest import ROOT

    site, problems = load_site(ROOT)
    assert [p for p in problems.items if "announcements/" in p.path] == []
    assert {slug: len(c.announcements) for slug, c in site.orgs.items()} == {
        "pathumthani-pao": 1, "prachantakham": 1, "suso": 1}


@pytest.mark.parametrize("written, message", [
    ("๑๐ เดือน จ.ค. พ.ศ. ๒๕๖๗", "unknown month: 'จ.ค.'"),
    ("๓๑ เดือน กุมภาพันธ์ พ.ศ. ๒๕๖๗", "no such day"),
    ("เมื่อวาน", "not a date"),
])
def test_unreadable_date_is_an_error_at_its_line(demo_copy, written, message):
    line = replace_in(demo_copy / PAO, "date: ๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗", f"date: {written}")
    found = errors(demo_copy)
    assert len(found) == 1, found
    assert found[0].startswith(f"{PAO}:{line}: date: ")
    assert message in found[0] and "accepted:" in found[0]


def test_unknown_signer_is_an_error_naming_the_people(demo_copy):
    line = replace_in(demo_copy / PAO, "ref: tamruatwit", "ref: tamruatwitt")
    found = errors(demo_copy)
    assert found == [f"{PAO}:{line}: signer.ref: unknown reference 'tamruatwitt': no person of this organisation "
                     f"has that id; did you mean tamruatwit? (known: tamruatwit, phuwanai, chayaporn, narongchai, "
                     f"jenjira, sathita)"]


def test_signer_must_be_a_person_not_a_position(demo_copy):
    line = replace_in(demo_copy / PAO, "ref: tamruatwit", "ref: pao-president")
    found = errors(demo_copy)
    assert len(found) == 1 and found[0].startswith(
        f"{PAO}:{line}: signer.ref: 'pao-president' is a position, but this field needs a person")


def test_announced_plan_must_exist(demo_copy):
    line = replace_in(demo_copy / PAO, 'announces: "2567"', 'announces: "2568"')
    assert errors(demo_copy) == [f"{PAO}:{line}: announces: no plan '2568' in this organisation's plans/; "
                                 "did you mean 2567? (known: 2567)"]


def test_plan_and_page_together_are_an_error(demo_copy):
    replace_in(demo_copy / PAO, 'announces: "2567"', 'announces: "2567"\npage: orgs/pathumthani-pao/')
    found = errors(demo_copy)
    assert len(found) == 1 and "page: give either 'announces'" in found[0]


def test_page_must_be_a_directory_url_of_the_site(demo_copy):
    line = replace_in(demo_copy / PR, "page: orgs/prachantakham/knowledge/", "page: https://example.com/x/")
    found = errors(demo_copy)
    assert len(found) == 1 and found[0].startswith(f"{PR}:{line}: page: 'https://example.com/x/' is not a page")


def test_missing_attachment_is_an_error(demo_copy):
    line = replace_in(demo_copy / PR, "file: files/knowledge-topics.csv", "file: files/knowledge-topic.csv")
    found = errors(demo_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{PR}:{line}: attachments[1].file: 'files/knowledge-topic.csv' not found")


def test_attachment_may_not_leave_the_folder_or_shadow_site_files(demo_copy):
    line = replace_in(demo_copy / PR, "file: files/knowledge-topics.csv", "file: ../organisation.yml")
    found = errors(demo_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{PR}:{line}: attachments[1].file: '../organisation.yml' goes up with '..'")
    replace_in(demo_copy / PR, "file: ../organisation.yml", "file: files/qr.png")
    assert "is one the site generates" in errors(demo_copy)[0]


def test_short_code_of_another_page_is_an_error(demo_copy):
    taken = derived_code("org:suso")
    line = replace_in(demo_copy / PR, "example: true", f"example: true\nshort: {taken}") + 1
    assert errors(demo_copy) == [f"{PR}:{line}: short: short code '{taken}' already leads to the page of organisation "
                                 f"'suso'; choose another"]


def test_two_announcements_with_one_short_code(demo_copy):
    replace_in(demo_copy / PR, "example: true", "example: true\nshort: km-2567")
    line = replace_in(demo_copy / PAO, 'announces: "2567"', 'announces: "2567"\nshort: km-2567') + 1
    found = errors(demo_copy)
    assert (f"{PAO}:{line}: short: short code 'km-2567' already leads to announcement 'knowledge-holders' "
            "of organisation 'prachantakham'; choose another") in found


def test_bad_short_code_and_file_name(demo_copy):
    line = replace_in(demo_copy / PAO, 'announces: "2567"', 'announces: "2567"\nshort: KM 2567') + 1
    found = errors(demo_copy)
    assert len(found) == 1 and found[0].startswith(f"{PAO}:{line}: short: 'KM 2567' is not a valid short code")
    bad = demo_copy / "plans/suso/announcements/KM Plan.md"
    bad.write_text((demo_copy / PAO).read_text(encoding="utf-8").replace("short: KM 2567", ""), encoding="utf-8")
    assert any(e.startswith("plans/suso/announcements/KM Plan.md: file name 'KM Plan.md' is not a valid announcement "
                            "slug")
               for e in errors(demo_copy))
