"""Named entities of one article from capitalisation, titles and general cue words:
people (with the roles the article gives them), organisations, government bodies,
groups and places, each with its names as written. Pure: text and sentences in."""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .timex import MONTHS, WEEKDAYS

# Unicode letters ("Hélène"); a plural possessive inside a name keeps its apostrophe
# ("Dock Workers' Union")
_TOKEN = re.compile(r"[^\W_][\w$&’'.-]*(?:[\w$]|(?<=s)['’](?=\s+[A-Z]))|[^\W_]|\$|[^\w\s]")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_CONNECTORS = {"of", "for", "&", "de", "da", "van", "von", "der", "del", "la", "le", "du"}
_OPENERS = set("“\"‘'«(")
WEIGHT = {"strong": 3, "medium": 2, "weak": 1}


@lru_cache(maxsize=None)
def _lex():
    lx = lexicon.load("entities")
    sp = lexicon.load("speech")
    return {
        "honorifics": set(lx["honorifics"]),
        "heads": {h for w in lx["title_heads"] + lx["occupation_heads"] for h in (w, w[:1].upper() + w[1:])},
        "occupations": {h for w in lx["occupation_heads"] for h in (w, w[:1].upper() + w[1:])},
        "org": set(lx["org_words"]),
        "gov": set(lx["government_words"]) | set(lx["lowercase_government_words"]),
        "lowercase_gov": set(lx["lowercase_government_words"]),
        "gendered": {k: set(v) | {w.capitalize() for w in v} for k, v in lx["gendered"].items()},
        "group_cues": tuple(lx["group_cues"]),
        "group_words": set(lx["group_words"]),
        "place_preps": set(lx["place_preps"]),
        "places": set(lx["places"]),
        "directions": set(lx["direction_words"]),
        "common": set(lx["common_words"]) | set(MONTHS) | set(WEEKDAYS) | set(lx["demonyms"]),
        "calendar": set(MONTHS) | set(WEEKDAYS),
        "demonyms": set(lx["demonyms"]),
        "place_nouns": set(lx["place_nouns"]),
        "given": set(lx["given_names"]),
        "verbs": set(sp["verbs"]),
        "inverted": set(sp["inverted_verbs"]) - {"told", "asked"},
        "spokes": set(lx["spokesperson_words"]),
        "legal_forms": set(lx["legal_forms"]),
    }


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    key: str            # name as written, without honorific/possessive
    votes: Counter = field(default_factory=Counter)
    honorific: str = ""
    role: str = ""


@dataclass
class Entity:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    role: str = ""


@dataclass(eq=False)   # identity-hashed: main() is cached per article
class ArticleEntities:
    entities: dict[str, Entity]
    mentions: list[tuple[int, int, str, str]]    # start, end, surface, entity name
    # starts of mentions of someone a speaker talked to ("told Reuters", "told MSP
    # Bulletin"): the outlet, not what the story is about, nor (named in one word) who
    # "she" is ("told Jane Doe" may be)
    listeners: frozenset[int] = frozenset()

    def in_span(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.mentions, (start,))
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def type_of(self, name: str | None) -> str | None:
        return self.entities[name].type if name in self.entities else None

    def last_before(self, pos: int, types: tuple[str, ...], gender: str | None = None) -> str | None:
        """The entity of these types mentioned last before pos; with a gender, the
        last person not known to be of the other one."""
        for i in range(bisect.bisect_left(self.mentions, (pos,)) - 1, -1, -1):
            s, e, _, name = self.mentions[i]
            if e <= pos and self.entities[name].type in types \
                    and not (s in self.listeners and " " not in name) \
                    and (gender is None or self.gender(name) in (None, gender)):
                return name
        return None

    def gender(self, name: str) -> str | None:
        """"female", "male" or None, from the titles and roles the article gives."""
        g = _lex()["gendered"]
        e = self.entities[name]
        words = {w.strip(".,") for text in [e.role or ""] + sorted(e.aliases) + [
            surf for _, _, surf, n in self.mentions if n == name] for w in text.split()}
        found = {k for k, ws in g.items() if words & ws}
        return found.pop() if len(found) == 1 else None

    @lru_cache(maxsize=32)
    def main(self, types: tuple[str, ...] = ("organisation",)) -> str | None:
        """The most mentioned entity of these types (ties: first mentioned)."""
        counts = Counter(n for *_, n in self.mentions if self.entities[n].type in types)
        if not counts:
            return None
        first = {}
        for s, _, _, n in self.mentions:
            first.setdefault(n, s)
        return min(counts, key=lambda n: (-counts[n], first[n]))


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() or (tok[0].isdigit() is False and tok[0] == "$")


def _full_name_follows(text: str, name) -> bool:
    """`name` (tokens after an occupation) is a person's full name: two or three name
    words, opening with a given name or followed by a comma or a speech verb."""
    lx = _lex()
    if not 2 <= len(name) <= 3 or not all(_name_word(t[2]) for t in name):
        return False
    nxt = re.match(r"\s*(,|[a-z]+)", text[name[-1][1]:name[-1][1] + 20])
    return name[0][2] in lx["given"] or bool(nxt and (nxt.group(1) == "," or nxt.group(1) in lx["verbs"]))


def _name_word(word: str) -> bool:
    """Shaped like a given name or surname, and no word the lexicons know otherwise."""
    lx = _lex()
    return word[:1].isupper() and word[1:].islower() and word.replace("-", "").replace("’", "").isalpha() \
        and not any(word in lx[k] for k in ("common", "org", "gov", "heads", "places", "directions"))


def legal_name(name: str) -> bool:
    """A company's registered name: it ends in a legal form ("Acme Inc.")."""
    return name.split()[-1] in _lex()["legal_forms"]


def owner(longer: list[str]) -> str | None:
    """Of the organisation names a one-word name starts, the one it stands for: the only
    one, or the only one ending in a legal form when the others are brands ("Acme Inc."
    beside "Acme Cola"); none when that leaves a choice ("Tesco Bank" and "Tesco
    Mobile", "Wrexham AFC" and "Wrexham Lager Beer Co.")."""
    if len(set(longer)) == 1:
        return longer[0]
    legal = {n for n in longer if legal_name(n)}
    lx = _lex()
    # ... and only when the others are brands, not bodies ("Wrexham AFC", "Harrowgate Bank")
    bodies = [n for n in set(longer) - legal
              if any(w in lx["org"] or w in lx["gov"] or _is_acronym(w) for w in n.split()[1:])]
    return legal.pop() if len(legal) == 1 and not bodies else None


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w not in _CONNECTORS)


def _tokens(text: str, start: int, end: int):
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _title_before(toks, i) -> str:
    """The job title written just before token i ("Energy and Climate Secretary"),
    over an honorific ("Council leader Cllr Jane Doe")."""
    lx = _lex()
    j = i - 1
    while j >= 0 and (toks[j][2] in lx["honorifics"] or toks[j][2] == "."):
        j -= 1
    if j < 0 or toks[j][2] not in lx["heads"]:
        return ""
    k = j
    while k - 1 >= 0:
        w = toks[k - 1][2]
        if w in lx["heads"] or (w[0].isupper() and w not in lx["common"] and w not in lx["verbs"]) \
                or (w in ("and", "&", "of", "for") and k - 2 >= 0 and toks[k - 2][2][0].isupper()):
            k -= 1
        elif w.islower() and w.isalpha() and toks[k][2].islower() and toks[k][2] in lx["heads"] \
                and w not in lx["verbs"] and w not in ("the", "a", "an", "its", "his", "her", "their"):
            k -= 1   # one lower-case modifier: "managing director", "operations director"
            break
        else:
            break
    return " ".join(t[2] for t in toks[k:j + 1])


def _title_prefix(toks, i) -> list[str]:
    """Capitalised words joined by and/&/of/for just before a title: the "Energy
    and" of "Energy and Climate Secretary"."""
    lx = _lex()
    out = []
    k = i
    while k - 2 >= 0 and toks[k - 1][2] in ("and", "&", "of", "for"):
        w = toks[k - 2][2]
        if not w[0].isupper() or w in lx["common"] or w in lx["given"] \
                or (k - 3 >= 0 and toks[k - 3][2] in lx["honorifics"]):
            break
        out = [w, toks[k - 1][2]] + out
        k -= 2
    return out


@lru_cache(maxsize=None)
def _appositive():
    verbs = lexicon.alternation(lexicon.load("speech")["verbs"])
    return re.compile(rf",[ ]+((?:the |a |an )?[^,.;:“”\"«»()\n]{{3,90}}?)(?=,|\.(?:\s|$)|[ ]+{verbs})")


def _appositive_role(text: str, end: int) -> str:
    m = _appositive().match(text, end)
    if not m:
        return ""
    # "Jane Doe, the security researcher who found it, said": the title ends where a
    # relative clause begins
    role = re.split(r"(?:^|\s+)(?:who|which|that|whose)\b", m.group(1).strip(), maxsplit=1)[0]
    words = role.replace("-", " ").split()
    # a headcount describes an organisation ("Dunfold IT, a 23-person MSP,"), not a
    # title; an age is read on its own
    if any(w in _lex()["heads"] for w in words) and not re.search(r"\d-(?!(?:year|month|week)-old)[a-z]", role):
        return re.sub(r"^(?:the|a|an)\s+", "", role)
    return ""


def extract(text: str, sentences: list[tuple[int, int]]) -> ArticleEntities:
    lx = _lex()
    cands: list[Mention] = []
    for s0, e0 in sentences:
        toks = _tokens(text, s0, e0)
        index = {t[0]: k for k, t in enumerate(toks)}   # token start -> position
        i = 0
        sentence_start = True
        while i < len(toks):
            ts, te, w = toks[i]
            if w in _OPENERS:
                i += 1
                continue
            if not _is_cap(w) or not w[0].isalpha():
                sentence_start = False
                i += 1
                continue
            # a capitalised run, with connectors between capitalised words
            j = i
            while j + 1 < len(toks) and not (toks[j][2].endswith("-based") or (
                    toks[j][2].endswith(("’s", "'s")) and not (   # "Information Commissioner’s Office"
                        toks[j + 1][2] in lx["gov"] or toks[j + 1][2] in lx["org"]))):
                nxt = toks[j + 1][2]
                gap = text[toks[j][1]:toks[j + 1][0]]
                if toks[j][2] in lx["honorifics"] and nxt == "." and gap == "" and j + 2 < len(toks) \
                        and _is_cap(toks[j + 2][2]):
                    j += 2   # "Ms. Wendle": past the abbreviation's full stop
                    continue
                if gap != " ":
                    break
                if nxt == "and" and _and_joins(toks, j + 2) and (
                        j == i or (j == i + 1 and toks[i][2] in lx["common"])
                        or any(t[2] in ("of", "for") for t in toks[i:j])
                        or _acronym_spells(text, toks, i, j + 2)):
                    j += 2   # "Westerleigh and Fenby NHS Trust", "Department for Roads and Rail"
                elif _is_cap(nxt) and nxt[0].isalpha():
                    j += 1
                elif nxt in _CONNECTORS and j + 2 < len(toks) and _is_cap(toks[j + 2][2]) \
                        and not toks[j][2].endswith(("’s", "'s")):
                    j += 2
                elif nxt in ("of", "for") and j + 3 < len(toks) and toks[j + 2][2] == "the" \
                        and _is_cap(toks[j + 3][2]) and toks[j + 3][2][0].isalpha():
                    j += 3   # "Office of the Water Commissioner"
                else:
                    break
            # "Wendlebury police": a force named the way some styles write it, lower case
            if j + 1 < len(toks) and toks[j + 1][2] in lx["lowercase_gov"] and j >= i \
                    and text[toks[j][1]:toks[j + 1][0]] == " " and _is_cap(toks[j][2]):
                j += 1
            run = toks[i:j + 1]
            at_start = sentence_start
            sentence_start = False
            i = j + 1
            _add_run(text, toks, index, run, at_start, cands)
    return _resolve(text, cands)


# a title written before a name and set off by a comma: "Its director general, Jane Doe,"
_ROLE_BEFORE = re.compile(r"(?:^|\n|[.;:]\s+|\b(?:the|its|their|his|her|our)\s+)"
                          r"(?P<role>(?:(?!(?:the|its|their|his|her|our|a|an)\s)[\w’'-]+\s+){0,4}[\w’'-]+),\s+"
                          r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Councillor)\.?\s+)?\Z", re.I)
_LISTENER = re.compile(r"\b(?:told|telling|tells|speaking to|interview with)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w’'-]*\s+){0,3}\Z")   # "told MSP Bulletin": a title word first
_CONTRACTION = re.compile(r"^[A-Z][a-z]*[’'](?:m|re|ve|ll|d|t)$")
_DESCRIPTOR = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")   # "Mum-of-two", "Father-of-three"


def _run_end(toks, k) -> int:
    """The last token of the capitalised run starting at k."""
    while k + 1 < len(toks) and _is_cap(toks[k + 1][2]) and toks[k + 1][2][0].isalpha():
        k += 1
    return k


def _acronym_spells(text, toks, i, k) -> bool:
    """Whether the acronym in brackets after the run from i over "and" to the run from
    k spells the initials of all of it: "Regional Fraud and Online Crime Unit (RFOCU)"."""
    last = _run_end(toks, k)
    m = re.match(r"\s*\(([A-Z]{2,8})\)", text[toks[last][1]:toks[last][1] + 12])
    words = [t[2] for t in toks[i:last + 1]]
    while words and words[0] in _lex()["common"]:   # "The National ..."
        words = words[1:]
    return bool(m) and m.group(1) == _initials(" ".join(words))


def _and_joins(toks, k) -> bool:
    """Whether "X and <capitalised run from k>" is one organisation's name: the run
    after "and" ends in an organisation or government word."""
    lx = _lex()
    if k >= len(toks) or not _is_cap(toks[k][2]) or _is_acronym(toks[k - 2][2]):
        return False
    last = _run_end(toks, k)
    # "... of Dairy and Frozen Importers": after "of"/"for" in a name any run joins
    return toks[last][2] in lx["org"] or toks[last][2] in lx["gov"] or any(
        t[2] in ("of", "for") for t in toks[max(0, k - 6):k - 2])


def _add_run(text, toks, index, run, at_start, cands):
    lx = _lex()
    honorific = ""
    run = [t for t in run if t[2] != "."]
    # drop leading common words / honorifics
    names_org = len(run) > 1 and (run[-1][2] in lx["org"] or run[-1][2] in lx["gov"])
    while run and (run[0][2] in lx["common"] or run[0][2] in lx["honorifics"]
                   or run[0][2] in _CONNECTORS or _CONTRACTION.match(run[0][2])
                   or _DESCRIPTOR.match(run[0][2])) \
            and not (names_org and run[0][2] in lx["demonyms"]):   # "American Hospital Association"
        if run[0][2] in lx["honorifics"]:
            honorific = run[0][2]
        run = run[1:]
        at_start = False if honorific else at_start
    while run and run[-1][2] in _CONNECTORS:
        run = run[:-1]
    if not run:
        return
    # "Health Minister Jane Smith", "CEO John Doe": a title, then the name
    heads = [k for k, t in enumerate(run) if t[2] in lx["heads"]]
    role = ""
    if heads and heads[-1] < len(run) - 1 and len(run) - heads[-1] - 1 <= 3 \
            and run[heads[-1] + 1][2] not in _CONNECTORS | {"and"} \
            and (run[heads[-1]][2] not in lx["occupations"] or _full_name_follows(text, run[heads[-1] + 1:])):
        # not "Minister | for Home Affairs"; an occupation only before a personal name
        idx = index[run[0][0]]
        role = " ".join(_title_prefix(toks, idx) + [t[2] for t in run[:heads[-1] + 1]])
        run = run[heads[-1] + 1:]
        at_start = False
    elif heads and heads[0] == 0 and len(run) >= 5 and any(t[2] in ("of", "for") for t in run[1:-2]) \
            and run[-3][2] not in _CONNECTORS | {"and"} and all(_name_word(t[2]) for t in run[-2:]) \
            and (run[-2][2] in lx["given"] or index[run[0][0]] == 0
                 or toks[index[run[0][0]] - 1][2].lower() not in ("the", "a", "an")):
        # "Minister of State for Digital Affairs Jane Doe": a run that opens with a title
        # is a person holding it, named by its last two words; after "the" only with a
        # given name ("the Director of Adult Social Care" is an office)
        role = " ".join(t[2] for t in run[:-2])
        run = run[-2:]
        at_start = False
    # months, weekdays and contractions split a run; other common words inside a name
    # belong to it ("Tanners and Dyers Union")
    parts, cur = [], []
    for t in run:
        if t[2] in lx["calendar"] or _CONTRACTION.match(t[2]):
            parts.append(cur)
            cur = []
            continue
        cur.append(t)
    parts.append(cur)
    for part in parts:
        if not part:
            continue
        start, end = part[0][0], part[-1][1]
        surface = text[start:end]
        key = _POSSESSIVE.sub("", surface)
        if key.endswith("-based"):
            key = key[: -len("-based")]
            m = Mention(start, start + len(key), key, key)
            m.votes["place"] += WEIGHT["strong"]
            cands.append(m)
            continue
        if "-" in key and key.split("-")[-1].islower():
            continue   # "English-speaking", "UK-wide": adjectives, not names
        words = key.split()
        if at_start and len(words) == 1 and part is parts[0] and not honorific and not role \
                and not _is_acronym(key) and key not in lx["places"] and key not in lx["given"]:
            m = Mention(start, start + len(key), key, key)
            m.votes["?"] += 1   # sentence-initial word: a name only if seen elsewhere
            cands.append(m)
            continue
        m = Mention(start, start + len(key), key, key, honorific=honorific, role=role)
        idx = index[start]
        _vote(text, toks, idx, m, words, possessive=surface != key)
        if role and not any(w in lx["org"] | lx["gov"] for w in words):
            m.votes["person"] += WEIGHT["strong"] + 1
        if not m.votes and len(words) == 1:
            m.votes["~"] += 1   # a lone capitalised word: a name only if it acts elsewhere
        if m.votes:
            cands.append(m)


_AGE = re.compile(r",\s+(?:aged\s+)?\d{1,3},")


def _vote(text, toks, idx, m: Mention, words, possessive=False):
    """Evidence for the entity's type; a lone capitalised word with none is dropped."""
    lx = _lex()
    v = m.votes
    before = text[max(0, m.start - 40):m.start].lower()
    prev = toks[idx - 1][2] if idx > 0 else ""
    n_tok = len(_TOKEN.findall(text[m.start:m.end]))
    after_idx = idx + n_tok
    nxt = toks[after_idx][2] if after_idx < len(toks) else ""
    if m.honorific:
        v["person"] += WEIGHT["strong"]
    title = "" if m.role else _title_before(toks, idx)
    if title and len(words) <= 3 and not any(w in lx["org"] | lx["gov"] for w in words):
        v["person"] += WEIGHT["strong"]
        m.role = title
    # (an age, not a ranked list: "Shelbourne, 59, and Derry City, 55")
    if (re.match(r",\s+who\b", text[m.end:m.end + 8])
            or ((age := _AGE.match(text, m.end)) and re.match(r"\s+(?!and\b|or\b)[a-z]", text[age.end():age.end() + 6])
                and len(_AGE.findall(text, max(0, m.start - 60), m.end + 70)) == 1)) and len(words) in (2, 3) \
            and not any(w in lx["org"] | lx["gov"] for w in words):
        v["person"] += WEIGHT["strong"]   # "Jane Doe, who chairs ...", "Jane Doe, 29, a nurse"
    role = _appositive_role(text, m.end)
    if role and len(words) in (2, 3) and not any(w in lx["org"] | lx["gov"] for w in words):
        v["person"] += WEIGHT["strong"]
        m.role = m.role or role
    if words[-1] in lx["heads"] and len(words) > 1:
        # "the Privacy Commissioner", "Chief Constable": an office, not a named person
        v["government_body" if any(w in lx["gov"] for w in words) else "organisation"] += WEIGHT["medium"]
    if any(w in lx["gov"] for w in words) or m.key in lx["gov"]:
        v["government_body"] += WEIGHT["strong"] + 1
    if any(w in lx["org"] for w in words):
        v["organisation"] += WEIGHT["strong"]
    if words[-1] in lx["group_words"] or before.rstrip().endswith(lx["group_cues"]):
        v["group"] += WEIGHT["strong"] + 2
    if m.key in lx["places"] or (words[0] in lx["directions"] and " ".join(words[1:]) in lx["places"]):
        v["place"] += WEIGHT["strong"] + 1
    if words[0] in lx["given"] and 2 <= len(words) <= 3:
        v["person"] += WEIGHT["strong"]
    if _is_acronym(m.key) and m.key not in lx["places"]:
        v["organisation"] += WEIGHT["medium"]
    prev2 = toks[idx - 2][2] if idx > 1 else ""
    if (prev in lx["place_preps"] or prev in ("its", "their", "the") and prev2 in lx["place_preps"]) \
            and len(words) <= 3 and not _is_acronym(m.key):
        v["place"] += WEIGHT["medium"]
    # "its Leeds facility", "its Derby and Swindon sites"
    later = [t[2] for t in toks[after_idx:after_idx + 4]]
    if len(words) <= 2 and not _is_acronym(m.key) and (
            nxt.lower() in lx["place_nouns"]
            or (nxt == "and" and len(later) > 2 and later[1][:1].isupper() and later[2].lower() in lx["place_nouns"])):
        v["place"] += WEIGHT["medium"]
    if (nxt in lx["verbs"] or prev in lx["inverted"]) and 2 <= len(words) <= 3 and not _is_acronym(m.key) \
            and not any(w in lx["org"] | lx["gov"] for w in words):
        v["person"] += WEIGHT["medium"]   # "Jane Doe said", "said Jane Doe" (not "told Jane Doe")
    if len(words) in (2, 3) and not any(w in lx["org"] | lx["gov"] for w in words) \
            and (pre := _ROLE_BEFORE.search(text, max(0, m.start - 60), m.start)) \
            and any(w in lx["heads"] for w in pre.group("role").split()):
        v["person"] += WEIGHT["strong"]   # "Its director general, Jane Doe, said"
        m.role = m.role or re.sub(r"^(?:the|its|their|his|her|our)\s+", "", pre.group("role"), flags=re.I)
    if re.match(r",\s+an?\s+\d+-year-old\b", text[m.end:m.end + 20]) and len(words) in (2, 3):
        v["person"] += WEIGHT["strong"]   # "Jo Bloggs, a 79-year-old carer"
    if nxt in lx["verbs"] or prev in lx["inverted"] or possessive or len(words) > 1:
        # "Acme said", "said Bloggs", "Acme’s", "Northfield Water Services": something,
        # probably an organisation (or the surname of a person named in full elsewhere)
        v["organisation"] += WEIGHT["weak"]


def _resolve(text: str, cands: list[Mention]) -> ArticleEntities:
    lx = _lex()
    # names seen mid-sentence make the same sentence-initial word a name too; the
    # first word of an organisation's name is that organisation where it acts
    # ("Quenby detected ...", "Quenby, which ..." for "Quenby Labs"; "National
    # guidance" is no name), and so is a word written capitalised mid-sentence too
    # ("the fitness app Quorlyn could ...": "Quorlyn said")
    known = {m.key for m in cands if "?" not in m.votes and "~" not in m.votes}
    lone = {m.key for m in cands if "~" in m.votes}
    starts = {m.key.split()[0] for m in cands if m.key in known and len(m.key.split()) > 1
              and max(m.votes, key=lambda k: (m.votes[k], k)) == "organisation"}
    # acting: "X said", "X detected", "X’s", "X, which", "X – which", "an X spokesman"
    def acts(m: Mention) -> bool:
        nxt = re.match(r"(?:[’']s\b|,\s+(?:which|who)\b|\s+[–—-]\s+(?:which|who)\b|\s+([a-z]+))",
                       text[m.end:m.end + 20])
        return bool(nxt) and (nxt.group(1) is None or nxt.group(1) in lx["verbs"] or nxt.group(1) in lx["spokes"]
                              or nxt.group(1).endswith("ed"))
    acting = {m.start for m in cands if "?" in m.votes and (m.key in starts or m.key in lone)
              and m.key not in lx["demonyms"] and acts(m)}
    # a person's surname opening a sentence ("Quarrie said ...", as US papers write)
    surnames = {m.key.split()[-1] for m in cands if m.key in known and 2 <= len(m.key.split()) <= 3
                and max(m.votes, key=lambda k: (m.votes[k], k)) == "person"}
    acting |= {m.start for m in cands if "?" in m.votes and m.key in surnames and acts(m)}
    named = known | {m.key for m in cands if m.start in acting}
    # a lone word mid-sentence is a name once known, or where it starts an organisation's
    # name ("costing Quenby £2.5m a day" for "Quenby Labs")
    cands = [m for m in cands if m.key in known or m.start in acting
             or ("~" in m.votes and (m.key in named or m.key in starts))]

    votes: dict[str, Counter] = defaultdict(Counter)
    for m in cands:
        votes[m.key].update({k: n for k, n in m.votes.items() if k not in "?~"})
    types = {k: c.most_common(1)[0][0] if c else "organisation" for k, c in votes.items()}

    # one canonical name per entity: surnames → full names, acronyms → long forms
    canon: dict[str, str] = {}
    persons = sorted({k for k, t in types.items() if t == "person" and len(k.split()) > 1},
                     key=lambda k: (-len(k), k))
    longs = sorted({k for k, t in types.items() if t != "person" and len(k.split()) > 1},
                   key=lambda k: (-len(k), k))
    for key, t in types.items():
        c = key
        if len(key.split()) == 1:
            full = [p for p in persons if p.split()[-1] == key]
            if full and (t == "person" or any(m.honorific for m in cands if m.key == key)
                         or votes[key]["person"] > 0 or t in ("organisation", "place")
                         and votes[key]["place"] == 0):
                c = full[0]
            elif not full and len(firsts := [p for p in persons if p.split()[0] == key]) == 1 \
                    and (key in lx["given"] or votes[key]["person"] > 0) \
                    and votes[key]["organisation"] <= WEIGHT["weak"] \
                    and not any(votes[key][k] for k in ("place", "government_body", "group")):
                c = firsts[0]   # "said Dan, 52" for "Dan Ruddle", as tabloids write
            elif _is_acronym(key):
                long = [L for L in longs if _initials(L) == key.replace(".", "")]
                if long:
                    c = long[0]
            elif t == "organisation":
                # "Quenby" for "Quenby Foods": the one longer organisation name it starts
                # (of "Tesco Bank" and "Tesco Mobile", "Tesco" is neither)
                c = owner([L for L in longs if L.split()[0] == key and types[L] == "organisation"]) or key
        elif t == "organisation":
            # "Tressick Capital" for "Tressick Capital Securities"
            long = [L for L in longs if L != key and L.startswith(key + " ") and types[L] == "organisation"]
            if len(long) == 1:
                c = long[0]
        canon[key] = c
    # "Northfield Hospital Trust (NHT)": a parenthesised acronym right after a name
    for m in cands:
        after = text[m.end:m.end + 12]
        pm = re.match(r" \(([A-Z][A-Za-z.&]{1,9})\)", after)
        if pm and pm.group(1) in canon and canon[pm.group(1)] == pm.group(1):
            canon[pm.group(1)] = canon[m.key]

    entities: dict[str, Entity] = {}
    for key, c in canon.items():
        t = types[c] if c in types else types[key]
        ent = entities.setdefault(c, Entity(c, t))
        if key != c:
            ent.aliases.add(key)
    mentions = []
    for m in cands:
        name = canon[m.key]
        ent = entities[name]
        if m.honorific:
            ent.aliases.add(f"{m.honorific} {m.key}")
        if m.role and not ent.role:
            ent.role = m.role
        mentions.append((m.start, m.end, m.surface, name))
    mentions.sort()
    listeners = frozenset(s for s, *_ in mentions if _LISTENER.search(text, max(0, s - 25), s))
    return ArticleEntities(entities, mentions, listeners)
