"""An output file before it is written, and what its builder may know about the build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence, Union


@dataclass(frozen=True)
class OutputContext:
    site_url: Optional[str]  # absolute, ends with '/', or None when mkdocs.yml sets none
    lang: str  # language being built
    default_lang: str
    languages: Sequence[str] = field(default_factory=tuple)
    audience: str = "public"  # "public" | "internal"
    digits: str = "thai"
    directory_urls: bool = True  # False in the offline build: links to pages name index.html

    @property
    def is_default(self) -> bool:
        return self.lang == self.default_lang

    @property
    def prefix(self) -> str:
        """URL prefix of the language being built: '' or 'en/'."""
        return "" if self.is_default else f"{self.lang}/"


@dataclass
class OutputFile:
    path: str  # path under the site root, including any language prefix ("feeds/rss.xml")
    content: Union[str, bytes]
