"""Directory URLs of every generated page, relative to a language root; one place to change them."""

from __future__ import annotations


def orgs_url() -> str:
    return "orgs/"


def org_url(slug: str) -> str:
    return f"orgs/{slug}/"


def plan_url(slug: str, key: str) -> str:
    return f"orgs/{slug}/plans/{key}/"


def people_url(slug: str) -> str:
    return f"orgs/{slug}/people/"


def person_url(slug: str, card_id: str) -> str:
    """A people card: an anchor on the organisation's people page."""
    return f"orgs/{slug}/people/#{card_id}"


def who_knows_url(slug: str) -> str:
    """Who knows what in one organisation: topic → people and person → topics."""
    return f"orgs/{slug}/people/who-knows-what/"


def cops_url(slug: str) -> str:
    return f"orgs/{slug}/cops/"


def site_people_url() -> str:
    """The site-wide card catalogue."""
    return "people/"


def site_who_knows_url() -> str:
    return "people/who-knows-what/"


def knowledge_url(slug: str) -> str:
    return f"orgs/{slug}/knowledge/"


def topic_url(slug: str, topic_id: str) -> str:
    """A knowledge topic: a row of the organisation's knowledge map."""
    return f"orgs/{slug}/knowledge/#{topic_id}"


def asset_url(slug: str, asset_slug: str) -> str:
    return f"orgs/{slug}/knowledge/{asset_slug}/"


def cop_url(slug: str, cop_id: str) -> str:
    return f"orgs/{slug}/cops/{cop_id}/"


def announcement_url(slug: str, ann_slug: str) -> str:
    return f"orgs/{slug}/announcements/{ann_slug}/"


def org_announcements_url(slug: str) -> str:
    return f"orgs/{slug}/announcements/"


def announcements_url() -> str:
    return "announcements/"


def poster_url(page_url: str) -> str:
    """The printable poster of an organisation or plan page."""
    return f"{page_url}poster/"


def knowledge_index_url() -> str:
    return "knowledge/"


def knowledge_map_url() -> str:
    return "knowledge/map/"


def tags_url() -> str:
    return "knowledge/tags/"


def absolute(site_url: str, url: str) -> str:
    """An absolute URL from ``site_url`` (which ends with '/')."""
    return site_url.rstrip("/") + "/" + url.lstrip("/")
