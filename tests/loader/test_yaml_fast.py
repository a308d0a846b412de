"""The libyaml path (yaml_fast) loads exactly what ruamel loads: data, types, lines and columns, errors."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]  # no stubs installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

from kmsite_plugins.loader import yaml_fast, yaml_source
from kmsite_plugins.loader.source_text import read_source
from kmsite_plugins.loader.yaml_source import YamlSyntaxError

from ..conftest import ROOT, script


def difference(fast: Any, slow: Any, where: str = "$") -> str | None:
    """Where two loaded documents differ (type, value, order, line/column, flow style), or None."""
    if type(fast) is not type(slow):
        return f"{where}: {type(fast).__name__} {fast!r} != {type(slow).__name__} {slow!r}"
    if isinstance(fast, (CommentedMap, CommentedSeq)):
        if (fast.lc.line, fast.lc.col) != (slow.lc.line, slow.lc.col):
            return f"{where}: at {fast.lc.line}:{fast.lc.col} != {slow.lc.line}:{slow.lc.col}"
        if fast.lc.data != slow.lc.data:
            return f"{where}: positions {fast.lc.data} != {slow.lc.data}"
        if fast.fa.flow_style() != slow.fa.flow_style():
            return f"{where}: flow style"
        if isinstance(fast, CommentedMap):
            if len(fast) != len(slow):
                return f"{where}: keys {list(fast)} != {list(slow)}"
            pairs = [(f"{where} key {i}", a, b) for i, (a, b) in enumerate(zip(fast, slow, strict=True))]
            pairs += [(f"{where}.{a}", fast[a], slow[b]) for a, b in zip(fast, slow, strict=True)]
        else:
            if len(fast) != len(slow):
                return f"{where}: length {len(fast)} != {len(slow)}"
            pairs = [(f"{where}[{i}]", a, b) for i, (a, b) in enumerate(zip(fast, slow, strict=True))]
        for inner, a, b in pairs:
            found = difference(a, b, inner)
            if found:
                return found
        return None
    if isinstance(fast, float) and math.isnan(fast) and math.isnan(slow):
        return None
    if isinstance(fast, TaggedScalar):  # ``=`` and ``<<`` as values: no __eq__
        return None if repr(fast) == repr(slow) else f"{where}: {fast!r} != {slow!r}"
    if fast != slow or repr(fast) != repr(slow):
        return f"{where}: {fast!r} != {slow!r}"
    return None


def fast(text: str) -> Any:
    return yaml_source._fast_load(text)


def slow(text: str) -> Any:
    return yaml_source._slow_load(text, 0)


def assert_same(text: str, *, must_be_fast: bool = False, name: str = "") -> None:
    """The fast path gives ruamel's result, or refuses; it never accepts what ruamel rejects."""
    try:
        got = fast(text)
    except yaml_fast.Unsupported:
        assert not must_be_fast, f"fast path refused {name or repr(text)}"
        return
    try:
        want = slow(text)
    except YamlSyntaxError as exc:
        raise AssertionError(f"fast path accepted what ruamel rejects ({exc}): {text!r}") from None
    found = difference(got, want)
    assert found is None, f"{found} in {name or repr(text)}"


def yaml_texts(folder: Path) -> list[tuple[Path, str]]:
    """Every YAML file and front matter under ``folder``, as the loader reads them."""
    texts = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            texts.append((path, read_source(path)))
        elif path.suffix == ".md":
            lines = read_source(path).splitlines(keepends=True)
            if lines and lines[0].strip() == "---":
                end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
                if end is not None:
                    texts.append((path, "".join(lines[1:end])))
    return texts


def test_libyaml_is_there():
    # the wheel ships libyaml; without it every file would silently take ruamel's slow path
    assert yaml.__with_libyaml__
    assert yaml_fast.CParser is not None


def test_demo_files_load_the_same_on_the_fast_path():
    texts = yaml_texts(ROOT / "plans")
    assert len(texts) > 20
    for path, text in texts:
        assert_same(text, must_be_fast=True, name=path.name)


def test_generated_tree_loads_the_same_on_the_fast_path(tmp_path):
    script("generate_orgs").generate(4, tmp_path)
    texts = yaml_texts(tmp_path / "plans")
    assert len(texts) > 30
    for path, text in texts:
        assert_same(text, must_be_fast=True, name=path.name)


# Scalars where YAML 1.1 (PyYAML) and 1.2 (ruamel) differ, and those ruamel gives their own types.
SCALARS = [
    "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y", "N", "true", "false", "True", "FALSE", "tRue",
    "010", "0o17", "0O17", "0x1F", "0b101", "1_000", "1_000.5", "+1", "-0", "007", "0", "-1", "12345678901234567890",
    "1:20", "190:20:30", "-1:20", "1e3", "1E3", "1.5e-3", "1.", ".5", "-.5", "+12.5", "6.8523015e+5", "685.230_15e+03",
    ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "~", "null", "Null", "NULL", "nULL", "", "=", "<<",
    "2567-01-15", "2567-13-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14",
    "1.0.0", "0.1.2", "1,000", "๑๒๓", "๒๕๖๗-๐๑-๑๕", "สุโสะ", "อบต. สุโสะ", "a b", "a:b", "-a", "?a", "http://x.y/z?a=b#c",
    "'quoted'", "'it''s'", '"dq \\t \\u0e01 \\x41 \\/ \\N \\_"', '"yes"', "'010'", '"1:20"', "'~'", '""', "''",
    "!", "@a", "`a", "%a", "a # comment", "a #b", "a#b",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_tricky_scalars_resolve_as_ruamel_does(scalar):
    for text in (f"k: {scalar}\n", f"- {scalar}\n", f"[{scalar}]\n", f"{{k: {scalar}}}\n", f"{scalar}: v\n",
                 f"a:\n  b:\n    - x\n    - {scalar}\n"):
        assert_same(text)


def test_1_1_only_scalars_take_the_fast_path_and_stay_1_2():
    data = fast("a: yes\nb: 010\nc: 1:20\nd: 2567-01-15\ne: on\nf: 1_000\n")
    assert data == {"a": "yes", "b": 10, "c": "1:20", "d": "2567-01-15", "e": "on", "f": 1000}
    assert data.lc.key("f") == (5, 0)


STRUCTURES = [
    "", "# only a comment\n", "---\n", "---\na: 1\n", "a: 1\n...\n", "---\na: 1\n---\nb: 2\n",
    "a: 1\r\nb:\r\n  - x\r\n  - y\r\n", "a: 1\rb: 2\r", "a:\tb\n", "a: b\t\n", "a:\n\t- b\n", "\ta: 1\n",
    "a: 1\na: 2\n", "a: 1\nb:\n  c: 1\n  c: 2\n", "1: a\n2: b\n", "true: a\nnull: b\n1.5: c\n", "? [a]\n: b\n",
    "? {a: 1}\n: b\n", "? a\n: b\n", "a: &x 1\nb: *x\n", "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "c:\n  <<: {x: 1}\n  y: 2\n", "a: *nowhere\n", "a: !!str 1\n", "a: !custom x\n", "!!map {a: 1}\n",
    "%YAML 1.1\n---\na: yes\n", "%YAML 1.2\n---\na: 010\n", "a: |\n  line\n  line2\n", "a: |-\n  x\n\n",
    "a: |+\n  x\n\n", "a: >\n  folded\n  text\n\n  para\n", "a: >-\n  x\n    more\n  y\n", "a: |2\n   x\n",
    "a: plain\n  continued\n  lines\n", "a: 'single\n  folded'\n", "a: \"double\\\n  x\"\n", "- - a\n  - b\n- c\n",
    "a:\n- b\n- c\n", "a:\n  - b:\n    c: d\n", "a: {b: [1, 2, {c: d}], e: []}\n", "a: []\nb: {}\n", "a:\nb: ~\n",
    "- \n- x\n-\n", "a: [b, c,]\n", "{a: 1, a: 2}\n", "a: b: c\n", "a: [b\n", "a: 'x\n", "- a\nb: c\n",
    "a:\n  b: 1\n c: 2\n", "key with spaces: v\n", "\"quoted key\": v\n", "'k': v\n", "a: b # c\n# d\ne: f\n",
    "a: x\u0085y\n", "a: x\u2028y\n", "a: \ufeffx\n", "a: x\x01\n", "a: R&D\nb: Q & A\n", "a: 50%\n",
    "a: [&x 1, *x]\n", "a: 'x' 'y'\n", "? a\n", "[a, b]: c\n", "a: { b }\n", "a: !!binary aGVsbG8=\n",
    "a: =\n", "=: a\n", "a:\n  - =\n", "a: ---\n", "a: ...\n", "- ---\n", "a:     \n  b\n", "x" * 2000 + ": 1\n",
    "สุโสะ:\n  ชื่อ: องค์การบริหารส่วนตำบลสุโสะ\n  ปี: ๒๕๖๗\n", "a:\n  # comment\n  b: 1\n",
    "a: 1 # c\nb: [1, # c\n  2]\n", "[\n  a,\n  b\n]\n", "{\n  a: 1,\n  b: 2\n}\n", "a: \"\\x41\\u00e9\\U0001F600\"\n",
    # empty values: ruamel and libyaml place them apart (yaml_fast._Builder.empty_value_mark)
    "a:\n  # d\nb: 1\n", "a:\n\n  # d\n\nb: 1\n", "x:\n  a:\n  # d\n  b: 1\n", "x:\n  a:\n# d\n  b: 1\n",
    "x:\n  a:\n  # d\ny: 1\n", "a: \n# x\n", "a:\n\n\nb: 1\n", "x:\n  a:\ny: 1\n", "a:   # c\nb: 1\n",
    "- a:\n  # c\n  b: 1\n", "- a:\n# c\n- b\n", "a:\n  b: # c\n  # d\n\n  c:\n", "{k: }\n", "{k}\n",
    "{k:   ,b: 1}\n", "{k: \n  }\n", "{k,b}\n", "[k: ]\n", "[k:   , x]\n", '{"k": }\n', '{"k":}\n', "{k: # c\n }\n",
    "[{k: }]\n", "{? k}\n", "{? k : }\n", ": v\n", "{: v}\n", "a:", "a: # c", "? a\n: \n", "- a:\n- b:\n  c:\n",
    "a:\r\n\r\n  # x\r\nb: 1\r\n", "a:\rb: 1\r", "a:" + " " * 300 + "# x\nb: 1\n", "a: # c\r\nb:\r\n", "a: #c\rb: 2",
    "a: # c\n", "x:\n  a: # c\n\n  # e\n", "x:\n  a: # c\ny: 1", "- a: # c\n- b\n", "- a: # c\n  b: 1\n",
]


@pytest.mark.parametrize("text", STRUCTURES)
def test_tricky_structures_load_as_ruamel_does(text):
    assert_same(text)


MALFORMED = ["a: [b\n", "a: 1\na: 2\n", "a: 'x\n", "a: b: c\n", "a:\n  b: 1\n c: 2\n", "- a\nb: c\n",
             "a: *nowhere\n", "---\na: 1\n---\nb: 2\n", "a:\n\t- b\n", "{a: 1, a: 2}\n", "a: x\x01\n",
             "a: 1\nb:\n  c: 1\n  c: 2\n"]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_yaml_gives_ruamels_located_error(text, tmp_path):
    path = tmp_path / "a.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlSyntaxError) as got:
        yaml_source.load_yaml_file(path)
    with pytest.raises(YamlSyntaxError) as want:
        slow(text)
    assert (got.value.line, str(got.value)) == (want.value.line, str(want.value))
    assert str(got.value).startswith("malformed YAML: ")


def test_too_many_values_keep_ruamels_message(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("a: [" + ", ".join(["1"] * (yaml_source.MAX_NODES + 5)) + "]\n", encoding="utf-8")
    with pytest.raises(YamlSyntaxError, match="more than 100,000 values"):
        yaml_source.load_yaml_file(path)


def test_the_comparison_catches_a_yaml_1_1_resolver(monkeypatch):
    """The equality checks above fail if the fast path resolved as PyYAML does (``yes`` True, ``010`` eight)."""
    pyyaml = yaml.resolver.Resolver()

    def resolve_1_1(self: Any, kind: type, value: str | None, implicit: Any) -> str:
        return yaml_fast._IMPLICIT + pyyaml.resolve(kind, value, implicit)

    monkeypatch.setattr(yaml_fast._Parser, "resolve", resolve_1_1)
    assert fast("a: yes\nb: off\n") == {"a": True, "b": False}
    for scalar in ("yes", "on", "No", "off"):
        with pytest.raises(AssertionError):
            assert_same(f"a: {scalar}\n")


def first_line(text: str) -> str:
    return text.splitlines()[0] if text.strip() else "x"


KEYS = st.sampled_from(["a", "b", "ชื่อ", "1", "yes", "=", "k k", "'q'", "\"d\"", "-x", "null", "<<"])
VALUES = st.sampled_from(SCALARS + ["[]", "{}", "[a, 1]", "{x: y}", "|\n  block", ">\n  folded\n  two", "a\n  b"])


@st.composite
def documents(draw: Any) -> str:
    """Block YAML of random shape (mappings, sequences, nesting, comments, blank lines, odd indents)."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 2, 4]))
        form = draw(st.sampled_from(["map", "seq", "nested", "comment", "blank", "seqmap", "empty"]))
        key, value = draw(KEYS), draw(VALUES).replace("\n", "\n" + indent + "  ")
        if form == "map":
            lines.append(f"{indent}{key}: {value}")
        elif form == "seq":
            lines.append(f"{indent}- {value}")
        elif form == "nested":
            lines.append(f"{indent}{key}:\n{indent}  - {value}\n{indent}  - {first_line(draw(VALUES))}")
        elif form == "seqmap":
            lines.append(f"{indent}- {key}: {value}\n{indent}  {draw(KEYS)}: {first_line(draw(VALUES))}")
        elif form == "empty":
            lines.append(f"{indent}{key}:{draw(st.sampled_from(['', ' ', ' # c', '  #c']))}")
        elif form == "comment":
            lines.append(f"{indent}# {first_line(value)}")
        else:
            lines.append("")
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))
    return text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_documents_load_as_ruamel_does(text):
    assert_same(text)
