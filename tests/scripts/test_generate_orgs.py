"""scripts/generate_orgs.py: N organisations cloned from the demo pass `kmsite check`, the same bytes every run."""

from __future__ import annotations

import filecmp
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from kmsite_plugins.loader import load_site

from ..conftest import ROOT


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_orgs", ROOT / "scripts" / "generate_orgs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)[1:] != ([], []):
        return False
    return all(_same_tree(a / d, b / d) for d in cmp.common_dirs)


def test_clones_pass_the_check_with_the_demo_notes_only(tmp_path: Path) -> None:
    slugs = _generator().generate(7, tmp_path / "a", seed=3)
    assert len(set(slugs)) == 7 and [s.endswith("-pao") for s in slugs] == [False, False, True] * 2 + [False]
    site, problems = load_site(tmp_path / "a")
    assert sorted(site.orgs) == sorted(slugs)
    assert problems.errors == [] and problems.warnings == []
    _, demo = load_site(ROOT)
    notes = {t: sum(1 for p in demo.notes if p.path.startswith(f"plans/{t}/"))
             for t in ("suso", "prachantakham", "pathumthani-pao")}
    # organisations 0, 3, 6 copy suso; 1, 4 prachantakham; 2, 5 pathumthani-pao
    assert len(problems.notes) == 3 * notes["suso"] + 2 * notes["prachantakham"] + 2 * notes["pathumthani-pao"]
    # a division keeps its name ("กองยุทธศาสตร์และงบประมาณ"): its parent organisation tells the copies apart
    names = {(c.org.name, c.org.parent.name if c.org.parent else "") for c in site.orgs.values()}
    assert len(names) == 7
    # the place name is rewritten everywhere: no clone names the demo organisation it was copied from
    for path in (tmp_path / "a" / "plans").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "สุโสะ" not in text and "ปทุมธานี" not in text, path


def test_same_seed_same_bytes_other_seed_other_names(tmp_path: Path) -> None:
    gen = _generator()
    first = gen.generate(4, tmp_path / "a", seed=5)
    assert gen.generate(4, tmp_path / "b", seed=5) == first
    assert _same_tree(tmp_path / "a", tmp_path / "b")
    assert gen.generate(4, tmp_path / "c", seed=6) != first
