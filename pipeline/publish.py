"""Stage `publish`: the CSV tables → a DuckDB database with every table typed (DDL
from the one model) and the analyst views of views.sql. The file is rebuilt whole
into a temporary path and swapped in, so a reader never sees it half-built."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from . import schema
from .config import Layout

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
            con.execute(
                f"INSERT INTO {name} SELECT * FROM read_csv(?, header = true, columns = ?, "
                "nullstr = '', quote = '\"', escape = '\"', auto_detect = false)",
                [str(data_dir / f"{name}.csv"), cols])
        for stmt in view_statements():
            con.execute(stmt)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db_path)


def run(layout: Layout) -> None:
    build_database(layout.data, layout.database)
