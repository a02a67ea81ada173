"""Figures: the number, its kind, unit, rate, range and qualifier, on ordinary
newsroom sentences; and the numbers that are not figures."""
import pytest

from pipeline import figures, timex


def extract(sentence):
    dates = [(t.start, t.end) for t in timex.find(sentence)]
    return [(f.kind, f.value, f.value_high, f.unit, f.per, f.qualifier)
            for f in figures.extract(sentence, 0, len(sentence), dates)]


@pytest.mark.parametrize("sentence, expected", [
    ("The council agreed a £2.5billion rescue.", [("money", 2.5e9, None, "GBP", None, "exact")]),
    ("It lost £120m in the quarter.", [("money", 1.2e8, None, "GBP", None, "exact")]),
    ("Analysts put the bill at $2.3bn.", [("money", 2.3e9, None, "USD", None, "exact")]),
    ("The fine was €640 million.", [("money", 6.4e8, None, "EUR", None, "exact")]),
    ("The deal was worth 2.4 billion pounds.", [("money", 2.4e9, None, "GBP", None, "exact")]),
    ("A ransom of GBP 500,000 was demanded.", [("money", 5e5, None, "GBP", None, "exact")]),
    ("The hackers asked for 20 bitcoin.", [("money", 20, None, "BTC", None, "exact")]),
    ("It is costing almost £3bn.", [("money", 3e9, None, "GBP", None, "approximate")]),
    ("Losses are running at £8m a week.", [("money", 8e6, None, "GBP", "week", "exact")]),
    ("The cost could be £40m to £60m.", [("money", 4e7, 6e7, "GBP", None, "range")]),
    ("It will cost between £10m and £15m.", [("money", 1e7, 1.5e7, "GBP", None, "range")]),
    ("Up to half a billion pounds is at stake.", [("money", 5e8, None, "GBP", None, "at_most")]),
    ("The firm employs 12,500 people.", [("count", 12500, None, "person", None, "exact")]),
    ("The plant builds 400 buses a day.", [("count", 400, None, "bus", "day", "exact")]),
    # rates hyphened or past a "per member"; "more" inside a duration; an adjective and
    # a closing quote mark are no part of the unit
    ("The job pays £30,000-a-year.", [("money", 30000, None, "GBP", "year", "exact")]),
    ("It charges £3.20 per member a month.", [("money", 3.2, None, "GBP", "month", "exact")]),
    ("Systems will be down for two more days.", [("duration", 2, None, "day", None, "exact")]),
    ("It has 2.1 million unique members.", [("count", 2100000, None, "member", None, "exact")]),
    # a gerund or a compound noun names the kind counted; an -ing adjective, two joined
    # adjectives and a name do not; a participle after the number is no noun
    ("It runs 60 pumping stations and three existing depots.",
     [("count", 60, None, "pumping station", None, "exact"), ("count", 3, None, "depot", None, "exact")]),
    ("Five local authorities wrote to 38,000 direct debit customers.",
     [("count", 5, None, "local authority", None, "exact"),
      ("count", 38000, None, "direct debit customer", None, "exact")]),
    ("About 700 Brackmoor staff and 6,200 current and former employees were told.",
     [("count", 700, None, "person", None, "approximate"), ("count", 6200, None, "person", None, "exact")]),
    ("Twelve plants are running, with the remaining two expected back next month.",
     [("count", 12, None, "plant", None, "exact")]),
    # bandwidth units; an Indian scale of a scale; students are people (tests/gold/README.md)
    ("The flood peaked at 2.8 terabits per second, or 3.1 Tbps by another count.",
     [("quantity", 2.8, None, "Tbps", None, "exact"), ("quantity", 3.1, None, "Tbps", None, "exact")]),
    ("Payments worth ₹2 lakh crore pass through it.", [("money", 2e12, None, "INR", None, "exact")]),
    ("It has 11,500 students.", [("count", 11500, None, "person", None, "exact")]),
    ("Hackers stole 12,000 student records.", [("count", 12000, None, "student record", None, "exact")]),
    ("There were three devastating attacks and 14 crippling outages.",
     [("count", 3, None, "attack", None, "exact"), ("count", 14, None, "outage", None, "exact")]),
    ("He turned away ‘40 customers’ because he could not take cards.",
     [("count", 40, None, "customer", None, "exact")]),
    # a number joined to its unit by a hyphen; an age is no figure; irregular plurals
    ("It signed a ten-year contract for a 40-mile route.",
     [("duration", 10, None, "year", None, "exact"), ("quantity", 40, None, "mile", None, "exact")]),
    ("A 17-year-old boy and a 10-month-old baby were there.", []),
    ("Shares hit a five-year low.", []),
    ("She has two children.", [("count", 2, None, "child", None, "exact")]),
    # a duration per a longer period is a rate; "a week ago" is a date, no rate
    ("Agents are shouted at for eight hours a day.", [("duration", 8, None, "hour", "day", "exact")]),
    ("It was shut for two days a week ago.", [("duration", 2, None, "day", None, "exact")]),
    ("It will open for an extra 12 hours a week from Monday.", [("duration", 12, None, "hour", "week", "exact")]),
    ("The deadline is two days a week from now.", [("duration", 2, None, "day", None, "exact")]),
    ("His 12-person team was sent home.", [("count", 12, None, "person", None, "exact")]),
    ("More than 2,000 patients were affected.", [("count", 2000, None, "patient", None, "more_than")]),
    ("It closed three regional depots.", [("count", 3, None, "depot", None, "exact")]),
    ("It runs 14 distribution centres.", [("count", 14, None, "distribution centre", None, "exact")]),
    ("It handles 4 million card payments a day.",
     [("count", 4e6, None, "card payment", "day", "exact")]),
    ("It opened two new stores.", [("count", 2, None, "store", None, "exact")]),
    ("It relies on 38 outside suppliers.", [("count", 38, None, "supplier", None, "exact")]),
    # after "of the", the noun phrase is read as after the number
    ("About 212,000 of the affected customers were told.", [("count", 212000, None, "customer", None, "approximate")]),
    ("About 900 of the company's workers were sent home.", [("count", 900, None, "person", None, "approximate")]),
    ("Two private boats carried patients.", [("count", 2, None, "boat", None, "exact")]),
    # ... but further from the noun they start the name of a kind
    ("Three private equity firms bid.", [("count", 3, None, "private equity firm", None, "exact")]),
    ("The firm has 1,200 private hire vehicles.", [("count", 1200, None, "private hire vehicle", None, "exact")]),
    ("Police used 15 safe houses.", [("count", 15, None, "safe house", None, "exact")]),
    ("The city has 212 ticket vending machines.", [("count", 212, None, "ticket vending machine", None, "exact")]),
    ("Here is where things stand on day five of the outage.", []),
    ("Every day 3,000 people use the bridge.", [("count", 3000, None, "person", None, "exact")]),
    ("It has 150 cabin crew flying routes to Spain.", [("count", 150, None, "person", None, "exact")]),
    ("Six of the eight schools reopened.", [("count", 6, None, "school", None, "exact"),
                                            ("count", 8, None, "school", None, "exact")]),
    ("Four of the last five games were lost.", [("count", 4, None, "game", None, "exact"),
                                                ("count", 5, None, "game", None, "exact")]),
    ("It employs 500 customer service agents.", [("count", 500, None, "customer service agent", None, "exact")]),
    ("It runs 25 bus routes a day.", [("count", 25, None, "bus route", "day", "exact")]),
    ("It hired 20 IT contractors.", [("count", 20, None, "person", None, "exact")]),
    # people by their work count as people; who a count is about (customers, members, agents) does not
    ("Around 50 firefighters and 22 technicians were sent.", [("count", 50, None, "person", None, "approximate"), ("count", 22, None, "person", None, "exact")]),
    ("It has 500 customer service agents.", [("count", 500, None, "customer service agent", None, "exact")]),
    ("At least 17 local governments were hit.", [("count", 17, None, "local government", None, "at_least")]),
    ("It operates three gas plants.", [("count", 3, None, "gas plant", None, "exact")]),
    ("About 260,000 of Northfield's 1.1 million customers pay in advance.",
     [("count", 260000, None, "customer", None, "approximate"), ("count", 1.1e6, None, "customer", None, "exact")]),
    ("It works in at least nine European countries.", [("count", 9, None, "country", None, "at_least")]),
    ("It faces a fine of up to 10 percent of its annual revenue.",
     [("percentage", 10, None, "percent", None, "at_most")]),
    ("Prices rose 5% a year.", [("percentage", 5, None, "percent", "year", "exact")]),
    ("Police charged two men.", [("count", 2, None, "person", None, "exact")]),
    ("Forty-five ships and a dozen lorries waited.",
     [("count", 45, None, "ship", None, "exact"), ("count", 12, None, "lorry", None, "exact")]),
    ("The loan carries 16 per cent interest.", [("percentage", 16, None, "percent", None, "exact")]),
    ("Sales fell 12% and margins 3.4%.",
     [("percentage", 12, None, "percent", None, "exact"), ("percentage", 3.4, None, "percent", None, "exact")]),
    ("Rates rose 0.5 percentage points.", [("percentage", 0.5, None, "percentage_point", None, "exact")]),
    ("The outage lasted five years.", [("duration", 5, None, "year", None, "exact")]),
    ("Some waited nearly six weeks.", [("duration", 6, None, "week", None, "approximate")]),
    ("It has been more than a month.", [("duration", 1, None, "month", None, "more_than")]),
    ("Passengers faced 90-minute delays.", [("duration", 90, None, "minute", None, "exact")]),
    ("The loan will be repaid over five years.", [("duration", 5, None, "year", None, "exact")]),
    ("Hackers stole 3TB of files.", [("quantity", 3, None, "TB", None, "exact")]),
    ("They took 2.5 terabytes of data.", [("quantity", 2.5, None, "TB", None, "exact")]),
    ("The spill covered 40 tonnes.", [("quantity", 40, None, "tonne", None, "exact")]),
    ("Queues stretched 12 miles.", [("quantity", 12, None, "mile", None, "exact")]),
    ("The retailer turns over £1.5bn a year.", [("money", 1.5e9, None, "GBP", "year", "exact")]),
    ("An estimated additional 5,000 people work for suppliers.",
     [("count", 5000, None, "person", None, "approximate")]),
    ("It usually builds about 2,000\n\nbuses a day.", [("count", 2000, None, "bus", "day", "approximate")]),
    ("A loaf now costs 95p.", [("money", 0.95, None, "GBP", None, "exact")]),
    ("The IT firm lost Rs 500 crore.", [("money", 5e9, None, "INR", None, "exact")]),
    ("The bill was c.£4.4m.", [("money", 4.4e6, None, "GBP", None, "approximate")]),
    ("It reopened four of its 14 depots.",
     [("count", 4, None, "depot", None, "exact"), ("count", 14, None, "depot", None, "exact")]),
    ("Pay will be up to three working days late.", [("duration", 3, None, "day", None, "at_most")]),
    ("Queues reached 12 miles or more.", [("quantity", 12, None, "mile", None, "at_least")]),
    # a rate only where the text puts one on the number: an annual total has none
    ("It has an annual income of about £410m.", [("money", 4.1e8, None, "GBP", None, "approximate")]),
    ("It made £2bn of annual revenue.", [("money", 2e9, None, "GBP", None, "exact")]),
    ("It earns about £410m a year.", [("money", 4.1e8, None, "GBP", "year", "approximate")]),
    ("The trust sent 30 ambulances.", [("count", 30, None, "ambulance", None, "exact")]),
    ("Shares fell 40 cents.", [("money", 0.4, None, "USD", None, "exact")]),
    ("Its 2,500-strong workforce was sent home.", [("count", 2500, None, "person", None, "exact")]),
    ("The firm has 14,000 staff, though fewer than 200 of them work on the account.",
     [("count", 14000, None, "person", None, "exact"), ("count", 200, None, "person", None, "less_than")]),
])
def test_figures(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The attack began on 31 August 2025.",
    "The plant opened in 1998.",
    "Staff were told at 6am and again at 10:30.",
    "It was the first time the firm had paid.",
    "The threat level was raised to level 4.",
    "A 17-year-old was arrested.",
    "It is one of the largest exporters.",
    "He had one loan offer.",
    "Half of the staff were sent home.",
    "Tens or even hundreds of pounds were lost, and dozens of firms.",
    "Thousands of jobs are at risk.",
    "Call 0800 123 4567 for help.",
    "Traffic on the M25 was slow.",
    "The firm filed its 2025 accounts.",
    "Call 999 now for help.",
    "The 5 Downing Street statement came later.",
    "The twenty-first century began.",
    "Those held were aged 19 and 24.",
    "The hotel is rated 4 stars.",
])
def test_not_figures(sentence):
    assert extract(sentence) == []


def test_surface_spans_qualifier_to_unit():
    s = "Over 3,000 individuals are directly employed."
    f = figures.extract(s, 0, len(s))[0]
    assert s[f.start:f.end] == "Over 3,000 individuals"


@pytest.mark.parametrize("sentence, measure", [
    ("The bank agreed a £2bn loan guarantee.", "loan guarantee"),
    ("The firm directly employs 4,000 staff.", "direct employees"),
    ("Its supply chain employs around 90,000 people.", "supply chain employees"),
    ("The shutdown has cost the company £50m.", "cost"),
    ("The loan carries 12 per cent interest.", "interest rate"),
    ("The retailer made a loss of £62m.", "loss"),
    ("Shares fell 7.3% on Monday.", "share price"),
])
def test_measures(sentence, measure):
    assert figures.extract(sentence, 0, len(sentence))[0].measure == measure


@pytest.mark.parametrize("sentence", ["The blast left 40 injured.", "Of the 40 injured, three were critical."])
def test_a_participle_standing_for_people_is_still_a_figure(sentence):
    assert [f[1] for f in extract(sentence)] == [40]


def test_a_bare_dollar_is_the_local_one_where_us_dollars_are_marked():
    canadian = "Hackers took US$200 million. Holders are owed C$290 million, about $9,000 each."
    dollar = figures.local_dollar(canadian)
    assert [(f.value, f.unit) for f in figures.extract(canadian, 0, len(canadian), (), dollar)] == \
        [(2e8, "USD"), (2.9e8, "CAD"), (9000, "CAD")]
    # without "US$", or with two other dollars, a bare "$" stays the US dollar
    assert figures.local_dollar("Hackers took $200 million; holders are owed C$290 million.") == "USD"
    assert figures.local_dollar("It paid US$5m, C$3m and A$2m, and $1m more.") == "USD"
    # "US$" alone: the bare dollar is the one of the country the article names most
    assert figures.local_dollar("The Canadian firm will pay US$15 million. The Canadian agency lost "
                                "about $286,000.") == "CAD"
    # ... named at least twice (a province or city counts), and more than the United States
    assert figures.local_dollar("Hackers who hit a Canadian hospital demanded US$5m and have "
                                "extorted more than $100m.") == "USD"
    assert figures.local_dollar("The Ontario firm paid US$5m. Port Ardelle, Nova Scotia, lost $20-million.") == "CAD"
    assert figures.local_dollar("The firm will pay US$15 million and lost about $286,000.") == "USD"
    # a sentence about the United States keeps its "$" American
    text = "Ottawa pledged C$50 million (US$36 million). In Washington, Congress approved $1.2 billion."
    dollar = figures.local_dollar(text)
    assert dollar == "CAD" and [f.unit for f in figures.extract(text, text.index("In Washington"), len(text), (), dollar)] == ["USD"]


@pytest.mark.parametrize("sentence, expected", [
    # a hyphened scale is the amount in a compound adjective, not a range to a million
    ("It drew down a $20-million credit line.", [("money", 2e7, None, "USD", None, "exact")]),
    ("It won a 20-million-pound contract.", [("money", 2e7, None, "GBP", None, "exact")]),
])
def test_hyphened_scales(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the parts of an amount at a rate share its rate
    ("The city was losing about $395,000 a day, including about $310,000 in fares and about "
     "$85,000 in parking fees.",
     [("money", 395000, None, "USD", "day", "approximate"), ("money", 310000, None, "USD", "day", "approximate"),
      ("money", 85000, None, "USD", "day", "approximate")]),
    # an amount after "and" that is no part keeps its own
    ("It lost £5m a week and spent £2m on experts.",
     [("money", 5e6, None, "GBP", "week", "exact"), ("money", 2e6, None, "GBP", None, "exact")]),
    ("It lost £5m, including £2m in sales.",
     [("money", 5e6, None, "GBP", None, "exact"), ("money", 2e6, None, "GBP", None, "exact")]),
])
def test_parts_of_an_amount_at_a_rate(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a part with its own day, or one after ", and", keeps no rate
    ("The firm was losing $12 million a day, including $4 million on Monday alone.",
     [("money", 1.2e7, None, "USD", "day", "exact"), ("money", 4e6, None, "USD", None, "exact")]),
    ("The charity spent £20,000 a month, including £5,000 on rent, and £60,000 was raised at the gala.",
     [("money", 2e4, None, "GBP", "month", "exact"), ("money", 5e3, None, "GBP", "month", "exact"),
      ("money", 6e4, None, "GBP", None, "exact")]),
    # Indian scales after a hyphen
    ("It put the cost at ₹500-crore.", [("money", 5e9, None, "INR", None, "exact")]),
])
def test_parts_and_hyphened_indian_scales(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a noun with an adjective's ending names the kind counted; a capitalised currency word is one
    ("It runs four hospital laboratories and two regional hospitals.",
     [("count", 4, None, "hospital laboratory", None, "exact"), ("count", 2, None, "hospital", None, "exact")]),
    ("The gang demanded 25 Bitcoin.", [("money", 25, None, "BTC", None, "exact")]),
])
def test_ending_nouns_and_capitalised_currency_words(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "pc" against the number is per cent
    ("Shares fell 6.2pc on Tuesday.", [("percentage", 6.2, None, "percent", None, "exact")]),
    # a daily average before the amount is a rate
    ("The exchange handles a daily average of €9.5bn in trades.", [("money", 9.5e9, None, "EUR", "day", "exact")]),
    # "and a half" belongs to the number
    ("The halt lasted nearly four and a half hours.", [("duration", 4.5, None, "hour", None, "approximate")]),
    # an emergency number before a noun names a service; 112 flights are flights
    ("Dispatchers took 911 calls on paper while 112 flights were cancelled.",
     [("count", 112, None, "flight", None, "exact")]),
])
def test_pc_daily_averages_halves_and_emergency_numbers(sentence, expected):
    assert extract(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a daily or weekly thing before a count is no rate; "and a half" takes its scale
    ("She writes a weekly column of 800 words.", [("count", 800, None, "word", None, "exact")]),
    ("The company expects to hire 2 and a half thousand workers.", [("count", 2500, None, "person", None, "exact")]),
    ("The deal was worth £1 and a half million.", [("money", 1.5e6, None, "GBP", None, "exact")]),
    # 911 and 999 are counts before people, or after "more than"
    ("Police said 999 people had been evacuated.", [("count", 999, None, "person", None, "exact")]),
    ("The force answered more than 999 calls in the first hour.", [("count", 999, None, "call", None, "more_than")]),
])
def test_third_review_narrowings(sentence, expected):
    assert extract(sentence) == expected
