"""Load ``plans/`` into the site model with positioned problems; no MkDocs here."""

from .load import find_plans_dir, load_site
from .problems import ContentError, Problem, Problems, Severity

__all__ = ["ContentError", "Problem", "Problems", "Severity", "find_plans_dir", "load_site"]
