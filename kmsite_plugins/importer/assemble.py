"""Walk a document once and place what it says into the draft: identity, rosters, lists, topics, plan.

Every paragraph and cell that is placed is marked used; the rest become leftovers with their
source location, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from typing import Any

from .activities import ActivityBuilder, BuiltTable, find_header
from .document import Document, Loc, Paragraph, Table
from .fields import BULLET_ITEM, COMMITTEE_HEADING, header_field, list_item, narrative_heading
from .ids import IdMaker
from .labels import header_keys, table_kind
from .people import keyed_seat, person_name, roster_seat, strip_number
from .rejoin import rejoin
from .result import Finding, ImportResult, Leftover
from .steps import kind_of_title
from .worksheets import read_worksheet

ORG_NAME = re.compile(r"^(องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|จังหวัด)"
                      r"[\u0E01-\u0E4E]+$")
ORG_TYPES = {"องค์การบริหารส่วนตำบล": "อบต.", "องค์การบริหารส่วนจังหวัด": "อบจ.", "เทศบาลตำบล": "เทศบาลตำบล",
             "เทศบาลเมือง": "เทศบาลเมือง", "เทศบาลนคร": "เทศบาลนคร", "จังหวัด": "จังหวัด"}
UNIT_NAME = re.compile(r"^(กอง|สำนัก|ฝ่าย|งาน|ศูนย์)[\u0E01-\u0E4E]+$")
FISCAL = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*([0-9๐-๙]{4})")
PLACE = re.compile(r"(อำเภอ|จังหวัด)\s*([\u0E01-\u0E4E]+)")
COVER_BLOCKS = 16
SIGNATURE = re.compile(r"^\s*(ผู้ทบทวน|ผู้อนุมัติ)(?:\s*[:：]|\s|$)")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Assembler:
    def __init__(self, doc: Document, fiscal_year: int | None):
        self.doc = doc
        self.result = ImportResult(source=doc.source)
        self.used: set[Loc] = set()
        self.reasons: dict[Loc, str] = {}
        self.ids = IdMaker()
        self.fiscal_year = fiscal_year
        self.org: dict[str, Any] = {}
        self.departments: dict[str, dict[str, Any]] = {}
        self.positions: dict[str, dict[str, Any]] = {}
        self.people: dict[str, dict[str, Any]] = {}
        self.plan: dict[str, Any] = {}
        self.sections: list[dict[str, Any]] = []
        self.pending: dict[str, Any] = {}
        self.pending_locs: dict[str, list[Loc]] = {}  # where each pending header field was written
        self.title_loc: Loc | None = None
        self.pending_title: str | None = None
        self.pending_kind: str | None = None
        self.selection: list[dict[str, Any]] = []
        self.findings = self.result.findings

    # -- helpers --------------------------------------------------------------
    def use(self, loc: Loc) -> None:
        self.used.add(loc)

    def label(self, loc: Loc, role: str) -> None:
        """A heading or label read as structure: its words are recorded in import/cells.yml, not in content."""
        text = next((t for item_loc, t in self.doc.items() if item_loc == loc), "")
        self.used.add(loc)
        self.result.labels.append({"at": str(loc), "as": role, "text": text})

    def position_ref(self, title: str) -> str:
        title = rejoin(" ".join(title.split()))
        key = _squash(title)
        if key not in self.positions:
            self.positions[key] = {"id": self.ids.make(title, "position"), "title": title}
        return self.positions[key]["id"]

    def department_ref(self, name: str) -> str:
        name = rejoin(" ".join(name.split()))
        key = _squash(name)
        if key not in self.departments:
            self.departments[key] = {"id": self.ids.make(name, "department"), "name": name}
        return self.departments[key]["id"]

    def person_ref(self, honorific: str, name: str, position: str | None) -> str:
        key = _squash(name)
        if key not in self.people:
            ident = self.ids.make(name, "person", words=2)
            person: dict[str, Any] = {"id": ident, "honorific": honorific, "name": name}
            if position:
                person["position"] = self.position_ref(position)
            self.people[key] = person
        elif position and "position" not in self.people[key]:
            self.people[key]["position"] = self.position_ref(position)
        return self.people[key]["id"]

    # -- the walk -------------------------------------------------------------
    def run(self) -> ImportResult:
        self.identity()
        blocks = self.doc.blocks
        i = COVER_BLOCKS if False else 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, Table):
                i = self.table(i, block)
            else:
                i = self.paragraph(i, block)
        self.finish()
        return self.result

    def identity(self) -> None:
        cover = self.doc.blocks[:COVER_BLOCKS]
        title_lines: list[Paragraph] = []
        units: list[Paragraph] = []
        for block in cover:
            texts: list[tuple[Loc, str]] = []
            if isinstance(block, Paragraph):
                texts = [(block.loc, block.text.strip())]
            else:
                texts = [(c.loc, c.text.strip()) for r in block.rows for c in r.cells if c.text.strip()]
            for loc, text in texts:
                for kind, place in PLACE.findall(text):
                    if _squash(text) == _squash(" ".join(f"{k}{p}" for k, p in PLACE.findall(text))):
                        self.org["district" if kind == "อำเภอ" else "province"] = place
                        self.use(loc)
                if "name" not in self.org and ORG_NAME.match(_squash(text)):
                    self.org["name"] = _squash(text)
                    self.use(loc)
                elif "name" not in self.org and UNIT_NAME.match(_squash(text)) and isinstance(block, Paragraph):
                    units.append(block)
                elif isinstance(block, Paragraph) and not title_lines and "แผนการจัดการ" in text and len(text) < 120:
                    title_lines.append(block)
                elif title_lines and isinstance(block, Paragraph) and len(text) < 60 and "name" not in self.org \
                        and not units and title_lines[-1] is not block:
                    title_lines.append(block)
                if self.fiscal_year is None and (m := FISCAL.search(text)) and len(text) < 120:
                    from ..thai.digits import parse_int
                    self.fiscal_year = parse_int(m.group(1))
        name = self.org.get("name", "")
        for prefix, org_type in ORG_TYPES.items():
            if name.startswith(prefix):
                self.org["type"] = org_type
                if org_type == "จังหวัด":
                    self.org.setdefault("province", name[len(prefix):])
        if units and name:
            division = _squash(units[-1].text)
            parent = {"name": name, "type": self.org.get("type")}
            self.org = {**{k: v for k, v in self.org.items() if k not in ("name", "type")},
                        "name": division, "type": "ส่วนราชการ", "parent": {k: v for k, v in parent.items() if v},
                        "division": division}
            if len(units) > 1:
                self.org["section"] = _squash(units[0].text)
            for unit in units:
                self.use(unit.loc)
        if "name" not in self.org:
            self.findings.append(Finding("no-org-name", "no organisation name found on the cover; the draft says "
                                         "'(ชื่อหน่วยงาน)': fill it in", None))
            self.org["name"] = "(ชื่อหน่วยงาน)"
        self.org.setdefault("type", "ส่วนราชการ")
        title = " ".join(" ".join(p.text.split()) for p in title_lines)
        for p in title_lines:
            self.use(p.loc)
        self.plan["title"] = " ".join(x for x in (title or "แผนการจัดการความรู้", self.org["name"]) if x)
        if self.fiscal_year:
            self.plan["fiscal_year"] = str(self.fiscal_year)

    # -- paragraphs -------------------------------------------------------------
    def paragraph(self, i: int, p: Paragraph) -> int:
        text = p.text.strip()
        if not text or p.loc in self.used:
            return i + 1
        signer = SIGNATURE.match(text)
        if signer:
            return self.signature(i, "reviewer" if signer.group(1) == "ผู้ทบทวน" else "approver")
        field = header_field(text)
        if field:
            self.header_field(field[0], field[1], p.loc)
            return i + 1
        key = narrative_heading(text)
        if key:
            self.label(p.loc, f"heading of {key}")
            return self.narrative_list(i + 1, key)
        kind = kind_of_title(text)
        if kind and len(text) < 160 and self.next_is_table(i):
            self.pending_title, self.pending_kind = " ".join(text.split()), kind
            self.title_loc = p.loc
            self.use(p.loc)
            return i + 1
        if len(text) < 160 and self.next_is_table(i) and not list_item(text):
            self.pending_title = " ".join(text.split())
            self.title_loc = p.loc
            self.use(p.loc)
            return i + 1
        if COMMITTEE_HEADING.search(text) and len(text) < 200:
            return self.listed_committee(i, p)
        return i + 1

    def next_is_table(self, i: int) -> bool:
        nxt = self.doc.blocks[i + 1] if i + 1 < len(self.doc.blocks) else None
        return isinstance(nxt, Table) and find_header(nxt) is not None

    def signature(self, i: int, key: str) -> int:
        """The form's foot: ``ผู้ทบทวน : …… (ชื่อ) ตำแหน่ง`` on one line or over the next few lines.

        The name in parentheses becomes a person; the text after it, or the short line below it, names
        the position; ``(CKO)`` / ``(CEO)`` there gives the person that KM role.
        """
        window: list[Paragraph] = []
        for block in self.doc.blocks[i:i + 4]:
            if not isinstance(block, Paragraph) or (window and (len(block.text) > 160 or SIGNATURE.match(block.text))):
                break
            window.append(block)
        found = None
        for k, para in enumerate(window):
            match = re.search(r"\(([^()]+)\)\s*(.*)$", " ".join(para.text.split()))
            person = person_name(match.group(1).strip()) if match else None
            if match and person:
                found = (k, match, person)
                break
        if found is None:
            self.findings.append(Finding(f"no-{key}-name", f"'{window[0].text[:40]}' names nobody in parentheses; "
                                         f"the {key} is left empty", window[0].loc))
            return i + 1
        k, match, person = found
        used = window[:k + 1]
        rest = match.group(2).strip()
        if not rest and k + 1 < len(window) and len(window[k + 1].text) < 100 and not list_item(window[k + 1].text):
            rest = " ".join(window[k + 1].text.split())
            used.append(window[k + 1])
        role = re.search(r"\((CKO|CEO)\)", rest)
        position = re.sub(r"^ตำแหน่ง\s*", "", re.split(r"ผู้บริหารสูงสุด|\((?:CKO|CEO)\)", rest)[0]).strip(" .…")
        self.plan[key] = self.person_ref(person.honorific, person.name, position or None)
        if role:
            roles = self.people[_squash(person.name)].setdefault("km_roles", [])
            if role.group(1) not in roles:
                roles.append(role.group(1))
        for para in used:
            self.label(para.loc, f"the plan's {key} (a person of organisation.yml)")
        return i + len(used)

    def drop_pending(self) -> None:
        """Header fields that no activity table followed go to the leftovers."""
        for locs in self.pending_locs.values():
            self.unuse(locs, "a plan-form header field with no activity table after it")
        self.pending, self.pending_locs = {}, {}

    def unuse(self, locs: list[Loc], why: str) -> None:
        for loc in locs:
            self.used.discard(loc)
            self.reasons[loc] = why

    def header_field(self, key: str, value: str, loc: Loc) -> None:
        if key in ("reviewer", "approver"):
            return
        if key == "unit":
            self.use(loc)
            if _squash(self.plan.setdefault("unit", value)) != _squash(value):
                self.unuse([loc], f"a ชื่อหน่วยงาน other than the plan's ('{self.plan['unit'][:40]}')")
            return
        if key == "kpi_target":
            self.pending.setdefault("outcome_kpis", []).append(value)
        elif key == "outcome_kpis":
            self.pending.setdefault("outcome_kpis", []).append(value)
        else:
            if key in self.pending:
                self.drop_pending()
            self.pending[key] = value
        self.use(loc)
        self.pending_locs.setdefault("outcome_kpis" if key == "kpi_target" else key, []).append(loc)

    def narrative_list(self, i: int, key: str) -> int:
        items: list[str] = []
        style: str | None = None
        blocks = self.doc.blocks
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, Table):
                break
            text = block.text.strip()
            item = list_item(text)
            if item is None and style is None and (bullet := BULLET_ITEM.match(text)) and not narrative_heading(text):
                item = ("-", bullet.group("body"))
            if item is None:
                if items or header_field(text) or (narrative_heading(text) and narrative_heading(text) != key):
                    break
                i += 1  # an introduction between the heading and its list
                continue
            if style is None:
                style = item[0]
            elif item[0] != style:
                break
            items.append(rejoin(" ".join(item[1].split())))
            self.use(block.loc)
            i += 1
        if items and key not in self.plan:
            self.plan[key] = items
        elif items:
            for block in blocks[i - len(items):i]:
                self.used.discard(block.loc)
                self.reasons[block.loc] = f"a second list of {key.replace('_', ' ')}; the first one was imported"
        return i

    # -- committees written as paragraphs (names and positions as two lists) ----------
    def listed_committee(self, i: int, heading: Paragraph) -> int:
        blocks = self.doc.blocks
        names: list[tuple[Paragraph, str, Any]] = []
        positions: list[tuple[Paragraph, str]] = []
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], Paragraph):
            block = blocks[j]
            assert isinstance(block, Paragraph)
            no, body = strip_number(block.text)
            bullet = BULLET_ITEM.match(block.text)
            person = person_name(body)
            if person and not positions:
                names.append((block, no, person))
            elif bullet and names and not person_name(bullet.group("body")):
                positions.append((block, bullet.group("body").strip()))
            else:
                break
            j += 1
        if len(names) < 2:
            return i + 1
        if positions and len(positions) != len(names):
            self.findings.append(Finding("unpaired", f"{len(names)} names but {len(positions)} positions under "
                                         f"'{heading.text[:40]}': left unpaired, positions are leftovers", heading.loc))
            positions = []
        members = []
        for k, (block, no, person) in enumerate(names):
            position = positions[k][1] if positions else None
            ref = self.person_ref(person.honorific, person.name, position)
            member: dict[str, Any] = {"ref": ref, "role": "ผู้จัดทำ" if "ผู้จัดทำ" in heading.text else "สมาชิก"}
            if no:
                member = {"no": no, **member}
            members.append(member)
            self.use(block.loc)
            if positions:
                self.use(positions[k][0].loc)
        if positions:
            self.findings.append(Finding("paired", f"{len(names)} names paired in order with the {len(positions)} "
                                         f"positions listed after them", heading.loc))
        self.label(heading.loc, "heading of a committee listed as names and positions")
        name = re.sub(r"^#+\s*", "", " ".join(heading.text.split()))
        self.result.committees.append({"id": self.ids.make(name, "committee"), "kind": "other", "name": name,
                                       "members": members})
        return j

    # -- tables ---------------------------------------------------------------------
    def table(self, i: int, table: Table) -> int:
        header_at = find_header(table)
        if header_at is not None:
            self.activity_table(table, header_at)
            return i + 1
        first = table.rows[0].texts() if table.rows else []
        kind = table_kind(first)
        if kind == "topics":
            self.topics(table)
        elif kind == "selection":
            self.selected(table)
        elif read_worksheet(table, self.result.findings) is not None:
            sheet = read_worksheet(table, [])
            assert sheet is not None
            self.plan.setdefault("worksheets", []).append(sheet.mapping)
            for loc in sheet.used:
                self.use(loc)
            for loc in sheet.checked:
                self.label(loc, "a total or rank written on the worksheet (checked against the computed one)")
        elif kind == "roster" or any(roster_seat(r.texts()) for r in table.rows):
            return self.roster(i, table)
        return i + 1

    def activity_table(self, table: Table, header_at: int) -> None:
        # rows above the header: titles and form header fields written inside the table
        for row in table.rows[:header_at]:
            for cell in row.filled():
                field = header_field(cell.text)
                if field:
                    self.header_field(field[0], field[1], cell.loc)
                elif kind_of_title(cell.text) and self.pending_kind is None:
                    if self.title_loc is not None:
                        self.unuse([self.title_loc], "a caption above a table whose own title row was imported")
                    self.pending_title, self.pending_kind = " ".join(cell.text.split()), kind_of_title(cell.text)
                    self.title_loc = cell.loc
                    self.use(cell.loc)
        builder = ActivityBuilder(self.fiscal_year, self.findings)
        built = builder.build(table, header_at, self.pending_kind, self.pending_title)
        for item in built:
            self.place(item)
        if built:
            for loc in built[0].consumed:
                self.use(loc)
        elif self.title_loc:
            self.unuse([self.title_loc], "the title of an activity table with no rows")
        for loc in builder.spanning:
            self.label(loc, "a column header over sub-columns (the sub-headers are the columns)")
        for loc in builder.unplaced:
            self.reasons[loc] = "a column the plan form has no field for (or a cell beyond the header's columns)"
        for loc in builder.marks:
            self.label(loc, "a month name or tick of the ระยะเวลา grid (read into the period)")
        self.pending_title, self.pending_kind, self.title_loc = None, None, None

    def place(self, item: BuiltTable) -> None:
        section = self.section_for()
        plan_table: dict[str, Any] = {"kind": item.kind}
        if item.title:
            plan_table["title"] = item.title
        plan_table["columns"] = item.columns
        plan_table["rows"] = item.rows
        last = section["tables"][-1] if section["tables"] else None
        same_columns = last is not None and [c["key"] for c in last["columns"]] == [c["key"] for c in item.columns]
        if last is not None and last["kind"] == item.kind and same_columns and not self.pending_fresh:
            last["rows"].extend(item.rows)
            if item.title and _squash(item.title) != _squash(last.get("title") or "") and self.title_loc:
                self.used.discard(self.title_loc)
                self.reasons[self.title_loc] = "the title of a table continued after a break (rows joined above)"
            kind = (item.kind or "").upper()
            self.findings.append(Finding("continued-table", f"a {kind} table continues after a break "
                                         f"(its title or header repeated); rows joined", item.loc))
        else:
            section["tables"].append(plan_table)
        self.pending_fresh = False
        self.result.raw_cells.extend(item.raw)

    pending_fresh = False

    def section_for(self) -> dict[str, Any]:
        fields, locs = self.pending, self.pending_locs
        self.pending, self.pending_locs = {}, {}
        if not fields and self.sections:
            return self.sections[-1]
        self.pending_fresh = bool(fields)
        key = _squash(fields.get("knowledge") or fields.get("desired_state") or "")
        for section in self.sections:
            if key and _squash(section.get("knowledge") or section.get("desired_state") or "") == key:
                for name, value in fields.items():
                    if name not in section:
                        section[name] = value
                    elif _squash(str(section[name])) != _squash(str(value)):
                        self.unuse(locs.get(name, []), f"this section's {name} is written differently above; "
                                                       f"the first wording was imported")
                return section
        ident = self.ids.make(fields.get("knowledge") or fields.get("desired_state") or "section", "section")
        section = {"id": ident, **fields, "tables": []}
        if isinstance(section.get("outcome_kpis"), str):
            section["outcome_kpis"] = [section["outcome_kpis"]]
        self.sections.append(section)
        return section

    def topics(self, table: Table) -> None:
        keys = header_keys(table.rows[0].texts())
        for cell in table.rows[0].filled():
            self.label(cell.loc, "column header of the knowledge topics table")
        for row in table.rows[1:]:
            values = {key: cell for cell, key in zip(row.cells, keys, strict=False) if key and cell.text.strip()}
            if "topic" not in values:
                continue
            if [c.text for c in row.cells] == [c.text for c in table.rows[0].cells]:
                for c in row.filled():
                    self.use(c.loc)
                continue
            title = rejoin(" ".join(values["topic"].text.split()))
            topic: dict[str, Any] = {}
            if "no" in values:
                topic["no"] = values["no"].text.strip()
            topic["id"] = self.ids.make(title, "topic")
            topic["title"] = title
            if "department" in values:
                topic["department"] = self.department_ref(values["department"].text)
                topic["department_raw"] = values["department"].text.strip()
            if "holders" in values:
                raw = values["holders"].text.strip()
                holders = []
                for part in re.split(r"[/,]", raw):
                    part = part.strip()
                    if not part:
                        continue
                    person = person_name(part)
                    holders.append(self.person_ref(person.honorific, person.name, None) if person
                                   else self.position_ref(part))
                topic["holders"] = holders
                topic["holders_raw"] = raw
            if "remarks" in values:
                topic["remarks"] = values["remarks"].text.strip()
            self.result.topics.append(topic)
            for cell in values.values():
                self.use(cell.loc)

    def selected(self, table: Table) -> None:
        keys = header_keys(table.rows[0].texts())
        for row in table.rows:
            values = {key: cell for cell, key in zip(row.cells, keys, strict=False) if key and cell.text.strip()}
            if table_kind(row.texts()) == "selection":
                for cell in row.filled():
                    self.label(cell.loc, "column header of the selected-knowledge table")
                continue
            if "selected" not in values:
                continue
            lines = [line.strip() for line in values["selected"].text.splitlines() if line.strip()]
            if not lines:
                continue
            name = strip_number(lines[0])[1]
            reason_at = next((k for k, line in enumerate(lines) if line.startswith("เหตุผล")), None)
            entry: dict[str, Any] = {"knowledge": rejoin(name), "loc": values["selected"].loc, "cells": values}
            if reason_at is not None:
                entry["reason"] = "\n".join(lines[reason_at + 1:])
            if "knowledge_type" in values:
                entry["knowledge_type"] = values["knowledge_type"].text.strip()
            self.selection.append(entry)

    def roster(self, i: int, table: Table) -> int:
        heading = self.committee_heading(i)
        seats = []
        keys: list[str | None] = []
        for row in table.rows:
            if table_kind(row.texts()) == "roster":
                keys = header_keys(row.texts())
                for cell in row.filled():
                    self.label(cell.loc, "column header of a roster")
                continue
            if keys:
                values = {k: c.text for c, k in zip(row.cells, keys, strict=False) if k and c.text.strip()}
                seat = keyed_seat(values)
            else:
                seat = roster_seat(row.texts())
            if seat is None:
                continue
            seats.append((row, seat))
        members = []
        for row, seat in seats:
            if seat.person:
                ref = self.person_ref(seat.person.honorific, seat.person.name, seat.position)
                person = self.people[_squash(seat.person.name)]
                for kind, value in seat.contacts:  # internal by default (PDPA): the source does not mark them public
                    person.setdefault("contacts", []).append({"kind": kind, "value": value})
                if seat.role in ("CEO", "CKO"):
                    person.setdefault("km_roles", []).append(seat.role)
            else:
                ref = self.position_ref(seat.position or "")
            member: dict[str, Any] = {}
            if seat.no:
                member["no"] = seat.no
            member["ref"] = ref
            member["role"] = seat.role
            if seat.role_raw:
                member["role_raw"] = seat.role_raw
            members.append(member)
            kept = _squash(" ".join(str(x) for x in (seat.no, seat.person.honorific if seat.person else "",
                                                     seat.person.name if seat.person else "", seat.position or "",
                                                     seat.role, seat.role_raw or "", *[v for _, v in seat.contacts])))
            for cell in row.filled():
                body = _squash(strip_number(cell.text)[1]) or _squash(cell.text)
                if (body and body in kept) or _squash(cell.text) in kept:
                    self.use(cell.loc)
                else:
                    self.reasons[cell.loc] = "a roster cell not read as number, name, position or seat"
        name = heading[1] if heading else "คณะทำงาน"
        kind = "evaluation" if "ติดตามและประเมินผล" in name else ("km_team" if re.search(
            r"KM|จัดการความรู้|คณะทำงาน|CKO", name) else "other")
        roles = [m["role"] for m in members]
        if kind != "other" and (not any(r in ("ประธานกรรมการ", "หัวหน้าทีม") for r in roles)
                                or not any(r in ("เลขานุการ", "กรรมการและเลขานุการ") for r in roles)):
            self.findings.append(Finding("roster", f"'{name[:50]}' has no chair or no secretary; imported as "
                                         f"kind: other (set the kind once the roster is complete)", table.loc))
            kind = "other"
        committee: dict[str, Any] = {"id": self.ids.make(name, "committee"), "kind": kind, "name": name,
                                     "members": members}
        if heading:
            self.label(heading[0], f"heading of committee {committee['id']}")
        j = self.duties(i + 1, committee)
        self.result.committees.append(committee)
        return j

    def committee_heading(self, i: int) -> tuple[Loc, str] | None:
        for block in reversed(self.doc.blocks[max(0, i - 3):i]):
            if isinstance(block, Paragraph) and COMMITTEE_HEADING.search(block.text):
                text = " ".join(block.text.split())
                match = re.search(r"(คณะ(?:กรรมการ|ทำงาน)\S*?(?:\s\S+?)*?)(?:\s*ประกอบด้วย|\s*ดังนี้|$)", text)
                name = strip_number(match.group(1) if match else text)[1]
                return block.loc, name
        return None

    def duties(self, i: int, committee: dict[str, Any]) -> int:
        blocks = self.doc.blocks
        intro = blocks[i] if i < len(blocks) else None
        if not isinstance(intro, Paragraph) or "หน้าที่" not in intro.text:
            return i
        duties: list[str] = []
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], Paragraph):
            block = blocks[j]
            assert isinstance(block, Paragraph)
            item = list_item(block.text)
            if item is None:
                break
            duties.append(" ".join(item[1].split()))
            self.use(block.loc)
            j += 1
        if not duties:
            duties = [" ".join(intro.text.split())]
            self.use(intro.loc)
        committee["duties"] = duties
        return j

    # -- the end ------------------------------------------------------------------
    def finish(self) -> None:
        self.drop_pending()
        for entry in self.selection:
            key = _squash(entry["knowledge"])
            section = next((s for s in self.sections if key and (_squash(s.get("knowledge") or "") == key)), None)
            if section is None:
                section = next((s for s in self.sections if key and key[:20] == _squash(s.get("knowledge") or "")[:20]),
                               None)
            if section is None:
                self.reasons[entry["loc"]] = "selected knowledge with no activity table of its own"
                continue
            if entry.get("knowledge_type"):
                section.setdefault("knowledge_type", entry["knowledge_type"])
            if entry.get("reason") and not section.get("reason"):
                section["reason"] = entry["reason"]
            elif entry.get("reason") and _squash(entry["reason"]) != _squash(section["reason"]):
                self.findings.append(Finding("two-reasons", f"the selection table words the reason for "
                                             f"'{entry['knowledge'][:40]}' differently from the plan form; the plan "
                                             f"form's is imported, the other is a leftover", entry["loc"]))
                self.reasons[entry["loc"]] = "a second wording of the reason (the plan form's one was imported)"
                continue
            for cell in entry["cells"].values():
                self.use(cell.loc)
        org = dict(self.org)
        org["departments"] = list(self.departments.values())
        org["positions"] = list(self.positions.values())
        org["people"] = list(self.people.values())
        self.result.organisation = {k: v for k, v in org.items() if v not in (None, [], {})}
        if self.sections:
            self.plan["sections"] = self.sections
        for key in ("reviewer", "approver"):
            if key not in self.plan:
                self.findings.append(Finding(f"no-{key}", f"no {key} (ผู้{'ทบทวน' if key == 'reviewer' else 'อนุมัติ'}) "
                                             f"found", None))
        self.result.plan = self.plan
        if self.fiscal_year:
            self.result.plan_key = str(self.fiscal_year)
        for loc, text in self.doc.items():
            if loc not in self.used:
                self.result.leftovers.append(Leftover(loc, text, self.reasons.get(loc, "not recognised as any part of "
                                                                                     "the plan form")))
