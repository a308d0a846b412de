"""Open data: JSON (with its JSON Schema) and CSV of plans, activities, topics, assets, committees, people.

Files (default language tree only; the data carries both languages):

- ``opendata/schema.json`` (the export's JSON Schema), ``opendata/index.json`` (every organisation with
  the URLs of its files and counts) and ``opendata/index-schema.json`` (the index's JSON Schema);
- ``orgs/<slug>/opendata/<slug>.json`` and ``orgs/<slug>/opendata/{activities,topics,assets,people}.csv``
  per organisation;
- while the site has at most ``list_limit`` organisations (views/parts.py), also the whole site in
  one file, ``opendata/kmsite.json``, and ``opendata/{activities,topics,assets,people}.csv``; past the
  limit these would grow with the site and are not written: the index lists the files to fetch.

Public fields only, whatever the build's audience: the export is made from ``public_view`` of
the site and from models (``opendata_schema.py``) that have no field for anything else. CSV files
are UTF-8 with a byte-order mark so that spreadsheet programs read Thai correctly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Optional

from ..model import OrgContent, SiteModel
from ..model.audience import public_view
from ..model.organisation import Department, Person, Position
from ..views.knowledge import asset_views
from ..views.urls import CSV_TABLES, absolute, asset_url, org_url, plan_url
from . import opendata_schema as ex
from .spec import OutputContext, OutputFile

__all__ = ["opendata_files", "export_site", "export_org", "schema", "SITE_DIR", "SCHEMA_PATH", "INDEX_PATH",
           "INDEX_SCHEMA_PATH", "CSV_TABLES"]

SITE_DIR = "opendata/"
SCHEMA_PATH = f"{SITE_DIR}schema.json"
SITE_JSON = f"{SITE_DIR}kmsite.json"
INDEX_PATH = f"{SITE_DIR}index.json"
INDEX_SCHEMA_PATH = f"{SITE_DIR}index-schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def org_dir(slug: str) -> str:
    return f"{org_url(slug)}opendata/"


def _url(site_url: Optional[str], url: str) -> str:
    return absolute(site_url, url) if site_url else url


def _ref(content: OrgContent, ref: Optional[str]) -> Optional[ex.Ref]:
    if ref is None:
        return None
    item = content.lookup(ref)
    if isinstance(item, Person):
        return ex.Ref(id=ref, kind="person", name=item.full_name, name_en=item.name_en)
    if isinstance(item, Position):
        return ex.Ref(id=ref, kind="position", name=item.title, name_en=item.title_en)
    if isinstance(item, Department):
        return ex.Ref(id=ref, kind="department", name=item.name, name_en=item.name_en)
    return ex.Ref(id=ref, kind="unknown", name=ref)


def _refs(content: OrgContent, refs: Iterable[str]) -> list[ex.Ref]:
    return [r for r in (_ref(content, ref) for ref in refs) if r is not None]


def _people(content: OrgContent) -> list[ex.Person]:
    out = []
    for p in content.org.people:
        dept = content.department_of(p)
        out.append(ex.Person(
            id=p.id, honorific=p.honorific, name=p.name, name_en=p.name_en, position=p.position,
            department=dept.id if dept else None, km_roles=[r.value for r in p.km_roles],
            contacts=[ex.Contact(kind=c.kind.value, value=c.value) for c in p.contacts],  # public_view kept public ones
            example=p.example,
        ))
    return out


def _committees(content: OrgContent) -> list[ex.Committee]:
    return [ex.Committee(
        id=c.id, kind=c.kind.value, name=c.name, name_en=c.name_en, reports_to=_ref(content, c.reports_to),
        report_frequency=c.report_frequency, duties=list(c.duties),
        members=[ex.CommitteeMember(no=m.no, member=_ref(content, m.ref), name=m.name, role=m.role) for m in c.members],
        example=c.example,
    ) for c in content.committees]


def _plans(content: OrgContent, site_url: Optional[str]) -> tuple[list[ex.Plan], list[ex.Activity]]:
    plans, activities = [], []
    for entry in content.plans:
        plan = entry.plan
        plans.append(ex.Plan(
            key=entry.key, url=_url(site_url, plan_url(content.slug, entry.key)), title=plan.title,
            title_en=plan.title_en, fiscal_year=plan.fiscal_year, focus_areas=list(plan.focus_areas),
            desired_states=list(plan.desired_states), success_factors=list(plan.success_factors),
            sections=[ex.PlanSection(id=s.id, knowledge=s.knowledge, knowledge_type=s.knowledge_type, owner=s.owner,
                                     strategic_issue=s.strategic_issue, reason=s.reason,
                                     outcome_kpis=list(s.outcome_kpis), desired_state=s.desired_state,
                                     measurable_unit=s.measurable_unit, example=s.example) for s in plan.sections],
            example=plan.example,
        ))
        for _, section, table, row in plan.rows():
            activities.append(ex.Activity(
                plan=entry.key, section=section.id, table=table.kind.value, id=row.id, no=row.no, step=row.step,
                activity=row.activity, method=row.method, period=row.period, indicator=row.indicator,
                indicator_target=row.indicator_target, goal=row.goal, target_group=row.target_group,
                responsible=row.responsible, responsible_refs=_refs(content, row.responsible_refs),
                evidence=row.evidence, status=row.status.value if row.status else None, remarks=row.remarks,
                example=row.example,
            ))
    return plans, activities


def _assets(content: OrgContent, site_url: Optional[str]) -> list[ex.Asset]:
    out = []
    for view in asset_views(content):
        a = view.asset  # public_view has removed drafts and internal assets
        out.append(ex.Asset(
            slug=view.slug, url=_url(site_url, asset_url(content.slug, view.slug)), title=a.title, title_en=a.title_en,
            summary=a.summary, summary_en=a.summary_en, department=_ref(content, a.department), type=a.type.value,
            form=a.form.value, km_step=a.km_step, holders=_refs(content, a.holders), owner=_ref(content, a.owner),
            cop=a.cop, topics=list(a.topics), tags=list(a.tags), plan_activity=a.plan_activity, source_url=a.source_url,
            attachments=[ex.Attachment(file=att.file, title=att.title, url=_url(site_url, att.site_path),
                                       media_type=att.media_type, size=att.size) for att in view.attachments],
            created=view.created.isoformat() if view.created else None, created_as_written=a.created.raw,
            reviewed=view.reviewed.isoformat() if view.reviewed else None,
            status=a.status.value if a.status else None, example=a.example,
        ))
    return out


def export_org(content: OrgContent, site_url: Optional[str]) -> ex.Organisation:
    """One organisation's public data. ``content`` must already be the public view (export_site makes it)."""
    org = content.org
    plans, activities = _plans(content, site_url)
    assets = _assets(content, site_url)
    return ex.Organisation(
        slug=content.slug, url=_url(site_url, org_url(content.slug)), name=org.name, name_en=org.name_en,
        short_name=org.short_name, type=org.type, parent=org.parent.name if org.parent else None,
        province=org.province, district=org.district, website=org.website,
        departments=[ex.Department(id=d.id, name=d.name, name_en=d.name_en) for d in org.departments],
        positions=[ex.Position(id=p.id, title=p.title, title_en=p.title_en,
                               department=p.department, example=p.example) for p in org.positions],
        people=_people(content), committees=_committees(content), plans=plans, activities=activities,
        topics=[ex.Topic(id=t.id, no=t.no, title=t.title, title_en=t.title_en, department=_ref(content, t.department),
                         holders=_refs(content, t.holders), remarks=t.remarks, example=t.example,
                         assets=[a.slug for a in assets if t.id in a.topics]) for t in content.topics],
        assets=assets, example=org.example,
    )


def export_site(site: SiteModel, site_url: Optional[str]) -> ex.Export:
    """Every organisation's public data (drafts, internal assets and private contacts removed).

    Whatever the build's audience, the export is made from ``public_view(site)``: the one place
    where what is not public is filtered out.
    """
    public = public_view(site)
    schema_url = absolute(site_url, SCHEMA_PATH) if site_url else "schema.json"  # beside opendata/kmsite.json
    return ex.Export(schema_=schema_url, site_url=site_url,
                     organisations=[export_org(c, site_url) for c in public.sorted_orgs()])


def schema(site_url: Optional[str], model: type[ex.ExportModel] = ex.Export, path: str = SCHEMA_PATH) -> dict:
    """The JSON Schema of an export file (or, with ``model`` and ``path``, of the index), from the pydantic models."""
    doc = model.model_json_schema(by_alias=True)
    out = {"$schema": JSON_SCHEMA_DIALECT}
    if site_url:
        out["$id"] = absolute(site_url, path)
    out.update(doc)
    return out


def org_json_path(slug: str) -> str:
    return f"{org_dir(slug)}{slug}.json"


def export_index(data: ex.Export, site_url: Optional[str], whole_site: bool) -> ex.SiteIndex:
    """The site-wide index of ``data``; ``whole_site``: ``opendata/kmsite.json`` is written too."""
    entries = [ex.IndexEntry(
        slug=o.slug, url=o.url, name=o.name, name_en=o.name_en, type=o.type, province=o.province,
        json_url=_url(site_url, org_json_path(o.slug)),
        csv={table: _url(site_url, f"{org_dir(o.slug)}{table}.csv") for table in CSV_TABLES},
        counts=ex.IndexCounts(plans=len(o.plans), activities=len(o.activities), topics=len(o.topics),
                              assets=len(o.assets), people=len(o.people)),
        example=o.example,
    ) for o in data.organisations]
    schema_url = absolute(site_url, INDEX_SCHEMA_PATH) if site_url else "index-schema.json"
    return ex.SiteIndex(schema_=schema_url, site_url=site_url, organisation_count=len(entries),
                        site_export=_url(site_url, SITE_JSON) if whole_site else None, organisations=entries)


# -- CSV ---------------------------------------------------------------------------

def _ids(refs: Sequence[ex.Ref]) -> str:
    return "; ".join(r.id for r in refs)


def _names(refs: Sequence[ex.Ref]) -> str:
    return "; ".join(r.name for r in refs)


def _rows(table: str, orgs: Sequence[ex.Organisation]) -> tuple[list[str], list[list[object]]]:
    """Header and rows of one CSV table."""
    if table == "activities":
        header = ["organisation", "plan", "section", "table", "no", "id", "step", "activity", "method", "period",
                  "indicator", "indicator_target", "goal", "target_group", "responsible", "responsible_refs",
                  "evidence", "status", "remarks", "example"]
        rows = [[o.slug, *(getattr(a, k) for k in header[1:15]), _ids(a.responsible_refs), a.evidence, a.status,
                 a.remarks, a.example or o.example]
                for o in orgs for a in o.activities]
    elif table == "topics":
        header = ["organisation", "id", "no", "title", "title_en", "department", "department_name", "holders",
                  "holder_names", "assets", "example"]
        rows = [[o.slug, t.id, t.no, t.title, t.title_en, t.department.id if t.department else None,
                 t.department.name if t.department else None, _ids(t.holders), _names(t.holders),
                 "; ".join(t.assets), t.example or o.example] for o in orgs for t in o.topics]
    elif table == "assets":
        header = ["organisation", "slug", "url", "title", "title_en", "summary", "department", "type", "form",
                  "km_step", "holders", "holder_names", "owner", "topics", "tags", "plan_activity", "source_url",
                  "created", "reviewed", "status", "attachments", "example"]
        rows = [[o.slug, a.slug, a.url, a.title, a.title_en, a.summary, a.department.id if a.department else None,
                 a.type, a.form, a.km_step, _ids(a.holders), _names(a.holders), a.owner.id if a.owner else None,
                 "; ".join(a.topics), "; ".join(a.tags), a.plan_activity, a.source_url, a.created, a.reviewed,
                 a.status, "; ".join(att.url for att in a.attachments), a.example or o.example]
                for o in orgs for a in o.assets]
    else:
        header = ["organisation", "kind", "id", "honorific", "name", "name_en", "position", "department", "km_roles",
                  "example"]
        rows = []
        for o in orgs:
            rows += [[o.slug, "person", p.id, p.honorific, p.name, p.name_en, p.position, p.department,
                      "; ".join(p.km_roles), p.example or o.example]
                     for p in o.people]
            filled = {p.position for p in o.people}
            rows += [[o.slug, "position", p.id, None, p.title, p.title_en, None, p.department, "",
                      p.example or o.example]
                     for p in o.positions if p.id not in filled]
    return header, rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet cannot run: text starting like a formula gets a leading ``'`` (OWASP's rule)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(table: str, orgs: Sequence[ex.Organisation]) -> bytes:
    header, rows = _rows(table, orgs)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def _json(model: ex.ExportModel) -> str:
    # compact: portals read it with a program; json's C encoder only runs without indent
    return json.dumps(model.model_dump(mode="json", by_alias=True), ensure_ascii=False, separators=(",", ":")) + "\n"


def opendata_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """One export per organisation, the index and the schemas, and while the site is within the list limit
    the site-wide export (written once, default language)."""
    if not ctx.is_default:
        return []
    data = export_site(site, ctx.site_url)
    whole_site = len(data.organisations) <= ctx.list_limit
    index_schema = schema(ctx.site_url, ex.SiteIndex, INDEX_SCHEMA_PATH)
    files = [OutputFile(SCHEMA_PATH, json.dumps(schema(ctx.site_url), ensure_ascii=False, indent=1) + "\n"),
             OutputFile(INDEX_SCHEMA_PATH, json.dumps(index_schema, ensure_ascii=False, indent=1) + "\n"),
             OutputFile(INDEX_PATH, _json(export_index(data, ctx.site_url, whole_site)))]
    if whole_site:
        files.append(OutputFile(SITE_JSON, _json(data)))
        files += [OutputFile(f"{SITE_DIR}{table}.csv", _csv(table, data.organisations)) for table in CSV_TABLES]
    for org in data.organisations:
        folder = org_dir(org.slug)
        schema_url = absolute(ctx.site_url, SCHEMA_PATH) if ctx.site_url else "../" * folder.count("/") + SCHEMA_PATH
        one = data.model_copy(update={"organisations": [org], "schema_": schema_url})
        files.append(OutputFile(org_json_path(org.slug), _json(one)))
        files += [OutputFile(f"{folder}{table}.csv", _csv(table, [org])) for table in CSV_TABLES]
    return files
