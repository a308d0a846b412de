"""Files of the site that are not pages: feeds, open-data exports, QR images, redirects, search index.

Each area adds a builder ``(site, ctx) -> list[OutputFile]`` to BUILDERS in ``registry.py``.
Builders are called once per language build; a file for the whole site is returned
only when ``ctx.is_default`` so that it is written once.
"""

from .registry import build_outputs
from .spec import OutputContext, OutputFile

__all__ = ["OutputContext", "OutputFile", "build_outputs"]
