"""``kmsite import`` on the command line: report printed, folder written, bad input refused clearly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kmsite_plugins import cli
from tests.importer.nothing_lost import SEED_FILES

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="shared/seeds not beside the repository")


def test_import_prints_the_report_and_writes_the_draft(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    out = io.StringIO()
    seed = SEED_FILES[-1]
    status = cli.import_(seed, "new-org", None, "yaml", tmp_path, out)
    report = out.getvalue()
    assert status == 0
    assert "Imported:" in report and "KMP activities" in report and "Left over:" in report
    folder = tmp_path / "plans" / "new-org"
    assert (folder / "organisation.yml").is_file() and (folder / "import" / "leftovers.md").is_file()
    assert any((folder / "plans").iterdir())
    assert (folder / "import" / "report.txt").read_text(encoding="utf-8") == report
    assert cli.check(tmp_path, io.StringIO()) == 0


def test_import_refuses_an_existing_folder_and_a_bad_slug(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans" / "taken").mkdir(parents=True)
    assert cli.import_(SEED_FILES[0], "taken", None, "yaml", tmp_path, io.StringIO()) == 2
    assert "already exists" in capsys.readouterr().err
    assert cli.import_(SEED_FILES[0], "Bad Slug", None, "yaml", tmp_path, io.StringIO()) == 2
    assert "not a valid slug" in capsys.readouterr().err
    assert cli.import_(tmp_path / "missing.docx", "ok", None, "yaml", tmp_path, io.StringIO()) == 2
    assert "no such file" in capsys.readouterr().err


def test_unreadable_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans").mkdir()
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"not a zip file")
    assert cli.import_(fake, "fake", None, "yaml", tmp_path, io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "plan.docx: not a Word (.docx) file" in err and "Traceback" not in err
    latin = tmp_path / "plan.txt"
    latin.write_bytes("แผนการจัดการความรู้ เทศบาลตำบล".encode("cp874"))  # a Windows Thai export
    assert cli.import_(latin, "latin", None, "yaml", tmp_path, io.StringIO()) == 2
    assert "not UTF-8 text" in capsys.readouterr().err
    assert not (tmp_path / "plans" / "fake").exists() and not (tmp_path / "plans" / "latin").exists()


def test_fiscal_year_option_names_the_plan(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    seed = next(p for p in SEED_FILES if p.name.startswith("001"))
    assert cli.main(["import", str(seed), "--org", "fy", "--fiscal-year", "2566", "--format", "yaml",
                     "--root", str(tmp_path)]) == 0
    plan = (tmp_path / "plans" / "fy" / "plans" / "2566.yml").read_text(encoding="utf-8")
    assert "fiscal_year: '2566'" in plan
