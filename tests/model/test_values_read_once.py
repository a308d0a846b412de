"""Thai dates and periods are read once, while the model is validated; every later layer reads the value."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kmsite_plugins import cli
from kmsite_plugins.loader import load_site
from kmsite_plugins.model.values import ThaiDate
from kmsite_plugins.thai import dates, periods
from tests.conftest import ROOT


def _walk(node: Any) -> Iterator[Any]:
    """Every value inside a loaded model: pydantic fields, lists, dicts, and the site's dataclasses."""
    yield node
    if isinstance(node, BaseModel):
        children: Any = [getattr(node, name) for name in type(node).model_fields]
    elif isinstance(node, (list, tuple)):
        children = node
    elif isinstance(node, dict):
        children = node.values()
    elif hasattr(node, "__dataclass_fields__") and not isinstance(node, ThaiDate):
        children = [getattr(node, name) for name in node.__dataclass_fields__ if not name.startswith("_")]
    else:
        children = []
    for child in children:
        yield from _walk(child)


def _count_calls(monkeypatch: pytest.MonkeyPatch, original: Callable[..., Any]) -> Counter[tuple[Any, ...]]:
    """Replace ``original`` in every kmsite module that holds it by a wrapper counting its arguments."""
    calls: Counter[tuple[Any, ...]] = Counter()

    def counting(*args: Any) -> Any:
        calls[args] += 1
        return original(*args)

    holders = [m for name, m in list(sys.modules.items()) if name.startswith("kmsite_plugins") and m is not None]
    patched = 0
    for module in holders:
        for attr, value in list(vars(module).items()):
            if value is original:
                monkeypatch.setattr(module, attr, counting)
                patched += 1
    assert patched, f"nothing holds {original.__name__}"
    return calls


def test_each_raw_date_and_period_is_parsed_once_in_a_demo_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    site, problems = load_site(ROOT)
    assert problems.errors == []
    values = list(_walk(site))
    expected_dates = Counter((v.raw,) for v in values if isinstance(v, ThaiDate))
    rows = [row for content in site.orgs.values() for entry in content.plans for _, _, _, row in entry.plan.rows()]
    expected_periods = Counter((r.parsed_period.raw, r.parsed_period.fiscal_year) for r in rows if r.parsed_period)
    assert sum(expected_dates.values()) > 20 and sum(expected_periods.values()) >= 50  # the demo has plenty of both

    date_calls = _count_calls(monkeypatch, dates.parse_date)
    period_calls = _count_calls(monkeypatch, periods.parse_period)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    # the staff edition: every page, feed and export of both languages, with everything internal shown
    assert cli.build(ROOT / "mkdocs.yml", internal=True, site_dir=str(tmp_path / "site")) == 0
    assert (tmp_path / "site/en/orgs/index.html").is_file()

    assert date_calls == expected_dates  # each date field read once for the whole build, both languages
    assert period_calls == expected_periods  # each period cell read once, with its plan's fiscal year
