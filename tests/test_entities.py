"""Entity mentions within one article: names, their types and the shorter forms that
refer to them."""
import pytest

from conftest import HEADING
from pipeline import entities, segments


def found(text):
    spans = segments.classify(text, HEADING)
    sents = [s for a, b in segments.paragraphs(text, spans) for s in segments.sentences(text, a, b)]
    return entities.extract(text, sents)


def test_a_sentence_initial_word_that_starts_an_organisation_name_is_that_organisation_where_it_acts():
    text = ("A ransomware attack hit Brackwell Labs on Tuesday. Brackwell detected it overnight. "
            "Brackwell, which runs four sites, declined to comment. Brackwell staff were sent home.\n")
    ents = found(text)
    assert [s for *_, s, n in ents.mentions if n == "Brackwell Labs"] == ["Brackwell Labs", "Brackwell", "Brackwell"]
    assert "Brackwell" in ents.entities["Brackwell Labs"].aliases


def test_the_first_word_of_an_organisation_name_is_it_in_more_places_it_acts():
    text = ("A ransomware attack hit Brackwell Labs on Tuesday. Brackwell takes most orders online. "
            "Brackwell – which employs 5,000 people – sent staff home. A Brackwell spokesman said it was "
            "sorry. Analysts say the shutdown is costing Brackwell £2m a day.\n")
    ents = found(text)
    # ("Brackwell takes" could as well be "Southern areas": a word in -s proves nothing)
    assert [s for *_, s, n in ents.mentions if n == "Brackwell Labs"] == ["Brackwell Labs"] + ["Brackwell"] * 3


def test_a_first_word_shared_by_two_organisations_is_neither():
    text = "Tesco Bank froze payments. Tesco Mobile was also hit. Tesco, which owns both, said sorry.\n"
    ents = found(text)
    assert "Tesco" not in ents.entities["Tesco Bank"].aliases | ents.entities["Tesco Mobile"].aliases


def test_the_office_of_a_club_names_no_person():
    assert "Park Rangers" not in found("The Chief Executive of Queens Park Rangers said it was sad.\n").entities


def test_a_first_word_shared_by_a_company_and_a_body_is_neither():
    text = "Wrexham AFC beat Bolton. Its sponsor Wrexham Lager Beer Co. was pleased. Wrexham said it was grateful.\n"
    ents = found(text)
    assert not any("Wrexham" in e.aliases for e in ents.entities.values())


def test_a_first_word_shared_by_a_company_and_its_brand_is_the_company():
    text = "Marrowby Brewing Co. halted production. Marrowby Lager sales fell. Marrowby said it was sorry.\n"
    ents = found(text)
    assert "Marrowby" in ents.entities["Marrowby Brewing Co"].aliases   # the full stop ends the sentence
    assert "Marrowby" not in ents.entities["Marrowby Lager"].aliases


def test_a_lone_word_written_capitalised_mid_sentence_is_a_name_where_it_acts():
    text = ("The data watchdog said the fitness app Stridelane could face a fine. "
            "Stridelane said it had notified the authority. Members who use Stridelane were told. "
            "Staff said they had not been warned. A ransomware gang called Nightjar posted files.\n")
    ents = found(text)
    assert ents.type_of("Stridelane") == "organisation"
    assert [s for *_, s, n in ents.mentions if n == "Stridelane"] == ["Stridelane"] * 3
    # capitalised only at the start of its sentence: no name, whatever verb follows
    assert "Staff" not in ents.entities


def test_an_appositive_title_ends_where_a_relative_clause_begins():
    text = ("Jonah Ferriby, the independent security researcher who found the database, said it held "
            "2.9 million records. Ferriby said he alerted the firm.\n")
    ents = found(text)
    assert (ents.type_of("Jonah Ferriby"), ents.entities["Jonah Ferriby"].role) == \
        ("person", "independent security researcher")
    assert {n for *_, n in ents.mentions} == {"Jonah Ferriby"}


def test_a_number_in_an_appositive_describes_an_organisation_not_a_title():
    text = "Corin Abbs, owner of Dunfold IT, a 23-person MSP with 90 clients, said it was hard.\n"
    ents = found(text)
    assert (ents.type_of("Corin Abbs"), ents.type_of("Dunfold IT")) == ("person", "organisation")


@pytest.mark.parametrize("text, names", [
    # a surname or a first word that does not act is no mention
    ("Professor Sarah Young said it was bad. Young people were among the victims.\n", ["Sarah Young"]),
    ("Southern Water said it had been hacked. Southern areas were worst hit.\n", ["Southern Water"]),
    ("Customers said the Internet banking app failed. Internet users were hit.\n", []),
])
def test_capitalised_words_that_name_nothing(text, names):
    assert [n for *_, n in found(text).mentions] == names


def test_a_title_with_a_number_in_a_name_is_still_a_title():
    ents = found("Orlan Vesk, chief executive of 3M, said it was bad.\n")
    assert (ents.type_of("Orlan Vesk"), ents.entities["Orlan Vesk"].role) == ("person", "chief executive of 3M")


def test_a_role_before_a_name_starts_at_its_own_determiner():
    text = "Speaking after the meeting with its chief executive, Jane Doe said the firm was fine.\n"
    assert found(text).entities["Jane Doe"].role == "chief executive"
    text = "The leader of Harrowmere Borough Council, Alice Brand, said the firm was fine.\n"
    assert found(text).entities["Alice Brand"].role == "leader of Harrowmere Borough Council"


@pytest.mark.parametrize("text, name, role", [
    ("Presenter Nadia Quellwood, 44, said it was horrible.", "Nadia Quellwood", "Presenter"),
    ("Pharmacist Jo Arkwell said patients were worried.", "Jo Arkwell", "Pharmacist"),
])
def test_an_occupation_before_a_name_is_its_role(text, name, role):
    assert found(text + "\n").entities[name].role == role


@pytest.mark.parametrize("text, name", [
    ("Anchor Hanover, the housing provider, said it was fine.", "Anchor Hanover"),
    ("The Producer Price Index rose 0.3% in April.", "Producer Price Index"),
    ("Teacher Tapp found that pupils were tired.", "Teacher Tapp"),
])
def test_an_occupation_word_opening_a_name_of_a_thing_is_no_role(text, name):
    ents = found(text + "\n").entities
    assert name in ents and ents[name].type != "person"


def test_a_sentence_initial_common_word_stays_no_name():
    text = "Officials at the National Cyber Security Centre were told. National guidance says more.\n"
    ents = found(text)
    assert [n for *_, n in ents.mentions] == ["National Cyber Security Centre"]


def test_the_council_refers_to_the_council_the_article_names_and_the_police_to_no_story():
    from pipeline import extract
    text = ("Eastmoor City Council was hit on Friday, Council Technology Weekly reported. "
            "The council said its tax system was down. Northfold Police said the police "
            "were helping the council.\n")
    spans = segments.classify(text, HEADING)
    sents = [s for a, b in segments.paragraphs(text, spans) for s in segments.sentences(text, a, b)]
    assert extract.references(text, sents, entities.extract(text, sents)) == ["Eastmoor City Council"] * 2


def test_a_demonym_opening_a_public_body_name_is_part_of_it():
    text = ("The Canadian Securities Oversight Board said it was reviewing the theft. The National "
            "Financial Crimes Bureau is investigating.\n")
    ents = found(text).entities
    assert {"Canadian Securities Oversight Board", "National Financial Crimes Bureau"} <= set(ents)
    # a board or bureau is not public for being one ("England and Wales Cricket Board")
    assert found("The England and Wales Cricket Board said the match would go ahead.\n").entities[
        "England and Wales Cricket Board"].type == "organisation"


@pytest.mark.parametrize("text, name, type_, role", [
    # a run that opens with a long title is the person holding it, named by its last two words
    ("Minister of State for Data Affairs Orla Quennell said it was helping.", "Orla Quennell", "person",
     "Minister of State for Data Affairs"),
    ("Secretary of State for Transport and IT Ravi Tandrel said nothing.", "Ravi Tandrel", "person",
     "Secretary of State for Transport and IT"),
    # a title with no name after it names nobody: "for Foreign Affairs" is no person
    ("The Minister for Foreign Affairs said nothing.", "Minister for Foreign Affairs", "organisation", ""),
    ("Minister of State for Trade Promotion said nothing.", "Minister of State for Trade Promotion",
     "organisation", ""),
    # after "the", an office's last words are a name only when they start with a given name
    ("She was told by the Director of Adult Social Care that it was shut.", "Director of Adult Social Care",
     "organisation", ""),
])
def test_a_long_title_before_a_name(text, name, type_, role):
    ents = found(text + "\n").entities
    assert name in ents and ents[name].type == type_ and (ents[name].role or "") == role


def test_an_age_after_a_name_makes_it_a_person():
    text = "Kayleigh Nettlecombe, 29, a care assistant in Brackenholt, said she had £3 left.\n"
    ents = entities.extract(text, [(0, len(text) - 1)])
    assert ents.type_of("Kayleigh Nettlecombe") == "person"


@pytest.mark.parametrize("text, name", [
    # a transport, hotel or payments firm's word makes an organisation, even after "from"
    ("The gang published files stolen from Skerrivale Ferries yesterday.\n", "Skerrivale Ferries"),
    ("Workers paid by Tallyburn Payroll were short on Friday.\n", "Tallyburn Payroll"),
    ("The guests of Vellamy Resorts were moved on Sunday.\n", "Vellamy Resorts"),
])
def test_business_words_make_an_organisation(text, name):
    ents = entities.extract(text, [(0, len(text) - 1)])
    assert ents.type_of(name) == "organisation"


def test_numbers_after_names_in_a_ranked_list_are_no_ages():
    text = "Shamrock Rovers, 61, Shelbourne, 59, and Derry City, 55, all won on Friday.\n"
    ents = entities.extract(text, [(0, len(text) - 1)])
    assert ents.type_of("Shamrock Rovers") != "person" and ents.type_of("Derry City") != "person"
