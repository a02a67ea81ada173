"""`python -m pipeline build RAW OUT` on a corpus the package does not ship: valid
contract tables, deterministic output, the repository untouched, and IDs that do not
move when an unrelated article is added."""
import hashlib
import shutil
import subprocess
import sys

import duckdb
import pytest

from conftest import HEADER, ROOT
from pipeline import schema, validate
from pipeline.build import build
from pipeline.config import Layout
from pipeline.tables import read_table

DEVSET = ROOT / "tests" / "devset" / "raw"


def digest_tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".duckdb")}


@pytest.fixture(scope="module")
def devset_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    before = digest_tree(ROOT / "data")
    r = subprocess.run([sys.executable, "-m", "pipeline", "build", str(DEVSET), str(out)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert digest_tree(ROOT / "data") == before      # the repository is untouched
    return out


def test_build_writes_a_valid_package(devset_build):
    for name in schema.TABLES:
        assert (devset_build / f"{name}.csv").is_file()
    assert validate.validate(devset_build, devset_build / "datapackage.json")[1] == []
    con = duckdb.connect(str(devset_build / "package.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM timeline").fetchone()[0] > 10
    assert con.execute("SELECT count(*) FROM figure_discrepancies").fetchone()[0] >= 1
    con.close()


def test_build_is_deterministic(devset_build, tmp_path):
    again = tmp_path / "again"
    build(Layout.build(DEVSET, again))
    assert digest_tree(again) == digest_tree(devset_build)


def _facts(folder):
    """Each fact's ID with the set of places that report it."""
    out = {}
    for fact, mentions in (("figures", "figure_mentions"), ("quotes", "quote_mentions"),
                           ("events", "event_mentions"), ("entities", "entity_mentions")):
        key = schema.TABLES[fact].primary_key[0]
        places = {r[key]: set() for r in read_table(folder / f"{fact}.csv", fact)}
        for m in read_table(folder / f"{mentions}.csv", mentions):
            places[m[key]].add((m["source_id"], m["char_start"]))
        out[fact] = places
    return out


# Another incident that names the hospital story's trust, regulator and police in
# passing, repeats one of its quotes and reports a count for the same measure.
UNRELATED = (" date 2025-03-12 Thieves stole 300 laptops from the Brackley Tool Company on Monday, "
             "the firm said. The Brackley Tool Company, which employs 8,000 people, said the theft "
             "came a week after the Kelbridge and Wyeford NHS Trust attack. The Office of the Data "
             "Commissioner and Northfold Police were told on Tuesday.\n\n“We are deeply sorry for the "
             "distress this is causing,” said Brackley Tool Company chief executive Tom Vance.\n\n"
             "The Brackley Tool Company told the BBC it would reopen on Friday.\n")


def test_an_unrelated_article_changes_no_existing_fact(tmp_path):
    base = tmp_path / "raw"
    shutil.copytree(DEVSET, base)
    build(Layout.build(base, tmp_path / "one"), publish=False)
    (base / "articles" / "zz-other-story.txt").write_text(UNRELATED, encoding="utf-8")
    with open(base / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("zz-other-story,Test Outlet,,,,\n")
    build(Layout.build(base, tmp_path / "two"), publish=False)
    one, two = _facts(tmp_path / "one"), _facts(tmp_path / "two")
    for table in one:
        for fact_id, places in one[table].items():
            new_places = {p for p in two[table].get(fact_id, set()) if p[0] != "zz-other-story"}
            assert new_places == places, (table, fact_id)
        assert set(two[table]) - set(one[table]) or table == "entities", table   # it added facts


def test_empty_raw_folder_is_refused(tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "sources.csv").write_text(HEADER)
    r = subprocess.run([sys.executable, "-m", "pipeline", "build", str(raw), str(tmp_path / "out")],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "no articles" in r.stderr


def test_two_incidents_told_to_the_same_outlet_stay_apart(tmp_path):
    """The outlet a speaker talked to names neither story: two outages on the same
    Tuesday in two articles quoting "told the BBC" are two events."""
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    stories = {
        "port": "the Port of Felsham", "library": "the Ashcombe Library Service"}
    rows = HEADER
    for sid, org in stories.items():
        name = org[4:]
        text = (f" date 2025-06-12 Systems at {org} went offline on Tuesday. {name} said the outage "
                f"was caused by a fault. A manager at {name} told the BBC: “We are working to fix it "
                f"as quickly as we can.” Another worker told the BBC that staff were sent home.\n")
        (raw / "articles" / f"{sid}.txt").write_text(text, encoding="utf-8")
        rows += f"{sid},Test Outlet,,,,\n"
    (raw / "sources.csv").write_text(rows, encoding="utf-8")
    build(Layout.build(raw, tmp_path / "out"), publish=False)
    events = read_table(tmp_path / "out" / "events.csv", "events")
    mentions = read_table(tmp_path / "out" / "event_mentions.csv", "event_mentions")
    assert len({e["story_id"] for e in events}) == 2
    per_event = {}
    for m in mentions:
        per_event.setdefault(m["event_id"], set()).add(m["source_id"])
    assert all(len(sources) == 1 for sources in per_event.values())
