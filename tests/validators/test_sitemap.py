"""sitemap.xml against the sitemaps.org schema (sitemap.xsd as shipped by npm `sitemap`), strictly:
the xhtml:link alternates are checked too (the form Google documents for hreflang in sitemaps)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import xmlschema

from kmsite_plugins.sitemap import SitemapEntry, write_sitemap

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_XSD = ROOT / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"
SITE_URL = "https://km.example.go.th/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# The W3C XHTML schema is not shipped by any registry package; this declares the one element a sitemap
# may use from it, as Google documents it: <xhtml:link rel="alternate" hreflang="..." href="absolute"/>.
XHTML_LINK_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/1999/xhtml"
           elementFormDefault="qualified">
  <xs:element name="link">
    <xs:complexType>
      <xs:attribute name="rel" use="required" fixed="alternate" type="xs:string"/>
      <xs:attribute name="hreflang" use="required" type="xs:language"/>
      <xs:attribute name="href" use="required">
        <xs:simpleType><xs:restriction base="xs:anyURI"><xs:pattern value="https?://.+"/></xs:restriction></xs:simpleType>
      </xs:attribute>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> xmlschema.XMLSchema:
    assert SITEMAP_XSD.exists(), "npm package sitemap is missing: run npm ci (scripts/setup.sh)"
    folder = tmp_path_factory.mktemp("xsd")
    (folder / "xhtml-link.xsd").write_text(XHTML_LINK_XSD, encoding="utf-8")
    (folder / "all.xsd").write_text(
        '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        f'  <xs:import namespace="{NS["s"]}" schemaLocation="{SITEMAP_XSD.as_uri()}"/>\n'
        f'  <xs:import namespace="{NS["x"]}" schemaLocation="{(folder / "xhtml-link.xsd").as_uri()}"/>\n'
        "</xs:schema>\n", encoding="utf-8")
    return xmlschema.XMLSchema(str(folder / "all.xsd"))


def _text(element: ET.Element, path: str) -> str:
    value = element.findtext(path, namespaces=NS)
    assert value is not None, path
    return value


def _errors(schema: xmlschema.XMLSchema, path: Path) -> list[str]:
    return [str(e.reason) for e in schema.iter_errors(str(path))]


def test_the_sitemaps_of_the_demo_are_valid_with_lastmod_and_absolute_alternates(built_site: Path, schema):
    sitemaps = sorted(built_site.rglob("sitemap.xml"))
    assert built_site / "sitemap.xml" in sitemaps
    assert built_site / "en" / "sitemap.xml" in sitemaps  # beside en/feed.xml, which pages announce
    assert built_site / "orgs" / "suso" / "sitemap.xml" in sitemaps
    for path in sitemaps:
        assert _errors(schema, path) == [], path
        section = SITE_URL + path.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
        section = section.replace(SITE_URL + "/", SITE_URL)
        for url in ET.parse(path).getroot().findall("s:url", NS):
            loc = _text(url, "s:loc")
            assert loc.startswith(section), (path, loc)
            date.fromisoformat(_text(url, "s:lastmod"))
            hreflangs = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", NS)}
            assert set(hreflangs) == {"th", "en"} and all(str(h).startswith(SITE_URL) for h in hreflangs.values())


def test_the_schema_rejects_a_relative_loc_and_a_link_without_href(tmp_path: Path, schema):
    bad = tmp_path / "sitemap.xml"
    bad.write_text(f'<?xml version="1.0"?>\n<urlset xmlns="{NS["s"]}" xmlns:xhtml="{NS["x"]}">\n'
                   '<url><loc>x</loc><lastmod>2026-13-01</lastmod><xhtml:link rel="alternate" hreflang="en"/></url>\n'
                   "</urlset>\n", encoding="utf-8")
    errors = " | ".join(_errors(schema, bad))
    assert "minLength" in errors or "length" in errors
    assert "href" in errors


def _entries(n: int) -> list[SitemapEntry]:
    return [SitemapEntry(f"{SITE_URL}p{i:03}/", {"th": f"{SITE_URL}p{i:03}/", "en": f"{SITE_URL}en/p{i:03}/"})
            for i in range(n)] + [SitemapEntry(f"{SITE_URL}en/p{i:03}/", {}) for i in range(n)]


def test_past_max_urls_the_sitemap_is_an_index_of_valid_sitemaps(tmp_path: Path, schema):
    entries = _entries(4)  # 8 URLs, 3 a file: 3 files
    write_sitemap(tmp_path, entries, SITE_URL, lastmod=date(2026, 12, 1), max_urls=3)
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    locs = [s.findtext("s:loc", namespaces=NS) for s in index.findall("s:sitemap", NS)]
    assert locs == [f"{SITE_URL}sitemap-{n}.xml" for n in (1, 2, 3)]
    assert all(s.findtext("s:lastmod", namespaces=NS) == "2026-12-01" for s in index.findall("s:sitemap", NS))
    listed: list[str] = []
    for n in (1, 2, 3):
        part = tmp_path / f"sitemap-{n}.xml"
        assert _errors(schema, part) == []
        urls = [_text(u, "s:loc") for u in ET.parse(part).getroot().findall("s:url", NS)]
        assert len(urls) <= 3
        listed += urls
    assert sorted(listed) == sorted(e.loc for e in entries)


def test_past_max_bytes_no_sitemap_file_is_larger(tmp_path: Path, schema):
    entries = _entries(20)  # 40 URLs, a few hundred bytes each
    write_sitemap(tmp_path, entries, SITE_URL, lastmod=date(2026, 12, 1), max_bytes=2_000)
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = sorted(tmp_path.glob("sitemap-*.xml"))
    assert len(parts) > 2
    listed: list[str] = []
    for part in parts:
        assert part.stat().st_size <= 2_000
        assert _errors(schema, part) == []
        listed += [_text(u, "s:loc") for u in ET.parse(part).getroot().findall("s:url", NS)]
    assert sorted(listed) == sorted(e.loc for e in entries)


def test_at_max_urls_the_sitemap_stays_one_file(tmp_path: Path, schema):
    write_sitemap(tmp_path, _entries(4), SITE_URL, lastmod=date(2026, 12, 1), max_urls=8)
    assert ET.parse(tmp_path / "sitemap.xml").getroot().tag == f"{{{NS['s']}}}urlset"
    assert not (tmp_path / "sitemap-1.xml").exists()
    assert _errors(schema, tmp_path / "sitemap.xml") == []


def test_a_section_sitemap_lists_only_the_pages_under_its_folder(tmp_path: Path):
    write_sitemap(tmp_path, _entries(3), SITE_URL, sections={"en/"})
    locs = [_text(u, "s:loc") for u in ET.parse(tmp_path / "en" / "sitemap.xml").getroot()]
    assert locs and all(loc.startswith(f"{SITE_URL}en/") for loc in locs)
    with pytest.raises(ValueError, match="max_urls"):
        write_sitemap(tmp_path, _entries(1), SITE_URL, max_urls=0)


class _CountedEntry(SitemapEntry):
    """An entry that counts how often its URL is read."""
    reads = 0

    def __getattribute__(self, name: str):
        if name == "loc":
            _CountedEntry.reads += 1
        return super().__getattribute__(name)


def test_section_sitemaps_find_their_pages_without_a_scan_per_section(tmp_path: Path):
    # 1,000 organisations give some 2,000 sections of some 55,000 URLs: a scan of every URL for every
    # section took a minute; each section's URLs are one run of the sorted list
    slugs = [f"o{n}" for n in range(150)] + ["o1x"]  # o1/ is no prefix of o1x/ or o10/
    entries: list[SitemapEntry] = [_CountedEntry(f"{SITE_URL}{lang}orgs/{slug}/{page}/") for slug in slugs
               for lang in ("", "en/") for page in ("a", "b", "c")]
    sections = {f"{lang}orgs/{slug}/" for slug in slugs for lang in ("", "en/")}
    _CountedEntry.reads = 0
    write_sitemap(tmp_path, entries, SITE_URL, sections=sections)
    # a few reads per URL (sorting, writing, the same in its section), not one per URL and section (300 each)
    assert _CountedEntry.reads <= 8 * len(entries)
    for section in sections:
        locs = [_text(u, "s:loc") for u in ET.parse(tmp_path / section / "sitemap.xml").getroot()]
        assert sorted(locs) == sorted(e.loc for e in entries if e.loc.startswith(SITE_URL + section))
        assert len(locs) == 3
