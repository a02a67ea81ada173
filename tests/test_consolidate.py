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


def test_a_surname_joins_the_one_person_with_that_surname():
    arts = [article("a", ("Ann Bell", "person")), article("b", ("Bell", "person"))]
    _, _, local = consolidate_entities(arts, 92)
    assert entity_of(local, "a", "Ann Bell") == entity_of(local, "b", "Bell")
