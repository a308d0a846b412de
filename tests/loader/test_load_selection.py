"""``load_site(root, only=...)``: an author's preview reads only the named organisation folders."""

from __future__ import annotations

from pathlib import Path

from kmsite_plugins.loader import load_site


def test_only_the_named_folders_are_read(demo_copy: Path) -> None:
    # a broken file in an organisation that is not selected is not read, so it cannot fail the preview
    (demo_copy / "plans" / "prachantakham" / "organisation.yml").write_text("name: [unclosed\n", encoding="utf-8")
    site, problems = load_site(demo_copy, only=["suso"])
    assert list(site.orgs) == ["suso"]
    assert problems.errors == []
    site, problems = load_site(demo_copy)
    assert "prachantakham" not in site.orgs
    assert [p.path for p in problems.errors] == ["plans/prachantakham/organisation.yml"]


def test_a_slug_without_a_folder_is_an_error_with_the_close_ones(demo_copy: Path) -> None:
    site, problems = load_site(demo_copy, only=["suso", "susoo"])
    assert list(site.orgs) == ["suso"]
    expected = ("plans: no organisation folder 'susoo' to preview; did you mean suso? "
                "(organisations here: pathumthani-pao, prachantakham, suso)")
    assert [p.format() for p in problems.errors] == [expected]
