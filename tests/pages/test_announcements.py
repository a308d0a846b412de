"""Announcement pages, their lists, QR blocks and posters in a real build of the demo site."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from kmsite_plugins.views.shortlinks import derived_code
from tests.conftest import ROOT, must, text_of

PAO = "orgs/pathumthani-pao/announcements/km-plan-2567/"
PR = "orgs/prachantakham/announcements/knowledge-holders/"
SUSO = "orgs/suso/announcements/km-action-plan/"


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def resolves(site: Path, page_url: str, href: str) -> Path:
    """The built file a relative link of a page leads to."""
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() else path


def test_seed_002_announcement_as_the_source_prints_it(built_site: Path):
    """Seed 002 lines 14-28: issuer, subject, closing, long date, rank, (name), position, in that order."""
    text = text_of(built_site / PAO / "index.html")
    expected = [
        "ประกาศองค์การบริหารส่วนจังหวัดปทุมธานี",
        "เรื่อง แผนการจัดการความรู้ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ของกองยุทธศาสตร์และงบประมาณ องค์การบริหารส่วนจังหวัดปทุมธานี",
        "จึงประกาศให้ทราบโดยทั่วกัน",
        "ประกาศ ณ วันที่ ๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗",
        "พลตำรวจโท",
        "( ตำรวจวิทย์ กูประจักษ์ )",
        "นายกองค์การบริหารส่วนจังหวัดปทุมธานี",
    ]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions, [p for p, i in zip(expected, positions, strict=False) if i < 0]
    assert positions == sorted(positions)
    assert "สแกนคิวอาร์โค้ด" in text  # the QR code the source promises, with its caption
    assert "ตัวอย่าง" not in text  # seed 002 is real content, not an example


def test_english_announcement_in_ce_with_english_labels(built_site: Path):
    text = text_of(built_site / "en" / PAO / "index.html")
    for part in ("Announcement of Pathum Thani Provincial Administrative Organization",
                 "Subject: Knowledge Management Plan, Fiscal Year 2024", "Announced on 10 January 2024",
                 "Police Lieutenant General", "President, Pathum Thani Provincial Administrative Organization",
                 "This is hereby announced for general information.", "Scan the QR code"):
        assert part in text, part
    assert not re.search(r"[๐-๙]", text.split("Scan the QR code")[0].replace("๒๕๕๖", ""))  # no Thai digits of ours
    html = html_of(built_site, "en/" + PAO)
    assert 'lang="th"' in html  # the Thai signer name is marked as Thai


def test_signer_links_to_the_people_card(built_site: Path):
    html = html_of(built_site, PAO)
    href = must(re.search(r'class="kms-signer-name">\(<a href="([^"]+)"', html)).group(1)
    assert href.endswith("#tamruatwit")
    assert 'id="tamruatwit"' in resolves(built_site, PAO, href).read_text(encoding="utf-8")


def test_announcement_links_to_the_plan_it_announces(built_site: Path):
    html = html_of(built_site, PAO)
    href = must(re.search(r'class="kms-notice-target">[^<]*<a href="([^"]+)"', html)).group(1)
    assert resolves(built_site, PAO, href) == built_site / "orgs/pathumthani-pao/plans/2567/index.html"
    plan = html_of(built_site, "orgs/pathumthani-pao/plans/2567/")
    assert 'href="../../announcements/km-plan-2567/"' in plan


@pytest.mark.parametrize("url", [SUSO, PR])
def test_example_announcements_are_marked(built_site: Path, url: str):
    for lang in ("", "en/"):
        html = html_of(built_site, lang + url)
        assert 'class="kms-example"' in html
    assert "ตัวอย่าง" in text_of(built_site / url / "index.html")
    assert "Example content" in text_of(built_site / "en" / url / "index.html")


def test_blank_signer_name_is_printed_as_a_line_to_sign(built_site: Path):
    html = html_of(built_site, PR)
    assert re.search(r'class="kms-signer-name">\(<span class="kms-signer-blank">', html)
    assert "นายกเทศมนตรีตำบลประจันตคาม" in text_of(built_site / PR / "index.html")
    assert "ที่ ๑/๒๕๖๗" in text_of(built_site / PR / "index.html")
    assert "ประกาศ ณ วันที่ ๕ เดือน กุมภาพันธ์ พ.ศ. ๒๕๖๗" in text_of(built_site / PR / "index.html")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_attachment_is_published_once_and_linked_from_both_languages(built_site: Path, lang: str):
    html = html_of(built_site, lang + PR)
    href = must(re.search(r'class="kms-notice-attachments">.*?<a href="([^"]+)"', html, re.S)).group(1)
    target = resolves(built_site, lang + PR, href)
    source = ROOT / "plans/prachantakham/announcements/files/knowledge-topics.csv"
    assert target == built_site / PR / "knowledge-topics.csv"
    assert target.read_bytes() == source.read_bytes()
    assert not (built_site / "en" / PR / "knowledge-topics.csv").exists()


def _listed_dates(html: str) -> list[str]:
    return re.findall(r'<time datetime="([0-9-]+)">', html)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_site_wide_list_is_newest_first_with_every_announcement(built_site: Path, lang: str):
    html = html_of(built_site, lang + "announcements/")
    dates = _listed_dates(html)
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    for url in (PAO, PR, SUSO):
        assert f'href="../{url}"' in html
    if lang:
        assert "10 January 2024" in text_of(built_site / "en/announcements/index.html")
    else:
        assert "๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗" in text_of(built_site / "announcements/index.html")


def test_org_list_and_org_page_show_the_announcements(built_site: Path):
    html = html_of(built_site, "orgs/suso/announcements/")
    assert 'href="km-action-plan/"' in html and len(_listed_dates(html)) == 1
    org = html_of(built_site, "orgs/suso/")
    assert 'href="announcements/km-action-plan/"' in org and 'href="announcements/"' in org


@pytest.mark.parametrize("url, key", [("orgs/suso/", "org:suso"),
                                      ("orgs/pathumthani-pao/plans/2567/", "plan:pathumthani-pao:2567")])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_org_and_plan_pages_offer_a_qr_code_for_posters(built_site: Path, url: str, key: str, lang: str):
    html = html_of(built_site, lang + url)
    block = must(re.search(r'<section class="kms-qr-block.*?</section>', html, re.S)).group(0)
    short = f"https://km.example.go.th/{lang}go/{derived_code(key)}/"
    assert '<svg role="img" aria-label' in block and short in block
    for href in re.findall(r'href="([^"]+)"', block):
        if href.startswith("http"):
            assert href == short
            continue
        assert resolves(built_site, lang + url, href).is_file(), href
    targets = {resolves(built_site, lang + url, h) for h in re.findall(r'href="([^"]+)"',
                                                                       block) if not h.startswith("http")}
    folder = built_site / (lang + url)
    assert {folder / "qr.png", folder / "qr.svg", folder / "poster/index.html"} <= targets


@pytest.mark.parametrize("url", ["orgs/suso/poster/", "orgs/pathumthani-pao/plans/2567/poster/"])
def test_posters_carry_a_large_qr_code_and_stay_out_of_search(built_site: Path, url: str):
    html = html_of(built_site, url)
    assert re.search(r'<div class="kms-poster-qr"><svg role="img"', html)
    assert "https://km.example.go.th/go/" in text_of(built_site / url / "index.html")
    # the kmsite-search page shards (search/search_index.json is an empty stub for Material's worker)
    shards = [p.read_text(encoding="utf-8") for p in sorted(built_site.glob("search/th/p/*.json"))]
    assert shards and any('"orgs/suso/"' in shard for shard in shards)  # indexed pages are found there
    assert not any(f'"{url}"' in shard for shard in shards)
