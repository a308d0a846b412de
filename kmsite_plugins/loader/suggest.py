"""What to tell an author next to a bad id: the close matches and what exists."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def did_you_mean(value: str, known: Sequence[str]) -> str:
    """``"; did you mean samut, sathon?"`` or ``""`` when nothing is close."""
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def listing(known: Sequence[str], limit: int = 15) -> str:
    """The known ids, or their count when there are too many to read."""
    if not known:
        return "none"
    return ", ".join(known) if len(known) <= limit else f"{len(known)} ids"
