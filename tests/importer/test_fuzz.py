"""Any text export gives a draft or a clear error, never a traceback, and loses nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmsite_plugins.importer import import_file
from tests.importer.nothing_lost import draft_text, found, units_of_text

PIECES = ["ลำดับ", "ที่", "กิจกรรม", "ระยะเวลา", "ผู้รับผิดชอบ", "ตัวชี้วัด", "เป้าหมาย", "หมายเหตุ", "๑", "2.", "๓)",
          "การบ่งชี้ความรู้", "การสื่อสาร (CMP ๒)", "ต.ค. ๒๕๖๗", "จ.ค. ๒๕๖๖", "ก.ย.", "ประชา สัมพันธ์", "นายสมชาย ใจดี",
          "ปลัดเทศบาล", "เป็นกรรมการ", "ประธานกรรมการ", "เลขานุการ", "ขอบเขต KM", "ปัจจัยแห่งความสำเร็จ",
          "เป้าหมาย KM :", "ชื่อองค์ความรู้ที่เลือก :", "ผู้ทบทวน :", "(นางสาวศรี ดี)", "กระบวนการจัดการความรู้ (KM Process)",
          "องค์การบริหารส่วนตำบลทดสอบ", "<p>ข้อ</p>", "|", "-", "รวมคะแนน", "มาก", "๕", "เรื่อง", "ผู้มีความรู้"]
LINE = st.lists(st.sampled_from(PIECES), min_size=0, max_size=6).flatmap(
    lambda words: st.sampled_from(["\t", " ", "\t\t"]).map(lambda sep: sep.join(words)))
INDENT = st.sampled_from(["", "\t", " \t", "        "])
TEXT = st.lists(st.tuples(INDENT, LINE).map(lambda t: t[0] + t[1]), min_size=1, max_size=25).map("\n".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_export_imports_and_loses_nothing(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "plans").mkdir()
        source = root / "export.txt"
        source.write_text(text, encoding="utf-8")
        _, folder, report = import_file(source, "fuzz", 2568, "yaml", root)
        assert "Imported:" in report
        content, leftovers = draft_text(folder)
        missing = [(n, t) for n, t in units_of_text(source) if not found(t, content) and not found(t, leftovers)]
        assert missing == []
