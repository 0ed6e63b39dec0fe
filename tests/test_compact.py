"""The compact form of map results (factcheck.compact): equal values become one object, nothing changes value."""

from __future__ import annotations

import pickle
from pathlib import Path

from factcheck.claims.base import Attrs, Claim
from factcheck.compact import Compactor
from factcheck.config import Config
from factcheck.engine import active_rules, analyse_file, needed_kinds, scan
from factcheck.stories import DocFeatures
from factcheck.stories.features import NameMention
from factcheck.wordstats import NameUse, VariantUse, WordStats


def _name(start: int, attrs: dict[str, object], sentence: tuple[int, int] = (0, 40)) -> Claim:
    # Built from fresh strings, as unpickling two worker messages gives them.
    return Claim("".join(["na", "me"]), start, start + 9, "".join(["Tara ", "Reid"]), "".join(["Tara ", "Reid"]),
                 sentence=(sentence[0] + 0, sentence[1] + 0), attrs=Attrs(pickle.loads(pickle.dumps(attrs))))


def test_equal_claims_of_two_documents_share_their_strings_and_attributes() -> None:
    comp = Compactor()
    attrs = {"type": "person", "tokens": ["Tara", "Reid"], "linked": False}
    a, b = comp.claims([_name(3, attrs)]), comp.claims([_name(50, attrs)])
    assert a[0] == _name(3, attrs) and b[0] == _name(50, attrs)  # equal values...
    assert a[0].text is b[0].text and a[0].value is b[0].value and a[0].kind is b[0].kind
    assert a[0].attrs is b[0].attrs  # ...one object each
    assert dict(a[0].attrs) == attrs


def test_attributes_that_differ_only_in_type_are_not_shared() -> None:
    comp = Compactor()
    one, true = comp.claims([_name(0, {"linked": 1}), _name(0, {"linked": True})])
    assert one.attrs is not true.attrs
    assert type(one.attrs["linked"]) is int and type(true.attrs["linked"]) is bool


def test_sentences_are_shared_within_a_document() -> None:
    comp = Compactor()
    x, y = comp.claims([_name(0, {}, (0, 40)), _name(20, {}, (0, 40))])
    assert x.sentence is y.sentence == (0, 40)


def test_offsets_are_shared_across_documents() -> None:
    comp = Compactor()
    a = comp.claims([_name(1000, {}, (990, 2000))])[0]
    b = comp.claims([_name(900, {}, (990, 2000))])[0]  # another document: its own sentence tuple
    c = comp.claims([_name(1009, {}, (1009, 3000))])[0]
    assert (a.start, a.end, a.sentence) == (1000, 1009, (990, 2000)) and (b.start, b.end) == (900, 909)
    assert a.sentence is not b.sentence and a.sentence[0] is b.sentence[0] and a.sentence[1] is b.sentence[1]
    assert c.start is a.end and c.sentence[0] is a.end  # one int object per value, whichever field holds it


def test_feature_pairs_and_names_are_shared_across_documents() -> None:
    comp = Compactor()

    def feats(path: str) -> DocFeatures:
        return DocFeatures(path, "c" + path, None, (("".join(["w:", "police"]), 1), ("n:tara reid", 2)),
                           (NameMention("tara reid", "".join(["Tara ", "Reid"]), "person"),))

    a, b = comp.features(feats("a")), comp.features(feats("b"))
    assert a == feats("a") and b == feats("b")
    assert a.counts[0] is b.counts[0] and a.names[0] is b.names[0]


def test_a_compact_result_gives_the_same_scan(seeds_dir: Path) -> None:
    cfg = Config()
    rules = active_rules(cfg)
    kinds = needed_kinds(rules)
    files = sorted(seeds_dir.glob("*"))[:3]
    comp = Compactor()
    for path in files:
        plain = analyse_file(path, cfg, rules, kinds)
        small = comp.result(analyse_file(path, cfg, rules, kinds))
        assert small.claims == plain.claims
        assert [dict(c.attrs) for c in small.claims] == [dict(c.attrs) for c in plain.claims]
        assert small.features == plain.features
    assert len(scan([seeds_dir]).findings) == 11


def test_attribute_keys_tell_types_apart() -> None:
    from factcheck.compact import _exact_key

    assert _exact_key(Attrs(a=True)) != _exact_key(Attrs(a=1))
    assert _exact_key(Attrs(t=["a", 1])) != _exact_key(Attrs(t=["a", True]))
    assert _exact_key(Attrs(t=["Tara", "Reid"], linked=False)) == _exact_key(Attrs(t=["Tara", "Reid"], linked=False))
    assert _exact_key(Attrs(x=1.0)) is None and _exact_key(Attrs(b={"lo": 1})) is None  # pickled digests instead
    comp = Compactor()
    shared = [comp.attrs(Attrs(a=v)) for v in (True, 1, 1.0, -0.0, 0.0, True)]
    assert [type(a["a"]) for a in shared] == [bool, int, float, float, float, bool]
    assert shared[0] is shared[5] and shared[1] is not shared[0] and repr(shared[3]["a"]) == "-0.0"


def test_compacted_claims_are_the_claims_received(seeds_dir: Path) -> None:
    cfg = Config()
    rules = active_rules(cfg)
    path = sorted(seeds_dir.glob("*"))[0]
    received = analyse_file(path, cfg, rules, needed_kinds(rules)).claims
    before = [(c, hash(c), dict(c.attrs)) for c in list(received)]
    comp = Compactor()
    kept = comp.claims(received)
    assert kept == [c for c, _h, _a in before] and [hash(c) for c in kept] == [h for _c, h, _a in before]
    assert [dict(c.attrs) for c in kept] == [a for _c, _h, a in before]
    again = comp.claims(analyse_file(path, cfg, rules, needed_kinds(rules)).claims)
    assert all(a.text is b.text and a.attrs is b.attrs for a, b in zip(kept, again, strict=True) if a.attrs)


def _words(text: str) -> WordStats:
    # Each call builds new objects, as two unpickled worker results are.
    return WordStats(tuple(["officials", "said"]), (VariantUse("".join(["colour"]), 4, 10, 2),),
                     (NameUse("".join([text]), 100, 109, "".join(["person"]), False, None),
                      NameUse("".join(["Obama"]), 500, 505, "person", True, "".join(["President"]))))


def test_name_and_variant_uses_are_shared_across_documents() -> None:
    comp = Compactor()
    a, b = comp.words(_words("Kim Jong Un")), comp.words(_words("Kim Jong Un"))
    assert a == _words("Kim Jong Un")  # the same values
    assert all(x is y for x, y in zip(a.names + a.variants, b.names + b.variants, strict=True))
    assert a.lower[0] is b.lower[0]


def test_a_new_use_keeps_its_values_and_shares_its_strings() -> None:
    comp = Compactor()
    a, c = comp.words(_words("Kim Jong Un")), comp.words(_words("Kim Jong Il"))
    assert c.names[0].text == "Kim Jong Il" and c.names[0] is not a.names[0]
    assert c.names[0].type is a.names[0].type  # "person" kept once
    assert c.names[1] is a.names[1]
