"""Consolidation of entities across articles: the same organisation or person under a
longer and a shorter name is one entity; different ones stay apart."""
from pipeline.consolidate import consolidate_entities


def article(sid, *ents):
    return {"source_id": sid, "entities": [{"name": n, "type": t, "aliases": []} for n, t in ents]}


def entity_of(local, sid, name):
    return local[(sid, name)]


def test_a_one_word_organisation_name_joins_the_longer_name_it_starts():
    arts = [article("a", ("Hearthline Energy", "organisation")), article("b", ("Hearthline", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Hearthline Energy") == entity_of(local, "b", "Hearthline")


def test_a_one_word_name_shared_by_two_organisations_joins_neither():
    arts = [article("a", ("Northfield Water", "organisation")), article("b", ("Northfield Bank", "organisation")),
            article("c", ("Northfield", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert len({entity_of(local, s, n) for s, n in
                [("a", "Northfield Water"), ("b", "Northfield Bank"), ("c", "Northfield")]}) == 3


def test_a_one_word_name_shared_by_a_company_and_its_brand_joins_the_company():
    arts = [article("a", ("Marrowby Brewing Co.", "organisation"), ("Marrowby Lager", "organisation")),
            article("b", ("Marrowby", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "b", "Marrowby") == entity_of(local, "a", "Marrowby Brewing Co.") \
        != entity_of(local, "a", "Marrowby Lager")


def test_a_one_word_name_that_is_a_person_joins_no_company():
    arts = [article("a", ("Jane Morrison", "person")), article("b", ("Morrison Utilities Ltd", "organisation"),
                                                             ("Morrison Data Centres", "organisation")),
            article("c", ("Morrison", "person"), ("Morrison", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "b", "Morrison Utilities Ltd") != entity_of(local, "a", "Jane Morrison")


def test_a_surname_joins_the_one_person_with_that_surname():
    arts = [article("a", ("Ann Bell", "person")), article("b", ("Bell", "person"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Ann Bell") == entity_of(local, "b", "Bell")


def _event(sid, verb, date="2025-05-12"):
    # one story: every article is about the same organisation
    return {"source_id": sid, "published_date": "2025-05-16",
            "entities": [{"name": "Northfield Water", "type": "organisation", "aliases": []}],
            "entity_mentions": [{"char_start": 0, "char_end": 15, "surface": "Northfield Water",
                                 "name": "Northfield Water"}],
            "listeners": [], "references": [], "figures": [], "quotes": [],
            "events": [{"char_start": 0, "char_end": 10, "evidence": f"It {verb} on Monday.", "date_text": "on Monday",
                        "event_type": "other", "event_date": date, "date_precision": "day", "status": "occurred",
                        "actor": None, "place": None, "trigger": verb}]}


def test_other_happenings_of_one_day_are_one_event_only_when_the_verb_is_the_same():
    from pipeline.config import params
    from pipeline.consolidate import consolidate
    tables = consolidate([_event("a", "delayed"), _event("b", "delays a further 9.6%"), _event("c", "handed")],
                         params())
    by_source = {m["source_id"]: m["event_id"] for m in tables["event_mentions"]}
    assert by_source["a"] == by_source["b"] != by_source["c"]
    assert len({e["event_id"] for e in tables["events"]}) == len(tables["events"]) == 2


def test_two_suppliers_troubles_on_one_day_are_two_events():
    from pipeline.config import params
    from pipeline.consolidate import consolidate

    def supplier_event(sid, supplier):
        a = _event(sid, "laid off")
        a["entities"].append({"name": supplier, "type": "organisation", "aliases": []})
        a["events"][0].update(event_type="supplier_impact", actor=supplier)
        return a
    tables = consolidate([supplier_event("a", "Prairie Malting"), supplier_event("b", "Prairie Malting"),
                          supplier_event("c", "Verrill Container")], params())
    by_source = {m["source_id"]: m["event_id"] for m in tables["event_mentions"]}
    assert by_source["a"] == by_source["b"] != by_source["c"]



def test_two_dates_of_one_type_in_one_sentence_are_two_events():
    """"expects to resume a limited service on Thursday and full operations in the
    coming days": the week's plan does not swallow Thursday's, though it spans it."""
    from pipeline.config import params
    from pipeline.consolidate import consolidate

    def resumption(sid, date, precision, start=0):
        a = _event(sid, "resume", date)
        a["events"][0].update(event_type="operations_resumed", date_precision=precision, status="planned",
                              char_start=start)
        return a
    a = resumption("a", "2025-05-15", "day")
    a["events"] += resumption("a", "2025-05-12", "week")["events"]
    tables = consolidate([a, resumption("b", "2025-05-15", "day"), resumption("c", "2025-05-12", "week", 40)],
                         params())
    dates = {(m["source_id"], m["event_date"]): m["event_id"] for m in tables["event_mentions"]}
    assert len(dates) == 4   # both of a's mentions kept
    assert dates[("a", "2025-05-15")] == dates[("b", "2025-05-15")] != dates[("a", "2025-05-12")]


def _named(sid, counts):
    """An article naming each (name, type) the given number of times."""
    ents, mentions, at = [], [], 0
    for (name, etype), n in counts.items():
        ents.append({"name": name, "type": etype, "aliases": []})
        for _ in range(n):
            mentions.append({"char_start": at, "char_end": at + len(name), "surface": name, "name": name})
            at += len(name) + 1
    return {"source_id": sid, "entities": ents, "entity_mentions": mentions, "listeners": [], "references": []}


def test_two_public_bodies_attacked_stay_two_stories_though_one_minister_speaks_on_both():
    """Each article names its victim and refers to it ("the authority", "the trust")."""
    from pipeline.consolidate import stories
    minister = ("Daniel Jarrow", "person")
    port, trust = ("Glenholt Port Authority", "government_body"), ("Lowestead NHS Trust", "government_body")
    arts = [_named("a1", {port: 4, minister: 3}), _named("a2", {port: 3, minister: 2}),
            _named("b1", {trust: 4, minister: 3}), _named("b2", {trust: 3, minister: 3})]
    for a in arts:
        a["references"] = [port[0] if a["source_id"][0] == "a" else trust[0]] * 4
    ents, _, local = consolidate_entities(arts, 92)
    story = stories(arts, local, ents, 0.5)
    assert story["a1"] == story["a2"] != story["b1"] == story["b2"]


def test_a_regulator_named_in_two_incidents_as_often_as_their_victims_joins_neither():
    from pipeline.consolidate import stories
    regulator = ("Information Rights Office", "government_body")
    arts = [_named("a", {("Acme Holdings", "organisation"): 2, regulator: 3}),
            _named("b", {("Bolt Water", "organisation"): 2, regulator: 3})]
    ents, _, local = consolidate_entities(arts, 92)
    story = stories(arts, local, ents, 0.5)
    assert story["a"] != story["b"]


def test_a_descriptor_alias_joins_no_entities_across_articles():
    arts = [{"source_id": "a", "entities": [{"name": "Corvane Diagnostics", "type": "organisation",
                                             "aliases": ["the company"]}]},
            {"source_id": "b", "entities": [{"name": "Veritrac Systems", "type": "organisation",
                                             "aliases": ["the company"]}]}]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Corvane Diagnostics") != entity_of(local, "b", "Veritrac Systems")


def test_an_article_that_names_its_subject_once_and_then_refers_to_it_joins_its_story():
    from pipeline.consolidate import stories
    council = ("Harrowfield City Council", "government_body")
    arts = [_named("a", {council: 4, ("Maureen Tallis", "person"): 2, ("Hilary Bramwell", "person"): 1}),
            _named("b", {council: 1, ("Adrian Pell", "person"): 3, ("Sunita Rao", "person"): 1,
                         ("Graham Eddowes", "person"): 1, ("Nightjar", "group"): 1})]
    ents, _, local = consolidate_entities(arts, 92)
    assert stories(arts, local, ents, 0.5)["a"] != stories(arts, local, ents, 0.5)["b"]
    arts[1]["references"] = ["Harrowfield City Council"] * 8   # "the council", eight times
    assert stories(arts, local, ents, 0.5)["a"] == stories(arts, local, ents, 0.5)["b"]


def test_two_mentions_of_one_date_in_one_sentence_are_one_event_with_one_id():
    """"Sailings were cancelled on Monday morning, and on Monday evening the operator
    cancelled two more": one happening of that day, and never two rows of one ID."""
    from pipeline.config import params
    from pipeline.consolidate import consolidate

    a = _event("a", "cancelled")
    a["events"][0].update(event_type="operations_halted")
    a["events"].append(dict(a["events"][0], date_text="on Monday evening"))
    tables = consolidate([a], params())
    assert len(tables["events"]) == 1
    assert len({(m["event_id"], m["source_id"], m["char_start"]) for m in tables["event_mentions"]}) \
        == len(tables["event_mentions"]) == 1


def test_a_company_name_with_and_without_its_legal_form_is_one_entity():
    arts = [article("a", ("Northvault Holdings Inc", "organisation")), article("b", ("Northvault Holdings", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Northvault Holdings Inc") == entity_of(local, "b", "Northvault Holdings")
    # ... but a legal form is not all a name says: "Acme Inc" and "Acme" stay to the one-word rules
    arts = [article("a", ("Acme Inc", "organisation")), article("b", ("Acme Foods", "organisation")),
            article("c", ("Acme", "organisation"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Acme Inc") != entity_of(local, "b", "Acme Foods")
