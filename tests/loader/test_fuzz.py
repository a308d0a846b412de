"""Fuzzing ``kmsite check`` (in process) with mutated copies of the demo: bytes, encodings, YAML structure,
text and file kinds. Every case must end in a report (status 0 or 1), never a traceback (status 3).

A bounded run in CI; a longer one with ``KMSITE_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest -s
tests/loader/test_fuzz.py``, which prints the number of cases per class.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import typing
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kmsite_plugins import cli

from ..conftest import ROOT

EXAMPLES = int(os.environ.get("KMSITE_FUZZ_EXAMPLES", "20"))
CONTENT = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "plans").rglob("*") if p.suffix in (".yml", ".md"))
CLASSES: Counter[str] = Counter()
STATUSES: Counter[int] = Counter()

_ODD_TEXT = st.sampled_from(["\x00", "\x1b[31m", "\u202e", "\ufeff", "\ud7ff", "๐๑๒", "ก" * 300, "\t", "\r", ":",
                             "- ", "? ", "*a", "&a ", "!!python/object:os.system", "{", "[", "'", '"', "|", ">", "%"])


def _yaml_of(text: str) -> tuple[str, str, object]:
    """(front matter marker, body, data) of a YAML or Markdown file's text."""
    if text.startswith("---\n"):
        _, front, body = text.split("---\n", 2)
        return "---\n", body, YAML(typ="rt").load(front)
    return "", "", YAML(typ="rt").load(text)


def _nodes(data: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _nodes(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _nodes(value, path + (i,))
    return found


_ODD_VALUES = st.one_of(st.none(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.booleans(),
                        st.text(max_size=40), st.lists(st.text(max_size=5), max_size=3),
                        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2), _ODD_TEXT)


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, object]:
    """(class, file, how): what to do to one demo file."""
    rel = draw(st.sampled_from(CONTENT))
    kind = draw(st.sampled_from(["bytes", "encoding", "structure", "text", "file-kind", "truncate"]))
    if kind == "bytes":
        how: object = draw(st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=4)),
                                    min_size=1, max_size=6))
    elif kind == "encoding":
        how = draw(st.sampled_from(["cp874", "tis-620", "utf-16", "utf-16-le", "utf-32", "latin-1", "utf-8-sig",
                                    "shift_jis"]))
    elif kind == "structure":
        how = (draw(st.floats(0, 1)), draw(st.sampled_from(["set", "delete", "alias-bomb", "deep"])), draw(_ODD_VALUES))
    elif kind == "text":
        how = (draw(st.floats(0, 1)), draw(_ODD_TEXT))
    elif kind == "file-kind":
        how = draw(st.sampled_from(["folder", "dangling-link", "fifo", "link-etc-passwd", "link-etc", "empty",
                                    "huge", "link-to-self"]))
    else:
        how = draw(st.floats(0, 1))
    return kind, rel, how


def _apply(root: Path, kind: str, rel: str, how: object) -> str:
    path = root / rel
    data = path.read_bytes()
    if kind == "bytes":
        for at, chunk in typing.cast(list[tuple[float, bytes]], how):
            cut = int(at * len(data))
            data = data[:cut] + chunk + data[cut:]
        path.write_bytes(data)
        return "bytes"
    if kind == "encoding":
        path.write_bytes(data.decode("utf-8").encode(str(how), errors="replace"))
        return f"encoding:{how}"
    if kind == "truncate":
        path.write_bytes(data[: int(float(how) * len(data))])  # type: ignore[arg-type]
        return "truncate"
    if kind == "text":
        at, odd = typing.cast(tuple[float, str], how)
        text = data.decode("utf-8")
        cut = int(at * len(text))
        path.write_text(text[:cut] + odd + text[cut:], encoding="utf-8")
        return "text"
    if kind == "structure":
        at, op, value = typing.cast(tuple[float, str, object], how)
        marker, body, tree = _yaml_of(data.decode("utf-8"))
        nodes = _nodes(tree)[1:]
        if not nodes:
            return "structure:empty"
        target = nodes[int(at * (len(nodes) - 1))]
        parent: typing.Any = tree
        for key in target[:-1]:
            parent = parent[key]
        if op == "delete":
            del parent[target[-1]]
            out = io.StringIO()
            YAML(typ="rt").dump(tree, out)
            path.write_text(marker + out.getvalue() + marker + body, encoding="utf-8")
        elif op == "set":
            parent[target[-1]] = value
            out = io.StringIO()
            YAML(typ="rt").dump(tree, out)
            path.write_text(marker + out.getvalue() + marker + body, encoding="utf-8")
        elif op == "alias-bomb":
            lines = ["x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            lines += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
            text = data.decode("utf-8")
            path.write_text(text.replace("\n", "\n" + "\n".join(lines) + "\n", 1) if marker else
                            "\n".join(lines) + "\n" + text, encoding="utf-8")
        else:
            path.write_text(marker + "a: " + "[" * 5000 + "]" * 5000 + "\n" + marker + body, encoding="utf-8")
        return f"structure:{op}"
    path.unlink()
    if how == "folder":
        path.mkdir()
    elif how == "dangling-link":
        path.symlink_to(root / "nowhere.yml")
    elif how == "fifo":
        os.mkfifo(path)
    elif how == "link-etc-passwd":
        path.symlink_to("/etc/passwd")
    elif how == "link-etc":
        path.symlink_to("/etc")
    elif how == "link-to-self":
        path.symlink_to(path)
    elif how == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(data + b"#" * 2_100_000)
    return f"file-kind:{how}"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(mutation())
def test_check_reports_and_never_crashes(case: tuple[str, str, object]) -> None:
    kind, rel, how = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        org = rel.split("/")[1]  # only the mutated file's organisation: a quarter of the time per case
        shutil.copytree(ROOT / "plans" / org, root / "plans" / org)
        CLASSES[_apply(root, kind, rel, how)] += 1
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(["check", str(root)])
    STATUSES[status] += 1
    assert status in (0, 1), f"{kind} {rel} {how!r}: status {status}\n{err.getvalue()[-3000:]}"
    assert "Traceback" not in out.getvalue() + err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines and "organisation(s) checked" in lines[-1]
    for line in lines[:-1]:  # every problem is located: path:line: or path: (a whole file or folder)
        assert line.startswith("plans/") or line.startswith(str(root)), line


def test_fuzz_summary() -> None:
    """Printed with -s after the fuzz run: cases per class and exit statuses (0 tracebacks, or the run failed)."""
    print(f"\nfuzz: {sum(CLASSES.values())} cases, {len(CLASSES)} classes, statuses {dict(STATUSES)}")
    for name, count in sorted(CLASSES.items()):
        print(f"  {name}: {count}")
    assert sum(CLASSES.values()) in (0, EXAMPLES) or sum(CLASSES.values()) >= EXAMPLES
