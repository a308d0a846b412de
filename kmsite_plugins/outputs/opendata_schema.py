"""The open-data export: what a portal may reuse, as pydantic models (their JSON Schema is published).

Only public fields exist here: no contact that is not marked public, no notes, no draft or
internal asset. The same shape serves one organisation and the whole site.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class ExportModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Ref(ExportModel):
    """A reference to a department, position or person of the same organisation, resolved."""

    id: str
    kind: str = Field(description="department | position | person | unknown")
    name: str = Field(description="The Thai name or title")
    name_en: Optional[str] = None


class Department(ExportModel):
    id: str
    name: str
    name_en: Optional[str] = None


class Position(ExportModel):
    id: str
    title: str
    title_en: Optional[str] = None
    department: Optional[str] = Field(None, description="A department id")
    example: bool = Field(False, description="Invented content, not from a source document")


class Contact(ExportModel):
    kind: str = Field(description="phone | email | line | office")
    value: str


class Person(ExportModel):
    id: str
    honorific: Optional[str] = None
    name: str
    name_en: Optional[str] = None
    position: Optional[str] = Field(None, description="A position id")
    department: Optional[str] = Field(None, description="A department id (the person's own, else the position's)")
    km_roles: list[str] = Field(default_factory=list,
                                description="ceo, cko, facilitator, practitioner, note_taker, network, it")
    contacts: list[Contact] = Field(default_factory=list, description="Only contacts the source marks public")
    example: bool = Field(False, description="Invented content, not from a source document")


class CommitteeMember(ExportModel):
    no: Optional[str] = None
    member: Optional[Ref] = None
    name: Optional[str] = Field(None, description="The name as written when the member is not in the organisation file")
    role: str


class Committee(ExportModel):
    id: str
    kind: str = Field(description="km_team | evaluation | other")
    name: str
    name_en: Optional[str] = None
    reports_to: Optional[Ref] = None
    report_frequency: Optional[str] = None
    duties: list[str] = Field(default_factory=list)
    members: list[CommitteeMember]
    example: bool = Field(False, description="Invented content, not from a source document")


class Activity(ExportModel):
    """One row of a plan's KM-process or change-management table, cells as written."""

    plan: str = Field(description="The plan key: its fiscal year (BE) or file name")
    section: str = Field(description="The plan section (selected knowledge) id")
    table: str = Field(description="kmp | cmp")
    id: Optional[str] = None
    no: Optional[str] = None
    step: Optional[str] = Field(None, description="KMP1-7, CMP1-6 or REC")
    activity: str
    method: Optional[str] = None
    period: Optional[str] = None
    indicator: Optional[str] = None
    indicator_target: Optional[str] = None
    goal: Optional[str] = None
    target_group: Optional[str] = None
    responsible: Optional[str] = None
    responsible_refs: list[Ref] = Field(default_factory=list)
    evidence: Optional[str] = None
    status: Optional[str] = None
    remarks: Optional[str] = None
    example: bool = Field(False, description="Invented content, not from a source document")


class PlanSection(ExportModel):
    id: str
    knowledge: Optional[str] = None
    knowledge_type: Optional[str] = None
    owner: Optional[str] = None
    strategic_issue: Optional[str] = None
    reason: Optional[str] = None
    outcome_kpis: list[str] = Field(default_factory=list)
    desired_state: Optional[str] = None
    measurable_unit: Optional[str] = None
    example: bool = Field(False, description="Invented content, not from a source document")


class Plan(ExportModel):
    key: str
    url: str
    title: str
    title_en: Optional[str] = None
    fiscal_year: Optional[int] = Field(None, description="Buddhist-era fiscal year (FY2567 = 2023-10-01 to 2024-09-30)")
    focus_areas: list[str] = Field(default_factory=list)
    desired_states: list[str] = Field(default_factory=list)
    success_factors: list[str] = Field(default_factory=list)
    sections: list[PlanSection] = Field(default_factory=list)
    example: bool = Field(False, description="Invented content, not from a source document")


class Topic(ExportModel):
    """A row of the knowledge map: who holds which knowledge."""

    id: str
    no: Optional[str] = None
    title: str
    title_en: Optional[str] = None
    department: Optional[Ref] = None
    holders: list[Ref] = Field(default_factory=list)
    remarks: Optional[str] = None
    assets: list[str] = Field(default_factory=list, description="Slugs of the assets about this topic")
    example: bool = False


class Attachment(ExportModel):
    file: str
    title: Optional[str] = None
    url: str
    media_type: str
    size: int = Field(description="Bytes")


class Asset(ExportModel):
    slug: str
    url: str
    title: str
    title_en: Optional[str] = None
    summary: str
    summary_en: Optional[str] = None
    department: Optional[Ref] = None
    type: str = Field(description="tacit | explicit")
    form: str
    km_step: Optional[str] = None
    holders: list[Ref] = Field(default_factory=list)
    owner: Optional[Ref] = None
    cop: Optional[str] = None
    topics: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    plan_activity: Optional[str] = None
    source_url: Optional[str] = None
    attachments: list[Attachment] = Field(default_factory=list)
    created: Optional[str] = Field(None, description="ISO 8601 date (CE)")
    created_as_written: str
    reviewed: Optional[str] = Field(None, description="ISO 8601 date (CE)")
    status: Optional[str] = Field(None, description="reviewed | approved | outdated, or null when the source states "
                                  "none (drafts are never exported)")
    example: bool = False


class Organisation(ExportModel):
    slug: str
    url: str
    name: str
    name_en: Optional[str] = None
    short_name: Optional[str] = None
    type: str
    parent: Optional[str] = None
    province: Optional[str] = None
    district: Optional[str] = None
    website: Optional[str] = None
    departments: list[Department] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    committees: list[Committee] = Field(default_factory=list)
    plans: list[Plan] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)
    example: bool = Field(False, description="Invented content, not from a source document")


class Export(ExportModel):
    """One export file: the whole site, or one organisation (``organisations`` has one item)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Optional[str] = Field(None, alias="$schema", description="URL of this file's JSON Schema")
    schema_version: str = SCHEMA_VERSION
    site_url: Optional[str] = Field(None,
                                    description="Absolute base of every url; urls are relative to it when it is null")
    organisations: list[Organisation]


class IndexCounts(ExportModel):
    plans: int
    activities: int
    topics: int
    assets: int
    people: int


class IndexEntry(ExportModel):
    """One organisation in the site-wide index: who it is, where its files are, how much they hold."""

    slug: str
    url: str = Field(description="The organisation's page")
    name: str
    name_en: Optional[str] = None
    type: str
    province: Optional[str] = None
    json_url: str = Field(description="The organisation's export file (an Export with one organisation)")
    csv: dict[str, str] = Field(description="Table name → URL of the organisation's CSV file")
    counts: IndexCounts
    example: bool = Field(False, description="Invented content, not from a source document")


class SiteIndex(ExportModel):
    """The site-wide index (``opendata/index.json``): every organisation with its files' URLs and counts.

    Past the list limit it replaces the site-wide export, which would grow with the site.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Optional[str] = Field(None, alias="$schema", description="URL of this file's JSON Schema")
    schema_version: str = SCHEMA_VERSION
    site_url: Optional[str] = Field(None,
                                    description="Absolute base of every url; urls are relative to it when it is null")
    site_export: Optional[str] = Field(None, description="URL of the export of every organisation in one file, "
                                                         "when the site is small enough to have one")
    organisation_count: int
    organisations: list[IndexEntry]
