"""Events: a happening (typed by general trigger words) anchored in the same
sentence by a temporal expression, dated against the publication date, with its
status, actor and place. Pure."""
from __future__ import annotations

import bisect
import dataclasses
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
    determiner = re.compile(lexicon.alternation(lx["determiners"]) + r"\s+$", re.I)
    # verbs of saying date what was said, never a happening of their own
    skip = reporting | set(lx["saying_verbs"]) | set(lx["not_happenings"]) | set(lx["not_verbs"])
    return re.compile(rf"{irregular}|\b[a-z]{{3,}}ed\b"), skip, determiner


@lru_cache(maxsize=None)
def _saying():
    """A verb of saying right before a time phrase: "said on Tuesday", "confirmed Friday"."""
    return re.compile(rf"{lexicon.alternation(lexicon.load('events')['saying_verbs'])}\s+$")


# between a saying's date and a trigger: what keeps the trigger from being what was
# said to have happened: a denial ("said on Monday that none of its flights had been
# cancelled"), a relative clause ("the patient, who had been transferred after her
# ward was closed") or another clause; and a plan just before it ("would reopen")
_NOT_SAID_DONE = re.compile(r"\b(?:no|none|not|never|nothing|neither|nor)\b|n[’']t\b|\b(?:who|whose|which)\b|;|:(?!\d)")
_PLAN_BEFORE = re.compile(r"\b(?:would|will|to|should)\s+(?:not\s+)?(?:be\s+)?$")


def _in_quote(text: str, lo: int, hi: int) -> bool:
    """Whether position hi is inside a quotation opened after lo (an apostrophe in a
    word, "the company’s", closes nothing)."""
    opens = [m.start() for m in re.finditer(r"[“«]|‘(?=\w)|(?<![\w.,])\"", text[lo:hi])]
    closes = [m.start() for m in re.finditer(r"[”»]|’(?!\w)|(?<=[\w.,])\"", text[lo:hi])]
    return bool(opens) and (not closes or opens[-1] > closes[-1])


# a semicolon or colon ends a clause; the colon of a time ("at 2:40 a.m.") does not
_PAUSE = re.compile(r";|:(?!\d)")
# a verb of its own between a far trigger and a closing date: the date is that verb's
_VERB_BETWEEN = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had)\b")
# a date that a noun owns: "since its election in July", "the failure in August 2023"
_OF_NOUN = re.compile(r"\b(?:since|of|after|before|following)\s+(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,6}$")
# a part of the day or a clock time: "later on Tuesday", "at 6pm on Monday"
_SAME_DAY = re.compile(r"\b(?:later|morning|afternoon|evening|night|tonight)\b|\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d[:.]\d\d", re.I)
# a past verb between a plan's marker and a date: the date is that verb's
_PAST_AUX = re.compile(r"\b(?:was|were|had)\b")
# a claim denied or asked about is no claim; neither is one nobody has made
_NO_CLAIM = re.compile(r"\b(?:no|not|never|denied|denies|deny|whether|if)\b(?:\s+[\w’'-]+){0,4}\s*$", re.I)
_IN_RELATIVE = re.compile(r"\b(?:who|whose|which|that)\b[^,;]{0,40}$")
_CLOSES = re.compile(r"[\s.!?\"”’)]*")
_POSSESSIVE = re.compile(r"[’']s\s+")
_LATE = re.compile(r"\W*(?:late|early)(?:\s+on)?\s+", re.I)
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:been\s+)?(?:[a-z]+ly\s+)?$")
_PLANNED_VERB = re.compile(r"\b(?:will|would|to)\s+(?:be\s+)?(?P<v>[a-z]{3,})\b")


def _happening(text: str, ss: int, se: int, t, max_distance: int, opens_clause: bool, saying: bool,
               closing: bool = False):
    """The verb a time phrase dates when no trigger word is near ("the boil notice
    was lifted at 4pm on Tuesday"): the last past-tense verb before it, not a
    reporting verb ("said on Tuesday" dates a saying, not a happening); for a phrase
    that opens its clause ("In October, a fault delayed sailings"), the first verb
    after it; for the date of a saying ("said on Sunday it had cut access"), the first
    verb of what was said, before any verb ahead of the saying; for the only time
    phrase, closing its sentence, the sentence's first verb outside a relative clause
    however far ("The fire began in a storeroom on the second floor of the depot, run
    by a logistics firm, late on Monday.")."""
    verb, skip, determiner = _verbs()

    def verbs(lo, hi):
        # an -ed word right after a determiner describes a noun ("the unprotected database")
        found = [m for m in verb.finditer(text, lo, hi) if m.group() not in skip
                 and not determiner.search(text, max(0, m.start() - 8), m.start())]
        # a plan: "will vote on 25 March", "is scheduled to testify on 12 December"
        found += [m for m in _PLANNED_VERB.finditer(text, lo, hi) if m.group("v") not in skip]
        return sorted(found, key=lambda m: m.end())
    def after(done: bool = False):
        found = verbs(t.end, min(se, t.end + max_distance))
        if done:   # what a saying reports as done: "said on Sunday it had cut access"
            found = [m for m in found if _PERFECT.search(text, max(ss, m.start() - 20), m.start())
                     and not _NOT_SAID_DONE.search(text, t.end, m.start()) and not _in_quote(text, t.end, m.start())
                     and not re.match(r"\s+(?:no|nothing|none)\b", text[m.end():m.end() + 9])]
        if found and not _PAUSE.search(text[t.end:found[0].start()]):
            m = found[0]
            return ((m.start() - t.end, 99), m.start(), m.end(), "other")
        return None
    if saying and (said := after(done=True)):
        return said
    found = verbs(max(ss, t.start - max_distance), t.start)
    if found and not _PAUSE.search(text[found[-1].end():t.start]):
        m = found[-1]
        return ((t.start - m.end(), 99), m.start(), m.end(), "other")
    if closing and not _PAUSE.search(text, ss, t.start):
        main = [m for m in verbs(ss, t.start) if not _IN_RELATIVE.search(text, max(ss, m.start() - 45), m.start())]
        if main:
            return ((t.start - main[0].end(), 99), main[0].start(), main[0].end(), "other")
    return after() if opens_clause else None


# what may stand between two time phrases of one verb ("reopened on 3 May, the café
# on 5 May"): no clause word
_GAP_CLAUSE = re.compile(r"\b(?:which|who|whom|whose|that|when|where|because|after|before|while|but|although|"
                         r"though|since|until|as|if|said|says|told|is|are|was|were|be|been|being|has|have|had|"
                         r"will|would|could|can|may|might|must|should|shall|did|do|does)\b|[;:()“”\"]")


def _gapped(text: str, txs, chosen: list[tuple], trig: list[tuple]) -> list[tuple]:
    """The anchored happenings, plus those a list leaves the verb out of: a time phrase
    with no trigger of its own (or only a bare verb's), after a comma or "and" that
    follows a time phrase of a trigger, with no verb or clause between, is another of
    that happening ("The library reopened on 3 May, the café on 5 May, and the pool
    last week"; "paid 400 staff on Monday and the rest on Tuesday")."""
    by_t = {id(x[1]): x for x in chosen}
    verb, _, _ = _verbs()
    adjectives = set(lexicon.load("events")["not_happenings"])   # "affected", "expected": no verbs here
    out = list(chosen)
    prev = None
    for t in txs:
        mine = by_t.get(id(t))
        if prev is not None and (mine is None or mine[0][1] == 99):
            key, pt, a, b, etype = prev
            gap = text[pt.end:t.start]
            # ... nor a clause of its own after it ("and on Tuesday the firm said ...")
            rest = re.match(r"[^,;.]*", text[t.end:t.end + 120]).group()
            if len(gap) <= 90 and re.search(r",|\band\b", gap) \
                    and not any(_GAP_CLAUSE.search(x) or any(m.group() not in adjectives for m in verb.finditer(x))
                                for x in (gap, rest)) \
                    and not any(pt.end <= x[0] < t.start for x in trig):
                if mine is not None:
                    out.remove(mine)
                mine = (key, t, a, b, etype)
                out.append(mine)
        prev = mine if mine is not None and mine[0][1] != 99 else None
    return sorted(out, key=lambda x: x[1].start)


def _outermost(trig: list[tuple]) -> list[tuple]:
    """Triggers (start, end, type, order) without those inside a longer one of another
    type ("claimed responsibility for the hack" is no hack). One sweep in start
    order, keeping the reach of the furthest-reaching trigger and of the furthest of
    another type."""
    out, best = [], []   # best: up to two (end, type, length), different types
    for t in sorted(trig, key=lambda x: (x[0], -x[1])):
        if not any(end >= t[1] and typ != t[2] and length > t[1] - t[0] for end, typ, length in best):
            out.append(t)
        cand = (t[1], t[2], t[1] - t[0])
        merged = sorted(best + [cand], key=lambda x: -x[0])
        best = [merged[0]] + [x for x in merged[1:] if x[1] != merged[0][1]][:1]
    return out


# a state that lasted and is over: "until" then dates its end in the past
_PAST_STATE = re.compile(r"\b(?:remained|stayed|lasted|continued|persisted)\b")
# happenings that last, which an "until" phrase can end
_STATES = ("halt_extended", "operations_halted", "systems_shutdown")
# a noun trigger after its date but introduced as a cause or a topic ("after the
# attack", "questions about the breach", "recovery from the attack") is not what the
# date dates
_CAUSE = re.compile(r"\b(?:after|since|following|before|about|into|over|amid|from)\s+(?:the|a|an|its|their|this|that)\s+"
                    r"(?:(?!(?:was|were|is|are|been|be|had|has|have)\b)[\w-]+\s+){0,2}$")
# "the attack", "this breach" after a date refer back to the attack; the date dates
# what is said of it, when something else is said near it
_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?$")
# "will publish its annual results", "is due to announce its results",
# "reports its results" (a timetable): the modal governs the trigger its verb takes
_MODAL_VERB_BEFORE = re.compile(r"(?:\b(?:will|shall|(?:is|are)\s+(?:scheduled|due|set|expected)\s+to)\s+(?:not\s+)?[a-z]+\s+"
                                r"|\b(?:reports|publishes|releases|announces)\s+(?=(?:its|their)\s))"
                                r"(?:(?!(?:whether|if|that|how|why|what|when)\b)[\w-]+\s+){0,2}$")
# words that start another clause: a "would" before them does not reach a date after them
_SUBORDINATE = re.compile(r"[,;:]|\b(?:after|since|when|because|before|as|until|while|but|once|was|were|had)\b")
# "would normally close", "would have been": no plan
_NO_PLAN = re.compile(r"\s+(?:normally|usually|often|typically|always|have)\b")
# a plan said inside a relative clause ("the café that opens at 7am was closed on
# Sunday", "the minister, who said she would visit on Wednesday, toured it")
# ("said that the system would be back on Monday" is a plan: "that" before a subject)
_RELATIVE = re.compile(r"(?:\b(?:who|which)\b[^,;]{0,40}|\bthat\s+)$")
# a supplier: the subject named as one ("The supplier, Acme Data, ..."; not an energy
# or water supplier, which serves the public), making or supplying for a named
# organisation ("which makes half of Northfield's bottles"), or acting for all its
# clients; not one that runs a town's buses, nor a contractor blamed in passing
_SUPPLIER = re.compile(r"^\W*(?:The|A|Its|One)\s+(?:(?!" + lexicon.alternation(lexicon.load("events")["public_supplies"], False)
                       + r"\b)[\w-]+\s+){0,2}supplier\b"
                       r"|\bwhich\s+(?:supplies|provides|makes)\s+(?:[\w-]+\s+){0,4}?[A-Z][\w-]*[’']s\b"
                       r"|\bfor\s+all\s+(?:\d+\s+)?(?:of\s+)?(?:its\s+)?(?:\d+\s+)?clients\b|\bother\s+clients\b")
_CLAUSE_BOUNDARY = re.compile(r";|:(?!\d)|,\s+(?:but|while|whilst|although|as|and|with)\b")


def _until(text: str, ss: int, t) -> bool:
    """The phrase ends a state: "until Friday", or US "through Friday" in a plan ("will
    stay free through at least Friday"; "worked through Monday night" is a past date)."""
    return t.until or (t.lead.startswith("through") and bool(timex.FUTURE.search(text, ss, t.start)))


def _modal_governs(text: str, ss: int, a: int, b: int, t) -> bool:
    """"will publish its annual results on 9 March": a modal whose verb takes the
    trigger puts it ahead; not a past happening it names ("will question the man
    arrested on Saturday") nor one between the trigger and the date."""
    verb, _, _ = _verbs()
    return b <= t.start and not verb.fullmatch(text[a:b].split()[-1]) \
        and not verb.search(text, b, t.start) and bool(_MODAL_VERB_BEFORE.search(text, max(ss, a - 60), a))


def _weekday_ahead(text: str, ss: int, lo: int, a: int, t, first: bool) -> bool:
    """A bare weekday is ahead after a plan's marker ("would resume on Thursday", "the
    scheme opens on Monday") or "for" ("cancelled for Tuesday"), unless the sentence
    says the plan from the past: a clause word or a past tense between them, a relative
    clause, an earlier date for the saying ("Last Friday the council said ... would
    resume on Monday"), or a weekday that is a possessive or followed by ", when"."""
    if not first or re.match(r"(?:’s|'s|,\s+when\b)", text[t.end:t.end + 7]):
        return False
    markers = list(timex.MAYBE_AHEAD.finditer(text, lo, t.start))
    if markers:
        m = markers[-1]
        return not (_SUBORDINATE.search(text, m.end(), t.start) or _NO_PLAN.match(text, m.end())
                    or _RELATIVE.search(text, ss, m.start()))
    return text[max(ss, t.start - 4):t.start] == "for " and not re.search(r"\b(?:was|were)\s+(?:\w+\s+)?$", text[ss:a])


def extract(text: str, sentences: list[tuple[int, int]], ents: ArticleEntities,
            published: dt.date | None, years: list[int], after_penalty: int, clause_penalty: int,
            max_distance: int) -> list[dict]:
    """A time phrase usually follows the verb it dates ("resumed on Monday"): a trigger
    after the phrase costs `after_penalty` characters of distance unless the phrase
    opens its clause ("On Monday, ..."); each clause boundary between them costs
    `clause_penalty`. A time phrase with no trigger within `max_distance` dates the
    happening its nearest verb names, typed `other`."""
    out = []
    told = None   # the last day the article told, which "the same day" and "at 3pm" are on
    for ss, se in sentences:
        sentence = text[ss:se]
        txs = timex.find(text, ss, se)
        if not txs:
            continue
        resolved = {}
        # a sentence about a supplier ("Acme, which makes half of Northfield's bottles,
        # idled a line on Wednesday"): what it halts is the supplier's
        supplier = bool(_SUPPLIER.search(text[ss:se]))
        trig = []
        for etype, order, pat in _triggers():
            for m in pat.finditer(text, ss, se):
                trig.append((m.start(), m.end(), etype, order))
        # a lone -ed trigger after a determiner describes a noun ("restarted its postponed
        # exams"), unless that noun opens the sentence ("The cancelled flights on Monday ...")
        _, _, determiner = _verbs()
        trig = [x for x in _outermost(trig) if not (
            text.endswith("ed", x[0], x[1]) and " " not in text[x[0]:x[1]]
            and (d := determiner.search(text, max(ss, x[0] - 8), x[0])) and text[ss:d.start()].strip())]
        # linear in the sentence: clause boundaries counted by bisection, and only
        # triggers within reach of each time phrase considered
        bounds = [m.start() for m in _CLAUSE_BOUNDARY.finditer(text, ss, se)]
        first_maybe_ahead = next((m.start() for m in timex.MAYBE_AHEAD.finditer(text, ss, se)), se)
        trig.sort()
        starts = [x[0] for x in trig]
        reach = max_distance + 200
        anchored = []
        order_of = {id(t): i for i, t in enumerate(txs)}
        for t in txs:
            best = None
            k = t.start
            while k > ss and text[k - 1].isspace():
                k -= 1
            # "On Monday, ..." / "..., on Monday" / "Late on Sunday, ..."
            opens_clause = k == ss or text[k - 1] in ",;:" or bool(_LATE.fullmatch(text, ss, t.start))
            # "said on Tuesday that ...": the date of a saying dates what was said, in
            # the words after it however long the subject ("confirmed Friday that
            # the names and addresses of some of its past and present staff ... were
            # stolen")
            saying = bool(_saying().search(text, max(ss, t.start - 14), t.start))
            possessive = len(pm.group()) if (pm := _POSSESSIVE.match(text, t.end)) else 0
            lo = bisect.bisect_left(starts, t.start - reach)
            hi = bisect.bisect_right(starts, t.end + reach)
            near = trig[lo:hi]
            if _until(text, ss, t) and any(x[2] in _STATES for x in near):
                near = [x for x in near if x[2] in _STATES]   # "until" dates a state, not an attack
            # another kind of happening near the date ("the attack" then gives way to it)
            kinds = {x[2] for x in near if not (x[0] < t.end and x[1] > t.start)
                     and min(abs(x[0] - t.end), abs(t.start - x[1])) <= max_distance}
            for a, b, etype, order in near:
                if a < t.end and b > t.start:
                    continue
                if a >= t.end and not text.endswith("ed", a, b) and _CAUSE.search(text, max(t.end, a - 40), a):
                    continue   # "closed on Monday after the attack": the date is the closure's
                if a >= t.end and _ANAPHOR.search(text, max(ss, a - 20), a) and (
                        (etype == "cyber_attack" and kinds - {etype})
                        or (kinds - {etype, "cyber_attack"} and re.fullmatch(r"[a-z]+(?<!ed)(?<!ing)", text[a:b]))):
                    # "said on Monday that the breach would cost £8m", "that the outage
                    # was costing retailers £2m": the noun names what is old news (an
                    # attack gives way to the rest, the rest only to one another)
                    continue
                if etype == "responsibility_claimed" and _NO_CLAIM.search(text, max(ss, a - 40), a):
                    continue
                if saying and a >= t.end and (_NOT_SAID_DONE.search(text, t.end, a)
                                              or _PLAN_BEFORE.search(text, max(t.end, a - 20), a)):
                    continue
                dist = (t.start - b) if b <= t.start else (a - t.end)
                if possessive and a == t.end + possessive:
                    dist = 0   # "last week's cyberattack", "Monday's outage": the date is the noun's
                elif a >= t.end and not (opens_clause or saying):
                    dist += after_penalty
                x, y = min(b, t.start), max(a, t.end)
                gaps = bisect.bisect_left(bounds, y) - bisect.bisect_left(bounds, x)
                key = (dist + clause_penalty * gaps, order)
                if best is None or key < best[0]:
                    best = (key, a, b, etype)
            said = best is not None and saying and best[1] >= t.end
            # the only time phrase, closing its sentence, dates its main clause however long
            closing = len(txs) == 1 and bool(_CLOSES.fullmatch(text, t.end, se)) \
                and not _OF_NOUN.search(text, max(ss, t.start - 60), t.start)
            kept = said or (closing and best is not None and best[2] <= t.start
                            and not _PAUSE.search(text, best[2], t.start)
                            and not _IN_RELATIVE.search(text, max(ss, best[1] - 45), best[1])
                            and not _VERB_BETWEEN.search(text, best[2], t.start))
            if (best is None or (best[0][0] > max_distance and not kept)) and t.kind not in timex.TOLD_BEFORE:
                # (a time of day or "the same day" with no trigger near mostly adds a
                # detail to a day already told: "the vans were out by 7am that day")
                best = _happening(text, ss, se, t, max_distance, opens_clause, saying, closing)
            elif best is not None and best[0][0] > max_distance and not kept:
                best = None
            if best is not None:
                etype = best[3]
                if _until(text, ss, t) and (etype == "operations_halted" or (
                        etype == "systems_shutdown" and re.search(r"\b(?:remain|stay)", text[best[1]:best[2]]))):
                    # "postponed all exams until at least 30 May", "systems will stay offline until 5 May"
                    etype = "halt_extended"
                # (of `other`, only a bare verb: "idled a line", not a share price)
                if supplier and (etype in ("operations_halted", "systems_shutdown")
                                 or (etype == "other" and best[0][1] == 99)):
                    etype = "supplier_impact"
                anchored.append((best[0], t, best[1], best[2], etype))
        # a trigger is dated by its nearest time phrase only ("Today ... will reopen
        # next week": the reopening is dated by "next week")
        nearest = {}
        for key, t, a, b, etype in anchored:
            if (a, etype) not in nearest or key < nearest[(a, etype)][0]:
                nearest[(a, etype)] = (key, t)
        chosen = [x for x in anchored if nearest[(x[2], x[4])][1] is x[1]]
        for key, t, a, b, etype in _gapped(text, txs, chosen, trig):
            # tense: the words from just before the trigger to the date phrase
            lo, hi = max(ss, min(a, t.start) - 25), max(b, t.end)
            markers = list(timex.FUTURE.finditer(text, lo, t.start))
            # "should be investigated by the regulator, which was told of it on 2 March":
            # a past verb after the marker dates its own clause
            future = (bool(markers) and not _PAST_AUX.search(text, markers[-1].end(), t.start)) \
                or bool(timex.FUTURE.search(text, t.end, hi)) or _modal_governs(text, ss, a, b, t)
            i = order_of[id(t)]
            if not future and t.kind in ("weekday", "weekend") and not t.parts.get("rel"):
                future = _weekday_ahead(text, ss, lo, a, t, first=i == 0)
            # "remained closed until 12 May", "was down until Thursday, when it was fixed":
            # a state that has ended, its "until" dated like any past date
            ended = _until(text, ss, t) and not future and bool(
                _PAST_STATE.search(text, max(ss, t.start - 60), t.start)
                or re.match(r",\s+when\b", text[t.end:t.end + 8]))
            if ended:
                t = dataclasses.replace(t, lead="")
            before = timex.resolve(txs[i - 1], published, years, maybe_ahead=first_maybe_ahead < txs[i - 1].start) \
                if i and txs[i - 1].end <= t.start else told
            # "would" or a timetable anywhere before the date in its sentence, or "for" a
            # date; not a state that has ended
            maybe_ahead = not ended and (first_maybe_ahead < t.start or text[max(ss, t.start - 4):t.start] == "for ")
            date, precision = timex.resolve(t, published, years, ahead=future, before=before,
                                            maybe_ahead=maybe_ahead)
            resolved[id(t)] = (date, precision)
            if t.kind == "weekday" and future and published and date == (published + dt.timedelta(days=7)).isoformat() \
                    and not t.parts.get("rel") and not _until(text, ss, t) \
                    and _SAME_DAY.search(text, max(ss, t.start - 14), min(se, t.end + 12)):
                date = published.isoformat()   # "later on Tuesday", "at 6pm on Monday": that day
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
            if etype == "supplier_impact":   # the supplier the sentence is about: its subject
                actor = before[0][3] if before else None
            else:
                actor = min(before, key=lambda m: (want.index(ents.type_of(m[3])), a - m[1]))[3] if before else None
            place = next((m[3] for m in mentions if ents.type_of(m[3]) == "place"), None)
            out.append({"char_start": ss, "char_end": se, "evidence": sentence,
                        "date_text": t.text, "event_type": etype, "event_date": date,
                        "date_precision": precision, "status": status,
                        "actor": actor, "place": place, "trigger": text[a:b]})
        for t in txs:
            day = resolved.get(id(t)) or timex.resolve(t, published, years, before=told)
            # (a plan's day is no day of the story told so far)
            if day[0] and day[1] == "day" and (published is None or day[0] <= published.isoformat()):
                told = day
    return out
