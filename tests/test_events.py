"""Events: typed by general triggers, dated by the time phrase of their clause,
planned or occurred by tense, with actor and place."""
import datetime as dt

import pytest

from conftest import EXTRACT, HEADING
from pipeline import entities, events, segments, timex

PENALTIES = (EXTRACT["event_after_penalty"], EXTRACT["event_clause_penalty"], EXTRACT["event_max_distance"])

P = dt.date(2025, 5, 16)   # a Friday


def run(text, published=P):
    spans = segments.classify(text, HEADING)
    paras = segments.paragraphs(text, spans)
    sents = [s for a, b in paras for s in segments.sentences(text, a, b)]
    ents = entities.extract(text, sents)
    out = events.extract(text, sents, ents, published, timex.stated_years(text), *PENALTIES)
    for e in out:
        assert text[e["char_start"]:e["char_end"]] == e["evidence"] and e["date_text"] in e["evidence"]
    return [(e["event_type"], e["event_date"], e["date_precision"], e["status"]) for e in out]


@pytest.mark.parametrize("text, expected", [
    ("The port was hit by a cyber attack on Sunday.", [("cyber_attack", "2025-05-11", "day", "occurred")]),
    # a halt that goes on until a date, however it is said
    ("Its booking systems will stay offline until at least 26 May.",
     [("halt_extended", "2025-05-26", "day", "planned")]),
    ("Payments will not be restored until at least 26 May, the council said.",
     [("halt_extended", "2025-05-26", "day", "planned")]),
    ("The airline expects to run a full schedule from Monday.",
     [("operations_resumed", "2025-05-19", "day", "planned")]),
    ("The airline cancelled its full schedule on Friday.", [("operations_halted", "2025-05-16", "day", "occurred")]),

    ("The firm said on Thursday that it expected the disruption to cost it £20m.",
     [("impact_assessment", "2025-05-15", "day", "occurred")]),
    # "would" is no future marker: a conditional about a past date stays past
    ("The firm said it would take weeks to recover from the attack on Monday.",
     [("cyber_attack", "2025-05-12", "day", "occurred")]),
    # a wire dateline's date dates nothing; the body's does
    ("ASHMERE, England, May 16 (Calder) - A ransomware attack forced hospitals to cancel operations on Wednesday.",
     [("operations_halted", "2025-05-14", "day", "occurred")]),
    ("The hackers broke in on 28 April and stayed hidden.", [("cyber_attack", "2025-04-28", "day", "occurred")]),
    ("The attack on the firm, which supplies 1.1 million homes, was detected early on Friday.",
     [("cyber_attack", "2025-05-16", "day", "occurred")]),
    ("Criminals gained access on Tuesday using stolen passwords.",
     [("cyber_attack", "2025-05-13", "day", "occurred")]),
    ("Customers were unable to top up their meters on Monday.",
     [("operations_halted", "2025-05-12", "day", "occurred")]),
    ("In March, a fault with the same system delayed sailings for hours.",
     [("other", "2025-03-01", "month", "occurred")]),
    ("The firm revealed yesterday that customers' addresses had been snatched.",
     [("data_compromised", "2025-05-15", "day", "occurred")]),
    ("On Tuesday the group posted 40 gigabytes of files online.",
     [("data_compromised", "2025-05-13", "day", "occurred")]),
    ("She said officials would meet the firm's bosses next week.",
     [("other", "2025-05-19", "week", "planned")]),
    ("Terminals were brought to a standstill on 11 May.",
     [("operations_halted", "2025-05-11", "day", "occurred")]),
    ("The council shut down its payments system last week.",
     [("systems_shutdown", "2025-05-05", "week", "occurred")]),
    ("Operations resumed on Tuesday afternoon.", [("operations_resumed", "2025-05-13", "day", "occurred")]),
    ("The terminal will reopen in the coming days.", [("operations_resumed", "2025-05-12", "week", "planned")]),
    ("Services are expected to resume next week.", [("operations_resumed", "2025-05-19", "week", "planned")]),
    # the extension happened, but a halt until a date after publication is still to come
    ("The closure was extended until at least 20 May.", [("halt_extended", "2025-05-20", "day", "planned")]),
    ("The shutdown was extended on 12 May.", [("halt_extended", "2025-05-12", "day", "occurred")]),
    ("The terminal will remain closed until at least 20 May.",
     [("halt_extended", "2025-05-20", "day", "planned")]),
    ("Its systems were back online on Thursday, 15 May.",
     [("systems_restored", "2025-05-15", "day", "occurred")]),
    ("A gang calling itself Black Wave claimed responsibility for the attack on Monday.",
     [("responsibility_claimed", "2025-05-12", "day", "occurred")]),
    ("Customer records were stolen over the weekend.", [("data_compromised", "2025-05-10", "week", "occurred")]),
    ("The Government announced a £50m support package last month.",
     [("government_support", "2025-04-01", "month", "occurred")]),
    ("Police arrested a 19-year-old man on 14 May.", [("law_enforcement", "2025-05-14", "day", "occurred")]),
    ("The minister visited the port yesterday.", [("official_visit", "2025-05-15", "day", "occurred")]),
    ("Suppliers laid off staff earlier this month.", [("supplier_impact", "2025-05-01", "month", "occurred")]),
    ("The firm said the attack would cost it dearly.", []),           # no date, no event
    ("The attack, which began on 11 May 2025, brought production to a halt.",
     [("cyber_attack", "2025-05-11", "day", "occurred")]),
    # what a gang, the police and a regulator do
    ("Hackers encrypted servers at its headquarters on Saturday.", [("cyber_attack", "2025-05-10", "day", "occurred")]),
    ("The firm insists the hackers struck on Saturday.", [("cyber_attack", "2025-05-10", "day", "occurred")]),
    ("The gang listed the company on its leak site on Tuesday.",
     [("responsibility_claimed", "2025-05-13", "day", "occurred")]),
    ("It reported the attack to the National Crime Agency on Sunday.",
     [("law_enforcement", "2025-05-11", "day", "occurred")]),
    ("It reported the breach to the Information Rights Office on Saturday.", [("other", "2025-05-10", "day", "occurred")]),
    ("The regulator said on Wednesday it was making enquiries.", [("law_enforcement", "2025-05-14", "day", "occurred")]),
    ("On Wednesday it set aside £48m to cover refunds.", [("financial_report", "2025-05-14", "day", "occurred")]),
    # customers' accounts are no company accounts; restoring operations is resuming them
    ("It resumed a limited service for business accounts on 16 April.",
     [("operations_resumed", "2025-04-16", "day", "occurred")]),
    ("The company expects to restore full operations in the coming days.",
     [("operations_resumed", "2025-05-12", "week", "planned")]),
    # an -ed trigger after a determiner describes a noun; a trigger after "after" or
    # "about" is a cause or a topic, not what the date dates
    ("The university restarted its postponed exams on 9 February.",
     [("operations_resumed", "2025-02-09", "day", "occurred")]),
    ("The airline rebooked the cancelled flights on Monday.", [("other", "2025-05-12", "day", "occurred")]),
    ("The exchange stopped all withdrawals from its hot wallet on Monday after an attack.",
     [("operations_halted", "2025-05-12", "day", "occurred")]),
    # what a government gives; systems brought back
    ("The aid package she announced today includes wage support.", [("government_support", "2025-05-16", "day", "occurred")]),
    ("She said the government would set out support for island businesses next week.",
     [("government_support", "2025-05-19", "week", "planned")]),
    # ... not a fund a firm sets up, support asked for, nor swimmers brought back
    ("The port was bought by an infrastructure fund in 2021.", [("other", "2021-01-01", "year", "occurred")]),
    ("The retailer set up a £3m fund on Monday to compensate customers.", [("other", "2025-05-12", "day", "occurred")]),
    ("The MP said on Monday that the budget offered too little support for small businesses.", []),
    ("Lifeguards reached the two swimmers on Sunday and brought them back to shore.",
     [("other", "2025-05-11", "day", "occurred")]),
    # the colon of a time of day ends no clause
    ("Hackers got into the network of the company at about 2:40 a.m. on Saturday, 10 May, and locked the servers.",
     [("cyber_attack", "2025-05-10", "day", "occurred")]),
    # what a supplier halts is supplier impact; not a victim that supplies the public,
    # nor a contractor blamed in passing
    ("The supplier, Orvane Logistics, suspended its platform for all clients on Monday.",
     [("supplier_impact", "2025-05-12", "day", "occurred")]),
    # ... not a firm that runs a town's buses, serves all its customers, or an energy supplier
    ("Stagecoach, which runs Manchester's buses, halted services on Monday.",
     [("operations_halted", "2025-05-12", "day", "occurred")]),
    ("Tesco suspended home deliveries for all its customers on Tuesday after the attack.",
     [("operations_halted", "2025-05-13", "day", "occurred")]),
    ("The energy supplier shut down its website on Tuesday after the attack.",
     [("systems_shutdown", "2025-05-13", "day", "occurred")]),
    ("Shares in Acme, which makes Apple's chips, fell 5% on Monday.", [("other", "2025-05-12", "day", "occurred")]),
    ("Verrill Container, which makes a third of Tollbeck's cans, said it idled a production line on Wednesday.",
     [("supplier_impact", "2025-05-14", "day", "occurred")]),
    ("Hearthline, which supplies gas to about 1.1 million households, shut down its billing systems on Friday.",
     [("systems_shutdown", "2025-05-16", "day", "occurred")]),
    ("The platform has been down since 9 May, when an upgrade by the contractor Pellow Digital corrupted it.",
     [("systems_shutdown", "2025-05-09", "day", "occurred")]),
    # broadcasting off air; a trading halt is the exchange's; US "through" ends a state;
    # a capitalised "Tonight" after a name is part of it
    ("The channel has been off air since Saturday.", [("operations_halted", "2025-05-10", "day", "occurred")]),
    ("Shares in the company, valued at A$2.3 billion, were placed in a trading halt yesterday.",
     [("other", "2025-05-15", "day", "occurred")]),
    ("The attack led to a trading halt across its 200 stores on Monday.",
     [("operations_halted", "2025-05-12", "day", "occurred")]),
    ("Speaking off air on Tuesday, the minister said the talks had stalled.", []),
    ("Production was halted through March while engineers rebuilt the systems.", []),
    ("Staff worked through Monday night to restore the systems.", [("systems_restored", "2025-05-12", "day", "occurred")]),
    ("Parking will be suspended through at least Friday, officials said.",
     [("halt_extended", "2025-05-23", "day", "planned")]),
    ("She said she relied on Quarnby Tonight for flood warnings.", []),
    ("Tonight the channel will broadcast again.", [("other", "2025-05-16", "day", "planned")]),
    # "the attack" after a date refers back; the date dates what is said of it
    ("Harrowglen said yesterday that the breach would cost it between £8m and £11m.",
     [("impact_assessment", "2025-05-15", "day", "occurred")]),
    ("On Monday, the attack forced the closure of 40 stores.", [("operations_halted", "2025-05-12", "day", "occurred")]),
    # ... unless nothing else near the date is said of it
    ("The firm said on Monday the attack had been contained.", [("cyber_attack", "2025-05-12", "day", "occurred")]),
    ("On Sunday the hackers broke into the council's payroll system.", [("cyber_attack", "2025-05-11", "day", "occurred")]),
    ("On 3 May, the breach was discovered by IT staff.", [("cyber_attack", "2025-05-03", "day", "occurred")]),
    ("On Monday a ransomware attack hit the council.", [("cyber_attack", "2025-05-12", "day", "occurred")]),
    # the words these rules key on, in their other senses (a review's sentences)
    ('The ministry rolled out laptops with encrypted drives to all staff on Monday.',
     [('other', '2025-05-12', 'day', 'occurred')]),
    ('The bank moved customer records to encrypted servers on Tuesday.',
     [('other', '2025-05-13', 'day', 'occurred')]),
    ('Attackers hit the post twice as Leeds drew 0-0 with Burnley on Saturday.',
     [('other', '2025-05-10', 'day', 'occurred')]),
    ('The gang hit a jewellery shop in Leeds on Tuesday, escaping with watches worth £50,000.',
     [('other', '2025-05-13', 'day', 'occurred')]),
    ('Fraud losses reported to the FBI rose 33% last year.',
     [('other', '2024-01-01', 'year', 'occurred')]),
    ('Buyers made 40 enquiries about the house in its first week on the market last week.',
     [('other', '2025-05-05', 'week', 'occurred')]),
    ('The parish council set aside £15,000 on Tuesday to repair the church roof.',
     [('other', '2025-05-13', 'day', 'occurred')]),
    ('The latest accounts from witnesses suggest the fire started on Sunday.',
     [('other', '2025-05-11', 'day', 'occurred')]),
    ('The cancelled flights on Monday affected 30,000 passengers.',
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ('Its suspended flights on Monday left 4,000 passengers stranded in Spain.',
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ('On Monday, flights into the airport were suspended for three hours.',
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ('On Monday about 40 schools closed because of the heat.',
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ('The airport said on Monday that flights into the island were suspended.',
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ('Detectives will interview both teenagers arrested on Saturday.',
     [('law_enforcement', '2025-05-10', 'day', 'occurred')]),
    ('The company said it will not comment on whether hackers struck on Sunday.',
     [('cyber_attack', '2025-05-11', 'day', 'occurred')]),
    ('The chief executive will meet ministers over the weekend.',
     [('other', '2025-05-17', 'week', 'planned')]),
    ('Investors will closely scrutinise the results published on Tuesday.',
     [('financial_report', '2025-05-13', 'day', 'occurred')]),
    ('The café that opens at 7am was closed on Sunday because of a burst pipe.',
     [('operations_halted', '2025-05-11', 'day', 'occurred')]),
    ('The minister, who said she would visit the plant on Wednesday, toured it with managers.',
     [('official_visit', '2025-05-14', 'day', 'occurred')]),
    ('Last Friday the council said collections would resume on Monday, and crews were back on the streets by 7am that day.',
     [('operations_resumed', '2025-05-12', 'day', 'occurred')]),
    ('All trains were cancelled for Monday, and services resumed on Tuesday.',
     [('operations_halted', '2025-05-12', 'day', 'occurred'), ('operations_resumed', '2025-05-13', 'day', 'occurred')]),
    ("Passengers can claim compensation for Monday's cancelled trains.",
     [('operations_halted', '2025-05-12', 'day', 'occurred')]),
    ("The firm apologised for Tuesday's outage.",
     [('systems_shutdown', '2025-05-13', 'day', 'occurred')]),
    ('Staff worked overnight to prepare for Monday, when the plant reopened.',
     [('operations_resumed', '2025-05-12', 'day', 'occurred')]),
    ('The council, which said bins would be collected on Wednesday, collected them a day late.',
     [('other', '2025-05-14', 'day', 'occurred')]),
])
def test_events(text, expected):
    assert run(text + "\n") == expected


def test_unknown_publication_date_leaves_relative_dates_empty():
    assert run("The port was attacked on Sunday.\n", None) == [("cyber_attack", None, "unknown", "occurred")]


def test_actor_and_place():
    text = "Health Minister Jane Smith visited the hospital in Leeds on Monday.\n"
    sents = segments.sentences(text, 0, len(text) - 1)
    ents = entities.extract(text, sents)
    e = events.extract(text, sents, ents, P, [], *PENALTIES)[0]
    assert (e["actor"], e["place"]) == ("Jane Smith", "Leeds")


@pytest.mark.parametrize("text, expected", [
    ("The board will vote on the plan on 25 May.", [("other", "2025-05-25", "day", "planned")]),
    ("The breach, which could be the worst the council has seen, began on Tuesday.",
     [("cyber_attack", "2025-05-13", "day", "occurred")]),
    ("The firm expects its systems to be restored by Thursday.", [("systems_restored", "2025-05-22", "day", "planned")]),
    # "would" and a timetable's present tense allow a date without a year to be ahead:
    # it is then whichever occurrence is nearer publication (16 May 2025)
    ("The firm said it would write to all affected members by 20 May.",
     [("other", "2025-05-20", "day", "planned")]),
    ("Shops that lost income can claim through a scheme which opens on 2 June.",
     [("other", "2025-06-02", "day", "planned")]),
    ("The firm said it would write to members by 12 May.", [("other", "2025-05-12", "day", "occurred")]),
    ("The senator said she would hold a hearing on the breach on 24 May.",
     [("cyber_attack", "2025-05-24", "day", "planned")]),
    ("The senator has called a hearing on the breach for 24 May.",
     [("cyber_attack", "2025-05-24", "day", "planned")]),
    # ... but only a date weeks ahead against one most of a year back: an attack of
    # last autumn stays last autumn
    ("The firm said it would not pay the ransom after hackers struck on 3 November.",
     [("cyber_attack", "2024-11-03", "day", "occurred")]),
    ("The firm said it would shut its plants on 20 May and restart them the following day.",
     [("systems_shutdown", "2025-05-20", "day", "planned"), ("operations_resumed", "2025-05-21", "day", "planned")]),
    # without such a word, the most recent such day (DATA_MODEL.md)
    ("The firm wrote to members on 20 May.", [("other", "2024-05-20", "day", "occurred")]),
    # "will" with its verb and object before the trigger; "would" or "for" before a weekday
    ("Parent company Quillhaven Holdings will publish first-quarter results on June 2.",
     [("financial_report", "2025-06-02", "day", "planned")]),
    ("The council said collections would resume on Thursday.", [("operations_resumed", "2025-05-22", "day", "planned")]),
    ("A further 96 flights have been cancelled for Tuesday.", [("operations_halted", "2025-05-20", "day", "planned")]),
    ("Councillors will hold an emergency meeting on Tuesday to question officers about the attack.",
     [("other", "2025-05-20", "day", "planned")]),
    ("The firm said it would not pay after hackers struck on Monday.", [("cyber_attack", "2025-05-12", "day", "occurred")]),
])
def test_plans_and_hedges(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # "until" dates a state that lasts, not the attack beside it
    ("The utility has extended a suspension of billing and repair work until at least Monday, 19 May, "
     "after a ransomware attack.", [("halt_extended", "2025-05-19", "day", "planned")]),
    ("Billing has been suspended since the attack, and the company says that will continue until "
     "at least Monday.", [("halt_extended", "2025-05-19", "day", "planned")]),
    # a state that has ended: "until" dates its end in the past
    ("The terminal remained closed until 12 May.", [("halt_extended", "2025-05-12", "day", "occurred")]),
    ("Its network was down until Thursday, when engineers fixed it.",
     [("systems_shutdown", "2025-05-15", "day", "occurred")]),
    ("Flights were suspended until Thursday.", [("halt_extended", "2025-05-22", "day", "planned")]),
    ("Talks continued until late on Tuesday.", []),
    # freezing and calling off halt; malware infects
    ("The exchange froze withdrawals late on Sunday.", [("operations_halted", "2025-05-11", "day", "occurred")]),
    ("The university called off all exams over the weekend.", [("operations_halted", "2025-05-10", "week", "occurred")]),
    ("A developer's laptop was infected with malware in April.", [("cyber_attack", "2025-04-01", "month", "occurred")]),
    # ... but not what else is frozen, called off, infected or cut by a percentage
    ("Unions called off the strike on Monday.", []),
    ("The council announced a hiring freeze on Monday.", []),
    ("Two patients were infected with norovirus on Monday.", [("other", "2025-05-12", "day", "occurred")]),
    ("Withdrawals are to stay frozen until at least 26 May.", [("halt_extended", "2025-05-26", "day", "planned")]),
    ("The retailer closed 40% of its stores on Monday.", [("operations_halted", "2025-05-12", "day", "occurred")]),
    ("The plant stayed shut until 3 July, when production restarted.",
     [("halt_extended", "2024-07-03", "day", "occurred")]),
    # a share price moving by a percentage, whatever the subject
    ("Shares in its listed parent, Acme Fintech Ltd, closed 7.4% lower today.",
     [("other", "2025-05-16", "day", "occurred")]),
    ("Shares in its parent recovered 3.2% on Tuesday.", [("other", "2025-05-13", "day", "occurred")]),
    # shares closing lower is no closure; depots that share a site and were closed are
    ("Two depots that share a site were closed on Monday.", [("operations_halted", "2025-05-12", "day", "occurred")]),
    ("Its shares closed 11% lower today.", [("other", "2025-05-16", "day", "occurred")]),
    ("Shares have fallen 11% since the outage, including a 6.2% drop on Monday.",
     [("other", "2025-05-12", "day", "occurred")]),
    ("Shares in its parent recovered 3.2% on Tuesday after falling 7.4% on Monday.",
     [("other", "2025-05-13", "day", "occurred"), ("other", "2025-05-12", "day", "occurred")]),
])
def test_states_and_share_prices(text, expected):
    assert run(text + "\n") == expected


def test_an_outage_that_lasted_until_a_day_is_no_extended_halt():
    assert [e[0] for e in run("Its network was down until Thursday, when engineers fixed it.")] == ["systems_shutdown"]


@pytest.mark.parametrize("text, trigger", [
    ("This happened on Monday.", "happened"),   # "this" is a pronoun there
    # an -ed word after a determiner describes a noun; a verb follows it
    ("Mr Reed said he found the unprotected database on 3 May.", "found"),
    # "to" before a determiner is a preposition, not an infinitive
    ("The firm said it would write to all affected members by 20 May.", "would write"),
])
def test_the_verb_a_date_phrase_dates(text, trigger):
    spans = segments.classify(text + "\n", HEADING)
    sents = [s for a, b in segments.paragraphs(text + "\n", spans) for s in segments.sentences(text + "\n", a, b)]
    out = events.extract(text + "\n", sents, entities.extract(text + "\n", sents), P, [], *PENALTIES)
    assert [e["trigger"] for e in out] == [trigger]


@pytest.mark.parametrize("text, expected", [
    # the date of a saying dates what was said, however long its subject
    ("The brewer confirmed Friday that personal information of about 9,000 current and former "
     "employees, including Social Security numbers, was stolen in the attack.",
     [("data_compromised", "2025-05-16", "day", "occurred")]),
    ("The supplier said on Tuesday it had cut remote access for all of its customers.",
     [("supplier_impact", "2025-05-13", "day", "occurred")]),
    # ... and not a verb ahead of the saying when what was said has one
    ("The firm, which was founded in 1990, said on Monday it had upgraded its network.",
     [("other", "1990-01-01", "year", "occurred"), ("other", "2025-05-12", "day", "occurred")]),
    # a saying with nothing happening in it dates nothing
    ("The company said on Monday that it was working with experts.", []),
    # a far trigger past a semicolon is another clause's
    ("The council said on Monday that residents should be patient; in the past hackers had "
     "leaked data of other councils.", []),
])
def test_the_date_of_a_saying(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # data put online, a few words on from the verb
    ("The gang posted a sample of about 2,000 records on its leak site on Tuesday.",
     [("data_compromised", "2025-05-13", "day", "occurred")]),
    ("The gang published what it says is the full database on its leak site this morning.",
     [("data_compromised", "2025-05-16", "day", "occurred")]),
    ("Crooks dumped the passport scans and bank details of drivers online last night.",
     [("data_compromised", "2025-05-15", "day", "occurred")]),
    # not past a clause word to someone else's data
    ("The firm published its results on Tuesday after customers' data was stolen.",
     [("financial_report", "2025-05-13", "day", "occurred")]),
    # back, or due to return: a service resumes
    ("She added that the full schedule would be back on Monday.",
     [("operations_resumed", "2025-05-19", "day", "planned")]),
    ("Its evening news programme is due to return tomorrow.",
     [("operations_resumed", "2025-05-17", "day", "planned")]),
    # a system back online is restored; a person back at a desk, nothing
    ("Since Monday, the app has been back online.", [("systems_restored", "2025-05-12", "day", "occurred")]),
    ("The manager was back at his desk on Monday.", []),
    ("Staff are due to return home on Monday.", [("other", "2025-05-19", "day", "planned")]),
])
def test_leaks_and_returns(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # a ransomware gang is who attacks; what it does on the date is the event
    ("Late Monday, a ransomware gang that calls itself Grey Moth listed the firm on its leak site "
     "and claimed to have stolen data.", [("responsibility_claimed", "2025-05-12", "day", "occurred")]),
    ("Late on Sunday, an attacker emptied the exchange's hot wallet.",
     [("cyber_attack", "2025-05-11", "day", "occurred")]),
    # a present-tense timetable puts a date without a year ahead
    ("The firm reports its first-quarter results on May 29.", [("financial_report", "2025-05-29", "day", "planned")]),
    # "closely" and "the grounds" halt nothing
    ("The minister said on Monday that officials were monitoring the situation closely.", []),
    ("The regulator refused the request on Monday on the grounds that it came too late.",
     [("other", "2025-05-12", "day", "occurred")]),
])
def test_gangs_timetables_and_false_friends(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # the noun after a saying names old news when something else happens near it
    ("The federation said on Tuesday that the disruption was costing retailers £2m a day.",
     [("impact_assessment", "2025-05-13", "day", "occurred")]),
    # ... but an attack still gives way to a closure, not the closure to the attack
    ("On Monday, the attack forced the closure of 40 stores.", [("operations_halted", "2025-05-12", "day", "occurred")]),
    # a saying's date does not reach into the speaker's quoted words
    ("The minister said on Wednesday that officials were “in close contact” with the university and that "
     "“no student should lose out because of a criminal attack”.", []),
    # calls off, works normally, tours
    ("Exams for more than 11,000 students have been called off since Sunday.",
     [("operations_halted", "2025-05-11", "day", "occurred")]),
    ("Card payments have been working normally since Sunday evening.",
     [("systems_restored", "2025-05-11", "day", "occurred")]),
    ("The governor is scheduled to tour the operations centre on Wednesday.",
     [("official_visit", "2025-05-21", "day", "planned")]),
    ("On Thursday it posted what it said was a 400GB sample of the files on its leak site.",
     [("data_compromised", "2025-05-15", "day", "occurred")]),
])
def test_old_news_quotes_and_more_triggers(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # a gang saying it was behind an attack claims it
    ("A ransomware group said on Sunday it was behind the attack.",
     [("responsibility_claimed", "2025-05-11", "day", "occurred")]),
    ("The group posted the claim on its leak site Sunday.", [("responsibility_claimed", "2025-05-11", "day", "occurred")]),
    # available again; back by a date said with "should" is a plan; "by the weekend"
    ("Our reservations platform will be available again by Monday.",
     [("systems_restored", "2025-05-19", "day", "planned")]),
    ("Sailings should be back by Tuesday.", [("operations_resumed", "2025-05-20", "day", "planned")]),
    ("The airline will be back to a full service by the weekend.",
     [("operations_resumed", "2025-05-17", "week", "planned")]),
    # a share price: down or closing lower; "to close at" closes nothing
    ("Shares were down 2.3% in afternoon trading on Tuesday.", [("other", "2025-05-13", "day", "occurred")]),
    ("Shares were down 2.3% on Tuesday, after closing 6.8% lower on Monday.",
     [("other", "2025-05-13", "day", "occurred"), ("other", "2025-05-12", "day", "occurred")]),
    ("Shares of the group fell 5.6 per cent to close at 1,214 rupees on Monday.",
     [("other", "2025-05-12", "day", "occurred")]),
    # what someone learned is no happening
    ("Here's what we learned on Wednesday:", []),
    # a timetable's verb governs the trigger it takes; a weekday ahead written on that
    # weekday is later that day, an "until" it a week on
    ("The group is scheduled to announce its results for the quarter on July 23.",
     [("financial_report", "2025-07-23", "day", "planned")]),
    ("The remaining salaries are expected to be credited later on Friday.",
     [("other", "2025-05-16", "day", "planned")]),
    # a possessive date is the date of the noun it owns
    ("The group has claimed responsibility for last week's cyberattack on the resort.",
     [("cyber_attack", "2025-05-05", "week", "occurred")]),
])
def test_claims_returns_shares_and_possessive_dates(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # the only time phrase, closing its sentence, dates the main clause however long
    ("The blaze started in a battery room on the first floor of the data centre, run by a "
     "hosting firm, shortly before 11pm on Monday.", [("other", "2025-05-12", "day", "occurred")]),
    ("The airline cancelled 70 flights to Belfast, Jersey, Newquay and the Isle of Man, most of them "
     "early-morning departures, on Tuesday.", [("operations_halted", "2025-05-13", "day", "occurred")]),
    # ... not a verb or trigger in a relative clause
    ("Passengers whose sailings were cancelled will get a refund, and letters explaining how to claim "
     "them are being prepared for posting in the coming days.", [("other", "2025-05-12", "week", "planned")]),
])
def test_a_closing_time_phrase_dates_the_main_clause(text, expected):
    assert run(text + "\n") == expected


def _types(text):
    return [e[0] for e in run(text + "\n")]


@pytest.mark.parametrize("text, expected", [
    # what a saying's date does not date: a relative clause, a denial, a plan
    ("The hospital said on Friday that the patient, who had been transferred after her local ward "
     "was closed, was in a stable condition.", []),
    ("Ryanair said on Monday that none of its flights from Stansted, Luton or Manchester had been cancelled.", []),
    ("The firm said on Friday it had received no ransom demand.", []),
    ("Aer Lingus said on Tuesday that its service between Cork and Amsterdam would reopen to passengers.", []),
    # a search that continued says nothing
    ("The search continued on Tuesday, and the coastguard said two bodies had been recovered off Kilkee.", []),
    # taking data is an attacker's; a newspaper or a customer obtains or accesses its own
    ("The Guardian obtained copies of the planning files on Tuesday under freedom of information rules.",
     ["other"]),
    ("The attackers copied the prescription database in small batches on 24 April.", ["data_compromised"]),
    # a gang that hits attacks; thieves emptying tills are no cyber attack
    ("A ransomware crew hit the bank's systems on Friday, forcing branches to close.", ["cyber_attack"]),
    ("Thieves emptied the tills at the shop on Sunday.", ["other"]),
    # back or due to return: a service, not a person or a price
    ("The chancellor is back in Washington on Tuesday.", []),
    ("The Prime Minister is due to return from Brussels on Friday.", ["other"]),
    ("Its evening news programme, Brenmoor Tonight, is due to return tomorrow.", ["operations_resumed"]),
    ("About 1,300 of the slot machines were back in play by midday on Tuesday.", ["operations_resumed"]),
    # "close to" a number is no closure; a bridge that will close to traffic is
    ("The Humber Bridge will close to traffic on Saturday.", ["operations_halted"]),
    # working normally is a system's; a tour is a visit only as a plan
    ("Staff at the plant have been working normally since Monday.", []),
    ("The Wallabies tour the UK and Ireland next month.", []),
])
def test_review_narrowings(text, expected):
    assert _types(text) == expected


def test_a_which_clause_timetable_does_not_put_a_past_date_ahead():
    assert run("The bank, which reports its results quarterly, cut 300 jobs in Glasgow on 14 December.\n")[0][1:] \
        == ("2024-12-14", "day", "occurred")


@pytest.mark.parametrize("text, expected", [
    # a claim denied, asked about or not made is none
    ("The company denied on Monday that it was behind the attack on its rival's website.", ["other"]),
    ("No group had claimed responsibility by Monday afternoon.", []),
    ("Mrs Patel posted the claim form to the insurer on 3 May.", []),
    # available again is a system's; a captain back for a game is no restored system
    ("The captain will be available again for the game on Saturday.", ["other"]),
    # a road closing at a time closes; shares closing at a price do not
    ("The M50 will close at 10pm on Saturday.", ["operations_halted"]),
    ("Shares in the group were down 20% in Mumbai on Thursday after prosecutors charged its founder.", ["other"]),
    # what someone learned on a day is what was said
    ("Investors learned on Monday that the deal had collapsed.", ["other"]),
    # a date a noun owns in a trailing phrase does not date the main verb
    ("Thousands of people marched through the centre of the capital, in the first big demonstration against "
     "the new administration since its election in July.", []),
])
def test_second_review_narrowings(text, expected):
    assert _types(text) == expected


def test_a_past_verb_after_a_plan_marker_dates_its_own_clause():
    assert run("Mr Ahmed said the breach should be investigated by the regulator, which was told of it on 2 March.\n")[0][1:] \
        == ("2025-03-02", "day", "occurred")


def test_a_weekday_ahead_on_that_weekday_is_a_week_on_unless_a_time_of_day_says_today():
    assert run("The Dart service will resume on Friday, Irish Rail said.\n")[0][1] == "2025-05-23"
    assert run("The service will resume at 6pm on Friday.\n")[0][1] == "2025-05-16"


@pytest.mark.parametrize("text, expected", [
    # a halt kept on until a date is extended
    ("The company said it would keep all third-party tags switched off until at least the end of July.",
     [("halt_extended", "2025-07-01", "month", "planned")]),
    # shares recovering a percentage; a firm's revenue moving is its results
    ("Shares fell 7.4% on Monday before recovering 2.1% on Wednesday.",
     [("other", "2025-05-12", "day", "occurred"), ("other", "2025-05-14", "day", "occurred")]),
    ("The group's revenue rose 8pc to €1.9bn in 2024.", [("financial_report", "2024-01-01", "year", "occurred")]),
    # telling the FBI is a police matter, not the attack named after it
    ("The county notified the FBI on April 18, the day of the attack.",
     [("law_enforcement", "2025-04-18", "day", "occurred")]),
    # recovery from an attack is no attack
    ("Commissioners voted on Wednesday to spend $1.2 million on recovery from the ransomware attack.",
     [("other", "2025-05-14", "day", "occurred")]),
    # a deadline that is due puts a date without a year ahead
    ("Its annual report is due by 31 July.", [("financial_report", "2025-07-31", "day", "planned")]),
])
def test_holdout10_triggers(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    ("The HSE will keep its online vaccine booking system switched off until the end of the month.",
     ["halt_extended"]),
    ("Drivers were told to keep speeds down until Monday.", ["other"]),
    ("Sellers risk losing 10% of the deposit if they pull out before 1 July.", []),
    ("Ice cream sales jumped on Saturday as Dublin basked in 27C heat.", ["other"]),
    ("Reporters contacted the FBI on Monday but the bureau declined to comment.", ["other"]),
])
def test_third_review_event_narrowings(text, expected):
    assert _types(text) == expected


def test_a_deadline_already_past_stays_past():
    assert run("The inquiry's final report, which was due on 1 August, is now expected next year.\n")[0][1:] \
        == ("2024-08-01", "day", "occurred")


@pytest.mark.parametrize("text, expected", [
    # "the next day", "the same day", a time of day: on the last day the article told
    ("The attackers got in on 9 May. The site was taken offline the next day.",
     [("cyber_attack", "2025-05-09", "day", "occurred"), ("systems_shutdown", "2025-05-10", "day", "occurred")]),
    ("Results were published on Tuesday.\n\nBosses estimated the same day that the hack would cost £5m.",
     [("financial_report", "2025-05-13", "day", "occurred"), ("impact_assessment", "2025-05-13", "day", "occurred")]),
    ("Trading was halted on Wednesday. It resumed at 14:15.",
     [("operations_halted", "2025-05-14", "day", "occurred"), ("operations_resumed", "2025-05-14", "day", "occurred")]),
    # a day still ahead is no day of the story so far: a time of day alone is on the day of writing
    ("The review is due on 30 June. Trading resumed at 14:15.",
     [("other", "2025-06-30", "day", "planned"), ("operations_resumed", "2025-05-16", "day", "occurred")]),
    # a report awaited by a regulator or a review
    ("The regulator ordered an independent review on Tuesday and wants a report by 30 June.",
     [("law_enforcement", "2025-05-13", "day", "occurred"), ("other", "2025-06-30", "day", "planned")]),
    ("The watchdog ordered the firm on Tuesday to submit a detailed incident report by 30 June.",
     [("other", "2025-06-30", "day", "planned")]),
    ("The commissioner is expected to report by 30 September.", [("other", "2025-09-30", "day", "planned")]),
    ("The regulator has ordered an independent review, due by 30 June.", [("other", "2025-06-30", "day", "planned")]),
    # offline is a shutdown, not data taken; trading again is a restart
    ("The county's email system, used by some 1,900 employees, has been offline since Saturday.",
     [("systems_shutdown", "2025-05-10", "day", "occurred")]),
    ("Blue chips began trading again at 14:15 on Tuesday.", [("operations_resumed", "2025-05-13", "day", "occurred")]),
])
def test_days_told_before_and_awaited_reports(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # a list that leaves the verb out: each time phrase is another of the happening
    ("Email came back on 2 May, Wi-Fi on 6 May, and the records system last week.",
     [("systems_restored", "2025-05-02", "day", "occurred"), ("systems_restored", "2025-05-06", "day", "occurred"),
      ("systems_restored", "2025-05-05", "week", "occurred")]),
    ("The firm brought the system back at 120 stores on Wednesday and at all 286 by Friday afternoon.",
     [("systems_restored", "2025-05-14", "day", "occurred"), ("systems_restored", "2025-05-16", "day", "occurred")]),
    # ... but not past a verb, an auxiliary or a clause word: those start a clause of their own
    ("Collections would resume on Monday, and crews were back on the streets by 7am that day.",
     [("operations_resumed", "2025-05-19", "day", "planned")]),
    ("The regulator opened an investigation on 1 May, and ministers announced a review last week.",
     [("law_enforcement", "2025-05-01", "day", "occurred"), ("other", "2025-05-05", "week", "occurred")]),
    ("Email came back on 2 May, which staff welcomed on 6 May.", [("systems_restored", "2025-05-02", "day", "occurred")]),
    # ... nor when the phrase opens a clause of its own
    ("Email came back on 2 May, and on 6 May the firm told staff to stay home.",
     [("systems_restored", "2025-05-02", "day", "occurred")]),
])
def test_a_list_that_leaves_the_verb_out(text, expected):
    assert run(text + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    ("Gov. Ana Perrin sent a National Guard cyber team of 12 specialists to help the city Monday.",
     ["government_support"]),
    ("On Monday the ministry agreed to send a team of 12 specialists to help the council rebuild.",
     ["government_support"]),
    ("The minister said on Friday that ministers \"stand ready to provide whatever support is needed\".",
     ["government_support"]),
    ("The health minister announced on Tuesday that the government would pay for replacement cards.",
     ["government_support"]),
    ("The state cyber office has had a team on site since Saturday.", ["government_support"]),
    ("The National Guard cyber team, which arrived Monday, has rebuilt dozens of computers.", ["government_support"]),
    # a firm sending its own people is no government help
    ("The company sent engineers to every store on Monday.", ["other"]),
    ("The company sent a team of engineers to every store on Monday.", ["other"]),
])
def test_help_a_government_sends(text, expected):
    assert _types(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A rebuilt update service will go live on Monday, the company said.",
     [("systems_restored", "2025-05-19", "day", "planned")]),
    # a launch that went live is no restoration
    ("The routing platform went live on 15 September 2024 after an 18-month project.",
     [("other", "2024-09-15", "day", "occurred")]),
    ("Port Ardmore Transit began charging fares again on Thursday morning.",
     [("operations_resumed", "2025-05-15", "day", "occurred")]),
    ("Online booking should be back by Monday.", [("systems_restored", "2025-05-19", "day", "planned")]),
    # "would" puts "by the weekend" ahead, as it does a weekday
    ("The boss promised the airline would be back to a full service by the weekend.",
     [("operations_resumed", "2025-05-17", "week", "planned")]),
    ("Average waiting times fell to about 25 minutes by the weekend.", [("other", "2025-05-10", "week", "occurred")]),
])
def test_returns_and_a_weekend_ahead(text, expected):
    assert run(text + "\n") == expected
