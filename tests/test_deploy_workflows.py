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
