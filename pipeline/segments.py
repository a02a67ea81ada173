"""What each line of an article is (body, heading, caption, credit, web furniture,
dateline), and the body's paragraphs and sentences. Pure: text in, spans out."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

DATELINE = re.compile(r"\A ?date (\d{4}-\d{2}-\d{2})(?![\w-])")
TERMINAL = ".!?…:;"
CLOSERS = "”’\"»)]'“"   # “ closes a „low-high“ quote


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


@lru_cache(maxsize=None)
def _lex():
    lx = lexicon.load("furniture")
    credit = lexicon.alternation(lx["credits"], boundary=False)
    return {
        "lines": {s.lower() for s in lx["lines"]},
        "prefixes": tuple(s.lower() for s in lx["prefixes"]),
        "contains": tuple(s.lower() for s in lx["contains"]),
        "patterns": [re.compile(p) for p in lx["patterns"]],
        "headers": {s.lower() for s in lx["link_list_headers"]},
        "bullets": tuple(lx["bullets"]),
        # "| PA" / "|REUTERS/ACME" at the start of a line, maybe glued to body text
        "lead_credit": re.compile(rf"\|[ \t]*{credit}(?:/[A-Z][\w.-]*)*"),
        # "... after the outage | PA" at the end of a caption
        "tail_credit": re.compile(rf"[ \t]+\|[ \t]*{credit}(?:/[A-Z][\w.-]*)*[ \t]*\Z"),
        # an unknown credit alone on its line: "| Some Agency"
        "bare_credit": re.compile(r"\|[ \t]*[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,3}[ \t]*\Z"),
        # a wire dateline: "LONDON, May 2 (Reuters) -", "NASHVILLE, Tenn. (AP) —"; with
        # its date, any agency: "DUNMORE, Scotland, June 9 (Northwire) -"
        "wire": re.compile(rf"[A-Z][A-Z .'-]+(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)?"
                           rf"(?:,?[ ][A-Z][a-z]{{2,8}}\.?[ ]\d{{1,2}}[ ]?\((?:{credit}|[A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){{0,2}})\)"
                           rf"|[ ]?\((?:{credit})\))[ ]?[-—–]+[ ]?"),
        "verbs": re.compile(lexicon.alternation(lexicon.load("speech")["verbs"])),
    }


def dateline(text: str) -> re.Match | None:
    return DATELINE.match(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _norm(line: str) -> str:
    return line.strip().rstrip(":").strip().lower()


def _is_furniture(line: str) -> bool:
    lx = _lex()
    low = line.strip().lower()
    return (_norm(line) in lx["lines"] or low.startswith(lx["prefixes"])
            or any(c in low for c in lx["contains"]) or any(p.match(line.strip()) for p in lx["patterns"]))


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(CLOSERS)
    return bool(s) and s[-1] in TERMINAL


def _starts_lower(line: str) -> bool:
    s = line.lstrip(" \t“\"‘'«(")
    return bool(s) and s[0].islower()


def classify(text: str, heading_max_words: int) -> list[Span]:
    """Segments covering every non-empty line (leading/trailing blanks trimmed); a line
    without closing punctuation of at most `heading_max_words` words is a heading."""
    lx = _lex()
    lines = []  # (start, end) of non-empty lines, trimmed
    pos = 0
    for raw in text.split("\n"):
        s, e = _strip(text, pos, pos + len(raw))
        if s < e:
            lines.append((s, e))
        pos += len(raw) + 1

    out: list[Span] = []
    in_link_list = False
    after_colon_furniture = False
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        nxt = text[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""

        if i == 0 and s <= 1 and (m := DATELINE.match(text)):
            ds, de = _strip(text, 0, m.end())
            out.append(Span(ds, de, "dateline"))
            s, _ = _strip(text, m.end(), e)
            if s >= e:
                continue
            line = text[s:e]

        if (w := lx["wire"].match(line)):
            out.append(Span(*_strip(text, s, s + w.end()), "dateline"))
            s, _ = _strip(text, s + w.end(), e)
            if s >= e:
                continue
            line = text[s:e]

        m = lx["lead_credit"].match(line)
        if m and (m.end() == len(line) or line[m.end()].isupper() or line[m.end()].isspace()):
            out.append(Span(s, s + m.end(), "credit"))
            s, _ = _strip(text, s + m.end(), e)
            if s >= e:
                continue
            line = text[s:e]
        elif lx["bare_credit"].match(line):
            out.append(Span(s, e, "credit"))
            continue

        if in_link_list and line.startswith(lx["bullets"]):
            out.append(Span(s, e, "furniture"))
            continue
        in_link_list = False
        if _norm(line) in lx["headers"]:
            in_link_list = True
            out.append(Span(s, e, "furniture"))
            continue
        if _is_furniture(line):
            after_colon_furniture = line.rstrip().endswith(":")
            out.append(Span(s, e, "furniture"))
            continue
        if after_colon_furniture and not _ends_sentence(line):
            # the line a "Image Credit:"-style label introduces
            after_colon_furniture = False
            out.append(Span(s, e, "furniture"))
            continue
        after_colon_furniture = False

        if (t := lx["tail_credit"].search(line)):
            out.append(Span(s, s + t.start(), "caption"))
            cs, ce = _strip(text, s + t.start(), e)
            out.append(Span(cs, ce, "credit"))
            continue
        if line.endswith(":") and len(line.split()) <= 5 and not lx["verbs"].search(line):
            out.append(Span(s, e, "heading"))   # "Suggested topics:", "In numbers:"
        elif _ends_sentence(line) or _starts_lower(nxt):
            out.append(Span(s, e, "body"))
        elif nxt.startswith("|"):
            out.append(Span(s, e, "caption"))
        elif len(line.split()) <= heading_max_words:
            out.append(Span(s, e, "heading"))
        else:
            out.append(Span(s, e, "body"))
    return out


# ------------------------------------------------------------------ body structure

@lru_cache(maxsize=None)
def _abbrev():
    words = lexicon.load("abbreviations")["abbreviations"]
    return frozenset(words)


_BOUNDARY = re.compile(r"[.!?…]+[”’\"»)\]]*(?=\s+[“\"‘'«(\[]?[A-Z0-9£$€])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\Z")


def paragraphs(text: str, segments: list[Span]) -> list[tuple[int, int]]:
    """Body paragraphs; a body line continued by a body line starting in lower case
    ("about 2,000\\n\\nbuses a day.") is one paragraph."""
    out: list[list[int]] = []
    prev_end = None
    for sp in segments:
        if sp.kind != "body":
            prev_end = None
            continue
        if prev_end is not None and _starts_lower(text[sp.start:sp.end]) \
                and not _ends_sentence(text[out[-1][0]:prev_end]) \
                and text[prev_end:sp.start].strip() == "":
            out[-1][1] = sp.end
        else:
            out.append([sp.start, sp.end])
        prev_end = sp.end
    return [(s, e) for s, e in out]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end]."""
    out = []
    cur = start
    chunk = text[start:end]
    for m in _BOUNDARY.finditer(chunk):
        stop = start + m.end()
        w = _WORD_BEFORE.search(text, cur, start + m.start() + 1)
        word = w.group(1) if w else ""
        if m.group().startswith(".") and (word.rstrip(".") in _abbrev()
                                          or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]\.?", word)):
            continue
        s, e = _strip(text, cur, stop)
        if s < e:
            out.append((s, e))
        cur = stop
    s, e = _strip(text, cur, end)
    if s < e:
        out.append((s, e))
    return out
