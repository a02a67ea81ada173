"""Stage `evaluate`: extraction quality against hand annotations (tests/gold/), on the
shipped articles (data/) and on the development set of fictional incidents
(tests/devset/raw, built afresh into a temporary folder), written to
reports/metrics.json for `dvc metrics show`. Matching rules: tests/gold/README.md."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from .config import ROOT, Layout
from .consolidate import normalise_quote
from .timex import window
from .runner import Options
from .tables import atomic_write, read_table

GOLD = ROOT / "tests" / "gold"
# Corpora scored besides the shipped articles: the development set (fictional
# incidents written to avoid tuning to one story) and a hold-out set in the styles of
# real outlets, first scored before any extraction change was made for it.
CORPORA = {"devset": ROOT / "tests" / "devset" / "raw", "holdout": ROOT / "tests" / "holdout" / "raw",
           "holdout2": ROOT / "tests" / "holdout2" / "raw", "holdout3": ROOT / "tests" / "holdout3" / "raw",
           "holdout4": ROOT / "tests" / "holdout4" / "raw",
           "holdout5": ROOT / "tests" / "holdout5" / "raw",
           "holdout6": ROOT / "tests" / "holdout6" / "raw",
           "holdout7": ROOT / "tests" / "holdout7" / "raw",
           "holdout8": ROOT / "tests" / "holdout8" / "raw",
           "holdout9": ROOT / "tests" / "holdout9" / "raw",
           "holdout10": ROOT / "tests" / "holdout10" / "raw"}
QUOTE_SIMILARITY = 90   # tests/gold/README.md: text similarity >= 0.9


def load_gold(folder: Path) -> dict[str, dict]:
    out = {}
    for p in sorted(folder.glob("*.yaml")):
        with open(p, encoding="utf-8") as fh:
            g = yaml.safe_load(fh)
        out[g["source_id"]] = g
    return out


def load_predictions(data_dir: Path) -> dict[str, dict[str, list[dict]]]:
    """Per source: figure, quote and event mentions with their facts' fields."""
    t = {n: read_table(data_dir / f"{n}.csv", n) for n in (
        "figures", "figure_mentions", "quotes", "quote_mentions", "events", "event_mentions",
        "entities", "entity_aliases")}
    names = defaultdict(set)
    for e in t["entities"]:
        names[e["entity_id"]].add(e["name"].casefold())
    for a in t["entity_aliases"]:
        names[a["entity_id"]].add(a["alias"].casefold())
    figs = {f["figure_id"]: f for f in t["figures"]}
    evs = {e["event_id"]: e for e in t["events"]}
    out: dict[str, dict[str, list]] = defaultdict(lambda: {"figures": [], "quotes": [], "events": []})
    for m in t["figure_mentions"]:
        out[m["source_id"]]["figures"].append({**figs[m["figure_id"]], **m})
    for m in t["quote_mentions"]:
        out[m["source_id"]]["quotes"].append({**m, "speaker_names": names.get(m["speaker_id"], set()),
                                              "group": m["quote_id"]})
    for m in t["event_mentions"]:
        e = evs[m["event_id"]]
        out[m["source_id"]]["events"].append({**m, "event_type": e["event_type"], "group": m["event_id"]})
    return out


def _num(x):
    return None if x is None else float(x)


def _match(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by descending score (score None: no match)."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((-s, i, j))
    pairs, gi, pj = [], set(), set()
    for _, i, j in sorted(cands):
        if i not in gi and j not in pj:
            pairs.append((i, j))
            gi.add(i)
            pj.add(j)
    return pairs


def _figure_score(g, p):
    same = (g["kind"] == p["kind"] and _num(g["value"]) == p["value"]
            and _num(g.get("value_high")) == p["value_high"] and g["unit"] == p["unit"]
            and (g.get("per") or None) == p["per"])
    return 1 if same else None


def _quote_score(g, p):
    s = fuzz.ratio(normalise_quote(g["text"]), normalise_quote(p["text"]))
    return s if s >= QUOTE_SIMILARITY else None


def _event_score(g, p):
    """None: no match; else higher for the same date and for the same sentence (a
    tie-break, so that of two reports of one type and date each is matched to its own)."""
    if g["event_type"] != p["event_type"]:
        return None
    ge = (g.get("evidence") or "").strip()
    same_sentence = 0.5 if ge and (ge in p["evidence"] or p["evidence"] in ge) else 0
    gd, gp = (str(g["event_date"]) if g.get("event_date") else None), g["date_precision"]
    if gp == "unknown" or not gd:
        return 1 + same_sentence
    if not p["event_date"]:
        return None
    w = window(gd, gp)
    d = dt.date.fromisoformat(p["event_date"])
    if not (w[0] <= d <= w[1]):
        return None
    return (2 if p["event_date"] == gd else 1) + same_sentence


def _prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": n_gold, "predicted": n_pred, "matched": tp}


def _pair_f1(matched: list[tuple[str, str]]) -> dict:
    """Grouping quality over pairs of matched mentions: (gold group, predicted group)."""
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in combinations(matched, 2):
        same_g, same_p = g1 == g2, p1 == p2
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pair_precision": round(p, 4), "pair_recall": round(r, 4),
            "pair_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _ratio(n, d):
    return round(n / d, 4) if d else 1.0


def _matched(gold, pred, section, score_fn):
    """Matched (source, gold index, gold item, predicted item) over all sources, and
    the counts for precision and recall."""
    pairs, n_pred, n_gold = [], 0, 0
    for sid, g in gold.items():
        gl, pl = g[section] or [], pred.get(sid, {}).get(section, [])
        n_pred, n_gold = n_pred + len(pl), n_gold + len(gl)
        pairs += [(sid, i, gl[i], pl[j]) for i, j in _match(gl, pl, score_fn)]
    return pairs, _prf(len(pairs), n_pred, n_gold)


def _groups(pairs):
    return [(g.get("group") or f"{sid}:{i}", p["group"]) for sid, i, g, p in pairs]


def _speaker_ok(g, p) -> bool:
    gs = (g.get("speaker") or "").casefold()
    return gs in p["speaker_names"] if gs else not p["speaker_id"]


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    fig, fig_prf = _matched(gold, pred, "figures", _figure_score)
    quo, quo_prf = _matched(gold, pred, "quotes", _quote_score)
    evt, evt_prf = _matched(gold, pred, "events", _event_score)
    n = len
    return {
        "figures": {**fig_prf,
                    "qualifier_accuracy": _ratio(sum(g["qualifier"] == p["qualifier"] for *_, g, p in fig), n(fig)),
                    "measure_accuracy": _ratio(sum((g.get("measure") or "").strip().lower() == (p["measure"] or "")
                                                   for *_, g, p in fig), n(fig))},
        "quotes": {**quo_prf, "speaker_accuracy": _ratio(sum(_speaker_ok(g, p) for *_, g, p in quo), n(quo)),
                   **_pair_f1(_groups(quo))},
        "events": {**evt_prf,
                   "date_accuracy": _ratio(sum((str(g["event_date"]) if g.get("event_date") else None)
                                               == p["event_date"] for *_, g, p in evt), n(evt)),
                   "precision_accuracy": _ratio(sum(g["date_precision"] == p["date_precision"]
                                                    for *_, g, p in evt), n(evt)),
                   **_pair_f1(_groups(evt))},
    }


def evaluate(data_dir: Path) -> dict:
    from .build import build
    out = {"shipped": score(load_gold(GOLD / "shipped"), load_predictions(data_dir))}
    with tempfile.TemporaryDirectory() as tmp:
        for name, raw in CORPORA.items():
            layout = Layout.build(raw, Path(tmp) / name)
            build(layout, publish=False, opts=Options(jobs=1, quiet=True))
            out[name] = score(load_gold(GOLD / name), load_predictions(layout.data))
    return out


def run(layout: Layout, opts: Options = Options()) -> None:
    metrics = evaluate(layout.data)
    atomic_write({layout.reports / "metrics.json": json.dumps(metrics, indent=2, sort_keys=True) + "\n"})
