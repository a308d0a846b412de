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
        if self.uri.endswith("index.md"):
            folder = posixpath.dirname(self.uri)
            return folder + "/" if folder else ""  # the root page: "" (not "/", an absolute path)
        return self.uri[:-3] + "/"


def source_uri(url: str) -> str:
    """The generated page's source URI for a directory URL: ``orgs/suso/people/`` → ``orgs/suso/people/index.md``."""
    return url + "index.md"
