"""``kmsite check`` and ``kmsite new`` (the author's tools, usable without MkDocs), and ``kmsite build``."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import traceback
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence, TextIO

from .loader import find_plans_dir, load_site
from .publish import publish


# Exit statuses: a crash never looks like a content error.
EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3


def check(root: Path, out: Optional[TextIO] = None) -> int:
    """Validate the whole tree, print every problem, return the exit status (1: content errors, 2: usage)."""
    out = out or sys.stdout
    if not find_plans_dir(root).is_dir():
        print(f"kmsite check: {root} has no plans/ folder and is not one: give the project root or its plans/ folder",
              file=sys.stderr)
        return EXIT_USAGE
    site, problems = load_site(root)
    for problem in problems.sorted():
        print(problem.format(), file=out)
    errors, warnings, notes = len(problems.errors), len(problems.warnings), len(problems.notes)
    print(f"{len(site.orgs)} organisation(s) checked: {errors} error(s), {warnings} warning(s), "
          f"{notes} acknowledged note(s)", file=out)
    return EXIT_CONTENT if errors else 0


def new(slug: str, root: Path, out: Optional[TextIO] = None) -> int:
    """Scaffold ``plans/<slug>/`` from commented templates that pass ``kmsite check``."""
    out = out or sys.stdout
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"kmsite new: '{slug}' is not a valid slug: use lower-case a-z, 0-9 and '-'", file=sys.stderr)
        return EXIT_USAGE
    target = find_plans_dir(root) / slug
    if target.exists():
        print(f"kmsite new: {target} already exists; choose another slug", file=sys.stderr)
        return EXIT_USAGE
    scaffold = resources.files("kmsite_plugins") / "scaffold"
    for rel in ("organisation.yml", "committees.yml", "cops.yml", "plans/2568.yml", "knowledge/topics.yml"):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text((scaffold / rel).read_text(encoding="utf-8"), encoding="utf-8")
    print(f"created {target}: edit the files, then run 'kmsite check'", file=out)
    return 0


INTERNAL_SITE_DIR = "site-internal"


def build(config_file: Path, internal: bool = False, site_dir: Optional[str] = None) -> int:
    """``mkdocs build --strict``, public or the staff edition, with MkDocs' own messages, published
    atomically (publish.py): a failed or interrupted build leaves the previous site as it was.

    The audience reaches the kmsite plugin through ``audience: !ENV [KMSITE_AUDIENCE, public]`` in
    mkdocs.yml; it is always set here, so a variable left in the shell cannot change a public build.
    The staff edition goes to ``site-internal/`` beside mkdocs.yml unless ``site_dir`` is given.
    """
    if internal and config_file.is_file() and "KMSITE_AUDIENCE" not in config_file.read_text(encoding="utf-8"):
        print(f"kmsite build --internal: {config_file} does not set the kmsite plugin's audience from "
              "KMSITE_AUDIENCE; add 'audience: !ENV [KMSITE_AUDIENCE, public]' under '- kmsite:'", file=sys.stderr)
        return EXIT_USAGE
    if not config_file.is_file():
        print(f"kmsite build: no {config_file} here: run it from the project root or give -f", file=sys.stderr)
        return EXIT_USAGE
    if internal and site_dir is None:
        site_dir = str(config_file.resolve().parent / INTERNAL_SITE_DIR)
    target = Path(site_dir) if site_dir else _configured_site_dir(config_file)
    env = {**os.environ, "KMSITE_AUDIENCE": "internal" if internal else "public"}

    def run_mkdocs(folder: Path) -> int:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(folder)]
        return subprocess.run(command, env=env).returncode

    return publish(target, run_mkdocs)


def _configured_site_dir(config_file: Path) -> Path:
    """``site_dir`` of mkdocs.yml (default ``site/`` beside it)."""
    from mkdocs.config import load_config  # only ``kmsite build`` needs MkDocs

    return Path(load_config(str(config_file)).site_dir)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run a command; exit 1 on content errors, 2 on usage errors, 3 when kmsite itself fails."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug, not the author's fault: say so, with the traceback for the report
        traceback.print_exc()
        print("kmsite: internal error (this is a bug in kmsite, not in your content); "
              "please report it with the lines above", file=sys.stderr)
        return EXIT_INTERNAL


def _run(argv: Optional[Sequence[str]]) -> int:
    parser = argparse.ArgumentParser(prog="kmsite", description="Tools for kmsite content.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate plans/ without building; report every problem")
    p_check.add_argument("path", nargs="?", default=".", help="project root or plans/ folder (default: .)")
    p_new = sub.add_parser("new", help="scaffold a new organisation folder")
    p_new.add_argument("slug")
    p_new.add_argument("--root", default=".", help="project root (default: .)")
    p_build = sub.add_parser("build", help="build the site (mkdocs build --strict); --internal: the staff edition")
    p_build.add_argument("--internal", action="store_true", help="include internal contacts, notes and logs; "
                         "writes to site-internal/ unless -d is given; never publish it")
    p_build.add_argument("-f", "--config-file", default="mkdocs.yml")
    p_build.add_argument("-d", "--site-dir", default=None)
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(Path(args.path))
    if args.command == "build":
        return build(Path(args.config_file), args.internal, args.site_dir)
    return new(args.slug, Path(args.root))


if __name__ == "__main__":
    sys.exit(main())
