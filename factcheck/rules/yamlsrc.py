"""YAML with line numbers.

PyYAML's plain loaders forget where a value came from.  Rule files are written
by people, and a mistake must be reported as ``file:line: key 'x': ...``, so we
compose the node graph ourselves and keep each mapping's and key's line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError


class LineDict(dict[str, Any]):
    """A dict that remembers its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    line: int
    item_lines: list[int]


def _convert(node: yaml.Node, path: str, scalars: yaml.constructor.SafeConstructor) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for k_node, v_node in node.value:
            key = _convert(k_node, path, scalars)
            if not isinstance(key, str):
                raise RuleError(f"mapping keys must be strings, not {key!r}", path=path,
                                line=k_node.start_mark.line + 1)
            if key in out:
                raise RuleError("duplicate key", path=path, line=k_node.start_mark.line + 1, key=key)
            out[key] = _convert(v_node, path, scalars)
            out.key_lines[key] = k_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_convert(n, path, scalars) for n in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [n.start_mark.line + 1 for n in node.value]
        return seq
    # Scalars: let PyYAML's safe resolver decide int/bool/str...
    return scalars.construct_object(node)


def load_yaml(path: Path, shown: str) -> list[Any]:
    """All documents of a YAML file, with line-aware containers.  Errors are RuleErrors."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file ({exc})", path=shown) from exc
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> list[Any]:
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise RuleError(f"invalid YAML: {exc.problem or exc}", path=shown, line=line) from exc
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path=shown) from exc
    scalars = yaml.constructor.SafeConstructor()
    return [_convert(n, shown, scalars) for n in nodes if n is not None]
