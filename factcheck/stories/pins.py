"""Pins: a user's say over which story a document is in.

Automatic stories are a guess from the text; a newsroom often knows better
("these three are our coverage of the Haiti earthquake").  A pin comes from
the document itself (Markdown front matter ``story: haiti-quake``) or from the
config (``[tool.factcheck.stories]``, path glob -> story label, as
``[tool.factcheck.documents]`` pins publication dates); the config wins, as it
does for dates, because it is the project-wide decision.  Documents with the
same pin are one story; documents with different pins are never merged.
"""

from __future__ import annotations

import re

from factcheck.documents import Document

_FRONT_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_STORY_KEY_RE = re.compile(r"^story\s*:\s*(.*?)\s*$", re.MULTILINE | re.IGNORECASE)


def front_matter_pin(doc: Document) -> str | None:
    """The ``story:`` of a Markdown document's YAML front matter, or None."""
    if doc.fmt != "markdown":
        return None
    fm = _FRONT_RE.match(doc.source)
    if not fm:
        return None
    m = _STORY_KEY_RE.search(fm.group(1))
    if not m:
        return None
    value = m.group(1).strip().strip("'\"").strip()
    return value or None


def document_pin(doc: Document, config_pin: str | None) -> tuple[str | None, str | None]:
    """(label, source) of a document's pin: the config's, else the front matter's, else (None, None)."""
    if config_pin:
        return config_pin, "config"
    fm = front_matter_pin(doc)
    return (fm, "front matter") if fm else (None, None)
