"""What pages exist: specs (uri, kind, template, context) built from the site model."""

from .spec import PageSpec
from .registry import build_pages

__all__ = ["PageSpec", "build_pages"]
