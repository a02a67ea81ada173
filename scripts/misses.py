"""What the extraction gets wrong on a gold-annotated corpus: the gold mentions no
prediction matched, the predictions that matched no gold mention, (quotes) the
matched ones given to another speaker, and (quotes, events) the gold groups the
matched mentions split or merge, by source.

    python scripts/misses.py holdout events        # a corpus of pipeline/evaluate.py's CORPORA
    python scripts/misses.py shipped quotes        # the shipped articles (data/)

Matching is evaluate's own, so what this lists is what the metrics count."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline import evaluate  # noqa: E402
from pipeline.build import build  # noqa: E402
from pipeline.config import ROOT, Layout  # noqa: E402
from pipeline.runner import Options  # noqa: E402

SCORE = {"figures": evaluate._figure_score, "quotes": evaluate._quote_score, "events": evaluate._event_score}
SHOW = {"figures": ("surface", "kind", "value", "unit", "per"),
        "quotes": ("text", "speaker", "speaker_text", "is_partial"),
        "events": ("event_type", "event_date", "date_precision", "status", "date_text", "evidence")}


def show(item: dict, section: str) -> str:
    return " | ".join(str(item.get(k))[:110] for k in SHOW[section] if k in item)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", choices=["shipped", *evaluate.CORPORA])
    ap.add_argument("section", choices=list(SCORE))
    a = ap.parse_args()
    gold = evaluate.load_gold(evaluate.GOLD / a.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        if a.corpus == "shipped":
            pred = evaluate.load_predictions(ROOT / "data")
        else:
            layout = Layout.build(evaluate.CORPORA[a.corpus], Path(tmp) / a.corpus)
            build(layout, publish=False, opts=Options(jobs=1, quiet=True))
            pred = evaluate.load_predictions(layout.data)
    matched = []   # (source, gold mention, predicted mention)
    for sid, g in sorted(gold.items()):
        gl, pl = g[a.section] or [], pred.get(sid, {}).get(a.section, [])
        pairs = evaluate._match(gl, pl, SCORE[a.section])
        matched += [(sid, gl[i], pl[j]) for i, j in pairs]
        missed = [gl[i] for i in range(len(gl)) if i not in {i for i, _ in pairs}]
        extra = [pl[j] for j in range(len(pl)) if j not in {j for _, j in pairs}]
        for item in missed:
            print(f"{sid}  MISSED  {show(item, a.section)}")
        for item in extra:
            print(f"{sid}  EXTRA   {show(item, a.section)}")
        if a.section == "quotes":   # matched, but said by someone else
            for i, j in pairs:
                if not evaluate._speaker_ok(gl[i], pl[j]):
                    print(f"{sid}  SPEAKER {show(gl[i], a.section)}  → predicted "
                          f"{sorted(pl[j]['speaker_names']) or None}")
    if a.section != "figures":
        by_gold, by_pred = {}, {}
        for sid, g, p in matched:
            if g.get("group"):
                by_gold.setdefault(g["group"], []).append((sid, g, p))
                by_pred.setdefault(p["group"], []).append((sid, g, p))
        for label, ms in sorted(by_gold.items()):
            if len({p["group"] for _, _, p in ms}) > 1:
                print(f"SPLIT   gold group {label}: " + "; ".join(f"{sid} → {p['group']}" for sid, _, p in ms))
        for label, ms in sorted(by_pred.items()):
            if len({g["group"] for _, g, _ in ms}) > 1:
                print(f"MERGED  {label}: " + "; ".join(f"{sid} {g['group']}" for sid, g, _ in ms))


if __name__ == "__main__":
    main()
