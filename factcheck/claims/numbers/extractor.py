"""The numbers extractor proper: votes (:mod:`.votes`), cardinals (quantities and counts),
ordinals and enumerations, then the second-pass readers (:mod:`factcheck.claims.extras`) and
conversion links, deduplicated and sorted.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from factcheck.claims.base import Claim, make_claim, register
from factcheck.claims.bounds import figure_bounds, range_bounds
from factcheck.claims.conversions import link_conversions
from factcheck.claims.numbers.context import (
    _EMERGENCY_NOUNS,
    _after_label,
    _in_spans,
    _np_words,
    _phrase,
    _qualifier,
    _sentence_initial,
    _Tail,
    _tail,
)
from factcheck.claims.numbers.patterns import (
    _BETWEEN_RE,
    _CHANGE_BEFORE_RE,
    _ENUM_JOINT_RE,
    _ENUM_RE,
    _FRACTIONS,
    _FROM_RE,
    _HY_SKIP,
    _ITEM_SEP_RE,
    _ITEM_WORD_RE,
    _JOIN_RE,
    _MONTH_AFTER_RE,
    _MONTH_BEFORE_RE,
    _NUMBER_LABEL_RE,
    _OLD_RE,
    _ORD_FIRST_HEADS,
    _ORD_HY_SKIP,
    _ORDINAL_RE,
    _SCALE_VALUES,
    _YEAR_CONTEXT_RE,
)
from factcheck.claims.numbers.tokens import _anchors, _Num, _scan_numbers, _url_spans
from factcheck.claims.numbers.vocabulary import _STOP, _unit, singular
from factcheck.claims.numbers.votes import _vote_value, _votes
from factcheck.claims.numwords import parse_ordinal, to_number
from factcheck.claims.units import COUNT
from factcheck.documents import Document

# --------------------------------------------------------------------------- extractors


def _is_date_number(text: str, start: int, end: int, value: float) -> bool:
    if not (isinstance(value, int) and 1 <= value <= 31):
        return False
    if _MONTH_BEFORE_RE.search(text, max(0, start - 16), start):
        return True
    return _MONTH_AFTER_RE.match(text, end) is not None


def _cardinals(doc: Document, anchors: list[int], urls: list[tuple[int, int]],
               votes: list[tuple[int, int]]) -> list[Claim]:
    """Quantities and counts (and plain "N votes")."""
    text = doc.text
    toks = _scan_numbers(text, anchors)
    out: list[Claim] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if _in_spans(tok.start, urls) or _in_spans(tok.start, votes):
            continue
        nxt = toks[i] if i < len(toks) else None
        if nxt is not None and _try_range(doc, tok, nxt, out):
            i += 1
            continue
        _single(doc, tok, out)
    return out


def _try_range(doc: Document, a: _Num, b: _Num, out: list[Claim]) -> bool:
    """"between 10 and 20 people", "5 to 10 years", "two or three days": one quantity claim."""
    text = doc.text
    if a.hy or a.approx or b.approx or a.high is not None or b.high is not None or a.year_like or b.year_like:
        return False
    j = _JOIN_RE.match(text, a.end)
    if j is None or j.end() != b.start:
        return False
    word = (j.group("w") or "-").lower()
    between = _BETWEEN_RE.search(text, max(0, a.start - 12), a.start)
    if word == "and" and not between:
        return False
    if word != "and" and between:
        return False
    if word in ("to", "-"):
        fm = _FROM_RE.search(text, max(0, a.start - 20), a.start)
        if fm and not fm.group("range"):
            return False  # "rose from 10 to 20": a change, not a range ("ranging from" is one)
        if word == "to" and ((a.percent and not b.percent)
                             or _CHANGE_BEFORE_RE.search(text, max(0, a.start - 24), a.start)):
            return False  # "rose 5% to $4.1 billion": a change and a level (see factcheck.claims.changes)
    low = a.value
    if b.scale > 1 and a.scale == 1 and not a.percent and a.value < b.value / b.scale:
        low = to_number(Decimal(str(a.value)) * b.scale)
    if not low < b.value or (a.currency and b.currency and a.currency != b.currency):
        return False
    if a.words and a.digits[:1] and text[a.start].isupper() and not _sentence_initial(text, a.start):
        return False
    merged = _Num(start=a.start, end=b.end, value=b.value, currency=b.currency or a.currency,
                  percent=a.percent or b.percent, att_unit=b.att_unit, scale=b.scale, words=b.words)
    t = _tail(text, merged, b.end)
    if b.hy and not t.measured and t.unit is None:
        return False
    if not (t.measured or t.unit is not None or b.scale >= 1000):
        return False
    qual: str | None
    phrase: str | None
    if between:
        qual = phrase = "between"
        start = between.start()
    else:
        q = _qualifier(text, a.start)
        qual, phrase, start = q.reported, q.phrase, q.start
    attrs = _quantity_attrs(t, low, phrase, rng=(low, b.value))
    out.append(make_claim("quantity", doc, start, t.end, low, unit=t.unit, qualifier=qual, **attrs))
    return True


def _quantity_attrs(t: _Tail, value: int | float, phrase: str | None,
                    rng: tuple[int | float, int | float | None] | None = None, plural: bool = False) -> dict[str, Any]:
    """A quantity's attributes.  ``rng``: the ends of a range (also kept as the older ``low``/``high``
    and ``approximate``, which rules read); ``plural``: an approximate plural ("dozens")."""
    attrs: dict[str, Any] = {"dimension": t.dimension, "approximate": rng is not None}
    if rng is not None:
        attrs.update(low=rng[0], high=rng[1])
        attrs["bounds"] = range_bounds(rng[0], rng[1], phrase, approximate=plural).to_json()
    else:
        attrs["bounds"] = figure_bounds(value, phrase).to_json()
    attrs["measure"] = _measure(t.unit, t.age)
    if t.subject is not None:
        attrs["subject"] = t.subject
    if t.per is not None:
        attrs["per"] = t.per
    if t.noun is not None:
        attrs["noun"] = t.noun
    if t.age:
        attrs["age"] = True
    return attrs


def _measure(unit: str | None, age: bool) -> str | None:
    """What a figure measures, for grouping statements of one fact: its unit or counted noun
    (already singular, money as its ISO code), or "age" for "32-year-old" and "aged 32 years old",
    which is not a duration."""
    return "age" if age else unit


def _single(doc: Document, tok: _Num, out: list[Claim]) -> None:
    """Classify one number as quantity, count or vote -- or drop it."""
    text = doc.text
    _absorb_hyphen_scale(tok)
    is_one = tok.words and tok.digits in ("one", "a") and tok.scale == 1
    if tok.words and text[tok.start].isupper() and not _sentence_initial(text, tok.start):
        return  # "the Big Three", "Ocean's Eleven": part of a name
    if tok.hy and not tok.approx:
        _hyphenated(doc, tok, is_one, out)
        return
    if tok.year_like or not tok.approx:
        if _is_date_number(text, tok.start, tok.end, tok.value):
            return
        lo = max(0, tok.start - 16)
        if _NUMBER_LABEL_RE.search(text, lo, tok.start):
            return
        bare = not (tok.currency or tok.percent or tok.att_unit or tok.scale > 1 or tok.words)
        if bare and _after_label(text, tok.start):
            return  # "Apollo 11"
    t = _tail(text, tok, tok.end)
    if tok.digits == "911" and not t.measured and (t.noun is None or t.noun.lower() in _EMERGENCY_NOUNS):
        return  # "911 calls", "a 911 dispatcher": the emergency number; "911 soldiers" is a count
    if tok.year_like:
        if not (t.measured or (t.noun is not None and t.noun[0].islower())):
            return  # "the 2014 Academy Awards", "2013 Erupts"
        if _YEAR_CONTEXT_RE.search(text, max(0, tok.start - 12), tok.start):
            return
        if _MONTH_BEFORE_RE.search(text, max(0, tok.start - 16), tok.start):
            return
    if tok.words and tok.value == 0 and t.noun is None and not t.plural:
        return  # "zero day", "zero tolerance": only "zero casualties", "zero barrels" count
    if is_one and not (t.measured and t.unit not in ("day", "second", "point")):
        return
    q = _qualifier(text, tok.start)  # only for a figure kept: the words before it are read once more
    qual, phrase, start = q.reported, q.phrase, q.start
    if tok.approx:
        attrs = _quantity_attrs(t, tok.value, phrase, rng=(tok.value, tok.high), plural=True)
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        return
    if tok.dash_range and not t.measured and (t.noun is None or t.noun[0].isupper() or tok.digits == "9"):
        return  # "15-17 Bulldogs" is a score, "9-11 attacks" a date
    rng = (tok.value, tok.high) if tok.high is not None else None
    if t.measured:
        attrs = _quantity_attrs(t, tok.value, phrase, rng=rng)
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        return
    if t.unit is not None:
        if rng is not None:
            attrs = _quantity_attrs(t, tok.value, phrase, rng=rng)
            out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual,
                                  **attrs))
        elif t.unit == "vote" and tok.exact_int and isinstance(tok.value, int):
            out.append(make_claim("vote", doc, start, t.end, tok.value, unit="vote", qualifier=qual,
                                  votes=tok.value, bounds=figure_bounds(tok.value, phrase).to_json()))
        elif tok.exact_int and isinstance(tok.value, int) and tok.value < 1000:
            attrs = {"noun": t.noun, "dimension": t.dimension, "measure": _measure(t.unit, False),
                     "bounds": figure_bounds(tok.value, phrase).to_json()}
            if t.per is not None:
                attrs["per"] = t.per
            out.append(make_claim("count", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual, **attrs))
        else:
            out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=t.unit, qualifier=qual,
                                  **_quantity_attrs(t, tok.value, phrase)))
        return
    if tok.scale >= 1000 and tok.high is None:
        out.append(make_claim("quantity", doc, start, t.end, tok.value, unit=None, qualifier=qual,
                              **_quantity_attrs(t, tok.value, phrase)))


def _hyphenated(doc: Document, tok: _Num, is_one: bool, out: list[Claim]) -> None:
    """"15-member council", "90-day", "32-year-old man", "six-party talks": quantity with a subject."""
    text = doc.text
    assert tok.hy is not None
    parts = tok.hy.lower().split("-")
    head = parts[0]
    if (head in _FRACTIONS or head in _HY_SKIP or head in _STOP or tok.year_like or tok.high is not None
            or tok.percent or tok.value == 0):
        return  # "two-thirds", "50-odd", "one-on-one", "2016-era", "zero-day"
    if _is_date_number(text, tok.start, tok.end, tok.value):
        return
    known = _unit(" ".join(parts[:2])) if len(parts) > 1 else None
    if known is not None:
        rest = parts[2:]
    else:
        known, rest = _unit(head), parts[1:]
    if known is None and head.endswith(("ed", "ing")):
        return  # "two-handed", "top-seeded": adjectives, not units
    if is_one and (known is None or known[0] == "day"):
        return  # "one-time", "one-party": idioms, not measurements
    dim: str | None
    if known is not None:
        unit, dim = known
    else:
        unit = singular(head)
        sing = _unit(unit)
        dim = sing[1] if sing is not None else COUNT
    age = unit == "year" and rest == ["old"]
    end = tok.hy_end
    if unit == "year" and not rest:
        om = _OLD_RE.match(text, end)
        if om:
            age, end = True, om.end()  # "18-year old male"
    words = _np_words(text, end, 3)
    subject = _phrase(words) if words else None
    if unit == "yard" and words and words[0][0].lower() == "line":
        return  # "the Colts 27-yard line": a place on the field, not a distance
    q = _qualifier(text, tok.start)
    qual, phrase, start = q.reported, q.phrase, q.start
    attrs: dict[str, Any] = {"dimension": dim, "approximate": False, "hyphenated": True,
                             "measure": _measure(unit, age), "bounds": figure_bounds(tok.value, phrase).to_json()}
    if subject is not None:
        attrs["subject"] = subject
    if age:
        attrs["age"] = True
    out.append(make_claim("quantity", doc, start, end, tok.value, unit=unit, qualifier=qual, **attrs))


def _absorb_hyphen_scale(tok: _Num) -> None:
    """"$5-million", "a 2-billion-dollar deal": the hyphen carries a scale word, not a unit."""
    if tok.hy is None or tok.scale != 1 or tok.approx:
        return
    parts = tok.hy.split("-")
    scale = _SCALE_VALUES.get(parts[0].lower())
    if scale is None:
        return
    hy_start = tok.hy_end - len(tok.hy)
    tok.value = to_number(Decimal(str(tok.value)) * scale)
    tok.scale = scale
    tok.exact_int = False
    tok.end = hy_start + len(parts[0])
    tok.hy = "-".join(parts[1:]) or None


def _ordinals(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """"fourth visit", "second round", "first-ever summit", "21st century"."""
    text = doc.text
    out: list[Claim] = []
    for p in anchors:
        m = _ORDINAL_RE.match(text, p)
        if m is None:
            continue
        num_end = m.end("suf") if m.group("d") else m.end("w")
        if m.group("d"):
            value = parse_ordinal(m.group("d") + m.group("suf").lower())
        else:
            value = parse_ordinal(m.group("w"))
        if value is None or _in_spans(m.start(), urls):
            continue
        if value <= 31 and _is_date_number(text, m.start(), num_end, value):
            continue
        attrs: dict[str, Any] = {}
        unit: str | None = None
        end = num_end
        hy = m.group("hy")
        after = num_end
        if hy:
            h = hy.lower()
            if h in _ORD_HY_SKIP:
                continue
            if h == "ever":
                attrs["ever"] = True
                after = m.end("hy")
            elif h.endswith("est") and len(h) > 4:
                attrs["superlative"] = h
                after = m.end("hy")
            else:
                unit, end = singular(h), m.end("hy")
                attrs["noun"] = h
        if unit is None:
            words = _np_words(text, after, 3)
            if words and words[0][0].lower().endswith("ed") and len(words[0][0]) > 3:
                words = []  # "first reported", "first hurled stones": an adverb before a verb
            if words and words[0][0].lower() in _ORD_FIRST_HEADS:
                words = words[:1]  # "first time foreign observers", "fourth quarter heroics"
            while words and (words[-1][0].lower().endswith(("ed", "ly")) and len(words[-1][0]) > 3):
                words.pop()
            if words:
                unit, end = singular(words[-1][0]), words[-1][2]
                attrs["noun"] = _phrase(words)
            elif m.group("w") or value <= 31:
                continue  # "at first", "the first to comment", "on the 30th": not a ranked thing
            elif hy:
                end = m.end("hy")
        out.append(make_claim("ordinal", doc, m.start(), end, value, unit=unit, **attrs))
    return out


def _enumerations(doc: Document, anchors: list[int], urls: list[tuple[int, int]]) -> list[Claim]:
    """A stated count and the list it announces: "three countries: A, B and C"."""
    text = doc.text
    out: list[Claim] = []
    pos = 0
    # A list needs an " and "/" or " on its line: the next of each after the anchor,
    # kept while anchors pass below it, spares matching from every number of a line without.
    joint = nl = -1
    for p in anchors:
        if p < pos:
            continue
        if joint < p:
            j = _ENUM_JOINT_RE.search(text, p)
            if j is None:
                break
            joint = j.start()
        if nl < p:
            nl = text.find("\n", p)
            nl = len(text) if nl < 0 else nl
        m = _ENUM_RE.match(text, p) if joint < nl else None
        if m is None or _in_spans(p, urls):
            continue
        pos = m.end()
        raw = m.group("count")
        stated = int(raw) if raw.isdigit() else _vote_value(raw)
        if stated is None or stated < 2:
            continue
        lst = m.group("list")
        base = m.start("list")
        pieces: list[tuple[str, int, int]] = []
        pos = 0
        for sep in _ITEM_SEP_RE.finditer(lst):
            if sep.start() > pos:
                pieces.append((lst[pos:sep.start()], base + pos, base + sep.start()))
            pos = sep.end()
        pieces.append((lst[pos:], base + pos, base + len(lst)))
        if len(pieces) < 2:
            continue
        last_text, last_start, _ = pieces[-1]
        words = [(w.group(0), w.end()) for w in _ITEM_WORD_RE.finditer(last_text)]
        earlier = [p[0] for p in pieces[:-1]]

        def proper(item: str) -> bool:
            ws = item.split()
            if ws and ws[0].lower() == "the" and len(ws) > 1:
                ws = ws[1:]
            return bool(ws) and ws[0][:1].isupper()

        keep = 0
        all_proper = all(proper(e) for e in earlier)
        if not all_proper and len(pieces) < 3:
            continue  # "three motors (used for dinghies or rafts)": two common-noun phrases are no list
        if all_proper:
            for k, (w, _) in enumerate(words):
                if w[:1].isupper() or (k > 0 and w in ("of", "de", "and")) or (k == 0 and w.lower() == "the"):
                    keep = k + 1
                else:
                    break
            while keep and words[keep - 1][0] in ("of", "de", "and", "the"):
                keep -= 1
        else:
            keep = min(len(words), max(len(e.split()) for e in earlier))
        if keep == 0:
            continue
        last_end = last_start + words[keep - 1][1]
        items = [*earlier, last_text[:words[keep - 1][1]]]
        conn = m.group("conn").strip().lower()
        if conn in ("between", "among", "amongst", "involving") and not m.group("mid").startswith("-"):
            continue  # "three cables between Italy and Egypt" counts cables, not the places
        if conn == "(" and text[last_end:last_end + 1] != ")":
            continue  # a parenthesis that is a remark, not the list
        noun = m.group("mid").strip(" \t-") or None
        out.append(make_claim("enumeration", doc, m.start("count"), last_end, stated, items=items,
                              item_count=len(items), stated=stated, noun=noun,
                              partial=conn.startswith(("including", ", including", "such", ", such"))))
    return out


@register("numbers")
def extract(doc: Document) -> Iterator[Claim]:
    """All numeric claims of ``doc``, sorted by position, without duplicates.

    Votes run first and claim their numbers, so "nine votes in favor" is one
    vote claim rather than a vote plus a count.  Enumerations are reported in
    addition to the count or quantity for the same number: they check a
    different thing (the list length).  A figure followed by its equivalent
    ("50 km (31 miles)") is linked to it (see :mod:`factcheck.claims.conversions`).
    """
    yield from extract_at(doc, _anchors(doc.text))


def extract_at(doc: Document, anchors: list[int]) -> Iterator[Claim]:
    """:func:`extract` given the anchors of ``doc``'s text (``_anchors(doc.text)``, or the same found
    another way: the split-decimal repair knows where its blanked copy of the text can hold one)."""
    text = doc.text
    urls = _url_spans(text)
    claims: list[Claim] = []
    if anchors:  # without one, only the second pass's words can hold a figure ("a quarter of those")
        votes = _votes(doc, anchors, urls)
        vote_spans = [(c.start, c.end) for c in votes]
        claims = [*votes, *_cardinals(doc, anchors, urls, vote_spans), *_ordinals(doc, anchors, urls),
                  *_enumerations(doc, anchors, urls)]
    from factcheck.claims import extras  # here: its readers import this module's helpers

    claims = [c for c in extras.extend(doc, claims, anchors) if not _in_spans(c.start, urls)]
    seen: set[tuple[str, int, int]] = set()
    unique: list[Claim] = []
    for c in sorted(claims, key=lambda c: c.sort_key):
        key = (c.kind, c.start, c.end)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    yield from link_conversions(doc, unique)
