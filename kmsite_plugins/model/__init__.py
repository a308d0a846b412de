"""The content model: pydantic entities validated from ``plans/``; no MkDocs here."""

from .announcement import Announcement, Signer
from .asset import AssetForm, Attachment, KnowledgeAsset, KnowledgeType, ReviewStatus
from .committee import Committee, CommitteeFile, CommitteeKind, Member
from .cop import Cop, CopFile, Meeting
from .knowledge import KnowledgeTopic, TopicFile
from .organisation import Contact, Department, KmRole, Organisation, Person, Position
from .plan import Activity, ActivityTable, Plan, PlanSection, TableKind
from .site import AnnouncementEntry, AssetEntry, OrgContent, PlanEntry, SiteModel

__all__ = [
    "Activity", "ActivityTable", "Announcement", "AnnouncementEntry", "AssetEntry", "AssetForm",
    "Attachment", "KnowledgeAsset", "KnowledgeType", "ReviewStatus", "Committee", "CommitteeFile",
    "CommitteeKind", "Contact", "Cop", "CopFile", "Department", "KmRole", "KnowledgeTopic", "Meeting",
    "Member", "Organisation", "OrgContent", "Person", "Plan", "PlanEntry", "PlanSection", "Position",
    "Signer", "SiteModel", "TableKind", "TopicFile",
]
