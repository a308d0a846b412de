"""Benchmark of the knowledge store on a synthetic site (no MkDocs): pages, feeds, open data.

    .venv/bin/python scripts/bench_knowledge.py [organisations] [assets-per-organisation]

Prints the time to build the page specs, render the site-wide /knowledge/ page, and write the
feeds and open-data files. A target, not a test: keep /knowledge/ of 2,000 assets under a second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kmsite_plugins.model import (AssetEntry, Department, KnowledgeAsset, KnowledgeTopic, Organisation, OrgContent,
                                  Position, SiteModel)
from kmsite_plugins.outputs import OutputContext
from kmsite_plugins.outputs.feeds import feed_files
from kmsite_plugins.outputs.opendata import opendata_files
from kmsite_plugins.pages.knowledge import knowledge_pages
from kmsite_plugins.render import Renderer

WORDS = ["ภาษีป้าย", "เบี้ยยังชีพ", "แผนพัฒนา", "โครงการ", "ใบอนุญาต", "ไฟป่า", "งานสารบรรณ", "พัสดุ", "ราคากลาง", "บัญชี"]


def synthetic(orgs: int, per_org: int) -> SiteModel:
    site = SiteModel()
    for o in range(orgs):
        org = Organisation(name=f"องค์การบริหารส่วนตำบล{WORDS[o % 10]}{o}", type="อบต.",
                           departments=[Department(id="palad", name="สำนักปลัด"), Department(id="finance", name="กองคลัง")],
                           positions=[Position(id="clerk", title="เจ้าพนักงานธุรการ", department="palad")])
        topics = [KnowledgeTopic(id=f"t{i}", title=WORDS[i], department="palad", holders=["clerk"]) for i in range(10)]
        assets = [AssetEntry(f"a{i}", KnowledgeAsset(
            title=f"{WORDS[(i + o) % 10]} เรื่องที่ {i}", summary="สรุป", type="tacit" if i % 2 else "explicit",
            form="manual", department="finance" if i % 3 else "palad", holders=["clerk"], topics=[f"t{i % 10}"],
            tags=[WORDS[i % 10], WORDS[(i * 7) % 10]], created=f"25{60 + i % 8}-0{1 + i % 9}-15"), "เนื้อหา", Path("/x.md"))
            for i in range(per_org)]
        site.orgs[f"org{o}"] = OrgContent(slug=f"org{o}", org=org, topics=topics, assets=assets)
    return site


def main() -> None:
    orgs, per_org = (int(a) for a in (sys.argv[1:3] or ["200", "10"]))
    site = synthetic(orgs, per_org)
    t0 = time.perf_counter()
    pages = knowledge_pages(site)
    t1 = time.perf_counter()
    index = next(p for p in pages if p.uri == "knowledge/index.md")
    html = Renderer(OutputContext(None, "th", "th", ("th", "en"))).render(index)
    t2 = time.perf_counter()
    ctx = OutputContext("https://km.example.go.th/", "th", "th", ("th", "en"))
    files = feed_files(site, ctx) + opendata_files(site, ctx)
    t3 = time.perf_counter()
    print(f"{orgs} organisations × {per_org} assets = {orgs * per_org} assets")
    print(f"page specs: {len(pages)} in {t1 - t0:.2f} s")
    print(f"/knowledge/ rendered: {len(html) / 1024:.0f} KB of Markdown in {t2 - t1:.2f} s")
    print(f"feeds + open data: {len(files)} files, {sum(len(f.content) for f in files) / 1024 / 1024:.1f} MB in {t3 - t2:.2f} s")


if __name__ == "__main__":
    main()
