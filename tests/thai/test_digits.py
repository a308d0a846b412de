"""Thai/Arabic digit conversion and integer parsing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kmsite_plugins.thai.digits import ARABIC_DIGITS, THAI_DIGITS, parse_int, to_arabic, to_thai

arabic_numbers = st.text(alphabet=ARABIC_DIGITS, min_size=1, max_size=12)
thai_numbers = st.text(alphabet=THAI_DIGITS, min_size=1, max_size=12)


def test_converts_each_digit_by_position() -> None:
    for arabic, thai in zip(ARABIC_DIGITS, THAI_DIGITS, strict=False):
        assert to_thai(arabic) == thai
        assert to_arabic(thai) == arabic


def test_leaves_everything_else_untouched() -> None:
    assert to_arabic("ก.ค. ๒๕๖๗ - 12") == "ก.ค. 2567 - 12"
    assert to_thai("ก.ค. 2567 - ๑๒") == "ก.ค. ๒๕๖๗ - ๑๒"


@pytest.mark.parametrize("text", ["๒๕๖๗", "2567", "๒5๖7", " ๒๕๖๗\n", "+2567"])
def test_parse_int_accepts_both_systems(text: str) -> None:
    assert parse_int(text) == 2567


@pytest.mark.parametrize("text", ["", " ", "๒๕๖๗ก", "25 67", "2.5", "١٢", "สอง"])
def test_parse_int_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_int(text)


@given(arabic_numbers)
def test_arabic_round_trip(s: str) -> None:
    assert to_arabic(to_thai(s)) == s


@given(thai_numbers)
def test_thai_round_trip(s: str) -> None:
    assert to_thai(to_arabic(s)) == s


@given(arabic_numbers)
def test_parse_int_same_in_both_systems(s: str) -> None:
    assert parse_int(s) == parse_int(to_thai(s)) == int(s)


@given(st.integers(min_value=0, max_value=10**9), st.randoms())
def test_parse_int_mixed_digits(n: int, rnd) -> None:
    mixed = "".join(to_thai(c) if rnd.random() < 0.5 else c for c in str(n))
    assert parse_int(mixed) == n


@given(st.text())
def test_conversion_only_touches_digits(s: str) -> None:
    assert not set(to_arabic(s)) & set(THAI_DIGITS)
    assert not set(to_thai(s)) & set(ARABIC_DIGITS)
    assert [c for c in to_arabic(s) if c not in ARABIC_DIGITS] == [
        c for c in s if c not in ARABIC_DIGITS + THAI_DIGITS
    ]


@given(st.text(alphabet=st.sampled_from(["ก", "a", " ", *THAI_DIGITS, *ARABIC_DIGITS]), min_size=60, max_size=200))
def test_long_texts_convert_like_short_ones(s: str) -> None:
    # a long text takes ten replaces instead of str.translate: the same result
    assert to_arabic(s) == "".join(to_arabic(c) for c in s)
