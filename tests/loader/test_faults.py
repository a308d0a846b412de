"""Each fault class of `kmsite check`: one `path:line: field: message` line, no traceback."""

from __future__ import annotations

import re
import subprocess
import sys

from kmsite_plugins.cli import check
from kmsite_plugins.loader import Severity, load_site
from tests.conftest import must

from .edits import errors, replace_in

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<rest>.*)$")


def test_demo_has_no_errors_or_unreviewed_warnings():
    from tests.conftest import ROOT

    _, problems = load_site(ROOT)
    assert problems.errors == []
    assert problems.warnings == []


def test_bad_yaml(demo_copy):
    line = replace_in(demo_copy / "plans/suso/organisation.yml", "province: ตรัง", "province: [ตรัง")
    found = errors(demo_copy)
    assert len(found) == 1
    assert found[0].startswith("plans/suso/organisation.yml:")
    assert int(must(LINE.match(found[0]))["line"]) >= line
    assert "malformed YAML" in found[0]


def test_wrong_type(demo_copy):
    line = replace_in(demo_copy / "plans/pathumthani-pao/plans/2567.yml", 'fiscal_year: "๒๕๖๗"', "fiscal_year: สองพัน")
    found = errors(demo_copy)
    assert found == [f"plans/pathumthani-pao/plans/2567.yml:{line}: fiscal_year: 'สองพัน' is not a whole number (Thai "
                     f"๐-๙ or Arabic 0-9 digits)"]


def test_unknown_key_lists_accepted_keys(demo_copy):
    line = replace_in(demo_copy / "plans/suso/organisation.yml", "    honorific: นาง\n    name: ศิริยศ",
                      "    honorific: นาง\n    nmae: ศิริยศ")
    found = errors(demo_copy)
    unknown = [f for f in found if "unknown key 'nmae'" in f]
    assert unknown == [f"plans/suso/organisation.yml:{line + 1}: people[3].nmae: unknown key 'nmae'; accepted keys: "
                       "id, honorific, name, name_en, position, department, km_roles, contacts, photo, note, "
                       "note_visibility"]
    # the same edit also removes the required name
    assert f"plans/suso/organisation.yml:{line - 1}: people[3].name: required field is missing" in found


def test_missing_field_points_at_parent(demo_copy):
    path = demo_copy / "plans/suso/plans/undated.yml"
    replace_in(path, "title: แผนการจัดการองค์ความรู้ (KM Action Plan) องค์การบริหารส่วนตำบลสุโสะ\n", "")
    found = errors(demo_copy)
    assert len(found) == 1
    assert re.match(r"plans/suso/plans/undated\.yml:\d+: title: required field is missing$", found[0])


def test_dangling_reference_names_what_exists(demo_copy):
    line = replace_in(demo_copy / "plans/suso/committees.yml", "ref: samut,", "ref: samutt,")
    found = errors(demo_copy)
    assert len(found) == 1
    assert found[0].startswith(f"plans/suso/committees.yml:{line}: committees[1].members[5].ref: unknown reference "
                               f"'samutt'")
    assert "did you mean samut" in found[0]
    assert "chonlakan" in found[0]  # lists what exists


def test_reference_of_wrong_kind(demo_copy):
    replace_in(demo_copy / "plans/suso/organisation.yml", "    position: mayor\n", "    position: palad\n")
    found = errors(demo_copy)
    assert len(found) == 1
    assert "people[1].position: 'palad' is a department, but this field needs a position" in found[0]


def test_invalid_month_names_nearest(demo_copy):
    path = demo_copy / "plans/pathumthani-pao/plans/2567.yml"
    text = path.read_text(encoding="utf-8")
    # drop the correction so the author's invalid month is what gets parsed
    text = re.sub(r"\n\s+corrections:\n\s+period:\n\s+value: ต\.ค\. ๒๕๖๖ - มี\.ค\. ๒๕๖๗\n\s+note: [^\n]+", "", text,
                  count=1)
    path.write_text(text, encoding="utf-8")
    found = errors(demo_copy)
    assert len(found) == 1, found
    assert "period: unknown month: 'จ.ค.'" in found[0]
    assert "ต.ค." in found[0]


def test_every_fault_reported_at_once(demo_copy, capsys):
    replace_in(demo_copy / "plans/suso/organisation.yml", "province: ตรัง", "province: [ตรัง")
    replace_in(demo_copy / "plans/pathumthani-pao/plans/2567.yml", 'fiscal_year: "๒๕๖๗"', "fiscal_year: x")
    replace_in(demo_copy / "plans/pathumthani-pao/committees.yml", "ref: phuwanai", "ref: nobody")
    replace_in(demo_copy / "plans/prachantakham/organisation.yml", "name: เทศบาลตำบลประจันตคาม",
               "nmae: เทศบาลตำบลประจันตคาม")
    status = check(demo_copy)
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    error_lines = [line for line in out if LINE.match(line) and ": note: " not in line and ": warning: " not in line]
    files = {must(LINE.match(line))["path"] for line in error_lines}
    assert files == {"plans/suso/organisation.yml", "plans/pathumthani-pao/plans/2567.yml",
                     "plans/pathumthani-pao/committees.yml", "plans/prachantakham/organisation.yml"}


def test_warning_does_not_fail_and_acknowledgement_turns_it_into_a_note(demo_copy, capsys):
    path = demo_copy / "plans/suso/plans/undated.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("acknowledged:")[0], encoding="utf-8")  # drop the reviews
    status = check(demo_copy)
    out = capsys.readouterr().out
    assert status == 0
    assert "warning: sections[1].tables[2].rows[5].method: mentions 'อบต.วังเย็น'" in out
    assert "does not cover KMP1" in out


def test_stale_acknowledgement_is_a_warning(demo_copy):
    path = demo_copy / "plans/suso/plans/undated.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: KMP1", "value: KMP5"), encoding="utf-8")
    _, problems = load_site(demo_copy)
    codes = {p.code for p in problems.warnings}
    assert "stale-acknowledgement" in codes and "missing-step" in codes


def test_cli_prints_no_traceback_on_bad_content(demo_copy):
    line = replace_in(demo_copy / "plans/suso/organisation.yml", "type: อบต.", "type: หมู่บ้าน")
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "check", str(demo_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"plans/suso/organisation.yml:{line}: type: Input should be 'อบต.', 'เทศบาลตำบล'" in result.stdout
    assert "(got 'หมู่บ้าน')" in result.stdout
    assert "warning" not in result.stdout.split("organisation(s) checked")[0].replace("note:", "")


def test_missing_organisation_file(demo_copy):
    (demo_copy / "plans/suso/organisation.yml").unlink()
    found = errors(demo_copy)
    assert any("organisation.yml: missing" in f for f in found)


def test_unknown_file_is_reported_not_dropped(demo_copy):
    (demo_copy / "plans/suso/notes.txt").write_text("x", encoding="utf-8")
    _, problems = load_site(demo_copy)
    assert any(p.code == "unknown-file" and p.value == "notes.txt" for p in problems.items
               if p.severity is Severity.WARNING)


def test_meeting_attendees_are_checked_like_every_other_reference(demo_copy):
    """A CoP meeting's attendees name people or positions: an unknown id or a department is an error."""
    cops = demo_copy / "plans/prachantakham/cops.yml"
    line = replace_in(cops, "attendees: [finance-officer, revenue-officer]", "attendees: [finance-oficer, finance]")
    found = [e for e in errors(demo_copy) if e.startswith(f"plans/prachantakham/cops.yml:{line}:")]
    assert len(found) == 2, found
    assert re.search(r"attendees\[1\]: unknown reference 'finance-oficer': no position or person .*did you mean "
                     r"finance-officer", found[0])
    assert "attendees[2]: 'finance' is a department, but this field needs a position or person" in found[1]
