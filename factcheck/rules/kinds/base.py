"""Shared pieces for rule kinds: the base class and linear-time user regexes."""

from __future__ import annotations

import re
from typing import Any

import re2

from factcheck.errors import RuleError
from factcheck.rules.model import RuleKind as Kind

__all__ = ["Kind", "compile_user_regex", "literal_regex"]

_OPTIONS_CACHE: dict[bool, Any] = {}


def _options(case_sensitive: bool) -> Any:
    if case_sensitive not in _OPTIONS_CACHE:
        opts = re2.Options()
        opts.case_sensitive = case_sensitive
        opts.log_errors = False  # RE2 would otherwise print parse errors to stderr itself
        _OPTIONS_CACHE[case_sensitive] = opts
    return _OPTIONS_CACHE[case_sensitive]


def compile_user_regex(pattern: str, *, case_sensitive: bool, whole_word: bool, shown: str,
                       line: int, key: str) -> Any:
    """Compile a user's pattern with RE2, which runs in linear time.

    Python's ``re`` backtracks: ``(a+)+$`` on a long line of ``a`` can hang a
    scan for hours.  RE2 has no backreferences or lookaround, which is the
    price of the guarantee; such patterns are rejected with a clear message.
    """
    src = rf"\b(?:{pattern})\b" if whole_word else pattern
    try:
        return re2.compile(src, _options(case_sensitive))
    except re2.error as exc:
        msg = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        msg = msg.replace(src, pattern)  # RE2 quotes the pattern: show the user's, not our wrapper
        raise RuleError(f"invalid regular expression {pattern!r}: {msg} (patterns run on RE2: "
                        "no lookaround or backreferences)", path=shown, line=line, key=key) from exc


def literal_regex(phrase: str, *, whole_word: bool) -> str:
    """An RE2 pattern for a literal phrase; any run of whitespace matches any other.

    With ``whole_word``, a ``\\b`` goes only on an end that is a word character:
    ``\\b`` beside "." or "#" would demand a letter there, so "U.S." or "#tag"
    could never match.
    """
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    if not whole_word or not body:
        return body
    lead = r"\b" if re.match(r"\w", phrase.lstrip()) else ""
    tail = r"\b" if re.search(r"\w$", phrase.rstrip()) else ""
    return f"{lead}(?:{body}){tail}"
