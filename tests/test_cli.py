import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_build_shard_options_are_checked_before_building(tmp_path, capsys):
    site = str(tmp_path / "site")
    assert main(["build", "--shard", "3/2", "-d", site]) == 2
    assert "1 <= I <= N" in capsys.readouterr().err
    assert main(["build", "--shard", "1/2"]) == 2  # a shard needs its own folder, never site/
    assert "give -d" in capsys.readouterr().err
    assert main(["build", "--shard", "1/2", "--orgs", "suso", "-d", site]) == 2
    assert main(["build", "--site-wide", "-d", site]) == 2
    assert "--site-wide marks a shard" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_build_shard_of_an_unknown_organisation_says_so(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "build", "--orgs", "nowhere",
                             "-d", str(tmp_path / "s")], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1, result.stderr[-2000:]
    assert "no organisation nowhere under plans/" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "s").exists()


def test_merge_of_a_folder_that_is_no_shard_exits_1(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    assert main(["merge", str(tmp_path / "x"), "-d", str(tmp_path / "site")]) == 1
    assert "not a shard" in capsys.readouterr().err


def test_check_on_two_processes_prints_what_one_prints(demo_copy):
    from tests.loader.test_check_pool import faulty_tree

    root = faulty_tree(demo_copy)

    def check(*jobs: str) -> subprocess.CompletedProcess:  # a fresh process: one thread, so it may fork
        return subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "check", *jobs, str(root)],
                              capture_output=True, text=True, cwd=ROOT)

    one, two = check("-j", "1"), check("--jobs", "2")
    assert (one.returncode, two.returncode) == (1, 1), one.stderr + two.stderr
    assert two.stdout == one.stdout
    assert "6 organisation(s) checked (5 with errors)" in one.stdout


def test_check_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "-j", "0", str(ROOT)])
    assert exc.value.code == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err
