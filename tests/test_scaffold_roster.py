"""`kmsite new` scaffolds an OPDC roster and a CoP file that pass `kmsite check`."""

from __future__ import annotations

from kmsite_plugins.cli import main
from tests.conftest import read_yaml

OPDC_ROLES = {"CEO", "CKO", "หัวหน้าทีม", "รองหัวหน้าทีม", "KM Team", "เลขานุการ", "ผู้ช่วยเลขานุการ"}


def test_scaffold_has_an_opdc_roster_and_a_cop_that_pass_check(tmp_path, capsys):
    (tmp_path / "plans").mkdir()
    assert main(["new", "ban-roster", "--root", str(tmp_path)]) == 0
    folder = tmp_path / "plans/ban-roster"
    committees = read_yaml(folder / "committees.yml")["committees"]
    team = next(c for c in committees if c["kind"] == "km_team")
    assert {m["role"] for m in team["members"]} == OPDC_ROLES
    assert (folder / "cops.yml").exists()
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out
    # the roster rules apply to it: a second CEO is an error at its line
    path = folder / "committees.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("role: หัวหน้าทีม}")].count("\n") + 1
    path.write_text(text.replace("role: หัวหน้าทีม}", "role: CEO}", 1), encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"plans/ban-roster/committees.yml:{line}: committees[1].members[3].role: a second CEO" in out
    assert "no chair: a km_team committee" in out
