"""The long fuzz run: millions of generated articles through every stage, crashes and hangs reported.

Usage::

    python bench/fuzz.py N [--seed S] [--timeout SECONDS] [--jobs J] [--out DIR]

Generates N inputs with the generators of ``tests/fuzz_support.py`` (news
fragments in text, Markdown and HTML; arbitrary text; arbitrary bytes; all
mutated), each from ``random.Random(f"{seed}:{index}")`` so any input is
reproduced from the seed and its index.  Each input is decoded and parsed
as its file would be, every claim extractor runs on it (the ``claims``
command), then the document rules, suppressions and story evidence (the
``scan`` map phase, ``docs`` metadata); every claim's and finding's reported
span must be the file's own text there.  Every other input joins a
corpus batch; when a batch holds ``--corpus`` documents (default 20) a corpus
phase runs over it: stories, corpus rules and a baseline create/apply round
trip, and for one batch in five every report formatter.  One input in twenty
is analysed twice and must give identical JSON.

Workers are forked processes fed chunks of indices; the parent watches each
worker's current input and kills a worker stuck on one for more than
``--timeout`` seconds (a hang: reported, its input saved, the worker
replaced).  Any exception other than FactcheckError (the user-error type) or
a failed span/determinism check is a crash: its type, the input saved under
``--out`` (default /tmp/factcheck-fuzz), and a minimised copy.

Prints inputs tried, crashes, hangs and inputs/second; exits 1 when anything
crashed or hung.  Not part of CI (one million inputs take a while): the
property tests in tests/test_fuzz.py sample the same generators there.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_support import FuzzInput, check_claims, check_findings, input_for, load_bytes

from factcheck.baseline import apply_baseline, create_baseline
from factcheck.claims.base import Claim
from factcheck.config import Config
from factcheck.documents import Document
from factcheck.engine import Report, active_rules, analyse_document, run_corpus_rules
from factcheck.errors import FactcheckError
from factcheck.findings import Finding, sort_findings
from factcheck.report import FORMATTERS, RenderContext
from factcheck.report.claims import render_claims
from factcheck.rules.model import Rule
from factcheck.stories import cluster_stories, document_features, document_pin
from factcheck.stories.features import DocFeatures
from factcheck.suppressions import parse_suppressions

CHUNK = 400


@dataclass
class DocResult:
    doc: Document
    claims: list[Claim]
    findings: list[Finding]
    features: DocFeatures


def analyse(name: str, item: FuzzInput, rules: list[Rule]) -> DocResult | None:
    """One input through the per-document stages, with the span checks; None for a skipped binary."""
    doc = load_bytes(name, item.data, item.suffix)
    if doc is None:
        return None
    claims, findings = analyse_document(doc, rules, None)
    check_claims(doc, claims)
    check_findings([doc], findings)
    parse_suppressions(doc)
    json.dumps([{"title": doc.title, "url": doc.url, "date": doc.pub_date.isoformat() if doc.pub_date else None,
                 "evidence": [(c.source, c.date.isoformat(), c.detail) for c in doc.date_candidates]}])
    pin, source = document_pin(doc, None)
    return DocResult(doc, claims, findings, document_features(doc, claims, pin, source))


def fingerprint(res: DocResult | None) -> str:
    """What two runs on one input must agree on: the claims and findings as JSON."""
    if res is None:
        return ""
    report = Report(findings=res.findings, documents=[res.doc], rules=[], files=1)
    return render_claims([(res.doc, res.claims)], "json") + FORMATTERS["json"](report, RenderContext())


def corpus_phase(batch: list[DocResult], rules: list[Rule], render: bool = True) -> None:
    """The reduce phase over a batch: stories, corpus rules, a baseline round trip, every formatter."""
    docs = [r.doc for r in batch]
    claims = {r.doc.path: r.claims for r in batch}
    stories = cluster_stories([r.features for r in batch])
    json.dumps(stories.as_json())
    findings = [f for r in batch for f in r.findings] + run_corpus_rules(rules, docs, claims, stories)
    check_findings(docs, findings)
    findings = sort_findings(findings)
    baseline = create_baseline(findings)
    applied = apply_baseline(findings, baseline)
    assert all(f.baseline_state == "unchanged" for f in applied), "a baseline must accept what it was made from"
    if not render:
        return
    report = Report(findings=applied, documents=docs, rules=rules, files=len(docs))
    ctx = RenderContext(version="fuzz")
    for name, formatter in FORMATTERS.items():
        out = formatter(report, ctx)
        if name in ("json", "sarif", "gitlab"):
            json.loads(out)


# --------------------------------------------------------------------------- worker


@dataclass
class Crash:
    index: int
    kind: str
    message: str
    trace: str
    path: str = ""
    minimised: str = ""


def _error_of(fn: Callable[[], object]) -> str | None:
    """The exception type a call raises (None when it passes or raises FactcheckError)."""
    try:
        fn()
    except FactcheckError:
        return None
    except Exception as exc:  # the fuzzer's job is to catch everything else
        return type(exc).__name__
    return None


def minimise(item: FuzzInput, kind: str, rules: list[Rule], budget: float = 4.0) -> bytes:
    """Delta debugging lite: drop chunks (halves, quarters, ... single bytes) while the same error stays."""
    data = item.data
    deadline = time.monotonic() + budget
    n = 2
    while len(data) >= 2 and time.monotonic() < deadline:
        size = max(1, len(data) // n)
        shrunk = False
        for start in range(0, len(data), size):
            cand = data[:start] + data[start + size:]
            trial = FuzzInput(item.suffix, cand)
            if _error_of(lambda t=trial: analyse("min" + t.suffix, t, rules)) == kind:
                data, shrunk = cand, True
                break
            if time.monotonic() > deadline:
                break
        if shrunk:
            n = max(n - 1, 2)
        elif size == 1:
            break
        else:
            n = min(n * 2, len(data))
    return data


def _save(out: Path, stem: str, item: FuzzInput, note: str) -> str:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{stem}{item.suffix}"
    path.write_bytes(item.data)
    (out / f"{stem}.note").write_text(note, encoding="utf-8")
    return str(path)


def worker(conn: Connection, seed: int, corpus_every: int, out: Path, rules: list[Rule],
           current: mp.Array) -> None:  # type: ignore[valid-type]
    """Run chunks of indices sent by the parent; mark the current input (index, start time) in ``current``."""
    while True:
        task = conn.recv()
        if task is None:
            return
        start, stop = task
        batch: list[DocResult] = []
        batch_items: list[int] = []
        for i in range(start, stop):
            current[0], current[1], current[2] = i, time.monotonic(), 0  # type: ignore[index]
            item = input_for(seed, i)
            crash = _run_one(lambda it=item, i=i, b=batch, bi=batch_items: _one(i, it, rules, b, bi), i)
            if crash is None and i % 20 == 0:
                crash = _run_one(lambda it=item, i=i: _twice(i, it, rules), i)
            if crash is not None:
                crash.path = _save(out, f"crash-{seed}-{i}", item, f"{crash.kind}: {crash.message}\n{crash.trace}")
                if crash.kind != "AssertionError":
                    current[1] = time.monotonic()  # type: ignore[index]
                    small = FuzzInput(item.suffix, minimise(item, crash.kind, rules))
                    crash.minimised = _save(out, f"crash-{seed}-{i}-min", small, crash.trace)
                conn.send(("crash", crash))  # at once: a later hang in this chunk kills the worker
            if len(batch) >= corpus_every or (i == stop - 1 and batch):
                current[0], current[1], current[2] = i, time.monotonic(), 1  # type: ignore[index]
                crash = _run_one(lambda b=list(batch), r=i % 5 == 0: corpus_phase(b, rules, r), i)
                if crash is not None:
                    crash.kind = "corpus:" + crash.kind
                    for j in batch_items:
                        _save(out, f"crash-{seed}-{i}-corpus-{j}", input_for(seed, j), crash.trace)
                    crash.path = str(out / f"crash-{seed}-{i}-corpus-*")
                    conn.send(("crash", crash))
                batch.clear()
                batch_items.clear()
        current[1] = 0.0  # type: ignore[index]
        conn.send(("done", stop - start))


def _one(i: int, item: FuzzInput, rules: list[Rule], batch: list[DocResult], items: list[int]) -> None:
    res = analyse(f"doc{i}{item.suffix}", item, rules)
    if res is not None and i % 2 == 0:  # every other document joins a corpus batch (the reduce phase costs)
        batch.append(res)
        items.append(i)


def _twice(i: int, item: FuzzInput, rules: list[Rule]) -> None:
    name = f"doc{i}{item.suffix}"
    a, b = fingerprint(analyse(name, item, rules)), fingerprint(analyse(name, item, rules))
    assert a == b, "same input twice gave different JSON"


def _run_one(fn: Callable[[], object], i: int) -> Crash | None:
    try:
        fn()
    except FactcheckError:
        return None
    except Exception as exc:
        return Crash(i, type(exc).__name__, str(exc)[:300], traceback.format_exc())
    return None


# --------------------------------------------------------------------------- parent


@dataclass
class Slot:
    proc: mp.Process  # type: ignore[name-defined]
    conn: Connection
    current: mp.Array  # type: ignore[valid-type]
    task: tuple[int, int] | None = None


@dataclass
class Totals:
    tried: int = 0
    crashes: list[Crash] = field(default_factory=list)
    hangs: list[tuple[int, str, str]] = field(default_factory=list)  # index, phase, saved path


def _spawn(ctx: mp.context.BaseContext, seed: int, corpus_every: int, out: Path, rules: list[Rule]) -> Slot:
    parent, child = ctx.Pipe()
    current = ctx.Array("d", [0.0, 0.0, 0.0], lock=False)
    proc = ctx.Process(target=worker, args=(child, seed, corpus_every, out, rules, current), daemon=True)
    proc.start()
    child.close()
    return Slot(proc, parent, current)


def _warm_up(rules: list[Rule]) -> None:
    """Compile what the stages compile lazily, once, here: forked workers inherit it, so a fresh
    worker's first input is not slow enough to look like a hang."""
    batch = []
    for i in range(40):
        try:
            res = analyse(f"warm{i}.txt", input_for(-1, i), rules)
        except Exception:  # a crash is the workers' to find and report
            continue
        if res is not None:
            batch.append(res)
    try:
        corpus_phase(batch, rules)
    except Exception:
        pass


def _report_crash(c: Crash, totals: Totals) -> None:
    totals.crashes.append(c)
    print(f"CRASH input {c.index}: {c.kind}: {c.message.splitlines()[0] if c.message else ''} "
          f"-> {c.path} {c.minimised}", flush=True)


def _drain(conn: Connection, totals: Totals) -> None:
    """The crashes a killed worker reported before it hung (its chunk's count is settled by the caller)."""
    try:
        while conn.poll():
            what, value = conn.recv()
            if what == "crash":
                _report_crash(value, totals)
    except (EOFError, OSError):
        pass


def run(n: int, seed: int, timeout: float, jobs: int, corpus_every: int, out: Path, start: int = 0) -> Totals:
    rules = active_rules(Config())  # loaded once; forked workers inherit them
    _warm_up(rules)
    ctx = mp.get_context("fork")
    slots = [_spawn(ctx, seed, corpus_every, out, rules) for _ in range(jobs)]
    pending = [(a, min(a + CHUNK, start + n)) for a in range(start, start + n, CHUNK)]
    pending.reverse()
    totals = Totals()
    t0 = last = time.monotonic()

    def feed(slot: Slot) -> None:
        slot.task = pending.pop() if pending else None
        if slot.task is not None:
            slot.conn.send(slot.task)

    for slot in slots:
        feed(slot)
    while any(s.task is not None for s in slots):
        ready = wait([s.conn for s in slots if s.task is not None], timeout=0.5)
        for slot in slots:
            if slot.conn in ready:
                what, value = slot.conn.recv()
                if what == "crash":
                    _report_crash(value, totals)
                    continue
                totals.tried += value
                feed(slot)
        now = time.monotonic()
        for k, slot in enumerate(slots):
            began = slot.current[1]  # type: ignore[index]
            if slot.task is None or not began or now - began <= timeout:
                continue
            i, phase = int(slot.current[0]), "corpus" if slot.current[2] else "document"  # type: ignore[index]
            slot.proc.kill()
            slot.proc.join()
            _drain(slot.conn, totals)
            saved = _save(out, f"hang-{seed}-{i}", input_for(seed, i), f"over {timeout:g} s in the {phase} phase\n")
            totals.hangs.append((i, phase, saved))
            print(f"HANG input {i} ({phase} phase, > {timeout:g} s) -> {saved}", flush=True)
            _task_start, task_stop = slot.task
            totals.tried += i + 1 - _task_start  # the inputs before it passed; the hung one was tried
            slots[k] = _spawn(ctx, seed, corpus_every, out, rules)
            if i + 1 < task_stop:
                pending.append((i + 1, task_stop))
            feed(slots[k])
        if now - last >= 30:
            last = now
            rate = totals.tried / (now - t0)
            print(f"... {totals.tried:,} inputs, {len(totals.crashes)} crashes, {len(totals.hangs)} hangs, "
                  f"{rate:,.0f} inputs/s", flush=True)
    for slot in slots:
        slot.conn.send(None)
        slot.proc.join(5)
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="inputs to try")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", type=int, default=0, help="first input index (to resume or split a run)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take (a hang beyond)")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) or 1, help="worker processes")
    ap.add_argument("--corpus", type=int, default=20, help="inputs per corpus phase")
    ap.add_argument("--out", type=Path, default=Path("/tmp/factcheck-fuzz"), help="where reproducers go")
    args = ap.parse_args(argv)
    t0 = time.monotonic()
    totals = run(args.n, args.seed, args.timeout, max(1, args.jobs), max(1, args.corpus), args.out, args.start)
    elapsed = time.monotonic() - t0
    print(f"inputs tried: {totals.tried:,}  crashes: {len(totals.crashes)}  hangs: {len(totals.hangs)}  "
          f"time: {elapsed:,.0f} s  inputs/s: {totals.tried / elapsed:,.0f}  (seed {args.seed}, "
          f"timeout {args.timeout:g} s, jobs {args.jobs})")
    kinds: dict[str, int] = {}
    for c in totals.crashes:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    for kind, count in sorted(kinds.items()):
        print(f"  {kind}: {count}")
    return 1 if totals.crashes or totals.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
