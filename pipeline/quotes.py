"""Quotes: spans inside quotation marks, paired by position and type within a
paragraph (apostrophes told apart from single quotes, missing marks repaired to the
paragraph edge), with speaker, role, cue and partiality. Pure."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .entities import ArticleEntities

MIN_WORDS = 3          # DATA_MODEL.md: a quote is at least 3 words long
_WORD = re.compile(r"[\w’'-]*\w")

_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "organisation"}
_GENDER = {"he": "male", "she": "female"}


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
        "noun_names": en["noun_names"],
        # "Ms. Wendle" → "Ms  Wendle": the full stop of a title is no sentence end
        "abbrev_dot": re.compile(rf"\b({lexicon.alternation(titles, False)})\."),
        # "..." Smith told Reuters. / "...", a council spokesman stated.
        "post": re.compile(rf"\A[\s,.!?—–-]*(?P<phrase>[^\s,.!?—–“”\"«»-][^.!?“”\"«»\n]{{0,79}}?)\s+(?P<verb>{verbs})"
                           rf"(?P<obj>\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|reporters|journalists|colleagues|staff|MPs|councillors|parliament))?"),
        # "...", said Jane Doe, chief executive of X.
        "post_inv": re.compile(rf"\A[\s,]*(?P<verb>{lexicon.alternation(sp['inverted_verbs'], False)})\s+"
                               rf"(?P<phrase>[^.!?“”\"«»,\n]{{2,80}}?)(?=[,.;]|\s*\Z)"),
        # A spokesperson added: / Jane Smith said, / In a statement, the company said:
        "pre": re.compile(rf"(?P<verb>{verbs})(?P<obj>(?:\s+[\w’'-]+){{0,5}}?)\s*[:,]?\s*\Z"),
        "pre_any": re.compile(rf"(?P<verb>{verbs})\b"),
        # ", saying ...": a participle after a comma reports its clause's subject
        "participle": re.compile(rf",\s+(?P<verb>{lexicon.alternation([v for v in sp['verbs'] if v.endswith('ing')], False)})\b"),
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


_DOUBLE = set("“”\"«»„")
_OPEN_AFTER = set(" \t\n([{—–-/")


def _role_of_mark(text: str, i: int, ps: int, pe: int) -> str:
    """'open', 'close', 'either' (a straight mark between two words) or 'none'
    (an apostrophe)."""
    c = text[i]
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    if c in "“«„‘":
        return "none" if c == "‘" and prev.isalnum() else "open"
    if c in "”»":
        return "close"
    if c in "’'" and _is_apostrophe(text, i):
        return "none"
    if c == "’":
        return "close"
    opens = prev in _OPEN_AFTER and not nxt.isspace()
    closes = prev not in _OPEN_AFTER and (nxt.isspace() or not nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if c == '"' else "none"


def _spans(text: str, ps: int, pe: int) -> list[Quote]:
    """Quoted spans in one paragraph text[ps:pe]: marks paired by family (double or
    single) and position; a closing mark with no opening one, and an opening mark
    with no closing one, are repaired to the paragraph edge."""
    out: list[Quote] = []
    stack: list[int] = []     # indexes of opening marks
    for i in (k for k in range(ps, pe) if text[k] in "“”«»„\"‘’'"):
        role = _role_of_mark(text, i, ps, pe)
        if role == "none":
            continue
        family = text[i] in _DOUBLE
        match = next((k for k in range(len(stack) - 1, -1, -1) if (text[stack[k]] in _DOUBLE) == family), None)
        if role == "either":
            role = "close" if match is not None else "open"
        if role == "open" and not (text[i] == "“" and match is not None and text[stack[match]] == "„"):
            stack.append(i)
            continue
        if match is not None:
            oi = stack[match]
            del stack[match:]
            out.append(Quote(oi + 1, i, oi, i))
            continue
        # a closing mark with nothing open: the opening mark is missing
        if not family and not (text[i - 1] in ",.!?" and re.match(r"\s+[a-z]", text[i + 1:i + 3])):
            continue   # a stray single mark repairs nothing unless it ends speech: "...,’ he said"
        closed = [q.close_at for q in out if q.close_at is not None]
        start = ps
        if closed:
            ends = list(re.finditer(r"[.!?][”’\"»]?\s+", text[max(closed):i]))
            if not ends:
                continue
            start = max(closed) + ends[-1].end()   # after the last sentence end
        out.append(Quote(start, i, None, i))
    for oi in stack:
        if text[oi] in _DOUBLE or oi == ps:
            out.append(Quote(oi + 1, pe, oi, None))   # closing mark missing: to the paragraph end
    for q in out:
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        while q.end > q.start and text[q.end - 1].isspace():
            q.end -= 1
    return sorted((q for q in out if q.start < q.end), key=lambda q: q.start)


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _sentence_of(sentences, pos):
    """The (sorted, disjoint) sentence holding pos, or None."""
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
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
            # post: from the closing mark to the end of the sentence it closes in
            close_sent = _sentence_of(sentences, q.close_at) if q.close_at is not None else None
            post_end = (close_sent or sent)[1]
            nxt_q = [p for p in quotes if p.start > q.end]
            if nxt_q and nxt_q[0].open_at is not None:
                post_end = min(post_end, nxt_q[0].open_at)
            post = text[q.close_at + 1:max(post_end, q.close_at + 1)] if q.close_at is not None else ""
            _attribute(text, q, pre, pre_start, post, q.close_at + 1 if q.close_at is not None else q.end,
                       ents, last, last_para_had_quote and q.start - ps < 3, out)
            same_sentence = [p for p in prev_q if _sentence_of(sentences, p.start) == sent]
            if not q.speaker_text and q.start - ps < 3:
                _introduced(text, q, sentences, ps, ents, out)
            if q.speaker or q.speaker_text:
                last = q
            elif same_sentence and same_sentence[-1].speaker:
                # a second quoted fragment of the same reported sentence
                q.speaker, q.role = same_sentence[-1].speaker, same_sentence[-1].role
            elif q.start - ps < 3 and not last_para_had_quote \
                    and (said := _said_before(text, sentences, ps, ents)):
                q.speaker, q.role = said
            elif last and (q.start - ps < 3 or pre.strip() == ""):
                q.speaker, q.role = last.speaker, last.role
            elif q.partial and (m := _SPOKES_SUBJECT.match(text, sent[0], q.start)) \
                    and any(w in m.group().lower() for w in _lx()["spokes"]):
                # "The spokesperson praised staff for their “...”": a spokesperson as
                # the subject speaks for the organisation without a reporting verb
                q.speaker, q.role = _resolve(text, m.group(), m.start(), m.end(), ents, last, out)
            elif q.partial:
                # a fragment with no attribution in its sentence: the reporting subject
                # of the sentence just before ("It said that ...")
                k = bisect.bisect_right(sentences, (sent[0], -1)) - 1   # the sentence before
                if k >= 0 and sentences[k][1] <= sent[0] and sent[0] - sentences[k][1] < 4:
                    ps0, pe0 = sentences[k]
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


def _said_before(text: str, sentences: list[tuple[int, int]], ps: int, ents):
    """An unattributed quote opening its paragraph after a paragraph with no quote
    whose last sentence tells what someone said is theirs: the person named last
    before its first reporting verb ("A lawyer for Ms Doe, John Smith, said
    ..."; "Jane Doe, 29, a care assistant, said she had £3 left."), or the
    organisation that said it (as a statement); not someone named after a "that"
    ("The court heard that Tom Nowak had told police ..."). (speaker, role) or None."""
    k = bisect.bisect_right(sentences, (ps, -1)) - 1
    if k < 0 or not 0 <= ps - sentences[k][1] < 4:
        return None
    s0, e0 = sentences[k]
    verb = _lx()["pre_any"].search(text, s0, e0)
    if not verb or re.search(r"\bthat\b", text[s0:verb.start()]):
        return None
    named = [m for m in ents.in_span(s0, verb.start()) if ents.type_of(m[3]) in ("person",) + _SPEAKING_TYPES]
    if not named:
        return None
    name = named[-1][3]
    if ents.type_of(name) == "person":
        return name, ents.entities[name].role or None
    return name, "statement"


def _introduced(text: str, q: Quote, sentences: list[tuple[int, int]], ps: int, ents, done) -> None:
    """A quote opening its paragraph after a paragraph that ends "X said:" is X's."""
    k = bisect.bisect_right(sentences, (ps, -1)) - 1
    if k < 0 or not 0 <= ps - sentences[k][1] < 4:
        return
    s0, e0 = sentences[k]
    if not text[s0:e0].rstrip().endswith(":"):
        return
    probe = Quote(q.start, q.end, None, None)
    _attribute(text, probe, text[s0:e0], s0, "", e0, ents, None, False, done)
    if probe.speaker_text:
        q.speaker, q.role, q.speaker_text, q.cue = probe.speaker, probe.role, probe.speaker_text, probe.cue


# what may open a sentence before its subject: "The", "On Tuesday, the"
_SUBJECT_START = re.compile(r"\s*(?:(?:On|By|Late|Early|Earlier|Later)\b[^,]{0,25},\s*)?(?:[Tt]he\s+)?")
# between a participle and the quote: a new clause ("..., and analysts see it as “...”")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|as)\s")

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


_LEADING_FUNCTION_WORDS = re.compile(r"^(?:(?:which|who|that|what|as|and|but|while|whilst|so)\s+)+", re.I)


def _post_speaker(m: re.Match, post_start: int, ents) -> tuple[int, int] | None:
    """The speaker phrase of a "…,” X said" attribution: all of X when it is short,
    else the person's name that opens it, set off by a comma ("Jane Doe, chief
    information security officer at Acme, said"); None when it is neither."""
    phrase, at = m.group("phrase"), post_start + m.start("phrase")
    if len(phrase.split()) <= 8:
        return at, post_start + m.end("phrase")
    head = phrase.split(",")[0]
    # "Jane Doe’s lawyer, Tom Smith of ..., said": the head names someone else's
    if "," in phrase and len(head.split()) <= 4 and not re.search(r"[’']s\b", head) and any(
            ents.type_of(e[3]) == "person" for e in ents.in_span(at, at + len(head))):
        return at, at + len(head)
    return None


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
    found = None   # (phrase start, phrase end, cue)
    # after the quote: "..., said Jane Doe, chief executive" (verb first), then
    # "...,” Jane Doe said." (speaker first)
    if (m := R["post_inv"].match(post)):
        found = (post_start + m.start("phrase"), post_start + m.end("phrase"), m.group("verb"))
        # the attribution runs to its sentence end ("..., said X, national adviser at Y.")
        # (an apostrophe inside a word is no quote mark: "Acme’s chief executive")
        tail = re.match(r"(?:[^“”\"«»‘’.!?]|(?<=\w)[’'](?=\w)){0,160}[.!?,]?", post[m.end("phrase"):])
        q.attr_end = post_start + m.end("phrase") + (tail.end() if tail else 0)
    elif (m := R["post"].match(post)) and m.group("phrase").split() \
            and not R["pre_any"].search(m.group("phrase")) \
            and m.group("phrase").split()[0].lower() not in ("and", "but", "or", "then", "before", "after") \
            and (span := _post_speaker(m, post_start, ents)):
        found = (*span, (m.group("verb") + (m.group("obj") or "")).strip().rstrip("."))
        q.attr_end = post_start + m.end()
    elif pre_clean:
        # the reporting verb nearest the quote that has a subject ("describing it as"
        # has none, so the sentence's earlier "X said" is the attribution)
        for v in reversed([v for v in R["pre_any"].finditer(pre) if not v.group("verb").endswith("ing")]):
            # "X, the chief executive, has said": auxiliaries and adverbs are no subject
            head = _AUXILIARIES.sub("", pre[:v.start()])
            if re.search(r",\s*who\s*$", head) and (named := [
                    e for e in ents.in_span(pre_start, pre_start + len(head)) if ents.type_of(e[3]) == "person"]):
                # "quoted Dr Jo Bloggs, a lecturer at X, who said:": the person the clause is about
                found = (named[-1][0], named[-1][1], v.group("verb"))
                break
            phrase = _subject(head)
            if phrase and head.rstrip().endswith(","):
                # "The head of the agency, Jane Doe, said": the part that names a person
                cut = max(head.rfind(". "), head.rfind("; "), head.rfind("“"), head.rfind("”"), head.rfind("\n"))
                for part in (p.strip() for p in head[cut + 1:].split(",")):
                    at = pre_start + head.rfind(part)
                    if part and any(ents.type_of(m[3]) == "person" for m in ents.in_span(at, at + len(part))):
                        phrase = part
                        break
            if phrase:
                cue = v.group("verb")
                if (st := R["statement"].search(pre[v.end():])):
                    cue += " " + st.group()
                start = pre_start + pre.rfind(phrase, 0, v.start())
                found = (start, start + len(phrase), cue)
                break
    if found is None and (m := R["participle"].search(pre)) and not _CLAUSE_BREAK.search(pre, m.end()):
        # "The union has written to the firm, saying staff are “...”": the subject
        # of the sentence speaks when it opens the sentence ("Staff at X ..., saying"
        # and "After X was hit, the union ..., saying" name no speaker)
        first = [e for e in ents.in_span(pre_start, pre_start + m.start())
                 if ents.type_of(e[3]) in ("person",) + _SPEAKING_TYPES]
        if first and _SUBJECT_START.fullmatch(pre[:first[0][0] - pre_start]) \
                and not re.match(r"\s+(?:of|at|for|from|in|with)\b", text[first[0][1]:first[0][1] + 6]):
            found = (first[0][0], first[0][1], m.group("verb"))
        elif not first and (n := R["nominal"].match(pre)):   # "The union has written ..."
            found = (pre_start + n.start(), pre_start + n.end(), m.group("verb"))
    if found is None and (m := R["according"].search(pre + " " + post)):
        start = pre_start + m.start("phrase") if m.start() < len(pre) else post_start + m.start("phrase") - len(pre) - 1
        found = (start, start + len(m.group("phrase").strip()), "according to")
    if found is None:
        if continues and last:
            q.speaker, q.role = last.speaker, last.role
        return
    start, end, q.cue = found
    phrase = text[start:end].strip()
    if (lead := _LEADING_FUNCTION_WORDS.match(phrase)):   # "which she" → "she"
        start, phrase = start + lead.end(), phrase[lead.end():]
    q.speaker_text = phrase
    q.speaker, q.role = _resolve(text, phrase, start, end, ents, last, done)
    if q.speaker is None and q.role is None:
        q.role = _unnamed_role(phrase)


def _unnamed_role(phrase: str) -> str | None:
    """An unnamed speaker keeps the title the article gives ("the mayor", "one
    retail analyst" → "mayor", "retail analyst"); the speaker stays empty."""
    words = phrase.split()
    heads = _title_heads()
    if not any(w in heads for w in words):
        return None
    return re.sub(r"^(?:the|a|an|one|another)\s+", "", phrase, flags=re.I) or None


@lru_cache(maxsize=None)
def _title_heads() -> frozenset:
    return frozenset(lexicon.load("entities")["title_heads"])


_FUNCTION_ONLY = re.compile(r"^(?:(?:and|but|or|so|then|which|who|that|while|whilst|as|yet)\s*)+$", re.I)


_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|just|previously|earlier|repeatedly|once|already|now|"
                         r"publicly|recently))+\s*$")


def _subject(head: str) -> str | None:
    """The speaker phrase just before a reporting verb: back to the clause start;
    "X, managing director at Y, said" → X; "Z, which ..." → Z; a bare conjunction
    ("..., but called") has none."""
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("“"), head.rfind("”"), head.rfind("\n"))
    phrase = head[cut + 1:].strip(" ,")
    if (rel := re.search(r"^(.*?),\s*(?:which|who|that)\b", phrase)) and "," not in rel.group(1):
        phrase = rel.group(1)
    elif "," in phrase:
        parts = [p.strip() for p in phrase.split(",") if p.strip()]
        phrase = parts[0] if head.rstrip().endswith(",") else parts[-1]
    words = phrase.split()
    if not words or len(words) > 12 or _FUNCTION_ONLY.match(phrase):
        return None
    return phrase


_SPEAKING_TYPES = ("organisation", "government_body", "group")
ORG_TYPES = ("organisation", "government_body")
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|our|one|another)\s+", re.I)


def _by_role(phrase: str, pos: int, ents: ArticleEntities) -> str | None:
    """"Its director general", "the chief executive": the person named before with
    that role."""
    wanted = _DETERMINERS.sub("", phrase.strip()).lower()
    if not wanted or not any(w in _title_heads() for w in wanted.split()):
        return None
    holders = {n for n, e in ents.entities.items() if e.type == "person" and e.role
               and e.role.lower().startswith(wanted)}
    before = [m[3] for m in ents.mentions if m[1] <= pos and m[3] in holders]
    return before[-1] if before else (min(holders) if len(holders) == 1 else None)


def noun_refers_to(noun: str, ents: ArticleEntities) -> str | None:
    """The one organisation, public body or group of the article whose name says what
    the noun says ("the council" → "... City Council", "the force" → "... Police"):
    those named for it ("Westerleigh City Council") before those merely naming it
    ("Council Weekly"), and of several the one named most; None if that is a tie."""
    keys = [noun] + _lx()["noun_names"].get(noun, [])
    named = [n for n, e in ents.entities.items() if e.type in _SPEAKING_TYPES
             and any(re.search(rf"\b{re.escape(k)}\b", n, re.I) for k in keys)]
    named = [n for n in named if n.split()[-1].lower() in {k.lower() for k in keys}] or named
    if len(named) > 1:
        times = Counter(n for *_, n in ents.mentions if n in named).most_common(2)
        named = [times[0][0]] if times and (len(times) == 1 or times[0][1] > times[1][1]) else []
    return named[0] if named else None


def _resolve(text, phrase, pos, end, ents: ArticleEntities, last: Quote | None, done):
    """The entity a speaker phrase stands for, and the role to record; (None, None)
    when the article does not say."""
    R = _lx()
    low = phrase.lower().strip()
    words = re.findall(r"[a-z’'-]+", low)
    mentions = ents.in_span(pos, end)
    spokes = any(w in low for w in R["spokes"])
    role_org = "spokesperson" if spokes else "statement"
    persons = [m for m in mentions if ents.type_of(m[3]) == "person"]
    if persons:
        name = persons[0][3]
        return name, ents.entities[name].role or None
    orgs = [m for m in mentions if ents.type_of(m[3]) in _SPEAKING_TYPES]
    if orgs:
        return orgs[-1][3], role_org
    # "A Quenby spokesman": a capitalised word naming an organisation of the article
    for word in re.findall(r"\b[A-Z][\w’'-]+", phrase)[::-1]:
        named = [n for n, e in ents.entities.items() if e.type in _SPEAKING_TYPES and word in n.split()]
        if len(named) == 1 and word.lower() not in _lx()["org_nouns"] and not _DETERMINERS.match(word + " "):
            return named[0], role_org
    if words and words[-1] in _PRONOUNS:
        want = _PRONOUNS[words[-1]]
        if want == "person":
            name = ents.last_before(pos, ("person",), _GENDER.get(words[-1].lower()))
            return (name, ents.entities[name].role or None) if name else (None, None)
        if want == "any":
            prev = next((d for d in reversed(done) if d.speaker), None)
            return (prev.speaker, prev.role) if prev else (None, None)
        name = ents.last_before(pos, _SPEAKING_TYPES) or ents.main(ORG_TYPES)
        return (name, "statement") if name else (None, None)
    if not spokes and (name := _by_role(phrase, pos, ents)):
        return name, ents.entities[name].role
    nouns = [w for w in words if w in R["org_nouns"]]
    if not nouns and not spokes:
        return None, None
    for noun in (n for n in nouns if n not in R["generic_nouns"]):
        if noun in R["group_nouns"] and (g := ents.main(("group",))):
            return g, role_org   # "the group" where a hacking group is in the story
        # "a trust spokesperson" → the organisation named "... Trust"; "the force" → "... Police"
        if (name := noun_refers_to(noun, ents)):
            return name, role_org
        if noun in R["gov_nouns"]:
            name = ents.last_before(pos, ("government_body",)) or ents.main(("government_body",))
            return (name, role_org) if name else (None, None)
    prev_org = next((d for d in reversed(done) if d.speaker and ents.type_of(d.speaker) in _SPEAKING_TYPES), None)
    if ("statement" in words or (spokes and low.startswith("the "))) and prev_org:
        return prev_org.speaker, role_org
    if any(n in R["generic_nouns"] for n in nouns):
        name = ents.main() or ents.last_before(pos, _SPEAKING_TYPES)
        return (name, role_org) if name else (None, None)
    # a bare "a spokesperson": the organisation the sentence or the one before is about,
    # unless "the company" there points at the story's main organisation
    window = text[max(0, pos - 250):pos]
    near = [m for m in ents.in_span(max(0, pos - 250), pos) if ents.type_of(m[3]) in ORG_TYPES]
    company = list(re.finditer(r"\b(?:the|The)\s+(?:company|firm|business)\b", window))
    if near and not (company and max(0, pos - 250) + company[-1].start() > near[-1][1]):
        return near[-1][3], role_org
    # else the organisation or public body the article is most about (a council, too)
    name = ents.main(ORG_TYPES) or ents.last_before(pos, _SPEAKING_TYPES)
    return (name, role_org) if name else (None, None)
