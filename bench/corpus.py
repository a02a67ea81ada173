"""A deterministic generator of synthetic incident coverage in the raw/ layout, for
the scale benchmark: several invented incidents, each covered by many outlets in
different newsroom styles, with the same statements and figures repeated across
articles as real coverage repeats them, dated events, and web furniture.

    python bench/corpus.py OUT_DIR --articles 1000 [--seed 7]

Same seed and size, same bytes. Nothing here is taken from the shipped articles.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

FIRST = ["Amira", "Daniel", "Grace", "Hamid", "Ines", "Jonah", "Katya", "Leon", "Maya", "Niall",
         "Olu", "Priya", "Rhys", "Sofia", "Tomas", "Una", "Victor", "Wen", "Yusuf", "Zara"]
LAST = ["Ashdown", "Brennan", "Castell", "Delacourt", "Eberhart", "Fairlie", "Gostelow", "Hallam",
        "Ingersoll", "Jarrow", "Kettering", "Lindqvist", "Marchetti", "Nwosu", "Okafor", "Pemberton",
        "Quayle", "Rutherford", "Szabo", "Thorne"]
TOWNS = ["Ashbury", "Bramwell", "Calderford", "Dunmore", "Elsworth", "Fenwick", "Glenholt",
         "Harrowby", "Islip Vale", "Kenmarsh", "Lowestead", "Marlow Cross", "Northam", "Oakhurst"]
GROUP_A = ["Black", "Night", "Grey", "Silent", "Iron", "Cold", "Red", "Hollow", "Storm", "Glass"]
GROUP_B = ["Ferret", "Crane", "Mantis", "Otter", "Wren", "Viper", "Lynx", "Heron", "Jackal", "Moth"]
OUTLETS = [  # (name, slug, style)
    ("Albion Wire", "albion-wire", "wire"), ("The Morning Ledger", "morning-ledger", "broadsheet"),
    ("Daily Clarion", "daily-clarion", "tabloid"), ("Tech Circuit", "tech-circuit", "trade"),
    ("Westshire Live", "westshire-live", "local"), ("Channel Nine News", "channel-nine", "broadcast"),
    ("The Economic Review", "economic-review", "business"), ("Northern Post", "northern-post", "local"),
]
KINDS = [  # (kind, org suffix, org noun, what stops, who is affected, counted noun)
    ("ransomware attack", "NHS Trust", "the trust", "appointments", "patients", "patients"),
    ("data breach", "Retail Group", "the retailer", "online orders", "customers", "customers"),
    ("cyber attack", "Port Authority", "the port", "container handling", "hauliers", "lorries"),
    ("IT failure", "Borough Council", "the council", "benefit payments", "residents", "households"),
    ("system outage", "Airways", "the airline", "check-in", "passengers", "flights"),
    ("cyber attack", "Water", "the company", "billing", "customers", "households"),
    ("hack", "University", "the university", "teaching systems", "students", "students"),
    ("ransomware attack", "Logistics", "the firm", "deliveries", "retailers", "parcels"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FURNITURE_TOP = ["Skip to content", "Advertisement", "Share this article"]
FURNITURE_END = ["Related topics", "Most read", "Sign up to our newsletter", "Share this story",
                 "Advertisement"]


@dataclass
class Incident:
    key: str
    org: str
    noun: str
    kind: str
    stops: str
    affected: str
    counted: str
    town: str
    ceo: str
    minister: str
    group: str
    start: dt.date
    facts: dict = field(default_factory=dict)
    statements: list = field(default_factory=list)


def incidents(rng: random.Random, n: int) -> list[Incident]:
    """n incidents with their own organisation, people and attackers, as separate
    stories are: no two share a name."""
    people = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], 2 * n)
    groups = rng.sample([f"{a}{b}" for a in GROUP_A for b in GROUP_B], n)
    places = rng.sample([(t, k) for t in TOWNS for k in range(len(KINDS))], n)
    out = []
    for i, (town, k) in enumerate(places):
        kind, suffix, noun, stops, affected, counted = KINDS[k]
        org = f"{town} {suffix}" if suffix != "Airways" else f"{town.split()[0]} Airways"
        inc = Incident(f"i{i:02d}", org, noun, kind, stops, affected, counted, town, people[2 * i],
                       people[2 * i + 1], groups[i],
                       dt.date(2024, 1, 8) + dt.timedelta(days=rng.randrange(600)))
        inc.facts = {
            "affected": rng.choice([1200, 4500, 18000, 32000, 250000, 1.2e6]),
            "cost_m": rng.choice([1.5, 4, 12, 27, 45, 120]),
            "staff": rng.choice([900, 2400, 6000, 14000]),
            "days": rng.choice([3, 5, 9, 12]),
            "weeks": rng.choice([2, 3, 4, 6]),
            "share_pct": rng.choice([3.4, 6, 11, 16]),
            "data_tb": rng.choice([1.5, 2, 3, 4]),
            "arrests": rng.choice([2, 3, 4]),
        }
        inc.statements = [
            (inc.ceo, "chief executive", f"We are deeply sorry for the disruption this has caused to our {affected} "
                                          "and we are working around the clock to put it right."),
            (inc.ceo, "chief executive", "Our teams have made good progress and the recovery is now firmly under way."),
            (inc.minister, "minister", f"This was a serious attack and we are giving {noun} every support it needs."),
            ("spokesperson", None, f"We would ask {affected} to be patient while we restore {stops} safely."),
            ("spokesperson", None, "There is no evidence at this stage that payment details were taken."),
        ]
        out.append(inc)
    return out


def _money(rng: random.Random, millions: float) -> str:
    if millions >= 1000:
        return rng.choice([f"£{millions / 1000:g}bn", f"£{millions / 1000:g} billion"])
    return rng.choice([f"£{millions:g}m", f"£{millions:g} million", f"£{millions:g}million",
                       f"{millions:g} million pounds"])


def _count(rng: random.Random, n: float) -> str:
    if n >= 1e6:
        return rng.choice([f"{n / 1e6:g} million", f"{n / 1e6:g}m"])
    return rng.choice([f"{int(n):,}", f"{int(n):,}"]) if n >= 1000 else str(int(n))


def _when(rng: random.Random, day: dt.date, published: dt.date) -> str:
    """How an article dates a past day: a weekday, a weekday and date, or a date."""
    gap = (published - day).days
    forms = [f"on {day.day} {day:%B}", f"on {day:%B} {day.day}", f"on {day.day} {day:%B} {day.year}"]
    if 0 < gap < 7:
        forms += [f"on {WEEKDAYS[day.weekday()]}", f"on {WEEKDAYS[day.weekday()]}, {day.day} {day:%B}"]
    if gap == 0:
        forms.append("today")
    return rng.choice(forms)


def _quote(rng: random.Random, inc: Incident, st: tuple, named: set) -> str:
    who, role, words = st
    if who == "spokesperson":
        return rng.choice([f"A spokesperson for {inc.org} said: “{words}”",
                           f"“{words[:-1]},” a spokesperson for {inc.noun} said.",
                           f"In a statement, {inc.org} said: “{words}”"])
    first_time = who not in named
    named.add(who)
    surname = who.split()[1]
    if role == "minister":
        title = f"Digital Economy Minister {who}" if first_time else f"Mr {surname}"
    else:
        title = f"{who}, chief executive of {inc.org}," if first_time else f"Mr {surname}"
    layouts = [f"{title} said: “{words}”",
               f"“{words[:-1]},” said {title.rstrip(',')}.",
               f"“{words[:-1]},” {who if first_time else 'Mr ' + surname} told reporters."]
    return rng.choice(layouts)


def article(rng: random.Random, inc: Incident, outlet: tuple, n: int) -> tuple[str, dict]:
    name, slug, style = outlet
    f = inc.facts
    published = inc.start + dt.timedelta(days=rng.randrange(1, 5 + 30 * (n % 3)))
    shut = inc.start + dt.timedelta(days=rng.randrange(0, 2))
    arrest = inc.start + dt.timedelta(days=f["days"] + 2)
    named: set = set()
    paras = [
        f"{inc.org} has suspended {inc.stops} after a {inc.kind} {_when(rng, inc.start, published)}, "
        f"affecting about {_count(rng, f['affected'])} {inc.counted}.",
        f"The organisation, which employs {_count(rng, f['staff'])} people across {inc.town}, shut down "
        f"its computer systems {_when(rng, shut, published)} as a precaution.",
        _quote(rng, inc, inc.statements[0], named),
        f"A criminal group calling itself {inc.group} claimed responsibility, saying it had taken "
        f"{f['data_tb']:g}TB of data.",
        f"Analysts estimate the disruption could cost {inc.noun} {_money(rng, f['cost_m'])}, "
        f"with {inc.stops} halted for more than {f['days']} days.",
        _quote(rng, inc, rng.choice(inc.statements[1:3]), named),
        _quote(rng, inc, rng.choice(inc.statements[3:]), named),
    ]
    if published > arrest:
        paras.append(f"Police arrested {f['arrests']} men {_when(rng, arrest, published)} in connection "
                     "with the attack, and an investigation is continuing.")
    if style in ("business", "broadsheet", "trade"):
        paras.append(f"Shares in its parent company fell {f['share_pct']:g}% in early trading, "
                     f"and {inc.noun} expects the full cost to be {_money(rng, f['cost_m'] * 1.5)}.")
    if style in ("local", "tabloid", "broadcast"):
        paras.append(f"One resident in {inc.town} said the {f['weeks']} weeks of disruption had been "
                     "“a nightmare from start to finish”.")
    paras.append(f"{inc.org} said {inc.stops} would resume in the coming days.")
    paras.append(rng.choice([
        f"The {inc.kind} is the latest in a string of incidents to hit public services and businesses "
        "this year, and security experts have warned that many organisations are still not prepared.",
        f"The National Cyber Security Centre said it was working with {inc.noun} to understand the "
        "full impact of the incident.",
        f"Staff were told to work from home and to avoid logging in to any of the affected systems "
        f"until further notice, according to an internal email seen by {name}."]))
    paras.append(rng.choice([
        f"{inc.group} has been linked to at least {rng.choice([5, 12, 20])} attacks since "
        f"{inc.start.year - 1}, according to researchers.",
        f"Anyone worried about their data has been told to contact {inc.noun} directly and to be "
        "wary of unexpected emails or calls.",
        "It is not yet clear how the attackers got in."]))
    paras = paras[:2] + rng.sample(paras[2:], len(paras) - 2)
    headline = f"{inc.org} hit by {inc.kind}"
    lines = [rng.choice(FURNITURE_TOP), headline] if style in ("tabloid", "local") else [headline]
    if style == "wire":
        lines = [f" date {published.isoformat()}"] + lines
    if style == "broadcast":
        paras = [p for para in paras for p in para.split(". ") if p]   # one sentence a paragraph
    body = "\n\n".join(lines + paras + [rng.choice(FURNITURE_END)]) + "\n"
    sid = f"{slug}-{inc.key}-{n:05d}"
    row = {"source_id": sid, "outlet": name, "url": f"https://example.org/{slug}/{sid}",
           "published_date": published.isoformat(),
           "date_basis": "stated" if style == "wire" else "inferred",
           "notes": "synthetic, generated by bench/corpus.py"}
    return body, row


def generate(out: Path, n_articles: int, seed: int = 7, n_incidents: int | None = None) -> None:
    rng = random.Random(seed)
    incs = incidents(rng, n_incidents or max(8, n_articles // 250))
    (out / "articles").mkdir(parents=True, exist_ok=True)
    rows = []
    for n in range(n_articles):
        inc = incs[n % len(incs)]
        body, row = article(rng, inc, OUTLETS[rng.randrange(len(OUTLETS))], n)
        (out / "articles" / f"{row['source_id']}.txt").write_text(body, encoding="utf-8")
        rows.append(row)
    with open(out / "sources.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(rows, key=lambda r: r["source_id"]))


def add_article(raw: Path, seed: int = 99, number: int = 99999) -> str:
    """One more article in an existing corpus (the incremental-rebuild case); another
    `number` gives another article."""
    rng = random.Random(seed + number)
    inc = incidents(rng, 1)[0]
    body, row = article(rng, inc, OUTLETS[0], number)
    (raw / "articles" / f"{row['source_id']}.txt").write_text(body, encoding="utf-8")
    with open(raw / "sources.csv", "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, list(row), lineterminator="\n").writerow(row)
    return row["source_id"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    generate(a.out, a.articles, a.seed)
