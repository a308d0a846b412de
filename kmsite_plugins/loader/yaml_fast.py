"""Parse YAML with libyaml (PyYAML's C parser) and build exactly the data ruamel's round-trip loader builds.

ruamel's pure-Python scanner and parser cost ~0.1 s per organisation. Here libyaml composes the node
tree and ``_Builder`` turns it into the same ``CommentedMap``/``CommentedSeq`` (same ``.lc`` lines and
columns, flow style, key order) as ``RoundTripConstructor``; strings in plain or quoted style are
taken as they are, every other scalar (numbers, booleans, null, dates, block scalars) is built by
ruamel's constructor itself, so types and values match.

Scalars are resolved by ruamel's YAML 1.2 resolver, not PyYAML's 1.1 one (``yes`` stays text,
``010`` is ten, ``1:20`` is text). Whatever this path does not reproduce exactly is refused with
``Unsupported`` and the caller parses with ruamel instead: a directive (``%YAML``), an anchor
(``&name``), an explicit or bare tag (``!!str``, ``!x``, ``!``), a tab, a byte-order mark inside the
text, a line break the two count differently (NEL, LS, PS), a complex, empty, merge (``<<``) or
value (``=``) key, a duplicate key, too many values, and anything libyaml or the constructor rejects
(ruamel then gives its own message and line).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs installed
from ruamel.yaml import nodes as rnodes
from ruamel.yaml.comments import CommentedMap, CommentedSeq, LineCol
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

__all__ = ["Unsupported", "load"]

_RESOLVER = VersionedResolver(version=(1, 2))
_IMPLICIT = "\0"  # starts every tag our resolver chose; a tag without it was written in the document
_KINDS: dict[type, type] = {yaml.ScalarNode: rnodes.ScalarNode, yaml.SequenceNode: rnodes.SequenceNode,
                            yaml.MappingNode: rnodes.MappingNode}
# Conservative: an '&' that could start an anchor, '%' at a line start (a directive), a lone '!' (a non-specific
# tag, which libyaml and ruamel resolve apart)
_ANCHOR = re.compile(r"(?:^|[\s,\[\]{}:])&\S", re.MULTILINE)
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_BARE_TAG = re.compile(r"(?:^|[\s,\[\]{}:])!(?=[\s,\[\]{}]|$)", re.MULTILINE)
# a tab (libyaml takes it as a separator where ruamel rejects it), a BOM inside the text, breaks counted apart
_ODD_CHARS = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
_BREAK = re.compile(r"\r\n|\r|\n")
_STR, _MAP, _SEQ, _NULL = (_IMPLICIT + "tag:yaml.org,2002:" + name for name in ("str", "map", "seq", "null"))
_KEY_TAGS_REFUSED = {_IMPLICIT + "tag:yaml.org,2002:merge", _IMPLICIT + "tag:yaml.org,2002:value"}
_PLAIN_STYLES = ("", "'", '"')  # ruamel builds these as str; block scalars ('|', '>') get their own types
_TAGS: dict[str, Tag] = {}  # one Tag per tag: a Tag works out its text once, on first use
# the characters ruamel's YAML 1.2 implicit types (int, float, bool, null, ...) can start with ('' included)
_FIRST_CHARS = frozenset(_RESOLVER.versioned_resolver)
_MAP_SETITEM = ordereddict.__setitem__  # the storage under CommentedMap's own bookkeeping
_SEQ_APPEND = list.append
assert None not in _FIRST_CHARS  # a resolver for any first character would make the shortcut wrong


class Unsupported(Exception):
    """The fast path cannot promise ruamel's exact result for this text: parse it with ruamel."""


@lru_cache(maxsize=8192)
def _resolve(kind: type, value: str | None, implicit: tuple[bool, bool] | bool) -> str:
    # ruamel's resolver: the tag ruamel's composer would give the same event
    tag = _RESOLVER.resolve(_KINDS[kind], value, implicit)
    return _IMPLICIT + tag.suffix


try:
    from yaml.cyaml import CParser  # type: ignore[import-untyped]
except ImportError:  # PyYAML built without libyaml: ruamel parses everything, as before
    CParser = None


class _Parser(CParser or object):  # type: ignore[misc]  # a C extension type
    """libyaml's composer with ruamel's YAML 1.2 implicit tags (``resolve`` is called for untagged nodes)."""

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        if kind is yaml.ScalarNode and (not implicit[0] or (value or '')[:1] not in _FIRST_CHARS):
            return _STR  # quoted, or no implicit type starts with this character: what ruamel decides too
        return _resolve(kind, value, tuple(implicit) if isinstance(implicit, list) else implicit)

    def descend_resolver(self, parent: Any, index: Any) -> None:
        """No path resolvers: the tag depends on the node alone."""

    def ascend_resolver(self) -> None:
        """No path resolvers."""


def _tag(node: Any) -> Tag:
    """ruamel's tag of a node; refuses a tag written in the document."""
    tag = node.tag
    ctag = _TAGS.get(tag)
    if ctag is None:
        if not tag.startswith(_IMPLICIT):
            raise Unsupported(f"explicit tag {tag}")
        ctag = _TAGS[tag] = Tag(suffix=tag[1:])
    return ctag


class _Builder:
    """ruamel's round-trip constructor, inlined for plain mappings, sequences and strings.

    Mirrors ``RoundTripConstructor.construct_yaml_map/construct_mapping/construct_rt_sequence``
    for documents without comments' objects, anchors or merge keys; every other scalar (numbers,
    booleans, null, dates, block scalars) is built by ruamel's constructor itself.
    """

    def __init__(self, text: str, constructor: Any, max_nodes: int):
        self.text = text
        self.constructor = constructor
        self.room = max_nodes  # nodes left before the document is too large for this path
        self._line_starts: list[int] = []

    def empty_value_mark(self, key_start: Any, key_end: Any, value_start: Any, flow: bool) -> tuple[int, int]:
        """Where ruamel puts an empty mapping value; libyaml puts it elsewhere.

        Block mapping: ruamel at the next token, libyaml right after the ':' (both there when a comment
        follows the ':' on its line and the next key of the same mapping follows). Flow mapping: ruamel
        right after the ':', libyaml at the next token (both there when there is no ':', as in ``{k}``).
        """
        if flow:
            line, pos = self._skip_blanks(key_end.line, key_end.column)
            if self.text[pos:pos + 1] == ":":
                return line, pos + 1 - self._line_starts[line]
            return value_start.line, value_start.column
        line, pos = self._skip_blanks(value_start.line, value_start.column)
        after = self._line_starts[value_start.line] + value_start.column
        while self.text[after:after + 1] == " ":
            after += 1
        next_column = pos - self._line_starts[line]
        if self.text[after:after + 1] == "#" and pos < len(self.text) and next_column == key_start.column:
            return value_start.line, value_start.column  # ruamel keeps the comment on the ':' before the next key
        return line, pos - self._line_starts[line]

    def _skip_blanks(self, line: int, column: int) -> tuple[int, int]:
        """From (line, column), past spaces, line breaks and comments (ruamel's ``scan_to_next_token``):
        the line and text offset of the next token, or of the end of the text."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        text = self.text
        pos = self._line_starts[line] + column
        while pos < len(text):
            char = text[pos]
            if char == " ":
                pos += 1
            elif char == "#":
                found = _BREAK.search(text, pos)
                pos = found.start() if found else len(text)
            elif char in "\r\n":
                pos = _BREAK.match(text, pos).end()  # type: ignore[union-attr]  # a break is there
                line += 1
            else:
                break
        return line, pos

    def build(self, node: Any) -> Any:
        self.room -= 1
        if self.room < 0:
            raise Unsupported("too many values")  # ruamel's path counts them exactly and says so
        tag = node.tag
        if tag == _STR and node.style in _PLAIN_STYLES:
            return node.value
        if tag == _MAP:
            return self.mapping(node)
        if tag == _SEQ:
            return self.sequence(node)
        if not isinstance(node, yaml.ScalarNode):
            raise Unsupported(f"{tag} collection")
        # libyaml's plain style is '', ruamel's None
        scalar = rnodes.ScalarNode(_tag(node), node.value, node.start_mark, node.end_mark, style=node.style or None)
        return self.constructor.construct_object(scalar)

    def mapping(self, node: Any) -> CommentedMap:
        data = CommentedMap()
        positions = _set_line_col(data, node.start_mark)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag in _KEY_TAGS_REFUSED \
                    or (key_node.value == "" and key_node.style == ""):
                raise Unsupported("complex, empty, merge ('<<') or value ('=') key")
            key = self.build(key_node)
            value = self.build(value_node)
            if dict.__contains__(data, key):  # CommentedMap's own `in` is the same, in Python
                raise Unsupported("duplicate key")  # ruamel's message says which
            key_start, value_start = key_node.start_mark, value_node.start_mark
            if value_node.tag == _NULL and value_node.value == "" and value_node.style == "":
                value_line, value_column = self.empty_value_mark(key_start, key_node.end_mark, value_start,
                                                                   node.flow_style)
            else:
                value_line, value_column = value_start.line, value_start.column
            positions[key] = [key_start.line, key_start.column, value_line, value_column]
            # what CommentedMap's own __setitem__ does for a new key, without its Python-level checks
            _MAP_SETITEM(data, key, value)
            data._ok.add(key)
        if data:
            data.lc.data = positions
            _set_style(data, node)
        return data

    def sequence(self, node: Any) -> CommentedSeq:
        data = CommentedSeq()
        positions = _set_line_col(data, node.start_mark)
        for index, child in enumerate(node.value):
            # list.append: CommentedSeq's inherited append goes through Python-level insert and comment bookkeeping
            _SEQ_APPEND(data, self.build(child))
            mark = child.start_mark
            positions[index] = [mark.line, mark.column]
        if data:
            data.lc.data = positions
            _set_style(data, node)
        return data


def _set_line_col(data: Any, mark: Any) -> dict[Any, list[int]]:
    """``data._yaml_set_line_col(...)`` without ruamel's slow ``lc`` lookup; the positions of its entries
    go in the returned dict, which becomes ``lc.data`` if there are any (ruamel leaves it None otherwise)."""
    line_col = LineCol()
    line_col.line, line_col.col = mark.line, mark.column
    setattr(data, LineCol.attrib, line_col)
    return {}


def _set_style(data: Any, node: Any) -> None:
    if node.flow_style is True:
        data.fa.set_flow_style()
    elif node.flow_style is False:
        data.fa.set_block_style()


def load(text: str, constructor: Any, max_nodes: int) -> Any:
    """The data ruamel loads from one-document ``text`` (None when empty), with ``constructor``'s scalars.

    Raises Unsupported where only ruamel can promise its own result (or its own error message), and
    for more than ``max_nodes`` nodes (keys included: never fewer than ruamel's count of values).
    """
    if ("&" in text and _ANCHOR.search(text)) or ("%" in text and _DIRECTIVE.search(text)) \
            or ("!" in text and _BARE_TAG.search(text)) or any(char in text for char in _ODD_CHARS):
        raise Unsupported("anchor, directive, '!' tag, tab, byte-order mark or unusual line break")
    if CParser is None:
        raise Unsupported("PyYAML has no libyaml here")
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
    except yaml.YAMLError as exc:
        raise Unsupported(str(exc)) from exc
    finally:
        parser.dispose()
    if node is None:
        return None
    try:
        return _Builder(text, constructor, max_nodes).build(node)
    except RecursionError as exc:
        raise Unsupported("nested too deeply") from exc
    finally:
        constructor.constructed_objects, constructor.recursive_objects = {}, {}  # by node: not needed again
