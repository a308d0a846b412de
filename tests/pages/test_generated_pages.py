"""The generated pages of a real build of the demo site (MkDocs + Material + static-i18n)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import ROOT, read_yaml, run_mkdocs, text_of


def _org_yaml(slug: str) -> dict:
    return read_yaml(ROOT / f"plans/{slug}/organisation.yml")


def test_org_index_groups_all_organisations(built_site: Path):
    text = text_of(built_site / "orgs/index.html")
    for slug in ("suso", "prachantakham", "pathumthani-pao"):
        assert _org_yaml(slug)["name"] in text
    for province in ("ตรัง", "ปทุมธานี", "ปราจีนบุรี"):
        assert province in text
    html = (built_site / "orgs/index.html").read_text(encoding="utf-8")
    assert 'href="suso/"' in html


def test_suso_lists_six_km_team_members_with_positions_and_roles(built_site: Path):
    text = text_of(built_site / "orgs/suso/index.html")
    team = [
        ("นายสมคิด  รองเดช", "นายกองค์การบริหารส่วนตำบลสุโสะ", "ประธานกรรมการ"),
        ("นายเด่นทยา  วุ่นแก้ว", "ปลัดองค์การบริหารส่วนตำบลสุโสะ", "กรรมการ"),
        ("นางศิริยศ  บิลดาวูด", "หัวหน้าสำนักปลัด อบต.", "กรรมการ"),
        ("นางสาวสาธร  พิชยมงคล", "ผู้อำนวยการกองคลัง", "กรรมการ"),
        ("นายสมุทร์  แดงมาด", "ผู้อำนวยการกองช่าง", "กรรมการ"),
        ("นางชลกานต์  แดงนุ้ย", "นักวิเคราะห์นโยบายและแผน", "เลขานุการ"),
    ]
    folded = re.sub(r"\s+", " ", text)
    for name, position, role in team:
        name = re.sub(r"\s+", " ", name)
        assert re.search(re.escape(name) + r" " + re.escape(position) + r" " + re.escape(role), folded), name


def test_prachantakham_links_fifteen_topics_with_holders(built_site: Path):
    org = (built_site / "orgs/prachantakham/index.html").read_text(encoding="utf-8")
    assert 'href="knowledge/"' in org
    page = built_site / "orgs/prachantakham/knowledge/index.html"
    html = page.read_text(encoding="utf-8")
    topics = read_yaml(ROOT / "plans/prachantakham/knowledge/topics.yml")["topics"]
    assert len(topics) == 15
    rows = re.findall(r'<tr id="([a-z0-9-]+)">(.*?)</tr>', html, flags=re.S)
    assert [r[0] for r in rows] == [t["id"] for t in topics]
    for (_, row), topic in zip(rows, topics, strict=False):
        for holder in topic["holders"]:
            assert f'href="../people/#{holder}"' in row
    people = (built_site / "orgs/prachantakham/people/index.html").read_text(encoding="utf-8")
    for topic in topics:
        for holder in topic["holders"]:
            assert f'id="{holder}"' in people


def test_pathumthani_shows_division_section_and_organisation(built_site: Path):
    text = text_of(built_site / "orgs/pathumthani-pao/index.html")
    assert "กองยุทธศาสตร์และงบประมาณ" in text
    assert "ฝ่ายส่งเสริมและเผยแพร่วิชาการ" in text
    assert "องค์การบริหารส่วนจังหวัดปทุมธานี" in text


def test_english_twin_has_english_labels(built_site: Path):
    page = built_site / "en/orgs/suso/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    text = text_of(page)
    for label in ("KM team and committees", "KM action plans", "Knowledge store", "People and knowledge holders"):
        assert label in text
    headings = [re.sub(r"<[^>]+>|¶", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, flags=re.S)]
    assert headings and all(not re.search(r"[\u0E00-\u0E7F]", h) for h in headings), headings
    for thai_label in ("คณะทำงานและคณะกรรมการ", "บุคลากรและผู้มีความรู้", "ประเภท", "จังหวัด"):
        assert thai_label not in text
    # English names where the content has them, the Thai original marked where it does not
    assert "Suso Subdistrict Administrative Organization" in text
    assert 'class="kms-fallback"' in html


def test_thai_pages_are_thai(built_site: Path):
    html = (built_site / "orgs/suso/index.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in html
    assert "KM team and committees" not in html


def test_thai_headings_get_readable_anchors(built_site: Path):
    html = (built_site / "orgs/suso/index.html").read_text(encoding="utf-8")
    assert 'id="คณะทำงานและคณะกรรมการ"' in html
    assert not re.search(r'id="_\d+"', html)


def _element(html: str, start: str, tag: str) -> str:
    """The element that begins with ``start`` (an opening tag's prefix), up to its own closing tag."""
    begin = html.index(start)  # a ValueError if the theme's markup changed: the test must not pass on nothing
    depth, pos = 0, begin
    for match in re.finditer(rf"<(/?){tag}\b", html[begin:]):
        depth += -1 if match[1] else 1
        if depth == 0:
            pos = begin + match.end()
            break
    return html[begin:pos]


def test_org_pages_are_not_in_the_navigation(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = _element(html, '<nav class="md-nav md-nav--primary', "nav")
    tabs = _element(html, '<nav class="md-tabs"', "nav")
    assert 'href="about/"' in nav and 'href="about/"' in tabs  # the hand-written pages are there
    assert "orgs/suso/" not in nav and "orgs/suso/" not in tabs


def test_language_switcher_leads_to_the_same_page(built_site: Path):
    html = (built_site / "orgs/suso/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*en/orgs/suso/"[^>]*hreflang="en"', html)


def test_every_plan_row_is_on_its_page(built_site: Path):
    for slug in ("suso", "prachantakham", "pathumthani-pao"):
        for plan_file in (ROOT / f"plans/{slug}/plans").glob("*.yml"):
            plan = read_yaml(plan_file)
            key = to_arabic(str(plan.get("fiscal_year") or plan_file.stem))
            html = (built_site / f"orgs/{slug}/plans/{key}/index.html").read_text(encoding="utf-8")
            rows = [row for s in plan["sections"] for t in s["tables"] for row in t["rows"]]
            body_rows = re.findall(r"<tr(?: [^>]*)?>\s*<td", html)
            assert len(body_rows) >= len(rows)
            text = re.sub(r"\s+", " ", text_of(built_site / f"orgs/{slug}/plans/{key}/index.html"))
            for row in rows:
                first_line = row["activity"].splitlines()[0].strip()
                assert first_line in text, (slug, first_line)


def test_all_internal_links_resolve(built_site: Path):
    missing = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#?]+)[^"]*"', html):
            if re.match(r"^[a-z]+:|^//", href) or href.startswith("/"):
                continue
            target = (page.parent / unquote(href)).resolve()  # %-escaped Thai paths name the same file
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(built_site)} -> {href}")
    assert missing == []


def test_build_with_errors_stops_with_positioned_lines(demo_copy: Path, tmp_path: Path):
    (demo_copy / "docs").symlink_to(ROOT / "docs")
    (demo_copy / "overrides").mkdir()
    config = demo_copy / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    org = demo_copy / "plans/suso/organisation.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("type: อบต.", "type: x"), encoding="utf-8")
    result = run_mkdocs(tmp_path / "out", config=config)
    assert result.returncode != 0
    assert "plans/suso/organisation.yml:" in result.stderr
    assert "type: Input should be" in result.stderr
    assert "Traceback" not in result.stderr
