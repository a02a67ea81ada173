"""Stage `extract`: each article's canonical text → its entity, figure, quote and
event mentions (interim/mentions.jsonl, one line per article). The per-article core
`extract_article` is pure and independent of every other article."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from . import entities, events, figures, lexicon, quotes, runner, segments, timex
from .config import Layout, params
from .tables import atomic_write, read_table


_LX = lexicon.load("entities")
# nouns that name an organisation ("the carmaker"), not its voice ("the spokesperson")
_ORG_NOUNS = (set(_LX["org_nouns"]) | set(_LX["government_nouns"]) | set(_LX["group_nouns"])
              | set(_LX["generic_org_nouns"])) - {"statement"}
# "the council", "the airline": nouns for the kind of body an incident happens to;
# not "the company" or "the group" (too vague) nor "the police" (in every story)
_SUBJECT_NOUNS = (set(_LX["org_nouns"]) | set(_LX["government_nouns"])) - set(_LX["bystander_nouns"])
_REFERENCE = re.compile(rf"\b[Tt]he (?P<noun>{lexicon.alternation(sorted(_SUBJECT_NOUNS), False)})\b")


def references(text: str, sents: list[tuple[int, int]], ents) -> list[str]:
    """The entity each "the council", "the airline" stands for, where the article
    names one for it: what an article is about is referred to more than it is named."""
    out = []
    for ss, se in sents:
        for m in _REFERENCE.finditer(text, ss, se):
            if (name := quotes.noun_refers_to(m.group("noun").lower(), ents)):
                out.append(name)
    return out


def extract_article(source_id: str, text: str, published: str | None,
                    spans: list[segments.Span], p: dict) -> dict:
    """One article's mentions; `p` is the `extract` section of params.yaml."""
    pub = dt.date.fromisoformat(published) if published else None
    paras = segments.paragraphs(text, spans)
    sents = [s for ps, pe in paras for s in segments.sentences(text, ps, pe)]
    ents = entities.extract(text, sents)
    years = timex.stated_years(text)

    figs = []
    dollar = figures.local_dollar(text)
    for ss, se in sents:
        dates = [(t.start, t.end) for t in timex.find(text, ss, se)]
        for f in figures.extract(text, ss, se, dates, dollar):
            d = f.as_dict(text)
            d["sentence"] = text[ss:se]
            # what the number is about: the organisation named nearest before it in the
            # sentence, else the first after it
            orgs = [m for m in ents.in_span(ss, se) if ents.type_of(m[3]) in quotes.ORG_TYPES]
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
        "references": references(text, sents, ents),
        "listeners": sorted(ents.listeners),
        "figures": figs,
        "quotes": found_quotes,
        "events": events.extract(text, sents, ents, pub, years, p["event_after_penalty"],
                                 p["event_clause_penalty"], p["event_max_distance"]),
    }


def extract_line(source_id: str, text: str, published: str | None,
                 spans: list[segments.Span], p: dict) -> str:
    """extract_article as one line of interim/mentions.jsonl."""
    return json.dumps(extract_article(source_id, text, published, spans, p),
                      ensure_ascii=False, sort_keys=True)


def extract_all(sources: list[dict], texts: list[dict], segs: list[dict], p: dict,
                opts: runner.Options = runner.Options(jobs=1), cache_path: Path | None = None) -> str:
    """The mentions file: one line per article, in source_id order, whatever `opts` says
    about how many workers make it; articles unchanged since the run that wrote
    `cache_path` are taken from it."""
    by_source: dict[str, list[segments.Span]] = {}
    for s in segs:
        by_source.setdefault(s["source_id"], []).append(segments.Span(s["char_start"], s["char_end"], s["kind"]))
    text_of = {t["source_id"]: t["text"] for t in texts}
    cache = runner.Cache(cache_path)
    calls, keys = [], []
    for s in sorted(sources, key=lambda s: s["source_id"]):
        sid = s["source_id"]
        spans = sorted(by_source.get(sid, []), key=lambda sp: sp.start)
        calls.append((sid, text_of[sid], s["published_date"], spans, p))
        keys.append(cache.key("extract", sid, hashlib.sha256(text_of[sid].encode()).hexdigest(),
                              s["published_date"], [(sp.start, sp.end, sp.kind) for sp in spans], p))
    lines = runner.cached_map(extract_line, calls, keys, cache, opts, "extract", prepare=figures.prepare)
    cache.save()
    return "".join(line + "\n" for line in lines)


def run(layout: Layout, opts: runner.Options = runner.Options()) -> None:
    d = layout.data
    mentions = extract_all(read_table(d / "sources.csv", "sources"), read_table(d / "texts.csv", "texts"),
                           read_table(d / "segments.csv", "segments"), params()["extract"],
                           opts, layout.cache / "extract.tsv")
    atomic_write({layout.interim / "mentions.jsonl": mentions})
