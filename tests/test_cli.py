import subprocess
import sys
from pathlib import Path

from kmsite_plugins.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_check_demo_exits_zero():
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "3 organisation(s) checked: 0 error(s), 0 warning(s)" in result.stdout


def test_new_scaffold_passes_check_cleanly(tmp_path, capsys):
    (tmp_path / "plans").mkdir()
    assert main(["new", "ban-example", "--root", str(tmp_path)]) == 0
    assert (tmp_path / "plans/ban-example/organisation.yml").exists()
    assert (tmp_path / "plans/ban-example/plans/2568.md").exists()  # the plan in the Markdown form
    assert not list((tmp_path / "plans/ban-example/plans").glob("*.yml"))
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_new_refuses_existing_and_bad_slugs(tmp_path):
    (tmp_path / "plans").mkdir()
    assert main(["new", "Bad Slug", "--root", str(tmp_path)]) == 2
    assert main(["new", "ok", "--root", str(tmp_path)]) == 0
    assert main(["new", "ok", "--root", str(tmp_path)]) == 2
