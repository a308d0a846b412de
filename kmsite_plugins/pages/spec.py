"""A generated page, before rendering: no MkDocs, no language."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageSpec:
    uri: str  # source URI, e.g. "orgs/suso/index.md"
    kind: str  # page kind: picks the template and the search label
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    hide: tuple[str, ...] = ()  # Material's hide: navigation, toc

    @property
    def url(self) -> str:
        """Directory URL relative to the site root ("orgs/suso/")."""
        return posixpath.dirname(self.uri) + "/" if self.uri.endswith("index.md") else self.uri[:-3] + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs of the same language tree."""
    rel = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if rel == "." else rel.rstrip("/") + "/"
