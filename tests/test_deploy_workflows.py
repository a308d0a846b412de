"""The CI workflows that publish the site: Pages gets the public build only; the staff edition goes to the intranet."""

from __future__ import annotations

import re

import yaml  # type: ignore[import-untyped]

from tests.conftest import ROOT


def _commands(steps: list) -> str:
    return "\n".join(s if isinstance(s, str) else s.get("run", "") for s in steps)


def test_gitlab_pages_publishes_the_public_build_and_the_intranet_job_the_staff_edition():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = _commands(ci["pages"]["script"])
    assert re.search(r"kmsite build .*-d public\b", pages) and "--internal" not in pages
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    intranet = _commands(ci["intranet"]["script"])
    assert "--internal" in intranet and "public" not in intranet and "artifacts" not in ci["intranet"]
    assert ci["intranet"]["tags"] == ["intranet"]


def test_github_pages_uploads_the_public_build_only():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build = wf["jobs"]["build"]["steps"]
    assert "--internal" not in _commands(build)
    upload = next(s for s in build if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "public"
    assert re.search(r"kmsite build .*-d public\b", _commands(build))
    intranet = wf["jobs"]["intranet"]
    assert "--internal" in _commands(intranet["steps"]) and "intranet" in intranet["runs-on"]
    assert not any("upload-pages-artifact" in str(s.get("uses", "")) for s in intranet["steps"])


def test_gitlab_sharded_build_merges_every_public_part_into_pages():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    shard = ci["shard"]
    numbers = shard["parallel"]["matrix"][0]["SHARD"]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    script = _commands(shard["script"])
    assert "SOURCE_DATE_EPOCH" in script  # the same build day in every part
    assert '--shard "$SHARD/$KMSITE_SHARDS"' in script and "--internal" not in script
    assert "$KMSITE_SHARDS" in shard["rules"][0]["if"]
    pages = ci["pages"]
    assert {"job": "shard", "optional": True} in pages["needs"] and "check" in pages["needs"]
    assert "kmsite merge shards/* -d public" in "\n".join(str(s) for s in pages["script"])


def test_github_sharded_workflow_uploads_the_shard_folders_and_publishes_the_merge():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "pages-sharded.yml").read_text(encoding="utf-8"))
    shard = wf["jobs"]["shard"]
    assert shard["strategy"]["matrix"]["shard"] == list(range(1, len(shard["strategy"]["matrix"]["shard"]) + 1))
    assert "--internal" not in _commands(shard["steps"]) and "--shard" in _commands(shard["steps"])
    upload = next(s for s in shard["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["include-hidden-files"] is True  # .kmsite-shard/ is what the merge reads
    merge = wf["jobs"]["merge"]["steps"]
    assert re.search(r"kmsite merge shards/\* -d public\b", _commands(merge))
    pages = next(s for s in merge if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "public"
    # one Pages deployment per push: the one-piece build steps aside when the sharded one runs
    one_piece = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert "KMSITE_SHARDS == ''" in one_piece["jobs"]["build"]["if"]
    assert "KMSITE_SHARDS != ''" in wf["jobs"]["day"]["if"]
