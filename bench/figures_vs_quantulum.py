"""Figures: our extractor against quantulum3 on the same article bodies, scored
against the same gold (every annotated corpus) with the same matching rule as
the `evaluate` stage, and timed on the same work (median of several runs).

    pip install quantulum3
    python bench/figures_vs_quantulum.py

quantulum3 reads quantities; it does not know which nouns a bare number counts, so
its dimensionless numbers are scored as counts with no unit (they match nothing),
and its units are mapped to this package's (pound sterling → GBP, per cent →
percent, terabyte → TB, ...). Both read only body sentences, with dates screened
for ours as in the pipeline."""
from __future__ import annotations

import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import evaluate, figures, ingest, segments, timex  # noqa: E402
from pipeline.config import params  # noqa: E402

CORPORA = {"shipped": ROOT / "raw", **evaluate.CORPORA}
CURRENCY = {"pound sterling": "GBP", "united states dollar": "USD", "dollar": "USD", "euro": "EUR",
            "indian rupee": "INR", "bitcoin": "BTC", "japanese yen": "JPY", "swiss franc": "CHF",
            "penny sterling": "GBP"}
UNITS = {"per cent": ("percentage", "percent"), "percentage": ("percentage", "percent"),
         "percentage point": ("percentage", "percentage_point"),
         "terabyte": ("quantity", "TB"), "gigabyte": ("quantity", "GB"), "megabyte": ("quantity", "MB"),
         "petabyte": ("quantity", "PB"), "mile": ("quantity", "mile"), "kilometre": ("quantity", "km"),
         "tonne": ("quantity", "tonne"), "ton": ("quantity", "ton"), "gallon": ("quantity", "gallon"),
         "litre": ("quantity", "litre"), "barrel": ("quantity", "barrel")}
TIME = {"second", "minute", "hour", "day", "week", "month", "year"}


def bodies(raw: Path) -> dict[str, list[tuple[str, int, int]]]:
    """Per article: its canonical text and body sentence spans."""
    heading = params()["ingest"]["heading_max_words"]
    rows = ingest.read_sources(raw / "sources.csv")
    out = {}
    for sid in rows:
        text, _, _ = ingest.canonical_text((raw / "articles" / f"{sid}.txt").read_bytes(), sid)
        spans = segments.classify(text, heading)
        out[sid] = (text, [s for a, b in segments.paragraphs(text, spans) for s in segments.sentences(text, a, b)])
    return out


def ours(text, sentences):
    found = []
    dollar = figures.local_dollar(text)
    for s, e in sentences:
        dates = [(t.start, t.end) for t in timex.find(text, s, e)]
        for f in figures.extract(text, s, e, dates, dollar):
            found.append({"kind": f.kind, "value": f.value, "value_high": f.value_high, "unit": f.unit,
                          "per": f.per})
    return found


def theirs(parser, text, sentences):
    found = []
    for s, e in sentences:
        for q in parser.parse(text[s:e]):
            name = q.unit.name.lower()
            entity = q.unit.entity.name
            if entity == "currency" or name in CURRENCY:
                kind, unit = "money", CURRENCY.get(name, name)
            elif name in UNITS:
                kind, unit = UNITS[name]
            elif name in TIME or name.rstrip("s") in TIME:
                kind, unit = "duration", name.rstrip("s")
            elif entity == "dimensionless":
                kind, unit = "count", None
            else:
                kind, unit = "quantity", name
            found.append({"kind": kind, "value": q.value, "value_high": None, "unit": unit, "per": None})
    return found


def score(pred: dict, gold: dict) -> dict:
    n_pred = n_gold = tp = 0
    for sid, g in gold.items():
        gl, pl = g["figures"] or [], pred.get(sid, [])
        tp += len(evaluate._match(gl, pl, evaluate._figure_score))
        n_pred, n_gold = n_pred + len(pl), n_gold + len(gl)
    return evaluate._prf(tp, n_pred, n_gold)


def timed(fn, docs, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for text, sents in docs:
            fn(text, sents)
        times.append(time.perf_counter() - t)
    return len(docs) / statistics.median(times)


def main() -> None:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser
    docs, gold, pred_ours, pred_theirs = [], {}, {}, {}
    for name, raw in CORPORA.items():
        g = evaluate.load_gold(evaluate.GOLD / name)
        for sid, (text, sents) in bodies(raw).items():
            key = f"{name}/{sid}"
            gold[key] = g[sid]
            docs.append((text, sents))
            pred_ours[key] = ours(text, sents)
            pred_theirs[key] = theirs(parser, text, sents)
    a, b = score(pred_ours, gold), score(pred_theirs, gold)
    speed_a = timed(ours, docs)
    speed_b = timed(lambda t, s: theirs(parser, t, s), docs, runs=3)
    print(f"{len(docs)} articles, {sum(len(g['figures'] or []) for g in gold.values())} gold figures "
          f"({' + '.join(CORPORA)})")
    print(f"{'extractor':12} {'precision':>9} {'recall':>7} {'F1':>6} {'articles/s':>11}")
    print(f"{'ours':12} {a['precision']:9.3f} {a['recall']:7.3f} {a['f1']:6.3f} {speed_a:11.1f}")
    print(f"{'quantulum3':12} {b['precision']:9.3f} {b['recall']:7.3f} {b['f1']:6.3f} {speed_b:11.1f}")
    print(f"ours is {speed_a / speed_b:.1f}x faster, F1 {a['f1'] - b['f1']:+.3f}")


if __name__ == "__main__":
    main()
