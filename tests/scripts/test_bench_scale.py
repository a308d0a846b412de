"""scripts/bench_scale.py on a tiny tree: generated organisations (one from each demo template: Markdown and YAML
plans) pass the check and build with the real build, and the table reports what was built."""

from __future__ import annotations

import cProfile
import json
from pathlib import Path
from types import ModuleType

import jinja2
import markdown  # type: ignore[import-untyped]
import pytest

from ..conftest import script


def _bench() -> ModuleType:
    return script("bench_scale")


def test_phase_shares_attribute_cumulative_time_to_each_library(tmp_path: Path) -> None:
    template = jinja2.Template("{% for i in range(500) %}<p>{{ i }}</p>{% endfor %}")

    def work() -> None:
        for _ in range(5):
            template.render()
            markdown.markdown("# title\n\n" + "some *text* and a [link](x)\n\n" * 100)

    profiler = cProfile.Profile()
    profiler.runcall(work)
    profiler.dump_stats(tmp_path / "p.prof")
    shares = _bench().phase_shares(tmp_path / "p.prof")
    assert shares["Markdown"] > 0.3 and shares["render (Jinja)"] > 0.01
    assert shares["Markdown"] + shares["render (Jinja)"] <= 1.01
    assert shares["load"] == shares["index"] == shares["outputs"] == 0


def test_bench_three_generated_organisations_build_and_are_measured(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture) -> None:
    bench = _bench()
    assert bench.main(["--n", "3", "--keep", str(tmp_path), "--no-search", "--no-profile",
                       "--json", str(tmp_path / "out.json")]) == 0
    site = tmp_path / "n3" / "site"
    (result,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    # the real build wrote both languages; the figures are the files on disk
    assert (site / "index.html").exists() and (site / "en" / "index.html").exists()
    pages = list(site.rglob("*.html"))
    assert result["html_pages"] == len(pages) > 20
    size, path = result["largest_page"]
    assert size == max(p.stat().st_size for p in pages) == (site / path).stat().st_size
    assert result["search_bytes"] > 0 and result["build"]["cpu"] > 0 and result["build"]["rss_mib"] > 50
    table = capsys.readouterr().out
    assert table.startswith("| figure | N=3 |") and f"(`{path}`)" in table
    assert "| HTML pages | " + f"{len(pages):,}" + " · " in table and "1.00×" in table
    # the saved figures print the same table
    assert bench.main(["--table", str(tmp_path / "out.json")]) == 0
    assert capsys.readouterr().out == table
