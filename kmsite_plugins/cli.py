"""``kmsite check`` and ``kmsite new``: the author's tools, usable without MkDocs."""

from __future__ import annotations

import argparse
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence, TextIO

from .loader import find_plans_dir, load_site


def check(root: Path, out: Optional[TextIO] = None) -> int:
    """Validate the whole tree, print every problem, return the exit status."""
    out = out or sys.stdout
    site, problems = load_site(root)
    for problem in problems.sorted():
        print(problem.format(), file=out)
    errors, warnings, notes = len(problems.errors), len(problems.warnings), len(problems.notes)
    print(f"{len(site.orgs)} organisation(s) checked: {errors} error(s), {warnings} warning(s), "
          f"{notes} acknowledged note(s)", file=out)
    return 1 if errors else 0


def new(slug: str, root: Path, out: Optional[TextIO] = None) -> int:
    """Scaffold ``plans/<slug>/`` from commented templates that pass ``kmsite check``."""
    out = out or sys.stdout
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"kmsite new: '{slug}' is not a valid slug: use lower-case a-z, 0-9 and '-'", file=sys.stderr)
        return 2
    target = find_plans_dir(root) / slug
    if target.exists():
        print(f"kmsite new: {target} already exists; choose another slug", file=sys.stderr)
        return 2
    scaffold = resources.files("kmsite_plugins") / "scaffold"
    for rel in ("organisation.yml", "committees.yml", "cops.yml", "plans/2568.yml", "knowledge/topics.yml"):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text((scaffold / rel).read_text(encoding="utf-8"), encoding="utf-8")
    print(f"created {target}: edit the files, then run 'kmsite check'", file=out)
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
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
        from .plugins.build import build_site  # MkDocs is needed for this command only

        return build_site(Path(args.config_file), internal=args.internal, site_dir=args.site_dir)
    return new(args.slug, Path(args.root))


if __name__ == "__main__":
    sys.exit(main())
