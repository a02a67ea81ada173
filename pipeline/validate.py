"""Stage `validate`: pandera schemas built from the one model (types, required,
enums, patterns, keys, foreign keys, and the rules frictionless cannot express:
value_high ≥ value, every mention slices its text exactly) plus `frictionless
validate` on the descriptor. Writes a report; any failure stops the pipeline."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import frictionless
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from . import schema, timex
from .config import Layout
from .errors import ValidationFailed
from .runner import Options
from .tables import atomic_write, render

ALL_TABLES = schema.INGEST_TABLES + schema.CONSOLIDATE_TABLES


def read(data_dir: Path, rendered: dict[str, str] | None = None) -> dict[str, str]:
    """Every table's CSV text as written; tables in `rendered` (not yet written) are
    taken from there instead, a missing one (a first build) is its header alone."""
    out = {}
    for name in ALL_TABLES:
        path = data_dir / f"{name}.csv"
        if rendered and name in rendered:
            out[name] = rendered[name]
        elif path.exists():
            out[name] = path.read_text(encoding="utf-8")
        else:
            out[name] = ",".join(schema.TABLES[name].fields) + "\n"
    return out


class Frames(dict):
    """Table name → DataFrame of strings (empty cells missing), parsed on first use,
    so checking a few tables does not parse the others."""

    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self.texts = texts
        self.known_rows: dict[str, int] = {}   # rows of tables checked earlier, unparsed here
        self.digest: bytes | None = None       # of every table's text, once

    def __missing__(self, name: str) -> pd.DataFrame:
        df = pd.read_csv(io.StringIO(self.texts[name]), dtype=str, keep_default_na=False).replace("", None)
        self[name] = df
        return df

    def get(self, name, default=None):
        return self[name] if name in self.texts else default

    def rows(self, name: str) -> int:
        return self.known_rows[name] if name in self.known_rows and name not in self else len(self[name])


def load(data_dir: Path, rendered: dict[str, str] | None = None) -> Frames:
    return Frames(read(data_dir, rendered))


def check_before_writing(data_dir: Path, rendered: dict[str, str]) -> None:
    """A stage's checks on its own tables before they replace the last good ones."""
    failures = check_tables(load(data_dir, rendered), list(rendered))
    if failures:
        raise ValidationFailed(f"{len(failures)} failures; nothing written:\n" + "\n".join(failures[:50]))


def _prepare(name: str, df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for f in schema.table_fields(name):
        if f.type == "boolean" and f.name in df:
            df[f.name] = df[f.name].map(lambda v: {"true": True, "false": False}.get(v, v))
    return df


def pandera_schema(name: str, tables: dict[str, pd.DataFrame]) -> pa.DataFrameSchema:
    t = schema.TABLES[name]
    fk_keys = {}
    for fk in t.foreign_keys:
        parent = tables.get(fk.resource)
        fk_keys[fk.fields[0]] = (fk, set(parent[fk.reference[0]].dropna()) if parent is not None else set())
    columns = {}
    for f in schema.table_fields(name):
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum)))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.name in fk_keys:
            fk, keys = fk_keys[f.name]
            checks.append(pa.Check(lambda s, keys=keys: s.isna() | s.isin(keys),
                                   name=f"foreign key → {fk.resource}.{fk.reference[0]}"))
        columns[f.name] = pa.Column(schema.TYPES[f.type][0], nullable=f.name not in t.required,
                                    coerce=True, checks=checks)
    checks = []
    if "value_high" in t.fields:
        checks.append(pa.Check(lambda df: df["value_high"].isna() | (df["value_high"] >= df["value"]),
                               name="value_high >= value"))
        checks.append(pa.Check(lambda df: df["value_high"].isna() == (df["qualifier"] != "range"),
                               name="value_high given exactly when qualifier is range"))
    if "char_end" in t.fields:
        checks.append(pa.Check(lambda df: df["char_end"] > df["char_start"], name="char_end > char_start"))
    if t.slice_column or name == "sources":
        texts = dict(zip(tables["texts"]["source_id"], tables["texts"]["text"]))
    if t.slice_column:
        col = t.slice_column
        checks.append(pa.Check(
            lambda df: pd.Series([isinstance(s, str) and texts.get(s, "")[int(a):int(b)] == v
                                  for s, a, b, v in zip(df["source_id"], df["char_start"], df["char_end"], df[col])],
                                 index=df.index),
            name=f"texts.text[char_start:char_end] == {col}"))
    if name == "event_mentions":
        published = dict(zip(tables["sources"]["source_id"], tables["sources"]["published_date"]))
        checks.append(pa.Check(
            lambda df: pd.Series([not (st == "occurred" and _starts_after(d, p, published.get(s)))
                                  for s, d, p, st in zip(df["source_id"], df["event_date"],
                                                         df["date_precision"], df["status"])],
                                 index=df.index),
            name="an occurred event is not dated after its source's publication"))
    if name == "sources":
        checks.append(pa.Check(
            lambda df: pd.Series([len(texts.get(s) or "") == int(n) for s, n in zip(df["source_id"], df["char_count"])],
                                 index=df.index), name="char_count == length of texts.text"))
    return pa.DataFrameSchema(columns, checks=checks, unique=list(t.primary_key), strict=True,
                              ordered=True, name=name)


def _starts_after(date, precision, published) -> bool:
    """Whether a (date, precision) window starts after the publication date."""
    if date is None or pd.isna(date) or published is None or precision not in timex.PRECISION_DAYS:
        return False
    w = timex.window(str(pd.Timestamp(date).date()), precision)
    return w is not None and w[0] > pd.Timestamp(published).date()


def _pk(df: pd.DataFrame, name: str, index) -> str:
    if index is None or pd.isna(index) or index not in df.index:
        return ""
    row = df.loc[index]
    return ", ".join(f"{k}={row[k]!s}" for k in schema.TABLES[name].primary_key if k in row)


# Checks passed in this process, by a digest of the table checked and of every table
# (its keys and texts are read from the others): a build checks each stage's tables
# before writing them, and its validate stage need not check the same bytes again.
_passed: dict[str, int] = {}   # digest → rows


def _digest(name: str, tables: Frames) -> str:
    if tables.digest is None:
        tables.digest = hashlib.sha256(b"".join(hashlib.sha256(tables.texts[n].encode()).digest()
                                                for n in ALL_TABLES)).digest()
    return hashlib.sha256(name.encode() + tables.digest).hexdigest()


def check_tables(tables: Frames, names: list[str] = ALL_TABLES) -> list[str]:
    """pandera on the tables `names` (the others are there for keys and slices)."""
    failures = []
    for name in names:
        key = _digest(name, tables)
        if key in _passed:
            tables.known_rows[name] = _passed[key]
            continue
        before = len(failures)
        df = tables[name]
        try:
            pandera_schema(name, tables).validate(_prepare(name, df), lazy=True)
        except SchemaErrors as err:
            fc = err.failure_cases
            for rec in fc.itertuples(index=False):
                idx = rec.index if "index" in fc.columns else None
                where = f"row {int(idx) + 1} ({_pk(df, name, idx)})" if idx is not None and not pd.isna(idx) else "table"
                col = rec.column if isinstance(rec.column, str) else "-"
                failures.append(f"{name}.csv {where}: column {col}: rule '{rec.check}' failed "
                                f"(found {str(rec.failure_case)[:80]!r})")
        if len(failures) == before:
            _passed[key] = len(df)
    return failures


def check_descriptor(descriptor: Path, limit_rows: int | None = None) -> list[str]:
    """`frictionless validate`: the descriptor, and each table's rows up to `limit_rows`
    (frictionless reads row by row in Python; pandera has already checked every row
    against the same model, so past a size the descriptor check is what it adds)."""
    report = frictionless.validate(str(descriptor), limit_rows=limit_rows)
    out = []
    for task in report.tasks:
        for e in task.errors:
            row = getattr(e, "row_number", None)
            field = getattr(e, "field_name", None)
            out.append(f"{task.name}: frictionless {e.type}" + (f" row {row - 1}" if row else "")
                       + (f" column {field}" if field else "") + f": {e.note}")
    for e in report.errors:
        out.append(f"datapackage: frictionless {e.type}: {e.note}")
    return out


def report_text(tables: Frames, failures: list[str], limit_rows: int | None = None) -> str:
    capped = [n for n in ALL_TABLES if limit_rows is not None and tables.rows(n) > limit_rows]
    lines = ["# Validation report", "",
             "Checks: pandera schemas generated from pipeline/schema.py (types, required values, "
             "enums, patterns, primary keys, foreign keys, value_high >= value, every mention "
             "slices its text exactly, no occurred event dated after its source), `frictionless "
             "validate` of the descriptor and the tables, and that every table is exactly what "
             "raw/ and the extracted mentions make (so a hand edit is caught).", ""]
    if capped:
        lines += [f"frictionless read the first {limit_rows} rows of {', '.join(capped)} "
                  "(validate.frictionless_row_limit in params.yaml); pandera checked every row.", ""]
    lines += ["| table | rows |", "|---|---|"]
    lines += [f"| {n} | {tables.rows(n)} |" for n in ALL_TABLES]
    lines += ["", f"Result: {'FAILED' if failures else 'passed'} ({len(failures)} failures)", ""]
    lines += [f"- {f}" for f in failures]
    return "\n".join(lines).rstrip() + "\n"


def check_reproduced(data_dir: Path, raw: Path, mentions: Path, opts: Options = Options(jobs=1),
                     ingest_cache: Path | None = None) -> list[str]:
    """Tampering: every table must be exactly what ingest makes from raw/ and
    consolidate makes from the extracted mentions; the first differing line of each
    table is reported."""
    from . import consolidate, ingest
    from .config import params
    p = params()
    expected = {**ingest.ingest(raw, p["ingest"], opts, ingest_cache),
                **consolidate.consolidate(consolidate.read_mentions(mentions), p)}
    out = []
    for name in ALL_TABLES:
        want = render(name, expected[name]).splitlines()
        have = (data_dir / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        if want != have:
            n = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
            found = have[n][:80] if n < len(have) else "(end of file)"
            wanted = want[n][:80] if n < len(want) else "(end of file)"
            out.append(f"{name}.csv line {n + 1}: rule 'reproduced from raw/ and the extracted mentions' "
                       f"failed (found {found!r}, expected {wanted!r})")
    return out


def validate(data_dir: Path, descriptor: Path, raw: Path | None = None,
             mentions: Path | None = None, opts: Options = Options(jobs=1),
             ingest_cache: Path | None = None) -> tuple[str, list[str]]:
    """All checks on the tables in data_dir; with raw and mentions given, also that
    the tables are exactly what those inputs make (a hand-edited value, a deleted row)."""
    from .config import params
    limit = params()["validate"]["frictionless_row_limit"]
    tables = load(data_dir)
    failures = check_tables(tables)
    failures += check_descriptor(descriptor, limit)
    if raw is not None and mentions is not None and not failures:
        failures += check_reproduced(data_dir, raw, mentions, opts, ingest_cache)
    return report_text(tables, failures, limit), failures


def run(layout: Layout, opts: Options = Options(), reproduce: bool = True) -> None:
    """`reproduce=False` leaves out the check that the tables are what raw/ makes: for a
    build that has just made them in this process, where it could find nothing."""
    text, failures = validate(layout.data, layout.datapackage, layout.raw if reproduce else None,
                              layout.interim / "mentions.jsonl", opts, layout.cache / "ingest.tsv")
    atomic_write({layout.reports / "validation.md": text})
    if failures:
        shown = "\n".join(failures[:50]) + (f"\n... and {len(failures) - 50} more" if len(failures) > 50 else "")
        raise ValidationFailed(f"{len(failures)} failures (full list in {layout.reports / 'validation.md'}):\n{shown}")
