"""Stage `publish`: the CSV tables → a DuckDB database with every table typed (DDL
from the one model) and the analyst views of views.sql, plus the timeline as a CSV
for `dvc plots show`. The database is rebuilt whole into a temporary path and
swapped in, so a reader never sees it half-built."""
from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path

import duckdb

from . import schema
from .config import Layout
from .runner import Options, code_version
from .tables import atomic_write

VIEWS = Path(__file__).with_name("views.sql")
TABLE_ORDER = schema.INGEST_TABLES + schema.CONSOLIDATE_TABLES


def view_statements() -> list[str]:
    sql = "\n".join(line for line in VIEWS.read_text(encoding="utf-8").splitlines()
                    if not line.lstrip().startswith("--"))
    return [s.strip() for s in sql.split(";") if s.strip()]


def build_database(data_dir: Path, db_path: Path) -> None:
    tmp = db_path.with_name(db_path.name + ".tmp")
    for p in (tmp, Path(str(tmp) + ".wal")):
        if p.exists():
            p.unlink()
    con = duckdb.connect(str(tmp))
    try:
        for name in TABLE_ORDER:
            con.execute(schema.duckdb_ddl(name))
            cols = {f.name: schema.TYPES[f.type][1] for f in schema.table_fields(name)}
            # parallel = false: DuckDB's parallel CSV scan can start a chunk inside a
            # quoted multi-line text and fail on it (seen on an 8 MB texts.csv)
            con.execute(
                f"INSERT INTO {name} SELECT * FROM read_csv(?, header = true, columns = ?, "
                "nullstr = '', quote = '\"', escape = '\"', delim = ',', new_line = '\\n', "
                "auto_detect = false, parallel = false)",
                [str(data_dir / f"{name}.csv"), cols])
        for stmt in view_statements():
            con.execute(stmt)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db_path)


def timeline_csv(db_path: Path) -> str:
    """The dated events of the `timeline` view, for `dvc plots show`."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT event_date, event_type, status, source_count, summary FROM timeline "
                           "WHERE event_date IS NOT NULL ORDER BY event_date, event_type, event_id").fetchall()
    finally:
        con.close()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["event_date", "event_type", "status", "source_count", "summary"])
    w.writerows([(d.isoformat(), t, st, n, s) for d, t, st, n, s in rows])
    return buf.getvalue()


def inputs_digest(layout: Layout) -> str:
    """What the database is made from: every table's bytes and the pipeline's code."""
    h = hashlib.sha256(code_version().encode())
    for name in TABLE_ORDER:
        h.update(name.encode() + b"\0" + (layout.data / f"{name}.csv").read_bytes() + b"\0")
    return h.hexdigest()


def run(layout: Layout, opts: Options = Options()) -> None:
    """Rebuild the database unless the one there was made from exactly these inputs
    and the timeline is as it was written (DVC runs this stage every time, because the
    file is not byte-reproducible); `--no-cache` always rebuilds."""
    stamp = layout.interim / "published.sha256"
    timeline = layout.reports / "timeline.csv"
    digest = inputs_digest(layout)
    if opts.cache and layout.database.is_file() and timeline.is_file() and stamp.is_file() \
            and stamp.read_text(encoding="utf-8").split() == [digest, _sha256(timeline)]:
        return
    build_database(layout.data, layout.database)
    atomic_write({timeline: timeline_csv(layout.database)})
    atomic_write({stamp: f"{digest}\n{_sha256(timeline)}\n"})


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
