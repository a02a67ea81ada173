"""Entity mentions within one article: names, their types and the shorter forms that
refer to them."""
from conftest import HEADING
from pipeline import entities, segments


def found(text):
    spans = segments.classify(text, HEADING)
    sents = [s for a, b in segments.paragraphs(text, spans) for s in segments.sentences(text, a, b)]
    return entities.extract(text, sents)


def test_a_sentence_initial_word_that_starts_an_organisation_name_is_that_organisation():
    text = ("A ransomware attack hit Corvane Diagnostics on Tuesday. Corvane detected it overnight. "
            "Corvane declined to comment.\n")
    ents = found(text)
    assert [n for *_, n in ents.mentions] == ["Corvane Diagnostics"] * 3
    assert "Corvane" in ents.entities["Corvane Diagnostics"].aliases


def test_a_sentence_initial_common_word_stays_no_name():
    text = "Officials at the National Cyber Security Centre were told. National guidance says more.\n"
    ents = found(text)
    assert [n for *_, n in ents.mentions] == ["National Cyber Security Centre"]


def test_the_council_refers_to_the_council_the_article_names():
    from pipeline import extract
    text = ("Harrowfield City Council was hit on Friday, Council Technology Weekly reported. "
            "The council said its tax system was down. West Marches Police said the police "
            "were helping the council.\n")
    spans = segments.classify(text, HEADING)
    sents = [s for a, b in segments.paragraphs(text, spans) for s in segments.sentences(text, a, b)]
    assert extract.references(text, sents, entities.extract(text, sents)) == [
        "Harrowfield City Council", "West Marches Police", "Harrowfield City Council"]
