"""Stage `extract`: each article's canonical text → its entity, figure, quote and
event mentions (interim/mentions.jsonl, one line per article). The per-article core
`extract_article` is pure and independent of every other article."""
from __future__ import annotations

import datetime as dt
import json
import re

from . import entities, events, figures, lexicon, quotes, segments, timex
from .config import Layout, params
from .tables import atomic_write, read_table


_LX = lexicon.load("entities")
# nouns that name an organisation ("the carmaker"), not its voice ("the spokesperson")
_ORG_NOUNS = (set(_LX["org_nouns"]) | set(_LX["government_nouns"]) | set(_LX["group_nouns"])
              | set(_LX["generic_org_nouns"])) - {"statement"}


def extract_article(source_id: str, text: str, published: str | None,
                    spans: list[segments.Span], p: dict) -> dict:
    """One article's mentions; `p` is the `extract` section of params.yaml."""
    pub = dt.date.fromisoformat(published) if published else None
    paras = segments.paragraphs(text, spans)
    sents = [s for ps, pe in paras for s in segments.sentences(text, ps, pe)]
    ents = entities.extract(text, sents)
    years = timex.stated_years(text)

    figs = []
    for ss, se in sents:
        dates = [(t.start, t.end) for t in timex.find(text, ss, se)]
        for f in figures.extract(text, ss, se, dates):
            d = f.as_dict(text)
            d["sentence"] = text[ss:se]
            # what the number is about: the organisation named nearest before it in the
            # sentence, else the first after it
            orgs = [m for m in ents.in_span(ss, se) if ents.type_of(m[3]) in ("organisation", "government_body")]
            before = [m for m in orgs if m[1] <= f.start]
            d["subject"] = before[-1][3] if before else (orgs[0][3] if orgs else None)
            figs.append(d)
    found_quotes = quotes.extract(text, paras, sents, ents, p["quote_continuation_chars"])
    for q in found_quotes:
        # "the carmaker said": the noun the article uses for the speaker is an alias
        if q["speaker"] in ents.entities and q["speaker_text"] \
                and (m := re.fullmatch(r"[Tt]he ([a-z]+(?: [a-z]+)?)", q["speaker_text"])) \
                and m.group(1) in _ORG_NOUNS and ents.type_of(q["speaker"]) != "person":
            ents.entities[q["speaker"]].aliases.add(q["speaker_text"][0].lower() + q["speaker_text"][1:])
    return {
        "source_id": source_id,
        "published_date": published,
        "entities": [{"name": e.name, "type": e.type, "aliases": sorted(e.aliases), "role": e.role or None}
                     for e in sorted(ents.entities.values(), key=lambda e: e.name)],
        "entity_mentions": [{"char_start": s, "char_end": e, "surface": surf, "name": n}
                            for s, e, surf, n in ents.mentions],
        # names a speaker talked to ("told Reuters"): the outlet, not the story
        "listeners": [s for s, e, surf, n in ents.mentions
                      if re.search(r"\b(?:told|telling|tells|speaking to|interview with)\s+(?:the\s+)?\Z",
                                   text[max(0, s - 25):s])],
        "figures": figs,
        "quotes": found_quotes,
        "events": events.extract(text, sents, ents, pub, years, p["event_after_penalty"],
                                 p["event_clause_penalty"], p["event_max_distance"]),
    }


def extract_all(sources: list[dict], texts: list[dict], segs: list[dict], p: dict) -> list[dict]:
    by_source: dict[str, list[segments.Span]] = {}
    for s in segs:
        by_source.setdefault(s["source_id"], []).append(segments.Span(s["char_start"], s["char_end"], s["kind"]))
    text_of = {t["source_id"]: t["text"] for t in texts}
    return [extract_article(s["source_id"], text_of[s["source_id"]], s["published_date"],
                            sorted(by_source.get(s["source_id"], []), key=lambda sp: sp.start), p)
            for s in sorted(sources, key=lambda s: s["source_id"])]


def dumps(articles: list[dict]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False, sort_keys=True) + "\n" for a in articles)


def run(layout: Layout) -> None:
    d = layout.data
    articles = extract_all(read_table(d / "sources.csv", "sources"), read_table(d / "texts.csv", "texts"),
                           read_table(d / "segments.csv", "segments"), params()["extract"])
    atomic_write({layout.interim / "mentions.jsonl": dumps(articles)})
