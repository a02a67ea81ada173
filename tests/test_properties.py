"""On arbitrary text the per-article extraction never raises and every span it
reports slices the text exactly."""
from hypothesis import HealthCheck, given, settings, strategies as st

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
    spans = segments.classify(text)
    out = extract.extract_article("x", text, "2025-01-15", spans)
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
@given(TEXT)
def test_extraction_never_raises_and_spans_slice(text):
    check(text)


def test_adversarial_shapes():
    for text in ["“" * 5000, "”‘’" * 3000, "£" * 3000 + "5", "9" * 5000, "'" * 4000,
                 ("“Unclosed quote in a paragraph.\n\n" * 300), "a " * 20000, "On Monday, " * 500]:
        check(text)
