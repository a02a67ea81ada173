"""Quotes: spans inside quotation marks, paired by position and type within a
paragraph (apostrophes told apart from single quotes, missing marks repaired to the
paragraph edge), with speaker, role, cue and partiality. Pure."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .entities import ArticleEntities

MIN_WORDS = 3          # DATA_MODEL.md: a quote is at least 3 words long
_WORD = re.compile(r"[\w’'-]*\w")

# opener -> closers, per family
_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“”", '"': '"'}
_SINGLE_OPEN = {"‘": "’", "'": "'"}
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "organisation"}


@lru_cache(maxsize=None)
def _lx():
    sp = lexicon.load("speech")
    en = lexicon.load("entities")
    verbs = lexicon.alternation(sp["verbs"])
    all_nouns = en["org_nouns"] + en["generic_org_nouns"] + en["government_nouns"] + en["group_nouns"]
    nouns = lexicon.alternation(all_nouns + en["spokesperson_words"])
    titles = [a for a in lexicon.load("abbreviations")["abbreviations"] if a[:1].isupper()]
    return {
        "verbs": set(sp["verbs"]),
        "spokes": tuple(en["spokesperson_words"]),
        "org_nouns": set(all_nouns),
        "generic_nouns": set(en["generic_org_nouns"]),
        "gov_nouns": set(en["government_nouns"]),
        "group_nouns": set(en["group_nouns"]),
        # "Ms. Marsh" → "Ms  Marsh": the full stop of a title is no sentence end
        "abbrev_dot": re.compile(rf"\b({lexicon.alternation(titles, False)})\."),
        # "..." Smith told Reuters. / "...", a company spokesperson stated.
        "post": re.compile(rf"\A[\s,.!?—–-]*(?P<phrase>[^.!?“”\"«»\n]{{1,80}}?)\s+(?P<verb>{verbs})"
                           rf"(?P<obj>\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|reporters|journalists|colleagues|staff|MPs|councillors|parliament))?"),
        # "...", said Jane Doe, chief executive of X.
        "post_inv": re.compile(rf"\A[\s,]*(?P<verb>{lexicon.alternation(sp['inverted_verbs'], False)})\s+"
                               rf"(?P<phrase>[^.!?“”\"«»,\n]{{2,80}}?)(?=[,.;]|\s*\Z)"),
        # A spokesperson added: / Jane Smith said, / In a statement, the company said:
        "pre": re.compile(rf"(?P<verb>{verbs})(?P<obj>(?:\s+[\w’'-]+){{0,5}}?)\s*[:,]?\s*\Z"),
        "pre_any": re.compile(rf"(?P<verb>{verbs})\b"),
        "according": re.compile(r"\b(?i:according to)\s+(?P<phrase>[^,.;“”\"«»\n]{2,80}?)(?=[,.;]|\s*\Z|\s+[“\"«])"),
        "nominal": re.compile(rf"\b(?P<det>a|an|the|its|their|one|another)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{nouns})\b", re.I),
        "statement": re.compile(r"\bin a (?:statement|post|letter|email|blog post|press release)\b", re.I),
    }


@dataclass
class Quote:
    start: int
    end: int
    open_at: int | None      # index of the opening mark (None when repaired)
    close_at: int | None
    partial: bool = False
    speaker: str | None = None
    role: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    attr_end: int | None = None          # end of an attribution written after the quote
    statement: int = -1                  # char_start of the first span of its statement


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' between letters (don’t, ACME’s) or after a plural s before a noun
    (patients’ records) is an apostrophe, not a closing quote."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if prev in "sS" and nxt == " ":
        m = re.match(r" ([a-z][\w-]*)", text[i + 1:i + 30])
        if m and m.group(1) not in _lx()["verbs"] and m.group(1) not in _PRONOUNS \
                and m.group(1) not in ("according", "and", "but", "or", "a", "the"):
            return True
    if prev in " \n" and nxt.isdigit():
        return True   # ’90s
    return False


def _spans(text: str, ps: int, pe: int) -> list[Quote]:
    """Quoted spans in one paragraph text[ps:pe]."""
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []     # (opener, index)
    marks = [(i, c) for i, c in enumerate(text[ps:pe], start=ps) if c in "“”«»„\"‘’'"]
    for i, c in marks:
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if c in "’'" and _is_apostrophe(text, i):
            continue
        if c == "‘" and prev.isalnum():
            continue
        # the closer of the innermost open quote?
        if stack and c in _DOUBLE_OPEN.get(stack[-1][0], _SINGLE_OPEN.get(stack[-1][0], "")) \
                and not (c in "\"'" and not (prev.strip() and prev not in "([{")) \
                and not (c == "“" and stack[-1][0] != "„"):
            op, oi = stack.pop()
            out.append(Quote(oi + 1, i, oi, i))
            continue
        if c in "”»" or (c in "’'" and stack == []) or (c == '"' and not stack and prev.strip()
                                                        and not nxt.isalnum()):
            if c == "’" or c == "'":
                # a closing single mark with nothing open: only a repair when it ends
                # the speech ("...stopped,’ he said"), never for a stray apostrophe
                if not re.match(r"[\s]*[a-z]", text[i + 1:i + 3]) or prev not in ",.!?":
                    continue
            if not stack and not out:
                out.append(Quote(ps, i, None, i))     # opening mark missing
            elif not stack and out and all(q.close_at is not None for q in out):
                last = max(q.close_at for q in out)
                if re.search(r"[.!?]\s", text[last:i]):
                    # a repaired span starts after the last sentence end
                    m = list(re.finditer(r"[.!?][”’\"»]?\s+", text[last:i]))[-1]
                    out.append(Quote(last + m.end(), i, None, i))
            continue
        if c in "“«„‘" or (c in "\"'" and (not prev.strip() or prev in "([{—–-") and nxt.strip()):
            stack.append((c, i))
    for op, oi in stack:
        if op in "“«„\"" or (op == "‘" and oi == ps):
            out.append(Quote(oi + 1, pe, oi, None))   # closing mark missing: to the paragraph end
    out = [q for q in out if q.start < q.end]
    for q in out:
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        while q.end > q.start and text[q.end - 1].isspace():
            q.end -= 1
    return sorted(out, key=lambda q: q.start)


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _sentence_of(sentences, pos):
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return None


def extract(text: str, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]],
            ents: ArticleEntities, continuation_chars: int) -> list[dict]:
    out = []
    last: Quote | None = None            # the last attributed quote
    last_para_had_quote = False
    continues_statement: Quote | None = None   # the statement an opening quote would continue
    for pi, (ps, pe) in enumerate(paragraphs):
        quotes = [q for q in _spans(text, ps, pe) if _words(text[q.start:q.end]) >= MIN_WORDS]
        para_quote = False
        for q in quotes:
            sent = _sentence_of(sentences, q.open_at if q.open_at is not None else q.start) or (ps, pe)
            ss = sent[0]
            # pre: the sentence up to the opening mark (or the paragraph start)
            pre_start = max(ss, ps)
            prev_q = [p for p in quotes if p.close_at is not None and p.close_at < q.start]
            if prev_q:
                pre_start = max(pre_start, prev_q[-1].close_at + 1)
            pre = text[pre_start:q.open_at] if q.open_at is not None else ""
            post_end = sent[1]
            nxt_q = [p for p in quotes if p.start > q.end]
            if nxt_q and nxt_q[0].open_at is not None:
                post_end = min(post_end, nxt_q[0].open_at)
            post = text[q.close_at + 1:max(post_end, q.close_at + 1)] if q.close_at is not None else ""
            _attribute(text, q, pre, pre_start, post, q.close_at + 1 if q.close_at is not None else q.end,
                       ents, last, last_para_had_quote and q.start - ps < 3, out)
            same_sentence = [p for p in prev_q if _sentence_of(sentences, p.start) == sent]
            if q.speaker or q.speaker_text:
                last = q
            elif same_sentence and same_sentence[-1].speaker:
                # a second quoted fragment of the same reported sentence
                q.speaker, q.role = same_sentence[-1].speaker, same_sentence[-1].role
            elif last and (q.start - ps < 3 or pre.strip() == ""):
                q.speaker, q.role = last.speaker, last.role
            elif q.partial and (m := _SPOKES_SUBJECT.match(text, sent[0], q.start)) \
                    and any(w in m.group().lower() for w in _lx()["spokes"]):
                # "The spokesperson extended thanks for their “...”": a spokesperson as
                # the subject speaks for the organisation without a reporting verb
                q.speaker, q.role = _resolve(text, m.group(), m.start(), m.end(), ents, last, out)
            elif q.partial:
                # a fragment with no attribution in its sentence: the reporting subject
                # of the sentence just before ("It said that ...")
                prev = [x for x in sentences if x[1] <= sent[0]]
                if prev and sent[0] - prev[-1][1] < 4:
                    ps0, pe0 = prev[-1]
                    probe = Quote(q.start, q.end, None, None, partial=True)
                    _attribute(text, probe, text[ps0:pe0], ps0, "", pe0, ents, None, False, out)
                    if probe.speaker and _reports_speech(text[ps0:pe0]):
                        q.speaker, q.role = probe.speaker, probe.role
            # one statement over several spans: a paragraph continuing a quote left open,
            # or the second half of a quote interrupted by its attribution
            p = max(prev_q, key=lambda x: x.close_at) if prev_q else None   # outermost
            if continues_statement is not None and q.start - ps < 3 and not q.speaker_text:
                q.statement = continues_statement.statement
            elif p and p.attr_end is not None and not q.speaker_text and q.open_at is not None \
                    and _ATTR_TAIL.fullmatch(text[p.attr_end:q.open_at]):
                q.statement = p.statement
            else:
                q.statement = q.start
            para_quote = True
            out.append(q)
        last_para_had_quote = para_quote
        # the next paragraph continues this statement if it opens with an unattributed
        # quote: after a quote left open, or after an attributed quote ending the paragraph
        tail = quotes[-1] if quotes else None
        continues_statement = tail if tail and (
            tail.close_at is None or (tail.speaker and pe - tail.end <= continuation_chars)) else None
    return [{"char_start": q.start, "char_end": q.end, "text": text[q.start:q.end],
             "speaker": q.speaker, "speaker_role": q.role, "speaker_text": q.speaker_text,
             "cue": q.cue, "is_partial": q.partial, "statement": q.statement} for q in out]


_SPOKES_SUBJECT = re.compile(r"(?:[A-Za-z’'-]+ ){0,4}?(?:spokes\w+|representative)\b")


def _reports_speech(sentence: str) -> bool:
    """A sentence that reports speech near its start ("It said that ...")."""
    m = _lx()["pre_any"].search(sentence)
    return bool(m) and len(sentence[:m.start()].split()) <= 6


# what may stand between an attribution and the second half of the quote it
# interrupts: "“A,” she said in a statement. “B.”"
_ATTR_TAIL = re.compile(r"(?:\s+(?:in|on|at|to|during|via|after|before|from)\b[^“”\"«»‘’.!?]{0,60})?[\s.,;:—–-]*")

def _mask_abbreviations(s: str) -> str:
    """Abbreviations' full stops blanked (same length, so offsets hold)."""
    return _lx()["abbrev_dot"].sub(lambda m: m.group(1) + " ", s)


def _attribute(text, q: Quote, pre, pre_start, post, post_start, ents, last, continues, done):
    R = _lx()
    pre, post = _mask_abbreviations(pre), _mask_abbreviations(post)
    pre_clean = pre.strip(" \t—–-([")
    # is the quote the speaker's own sentence ("X said:", "X said,", "X said"), or
    # words embedded in the narrator's ("X said it was “...”")?
    m_pre = R["pre"].search(pre_clean) if pre_clean else None
    attribution_only = m_pre is not None and (
        pre_clean.endswith((":", ",")) or not m_pre.group("obj").strip())
    q.partial = bool(pre_clean) and not pre_clean.endswith(":") and not attribution_only
    phrase = cue = None
    pos = None
    if (m := R["post"].match(post)) and len(m.group("phrase").split()) <= 8 \
            and m.group("phrase").split()[0].lower() not in ("and", "but", "or", "then", "before", "after"):
        phrase, cue = m.group("phrase").strip(" ,"), (m.group("verb") + (m.group("obj") or "")).strip()
        pos = post_start + m.start("phrase")
        phrase_end = post_start + m.end("phrase")
        q.attr_end = post_start + m.end()
    elif (m := R["post_inv"].match(post)):
        phrase, cue = m.group("phrase").strip(), m.group("verb")
        pos, phrase_end = post_start + m.start("phrase"), post_start + m.end("phrase")
        q.attr_end = phrase_end
    elif pre_clean:
        # the reporting verb nearest the quote that has a subject ("describing it as"
        # has none, so the sentence's earlier "X said" is the attribution)
        for v in reversed([v for v in R["pre_any"].finditer(pre) if not v.group("verb").endswith("ing")]):
            phrase = _subject(pre[:v.start()])
            if phrase:
                cue = v.group("verb")
                if (st := R["statement"].search(pre[v.end():])):
                    cue += " " + st.group()
                pos = pre_start + pre.rfind(phrase, 0, v.start())
                phrase_end = pos + len(phrase)
                break
        else:
            phrase = None
    if phrase is None:
        m = R["according"].search(pre + " " + post)
        if m:
            phrase, cue = m.group("phrase").strip(), "according to"
            pos = pre_start + m.start("phrase") if m.start() < len(pre) else post_start + m.start("phrase") - len(pre) - 1
            phrase_end = pos + len(phrase)
    if phrase is None or pos is None:
        if continues and last:
            q.speaker, q.role = last.speaker, last.role
        return
    q.speaker_text, q.cue = text[pos:phrase_end].strip() or phrase, cue
    q.speaker, q.role = _resolve(text, phrase, pos, phrase_end, ents, last, done)


_RELATIVE = re.compile(r",\s*(?:which|who|that)\b[^,]*,?\s*\Z|,\s*(?:which|who|that)\s*\Z")


def _subject(head: str) -> str | None:
    """The speaker phrase just before a reporting verb: back to the clause start;
    "X, managing director at Y, said" → X; "Z, which ..." → Z."""
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("“"), head.rfind("”"), head.rfind("\n"))
    phrase = head[cut + 1:].strip(" ,")
    if (rel := re.search(r"^(.*?),\s*(?:which|who|that)\b", phrase)) and "," not in rel.group(1):
        phrase = rel.group(1)
    elif "," in phrase:
        parts = [p.strip() for p in phrase.split(",") if p.strip()]
        phrase = parts[0] if head.rstrip().endswith(",") else parts[-1]
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    return phrase




def _resolve(text, phrase, pos, end, ents: ArticleEntities, last: Quote | None, done):
    R = _lx()
    low = phrase.lower().strip()
    words = re.findall(r"[a-z’'-]+", low)
    mentions = ents.in_span(pos, end)
    spokes = any(w in low for w in R["spokes"])
    role_org = "spokesperson" if spokes else "statement"
    speakers = ("organisation", "government_body", "group")
    persons = [m for m in mentions if ents.type_of(m[3]) == "person"]
    if persons:
        name = persons[0][3]
        return name, ents.entities[name].role or None
    orgs = [m for m in mentions if ents.type_of(m[3]) in speakers]
    if orgs:
        return orgs[-1][3], role_org
    if words and words[-1] in _PRONOUNS:
        want = _PRONOUNS[words[-1]]
        if want == "person":
            name = ents.last_before(pos, ("person",))
            return (name, ents.entities[name].role or None) if name else (None, None)
        if want == "any":
            prev = next((d for d in reversed(done) if d.speaker), None)
            return (prev.speaker, prev.role) if prev else (None, None)
        name = ents.last_before(pos, speakers) or ents.main()
        return (name, "statement") if name else (None, None)
    nouns = [w for w in words if w in R["org_nouns"]]
    if not nouns and not spokes:
        return None, None
    prev_org = next((d for d in reversed(done) if d.speaker and ents.type_of(d.speaker) in speakers), None)
    specific = [n for n in nouns if n not in R["generic_nouns"]]
    for noun in specific:
        if noun in R["group_nouns"] and (g := ents.main(("group",))):
            return g, role_org   # "the group" where a hacking group is in the story
        # "a trust spokesperson" → the entity named "... Trust"
        named = [n for n, e in ents.entities.items() if e.type in speakers
                 and re.search(rf"\b{re.escape(noun)}\b", n, re.I)]
        if named:
            return ents.main(tuple({ents.type_of(n) for n in named})) if len(named) > 1 \
                and ents.main(tuple({ents.type_of(n) for n in named})) in named else named[0], role_org
        if noun in R["gov_nouns"]:
            name = ents.last_before(pos, ("government_body",)) or ents.main(("government_body",))
            return (name, role_org) if name else (None, None)
    if "statement" in words or (spokes and low.startswith("the ")):
        if prev_org:
            return prev_org.speaker, role_org
    if any(n in ("company", "firm", "business") for n in nouns):
        name = ents.main() or ents.last_before(pos, speakers)
    else:
        name = ents.last_before(pos, speakers) or ents.main()
    return (name, role_org) if name else (None, None)
