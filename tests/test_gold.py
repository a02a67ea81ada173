"""The gold annotations are well formed: every quoted span is in its article and
every value is from the data model's vocabularies."""
import datetime as dt

import pytest
import yaml

from conftest import ROOT
from pipeline import evaluate, schema

SETS = {"shipped": ROOT / "raw", **evaluate.CORPORA}
FILES = [(s, p) for s, raw in SETS.items() for p in sorted((ROOT / "tests" / "gold" / s).glob("*.yaml"))]


def test_every_article_has_gold():
    for s, raw in SETS.items():
        articles = {p.stem for p in (raw / "articles").glob("*.txt")}
        gold = {p.stem for p in (ROOT / "tests" / "gold" / s).glob("*.yaml")}
        assert articles == gold, s
    assert len(list((SETS["devset"] / "articles").glob("*.txt"))) >= 8


@pytest.mark.parametrize("set_name, path", FILES, ids=[p.stem for _, p in FILES])
def test_gold_file(set_name, path):
    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (SETS[set_name] / "articles" / f"{g['source_id']}.txt").read_text(encoding="utf-8")
    for f in g["figures"]:
        assert f["surface"] in text
        assert f["kind"] in schema.FIGURE_KINDS and f["qualifier"] in schema.QUALIFIERS
        assert f.get("per") in (None,) + schema.PERS
        assert (f.get("value_high") is not None) == (f["qualifier"] == "range")
    for q in g["quotes"]:
        assert q["text"] in text and isinstance(q["is_partial"], bool)
    for e in g["events"]:
        assert e["evidence"] in text and e["date_text"] in e["evidence"]
        assert e["event_type"] in schema.EVENT_TYPES and e["status"] in schema.EVENT_STATUSES
        assert e["date_precision"] in schema.DATE_PRECISIONS
        if e.get("event_date"):
            dt.date.fromisoformat(str(e["event_date"]))
        else:
            assert e["date_precision"] == "unknown"


def test_an_event_is_matched_to_the_gold_report_of_its_own_sentence():
    def ev(evidence, **kw):
        return {"event_type": "other", "event_date": "2026-03-03", "date_precision": "day", "evidence": evidence, **kw}
    gold = [ev("Shoppers queued on Tuesday morning."), ev("Shares fell on Tuesday.")]
    pred = [dict(ev("Shares fell on Tuesday."), event_date="2026-03-03")]
    assert evaluate._match(gold, pred, evaluate._event_score) == [(1, 0)]
