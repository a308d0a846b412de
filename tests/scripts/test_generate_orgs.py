"""scripts/generate_orgs.py: N organisations of realistic shape pass `kmsite check`, vary, the same bytes every run.

The real build of a generated tree runs in tests/scripts/test_bench_scale.py (the benchmark's smoke test).
"""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from types import ModuleType

from kmsite_plugins.loader import load_site

from ..conftest import ROOT, read_yaml, script


def _generator() -> ModuleType:
    return script("generate_orgs")


def _same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)[1:] != ([], []):
        return False
    return all(_same_tree(a / d, b / d) for d in cmp.common_dirs)


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_generated_orgs_pass_the_check_with_the_demo_notes_only(tmp_path: Path) -> None:
    gen = _generator()
    slugs = gen.generate(7, tmp_path / "a", seed=3)
    assert len(set(slugs)) == 7 and [s.endswith("-pao") for s in slugs] == [False, False, True] * 2 + [False]
    site, problems = load_site(tmp_path / "a")
    assert sorted(site.orgs) == sorted(slugs)
    assert problems.errors == [] and problems.warnings == []
    _, demo = load_site(ROOT)
    notes = {t: sum(1 for p in demo.notes if p.path.startswith(f"plans/{t}/"))
             for t in ("suso", "prachantakham", "pathumthani-pao")}
    # organisations 0, 3, 6 start from suso; 1, 4 prachantakham; 2, 5 pathumthani-pao
    assert len(problems.notes) == 3 * notes["suso"] + 2 * notes["prachantakham"] + 2 * notes["pathumthani-pao"]
    # a division keeps its name ("กองยุทธศาสตร์และงบประมาณ"): its parent organisation tells the copies apart
    names = {(c.org.name, c.org.parent.name if c.org.parent else "") for c in site.orgs.values()}
    assert len(names) == 7
    provinces = {thai: english for thai, english in gen.PROVINCES}
    assert len(provinces) == 77
    for slug, content in site.orgs.items():
        org = content.org
        assert provinces[org.province] == org.province_en, slug  # a real province, both languages
        assert 16 <= len(org.people) <= 26, slug  # about 20 people
        assert 8 <= len(content.assets) <= 14, slug  # about 10 knowledge assets
        assert any(cop.meetings for cop in content.cops), slug
        assert len(content.announcements) >= 2, slug
        kinds = {table.kind.value for entry in content.plans for s in entry.plan.sections for table in s.tables}
        # KM-process and change-management tables (prachantakham's copies keep the seed's KMP-only plan)
        assert {"kmp", "cmp"} <= kinds or (slug in slugs[1::3] and kinds == {"kmp"}), slug
    # both plan forms occur: Markdown (suso, prachantakham) and YAML with worksheets (pathumthani-pao)
    plans = [p for s in slugs for p in (tmp_path / "a" / "plans" / s / "plans").iterdir()]
    assert {p.suffix for p in plans} == {".md", ".yml"}
    assert any(entry.plan.worksheets for c in site.orgs.values() for entry in c.plans)
    # no organisation names the demo organisation it started from
    for path in (tmp_path / "a" / "plans").rglob("*.yml"):
        text = json.dumps(read_yaml(path), ensure_ascii=False)
        assert "สุโสะ" not in text and "ปทุมธานี" not in text and "ประจันตคาม" not in text, path


def test_types_and_provinces_spread(tmp_path: Path) -> None:
    gen = _generator()
    slugs = gen.generate(60, tmp_path / "a", seed=1)
    orgs = [read_yaml(tmp_path / "a" / "plans" / s / "organisation.yml") for s in slugs]
    types = [o["type"] for o in orgs if "parent" not in o]
    assert {"อบต.", "เทศบาลตำบล"} <= set(types) and types.count("อบต.") > types.count("เทศบาลตำบล")
    assert len({o["province"] for o in orgs}) >= 25
    # the name follows the type: a เทศบาลตำบล is not called องค์การบริหารส่วนตำบล
    long = {t.type: t.long for t in gen.TYPES}
    assert all(o["name"].startswith(long[o["type"]]) for o in orgs if "parent" not in o)


def test_organisations_differ_in_text(tmp_path: Path) -> None:
    gen = _generator()
    slugs = gen.generate(6, tmp_path / "a", seed=2)
    plans = tmp_path / "a" / "plans"
    generated = {f"{t[0]}-{f[0].replace('_', '-')}.md" for t in gen.TOPICS for f in gen.FORMS}
    # generated knowledge assets and announcements: no paragraph appears in two organisations
    paragraphs: dict[str, str] = {}
    for slug in slugs:
        files = [p for p in (plans / slug / "knowledge").glob("*.md") if p.name in generated]
        assert len(files) >= 3, slug
        for path in [*files, plans / slug / "announcements" / "knowledge-store.md"]:
            for para in _body(path).split("\n\n"):
                if len(para) > 80 and not para.startswith("#"):
                    assert paragraphs.setdefault(para, slug) == slug, para
    assert len(paragraphs) > 6 * 6
    # organisations started from the same demo plan (i and i + 3) state different focus areas and goals
    site, _ = load_site(tmp_path / "a")
    for i in range(3):
        a, b = (site.orgs[slugs[j]].plans[0].plan for j in (i, i + 3))
        assert a.focus_areas != b.focus_areas and a.desired_states != b.desired_states


def test_same_seed_same_bytes_other_seed_other_names(tmp_path: Path) -> None:
    gen = _generator()
    first = gen.generate(4, tmp_path / "a", seed=5)
    assert gen.generate(4, tmp_path / "b", seed=5) == first
    assert _same_tree(tmp_path / "a", tmp_path / "b")
    assert gen.generate(4, tmp_path / "c", seed=6) != first
