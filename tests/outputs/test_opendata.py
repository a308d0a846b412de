"""Open data: the JSON export validates against its published JSON Schema; CSV tables; public fields only."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.outputs import OutputContext
from kmsite_plugins.outputs.opendata import CSV_TABLES, opendata_files
from tests.conftest import ROOT


def _validator(built_site: Path) -> jsonschema.Draft202012Validator:
    schema = json.loads((built_site / "opendata/schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_site_and_org_exports_validate_against_the_published_schema(built_site: Path):
    validator = _validator(built_site)
    files = [built_site / "opendata/kmsite.json", *sorted(built_site.glob("orgs/*/opendata/*.json"))]
    assert len(files) == 4
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        validator.validate(data)
        assert data["$schema"] == "https://km.example.go.th/opendata/schema.json"
    site = json.loads(files[0].read_text(encoding="utf-8"))
    assert {o["slug"] for o in site["organisations"]} == {"suso", "prachantakham", "pathumthani-pao"}
    prach = next(o for o in site["organisations"] if o["slug"] == "prachantakham")
    assert len(prach["topics"]) == 15 and prach["activities"] and prach["committees"] and prach["positions"]


def test_a_broken_export_fails_the_schema(built_site: Path):
    validator = _validator(built_site)
    data = json.loads((built_site / "orgs/suso/opendata/suso.json").read_text(encoding="utf-8"))
    data["organisations"][0]["assets"][0]["phone"] = "0-7500-0000"  # no such field: additionalProperties false
    del data["organisations"][0]["name"]
    errors = list(validator.iter_errors(data))
    assert len(errors) >= 2


def test_csv_tables_are_utf8_with_bom_and_match_the_json(built_site: Path):
    site = json.loads((built_site / "opendata/kmsite.json").read_text(encoding="utf-8"))
    for table in CSV_TABLES:
        raw = (built_site / f"opendata/{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), table
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows and rows[0]["organisation"], table
        if table in ("activities", "topics", "assets"):
            assert len(rows) == sum(len(o[table]) for o in site["organisations"]), table
    assets = list(csv.DictReader(io.StringIO((built_site / "opendata/assets.csv").read_bytes().decode("utf-8-sig"))))
    guide = next(r for r in assets if r["slug"] == "signboard-tax-guide")
    assert guide["holders"] == "revenue-officer; finance-director"
    assert guide["attachments"].endswith("signboard-tax-guide/files/signboard-tax-checklist.csv")


def test_internal_build_exports_public_fields_only():
    site, problems = load_site(ROOT)  # everything, as an internal build holds it
    assert not problems.errors
    drafts = [(c.slug, e.slug) for c in site.orgs.values() for e in c.assets if not e.asset.is_public]
    assert len(drafts) >= 2
    private = [ct.value for c in site.orgs.values() for p in c.org.people for ct in p.contacts
               if ct.visibility.value != "public"]
    files = opendata_files(site, OutputContext("https://km.example.go.th/", "th", "th", ("th", "en"),
                                               audience="internal"))
    text = "".join(f.content if isinstance(f.content, str) else f.content.decode("utf-8-sig") for f in files)
    exports = [json.loads(f.content) for f in files
               if f.path.endswith(".json") and not f.path.endswith(("schema.json", "index.json"))]
    assert len(exports) == 1 + len(site.orgs)
    exported = {(o["slug"], a["slug"]) for data in exports for o in data["organisations"] for a in o["assets"]}
    assert exported and all(e.asset.is_public for c in site.orgs.values() for e in c.assets if (c.slug,
                                                                                                e.slug) in exported)
    for org_slug, slug in drafts:
        assert f"/knowledge/{slug}/" not in text and (org_slug, slug) not in exported
    for value in private:
        assert value not in text, value
    assert opendata_files(site, OutputContext("https://km.example.go.th/", "en", "th", ("th", "en"))) == []


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_leading_cells_are_neutralised(value: str) -> None:
    from kmsite_plugins.outputs.opendata import csv_cell

    assert csv_cell(value) == "'" + value
    assert csv_cell("ปกติ =1") == "ปกติ =1" and csv_cell(-5) == -5 and csv_cell(None) == ""


def test_the_index_lists_every_organisation_and_validates(built_site: Path):
    schema = json.loads((built_site / "opendata/index-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    index = json.loads((built_site / "opendata/index.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(index)
    assert index["organisation_count"] == 3 and index["site_export"] == "https://km.example.go.th/opendata/kmsite.json"
    for entry in index["organisations"]:
        path = entry["json_url"].removeprefix("https://km.example.go.th/")
        data = json.loads((built_site / path).read_text(encoding="utf-8"))
        assert data["organisations"][0]["slug"] == entry["slug"]
        assert entry["counts"]["topics"] == len(data["organisations"][0]["topics"])
        assert all((built_site / url.removeprefix("https://km.example.go.th/")).is_file()
                   for url in entry["csv"].values())


def test_past_the_list_limit_only_the_index_is_site_wide():
    site, problems = load_site(ROOT)
    assert not problems.errors
    ctx = OutputContext("https://km.example.go.th/", "th", "th", ("th", "en"), list_limit=2)
    files = {f.path: f for f in opendata_files(site, ctx)}
    assert "opendata/kmsite.json" not in files and not any(p.startswith("opendata/") and p.endswith(".csv")
                                                          for p in files)
    index = json.loads(files["opendata/index.json"].content)
    assert index["site_export"] is None and index["organisation_count"] == 3
    schema = json.loads(files["opendata/index-schema.json"].content)
    jsonschema.Draft202012Validator(schema).validate(index)
    for entry in index["organisations"]:
        assert entry["json_url"].removeprefix("https://km.example.go.th/") in files
        assert {url.removeprefix("https://km.example.go.th/") for url in entry["csv"].values()} <= set(files)
