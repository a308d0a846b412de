from pathlib import Path

import pytest

from kmsite_plugins.loader.yaml_source import YamlSyntaxError, load_front_matter, load_yaml_file


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dates_stay_text(tmp_path):
    doc = load_yaml_file(write(tmp_path, "a.yml", "date: 2567-01-15\nbad: 2567-13-01\n"))
    assert doc.data["date"] == "2567-01-15"
    assert doc.data["bad"] == "2567-13-01"


def test_line_of_walks_maps_and_lists(tmp_path):
    doc = load_yaml_file(write(tmp_path, "a.yml", "a: 1\npeople:\n  - id: x\n  - id: y\n    name: Y\n"))
    assert doc.line_of(("people", 1, "name")) == 5
    assert doc.line_of(("people", 0)) == 3
    # a missing key points at the deepest node that exists
    assert doc.line_of(("people", 1, "nothing")) == 4


def test_syntax_error_has_line(tmp_path):
    with pytest.raises(YamlSyntaxError) as exc:
        load_yaml_file(write(tmp_path, "a.yml", "a: 1\nb: [unclosed\nc: 2\n"))
    assert exc.value.line >= 2
    assert "malformed YAML" in str(exc.value)


def test_duplicate_keys_are_errors(tmp_path):
    with pytest.raises(YamlSyntaxError):
        load_yaml_file(write(tmp_path, "a.yml", "a: 1\na: 2\n"))


def test_front_matter_offsets_lines(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: T\ndate: x\n---\nbody\n")
    doc, body, body_line = load_front_matter(path)
    assert doc.line_of(("date",)) == 3
    assert body == "body\n"
    assert body_line == 5


def test_front_matter_must_be_closed(tmp_path):
    with pytest.raises(YamlSyntaxError, match="not closed"):
        load_front_matter(write(tmp_path, "a.md", "---\ntitle: T\n"))
