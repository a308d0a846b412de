"""The build context: one digit rule, site_url checked once, the build date from SOURCE_DATE_EPOCH."""

from __future__ import annotations

from datetime import date

import pytest

from kmsite_plugins.views.context import BuildContext, build_date, checked_site_url


@pytest.mark.parametrize("lang, digits, value, shown", [
    ("th", "thai", 2567, "๒๕๖๗"),
    ("th", "thai", "๑.", "๑."),
    ("th", "arabic", "๑.", "1."),
    ("en", "thai", "๒๒", "22"),  # English pages: Arabic, whatever the option
    ("en", "arabic", 5, "5"),
    ("th", "thai", None, ""),
])
def test_one_digit_rule(lang, digits, value, shown):
    assert BuildContext(None, lang, "th", ("th", "en"), digits=digits).number(value) == shown


def test_numbers_in_labels_leave_names_alone():
    thai = BuildContext(None, "th", "th", ("th", "en"), digits="thai")
    arabic = BuildContext(None, "th", "th", ("th", "en"), digits="arabic")
    assert thai.numbers_in("กระดาษ A4 กว้าง 10 ซม. (KMP1)") == "กระดาษ A4 กว้าง ๑๐ ซม. (KMP1)"
    assert arabic.numbers_in("(๗ + ๖ = ๑๓ ขั้นตอน)") == "(7 + 6 = 13 ขั้นตอน)"


def test_site_url_is_checked_once_and_ends_with_a_slash():
    assert checked_site_url("https://km.example.go.th") == "https://km.example.go.th/"
    assert checked_site_url(None) is None and checked_site_url("") is None
    with pytest.raises(ValueError, match="not an absolute http"):
        checked_site_url("km.example.go.th/")


def test_build_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")  # 2024-01-01 00:00 UTC
    assert build_date() == date(2024, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == date.today()
