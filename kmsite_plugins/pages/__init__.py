"""What pages exist: specs (uri, kind, template, context) built from the site model."""

from .registry import build_pages
from .spec import PageSpec

__all__ = ["PageSpec", "build_pages"]
