"""The committed package as an analyst gets it: expected row counts (update
tests/expected_rows.yaml on purpose when extraction changes), facts traceable to
their words, and the DuckDB views answering."""
import duckdb
import pytest
import yaml

from conftest import ROOT
from pipeline import publish, schema
from pipeline.tables import read_table


@pytest.fixture(scope="module")
def tables():
    return {n: read_table(ROOT / "data" / f"{n}.csv", n) for n in schema.TABLES}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "package.duckdb"
    publish.build_database(ROOT / "data", path)
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def test_row_counts_are_as_expected(tables):
    expected = yaml.safe_load((ROOT / "tests" / "expected_rows.yaml").read_text())
    assert {n: len(rows) for n, rows in tables.items()} == expected


def test_every_article_is_in_the_package(tables):
    stems = sorted(p.stem for p in (ROOT / "raw" / "articles").glob("*.txt"))
    assert [s["source_id"] for s in tables["sources"]] == stems


def test_rows_are_sorted_by_primary_key(tables):
    for name, rows in tables.items():
        pk = schema.TABLES[name].primary_key
        keys = [tuple(r[k] if r[k] is not None else "" for k in pk) for r in rows]
        assert keys == sorted(keys), name


def test_mentions_slice_their_text(tables):
    texts = {t["source_id"]: t["text"] for t in tables["texts"]}
    for name, t in schema.TABLES.items():
        if t.slice_column:
            for r in tables[name]:
                assert texts[r["source_id"]][r["char_start"]:r["char_end"]] == r[t.slice_column]


def test_no_rows_from_web_furniture(tables):
    body = {}
    for s in tables["segments"]:
        if s["kind"] == "body":
            body.setdefault(s["source_id"], []).append((s["char_start"], s["char_end"]))
    # a mention starts inside a body line (a number split over two lines, "about
    # 2,000\n\nbuses a day", ends in the next body line)
    for name in ("figure_mentions", "quote_mentions", "event_mentions"):
        for r in tables[name]:
            assert any(a <= r["char_start"] < b for a, b in body[r["source_id"]]), (name, r)
            assert any(a < r["char_end"] <= b for a, b in body[r["source_id"]]), (name, r)


def test_one_fact_many_mentions(tables):
    sources_per_quote = {}
    for m in tables["quote_mentions"]:
        sources_per_quote.setdefault(m["quote_id"], set()).add(m["source_id"])
    assert max(len(s) for s in sources_per_quote.values()) >= 3


@pytest.mark.parametrize("view", ["timeline", "figure_discrepancies", "quotes_by_speaker",
                                  "corroboration", "source_coverage"])
def test_views_answer(db, view):
    rows = db.execute(f"SELECT * FROM {view}").fetchall()
    assert rows


def test_timeline_is_in_date_order(db):
    dates = [r[0] for r in db.execute("SELECT event_date FROM timeline WHERE event_date IS NOT NULL").fetchall()]
    assert dates == sorted(dates)


def test_discrepancies_lay_values_side_by_side(db):
    rows = db.execute("SELECT measure, values_reported FROM figure_discrepancies").fetchall()
    assert any(" / " in v for _, v in rows)
