"""``kmsite build``: the MkDocs build of the site, public by default or the staff (internal) edition.

The internal edition uses the same ``mkdocs.yml`` with the kmsite plugin's ``audience`` set to
``internal`` and writes to its own folder (``site-internal/`` unless told otherwise), so that it
never overwrites the public site. It mirrors what ``mkdocs build`` does, through MkDocs' public API.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional, TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

INTERNAL_SITE_DIR = "site-internal"


def _log_to(stream: TextIO) -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def build_site(config_file: Path, *, internal: bool = False, site_dir: Optional[str] = None,
               strict: bool = True, err: Optional[TextIO] = None) -> int:
    """Build once; return 0, or 1 after printing why the build stopped."""
    err = err or sys.stderr
    _log_to(err)
    if internal and site_dir is None:
        site_dir = str(config_file.resolve().parent / INTERNAL_SITE_DIR)
    try:
        config = load_config(str(config_file), site_dir=site_dir, strict=strict)
        kmsite = config.plugins.get("kmsite")
        if kmsite is None:
            print(f"kmsite build: {config_file} does not use the kmsite plugin", file=err)
            return 1
        if internal:
            kmsite.config["audience"] = "internal"
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"kmsite build: {exc}", file=err)
        return 1
    return 0
