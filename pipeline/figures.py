"""Figures: money, counts, percentages, durations and quantities stated in a sentence,
with qualifier, range, rate and measure. Dates, times, ordinals, labels, ages and
phone numbers are screened out first. Pure: sentence text in, figure dicts out."""
from __future__ import annotations

import bisect
from collections import Counter
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from text_to_num import text2num

from . import lexicon


_LONGER = ("minute", "hour", "day", "week", "month", "year")   # time units, shortest first


@lru_cache(maxsize=None)
def _inflect():
    """inflect, imported the way `python -O` would: it wraps its methods in typeguard's
    run-time type checker, which recompiles them at import (over 2 s, paid before
    any worker starts) and checks every call; ours pass plain strings."""
    import typeguard
    checked = typeguard.typechecked
    typeguard.typechecked = lambda target=None, **_: target if target is not None else (lambda t: t)
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect.engine()


def prepare() -> None:
    """Load what reading figures needs (before worker processes fork, to share it)."""
    _inflect()
    _lx()


@lru_cache(maxsize=None)
def _lx():
    lx = lexicon.load("figures")
    alt = lexicon.alternation
    words = alt(lx["number_words"], False)
    word_num = rf"\b{words}(?:(?:[- ]|[ ]and[ ]){words})*\b"
    num = (rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
           rf"|(?i:half[ ]a(?=[ ](?:million|billion|trillion)))|(?i:a[ ](?:dozen|hundred|thousand|million|billion))"
           rf"|(?i:{word_num})(?:[ ](?i:dozen))?|(?i:a[ ]dozen))")
    # "£2.5bn", "$30 million", and a compound adjective's "$20-million credit line"
    scale = rf"(?:(?:[ ]?|-(?=(?i:thousand|million|billion|trillion|lakhs?|crores?)\b))(?P<scale>{alt(lx['scales'], False)})(?![A-Za-z]))"
    sym = alt(lx["currency_symbols"], False)
    qual = {}
    for q, phrases in lx["qualifiers"].items():
        for p in phrases:
            qual[p.lower()] = q
    fillers = alt(lx["qualifier_fillers"])
    # unit symbols written against the number: "2TB", "500GB", "40km", and pence: "12p"
    attached = alt([u for u in lx["quantity_units"] if u[:1].isupper() or len(u) <= 3] + ["p", "pc"], False)
    time_units = lx["time_units"]
    tx = lexicon.load("time")
    days = alt(tx["weekdays"] + [m for names in tx["months"] for m in names], False)
    return {
        "lx": lx,
        "compounds": set(lx["compound_nouns"]),
        "us_cue": re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(c) for c in sorted(lx["us_dollar_cues"], key=len, reverse=True))
                             + r")(?![\w$])"),
        # "2,000 of its staff", "six of the last eight schools", "900 of the company's workers"
        "of_the": re.compile(r"\s+of\s+(?:the|its|their|our|his|her|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}[’']s)\s+"
                             r"(?:[a-z]+[’']s\s+)?(?:(?:last|first|top|next|other|remaining)\s+)?"
                             rf"(?P<n>(?:[\d,.]+|(?i:{words}))\s+(?:(?:million|billion|m|bn)\s+)?)?(?=[a-z]+\b)"),
        # a number with its currency symbol and scale: "£2.5billion", "$30m", "12,500", "forty-five"
        "number": re.compile(rf"(?<![\w,£$€¥₹/:-])(?<![\d.]\.)(?<!\w\w\.)(?P<cur>{sym})?[ ]?{num}{scale}?"
                             rf"(?:(?![\w/]|[.,]\d)|(?={attached}\b))"),
        "a_unit": re.compile(rf"(?<![\w-])(?P<num>(?i:an?))[ ](?P<unit>{alt(time_units)})(?![\w-])"),
        "percent": re.compile(r"\s?(?:%|per[ ]?cent\b|percent\b|pc\b)"),
        "points": re.compile(r"\s+percentage[ -]points?\b|\s?pp\b"),
        "cur_word": re.compile(rf"(?:\s+|-)(?P<w>(?i:{alt(lx['currency_words'])}))"),
        "minor": re.compile(rf"\s+(?P<w>{alt(lx['minor_units'])})"),
        "quantity": re.compile(rf"\s?(?P<u>{alt(lx['quantity_units'], False)})\b"),
        "time": re.compile(rf"(?:\s+|-)(?:(?:working|business|calendar|full|straight|consecutive|more|further|extra|additional)\s+)?(?P<u>{alt(time_units)})(?!-old)\b"),
        "hyphen_noun": re.compile(r"-(?P<w>[a-z]+)\b"),
        # a date right after an amount: "$4 million on Monday alone", "£60,000 in May"
        "own_date": re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}?(?:(?:on|by|in|during|since)\s+(?:{days})|yesterday|today|"
                               rf"last\s+(?:night|week|month|year)|this\s+(?:morning|afternoon|week|month|year))\b"),
        # "a day", "-a-year", "per member a month", "daily"
        "per": re.compile(r"(?:\s+(?:in|of|per)\s+[a-z]+)?(?:\s+|-)(?:(?:a|an|per|each|every)[\s-](?P<p1>day|week|month|year|annum)|(?P<p2>daily|weekly|monthly|annually|yearly|annual))\b"),
        "word": re.compile(r"\s+(?P<w>[A-Za-z][A-Za-z’'-]*)"),
        "range": re.compile(rf"\s*(?P<join>-|–|—|to|and)\s*(?P<cur>{sym})?[ ]?{num}{scale}?(?![\w/]|[.,]\d)"),
        "qualifier": re.compile(rf"(?<!\w)(?i:(?P<q>{alt(qual, False)})(?:[ ]{fillers})?)(?:[ ]+|(?<=c\.))\Z"),
        # "12 miles or more", "200 or fewer"
        "trailing": re.compile(r"[ ]+or[ ]+(?P<t>more|over|above|less|fewer|under)\b"),
        # "a daily average of €2bn", "weekly takings of £40,000"
        "rate_before": re.compile(r"\b(?P<r>daily|weekly|monthly)\s+(?:[a-z-]+\s+){0,2}of\s+(?:[a-z]+\s+)?\Z"),
        # "two and a half minutes", "4 and a half hours"
        "emergency_noun": re.compile(rf"[ ](?:{alt(lx['emergency_number_nouns'])})"),
        "and_a_half": re.compile(rf"[ ]and[ ]a[ ]half(?:[ ](?P<scale>(?i:thousand|million|billion)))?(?=[ ,.])"),
        # "turns over £1.5bn": a verb's particle, not a qualifier
        "particle": re.compile(rf"(?i:\b{alt(lx['particle_verbs'], False)}[ ]+)\Z"),
        "between": re.compile(r"(?i:between|from)[ ]+\Z"),
        "qual_map": qual,
        "labels": re.compile(rf"(?i:{alt(lx['label_words'])})\.?[ ]+\Z"),
        "bare_labels": re.compile(rf"(?i:(?<![\w’'])(?P<prev>\w+[ ]+)?{alt(lx['bare_label_words'])})[ ]+\Z"),
        "age": re.compile(r"\A-(?:year|month|week|day)s?-old|\A[ -](?:year|month|week|day)s?[ -]old"),
        # "a five-year low": a record level, not a duration
        "record": re.compile(r"\A-(?:year|month|week|day)[ -](?:high|low)s?\b"),
        # "aged 19", "aged 19 and 24", "aged between 19 and 24"
        "aged": re.compile(r"(?i:\baged)[ ]+(?:between[ ]+)?(?:\d+(?:[ ]*(?:,|and|or|to|-)[ ]*))*\Z"),
        "time_of_day": re.compile(r"\A(?::\d{2})?[ ]?(?:(?:am|pm|GMT|BST|UTC|hrs)\b|a\.m\.|p\.m\.|o'clock)", re.I),
        "phone": re.compile(r"(?<!\d)(?:\+\d{1,3}[ -]?)?(?:\(?0\d{2,4}\)?[ -]?\d{3,4}[ -]?\d{3,4})(?!\d)"),
        "ordinal": re.compile(r"\A(?:st|nd|rd|th)\b"),
    }


@dataclass
class Figure:
    start: int
    end: int
    kind: str
    value: float
    value_high: float | None
    unit: str
    per: str | None
    qualifier: str
    measure: str = ""
    continues: "Figure | None" = None   # the figure whose noun and rate it takes ("300 in France")

    def as_dict(self, text: str) -> dict:
        return {"char_start": self.start, "char_end": self.end, "surface": text[self.start:self.end],
                "kind": self.kind, "value": self.value, "value_high": self.value_high,
                "unit": self.unit, "per": self.per, "qualifier": self.qualifier,
                "measure": self.measure}


def _number(numtext: str, scale: str | None) -> float | None:
    lx = _lx()["lx"]
    t = numtext.lower().replace("-", " ").strip()
    if t[0].isdigit():
        v = Decimal(t.replace(",", ""))
    elif t.startswith("half a"):
        v = 0.5
    elif t.startswith("a "):
        rest = t[2:]
        v = 12.0 if rest == "dozen" else float(text2num(rest, "en")) if rest != "hundred" else 100.0
    else:
        dozen = t.endswith(" dozen") or t == "dozen"
        if dozen:
            t = t[: -len("dozen")].strip() or "one"
        try:
            v = float(text2num(t, "en"))
        except ValueError:
            return None
        if dozen:
            v *= 12
    if scale:
        # Decimal so that "4.1 billion" is 4100000000, not 4099999999.9999995
        v = Decimal(str(v)) * (lx["scales"][scale] if scale in lx["scales"] else lx["scales"][scale.lower()])
    return float(v)


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    lx = _lx()["lx"]
    w = word.lower()
    if w in lx["singular_exceptions"]:
        return lx["singular_exceptions"][w]
    s = _inflect().singular_noun(w)   # "customers", and irregular plurals ("children", "women")
    return s if s else w


def _count_noun(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """The counted noun after a number: the first plural (or person) word of the run
    of content words that follows it, else the run's last word, with the nouns just
    before it ("four French-owned bakery chains" → bakery chain). Capitalised words
    are names, not nouns."""
    R = _lx()
    lx = R["lx"]
    stops = set(lx["stop_words"])
    persons = set(lx["person_nouns"])
    # "2,000 of its staff", "260,000 of Quenby's 1.1 million customers"
    # ("900 of the company's workers", "212,000 of the affected customers")
    m = R["of_the"].match(text[pos:end])
    if m:
        unit, after = _count_noun(text, pos + m.end() - 1, end)
        # "four of its 14 depots": the noun is the depots', the 14 a figure of its own
        return unit, (pos if m.group("n") or unit is None else after)
    run, cur = [], pos   # the words read, the counted noun last
    # "6,200 current and former employees": two adjectives joined describe the noun after
    if (m := re.match(r"\s+([a-z]+)\s+(?:and|or)\s+([a-z]+)(?=\s)", text[pos:end])) \
            and all(w in lx["not_modifiers"] for w in m.groups()):
        cur = pos + m.end()
    for _ in range(4):
        m = R["word"].match(text, cur, end)
        if not m:
            break
        w = m.group("w")
        closed = w.endswith(("’", "'"))   # "customers’": a closing quote mark or a possessive ends the phrase
        w = w.rstrip("’'")
        lw = w.lower()
        # a gerund noun between a noun and a plural one names the kind ("212 ticket vending
        # machines"); another -ing word ends the phrase ("150 cabin crew flying routes")
        gerund = lw in lx["gerund_nouns"] and (nm := R["word"].match(text, m.end(), end)) \
            and nm.group("w").islower() and nm.group("w").endswith("s") and _singular(nm.group("w")) != nm.group("w")
        if (lw in stops and not (w.isupper() and len(w) > 1)) or (run and lw.endswith(("ed", "ly", "ing")) and not gerund):
            break   # an acronym ("IT contractors") is no stop word
        head = run[-1] if run else None
        if head is not None and head[0].isupper() and not head.isupper() and "-" not in head \
                and not (w.islower() and (lw.endswith("s") or lw in persons)):
            # a name after the number ("5 Downing Street"), not a counted noun; but a
            # proper adjective may precede one ("nine European countries")
            return None, pos
        cur = m.end() - (len(m.group("w")) - len(w))
        run.append(w)
        if lw in persons:
            return "person", cur
        if closed or (lw.endswith("s") and _singular(lw) != lw and not w.isupper()):
            break   # a plural ends the noun phrase ("bus routes" reads on past "bus")
    head = run[-1] if run else None
    if head is None or head[0].isupper() or not head.replace("-", "").isalpha():
        return None, pos   # a name ("300 in France", "5 Downing Street"), not a counted noun
    if len(run) == 1 and head in lx["not_count_nouns"]:
        return None, pos   # "the remaining two expected back": the noun left out
    # nouns before the head name the kind of thing counted ("14 distribution centres",
    # "500 customer service agents", "60 pumping stations", "five local authorities");
    # adjectives and names do not
    modifiers, following = [], _singular(head)
    for w in reversed(run[:-1]):
        adjective = w in lx["not_modifiers"] or (w in lx["head_adjectives"] and following == _singular(head)) \
            or (w.endswith(tuple(lx["adjective_endings"])) and w not in lx["gerund_nouns"] and w not in lx["ending_nouns"])
        if not (w.isalpha() and w.islower()) or (adjective and f"{w} {following}" not in R["compounds"]):
            break
        modifiers.insert(0, w)
        following = w
    return " ".join(modifiers + [_singular(head)]), cur


def _qualifier(text: str, start: int, floor: int) -> tuple[str, int]:
    R = _lx()
    m = R["qualifier"].search(text, max(floor, start - 40), start)
    if m and not (m.group("q").lower() == "over"
                  and R["particle"].search(text, max(floor, m.start() - 20), m.start())):
        return R["qual_map"][m.group("q").lower()], m.start()
    return "exact", start


def _screened(text: str, m: re.Match, floor: int) -> bool:
    """Numbers that are not figures: labels, ages, times, ordinals, codes."""
    R = _lx()
    s, e = m.start("num"), m.end()
    before = text[max(floor, s - 20):s]
    after = text[e:e + 12]
    if R["labels"].search(before) or R["aged"].search(before):
        return True
    if (bl := R["bare_labels"].search(before)) and not (
            bl.group("prev") and bl.group("prev").strip().lower() in R["lx"]["bare_label_blockers"]):
        return True   # "on day five"; not "every day 3,000 people"
    if R["age"].match(after) or R["record"].match(after) or R["time_of_day"].match(after) \
            or R["ordinal"].match(after):
        return True
    if s > 0 and (text[s - 1].isalpha() or text[s - 1] in "#№") and not m.group("cur"):
        return True
    if m.group("num") in R["lx"]["emergency_numbers"] and not m.group("cur") \
            and R["emergency_noun"].match(after) and not R["qualifier"].search(before):
        return True   # "911 calls", "the 999 service": a phone number naming a service
    return text[e:e + 1] == "/"


def _currency(symbol: str | None, dollar: str) -> str | None:
    if not symbol:
        return None
    return dollar if symbol == "$" else _lx()["lx"]["currency_symbols"].get(symbol)


def local_dollar(text: str) -> str:
    """What a bare "$" is in this article: an article that writes "US$" for US dollars
    and one other dollar ("C$", "A$") writes that other one bare too ("US$200 million
    ... about $9,000" in a Canadian paper), and with "US$" alone, the dollar of the
    country it names most; except in a sentence about the United States (see extract);
    otherwise US dollars."""
    lx = _lx()["lx"]
    syms = {sym: cur for sym, cur in lx["currency_symbols"].items() if len(sym) > 1 and sym.endswith("$")}
    found = {cur for sym, cur in syms.items() if re.search(rf"(?<![A-Za-z]){re.escape(sym)}\s?\d", text)}
    if found == {"USD"}:
        # only "US$": the bare one is the dollar of the country the article names most,
        # at least twice and more than the United States
        named = Counter()
        for name, cur in lx["dollar_countries"].items():
            named[cur] += len(re.findall(rf"\b{re.escape(name)}\b", text))
        named["USD"] = len(_lx()["us_cue"].findall(text))
        top = named.most_common(2)
        if top[0][0] != "USD" and top[0][1] >= 2 and top[0][1] > top[1][1]:
            return top[0][0]
    return (found - {"USD"}).pop() if "USD" in found and len(found) == 2 else "USD"


def extract(text: str, start: int, end: int, blocked: list[tuple[int, int]] = (),
            dollar: str = "USD") -> list[Figure]:
    """Figures in text[start:end] (a sentence); `blocked` spans (dates) hold none; a
    bare "$" is `dollar` (see local_dollar)."""
    R = _lx()
    lx = R["lx"]
    if dollar != "USD" and R["us_cue"].search(text, start, end):
        dollar = "USD"   # a sentence about the United States
    phones = [(p.start(), p.end()) for p in R["phone"].finditer(text, start, end)
              if len(re.sub(r"\D", "", p.group())) >= 9]
    blocked = sorted(list(blocked) + phones)
    starts = [b[0] for b in blocked]

    def is_blocked(pos: int) -> bool:   # inside a date or phone number (spans do not nest)
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and blocked[i][0] <= pos < blocked[i][1]

    out: list[Figure] = []
    taken_until = start
    for m in R["number"].finditer(text, start, end):
        s = m.start()
        if s < taken_until or is_blocked(m.start("num")):
            continue
        if _screened(text, m, start):
            continue
        f = _read(text, m, start, end, out, dollar)
        if f:
            out.append(f)
            taken_until = f.end
    num_starts = [f.start for f in out]   # number figures, in order, never overlapping
    for m in R["a_unit"].finditer(text, start, end):
        i = bisect.bisect_right(num_starts, m.start()) - 1
        if (i >= 0 and out[i].start <= m.start() < out[i].end) or is_blocked(m.start()):
            continue
        before = text[max(start, m.start() - 25):m.start()]
        # after a number or a plural noun ("400 buses a day", "twice a week"): a rate
        if re.search(r"(?:[\d%]|\b(?:people|men|women|children|staff|times?|once|twice)|\w+s)[ ]\Z", before) and \
                not R["qualifier"].search(before) and not re.search(r"\b(?:for|after|within|in|than|than a|over)[ ]\Z", before):
            continue   # "400 buses a day": a rate, not a duration
        if re.match(r"\s+(?:ago|earlier|later)\b", text[m.end():m.end() + 10]):
            continue
        unit = lx["time_units"][m.group("unit").lower()]
        factor = lx["time_unit_factor"].get(m.group("unit").lower(), 1)
        qual, qs = _qualifier(text, m.start(), start)
        out.append(Figure(qs, m.end(), "duration", float(factor), None, unit, None, qual))
    out.sort(key=lambda f: f.start)
    _measures(text, start, end, out)
    return out


def _read(text, m, start, end, previous: list[Figure], dollar: str = "USD") -> Figure | None:
    R = _lx()
    lx = R["lx"]
    value = _number(m.group("num"), m.group("scale"))
    if value is None:
        return None
    numtext = m.group("num").lower()
    cur = _currency(m.group("cur"), dollar)
    pos = m.end()
    if not m.group("scale") and (h := R["and_a_half"].match(text, pos, end)):
        # "two and a half minutes", "£1 and a half million"
        value, pos = (value + 0.5) * (lx["scales"][h.group("scale").lower()] if h.group("scale") else 1), h.end()
    value_high = None
    qual, qstart = _qualifier(text, m.start(), start)
    # ranges: "£40m to £60m", "between 5 and 10", "300-400 flights"
    rm = R["range"].match(text, pos, end)
    between = R["between"].search(text, max(start, qstart - 12), qstart)
    if rm and (rm.group("join") != "and" or between):
        high = _number(rm.group("num"), rm.group("scale"))
        low = value
        if not m.group("scale") and rm.group("scale"):
            low = _number(m.group("num"), rm.group("scale"))   # "£40-60m"
        if high is not None and low is not None and high > low:
            value, value_high, pos, qual = low, high, rm.end(), "range"
            cur = cur or _currency(rm.group("cur"), dollar)
            if between:
                qstart = between.start()
    # what the number counts
    if cur:
        kind, unit = "money", cur
    elif (pm := R["percent"].match(text, pos, end)):
        kind, unit, pos = "percentage", "percent", pm.end()
    elif (pm := R["points"].match(text, pos, end)):
        kind, unit, pos = "percentage", "percentage_point", pm.end()
    elif not m.group("scale") and re.match(r"p\b", text[pos:pos + 2]):
        kind, unit, pos, value = "money", "GBP", pos + 1, value / 100   # "12p": pence
    elif (mu := R["minor"].match(text, pos, end)):
        code, factor = lx["minor_units"][mu.group("w").lower()]
        kind, unit, pos, value = "money", code, mu.end(), float(Decimal(str(value)) * Decimal(str(factor)))
    elif (cm := R["cur_word"].match(text, pos, end)):
        kind, unit, pos = "money", lx["currency_words"].get(cm.group("w"), lx["currency_words"].get(cm.group("w").lower())), cm.end()
    elif (qm := R["quantity"].match(text, pos, end)):
        kind, unit, pos = "quantity", lx["quantity_units"][qm.group("u")], qm.end()
    elif (tm := R["time"].match(text, pos, end)):
        u = tm.group("u").lower()
        kind, unit, pos = "duration", lx["time_units"][u], tm.end()
        factor = lx["time_unit_factor"].get(u, 1)
        value *= factor
        value_high = value_high * factor if value_high else None
        if re.match(r"\s+(?:ago|old)\b", text[pos:pos + 6]):
            return None
        if qual == "more_than" and text[qstart:qstart + 4].lower() == "over":
            qual, qstart = "exact", m.start()   # "paid back over ten years": a period
    else:
        hm = R["hyphen_noun"].match(text, pos, end)
        if hm and hm.group("w") in lx["ordinals"]:
            return None   # "twenty-first": an ordinal
        if hm and hm.group("w") == "strong":
            # "a 2,500-strong workforce": a count of what follows
            noun, npos = _count_noun(text, hm.end(), end)
            if noun is None:
                return None
            unit = "person" if noun in ("workforce", "team", "crowd", "staff", "force", "army") else noun
            return Figure(qstart, npos, "count", value, value_high, unit, None, qual)
        if hm and hm.group("w") in lx["person_nouns"]:
            kind, unit, pos = "count", "person", hm.end()
        elif hm and hm.group("w") in lx["quantity_units"]:
            kind, unit, pos = "quantity", lx["quantity_units"][hm.group("w")], hm.end()   # "a 40-mile trip"
        elif hm and hm.group("w") and hm.group("w") not in lx["stop_words"] and len(hm.group("w")) > 2:
            kind, unit, pos = "count", _singular(hm.group("w")), hm.end()
        else:
            noun, npos = _count_noun(text, pos, end)
            if noun is None:
                noun = _noun_from_context(text, start, m.start(), pos, end, previous)
                if noun is None:
                    return None
                kind, unit = "count", noun[0]
                if noun[2] is not None:
                    # takes the noun, rate and measure of the figure it continues
                    return Figure(qstart, pos, kind, value, value_high, unit, noun[1], qual,
                                  continues=noun[2])
            else:
                kind, unit, pos = "count", noun, npos
            if value_high is None and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", numtext):
                return None   # a year ("the 2025 spring schedule"), not a count
        if numtext == "one" and value_high is None:
            return None   # "one loan offer": 'one' alone is not a count
    if qual == "exact" and (tm := R["trailing"].match(text, pos, end)):
        qual = {"more": "at_least", "over": "at_least", "above": "at_least"}.get(tm.group("t"), "at_most")
        pos = tm.end()
    per = None
    if kind == "duration":
        # "eight hours a day": a duration per a longer period is a rate
        pm = R["per"].match(text, pos, end)
        if pm and pm.group("p1") and _LONGER.index(lx["per_words"][pm.group("p1")]) > _LONGER.index(unit) \
                and not re.match(r"\s+(?:ago|earlier|later|before|after|from\s+(?:now|today|then)\b(?!\s+on\b))\b",
                                 text[pm.end():pm.end() + 20]):   # "12 hours a week from Monday" is a rate
            per, pos = lx["per_words"][pm.group("p1")], pm.end()
    else:
        pm = R["per"].match(text, pos, end)
        # a share of a yearly amount ("10 percent of its annual revenue") is no rate
        share = kind == "percentage" and pm is not None and (pm.group("p2") == "annual"
                                                             or pm.group(0).split()[0] in ("of", "in"))
        if pm and not share:
            per = lx["per_words"][pm.group("p1") or pm.group("p2")]
            pos = pm.end()
        elif kind == "money" and (rb := R["rate_before"].search(text, max(start, qstart - 40), qstart)):
            per = lx["per_words"][rb.group("r")]
        elif kind == "money" and (whole := _whole_of(text, start, qstart, previous)) is not None \
                and not R["own_date"].match(text, pos, end):
            # "$40,000 a day, including $25,000 in fares and $15,000 in fees" (not
            # "including $4 million on Monday alone": a part with its own day)
            per = whole.per
        elif kind == "money" and previous and text[m.start() - 1:m.start()] == "(" \
                and previous[-1].kind == "money" and 0 <= m.start() - previous[-1].end <= 3:
            per = previous[-1].per   # "288 million pounds ($392 million)": the same amount converted
        elif kind == "count" and (dm := re.match(r"\s+(daily|weekly|monthly|annual|yearly)\s", text[m.end():pos])):
            per = lx["per_words"][dm.group(1)]   # "1,100 daily departures"
    return Figure(qstart, pos, kind, value, value_high, unit, per, qual)


_PART_OF = re.compile(r"\b(?:including|of\s+which)\s+\Z")


def _whole_of(text: str, sstart: int, qstart: int, previous: list[Figure]) -> Figure | None:
    """The amount at a rate that a money figure is a part of: the one right before
    "including" or "of which", or, after "and", the part before it when that is one."""
    money = [f for f in previous if f.kind == "money"]
    if not money or money[-1].per is None:
        return None
    if _PART_OF.search(text, max(sstart, qstart - 16), qstart):
        return money[-1]
    # "..., including £5,000 on rent and £2,000 on fuel"; not ", and £60,000 was raised"
    if re.search(r"(?<!,)\s+and\s+\Z", text[max(sstart, qstart - 8):qstart]) and len(money) > 1 \
            and _whole_of(text, sstart, money[-1].start, money[:-1]) is not None:
        return money[-1]
    return None


def _noun_from_context(text, sstart, nstart, pos, end, previous):
    """A count with no noun after it: "4,000 who work ..." (person), "employing
    12,500 at ..." (person), "300 in France" after "400 buses a day" (bus, per day)."""
    after = text[pos:min(end, pos + 20)]
    if re.match(r"\s+who\b", after):
        return ("person", None, None)
    before = text[max(sstart, nstart - 30):nstart].lower()
    if re.search(r"\b(?:employ\w*|staff\w*|workforce of|headcount of)\s+(?:\w+\s+)?\Z", before):
        return ("person", None, None)
    counts = [f for f in previous if f.kind == "count"]
    if counts and (re.search(r"\b(?:including|of which|with|and|plus|while|though|but)\s+(?:\w+\s+)?\Z", before)
                   or re.match(r"\s+of\s+(?:them|those)\b", after)):
        return (counts[-1].unit, counts[-1].per, counts[-1])
    return None


@lru_cache(maxsize=None)
def _measure_rules():
    rules = []
    for r in lexicon.load("measures")["measures"]:
        rules.append((r["measure"], re.compile(r["pattern"], re.I), set(r.get("kinds") or ()),
                      set(r.get("units") or ()), set(r.get("not_units") or ())))
    return rules


@lru_cache(maxsize=4096)
def _plural(unit: str) -> str:
    return "people" if unit == "person" else _inflect().plural_noun(unit)


def _noun_after(text: str, pos: int, end: int) -> str | None:
    """The noun phrase right after a figure ("50 per cent staff discount" →
    "staff discount"): up to three lower-case words, stopping at a function word."""
    stops = set(_lx()["lx"]["stop_words"])
    words = []
    for m in re.finditer(r"\s+([a-z][a-z-]*)", text[pos:end]):
        if m.start() != (words[-1][1] if words else 0) or m.group(1) in stops or len(words) == 3 \
                or m.group(1).endswith(("ing", "ed", "ly")):
            break
        words.append((m.group(1), m.end()))
    return " ".join(w for w, _ in words) or None


def _measures(text: str, start: int, end: int, figures: list[Figure]) -> None:
    """Each figure's measure: the first measure rule (most specific) that matches
    within its stretch of the sentence (between the neighbouring figures), the
    nearest match breaking ties."""
    for i, f in enumerate(figures):
        if f.continues is not None:
            f.measure = f.continues.measure   # "around 400 buses a day, including 300 in France"
            continue
        lo = figures[i - 1].end if i else start
        hi = figures[i + 1].start if i + 1 < len(figures) else end
        if f.kind == "percentage" and (np := _noun_after(text, f.end, hi)):
            f.measure = _lx()["lx"]["percentage_nouns"].get(np, np)   # "12 per cent interest"
            continue
        best = None
        for order, (measure, pat, kinds, units, not_units) in enumerate(_measure_rules()):
            if (kinds and f.kind not in kinds) or (units and f.unit not in units) or f.unit in not_units:
                continue
            for m in pat.finditer(text, lo, hi):
                if f.start <= m.start() < f.end and f.kind != "count":
                    dist = 0
                else:
                    dist = f.start - m.end() if m.end() <= f.start else m.start() - f.end
                dist = max(dist, 0)
                key = (order, dist)   # the more specific rule (listed first) wins
                if best is None or key < best[0]:
                    best = (key, measure)
        if best:
            f.measure = best[1].replace("{unit}", _plural(f.unit))
        elif f.kind == "count":
            f.measure = _plural(f.unit)
        else:
            f.measure = {"money": "amount", "percentage": "share", "duration": "duration",
                         "quantity": "amount"}[f.kind]
