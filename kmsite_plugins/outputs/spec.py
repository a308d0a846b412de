"""An output file before it is written, and what its builder may know about the build."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ..views.context import BuildContext

OutputContext = BuildContext
"""Output writers read the build context (an alias kept for their signatures)."""


@dataclass
class OutputFile:
    """A file to write; with ``template`` its content is rendered through the site's Jinja environment."""

    path: str  # path under the site root, including any language prefix ("feeds/rss.xml")
    content: Union[str, bytes] = b""
    template: Optional[str] = None  # e.g. "outputs/shortlink.html.j2"; a theme's kmsite/ folder may override it
    context: dict[str, Any] = field(default_factory=dict)
