"""A real headless Chromium (Debian's) over the built demo site served on localhost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .serve import launch, served


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
