"""On arbitrary text the per-article extraction never raises and every span it
reports slices the text exactly."""
import signal

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import EXTRACT, HEADING
from pipeline import extract, segments

NEWSY = st.sampled_from([
    "The firm said", " “", "”", " ‘", "’", '"', "«", "»", "'", " £1.5bn", " 34,000 people", " a day",
    " on Monday, 6 October", " last week", " over the weekend", " per cent", " Mr Smith", " Jane Doe,",
    " chief executive of Acme Ltd", " said:", " he added.", "\n\n", "\n", " | PA", "Most Read\n",
    " date 2025-01-02 ", " - ", " 2TB", " between 5 and 10", " attack", " resumed", " until at least May 3",
    ". ", ", ", " the company", " It", " 1,000\n\ncars", " (ACME)", " Acme’s", " don’t",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(NEWSY, max_size=60).map("".join))


def check(text):
    spans = segments.classify(text, HEADING)
    out = extract.extract_article("x", text, "2025-01-15", spans, EXTRACT)
    for f in out["figures"]:
        assert text[f["char_start"]:f["char_end"]] == f["surface"]
        assert f["value_high"] is None or f["value_high"] >= f["value"]
    for q in out["quotes"]:
        assert text[q["char_start"]:q["char_end"]] == q["text"]
    for e in out["events"]:
        assert text[e["char_start"]:e["char_end"]] == e["evidence"]
    for m in out["entity_mentions"]:
        assert text[m["char_start"]:m["char_end"]] == m["surface"]
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end].strip() == text[s.start:s.end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("0:0:0”  said:")   # a closing mark, then only blanks before the reporting verb
@given(TEXT)
def test_extraction_never_raises_and_spans_slice(text):
    check(text)


ADVERSARIAL = {
    "100,000 quote marks": "“" * 100_000,
    "mixed marks": "”‘’«»„\"'" * 20_000,
    "a 1 MB line": ("The firm said £5m was lost on Monday, up 12% on last week. " * 20_000)[:1_000_000],
    "a 10,000-digit number": "It cost £" + "9" * 10_000 + " in total.",
    "repeated currency symbols": "£$€" * 50_000 + "5",
    "unbalanced quotes over 1,000 paragraphs": "“Unclosed quote, said Jane Smith.\n\n" * 1_000,
    "repeated names": "Acme Group Ltd of the Bank of " * 20_000,
    "repeated dates": "On Monday, 6 October until at least " * 5_000,
    "dates and triggers in one sentence": "The attack on Monday and the outage on 3 May and " * 4_000 + ".",
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_shapes_finish(name):
    """A hang guard, not a speed target: regex backtracking blow-up would never end."""
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail(f"{name}: no answer in 120 s"))
    signal.alarm(120)
    try:
        check(ADVERSARIAL[name])
    finally:
        signal.alarm(0)
