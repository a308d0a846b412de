"""`kmsite new --type`: a scaffold per organisation type, each passing `kmsite check`, with the type's own seats."""

from __future__ import annotations

import pytest

from kmsite_plugins.cli import main, scaffold_types
from tests.conftest import read_yaml

SEATS = {  # type -> (CEO's title, CKO's title)
    "อบต.": ("นายกองค์การบริหารส่วนตำบลตัวอย่าง", "ปลัดองค์การบริหารส่วนตำบลตัวอย่าง"),
    "เทศบาลตำบล": ("นายกเทศมนตรีตำบลตัวอย่าง", "ปลัดเทศบาลตำบลตัวอย่าง"),
    "เทศบาลเมือง": ("นายกเทศมนตรีเมืองตัวอย่าง", "ปลัดเทศบาลเมืองตัวอย่าง"),
    "เทศบาลนคร": ("นายกเทศมนตรีนครตัวอย่าง", "ปลัดเทศบาลนครตัวอย่าง"),
    "อบจ.": ("นายกองค์การบริหารส่วนจังหวัดตัวอย่าง", "ปลัดองค์การบริหารส่วนจังหวัดตัวอย่าง"),
    "จังหวัด": ("ผู้ว่าราชการจังหวัดตัวอย่าง", "รองผู้ว่าราชการจังหวัดตัวอย่าง"),
    "ส่วนราชการ": ("ผู้อำนวยการสำนักงานตัวอย่าง", "รองผู้อำนวยการสำนักงานตัวอย่าง"),
    "กรม": ("อธิบดีกรมตัวอย่าง", "รองอธิบดีกรมตัวอย่าง"),
    "สถานศึกษา": ("ผู้อำนวยการโรงเรียนตัวอย่าง", "รองผู้อำนวยการโรงเรียนตัวอย่าง"),
}


def test_every_type_has_seats_listed_here():
    assert set(scaffold_types()) == set(SEATS)


@pytest.mark.parametrize("org_type", list(SEATS))
def test_scaffold_of_each_type_passes_check(tmp_path, capsys, org_type):
    (tmp_path / "plans").mkdir()
    assert main(["new", "org-x", "--type", org_type, "--root", str(tmp_path)]) == 0
    folder = tmp_path / "plans/org-x"
    org = read_yaml(folder / "organisation.yml")
    assert org["type"] == org_type
    titles = {p["id"]: p["title"] for p in org["positions"]}
    holders = {m["role"]: m["ref"] for c in read_yaml(folder / "committees.yml")["committees"] for m in c["members"]
               if c["kind"] == "km_team"}
    person = {p["id"]: p for p in org["people"]}
    ceo = person[holders["CEO"]]["position"] if holders["CEO"] in person else holders["CEO"]
    assert (titles[ceo], titles[holders["CKO"]]) == SEATS[org_type]
    text = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.yml"))
    if org_type != "อบต.":
        assert "องค์การบริหารส่วนตำบล" not in text and "อบต.ตัวอย่าง" not in text
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0
    assert "1 organisation(s) checked: 0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_aliases_and_unknown_types(tmp_path, capsys):
    (tmp_path / "plans").mkdir()
    assert main(["new", "prov", "--type", "province", "--root", str(tmp_path)]) == 0
    assert read_yaml(tmp_path / "plans/prov/organisation.yml")["type"] == "จังหวัด"
    assert main(["new", "other", "--type", "หมู่บ้าน", "--root", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "--type 'หมู่บ้าน' is not an organisation type" in err and "จังหวัด (province)" in err
    assert not (tmp_path / "plans/other").exists()
