"""The people directory of a real build: cards, CoPs, who knows what, the site catalogue, English twins."""

from __future__ import annotations

import re
from pathlib import Path

from kmsite_plugins.loader import load_site
from kmsite_plugins.thai.collation import thai_sorted
from kmsite_plugins.views.directory import cop_views, initial, org_who_knows
from kmsite_plugins.views.people import people_cards
from tests.conftest import ROOT, read_yaml, text_of


def _yaml(rel: str) -> dict:
    return read_yaml(ROOT / rel)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cards(html: str) -> dict[str, str]:
    """Card id → the card's visible text, whitespace folded."""
    found = {}
    for card_id, body in re.findall(r'<article class="kms-card[^"]*" id="([^"]+)">(.*?)</article>', html, flags=re.S):
        found[card_id] = _fold(re.sub(r"<[^>]+>", " ", body))
    return found


def _card_html(html: str, card_id: str) -> str:
    start = html.index(f'id="{card_id}">')
    return html[start:html.index("</article>", start)]


def test_suso_people_shows_the_six_named_members_with_positions_and_committee_roles(built_site: Path):
    org = _yaml("plans/suso/organisation.yml")
    committees = _yaml("plans/suso/committees.yml")["committees"]
    titles = {p["id"]: p["title"] for p in org["positions"]}
    team = next(c for c in committees if c["kind"] == "km_team")
    assert len(team["members"]) == 6
    cards = _cards((built_site / "orgs/suso/people/index.html").read_text(encoding="utf-8"))
    for member in team["members"]:
        person = next(p for p in org["people"] if p["id"] == member["ref"])
        text = cards[person["id"]]
        assert _fold(person["honorific"] + person["name"]) in text
        assert titles[person["position"]] in text
        assert f"{team['name']} — {member['role']}" in text
        for other in committees:  # every other seat of the same person, with the role as written
            for seat in other["members"]:
                if seat["ref"] in (person["id"], person["position"]):
                    assert f"{other['name']} — {seat.get('role_raw', seat['role'])}" in text


def test_prachantakham_position_cards_link_each_topic_of_seed_001(built_site: Path):
    html = (built_site / "orgs/prachantakham/people/index.html").read_text(encoding="utf-8")
    topics = _yaml("plans/prachantakham/knowledge/topics.yml")["topics"]
    titles = {p["id"]: p["title"] for p in _yaml("plans/prachantakham/organisation.yml")["positions"]}
    holders = {h for t in topics for h in t["holders"]}
    assert len(holders) >= 10
    for holder in holders:
        card = _card_html(html, holder)
        assert 'class="kms-card kms-card--position"' in html[html.rindex("<article", 0,
                                                                         html.index(f'id="{holder}">')):][:80]
        assert titles[holder] in card
        linked = set(re.findall(r'href="\.\./knowledge/#([a-z0-9-]+)"', card))
        assert linked == {t["id"] for t in topics if holder in t["holders"]}, holder


def test_cards_are_in_thai_dictionary_order(built_site: Path):
    org = _yaml("plans/suso/organisation.yml")
    html = (built_site / "orgs/suso/people/index.html").read_text(encoding="utf-8")
    order = list(_cards(html))
    names = {p["id"]: p["name"] for p in org["people"]}
    people = [i for i in order if i in names]
    assert people == thai_sorted(people, key=lambda i: names[i])
    assert people[:2] == ["chonlakan", "dentaya"]  # ช before ด before ... (เด่นทยา files under ด)


def test_person_and_position_anchors_are_stable(built_site: Path):
    html = (built_site / "orgs/pathumthani-pao/people/index.html").read_text(encoding="utf-8")
    org = _yaml("plans/pathumthani-pao/organisation.yml")
    for person in org["people"]:
        assert f'id="{person["id"]}"' in html
    for position in org["positions"]:  # a filled position links to (the first of) its holders
        assert f'id="{position["id"]}"' in html


def test_cop_page_shows_roles_members_meetings_and_produced_assets(built_site: Path):
    cop = _yaml("plans/suso/cops.yml")["cops"][0]
    page = built_site / f"orgs/suso/cops/{cop['id']}/index.html"
    html = page.read_text(encoding="utf-8")
    text = _fold(text_of(page))
    assert cop["name"] in text and _fold(cop["practice"]) in text
    assert "ตัวอย่าง" in text and "kms-example" in html  # example content, marked
    assert f'href="../../people/#{cop["facilitator"]}"' in html and f'href="../../people/#{cop["note_taker"]}"' in html
    for member in cop["members"]:
        assert f'href="../../people/#{member}"' in html
    public = [m for m in cop["meetings"] if m.get("visibility", "public") == "public"]
    assert len(public) >= 2 and len(public) < len(cop["meetings"])
    for meeting in public:
        assert _fold(meeting["learned"]) in text
        for slug in meeting.get("assets", []):
            assert f'href="../../knowledge/{slug}/"' in html
            assert (built_site / f"orgs/suso/knowledge/{slug}/index.html").exists()
    rows = re.findall(r"<tr>\s*<td class=\"kms-nowrap\">(.*?)</td>", html, flags=re.S)
    assert rows == ["๑๙ มิถุนายน ๒๕๖๗", "๒๑ กุมภาพันธ์ ๒๕๖๗"]  # newest first, BE, Thai digits


def test_person_card_lists_every_cop_with_the_role(built_site: Path):
    html = (built_site / "orgs/suso/people/index.html").read_text(encoding="utf-8")
    card = _card_html(html, "chonlakan")
    assert re.search(r'href="\.\./cops/project-writing/">[^<]+</a> — คุณอำนวย', card)
    card = _card_html(html, "siriyot")
    assert re.search(r'href="\.\./cops/project-writing/">[^<]+</a> — คุณลิขิต', card)
    assert 'href="../knowledge/project-writing-training/"' in card  # an asset she holds


def test_cop_list_per_organisation(built_site: Path):
    for slug in ("suso", "prachantakham", "pathumthani-pao"):
        cops = _yaml(f"plans/{slug}/cops.yml")["cops"]
        html = (built_site / f"orgs/{slug}/cops/index.html").read_text(encoding="utf-8")
        for cop in cops:
            shown = cop.get("visibility", "public") == "public"
            assert (f'href="{cop["id"]}/"' in html) == shown
            assert (built_site / f"orgs/{slug}/cops/{cop['id']}/index.html").exists() == shown


def test_initial_skips_leading_vowels():
    assert initial("เบี้ยยังชีพ") == "บ"
    assert initial("ไข") == "ข"
    assert initial("โครงการ") == "ค"
    assert initial("แผน") == "ผ" and initial("ใบ") == "บ"
    assert initial("สมคิด") == "ส"
    assert initial("  กา ") == "ก"
    assert initial("knowledge") == "K"
    assert initial("") == "#"


def test_who_knows_what_both_directions_in_thai_order(built_site: Path):
    page = built_site / "orgs/prachantakham/people/who-knows-what/index.html"
    html = page.read_text(encoding="utf-8")
    by_topic, by_person = html.split('id="by-person"')
    topic_titles = [_fold(re.sub(r"<[^>]+>", "",
                                 t)) for t in re.findall(r'<span class="kms-index-term"><a [^>]*>(.*?)</a>', by_topic)]
    assert len(topic_titles) >= 15
    assert topic_titles == thai_sorted(topic_titles)
    letters = re.findall(r'<div class="kms-letter" role="heading" aria-level="3" id="topic-([^"]+)"', by_topic)
    assert letters == list(dict.fromkeys(initial(t) for t in topic_titles))
    assert "ก" in letters and "เ" not in letters  # เบี้ยยังชีพ… files under บ
    topics = _yaml("plans/prachantakham/knowledge/topics.yml")["topics"]
    for topic in topics:
        block = by_topic[by_topic.index(f'knowledge/#{topic["id"]}"'):]
        block = block[:block.index("</ul></li>")]
        for holder in topic["holders"]:
            assert f'href="../#{holder}"' in block  # the card on the people page
    assert re.search(r'<span class="kms-index-term"><a href="\.\./#community-dev">[^<]+</a>', by_person)


def test_site_wide_catalogue_and_index_cover_every_organisation(built_site: Path):
    html = (built_site / "people/index.html").read_text(encoding="utf-8")
    for slug in ("suso", "prachantakham", "pathumthani-pao"):
        org = _yaml(f"plans/{slug}/organisation.yml")
        for person in org["people"]:
            assert f'id="{slug}--{person["id"]}"' in html
            assert f'href="../orgs/{slug}/people/#{person["id"]}"' in html
    who = (built_site / "people/who-knows-what/index.html").read_text(encoding="utf-8")
    assert 'href="../../orgs/prachantakham/knowledge/#signboard-tax"' in who
    assert 'href="../../orgs/suso/knowledge/#signboard-tax"' in who


def test_every_people_page_has_an_english_twin_with_english_labels(built_site: Path):
    pages = [p.relative_to(built_site) for p in built_site.glob("orgs/*/people/**/index.html")]
    pages += [p.relative_to(built_site) for p in built_site.glob("orgs/*/cops/**/index.html")]
    pages += [Path("people/index.html"), Path("people/who-knows-what/index.html")]
    assert len(pages) >= 12
    thai_labels = ("ชุมชนนักปฏิบัติ", "ใครรู้อะไร", "สังกัด", "ติดต่อ", "บันทึกการประชุม", "ทำเนียบบุคลากร")
    for rel in pages:
        en = built_site / "en" / rel
        assert en.exists(), rel
        html = en.read_text(encoding="utf-8")
        assert '<html lang="en"' in html
        headings = [re.sub(r"<[^>]+>|¶", "", h) for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, flags=re.S)]
        labels = " ".join(re.findall(r"<(?:dt|th)[^>]*>(.*?)</(?:dt|th)>", html, flags=re.S))
        for label in thai_labels:
            assert label not in " ".join(headings) + labels, (rel, label)
    text = text_of(built_site / "en/orgs/suso/cops/project-writing/index.html")
    assert "Meeting log" in text and "19 June 2024" in text and "Facilitator" in text


def _entry(html: str, href: str) -> str:
    """The index entry (term and its inline list) that starts with a link to ``href``."""
    start = html.index(f'href="{href}"')
    return html[start:html.index("</ul></li>", start)]


def test_both_holders_of_a_position_are_listed_for_its_knowledge(built_site: Path):
    """policy-analyst is held by two people: each card lists its topic, and who knows what names both."""
    org = _yaml("plans/pathumthani-pao/organisation.yml")
    holders = [p["id"] for p in org["people"] if p.get("position") == "policy-analyst"]
    assert holders == ["phuwanai", "sathita"]
    topic = next(t for t in _yaml("plans/pathumthani-pao/knowledge/topics.yml")["topics"] if t["id"] == "km-techniques")
    assert topic["holders"] == ["policy-analyst"]
    for lang in ("", "en/"):
        people = (built_site / lang / "orgs/pathumthani-pao/people/index.html").read_text(encoding="utf-8")
        who = (built_site / lang / "orgs/pathumthani-pao/people/who-knows-what/index.html").read_text(encoding="utf-8")
        by_topic, by_person = who.split('id="by-person"')
        listed = re.findall(r'href="\.\./#([a-z0-9-]+)"', _entry(by_topic, "../../knowledge/#km-techniques"))
        assert listed == holders
        for person in holders:
            assert 'href="../knowledge/#km-techniques"' in _card_html(people, person)
            assert 'href="../../knowledge/#km-techniques"' in _entry(by_person, f"../#{person}")
    site_wide = (built_site / "people/who-knows-what/index.html").read_text(encoding="utf-8")
    entry = _entry(site_wide, "../../orgs/pathumthani-pao/knowledge/#km-techniques")
    assert re.findall(r'href="\.\./\.\./orgs/pathumthani-pao/people/#([a-z0-9-]+)"', entry) == holders


def test_cop_seats_given_to_a_position_list_every_holder_as_the_cards_do():
    site, _ = load_site(ROOT)
    content = site.orgs["pathumthani-pao"]
    cop = content.cops[0]
    meeting = cop.meetings[0].model_copy(update={"attendees": ["policy-analyst"]})
    content.cops[0] = cop.model_copy(update={"facilitator": "policy-analyst", "note_taker": "policy-analyst",
                                             "members": ["jenjira", "policy-analyst"], "meetings": [meeting]})
    cards = people_cards(content)
    view = next(v for v in cop_views(content, cards) if v.cop.id == cop.id)
    holders = ["phuwanai", "sathita"]
    assert [c.id for c in view.facilitators] == [c.id for c in view.note_takers] == holders
    assert [c.id for c in view.members] == ["jenjira", *holders]
    assert [c.id for c in view.meetings[0].attendees] == holders
    seated = [c.id for c in cards if any(seat.id == cop.id for seat, _ in c.cops)]
    assert sorted(seated) == ["jenjira", *holders]


def test_lists_are_lettered_for_any_language():
    """A third language files entries by the English twins and raises no KeyError."""
    site, _ = load_site(ROOT)
    content = site.orgs["pathumthani-pao"]
    index = org_who_knows(content, people_cards(content))
    for lang in ("th", "en", "fr"):
        assert index.by_topic(lang) and index.by_person(lang)
    topics = [s.title("fr") for g in index.by_topic("fr") for s in g.items]
    assert topics == [s.title("en") for g in index.by_topic("en") for s in g.items]
    assert any(t.startswith("Techniques for managing") for t in topics)
