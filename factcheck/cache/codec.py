"""A small JSON codec for the pipeline's frozen dataclasses, driven by their type hints.

Why not pickle: a cache directory is restored in CI from whatever branch
saved it, and unpickling runs code the pickle names.  JSON can only ever give
back numbers, strings, lists and objects; this codec turns those into exactly
the dataclasses the type hints describe, and refuses anything else.  Every
decoding problem (a missing or extra field, a string where an int belongs, an
unknown tag) raises :class:`DecodeError`, which the cache treats as a miss:
a cache entry is rebuilt, never half-trusted.

A dataclass is written as a JSON array of its init fields in declaration
order: claims are most of an entry, and their field names repeated for
every claim made entries a third larger and slower to read.  The order is
safe because entries are keyed by a digest of factcheck's own code, so a
changed class never reads an entry of its former shape.

Values typed ``Any`` (claim values and attributes, finding data) are plain
JSON except for three tagged forms, so that they come back as they went in:
``{"__tuple__": [...]}``, ``{"__date__": "2019-12-30"}`` and, for a mapping
that itself has a key starting with ``__``, ``{"__dict__": {...}}``.

Inside :func:`sharing`, decoded values are shared as the scan's compact results
share them (:mod:`factcheck.compact`): equal strings, offsets, ``(feature,
count)`` pairs, name records and claim attribute mappings become one object,
and a claim's ``sentence`` pair one per entry.  A re-scan then reads the
cached documents straight into their compact form instead of building every
claim twice (compacting the decoded entries was a sixth of a re-scan's CPU).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from factcheck.claims.base import Attrs

T = TypeVar("T")


class DecodeError(ValueError):
    """Stored data that does not have the shape its type hints promise (a corrupt or foreign entry)."""


class EncodeError(ValueError):
    """A value this codec cannot write back faithfully (then nothing is stored)."""


@cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _fields(cls: Any) -> tuple[tuple[str, Any], ...]:
    """The init fields of a dataclass and their resolved types (hints are strings under PEP 563)."""
    return _hints(cls)


Conv = Callable[[Any], Any]


def encode(value: Any, tp: Any = None) -> Any:
    """A JSON-ready form of ``value`` of type ``tp`` (default: its own class, for a dataclass).

    Typed fields are written plainly (a ``tuple[int, int]`` as a list); only
    values typed ``Any`` carry tags.
    """
    kind: Any = type(value) if tp is None else tp
    try:
        return _encoder(kind)(value)
    except (TypeError, AttributeError) as exc:  # a value of another shape than its type says
        raise EncodeError(str(exc)) from exc


class Shared:
    """The values decoded so far inside :func:`sharing`, each kept once (see the module docstring).

    Only values that cannot change are shared, and only with values equal *and*
    of the same type, so what is decoded compares, prints and encodes exactly
    as without sharing: strings and ints (``1`` is never replaced by ``True``
    or ``1.0``), ``(str, int)`` pairs, frozen records of strings only, and the
    read-only claim attributes, keyed by the ``repr`` of their stored JSON (which
    tells ``true`` from ``1`` and ``1.0``).
    """

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.ints: dict[int, int] = {}
        self.pairs: dict[tuple[str, int], tuple[str, int]] = {}
        self.records: dict[Any, Any] = {}
        self.attrs: dict[str, Any] = {}
        #: ``(int, int)`` pairs (a claim's sentence) of the entry being decoded: shared within one
        #: document only, as the compact results do (another document's are rarely equal)
        self.local_pairs: dict[tuple[int, int], tuple[int, int]] = {}


_SHARED: Shared | None = None


@contextmanager
def sharing() -> Iterator[Shared]:
    """Share equal decoded values across every :func:`decode` of the block (one scan's entries)."""
    global _SHARED
    outer, _SHARED = _SHARED, Shared()
    try:
        yield _SHARED
    finally:
        _SHARED = outer


def decode(data: Any, tp: type[T]) -> T:
    """The ``tp`` that :func:`encode` wrote as ``data``; DecodeError when ``data`` is anything else."""
    if _SHARED is not None:
        _SHARED.local_pairs = {}
    try:
        kind: Any = tp
        out: T = _decoder(kind)(data)
        return out
    except (TypeError, AttributeError, RecursionError) as exc:  # e.g. a dataclass's own check
        raise DecodeError(str(exc)) from exc


# --------------------------------------------------------------------------- encoders
# One converter per type, built once: the per-value work is then a few calls, which matters
# for the thousands of story features and claim attributes of each article.


def _scalar_encoder(*kinds: type) -> Conv:
    def enc(v: Any) -> Any:
        if type(v) not in kinds:
            raise EncodeError(f"expected {kinds[0].__name__}, found {type(v).__name__}")
        return v
    return enc


@cache
def _encoder(tp: Any) -> Conv:
    if tp is Any:
        return _encode_any
    if tp is type(None):
        return _scalar_encoder(type(None))
    if tp in (bool, str, int):
        return _scalar_encoder(tp)
    if tp is float:
        return _scalar_encoder(float, int)
    if tp is _dt.date:
        def enc_date(v: Any) -> Any:
            if type(v) is not _dt.date:
                raise EncodeError(f"expected a date, found {type(v).__name__}")
            return v.isoformat()
        return enc_date
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        parts = tuple((name, _encoder(t)) for name, t in _fields(tp))

        def enc_dataclass(v: Any) -> Any:
            if type(v) is not tp:
                raise EncodeError(f"expected a {tp.__name__}, found {type(v).__name__}")
            return [enc(getattr(v, name)) for name, enc in parts]
        return enc_dataclass
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        arms = tuple((typing.get_origin(a) or a, _encoder(a)) for a in args)

        def enc_union(v: Any) -> Any:
            for kind, enc in arms:
                if kind is Any or (isinstance(kind, type) and isinstance(v, kind)):
                    return enc(v)
            raise EncodeError(f"{type(v).__name__} is none of {tp}")
        return enc_union
    if (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or origin is list:
        if _scalar_pair(args[0]):
            return _encode_columns
        if _flat_record(args[0]):
            return _record_columns_encoder(args[0])
        item = _encoder(args[0])
        return lambda v: [item(x) for x in v]
    if origin is tuple:
        items = tuple(_encoder(a) for a in args)

        def enc_tuple(v: Any) -> Any:
            if len(v) != len(items):
                raise EncodeError(f"expected {len(items)} items, found {len(v)}")
            return [enc(x) for enc, x in zip(items, v, strict=True)]
        return enc_tuple
    if origin in (dict, Mapping):
        val = _encoder(args[1])
        return lambda v: {_key(k): val(x) for k, x in v.items()}
    raise EncodeError(f"unsupported type {tp}")


def _scalar_pair(tp: Any) -> bool:
    """``tuple[str, int]`` and the like: a sequence of these is stored as two columns."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[0] in _SCALARS and args[1] in _SCALARS


def _encode_columns(v: Any) -> Any:
    """Pairs as ``[[firsts...], [seconds...]]``: a story's thousands of (feature, count) pairs then
    read back in two C-speed passes instead of one call per pair."""
    if any(len(x) != 2 for x in v):
        raise EncodeError("expected pairs")
    return [[x[0] for x in v], [x[1] for x in v]]


def _key(k: Any) -> str:
    if not isinstance(k, str):
        raise EncodeError("mapping keys must be strings")
    return k


def _encode_any(value: Any) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, tuple):
        return {"__tuple__": [_encode_any(v) for v in value]}
    if isinstance(value, list):
        return [_encode_any(v) for v in value]
    if type(value) is _dt.date:
        return {"__date__": value.isoformat()}
    if isinstance(value, dict):  # Attrs too; a Mapping of another kind would not come back as itself
        out = {_key(k): _encode_any(v) for k, v in value.items()}
        return {"__dict__": out} if any(k.startswith("__") for k in out) else out
    raise EncodeError(f"cannot cache a value of type {type(value).__name__}")


# --------------------------------------------------------------------------- decoders


def _scalar_decoder(what: str, *kinds: type) -> Conv:
    def dec(v: Any) -> Any:
        if type(v) not in kinds:
            raise DecodeError(f"expected {what}, found {type(v).__name__}")
        return v
    return dec


#: the JSON types each scalar type may be read from (a float that happens to be whole is written as one)
_SCALARS: dict[Any, tuple[type, ...]] = {str: (str,), int: (int,), bool: (bool,), float: (float, int)}


def _decode_date(v: Any) -> _dt.date:
    if type(v) is not str:
        raise DecodeError(f"expected a date, found {type(v).__name__}")
    try:
        return _dt.date.fromisoformat(v)
    except ValueError as exc:
        raise DecodeError(f"invalid date {v[:20]!r}") from exc


@cache
def _decoder(tp: Any) -> Conv:
    if tp is Any:
        return _decode_any
    if tp is type(None):
        return _scalar_decoder("null", type(None))
    if tp is bool:
        return _scalar_decoder("a boolean", bool)
    if tp is int:
        return _scalar_decoder("an integer", int)
    if tp is float:
        return _scalar_decoder("a number", float, int)
    if tp is str:
        return _scalar_decoder("a string", str)
    if tp is _dt.date:
        return _decode_date
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        arms = tuple(_decoder(a) for a in args)

        def dec_union(v: Any) -> Any:
            for dec in arms:
                try:
                    return dec(v)
                except DecodeError:
                    continue
            raise DecodeError(f"no arm of {tp} fits a {type(v).__name__}")
        return dec_union
    if (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or origin is list:
        wrap = tuple if origin is tuple else list
        if _scalar_pair(args[0]):
            return _columns_decoder(args[0], wrap)
        if _flat_record(args[0]):
            return _record_columns_decoder(args[0], wrap)
        if args[0] in _SCALARS:
            kinds = frozenset(_SCALARS[args[0]])

            def dec_scalars(v: Any) -> Any:
                if type(v) is not list or not kinds.issuperset(map(type, v)):
                    raise DecodeError(f"expected a list of {args[0].__name__}")
                return wrap(v)
            return dec_scalars
        item = _decoder(args[0])

        def dec_seq(v: Any) -> Any:
            if type(v) is not list:
                raise DecodeError(f"expected a list, found {type(v).__name__}")
            return wrap([item(x) for x in v])
        return dec_seq
    if origin is tuple and len(args) == 2 and args[0] in _SCALARS and args[1] in _SCALARS:
        k0, k1 = _SCALARS[args[0]], _SCALARS[args[1]]

        ints = args[0] is int and args[1] is int

        def dec_pair(v: Any) -> Any:  # (feature, count), (name, others): thousands per article
            if type(v) is list and len(v) == 2 and type(v[0]) in k0 and type(v[1]) in k1:
                shared = _SHARED
                if shared is None or not ints:
                    return (v[0], v[1])
                pair = (v[0], v[1])
                kept = shared.local_pairs.get(pair)
                if kept is None:
                    kept = shared.local_pairs[pair] = (shared.ints.setdefault(v[0], v[0]),
                                                       shared.ints.setdefault(v[1], v[1]))
                return kept
            raise DecodeError(f"expected a pair of {args[0].__name__} and {args[1].__name__}")
        return dec_pair
    if origin is tuple:
        items = tuple(_decoder(a) for a in args)

        def dec_tuple(v: Any) -> Any:
            if type(v) is not list or len(v) != len(items):
                raise DecodeError(f"expected a list of {len(items)} items")
            return tuple(dec(x) for dec, x in zip(items, v, strict=True))
        return dec_tuple
    if origin in (dict, Mapping):
        val = _decoder(args[1])
        make: Callable[[dict[str, Any]], Any] = Attrs if origin is Mapping else dict  # claim attrs: read-only

        readonly = origin is Mapping

        def dec_map(v: Any) -> Any:
            if type(v) is not dict:
                raise DecodeError(f"expected an object, found {type(v).__name__}")
            shared = _SHARED
            if shared is None or not readonly or not v:
                return make({k: val(x) for k, x in v.items()})
            key = repr(v)
            kept = shared.attrs.get(key)
            if kept is None:
                kept = shared.attrs[key] = make({k: val(x) for k, x in v.items()})
            return kept
        return dec_map
    raise DecodeError(f"unsupported type {tp}")


def _columns_decoder(pair: Any, wrap: Callable[[Any], Any]) -> Conv:
    first, second = (frozenset(_SCALARS[a]) for a in typing.get_args(pair))
    counts = typing.get_args(pair) == (str, int)  # shared inside sharing(): (feature, count) pairs

    def dec_columns(v: Any) -> Any:
        if type(v) is not list or len(v) != 2:
            raise DecodeError("expected two columns")
        a, b = v
        if type(a) is not list or type(b) is not list or len(a) != len(b) \
                or not first.issuperset(map(type, a)) or not second.issuperset(map(type, b)):
            raise DecodeError(f"expected two columns of {pair}")
        shared = _SHARED
        if shared is None or not counts:
            return wrap(zip(a, b, strict=True))
        strings, pairs = shared.strings, shared.pairs
        # Each feature string shared, then each (feature, count) pair, in C-speed ``map`` passes
        # (a story's thousands of pairs one by one in a Python loop were most of this decoder).
        made = list(zip(map(strings.setdefault, a, a), b, strict=True))
        return wrap(map(pairs.setdefault, made, made))
    return dec_columns


def _flat_record(tp: Any) -> bool:
    """A dataclass of scalar fields only, built positionally (a name mention, a variant word): a
    sequence of these is stored as one column per field (see :func:`_record_columns_decoder`)."""
    return isinstance(tp, type) and dataclasses.is_dataclass(tp) \
        and not any(f.kw_only for f in dataclasses.fields(tp) if f.init) \
        and all(_scalar_kinds(t) is not None for _n, t in _fields(tp))


def _record_columns_encoder(cls: type) -> Conv:
    parts = tuple((name, _encoder(t)) for name, t in _fields(cls))

    def enc_records(v: Any) -> Any:
        cols: list[list[Any]] = [[] for _ in parts]
        for x in v:
            if type(x) is not cls:
                raise EncodeError(f"expected a {cls.__name__}, found {type(x).__name__}")
            for col, (name, enc) in zip(cols, parts, strict=True):
                col.append(enc(getattr(x, name)))
        return cols
    return enc_records


def _record_columns_decoder(cls: type, wrap: Callable[[Any], Any]) -> Conv:
    """Records stored as columns, read in C-speed passes: each column's types checked at once,
    strings and ints shared inside :func:`sharing` as :func:`_dataclass_decoder` shares them, and
    the records built by ``map`` (a name mention's fields one by one were a third of reading a
    cached document's word statistics)."""
    kinds = [frozenset(k) for _n, t in _fields(cls) if (k := _scalar_kinds(t)) is not None]
    strs = [k == {str} for k in kinds]
    ints = [k == {int} for k in kinds]
    params = getattr(cls, "__dataclass_params__", None)
    record = bool(params and params.frozen and params.eq) and all(f.compare for f in dataclasses.fields(cls)) \
        and all(k <= {str, type(None)} for k in kinds)

    def dec_records(v: Any) -> Any:
        if type(v) is not list or len(v) != len(kinds) or any(type(c) is not list for c in v):
            raise DecodeError(f"expected the {len(kinds)} columns of {cls.__name__} records")
        n = len(v[0]) if v else 0
        if any(len(c) != n for c in v) or not all(k.issuperset(map(type, c)) for k, c in zip(kinds, v, strict=True)):
            raise DecodeError(f"expected {len(kinds)} columns of one length for {cls.__name__} records")
        shared = _SHARED
        cols: list[Any] = v
        if shared is not None:
            strings, numbers = shared.strings, shared.ints
            cols = [list(map(strings.setdefault, c, c)) if s else list(map(numbers.setdefault, c, c)) if i
                    else [strings.setdefault(x, x) if type(x) is str else numbers.setdefault(x, x)
                          if type(x) is int else x for x in c]
                    for c, s, i in zip(v, strs, ints, strict=True)]
        made = list(map(cls, *cols)) if cols else [cls() for _ in range(n)]
        if shared is not None and record:
            made = list(map(shared.records.setdefault, made, made))
        return wrap(made)
    return dec_records


def _scalar_kinds(tp: Any) -> tuple[type, ...] | None:
    """The JSON types of a scalar type or a union of them (``str | None``), checked inline; else None."""
    if tp is type(None):
        return (type(None),)
    if tp in _SCALARS:
        return _SCALARS[tp]
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        arms = [_scalar_kinds(a) for a in typing.get_args(tp)]
        if all(a is not None for a in arms):
            return tuple(k for a in arms if a is not None for k in a)
    return None


def _dataclass_decoder(cls: type) -> Conv:
    names = tuple(name for name, _t in _fields(cls))
    parts: list[tuple[str, tuple[type, ...] | None, Conv | None]] = []
    positional = not any(f.kw_only for f in dataclasses.fields(cls) if f.init)
    params = getattr(cls, "__dataclass_params__", None)
    # A frozen record of strings alone (a story's name mention) is shared whole inside sharing():
    # equal means the same in every field, as no int, float or bool can stand in for a string.
    record = bool(params and params.frozen and params.eq) \
        and all(f.compare for f in dataclasses.fields(cls)) \
        and all(_scalar_kinds(t) in ((str,), (str, type(None)), (type(None), str)) for _n, t in _fields(cls))

    def dec(v: Any) -> Any:
        if type(v) is not list or len(v) != len(names):
            raise DecodeError(f"expected the {len(names)} fields of a {cls.__name__}")
        if not parts:  # filled on first use: a field may have this very class's type
            for name, t in _fields(cls):
                kinds = _scalar_kinds(t)
                parts.append((name, kinds, None if kinds is not None else _decoder(t)))
        out = []
        shared = _SHARED
        for (name, kinds, conv), x in zip(parts, v, strict=True):
            if conv is not None:
                x = conv(x)
            elif type(x) not in kinds:  # type: ignore[operator]
                raise DecodeError(f"{cls.__name__}.{name}: unexpected {type(x).__name__}")
            if shared is not None:
                if type(x) is str:
                    x = shared.strings.setdefault(x, x)
                elif type(x) is int:
                    x = shared.ints.setdefault(x, x)
            out.append(x)
        # The init fields in declaration order, as _fields lists them (a third faster than by keyword).
        made = cls(*out) if positional else cls(**dict(zip(names, out, strict=True)))
        if shared is not None and record:
            return shared.records.setdefault(made, made)
        return made
    return dec


_PLAIN = (type(None), bool, int, float, str)


def _decode_any(data: Any) -> Any:
    kind = type(data)
    if kind in _PLAIN:
        return data
    if kind is list:
        return [x if type(x) in _PLAIN else _decode_any(x) for x in data]
    if kind is not dict:
        raise DecodeError(f"expected JSON, found {kind.__name__}")
    for key in data:
        if key[:2] == "__":
            return _decode_tagged(data)
    return {k: x if type(x) in _PLAIN else _decode_any(x) for k, x in data.items()}


def _decode_tagged(data: dict[str, Any]) -> Any:
    if len(data) != 1:
        raise DecodeError("unknown tagged value")
    (tag, inner), = data.items()
    if tag == "__tuple__" and type(inner) is list:
        return tuple(_decode_any(v) for v in inner)
    if tag == "__date__":
        return _decode_date(inner)
    if tag == "__dict__" and type(inner) is dict:
        return {k: _decode_any(v) for k, v in inner.items()}
    raise DecodeError(f"unknown tag {tag[:20]!r}")
