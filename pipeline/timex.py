"""Temporal expressions: found with strict patterns (never free-text date guessing),
then resolved against the publication date as DATA_MODEL.md says. Pure."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from . import lexicon

_LX = lexicon.load("time")
MONTHS: dict[str, int] = {}
_MONTH_RX = []
for _i, _names in enumerate(_LX["months"], start=1):
    for _k, _n in enumerate(_names):
        MONTHS[_n] = _i
        _MONTH_RX.append(re.escape(_n) + (r"\.?" if _k else ""))   # "Sept." but not "August."
WEEKDAYS: dict[str, int] = {n: i for i, n in enumerate(_LX["weekdays"])}
NUMBER_WORDS: dict[str, int] = _LX["number_words"]
FUTURE = re.compile(lexicon.alternation(_LX["future_markers"]), re.I)
# (not a deadline already past: "the report, which was due on 1 August")
MAYBE_AHEAD = re.compile(r"(?<!was )(?<!were )(?<!been )" + lexicon.alternation(_LX["maybe_ahead_markers"]), re.I)

_M = r"(?-i:\b(?:" + "|".join(sorted(_MONTH_RX, key=len, reverse=True)) + r"))"   # capitalised only
_WD = r"(?-i:" + lexicon.alternation(WEEKDAYS) + ")"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]|20)\d{2}"
_N = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + "|a|an)"
_PART = r"(?:[ ](?:morning|afternoon|evening|night))?"
_Q = r"[“”\"‘’']?"   # a stray quote mark inside the phrase: in the “coming days”

_PART_OF = r"(?:the[ ](?:early[ ]hours|morning|afternoon|evening|night)[ ]of[ ])?"   # "the early hours of"

_PATTERNS = [
    ("wd_dmy", rf"{_PART_OF}(?P<wd>{_WD}),?[ ](?:the[ ])?(?P<d>{_D})[ ](?:of[ ])?(?P<m>{_M})(?:,?[ ](?P<y>{_Y}))?"),
    ("wd_mdy", rf"{_PART_OF}(?P<wd>{_WD}),?[ ](?P<m>{_M})[ ](?P<d>{_D})(?![\d,]\d)(?:,?[ ](?P<y>{_Y}))?"),
    ("dmy", rf"(?P<d>{_D})[ ](?:of[ ])?(?P<m>{_M})(?:,?[ ](?P<y>{_Y}))?"),
    ("mdy", rf"(?P<m>{_M})[ ](?P<d>{_D})(?![\d,]\d)(?:,?[ ](?P<y>{_Y}))?"),
    ("edge", rf"(?:the[ ])?(?P<edge>end|start|beginning|middle|close)[ ]of[ ](?:"
             rf"(?P<m>{_M})(?:[ ](?P<y>{_Y}))?|(?P<rel>last|this|next)[ ](?P<unit>week|month|year)"
             rf"|the[ ](?P<unit_the>week|month|year))"),
    ("month_year", rf"(?:(?:early|mid|late)[- ])?(?P<m>{_M})[ ](?P<y>{_Y})"),
    ("rel_unit", r"(?P<rel>last|this|next|past)[ ](?P<unit>week|month|year|weekend)\b"),
    ("rel_this", r"(?P<rel>earlier|later)[ ]this[ ](?P<unit>week|month|year)\b"),
    ("weekend", r"(?:over|at|during|by)[ ]the[ ]weekend\b"),
    ("coming", rf"(?:in|over|within)[ ]the[ ]{_Q}(?:coming|next|following)[ ](?:few[ ])?(?P<unit>days|weeks){_Q}"),
    ("ago", rf"(?P<n>{_N})[ ](?P<unit>day|week|month|year)s?[ ]ago\b"),
    ("dayword", r"(?P<dw>today|yesterday|tomorrow|tonight|this[ ]morning|this[ ]afternoon|this[ ]evening|last[ ]night)\b"),
    # relative to the date told just before (in the sentence, else in the article):
    # "on 7 May ... the following day", "Staff noticed on Monday. The same day, ..."
    ("next_day", r"(?:the[ ](?P<nd>following|next)[ ](?:day|morning|afternoon|evening|night)"
                 r"|(?P<nd2>a)[ ]day[ ]later|the[ ](?P<pd>day)[ ]before"
                 r"|(?P<sd>the[ ]same[ ]day|that[ ](?:same[ ])?day"
                 r"|(?:later|early|earlier)[ ]that[ ](?:day|morning|afternoon|evening|night)"
                 r"|that[ ](?:morning|afternoon|evening|night)))\b"),
    # a time of day alone ("at 14:15", "shortly after 11pm"): on the day told just before,
    # else the day of publication; a bare "14.45" only after a word that makes it a time
    ("clock", r"(?P<near>(?:shortly|just|soon)[ ](?:after|before)[ ]|(?:about|around|approximately|roughly)[ ])?"
              r"(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?[ ]?(?P<ampm>a\.m\.|p\.m\.|am|pm)"
              r"|(?:[01]?\d|2[0-3])(?::[0-5]\d(?![.,]?\d)|\.[0-5]\d(?=[ ](?:GMT|BST|CET|CEST|UTC|ET|local|on|and|when|as|after|before)\b|[,;)]|\.(?!\d)|$)))"
              r"(?:[ ](?:GMT|BST|CET|CEST|UTC|ET|local[ ]time))?"
              r"(?![ ]?(?:-|–|to|until|till)[ ]?\d)"),   # not opening hours ("from 9am to 6pm")
    ("weekday", rf"{_PART_OF}(?:(?P<rel>last|this|next)[ ])?(?P<wd>{_WD}){_PART}"),
    ("in_month", rf"(?:(?:early|mid|late)[- ])?(?P<m>{_M})(?![ ]\d)"),
    ("year", rf"(?P<y>{_Y})(?![\d,.]\d)"),
]
# kinds dated by the day told just before (or, a time of day, by publication)
TOLD_BEFORE = ("next_day", "clock")

_LEADS = r"(?:on|since|until|till|through|by|from|before|after|in|at|during|throughout|of)"
_BARE_NEEDS_LEAD = {"in_month", "year"}   # "in May", "in 2024"; bare "May" is a verb too
def _compile():
    # named groups must be unique across alternatives: suffix them with the pattern name
    parts = []
    for name, pat in _PATTERNS:
        pat = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}__{name}>", pat)
        parts.append(f"(?P<{name}>{pat})")
    return re.compile(rf"(?<![\w-])(?P<lead>{_LEADS}[ ](?:at[ ]least[ ])?)?(?:"
                      + "|".join(parts) + r")(?![\w-])", re.I)


_RE = _compile()
# kind → its parts' groups, (group name in _RE, part name)
_PARTS = {kind: [(g, g.split("__")[0]) for g in _RE.groupindex if g.endswith("__" + kind)]
          for kind, _ in _PATTERNS}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    kind: str
    lead: str
    parts: Mapping[str, str]

    @property
    def inherently_future(self) -> bool:
        p = self.parts
        return (self.kind == "coming" or p.get("rel") == "next" or p.get("dw") == "tomorrow"
                or self.until)

    @property
    def until(self) -> bool:
        """Ends a state: "until Friday", "till May" (US "through Friday" only in a plan:
        see events)."""
        return self.lead.startswith(("until", "till"))


@lru_cache(maxsize=4096)   # figures and events both look in every sentence
def find(text: str, start: int = 0, end: int | None = None) -> tuple[Timex, ...]:
    end = len(text) if end is None else end
    out = []
    for m in _RE.finditer(text, start, end):
        kind = next(n for n, _ in _PATTERNS if m.group(n) is not None)
        lead = (m.group("lead") or "").strip().lower()
        parts = {short: v if short in ("m", "wd") else v.lower()
                 for group, short in _PARTS[kind] if (v := m.group(group)) is not None}
        if kind in _BARE_NEEDS_LEAD and (not lead or lead == "through"):
            continue   # "in May", "in 2024"; not bare "May", nor "halted through March"
        if kind == "in_month" and lead in ("at", "of"):
            continue
        if kind == "dayword" and lead == "at" and re.match(r"[’']s\b", text[m.end():m.end() + 3]):
            continue   # "worth $26m at today's prices": a valuation, no date
        if kind == "next_day" and m.group(kind)[:4].lower() == "that" and not lead \
                and _SAYS_THAT.search(text, max(start, m.start() - 20), m.start()):
            continue   # "said that morning trains ...": "that" opens what was said
        if kind == "clock" and _RANGE_END.search(text, max(start, m.start() - 12), m.start()):
            continue   # "8am–10pm": opening hours
        if kind == "clock" and "ampm" not in parts and (lead not in ("at", "from", "by", "until", "till", "since",
                                                                      "after", "before") and "near" not in parts):
            continue   # "14.45" alone may be a price or a score; "at 14.45" is a time
        if kind == "dayword" and not lead and m.group()[:1].isupper() \
                and re.search(r"[A-Z][\w’'-]*[ ]\Z", text[max(start, m.start() - 30):m.start()]):
            continue   # part of a name: the programme "Northfield Tonight"
        out.append(Timex(m.start(), m.end(), m.group(), kind, lead, MappingProxyType(parts)))   # shared via the cache
    # a time of day beside a day ("at 6pm on Monday", "Monday at 6pm") is part of it
    return tuple(t for t in out if t.kind != "clock" or not any(
        u is not t and _ADJOINS.fullmatch(text, *sorted((t.end, u.start) if u.start >= t.end else (u.end, t.start)))
        for u in out))


_RANGE_END = re.compile(r"\d(?:[ ]?(?:am|pm|a\.m\.|p\.m\.))?[ ]?(?:-|–|to|until|till)[ ]?\Z")
_SAYS_THAT = re.compile(r"\b(?:said|says|say|told|tells|believes?|believed|thinks?|thought|knows?|knew|added|"
                        r"warned|noted|confirmed|announced|insisted|claim(?:s|ed)?|argued|hoped?|hopes|feared|"
                        r"fears|so|such|now|given)\s+\Z", re.I)
_ADJOINS = re.compile(r"[ ,]{0,2}(?:on[ ]|at[ ])?")


_YEAR = re.compile(rf"(?<![\w,.£$€-]){_Y}(?!\w|[,.]\d)")


def stated_years(text: str) -> list[int]:
    """Years the article states anywhere ("in 2021", "the 2025 schedule", "© 2025"),
    for dates written without one when the publication date is unknown."""
    return sorted({int(m.group()) for m in _YEAR.finditer(text)})


def _day(parts) -> int:
    return int(re.match(r"\d+", parts["d"]).group())


def _month(parts) -> int:
    return MONTHS[parts["m"].rstrip(".")]


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


_CLOCK_REACH_DAYS = 14   # how far back a day told can be for a bare time of day to be on it
_NEAR_AHEAD_DAYS = 92   # a quarter: how far ahead a plan written without a year reaches


def _pick_year(month: int, day: int, published: dt.date | None, years: list[int], ahead: bool,
               maybe_ahead: bool = False):
    """Year for a date written without one: the most recent such date on or before
    publication, or the next one when the text puts it ahead, or, when the text only
    allows it to be ahead, the next one if that is much nearer."""
    if published is None:
        return years[-1] if years else None
    y = published.year
    try:
        cand = dt.date(y, month, day)
    except ValueError:
        return y
    if maybe_ahead and not ahead:
        try:
            last = cand if cand <= published else dt.date(y - 1, month, day)
            following = cand if cand >= published else dt.date(y + 1, month, day)
        except ValueError:   # 29 February
            return y
        # the next one only when it is weeks away and the last one most of a year back
        # ("would write to members by 20 February" on 10 February), never an event of
        # last autumn ("would not pay after hackers struck on 3 November" in May)
        ahead_days, back_days = (following - published).days, (published - last).days
        return following.year if ahead_days <= _NEAR_AHEAD_DAYS and back_days > 2 * _NEAR_AHEAD_DAYS else last.year
    if ahead and cand < published:
        return y + 1
    if not ahead and cand > published:
        return y - 1
    return y


def resolve(t: Timex, published: dt.date | None, years: list[int], ahead: bool = False,
            before: tuple[str | None, str] | None = None, maybe_ahead: bool = False) -> tuple[str | None, str]:
    """(ISO date or None, precision) for a temporal expression; `before` is the
    resolution of the one told just before, which "the following day" counts from;
    `maybe_ahead`: the text allows a date without a year to be ahead (see _pick_year)."""
    p, P = t.parts, published
    if t.kind == "clock" and P is not None and before and before[0] \
            and dt.date.fromisoformat(before[0]) < P - dt.timedelta(days=_CLOCK_REACH_DAYS):
        before = None   # "founded on 3 May 1970 ... suspended at 3pm": a time of day is recent
    if t.kind in TOLD_BEFORE:
        if before and before[1] == "day" and before[0]:
            step = -1 if p.get("pd") else 0 if p.get("sd") or t.kind == "clock" else 1
            return (dt.date.fromisoformat(before[0]) + dt.timedelta(days=step)).isoformat(), "day"
        if t.kind == "clock" and P is not None:
            return P.isoformat(), "day"   # a time of day with no day told: the day of writing
        return None, "unknown"
    ahead = ahead or t.inherently_future
    try:
        if t.kind in ("wd_dmy", "wd_mdy", "dmy", "mdy"):
            m, d = _month(p), _day(p)
            y = int(p["y"]) if "y" in p else _pick_year(m, d, P, years, ahead, maybe_ahead)
            if y and "y" not in p and "wd" in p:
                # "Monday, 6 October": the weekday settles the year when one near fits
                fits = [c for c in (y, y + 1, y - 1) if dt.date(c, m, d).weekday() == WEEKDAYS[p["wd"]]]
                y = fits[0] if fits else y
            return (dt.date(y, m, d).isoformat(), "day") if y else (None, "unknown")
        if t.kind == "month_year":
            return dt.date(int(p["y"]), _month(p), 1).isoformat(), "month"
        if t.kind == "year":
            return dt.date(int(p["y"]), 1, 1).isoformat(), "year"
        if t.kind == "in_month" or (t.kind == "edge" and "m" in p):
            m = _month(p)
            y = int(p["y"]) if "y" in p else _pick_year(m, 1, P.replace(day=1) if P else None, years, ahead,
                                                        maybe_ahead)
            return (dt.date(y, m, 1).isoformat(), "month") if y else (None, "unknown")
        if P is None:
            return None, "unknown"
        if t.kind == "edge":
            unit = p.get("unit") or p.get("unit_the")
            shift = {"last": -1, "next": 1}.get(p.get("rel"), 0)
            return _unit_start(P, unit, shift)
        if t.kind in ("rel_unit", "rel_this"):
            unit, rel = p["unit"], p["rel"]
            if unit == "weekend":
                sat = _last_saturday(P)
                if rel == "next" or (rel == "this" and ahead and sat < P - dt.timedelta(days=1)):
                    sat += dt.timedelta(days=7)
                elif rel in ("last", "past") and P.weekday() >= 5:
                    sat -= dt.timedelta(days=7)
                return sat.isoformat(), "week"
            shift = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
            return _unit_start(P, unit, shift)
        if t.kind == "weekend":
            sat = _last_saturday(P)
            if ahead and sat < P - dt.timedelta(days=1):
                sat += dt.timedelta(days=7)   # "will meet ministers over the weekend"
            return sat.isoformat(), "week"
        if t.kind == "coming":
            return _monday(P).isoformat(), "week"
        if t.kind == "ago":
            n = p["n"].lower()
            n = 1 if n in ("a", "an") else NUMBER_WORDS.get(n) or int(n)
            unit = p["unit"]
            d = P - relativedelta(**{unit + "s": n})
            return _unit_start(d, unit, 0) if unit != "day" else (d.isoformat(), "day")
        if t.kind == "dayword":
            w = p["dw"].lower()
            off = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
            return (P + dt.timedelta(days=off)).isoformat(), "day"
        if t.kind == "weekday":
            wd, rel = WEEKDAYS[p["wd"]], p.get("rel")
            if rel == "this":
                return (_monday(P) + dt.timedelta(days=wd)).isoformat(), "day"
            if rel == "next" or (ahead and rel != "last"):
                delta = (wd - P.weekday()) % 7 or 7
                return (P + dt.timedelta(days=delta)).isoformat(), "day"
            delta = (P.weekday() - wd) % 7
            if rel == "last" and delta == 0:
                delta = 7
            return (P - dt.timedelta(days=delta)).isoformat(), "day"
    except (ValueError, KeyError, OverflowError):
        return None, "unknown"
    return None, "unknown"


def _last_saturday(P: dt.date) -> dt.date:
    return P - dt.timedelta(days=(P.weekday() - 5) % 7)


def _unit_start(P: dt.date, unit: str, shift: int) -> tuple[str, str]:
    if unit == "week":
        return (_monday(P) + dt.timedelta(weeks=shift)).isoformat(), "week"
    if unit == "month":
        return (P.replace(day=1) + relativedelta(months=shift)).isoformat(), "month"
    return dt.date(P.year + shift, 1, 1).isoformat(), "year"


PRECISION_DAYS = ("day", "week", "month", "year")   # the precisions that have a window


def window(date: str | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The days a (date, precision) can stand for."""
    if not date or precision == "unknown":
        return None
    d = dt.date.fromisoformat(date)
    if precision == "day":
        return d, d
    if precision == "week":   # the ISO week holding it (a weekend is dated by its Saturday)
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6)
    if precision == "month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d, nxt - dt.timedelta(days=1)
    return d, d.replace(month=12, day=31)
