"""Roster, CoP and photo checks of `kmsite check`: each problem as `path:line: field: message`."""

from __future__ import annotations

import io
from pathlib import Path

from kmsite_plugins.cli import check
from kmsite_plugins.loader import Severity

from .edits import problems_of, replace_in

SUSO_COMMITTEES = "plans/suso/committees.yml"


def test_two_chairs_is_an_error_at_the_second_seat(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "๒.", ref: dentaya, role: กรรมการ}',
                      '{no: "๒.", ref: dentaya, role: ประธานกรรมการ}')
    found = problems_of(demo_copy)
    assert len(found) == 1, found
    assert found[0].startswith(f"{SUSO_COMMITTEES}:{line}: committees[1].members[2].role: a second head"), found
    assert "members[1]" in found[0] and "exactly one" in found[0]


def test_chair_and_team_leader_together_are_two_heads(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "๒.", ref: dentaya, role: กรรมการ}',
                      '{no: "๒.", ref: dentaya, role: หัวหน้าทีม}')
    assert [e for e in problems_of(demo_copy) if e.startswith(f"{SUSO_COMMITTEES}:{line}: ") and "second head" in e]


def test_two_ckos_is_an_error(demo_copy: Path):
    replace_in(demo_copy / SUSO_COMMITTEES, '{no: "๒.", ref: dentaya, role: กรรมการ}',
               '{no: "๒.", ref: dentaya, role: CKO}')
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "๓.", ref: siriyot, role: กรรมการ}',
                      '{no: "๓.", ref: siriyot, role: CKO}')
    found = problems_of(demo_copy)
    assert found == [f"{SUSO_COMMITTEES}:{line}: committees[1].members[3].role: a second CKO: 'CKO' here and 'CKO' "
                     f"at committees[1].members[2] (line {line - 1}); a committee has exactly one"]


def test_no_secretary_is_an_error_at_the_members_list(demo_copy: Path):
    replace_in(demo_copy / SUSO_COMMITTEES, '{no: "6.", ref: chonlakan, role: เลขานุการ}',
               '{no: "6.", ref: chonlakan, role: กรรมการ}')
    text = (demo_copy / SUSO_COMMITTEES).read_text(encoding="utf-8")
    members_line = text.splitlines().index("    members:") + 1  # the km team's members: key
    found = problems_of(demo_copy)
    assert found == [f"{SUSO_COMMITTEES}:{members_line}: committees[1].members: no secretary: a km_team committee "
                     f"needs exactly one member with role เลขานุการ or กรรมการและเลขานุการ"]


def test_two_secretaries_is_an_error(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "5.", ref: samut, role: กรรมการ}',
                      '{no: "5.", ref: samut, role: กรรมการและเลขานุการ}')
    found = problems_of(demo_copy)
    # the error sits at the later seat (the original เลขานุการ, members[6]) and names the first
    assert len(found) == 1 and found[0].startswith(f"{SUSO_COMMITTEES}:{line + 1}: committees[1].members[6].role: a "
                                                   f"second secretary")
    assert f"at committees[1].members[5] (line {line})" in found[0]


def test_no_chair_is_an_error_but_an_authors_list_needs_none(demo_copy: Path):
    replace_in(demo_copy / "plans/prachantakham/committees.yml", "role: ประธานกรรมการ, role_raw: เป็นประธานกรรมการ",
               "role: กรรมการ, role_raw: เป็นกรรมการ")
    found = problems_of(demo_copy)
    assert len(found) == 1 and "committees[1].members: no chair: a evaluation committee" in found[0], found
    assert found[0].startswith("plans/prachantakham/committees.yml:")
    # Pathum Thani's คณะผู้จัดทำ (kind: other) has neither a chair nor a secretary, and is fine.
    assert not [e for e in found if "pathumthani" in e]


def test_empty_roster_is_an_error(demo_copy: Path):
    path = demo_copy / "plans/pathumthani-pao/committees.yml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("    members:")]
    path.write_text(head + "    members: []\n", encoding="utf-8")
    found = problems_of(demo_copy)
    line = head.count("\n") + 1
    prefix = f"plans/pathumthani-pao/committees.yml:{line}: committees[1].members: "
    assert [e for e in found if e.startswith(prefix)], found


def test_member_named_but_not_in_the_organisation_is_a_warning(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "5.", ref: samut, role: กรรมการ}',
                      '{no: "5.", name: "นายสมศักดิ์ ตัวอย่าง", role: กรรมการ}')
    assert problems_of(demo_copy) == []
    warnings = problems_of(demo_copy, Severity.WARNING)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{SUSO_COMMITTEES}:{line}: warning: committees[1].members[5].name: 'นายสมศักดิ์ "
                                  f"ตัวอย่าง' "
                                  "is named in this committee but is not one of the organisation's people")


def test_member_named_as_written_is_matched_to_the_person(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "5.", ref: samut, role: กรรมการ}',
                      '{no: "5.", name: "นายสมุทร์ แดงมาด", role: กรรมการ}')
    warnings = problems_of(demo_copy, Severity.WARNING)
    assert len(warnings) == 1 and warnings[0].startswith(f"{SUSO_COMMITTEES}:{line}: ")
    assert "it looks like 'samut': write ref: samut" in warnings[0]


def test_member_without_ref_or_name_is_an_error(demo_copy: Path):
    line = replace_in(demo_copy / SUSO_COMMITTEES, '{no: "5.", ref: samut, role: กรรมการ}', '{no: "5.", role: กรรมการ}')
    found = problems_of(demo_copy)
    assert found and found[0].startswith(f"{SUSO_COMMITTEES}:{line}: committees[1].members[5]")
    assert "needs ref:" in found[0]


def test_missing_photo_is_an_error_at_its_line(demo_copy: Path):
    line = replace_in(demo_copy / "plans/suso/organisation.yml", "    position: works-director\n",
                      "    position: works-director\n    photo: photos/samut.jpg\n") + 1
    found = problems_of(demo_copy)
    assert len(found) == 1
    assert found[0].startswith(f"plans/suso/organisation.yml:{line}: people[5].photo: 'photos/samut.jpg' not found")
    (demo_copy / "plans/suso/photos").mkdir()
    (demo_copy / "plans/suso/photos/samut.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert problems_of(demo_copy) == [] and problems_of(demo_copy, Severity.WARNING) == []


def test_photo_outside_the_folder_or_not_an_image_is_an_error(demo_copy: Path):
    replace_in(demo_copy / "plans/suso/organisation.yml", "    position: works-director\n",
               "    position: works-director\n    photo: ../prachantakham/organisation.yml\n")
    found = problems_of(demo_copy)
    assert len(found) == 1 and "goes up with '..'" in found[0]


def test_cop_references_are_checked(demo_copy: Path):
    cops = demo_copy / "plans/suso/cops.yml"
    asset_line = replace_in(cops, "assets: [project-writing-training]", "assets: [project-writing-trainng]")
    topic_line = replace_in(cops, "topics: [project-writing]", "topics: [project-writting]")
    found = problems_of(demo_copy)
    start = (f"plans/suso/cops.yml:{asset_line}: cops[1].meetings[1].assets[1]: "
             "unknown knowledge asset 'project-writing-trainng'")
    assert any(e.startswith(start) and "did you mean project-writing-training?" in e for e in found), found
    prefix = f"plans/suso/cops.yml:{topic_line}: cops[1].topics[1]: unknown knowledge topic"
    assert any(e.startswith(prefix) for e in found), found


def test_cop_meeting_date_must_be_a_date(demo_copy: Path):
    line = replace_in(demo_copy / "plans/prachantakham/cops.yml", "date: ๑๒ มีนาคม ๒๕๖๗", "date: ๑๒ จ.ค. ๒๕๖๗")
    found = problems_of(demo_copy)
    assert len(found) == 1 and found[0].startswith(f"plans/prachantakham/cops.yml:{line}: cops[1].meetings[1].date: ")
    assert "unknown month: 'จ.ค.'" in found[0]


def test_check_prints_roster_errors_without_traceback(demo_copy: Path):
    replace_in(demo_copy / SUSO_COMMITTEES, '{no: "๒.", ref: dentaya, role: กรรมการ}',
               '{no: "๒.", ref: dentaya, role: ประธานกรรมการ}')
    out = io.StringIO()
    assert check(demo_copy, out) == 1
    assert "Traceback" not in out.getvalue() and "1 error(s)" in out.getvalue()
