"""``kmsite check`` and ``kmsite new`` (the author's tools, usable without MkDocs), ``kmsite build`` and ``merge``."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import traceback
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from .loader import find_plans_dir
from .loader.pool import check_site
from .loader.problems import Problems

# Exit statuses: a crash never looks like a content error.
EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3


def _orgs_with_errors(root: Path, problems: Problems) -> set[str]:
    """Slugs of the organisation folders with an error, loaded or not (a broken organisation.yml counts)."""
    prefix = problems.rel(find_plans_dir(root)).rstrip("/") + "/"
    return {p.path[len(prefix):].split("/")[0] for p in problems.errors if p.path.startswith(prefix)}


def check(root: Path, out: TextIO | None = None, jobs: int | None = None) -> int:
    """Validate the whole tree, print every problem, return the exit status (1: content errors, 2: usage).

    ``jobs``: processes checking organisations side by side (default: one per core for a large tree).
    """
    out = out or sys.stdout
    if not find_plans_dir(root).is_dir():
        print(f"kmsite check: {root} has no plans/ folder and is not one: give the project root or its plans/ folder",
              file=sys.stderr)
        return EXIT_USAGE
    slugs, problems = check_site(root, jobs)
    for problem in problems.sorted():
        print(problem.format(), file=out)
    errors, warnings, notes = len(problems.errors), len(problems.warnings), len(problems.notes)
    with_errors = _orgs_with_errors(root, problems)
    checked = len(set(slugs) | with_errors)
    broken = f" ({len(with_errors)} with errors)" if with_errors else ""
    print(f"{checked} organisation(s) checked{broken}: {errors} error(s), {warnings} warning(s), "
          f"{notes} acknowledged note(s)", file=out)
    return EXIT_CONTENT if errors else 0


def scaffold_types() -> dict[str, dict]:
    """``scaffold/types.yml``: each organisation type a scaffold starts from, with its aliases and wording."""
    from ruamel.yaml import YAML

    text = (resources.files("kmsite_plugins") / "scaffold" / "types.yml").read_text(encoding="utf-8")
    return dict(YAML(typ="safe").load(text)["types"])


def scaffold_type(name: str) -> str | None:
    """The organisation type ``--type`` names (the Thai type or an alias such as ``province``), or None."""
    for key, spec in scaffold_types().items():
        if name == key or name.lower() in (spec.get("aliases") or []):
            return key
    return None


def new(slug: str, root: Path, out: TextIO | None = None, org_type: str = "อบต.") -> int:
    """Scaffold ``plans/<slug>/`` from commented templates that pass ``kmsite check``."""
    out = out or sys.stdout
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"kmsite new: '{slug}' is not a valid slug: use lower-case a-z, 0-9 and '-'", file=sys.stderr)
        return EXIT_USAGE
    target = find_plans_dir(root) / slug
    if target.exists():
        print(f"kmsite new: {target} already exists; choose another slug", file=sys.stderr)
        return EXIT_USAGE
    key = scaffold_type(org_type)
    if key is None:
        known = ", ".join(f"{k} ({', '.join(s.get('aliases') or [])})" for k, s in scaffold_types().items())
        print(f"kmsite new: --type '{org_type}' is not an organisation type: use one of {known}", file=sys.stderr)
        return EXIT_USAGE
    wording = scaffold_types()[key].get("replace") or {}
    scaffold = resources.files("kmsite_plugins") / "scaffold"
    for rel in ("organisation.yml", "committees.yml", "cops.yml", "plans/2568.md", "knowledge/topics.yml"):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = (scaffold / rel).read_text(encoding="utf-8")
        for old, new_text in wording.items():
            text = text.replace(old, new_text)
        dest.write_text(text, encoding="utf-8")
    print(f"created {target}: edit the files, then run 'kmsite check'", file=out)
    return 0


def import_(path: Path, slug: str, fiscal_year: int | None, fmt: str | None, root: Path,
            out: TextIO | None = None) -> int:
    """``kmsite import``: write ``plans/<slug>/`` as a draft and print the import report."""
    from .importer import import_file

    out = out or sys.stdout
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        print(f"kmsite import: '{slug}' is not a valid slug: use lower-case a-z, 0-9 and '-'", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"kmsite import: {path}: no such file", file=sys.stderr)
        return 2
    try:
        _, _, report = import_file(path, slug, fiscal_year, fmt, root)  # type: ignore[arg-type]
    except (FileExistsError, UnicodeDecodeError, ValueError) as exc:
        print(f"kmsite import: {path}: {exc}", file=sys.stderr)
        return 2
    print(report, file=out, end="")
    return 0


INTERNAL_SITE_DIR = "site-internal"


def _mkdocs_logging() -> None:
    """The engine's messages on stderr, as ``mkdocs build`` prints them (``WARNING -  ...``).

    Both engines' loggers: under ProperDocs, plugins log to ``properdocs.plugins.*``, not ``mkdocs.*``.
    """
    for name in ("mkdocs", "properdocs"):
        logger = logging.getLogger(name)
        if not any(getattr(h, "_kmsite", False) for h in logger.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
            handler._kmsite = True  # type: ignore[attr-defined]
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)


def build(config_file: Path, internal: bool = False, site_dir: str | None = None,
          engine: str | None = None, compress: bool = False, shard: dict[str, Any] | None = None) -> int:
    """``mkdocs build --strict``, public or the staff edition, with MkDocs' own messages, published
    atomically (publish.py): a failed or interrupted build leaves the previous site as it was. Each
    language is built in its own process forked from this one (plugins/language_builds.py).

    The audience reaches the kmsite plugin through ``audience: !ENV [KMSITE_AUDIENCE, public]`` in
    mkdocs.yml; it is always set while the config is read, so a variable left in the shell cannot change
    a public build, and the plugin's audience is checked after loading. The staff edition goes to
    ``site-internal/`` beside mkdocs.yml unless ``site_dir`` is given. ``engine``: mkdocs or properdocs
    (default: $KMSITE_ENGINE, else mkdocs); ``compress``: .gz and .br files beside every text file;
    ``shard``: the kmsite plugin's ``shard_*`` options (a part of a sharded build, see shards.py).
    """
    from .engine import engine_name, use_engine  # here: `kmsite check` imports only the loader

    try:  # with ProperDocs as the engine, it answers the mkdocs imports below
        use_engine(engine or engine_name())
    except (ValueError, RuntimeError) as exc:
        print(f"kmsite build: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import MkDocsException

    from .plugins.language_builds import build_languages_apart
    from .plugins.languages import languages
    from .publish import publish  # only ``kmsite build`` publishes (``kmsite check`` stays light)

    audience = "internal" if internal else "public"
    if not config_file.is_file():
        print(f"kmsite build: no {config_file} here: run it from the project root or give -f", file=sys.stderr)
        return EXIT_USAGE
    if internal and site_dir is None:
        site_dir = str(config_file.resolve().parent / INTERNAL_SITE_DIR)
    _mkdocs_logging()
    saved = os.environ.get("KMSITE_AUDIENCE")
    os.environ["KMSITE_AUDIENCE"] = audience
    try:
        config = load_config(str(config_file), strict=True, **({"site_dir": site_dir} if site_dir else {}))
        plugin = config.plugins.get("kmsite")
        if internal and (plugin is None or plugin.config.get("audience") != "internal"):
            print(f"kmsite build --internal: {config_file} does not set the kmsite plugin's audience from "
                  "KMSITE_AUDIENCE; add 'audience: !ENV [KMSITE_AUDIENCE, public]' under '- kmsite:'", file=sys.stderr)
            return EXIT_USAGE
        if compress and plugin is not None:
            plugin.config["compress"] = True
        if shard:
            if plugin is None:
                print(f"kmsite build: {config_file} has no kmsite plugin to build a shard with", file=sys.stderr)
                return EXIT_USAGE
            plugin.config.update(shard)

        def run_mkdocs(built: MkDocsConfig) -> int:
            built.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(built)
            except MkDocsException as exc:
                print(f"kmsite build: {exc.format_message()}", file=sys.stderr)
                return EXIT_CONTENT
            finally:
                built.plugins.on_shutdown()
            return 0

        def build_into(folder: Path) -> int:
            if len(languages(config).all) > 1:  # each language in its own process (both cores, less memory)
                return build_languages_apart(config, folder, run_mkdocs)
            config.site_dir = str(folder)
            return run_mkdocs(config)

        return publish(Path(config.site_dir), build_into)
    except MkDocsException as exc:
        print(f"kmsite build: {exc.format_message()}", file=sys.stderr)
        return EXIT_CONTENT
    finally:
        if saved is None:
            os.environ.pop("KMSITE_AUDIENCE", None)
        else:
            os.environ["KMSITE_AUDIENCE"] = saved


def shard_options(args: argparse.Namespace) -> dict[str, Any] | None:
    """The plugin's ``shard_*`` options from ``--shard I/N``, ``--orgs``, ``--province`` and ``--site-wide``."""
    from .shards import parse_shard

    if not (args.shard or args.orgs or args.province):
        if args.site_wide:
            raise ValueError("--site-wide marks a shard: give --shard, --orgs or --province too")
        return None
    if args.shard and (args.orgs or args.province):
        raise ValueError("--shard I/N or --orgs/--province, not both")
    if not args.site_dir:
        raise ValueError("a shard needs its own folder: give -d, e.g. -d shards/1")
    options: dict[str, Any] = {"shard_orgs": [s.strip() for o in args.orgs for s in o.split(",") if s.strip()],
                               "shard_provinces": list(args.province)}
    if args.shard:
        options["shard_index"], options["shard_count"] = parse_shard(args.shard)
    if args.site_wide:
        options["shard_site_wide"] = True
    return options


def merge_(shards: list[str], site_dir: str) -> int:
    """``kmsite merge``: the shards into one site; a clear message and status 1 when they are not one site."""
    from .merge import MergeError, merge

    try:
        status = merge([Path(s) for s in shards], Path(site_dir))
    except MergeError as exc:
        print(f"kmsite merge: {exc}; {site_dir} is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    if status == 0:
        print(f"merged {len(shards)} shard(s) into {site_dir}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
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


def _run(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="kmsite", description="Tools for kmsite content.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate plans/ without building; report every problem")
    p_check.add_argument("path", nargs="?", default=".", help="project root or plans/ folder (default: .)")
    p_check.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                         help="processes checking organisations side by side (default: one per core for a large "
                         "tree; 1: one process)")
    p_new = sub.add_parser("new", help="scaffold a new organisation folder")
    p_new.add_argument("slug")
    p_new.add_argument("--root", default=".", help="project root (default: .)")
    p_new.add_argument("--type", default="อบต.", dest="org_type",
                       help="organisation type: อบต. (default), เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร, อบจ., จังหวัด, "
                       "ส่วนราชการ, กรม, สถานศึกษา, or an English alias (province, department, school, agency, ...)")
    p_build = sub.add_parser("build", help="build the site (mkdocs build --strict); --internal: the staff edition")
    p_build.add_argument("--internal", action="store_true", help="include internal contacts, notes and logs; "
                         "writes to site-internal/ unless -d is given; never publish it")
    p_build.add_argument("-f", "--config-file", default="mkdocs.yml")
    p_build.add_argument("-d", "--site-dir", default=None)
    p_serve = sub.add_parser("serve", help="preview the site: the open page reloads after an edit "
                                            "under plans/ or docs/")
    p_serve.add_argument("--org", action="append", default=[], metavar="SLUG",
                         help="build only this organisation (repeatable); site-wide pages then list only these")
    p_serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    p_serve.add_argument("-f", "--config-file", default="mkdocs.yml")
    p_serve.add_argument("--internal", action="store_true", help="preview the staff edition")
    p_import = sub.add_parser("import", help="draft an organisation folder from a Word plan (.docx) or a text export")
    p_import.add_argument("file")
    p_import.add_argument("--org", required=True, help="slug of the new organisation folder")
    p_import.add_argument("--fiscal-year", type=int, default=None, help="fiscal year (BE) when the document has none")
    p_import.add_argument("--format", choices=("markdown", "yaml"), default=None,
                          help="plan file form (default: markdown when available, else yaml)")
    p_import.add_argument("--root", default=".", help="project root (default: .)")
    p_build.add_argument("--engine", default=None,
                         help="mkdocs (default) or properdocs, the maintained fork (pip install 'kmsite[properdocs]'); "
                         "default: $KMSITE_ENGINE, else mkdocs")
    p_build.add_argument("--compress", action="store_true",
                         help="also write .gz and .br files beside every text file, "
                         "for servers that send them as they are")
    p_build.add_argument("--shard", default=None, metavar="I/N",
                         help="build shard I of N (whole provinces, balanced); shard 1 also renders the site-wide "
                         "pages; join the shards with 'kmsite merge'")
    p_build.add_argument("--orgs", action="append", default=[], metavar="SLUG[,SLUG]",
                         help="build a shard of these organisations (repeatable)")
    p_build.add_argument("--province", action="append", default=[], metavar="PROVINCE",
                         help="build a shard of this province's organisations (repeatable)")
    p_build.add_argument("--site-wide", action="store_true",
                         help="this --orgs/--province shard also renders the site-wide pages (one shard must)")
    p_merge = sub.add_parser("merge", help="join the shards of a sharded build (kmsite build --shard) into one site")
    p_merge.add_argument("shards", nargs="+", metavar="SHARD_DIR")
    p_merge.add_argument("-d", "--site-dir", default="site")
    args = parser.parse_args(argv)
    if args.command == "merge":
        return merge_(args.shards, args.site_dir)
    if args.command == "serve":
        from .serve import serve  # imports MkDocs: not for check and new

        _mkdocs_logging()
        return serve(Path(args.config_file), args.dev_addr, args.org, args.internal)
    if args.command == "import":
        return import_(Path(args.file), args.org, args.fiscal_year, args.format, Path(args.root))
    if args.command == "check":
        if args.jobs is not None and args.jobs < 1:
            parser.error("--jobs must be 1 or more")
        return check(Path(args.path), jobs=args.jobs)
    if args.command == "build":
        try:
            shard = shard_options(args)
        except ValueError as exc:
            print(f"kmsite build: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return build(Path(args.config_file), args.internal, args.site_dir, args.engine, args.compress, shard)
    return new(args.slug, Path(args.root), org_type=args.org_type)


if __name__ == "__main__":
    sys.exit(main())
