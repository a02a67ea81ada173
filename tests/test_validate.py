"""Validation that can fail: every kind of breakage in a copy of the committed
package is caught, and the report names table, row, column and rule."""
import csv
import io
import subprocess
import sys

import pytest

from conftest import ROOT
from pipeline import validate


def edit(folder, table, fn):
    path = folder / "data" / f"{table}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = list(rows[0].keys())
    rows = fn(rows)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def failures(folder):
    return validate.validate(folder / "data", folder / "datapackage.json")[1]


def test_committed_package_is_valid():
    text, fails = validate.validate(ROOT / "data", ROOT / "datapackage.json", ROOT / "raw",
                                    ROOT / "interim" / "mentions.jsonl")
    assert fails == []
    assert (ROOT / "reports" / "validation.md").read_text(encoding="utf-8") == text


def _set(i, col, value):
    def fn(rows):
        rows[i][col] = value
        return rows
    return fn


@pytest.mark.parametrize("table, fn, expect", [
    ("figures", lambda rows: rows + [dict(rows[0])], ["figures.csv", "uniqueness"]),
    ("quote_mentions", _set(0, "quote_id", "quo-000000000000"),
     ["quote_mentions.csv row 1", "column quote_id", "foreign key → quotes.quote_id"]),
    ("quote_mentions", _set(0, "speaker_id", "nobody"), ["column speaker_id", "foreign key → entities"]),
    ("events", _set(0, "event_type", "alien_landing"), ["events.csv row 1", "column event_type", "isin(", "alien_landing"]),
    ("events", _set(0, "event_date", "2025-13-45"), ["column event_date", "coerce"]),
    ("figure_mentions", lambda rows: [dict(r, char_start=str(int(r["char_start"]) + 1)) if i == 0 else r
                                      for i, r in enumerate(rows)],
     ["figure_mentions.csv row 1", "texts.text[char_start:char_end] == surface"]),
    ("event_mentions", _set(0, "evidence", "Something else entirely."), ["== evidence"]),
    ("figure_mentions", _set(0, "char_start", "abc"), ["column char_start", "coerce"]),
    ("figures", _set(0, "value", "ten"), ["column value", "coerce"]),
    ("quotes", _set(0, "is_partial", "maybe"), ["column is_partial", "coerce"]),
    ("figures", lambda rows: [dict(r, value_high=str(float(r["value"]) - 1), qualifier="range") if i == 0 else r
                              for i, r in enumerate(rows)], ["value_high >= value"]),
    ("sources", _set(0, "sha256", "xyz"), ["column sha256", "str_matches"]),
    ("sources", _set(0, "char_count", "5"), ["char_count == length"]),
    ("entities", lambda rows: rows[1:], ["foreign key → entities.entity_id"]),
    ("event_mentions", lambda rows: [dict(r, event_date="2030-01-01", date_precision="day", status="occurred")
                                     if i == 0 else r for i, r in enumerate(rows)],
     ["event_mentions.csv row 1", "not dated after its source's publication"]),
    ("figures", _set(0, "kind", ""), ["column kind", "not_nullable"]),
    ("figures", _set(0, "kind", "banana"), ["figures.csv row 1", "column kind", "isin("]),
    ("segments", _set(0, "kind", "banana"), ["segments.csv row 1", "column kind", "isin("]),
])
def test_each_kind_of_breakage_is_caught(data_copy, table, fn, expect):
    edit(data_copy, table, fn)
    found = "\n".join(failures(data_copy))
    for e in expect:
        assert e in found, found


def test_frictionless_catches_what_it_checks(data_copy):
    edit(data_copy, "figure_mentions", _set(0, "figure_id", "fig-000000000000"))
    assert any("frictionless foreign-key" in f for f in failures(data_copy))


def test_validate_stage_fails_loudly(data_copy, tmp_path):
    edit(data_copy, "events", _set(0, "status", "rumoured"))
    code = ("import sys; from pathlib import Path; from pipeline.config import Layout; "
            "from pipeline import validate; d = Path(sys.argv[1]); "
            "validate.run(Layout(d, d / 'data', d / 'interim', d / 'reports', d / 'datapackage.json', d / 'x.duckdb'))")
    r = subprocess.run([sys.executable, "-c", code, str(data_copy)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode != 0 and "ValidationFailed" in r.stderr and "column status" in r.stderr
    report = (data_copy / "reports" / "validation.md").read_text()
    assert "Result: FAILED" in report and "events.csv row 1" in report


def reproduced(folder):
    return validate.validate(folder / "data", folder / "datapackage.json", folder / "raw",
                             folder / "interim" / "mentions.jsonl")[1]


@pytest.mark.parametrize("table, fn", [
    ("figures", lambda rows: [dict(r, value=str(float(r["value"]) + 1000)) if i == 0 else r
                              for i, r in enumerate(rows)]),                       # a changed value
    ("figure_mentions", lambda rows: rows[1:]),                                      # a deleted row
    ("quote_mentions", lambda rows: rows[:-1]),                                      # a deleted row
    ("quotes", lambda rows: [dict(r, speaker_id=rows[-1]["speaker_id"]) if i == 0 else r
                             for i, r in enumerate(rows)]),                        # another speaker
    ("events", lambda rows: [dict(r, status="planned") if i == 0 else r for i, r in enumerate(rows)]),
    ("sources", lambda rows: [dict(r, outlet="Another Outlet") if i == 0 else r for i, r in enumerate(rows)]),
])
def test_hand_edits_are_caught(data_copy, table, fn):
    assert reproduced(data_copy) == []
    edit(data_copy, table, fn)
    found = "\n".join(reproduced(data_copy))
    assert f"{table}.csv line" in found and "reproduced from raw/ and the extracted mentions" in found, found


def test_a_check_passed_in_this_process_is_not_repeated_but_an_edit_is_checked(data_copy, monkeypatch):
    calls = []
    real = validate.pandera_schema
    monkeypatch.setattr(validate, "pandera_schema", lambda name, tables: calls.append(name) or real(name, tables))
    assert failures(data_copy) == []
    checked = len(calls)   # 0 if an earlier test checked the same bytes
    assert failures(data_copy) == [] and len(calls) == checked
    edit(data_copy, "events", _set(0, "event_type", "a_type_no_other_test_uses"))
    assert any("a_type_no_other_test_uses" in f for f in failures(data_copy))
    assert len(calls) == checked + len(validate.ALL_TABLES)   # every table: each reads the others
