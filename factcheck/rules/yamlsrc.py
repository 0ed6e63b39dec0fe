"""YAML with line numbers, and with limits, for rule files written by other people.

PyYAML's plain loaders forget where a value came from.  Rule files are written
by people, and a mistake must be reported as ``file:line: key 'x': ...``, so we
compose the node graph ourselves and keep each mapping's and key's line.

Rule files may also come from other teams, so composing them is bounded:

* a file over :data:`MAX_RULE_FILE_BYTES` is refused before it is parsed;
* nesting deeper than :data:`MAX_DEPTH` is refused while composing (PyYAML's
  composer recurses, so a deep file would otherwise end in RecursionError);
* aliases may add at most :data:`MAX_ALIAS_NODES` nodes when expanded, so a
  "billion laughs" file is refused after a few thousand steps instead of
  filling memory, and an alias inside its own anchor is refused outright;
* an explicit tag may only name a plain scalar type (``!!str``, ``!!int``,
  ``!!float``, ``!!bool``, ``!!null``) or a plain collection; no tag
  constructs any other object, and a bad value (``!!int nope``, a
  5,000-digit number) is a RuleError, never a ValueError.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError
from factcheck.safeio import MIB, read_small_text

#: the largest rule file (or ``canonical:`` list) read; a house list of names is far smaller
MAX_RULE_FILE_BYTES = 4 * MIB
#: the deepest nesting of lists and mappings (real rule files nest about 5 levels)
MAX_DEPTH = 64
#: how many nodes aliases (``*name``) may add to a file when expanded
MAX_ALIAS_NODES = 10_000

_TAG = "tag:yaml.org,2002:"
#: explicit tags a rule file may write: the types of plain values, nothing that constructs an object
ALLOWED_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


class LineDict(dict[str, Any]):
    """A dict that remembers its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    line: int
    item_lines: list[int]


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader, composing with a depth limit and refusing tags outside :data:`ALLOWED_TAGS`."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        # ``!!int`` arrives expanded (tag:yaml.org,2002:int); a bare ``!`` means "plain string".
        if tag not in (None, "!") and tag not in ALLOWED_TAGS and not isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"the YAML tag {_shown_tag(tag)!r} is not allowed in rule files (only plain "
                            "strings, numbers, booleans, null, lists and mappings)", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Converter:
    """Node graph -> LineDict/LineList/scalars, counting what aliases add.

    PyYAML's composer shares one node between an anchor and its aliases; the
    graph is small, its expansion may be astronomically large.  Converting a
    node already converted once is alias expansion, and is counted.
    """

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.scalars = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.converted = 0
        self.open: set[int] = set()  # nodes being converted: an alias to one of them is a cycle

    def _error(self, message: str, node: yaml.Node) -> RuleError:
        return RuleError(message, path=self.shown, line=node.start_mark.line + 1)

    def convert(self, node: yaml.Node, depth: int = 1) -> Any:
        self.converted += 1
        self.seen.add(id(node))
        if self.converted - len(self.seen) > MAX_ALIAS_NODES:
            raise self._error(f"YAML aliases expand to more than {MAX_ALIAS_NODES} extra values "
                              "(refused before expanding them: a \"billion laughs\" file)", node)
        if depth > MAX_DEPTH:
            raise self._error(f"nested deeper than {MAX_DEPTH} levels (counting what aliases expand to)", node)
        if id(node) in self.open:
            raise self._error("a YAML alias refers to the list or mapping that contains it", node)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.open.add(id(node))
            try:
                return self._mapping(node, depth) if isinstance(node, yaml.MappingNode) else self._sequence(node, depth)
            finally:
                self.open.discard(id(node))
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LineDict:
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for k_node, v_node in node.value:
            key = self.convert(k_node, depth + 1)
            if not isinstance(key, str):
                shown = "a list" if isinstance(key, list) else "a mapping" if isinstance(key, dict) else repr(key)
                raise RuleError(f"mapping keys must be strings, not {shown}", path=self.shown,
                                line=k_node.start_mark.line + 1)
            if key in out:
                raise RuleError("duplicate key", path=self.shown, line=k_node.start_mark.line + 1, key=key)
            out[key] = self.convert(v_node, depth + 1)
            out.key_lines[key] = k_node.start_mark.line + 1
        return out

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> LineList:
        seq = LineList(self.convert(n, depth + 1) for n in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [n.start_mark.line + 1 for n in node.value]
        return seq

    def _scalar(self, node: yaml.Node) -> Any:
        """PyYAML's safe resolver decides str/int/float/bool/null; a value its type rejects is a RuleError."""
        try:
            return self.scalars.construct_object(node)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, yaml.YAMLError) as exc:
            value = str(node.value)
            shown = value if len(value) <= 40 else value[:37] + "..."
            reason = "too many digits" if "digits" in str(exc) else "not a valid value of its type"
            raise self._error(f"invalid {_shown_tag(node.tag)} value {shown!r} ({reason})", node) from None


def load_yaml(path: Path, shown: str) -> list[Any]:
    """All documents of a YAML file, with line-aware containers.  Errors are RuleErrors."""
    try:
        text = read_small_text(path, MAX_RULE_FILE_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file ({exc})", path=shown) from exc
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> list[Any]:
    if len(text) > MAX_RULE_FILE_BYTES:
        raise RuleError(f"rule file is over the limit of {MAX_RULE_FILE_BYTES // MIB} MiB", path=shown)
    try:
        nodes = list(yaml.compose_all(text, Loader=_BoundedLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise RuleError(f"invalid YAML: {exc.problem or exc}", path=shown, line=line) from exc
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path=shown) from exc
    converter = _Converter(shown)
    return [converter.convert(n) for n in nodes if n is not None]
