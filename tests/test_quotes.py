"""Quotes: marks paired by type and position, apostrophes told apart, missing marks
repaired to the paragraph edge, speakers resolved within the article."""
import pytest

from conftest import EXTRACT, HEADING
from pipeline import entities, quotes, segments


def run(text):
    spans = segments.classify(text, HEADING)
    paras = segments.paragraphs(text, spans)
    sents = [s for a, b in paras for s in segments.sentences(text, a, b)]
    ents = entities.extract(text, sents)
    out = quotes.extract(text, paras, sents, ents, EXTRACT["quote_continuation_chars"])
    for q in out:
        assert text[q["char_start"]:q["char_end"]] == q["text"]
    return out


def brief(text):
    return [(q["text"], q["speaker"], q["is_partial"]) for q in run(text)]


@pytest.mark.parametrize("text, expected", [
    ('Jane Smith, chief executive of Northfield Water, said: "We are working around the clock."\n',
     [("We are working around the clock.", "Jane Smith", False)]),
    ("“We are working around the clock,” said Jane Smith, chief executive of Northfield Water.\n",
     [("We are working around the clock,", "Jane Smith", False)]),
    ("Health Minister John Doe said: «We will not let this happen again.»\n",
     [("We will not let this happen again.", "John Doe", False)]),
    ("Jane Smith spoke to reporters. ‘It’s been a very hard week for the patients’ families,’ she said.\n",
     [("It’s been a very hard week for the patients’ families,", "Jane Smith", False)]),
    ("Northfield Water said it was “deeply sorry for the disruption” to customers.\n",
     [("deeply sorry for the disruption", "Northfield Water", True)]),
    ("The minister called it a “phased restart” of services.\n", []),
    ('Jane Smith said: "We are working hard.\n\nWe will be back soon, I promise."\n',
     [("We are working hard.", "Jane Smith", False), ("We will be back soon, I promise.", "Jane Smith", False)]),
    ("Jane Smith, of Northfield Water, said the damage was serious.\n"
     "There was no cash left for the staff,” Ms Smith told the BBC.\n",
     [("There was no cash left for the staff,", "Jane Smith", False)]),
    ("Northfield Water confirmed the breach. A spokesperson said: “We have informed all our customers.”\n",
     [("We have informed all our customers.", "Northfield Water", False)]),
    ("According to Jane Smith, “the systems will be back by Friday at the latest.”\n",
     [("the systems will be back by Friday at the latest.", "Jane Smith", True)]),
    # "told analysts" names who listened, not who spoke; "X, who has said" is X
    ("Chief executive Dominic Aske, who has said the firm is “deeply sorry that this has happened”, "
     "told analysts on Friday that the breach would cost £25m.\n",
     [("deeply sorry that this has happened", "Dominic Aske", True)]),
    # ", saying ...": the sentence's subject speaks; a name inside it ("Staff at X") does not
    ("Northfield Water issued a statement on Tuesday, saying it was “working around the clock to fix this”.\n",
     [("working around the clock to fix this", "Northfield Water", True)]),
    ("Staff at Northfield Water held a protest, saying they had been “left in the dark for weeks”.\n",
     [("left in the dark for weeks", None, True)]),
    ("Northfield Water shut its plants, saying it had been hit, and analysts see it as “a warning to every firm”.\n",
     [("a warning to every firm", None, True)]),
    # a council is who "a spokesperson" speaks for, though a named agency is an organisation
    ("Harrowfield City Council was hit on Friday. Harrowfield City Council is working with the "
     "National Cyber Defence Centre and the National Cyber Defence Centre is helping.\n\n"
     "Payments may be late for many claimants across the city this week, and the phone lines "
     "are closed, so residents are asked to wait before getting in touch about anything that "
     "is not urgent, and to check the website later in the day for news of when services "
     "could be back and of which offices remain open.\n\n"
     "A spokesperson said: “We know how worrying this is for everyone.”\n",
     [("We know how worrying this is for everyone.", "Harrowfield City Council", False)]),
    # "has just posted this statement:"; "The leader of X, Jo Bloggs," is a person
    ("The local government minister, Hilary Bramwell, has just posted this statement:\n\n"
     "“This is a deeply concerning attack on the services people rely on.”\n",
     [("This is a deeply concerning attack on the services people rely on.", "Hilary Bramwell", False)]),
    ("The leader of Harrowfield City Council, Maureen Tallis, spoke to reporters. She said:\n\n"
     "“We are treating this as a criminal attack on the city.”\n",
     [("We are treating this as a criminal attack on the city.", "Maureen Tallis", False)]),
    # a role opening a paragraph before the name; a tabloid's reporting verb
    ("Chief technology officer Tom Dunn said the move had been tested.\n\nChief executive apologises\n\n"
     "Fenby Bank’s chief executive, Mair Owain, has apologised in a video message.\n\n"
     "“I am deeply sorry. We have let down millions of people,” she said.\n",
     [("I am deeply sorry. We have let down millions of people,", "Mair Owain", False)]),
    ("Union boss Cath Ferris, general secretary of the Parcel Workers’ Alliance, blasted: "
     "“Our members are frightened and angry about all this.”\n",
     [("Our members are frightened and angry about all this.", "Cath Ferris", False)]),
    # a surname after the quote, a person described by age, a person before ", who said:"
    ("Ruth Hallam, an analyst, spoke. “You have saved money by putting everything in one place,” said Hallam.\n",
     [("You have saved money by putting everything in one place,", "Ruth Hallam", False)]),
    ("The paper featured Ines Morley, a 79-year-old carer. “I have rung them every day for a week,” she said.\n",
     [("I have rung them every day for a week,", "Ines Morley", False)]),
    ("A trade title quoted Dr Tomi Ade, a lecturer in security at the University of Fenby, who said: "
     "“Councils are an easy target for the gangs.”\n",
     [("Councils are an easy target for the gangs.", "Tomi Ade", False)]),
    # the quote is a paragraph of its own after "X said:"
    ("The regulator opened an inquiry. Its chief inspector, Anna Rowe, said:\n\n"
     "“Water companies have been told again and again that they are a target.”\n",
     [("Water companies have been told again and again that they are a target.", "Anna Rowe", False)]),
])
def test_quotes(text, expected):
    assert brief(text) == expected


@pytest.mark.parametrize("text", [
    "“We are sorry,” John Doe said in a statement. “It should never have happened.”\n",
    "“We are sorry,” said John Doe, Acme’s chief executive. “It should never have happened.”\n",
])
def test_interrupted_quote_is_one_statement_in_two_mentions(text):
    out = run(text)
    assert [q["text"] for q in out] == ["We are sorry,", "It should never have happened."]
    assert out[0]["statement"] == out[1]["statement"] and out[1]["speaker"] == "John Doe"


def test_pronoun_takes_the_last_named_person():
    text = ("Jane Smith, who chairs the patients' forum, said members were angry. "
            "She added: “Nobody has told us anything at all.”\n")
    assert brief(text) == [("Nobody has told us anything at all.", "Jane Smith", False)]


def test_a_surname_opening_a_sentence_is_the_person_a_pronoun_means():
    text = ("Chief Executive Dominic Ashgrove said the firm was sorry.\n\n“This must not happen again,” "
            "said Senator Marisol Vantreece.\n\nAshgrove said the firm would publish results on Feb. 19."
            "\n\n“We will be completely open,” he said.\n")
    assert [q["speaker"] for q in run(text)] == ["Marisol Vantreece", "Dominic Ashgrove"]


def test_a_name_then_its_long_title_after_the_quote_is_the_speaker():
    text = ("Experts were alarmed. “It was signed, it came from the vendor, it looked like every other "
            "update,” Tamsin Oyelaran, chief information security officer at Orrin Mutual, said after "
            "her team found the code.\n")
    assert [(q["speaker"], q["speaker_text"]) for q in run(text)] == [("Tamsin Oyelaran", "Tamsin Oyelaran")]


def test_a_first_name_alone_is_the_one_person_of_that_first_name():
    text = ("Salad farmer Rob Tennant ploughed 60 tonnes of lettuce back into his fields.\n\n"
            "“That’s three weeks of work gone in an afternoon,” said Rob, 52.\n")
    assert [q["speaker"] for q in run(text)] == ["Rob Tennant"]


def test_a_pronoun_is_never_the_outlet_a_speaker_told():
    text = ("Tamsin Oyelaran, chief information security officer at Orrin Mutual Insurance, told MSP "
            "Dispatch the update had looked normal.\n\n“The lesson is that a valid signature is not "
            "enough,” she said.\n")
    assert [q["speaker"] for q in run(text)] == ["Tamsin Oyelaran"]


def test_a_person_named_in_full_whom_someone_told_can_be_she():
    text = "Police told Jane Doe they had found her car. “I was so relieved,” she said.\n"
    assert [q["speaker"] for q in run(text)] == ["Jane Doe"]


def test_a_long_title_that_is_someone_elses_names_no_speaker_of_its_head():
    text = "“We are devastated,” Jane Doe’s lawyer, Tom Smith of Smith Partners in Leeds, said.\n"
    assert [q["speaker"] for q in run(text)] != ["Jane Doe"]


def test_a_spokesperson_for_the_unit_speaks_for_the_unit_the_article_names():
    text = ("Detectives from the Mercia Regional Cyber Crime Unit are investigating. Hollinbrook Foods "
            "said its factories were shut.\n\nA spokesperson for the unit said: “This was a "
            "sophisticated, targeted attack.”\n")
    assert [q["speaker"] for q in run(text)] == ["Mercia Regional Cyber Crime Unit"]


def test_spokesperson_statement_is_the_organisation():
    text = ("Northfield Water has restored supplies. «Our teams worked through the night,» a company "
            "spokesperson stated.\n")
    q = run(text)[0]
    assert (q["speaker"], q["speaker_role"], q["speaker_text"], q["cue"]) == (
        "Northfield Water", "spokesperson", "a company spokesperson", "stated")


def test_title_becomes_the_role():
    text = "Energy and Climate Secretary Jane Smith said: “This was an attack on all of us.”\n"
    q = run(text)[0]
    assert (q["speaker"], q["speaker_role"]) == ("Jane Smith", "Energy and Climate Secretary")


def test_unattributed_quote_has_no_speaker():
    text = "The sign on the door read: “Closed until further notice, sorry.”\n"
    assert run(text)[0]["speaker"] is None


@pytest.mark.parametrize("text", ["“" * 500, "”" * 500 + "abc", "‘’" * 300, '"' * 999, "« »" * 100])
def test_unbalanced_marks_do_not_crash(text):
    run(text + "\n")


def test_post_on_social_media():
    text = "In a post on social media, Jane Smith wrote: “The council has let everyone down badly.”\n"
    q = run(text)[0]
    assert (q["speaker"], q["cue"]) == ("Jane Smith", "wrote")


def test_the_noun_for_an_organisation_becomes_its_alias():
    from conftest import EXTRACT
    from pipeline import extract
    text = ("Northfield Water Services was hit by an attack.\n\n"
            "“We are working around the clock to restore supplies,” the utility said.\n")
    out = extract.extract_article("x", text, None, segments.classify(text, HEADING), EXTRACT)
    ent = next(e for e in out["entities"] if e["name"] == "Northfield Water Services")
    assert "the utility" in ent["aliases"]
    assert out["quotes"][0]["speaker"] == "Northfield Water Services"


@pytest.mark.parametrize("text, expected", [
    ("Ein Sprecher sagte: „Wir arbeiten mit Hochdruck daran.“\n", ["Wir arbeiten mit Hochdruck daran."]),
    ("She said: “I was told it would be ‘sorted by the end of the day’, and it never was.”\n",
     ["I was told it would be ‘sorted by the end of the day’, and it never was.",
      "sorted by the end of the day"]),
    ("The mayor said: 'We will not be held to ransom by criminals.'\n",
     ["We will not be held to ransom by criminals."]),
    ("The council’s statement said the residents’ data was safe and the patients’ records too.\n", []),
])
def test_marks(text, expected):
    assert [q["text"] for q in run(text)] == expected


def test_a_person_described_before_the_name_is_the_one_a_pronoun_means():
    text = ("Chief executive Daniel Rees said: “We are deeply sorry for this.”\n\n"
            "Grandmother Jean Talbot, 67, said she waited for hours.\n\n"
            "“I have been a customer for twenty years,” she said.\n")
    assert run(text)[-1]["speaker"] == "Jean Talbot"


def test_has_said_before_a_partial_quote():
    text = ("Northfield Water's chief executive, Ann Bell, has said the priority was "
            "\"making sure no customer is left without water.\" Critics disagree.\n")
    assert brief(text) == [("making sure no customer is left without water.", "Ann Bell", True)]


def test_a_force_written_in_lower_case_speaks_through_its_spokesperson():
    text = ("Westshire police said on Wednesday that they had opened an investigation. "
            "“We are working closely with the company and national partners,” a spokesperson for the force said.\n")
    assert run(text)[0]["speaker"] == "Westshire police"


def test_she_is_the_last_person_who_is_not_a_man():
    text = ("Grandmother Jean Talbot said she waited for hours.\n\n"
            "Chief executive Mr Daniel Rees said the firm was sorry. Mr Rees added that staff were working hard.\n\n"
            "“I have been a customer for twenty years,” she said.\n")
    assert run(text)[-1]["speaker"] == "Jean Talbot"


def test_a_union_named_with_a_plural_possessive_is_one_speaker():
    text = "The Maritime and Ferry Workers' Union said: “Our members were sworn at and spat at.”\n"
    assert run(text)[0]["speaker"] == "Maritime and Ferry Workers' Union"


def test_a_name_joined_by_and_is_one_speaker_when_its_acronym_spells_it():
    text = ("Officers from the National Fraud and Cyber Crime Agency (NFCCA) detained a man. "
            "A spokesperson for the NFCCA said: “This remains a live investigation for us.”\n")
    assert run(text)[0]["speaker"] == "National Fraud and Cyber Crime Agency"
    # at the start of a sentence, "The" is no initial
    text = "The National Fraud and Cyber Crime Agency (NFCCA) said: “This remains a live investigation for us.”\n"
    assert run(text)[0]["speaker"] == "National Fraud and Cyber Crime Agency"
    # without the acronym the two parts stay apart: "and" alone joins nothing
    text = text.replace(" (NFCCA)", "")
    assert run(text)[0]["speaker"] != "National Fraud and Cyber Crime Agency"


def test_an_unattributed_quote_after_a_person_tells_what_she_said_is_hers():
    """A paragraph of quote with no attribution after a paragraph (with no quote) that
    reports what a named person said is that person's, not the last quoted speaker's."""
    text = ('“We are sorry,” said Mabyn Quintrell, the chief executive.\n\n'
            'Kayleigh Nettlecombe, 29, a care assistant in Brackenholt, said she had £3.18 in her account.\n\n'
            '“I rang the office and they said it was the payroll company. Who do I ring now?”\n\n'
            'Tom Reddaway said the firm was working on it.\n\n'
            '“Our engineers are on site,” he added.\n')
    speakers = [q["speaker"] for q in run(text)]
    assert speakers == ["Mabyn Quintrell", "Kayleigh Nettlecombe", "Tom Reddaway"]


def test_a_repeated_apology_is_an_attribution():
    text = ('In a message to brokers, chief executive Siobhán Cardewell repeated her public apology: '
            '"I want to apologise unreservedly to our customers."\n')
    assert [q["speaker"] for q in run(text)] == ["Siobhán Cardewell"]


@pytest.mark.parametrize("text, speaker", [
    # the person named last before the reporting verb, not someone they act for
    ("Joanne Pickett was dismissed in May. A lawyer for Ms Pickett, Simon Greaves, said his client was "
     "considering legal action.\n\n“She has been treated appallingly by this company.”\n", "Simon Greaves"),
    # an organisation that said it, as a statement
    ("Dublin Airport said it was working with airlines to rebook passengers.\n\n"
     "“We apologise to everyone whose journey has been disrupted.”\n", "Dublin Airport"),
])
def test_an_unattributed_quote_after_a_saying_is_the_sayers(text, speaker):
    assert [q["speaker"] for q in run(text)] == [speaker]


def test_an_unattributed_quote_after_someone_named_after_that_stays_with_the_last_speaker():
    text = ('“The jury must be sure,” said Mrs Justice Carr.\n\n'
            'The court heard that Tomasz Nowak, 38, had told police he was at home at the time.\n\n'
            '“The evidence shows he was not.”\n')
    assert [q["speaker"] for q in run(text)][-1] != "Tomasz Nowak"
