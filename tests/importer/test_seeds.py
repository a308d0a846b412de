"""The three seed text exports: import, kmsite check, nothing lost, rows equal to the demo's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kmsite_plugins.importer import import_file
from kmsite_plugins.loader import load_site
from tests.importer.nothing_lost import REPO, SEED_FILES, draft_text, found, squash, units_of_text

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="shared/seeds not beside the repository")

DEMO = {"000": "suso", "001": "prachantakham", "002": "pathumthani-pao"}
COLUMNS = ("no", "step", "activity", "method", "period", "indicator", "indicator_target", "goal", "target_group",
           "responsible", "evidence", "remarks")
# Differences beyond layout, each explained: (seed, row no, column) → why.
EXPLAINED = {
    ("000", "6", "indicator"): "the source wraps 'หัวหน้าส่วนราช- การ' with a hyphen; the importer rejoins it "
                               "to ราชการ (ICU: one word), the demo keeps the hyphen",
    ("001", "๔", "step"): "'การเข้าถึงความรู้ตลอดเวลา' names KMP5 (การเข้าถึงความรู้); the demo leaves the step empty",
}


def _seed(path: Path) -> str:
    return path.name[:3]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    out = {}
    for path in SEED_FILES:
        root = tmp_path_factory.mktemp(f"seed{_seed(path)}")
        (root / "plans").mkdir()
        _, folder, report = import_file(path, f"seed-{_seed(path)}", None, "yaml", root)
        out[_seed(path)] = (root, folder)
        (folder.parent.parent / "report.txt").write_text(report, encoding="utf-8")
    return out


@pytest.mark.parametrize("path", SEED_FILES, ids=_seed)
def test_draft_passes_check_without_errors(path: Path, imported: dict) -> None:
    root, _ = imported[_seed(path)]
    site, problems = load_site(root)
    assert [p.format() for p in problems.errors] == []
    assert site.orgs[f"seed-{_seed(path)}"].plans, "the draft has a plan"


@pytest.mark.parametrize("path", SEED_FILES, ids=_seed)
def test_every_line_is_in_the_draft_or_the_leftovers(path: Path, imported: dict) -> None:
    _, folder = imported[_seed(path)]
    content, leftovers = draft_text(folder)
    missing = [(n, t[:60]) for n, t in units_of_text(path) if not found(t, content) and not found(t, leftovers)]
    assert missing == []


@pytest.mark.parametrize("path", SEED_FILES, ids=_seed)
def test_activity_rows_match_the_demo(path: Path, imported: dict) -> None:
    seed = _seed(path)
    root, _ = imported[seed]
    demo, _ = load_site(REPO)
    site, _ = load_site(root)
    want = [row for entry in demo.orgs[DEMO[seed]].plans for *_, row in entry.plan.rows()]
    got = [row for entry in site.orgs[f"seed-{seed}"].plans for *_, row in entry.plan.rows()]
    assert len(got) == len(want), "every demo row is imported, and no other"
    layout, unexplained, explained = [], [], []
    for w, g in zip(want, got, strict=False):
        assert squash(w.activity)[:12] == squash(g.activity)[:12], f"row {w.no}: rows out of order"
        for key in COLUMNS:
            a, b = getattr(w, key), getattr(g, key)
            if a == b:
                continue
            if re.sub(r"\s+", "", str(a)) == re.sub(r"\s+", "", str(b)):
                layout.append((w.no, key))
            elif (seed, str(w.no).strip("."), key) in EXPLAINED:
                explained.append((w.no, key, EXPLAINED[(seed, str(w.no).strip("."), key)]))
            else:
                unexplained.append((w.no, key, a, b))
    print(f"\nseed {seed}: {len(got)} rows; {len(layout)} cells differ in layout only (line breaks, spaces);"
          f" explained: {explained}")
    assert unexplained == []
    assert len(explained) == sum(1 for s, *_ in EXPLAINED if s == seed)


def test_seed_002_defects_are_reported(imported: dict) -> None:
    if "002" not in imported:
        pytest.skip("seed 002 missing")
    root, folder = imported["002"]
    report = (folder / "import" / "report.txt").read_text(encoding="utf-8")
    assert "[invalid-month]" in report and "'จ.ค.'" in report and "'มี.ย.'" in report
    assert "[repeated-period]" in report
    assert report.count("[repeated-header]") == 4
    assert "does not cover KMP3, KMP4" in report
    assert "row number '๕.' follows 2" in report


def test_seed_000_other_organisation_is_reported(imported: dict) -> None:
    if "000" not in imported:
        pytest.skip("seed 000 missing")
    _, folder = imported["000"]
    report = (folder / "import" / "report.txt").read_text(encoding="utf-8")
    assert re.search(r"mentions '.*วังเย็น'", report)
    assert "row number '2.' repeats" in report


@pytest.mark.parametrize("path", SEED_FILES, ids=_seed)
def test_default_markdown_draft_passes_check_and_equals_the_yaml_draft(path: Path, imported: dict,
                                                                         tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    _, folder, _ = import_file(path, f"seed-{_seed(path)}", None, None, tmp_path)
    assert [p.suffix for p in (folder / "plans").iterdir()] == [".md"]
    site, problems = load_site(tmp_path)
    assert [p.format() for p in problems.errors] == []
    yaml_site, _ = load_site(imported[_seed(path)][0])
    slug = f"seed-{_seed(path)}"
    assert site.orgs[slug].plans[0].plan == yaml_site.orgs[slug].plans[0].plan
