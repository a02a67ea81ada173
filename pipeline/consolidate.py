"""Stage `consolidate`: per-article mentions → one row per fact with its mentions
(entities, figures, quotes, events). Candidates are blocked (by name key, value,
shingles, type and date) so the work stays near-linear in the number of mentions.
IDs are derived from content, never from row order."""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from . import lexicon, schema
from .entities import legal_name, owner
from .config import Layout, params
from .timex import window
from .runner import Options
from .tables import atomic_write, render


def digest(*parts) -> str:
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x" + digest(name)[:6]


def _most_common(values, order=None):
    c = Counter(v for v in values if v not in (None, ""))
    if not c:
        return None
    return min(c, key=lambda v: (-c[v], order.index(v) if order else 0, str(v)))


class UnionFind:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, i):
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


# ---------------------------------------------------------------- entities

def _name_key(name: str) -> str:
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", name.casefold().replace("’", "'"))).strip()


def consolidate_entities(articles: list[dict], merge_ratio: float):
    """→ (entities rows, alias rows, {(source_id, local name): entity_id})."""
    # "Mr Smith" names no one alone, and "the company" only someone in its own article
    honorifics = set(lexicon.load("entities")["honorifics"])
    items = []   # (source_id, name, type, aliases)
    for a in articles:
        for e in a["entities"]:
            items.append((a["source_id"], e["name"], e["type"], e["aliases"]))
    uf = UnionFind(len(items))
    by_key: dict[str, int] = {}
    legal_forms = set(lexicon.load("entities")["legal_forms"])
    for i, (_, name, etype, aliases) in enumerate(items):
        for k in [name] + [x for x in aliases if x.split()[0] not in honorifics and not x[:1].islower()]:
            words = k.replace(",", " ").split()
            if etype == "organisation" and len(words) > 2 and words[-1] in legal_forms:
                k = " ".join(words[:-1])   # "Acme Holdings Inc" is "Acme Holdings"
            key = _name_key(k)
            if key in by_key:
                uf.union(i, by_key[key])
            else:
                by_key[key] = i
    # single-word person names ("Smith") join the one full name ending in them
    persons = defaultdict(set)
    for i, (_, name, t, _) in enumerate(items):
        if t == "person" and " " in name:
            persons[_name_key(name.split()[-1])].add(uf.find(i))
    for i, (_, name, t, _) in enumerate(items):
        if " " not in name and len(persons.get(_name_key(name), ())) == 1:
            uf.union(i, next(iter(persons[_name_key(name)])))
    # a one-word organisation name ("Quenby") joins the organisation whose longer name
    # starts with it ("Quenby Energy"), if it is the only one or the only company
    orgs = defaultdict(list)   # first word → [(item, name)] of longer organisation names
    for i, (_, name, t, _) in enumerate(items):
        if t == "organisation" and " " in name:
            orgs[_name_key(name.split()[0])].append((i, name))
    person_roots = {uf.find(i) for i, it in enumerate(items) if it[2] == "person"}
    for i, (_, name, t, _) in enumerate(items):
        if t == "organisation" and " " not in name and (found := orgs.get(_name_key(name))) \
                and uf.find(i) not in person_roots:   # "Morrison" already Jane Morrison
            # one name per cluster, its legal name where it has one
            best = {}
            for j, n in sorted(found, key=lambda x: (not legal_name(x[1]), x[1])):
                best.setdefault(uf.find(j), n)
            which = owner(sorted(best.values()))
            if which is not None:
                uf.union(i, next(r for r, n in best.items() if n == which))
    # near-identical spellings of the same type, blocked by first letter
    blocks = defaultdict(list)
    for i, (_, name, t, _) in enumerate(items):
        blocks[(t, _name_key(name)[:1])].append(i)
    for members in blocks.values():
        names = sorted({(_name_key(items[i][1]), uf.find(i)) for i in members})
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                if names[x][1] != names[y][1] and min(len(names[x][0]), len(names[y][0])) > 5 \
                        and fuzz.ratio(names[x][0], names[y][0]) >= merge_ratio:
                    uf.union(names[x][1], names[y][1])

    clusters = defaultdict(list)
    for i in range(len(items)):
        clusters[uf.find(i)].append(i)
    entities, aliases, local = [], [], {}
    used_ids: dict[str, str] = {}
    for members in sorted(clusters.values(), key=lambda m: sorted(items[i][1] for i in m)):
        names = Counter(items[i][1] for i in members)
        etype = _most_common([items[i][2] for i in members], list(schema.ENTITY_TYPES))
        # canonical: the most widely used multi-word name, else the most used one
        canonical = min(names, key=lambda n: (" " not in n or n.isupper(), -names[n], -len(n), n))
        eid = slug(canonical)
        if eid in used_ids and used_ids[eid] != canonical:
            eid = f"{eid}-{etype.replace('_', '-')}"
        used_ids[eid] = canonical
        entities.append({"entity_id": eid, "name": canonical, "entity_type": etype})
        names_all = set(names)
        for i in members:
            names_all.update(items[i][3])
            local[(items[i][0], items[i][1])] = eid
        for n in sorted(names_all - {canonical}):
            aliases.append({"entity_id": eid, "alias": n})
    return entities, aliases, local


# ---------------------------------------------------------------- figures

def consolidate_figures(articles, local, story):
    """The same number for the same measure in the same story is one figure."""
    groups = defaultdict(list)
    for a in articles:
        for f in a["figures"]:
            key = (story[a["source_id"]] or a["source_id"], f["kind"], f["value"], f["value_high"],
                   f["unit"], f["per"], f["measure"])
            groups[key].append((a["source_id"], f))
    figures, mentions = [], []
    for key, ms in groups.items():
        # content and the first source that reports it: an unrelated article cannot
        # change it, and the same number in two stories gets two IDs
        fid = "fig-" + digest(*key[1:], min(sid for sid, _ in ms))
        _, kind, value, value_high, unit, per, measure = key
        figures.append({
            "figure_id": fid, "story_id": story[ms[0][0]], "kind": kind, "value": value,
            "value_high": value_high, "unit": unit,
            "per": per, "qualifier": _most_common([f["qualifier"] for _, f in ms], list(schema.QUALIFIERS)),
            "measure": measure,
            "subject_id": _most_common([local.get((sid, f["subject"])) for sid, f in ms if f["subject"]]),
        })
        for sid, f in ms:
            mentions.append({"figure_id": fid, "source_id": sid, "char_start": f["char_start"],
                             "char_end": f["char_end"], "surface": f["surface"],
                             "qualifier": f["qualifier"], "sentence": f["sentence"]})
    return figures, mentions


# ---------------------------------------------------------------- quotes

_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


def normalise_quote(text: str) -> str:
    t = text.translate(_QUOTE_CHARS).casefold()
    t = re.sub(r"[^\w\s']", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _shingles(words: list[str], n: int = 3) -> set[tuple]:
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def group_quotes(texts: list[str], partial: list[bool], group_ratio: float, contain_ratio: float,
                 contain_min_words: int, statements: list | None = None) -> list[int]:
    """Group index of each quoted span: near-identical spans, and spans one of which
    contains the other (a sentence more or less), are one statement. A fragment (a
    partial quote or a short span) joins the single statement it fits best, so it
    never glues two statements together."""
    norm = [normalise_quote(t) for t in texts]
    uf = UnionFind(len(texts))
    # the sentences of each span, for statements quoted a sentence more or less
    sents = [tuple(x for x in (normalise_quote(s) for s in re.split(r"(?<=[.!?])\s+", t))
                   if len(x.split()) >= contain_min_words) for t in texts]
    # Coverage repeats a statement word for word: spans alike in normalised text,
    # partial flag and sentences are one rendering, joined at once; only distinct
    # renderings are compared, so the pairs grow with the variants, not the sources.
    rep: dict[tuple, int] = {}
    for i, key in enumerate(zip(norm, partial, sents)):
        uf.union(i, rep.setdefault(key, i))
    reps = sorted(rep.values())
    words = {i: norm[i].split() for i in reps}
    index = defaultdict(list)
    for i in reps:
        for sh in _shingles(words[i]):
            index[sh].append(i)
    pairs = set()
    for members in index.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    first_span = {}
    for i, key in enumerate(statements or []):
        # spans of one statement in one article (continued or interrupted quotes)
        uf.union(i, first_span.setdefault(key, i))
    fragment_of = defaultdict(list)        # fragment -> [(score, other)]
    for i, j in sorted(pairs):
        if fuzz.ratio(norm[i], norm[j]) >= group_ratio:
            uf.union(i, j)
            continue
        # which one is the fragment: the shorter (by text on a tie, never by source order)
        short, long_ = sorted((i, j), key=lambda k: (len(norm[k]), norm[k]))
        score = fuzz.partial_ratio(norm[short], norm[long_])
        if score < contain_ratio:
            # one sentence in common, the rest differing: still one statement
            if not (partial[i] or partial[j]) and any(
                    fuzz.ratio(a, b) >= group_ratio for a in sents[i] for b in sents[j]):
                uf.union(i, j)
            continue
        if partial[short] or len(words[short]) < contain_min_words:
            fragment_of[short].append((score, long_))
        else:
            uf.union(i, j)
    # fragments in the order of their text, and ties broken by text, so that which
    # statement a fragment joins never depends on the order of the sources
    content = lambda k: (norm[k], partial[k], sents[k])
    size = Counter(uf.find(i) for i in range(len(texts)))
    for frag, cands in sorted(fragment_of.items(), key=lambda fc: content(fc[0])):
        if size[uf.find(frag)] > 1 and not all(partial[k] for k in range(len(texts)) if uf.find(k) == uf.find(frag)):
            continue   # already part of a statement of its own
        best = min(cands, key=lambda c: (-c[0], -size[uf.find(c[1])], content(c[1])))
        uf.union(frag, best[1])
        size = Counter(uf.find(i) for i in range(len(texts)))
    return [uf.find(i) for i in range(len(texts))]


def consolidate_quotes(articles, local, p, story):
    """One quote per statement within a story, however many sources quote it."""
    by_story = defaultdict(list)
    for a in articles:
        by_story[story[a["source_id"]] or a["source_id"]] += [(a["source_id"], q) for q in a["quotes"]]
    clusters = defaultdict(list)
    for key, flat in by_story.items():
        groups = group_quotes([q["text"] for _, q in flat], [q["is_partial"] for _, q in flat],
                              p["group_ratio"], p["contain_ratio"], p["contain_min_words"],
                              [(sid, q["statement"]) for sid, q in flat])
        for g, item in zip(groups, flat):
            clusters[(key, g)].append(item)
    quotes, mentions = [], []
    for ms in clusters.values():
        # the longest faithful variant: one source's spans of the statement, in order,
        # leaving out fragments that the narrator's own sentences quote
        renderings = defaultdict(list)
        whole = [m for m in ms if not m[1]["is_partial"]] or ms
        for sid, q in sorted(whole, key=lambda m: (m[0], m[1]["char_start"])):
            renderings[sid].append(q["text"])
        # spans of one source joined with an ellipsis: words the source did not run together
        canonical = max((" … ".join(r) for r in renderings.values()), key=lambda t: (len(normalise_quote(t)), t))
        qid = "quo-" + digest(normalise_quote(canonical), min(sid for sid, _ in ms))
        speakers = [local.get((sid, q["speaker"])) for sid, q in ms if q["speaker"]]
        speaker = _most_common(speakers)
        role = _most_common([q["speaker_role"] for sid, q in ms
                             if q["speaker"] and local.get((sid, q["speaker"])) == speaker])
        quotes.append({"quote_id": qid, "story_id": story[ms[0][0]], "speaker_id": speaker,
                       "speaker_role": role,
                       "text": canonical, "is_partial": all(q["is_partial"] for _, q in ms)})
        for sid, q in ms:
            mentions.append({"quote_id": qid, "source_id": sid, "char_start": q["char_start"],
                             "char_end": q["char_end"], "text": q["text"],
                             "speaker_text": q["speaker_text"], "cue": q["cue"],
                             "speaker_id": local.get((sid, q["speaker"])) if q["speaker"] else None})
    return quotes, mentions


# ---------------------------------------------------------------- events

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def _summary(evidence: str, limit: int = 160) -> str:
    s = re.sub(r"\s+", " ", evidence).strip()
    if len(s) <= limit:
        return s
    return s[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# How much each mention of an entity ties articles into one story: who the story is
# about. Places tie nothing. Public bodies weigh half: a council or a hospital trust
# is often the victim, but regulators, police and ministries speak on many incidents,
# and one named as often as two victims must not make their incidents one.
_STORY_WEIGHTS = {"organisation": 1.0, "group": 1.0, "person": 1.0, "government_body": 0.5}


def link_similar(vectors: list[Counter], min_similarity: float) -> UnionFind:
    """Single-linkage groups of count vectors whose cosine reaches min_similarity.

    Candidates by prefix filtering (Bayardo et al., "Scaling up all pairs similarity
    search", 2007): order each vector's keys rarest first and index only the prefix
    left after dropping the longest tail whose weight (as a unit vector) is under the
    threshold. Two vectors whose cosine reaches the threshold must share a key of both
    prefixes, so no pair is lost, while a name many stories mention (an outlet, a
    regulator) stays in the tail of any article that names its own actors more."""
    norm = [sum(n * n for n in v.values()) ** 0.5 for v in vectors]
    uf = UnionFind(len(vectors))
    df = Counter(e for v in vectors for e in v)
    by_key = defaultdict(list)
    for i, v in enumerate(vectors):
        feats = sorted(v, key=lambda e: (df[e], e))
        tail = 0.0
        while feats and tail + (v[feats[-1]] / norm[i]) ** 2 < min_similarity ** 2 - 1e-9:
            tail += (v[feats.pop()] / norm[i]) ** 2
        for e in feats:
            by_key[e].append(i)
    # a pair already joined through others needs no comparison, and a bucket is done
    # once all its vectors are joined
    for members in by_key.values():
        parts = len({uf.find(i) for i in members})
        for k, i in enumerate(members):
            if parts == 1:
                break
            a = vectors[i]
            for j in members[k + 1:]:
                if uf.find(i) != uf.find(j):
                    b = vectors[j]
                    if sum(n * b[e] for e, n in a.items()) / (norm[i] * norm[j]) >= min_similarity:
                        uf.union(i, j)
                        parts -= 1
    return uf


def stories(articles, local, entities, min_similarity: float) -> dict[str, str | None]:
    """The incident each article covers. Articles whose counts of organisations,
    public bodies, groups and people, named or referred to ("the council"), are
    alike (cosine ≥ min_similarity) are one story, so facts of different incidents
    stay apart: a bystander named in passing (a regulator, another company, the outlet
    a speaker "told") weighs little against what an article is about. The story is
    named by its most-counted entity."""
    types = {e["entity_id"]: e["entity_type"] for e in entities}
    vectors = {}
    for a in articles:
        listeners = set(a["listeners"])
        c = Counter(local[(a["source_id"], m["name"])] for m in a["entity_mentions"]
                    if m["char_start"] not in listeners)
        c.update(local[(a["source_id"], name)] for name in a["references"])
        vectors[a["source_id"]] = Counter({e: n * _STORY_WEIGHTS[types[e]] for e, n in c.items()
                                           if types.get(e) in _STORY_WEIGHTS})
    sids = sorted(vectors)
    uf = link_similar([vectors[sid] for sid in sids], min_similarity)
    total = defaultdict(Counter)
    for i, sid in enumerate(sids):
        total[uf.find(i)].update(vectors[sid])
    key = {r: (min(c, key=lambda e: (-c[e], e)) if c else None) for r, c in total.items()}
    return {sid: key[uf.find(i)] for i, sid in enumerate(sids)}


def _verb_key(trigger: str) -> str:
    """A verb without its inflection ("delayed", "delays" → "delay"), for comparing
    what two reports say happened."""
    # "fell a further 9.6%": the verb, not its amount
    trigger = re.sub(r"\s+(?:a\s+further\s+|another\s+)?[\d.]+\s*(?:%|per\s*cent)\s*$", "", trigger)
    w = trigger.lower().split()[-1] if trigger.strip() else ""
    return re.sub(r"(?:ing|ed|es|s|d)$", "", w) if len(w) > 4 else w


def consolidate_events(articles, local, published, story, planned_slack_days):
    """One event per happening in a story: mentions of one type whose dates fit the
    most precise report's window. Candidates are blocked by type and story, so the
    cost grows with the mentions of one happening, not with the whole corpus."""
    slack = dt.timedelta(days=planned_slack_days)
    by_block = defaultdict(list)   # (type, story, verb of an `other` happening) -> mentions
    for a in articles:
        for e in a["events"]:
            # `other` is many kinds of happening: only the same verb makes two reports one;
            # two suppliers' troubles are two happenings: only the same supplier does
            if e["event_type"] == "other":
                verb = _verb_key(e["trigger"])
            elif e["event_type"] == "supplier_impact":
                verb = local.get((a["source_id"], e["actor"]), "") if e["actor"] else ""
            else:
                verb = ""
            by_block[(e["event_type"], story[a["source_id"]] or a["source_id"], verb)].append((a["source_id"], e))
    events, mentions = [], []
    taken: set[str] = set()
    for (etype, _, verb), ms in sorted(by_block.items()):
        dated = sorted([m for m in ms if window(m[1]["event_date"], m[1]["date_precision"])],
                       key=lambda m: (_PRECISION_RANK[m[1]["date_precision"]], m[1]["event_date"],
                                      m[0], m[1]["char_start"]))
        clusters: list[list] = []
        anchors: list[tuple] = []   # (anchor date, cluster index), sorted
        # two dates of one type in one sentence are two happenings ("a partial restart
        # on Friday and a full one next week"): the (sentence, date) pairs each cluster
        # holds, so it takes no mention of one of its sentences with another date
        sentences: list[dict] = []
        for m in dated:
            lo, hi = window(m[1]["event_date"], m[1]["date_precision"])
            where, when = (m[0], m[1]["char_start"]), (m[1]["event_date"], m[1]["date_precision"])
            fits = [k for _, k in anchors[bisect.bisect_left(anchors, (lo, -1)):
                                          bisect.bisect_right(anchors, (hi, len(clusters)))]
                    if sentences[k].get(where, when) == when]
            if fits:
                k = max(fits, key=lambda k: (len(clusters[k]), -k))
            else:
                bisect.insort(anchors, (dt.date.fromisoformat(m[1]["event_date"]), len(clusters)))
                k = len(clusters)
                clusters.append([])
                sentences.append({})
            clusters[k].append(m)
            sentences[k][where] = when
        # a happening announced as planned and later reported as done is one event:
        # a planned-only cluster joins the nearest occurred one dated in or just after
        # its window (up to `planned_slack_days` later)
        occurred = sorted((dt.date.fromisoformat(o[0][1]["event_date"]), k) for k, o in enumerate(clusters)
                          if any(m[1]["status"] == "occurred" for m in o))
        for c in sorted(clusters, key=lambda c: c[0][1]["event_date"]):
            if c and all(m[1]["status"] == "planned" for m in c):
                lo, hi = window(c[0][1]["event_date"], c[0][1]["date_precision"])
                mine = {(m[0], m[1]["char_start"]): (m[1]["event_date"], m[1]["date_precision"]) for m in c}
                later = [k for d, k in occurred[bisect.bisect_left(occurred, (lo, -1)):
                                                bisect.bisect_right(occurred, (hi + slack, len(clusters)))]
                         if clusters[k] is not c
                         and all(sentences[k].get(w, d) == d for w, d in mine.items())]
                if later:
                    clusters[later[0]].extend(c)
                    sentences[later[0]].update(mine)
                    c.clear()
        clusters = [c for c in clusters if c]
        undated = sorted([m for m in ms if not window(m[1]["event_date"], m[1]["date_precision"])],
                         key=lambda m: (m[0], m[1]["char_start"]))
        n_dated = len(clusters)
        for m in undated:
            if n_dated == 1:
                clusters[0].append(m)   # the only dated happening of this kind in its story
            else:
                clusters.append([m])
        for c in clusters:
            anchor = c[0][1]
            first = min((m[0], m[1]["char_start"]) for m in c)
            what = (etype, verb) if verb else (etype,)   # two `other` happenings of one day differ by verb
            if anchor["event_date"]:
                eid = "evt-" + digest(*what, anchor["event_date"], anchor["date_precision"], first[0])
                if eid in taken:   # two happenings of one date first told by one source
                    eid = "evt-" + digest(*what, anchor["event_date"], anchor["date_precision"], *first)
            else:
                eid = "evt-" + digest(*what, None, "unknown", *first)
            taken.add(eid)
            latest = max(c, key=lambda m: (published.get(m[0]) or "", m[1]["status"] == "occurred"))
            events.append({
                "event_id": eid, "story_id": story[c[0][0]], "event_type": etype, "event_date": anchor["event_date"],
                "date_precision": anchor["date_precision"], "status": latest[1]["status"],
                # the tersest report of it: the shortest sentence (then the earliest source)
                "summary": _summary(min((e["evidence"] for _, e in sorted(c, key=lambda m: m[0])),
                                        key=len)),
                "actor_id": _most_common([local.get((sid, e["actor"])) for sid, e in c if e["actor"]]),
                "place_id": _most_common([local.get((sid, e["place"])) for sid, e in c if e["place"]]),
            })
            seen = set()
            for sid, e in sorted(c, key=lambda m: (m[0], m[1]["char_start"], m[1]["date_text"])):
                if (sid, e["char_start"]) in seen:
                    continue
                seen.add((sid, e["char_start"]))
                mentions.append({"event_id": eid, "source_id": sid, "char_start": e["char_start"],
                                 "char_end": e["char_end"], "evidence": e["evidence"],
                                 "date_text": e["date_text"], "event_date": e["event_date"],
                                 "date_precision": e["date_precision"], "status": e["status"]})
    return events, mentions


# ---------------------------------------------------------------- stage

def consolidate(articles: list[dict], p: dict) -> dict[str, list[dict]]:
    articles = sorted(articles, key=lambda a: a["source_id"])
    published = {a["source_id"]: a["published_date"] for a in articles}
    entities, aliases, local = consolidate_entities(articles, p["entities"]["merge_ratio"])
    entity_mentions = [
        {"entity_id": local[(a["source_id"], m["name"])], "source_id": a["source_id"],
         "char_start": m["char_start"], "char_end": m["char_end"], "surface": m["surface"]}
        for a in articles for m in a["entity_mentions"]]
    story = stories(articles, local, entities, p["stories"]["min_similarity"])
    figures, figure_mentions = consolidate_figures(articles, local, story)
    quotes, quote_mentions = consolidate_quotes(articles, local, p["quotes"], story)
    events, event_mentions = consolidate_events(articles, local, published, story,
                                                p["events"]["planned_slack_days"])
    return {"entities": entities, "entity_aliases": aliases, "entity_mentions": entity_mentions,
            "figures": figures, "figure_mentions": figure_mentions, "quotes": quotes,
            "quote_mentions": quote_mentions, "events": events, "event_mentions": event_mentions}


def read_mentions(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(layout: Layout, opts: Options = Options()) -> None:
    from .validate import check_before_writing
    tables = consolidate(read_mentions(layout.interim / "mentions.jsonl"), params())
    rendered = {name: render(name, rows) for name, rows in tables.items()}
    check_before_writing(layout.data, rendered)   # swapped in only when its checks pass
    atomic_write({layout.data / f"{name}.csv": text for name, text in rendered.items()})
