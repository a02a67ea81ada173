"""Lines are body, heading, caption, credit, web furniture or dateline; only body
yields rows. Sentences split on punctuation, not on abbreviations."""
from conftest import HEADING
from pipeline import segments

PAGE = """ date 2025-05-14 The port was closed on Sunday after a cyber attack.
Port Attack Latest
Most Read
Don't Miss
Lorries queue outside the terminal
| PA
| PAThe operator said it was working with specialists.
Share this article
RELATED STORIES:
- Council tax to rise by 5% next year
- Man charged after motorway crash
Staff were sent home at 6am | Getty Images
The terminal handled about 2,000

lorries a day before the attack.
Sign up to our newsletter for the latest news.
Image Credit:
Harbour at dusk, photo by A. Person, licensed under CC BY 2.0
"""


def kinds():
    return [(s.kind, PAGE[s.start:s.end]) for s in segments.classify(PAGE, HEADING)]


def test_every_line_is_classified():
    got = kinds()
    assert got == [
        ("dateline", "date 2025-05-14"),
        ("body", "The port was closed on Sunday after a cyber attack."),
        ("heading", "Port Attack Latest"),
        ("furniture", "Most Read"),
        ("furniture", "Don't Miss"),
        ("caption", "Lorries queue outside the terminal"),
        ("credit", "| PA"),
        ("credit", "| PA"),
        ("body", "The operator said it was working with specialists."),
        ("furniture", "Share this article"),
        ("furniture", "RELATED STORIES:"),
        ("furniture", "- Council tax to rise by 5% next year"),
        ("furniture", "- Man charged after motorway crash"),
        ("caption", "Staff were sent home at 6am"),
        ("credit", "| Getty Images"),
        ("body", "The terminal handled about 2,000"),
        ("body", "lorries a day before the attack."),
        ("furniture", "Sign up to our newsletter for the latest news."),
        ("furniture", "Image Credit:"),
        ("furniture", "Harbour at dusk, photo by A. Person, licensed under CC BY 2.0"),
    ]


def test_a_line_broken_mid_sentence_is_one_paragraph():
    paras = segments.paragraphs(PAGE, segments.classify(PAGE, HEADING))
    assert "The terminal handled about 2,000\n\nlorries a day before the attack." in [PAGE[a:b] for a, b in paras]


def test_sentences_respect_abbreviations():
    text = "Mr. Smith met Dr Jones at 6 p.m. on Monday. It went well. “Good,” he said. U.S. firms agreed."
    got = [text[a:b] for a, b in segments.sentences(text, 0, len(text))]
    assert got == ["Mr. Smith met Dr Jones at 6 p.m. on Monday.", "It went well.", "“Good,” he said.",
                   "U.S. firms agreed."]


def test_a_long_standfirst_without_a_full_stop_is_no_body():
    text = ("Council cyber attack live\n\nCity council says it was hit in the early hours of Friday and asks "
            "residents not to call unless their enquiry is urgent\n\nThe council was hit on Friday.\n")
    got = [(s.kind, text[s.start:s.end]) for s in segments.classify(text, HEADING)]
    assert [k for k, _ in got] == ["heading", "heading", "body"]
