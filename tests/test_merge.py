"""A sharded build merged (``kmsite build --shard I/N`` + ``kmsite merge``) equals the one-piece build.

Real builds in subprocesses (the engine of $KMSITE_ENGINE), the same SOURCE_DATE_EPOCH for all: the demo
in one piece and as 2 shards, merged, compared file by file, bytes included, with no exception.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.merge import MergeError, merge
from kmsite_plugins.shards import SHARD_DIR, ShardSpec, org_of_path, partition, select_orgs, tree_hash
from tests.conftest import ROOT

EPOCH = "1764633600"  # 2025-12-02: every build of the comparison on the same day


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}


def kmsite(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", *args], capture_output=True, text=True,
                          env=ENV, cwd=ROOT)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("merge")
    # the two shards side by side, as a CI matrix runs them; the one-piece build meanwhile in this process' child
    logs = [(root / f"s{i}.log").open("w", encoding="utf-8") for i in (1, 2)]
    shards = [subprocess.Popen([sys.executable, "-m", "kmsite_plugins.cli", "build", "-d", str(root / f"s{i}"),
                                "--shard", f"{i}/2"], stdout=log, stderr=subprocess.STDOUT, env=ENV, cwd=ROOT)
              for i, log in zip((1, 2), logs, strict=True)]
    result = kmsite("build", "-d", str(root / "one"))
    assert result.returncode == 0, result.stderr[-4000:]
    for shard, log in zip(shards, logs, strict=True):
        shard.wait()
        log.close()
        assert shard.returncode == 0, Path(log.name).read_text(encoding="utf-8")[-4000:]
    result = kmsite("merge", str(root / "s1"), str(root / "s2"), "-d", str(root / "merged"))
    assert result.returncode == 0, result.stderr[-4000:]
    return root


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_two_shards_merged_equal_the_one_piece_build(builds: Path):
    one, merged = builds / "one", builds / "merged"
    assert files_of(merged) == files_of(one)
    different = [rel for rel in sorted(files_of(one)) if not filecmp.cmp(one / rel, merged / rel, shallow=False)]
    assert different == []  # no exception: pages, search index, sitemap, feeds, open data, 404
    for rel in ("search/th/manifest.json", "search/en/manifest.json", "sitemap.xml", "feed.xml",
                "opendata/kmsite.json", "orgs/index.html", "people/who-knows-what/index.html"):
        assert (merged / rel).is_file(), rel


def test_404_switches_language_to_each_home(builds: Path):
    # 404.html has no page: its language switcher names each language's home, not the last page built
    # (which differs between shards, and is no use to a reader who followed a dead link)
    html = (builds / "one" / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"[^>]*class="md-select__link"', html)
    assert sorted(links) == [("/", "th"), ("/en/", "en")]


def test_each_shard_renders_only_its_part(builds: Path):
    s1 = json.loads((builds / "s1" / SHARD_DIR / "manifest.json").read_text(encoding="utf-8"))
    s2 = json.loads((builds / "s2" / SHARD_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert s1["orgs"] and s2["orgs"] and not set(s1["orgs"]) & set(s2["orgs"])
    assert sorted(s1["orgs"] + s2["orgs"]) == s1["all_orgs"] == ["pathumthani-pao", "prachantakham", "suso"]
    assert s1["site_wide"] and not s2["site_wide"] and s1["placeholders"] == []
    for slug in s2["orgs"]:
        assert not (builds / "s1" / "orgs" / slug).exists()
        assert (builds / "s2" / "orgs" / slug / "index.html").is_file()
    # shard 2 renders the site-wide pages empty (the nav needs them): the merge takes shard 1's
    assert "orgs/index.html" in s2["placeholders"] and "en/people/index.html" in s2["placeholders"]
    assert not (builds / "s2" / "sitemap.xml").exists() and not (builds / "s2" / "search" / "th").exists()
    search = json.loads((builds / "s2" / SHARD_DIR / "search-th.json").read_text(encoding="utf-8"))
    assert {p["org"] for p in search["pages"]} == set(s2["orgs"])  # its organisations' documents only


def copy_shard(builds: Path, name: str, tmp_path: Path) -> Path:
    dest = tmp_path / name
    shutil.copytree(builds / name, dest)
    return dest


def edit_manifest(shard: Path, **changes: object) -> None:
    path = shard / SHARD_DIR / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


def refused(shards: list[Path], tmp_path: Path, message: str) -> None:
    target = tmp_path / "site"
    target.mkdir(exist_ok=True)
    (target / "previous.html").write_text("the previous site", encoding="utf-8")
    with pytest.raises(MergeError, match=message):
        merge(shards, target)
    assert files_of(target) == {"previous.html"}  # a refused merge leaves the published site as it was


def test_merge_refuses_a_missing_organisation(builds: Path, tmp_path: Path):
    refused([builds / "s1"], tmp_path, r"organisation\(s\) in no shard: ")


def test_merge_refuses_an_organisation_in_two_shards(builds: Path, tmp_path: Path):
    s2 = copy_shard(builds, "s2", tmp_path)
    s1_orgs = json.loads((builds / "s1" / SHARD_DIR / "manifest.json").read_text())["orgs"]
    s2_orgs = json.loads((s2 / SHARD_DIR / "manifest.json").read_text())["orgs"]
    edit_manifest(s2, orgs=s2_orgs + s1_orgs[:1])
    refused([builds / "s1", s2], tmp_path, "is in two shards")


def test_merge_refuses_shards_of_different_sources(builds: Path, tmp_path: Path):
    s2 = copy_shard(builds, "s2", tmp_path)
    fingerprint = json.loads((s2 / SHARD_DIR / "manifest.json").read_text())["fingerprint"]
    edit_manifest(s2, fingerprint={**fingerprint, "content": "0" * 64})
    refused([builds / "s1", s2], tmp_path, r"different sources or configs \(they differ in: content\)")


def test_merge_refuses_none_or_two_site_wide_shards(builds: Path, tmp_path: Path):
    s2 = copy_shard(builds, "s2", tmp_path)
    edit_manifest(s2, site_wide=True)
    refused([builds / "s1", s2], tmp_path, "exactly one shard renders the site-wide pages")


def test_merge_refuses_a_file_that_differs_between_shards(builds: Path, tmp_path: Path):
    s2 = copy_shard(builds, "s2", tmp_path)
    (s2 / "about" / "index.html").write_text("<p>another build</p>", encoding="utf-8")
    refused([builds / "s1", s2], tmp_path, "about/index.html differs between")


def test_merge_command_says_why_and_exits_1(builds: Path, tmp_path: Path):
    result = kmsite("merge", str(builds / "s2"), str(tmp_path / "nothing"), "-d", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "not a shard" in result.stderr and "Traceback" not in result.stderr


def test_partition_keeps_provinces_whole_and_is_deterministic():
    site, _ = load_site(ROOT)
    shards = partition(site, 2)
    assert shards == partition(site, 2) and sorted(sum(shards, [])) == sorted(site.orgs)
    province = {slug: site.orgs[slug].org.province for slug in site.orgs}
    assert all(len({province[s] for s in shards[i]} & {province[s] for s in shards[1 - i]}) == 0 for i in (0, 1))
    assert partition(site, 5)[3:] == [[], []]  # more shards than provinces: empty shards, still one site
    some = sorted(site.orgs)[0]
    assert select_orgs(site, ShardSpec(orgs=(some,))) == [some]
    assert select_orgs(site, ShardSpec(provinces=(str(province[some]),))) == sorted(
        s for s in site.orgs if province[s] == province[some])
    with pytest.raises(ValueError, match="no organisation nowhere"):
        select_orgs(site, ShardSpec(orgs=("nowhere",)))


def test_tree_hash_sees_every_byte(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yml").write_text("name: x", encoding="utf-8")
    before = tree_hash([tmp_path / "a"])
    (tmp_path / "a" / "x.yml").write_text("name: y", encoding="utf-8")
    assert tree_hash([tmp_path / "a"]) != before


def test_org_of_path():
    assert org_of_path("en/orgs/suso/feed.xml", ["", "en/"]) == "suso"
    assert org_of_path("orgs/suso/index.html", ["", "en/"]) == "suso"
    assert org_of_path("orgs/index.html", ["", "en/"]) is None
    assert org_of_path("go/abc/index.html", ["", "en/"]) is None
