"""Events: a happening (typed by general trigger words) anchored in the same
sentence by a temporal expression, dated against the publication date, with its
status, actor and place. Pure."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import lexicon, timex
from .entities import ArticleEntities

_ACTOR_TYPES = ("organisation", "person", "government_body", "group")
# who the "actor" is depends on the happening: the attacker for an attack, etc.
_ACTOR_BY_TYPE = {"cyber_attack": ("group",), "data_compromised": ("group",),
                  "responsibility_claimed": ("group", "organisation"),
                  "government_support": ("government_body", "person", "organisation"),
                  "official_visit": ("person", "government_body")}


@lru_cache(maxsize=None)
def _triggers():
    out = []
    for order, (etype, pats) in enumerate(lexicon.load("events")["triggers"].items()):
        for p in pats:
            out.append((etype, order, re.compile(p, re.I)))
    return out


@lru_cache(maxsize=None)
def _verbs():
    lx = lexicon.load("events")
    reporting = set(lexicon.load("speech")["verbs"])
    irregular = lexicon.alternation(lx["happening_verbs"])
    return (re.compile(rf"{irregular}|\b[a-z]{{3,}}ed\b"), reporting | set(lx["not_happenings"]))


def _happening(text: str, ss: int, t, max_distance: int):
    """The verb a time phrase dates when no trigger word is near ("the boil notice
    was lifted at 4pm on Tuesday"): the last past-tense verb before it, not a
    reporting verb ("said on Tuesday" dates a saying, not a happening)."""
    verb, skip = _verbs()
    lo = max(ss, t.start - max_distance)
    found = [m for m in verb.finditer(text, lo, t.start) if m.group() not in skip]
    if not found or re.search(r"[;:]", text[found[-1].end():t.start]):
        return None
    m = found[-1]
    return ((t.start - m.end(), 99), m.start(), m.end(), "other")


def _clause_gaps(text: str, a: int, b: int) -> int:
    """Clause boundaries between two positions."""
    return len(re.findall(r"[;:]|,\s+(?:but|while|whilst|although|as|and|with)\b", text[min(a, b):max(a, b)]))


def extract(text: str, sentences: list[tuple[int, int]], ents: ArticleEntities,
            published: dt.date | None, years: list[int], after_penalty: int, clause_penalty: int,
            max_distance: int) -> list[dict]:
    """A time phrase usually follows the verb it dates ("resumed on Monday"): a trigger
    after the phrase costs `after_penalty` characters of distance unless the phrase
    opens its clause ("On Monday, ..."); each clause boundary between them costs
    `clause_penalty`. A time phrase with no trigger within `max_distance` dates the
    happening its nearest verb names, typed `other`."""
    out = []
    for ss, se in sentences:
        sentence = text[ss:se]
        txs = timex.find(text, ss, se)
        if not txs:
            continue
        trig = []
        for etype, order, pat in _triggers():
            for m in pat.finditer(text, ss, se):
                trig.append((m.start(), m.end(), etype, order))
        # a trigger inside a longer one of another type gives way to it
        trig = [t for t in trig if not any(o[0] <= t[0] and t[1] <= o[1] and (o[1] - o[0]) > (t[1] - t[0])
                                           and o[2] != t[2] for o in trig)]
        anchored = []
        for t in txs:
            best = None
            for a, b, etype, order in trig:
                if a < t.end and b > t.start:
                    continue
                dist = (t.start - b) if b <= t.start else (a - t.end)
                if a >= t.end and not re.search(r"(?:^|[,;:]\s*)$", text[ss:t.start]):
                    dist += after_penalty
                key = (dist + clause_penalty * _clause_gaps(text, min(b, t.start), max(a, t.end)), order)
                if best is None or key < best[0]:
                    best = (key, a, b, etype)
            if best is None or best[0][0] > max_distance:
                best = _happening(text, ss, t, max_distance)
            if best is not None:
                etype = best[3]
                if etype == "operations_halted" and t.lead.startswith(("until", "till")):
                    etype = "halt_extended"   # "postponed all exams until at least 30 May"
                anchored.append((best[0], t, best[1], best[2], etype))
        # a trigger is dated by its nearest time phrase only ("Today ... will reopen
        # next week": the reopening is dated by "next week")
        nearest = {}
        for key, t, a, b, etype in anchored:
            if (a, etype) not in nearest or key < nearest[(a, etype)][0]:
                nearest[(a, etype)] = (key, t)
        for key, t, a, b, etype in anchored:
            if nearest[(a, etype)][1] is not t:
                continue
            # tense: the words from just before the trigger to the date phrase
            lo, hi = max(ss, min(a, t.start) - 25), max(b, t.end)
            clause = text[lo:t.start] + " " + text[t.end:hi]   # without the date ("9 May")
            future = bool(timex.FUTURE.search(clause))
            earlier = [x for x in txs if x.end <= t.start]
            before = timex.resolve(earlier[-1], published, years) if earlier else None
            date, precision = timex.resolve(t, published, years, ahead=future, before=before)
            planned = future or (t.inherently_future and etype != "halt_extended")
            if planned and date and published and not t.inherently_future \
                    and timex.window(date, precision)[1] < published:
                planned = False   # "could" about a date already past
            if date and published and timex.window(date, precision)[0] > published:
                planned = True    # nothing dated after publication has happened yet
            status = "planned" if planned else "occurred"
            mentions = ents.in_span(ss, se)
            want = _ACTOR_BY_TYPE.get(etype, _ACTOR_TYPES)
            before = [m for m in mentions if m[1] <= a and ents.type_of(m[3]) in want]
            actor = min(before, key=lambda m: (want.index(ents.type_of(m[3])), a - m[1]))[3] if before else None
            place = next((m[3] for m in mentions if ents.type_of(m[3]) == "place"), None)
            out.append({"char_start": ss, "char_end": se, "evidence": sentence,
                        "date_text": t.text, "event_type": etype, "event_date": date,
                        "date_precision": precision, "status": status,
                        "actor": actor, "place": place})
    return out
