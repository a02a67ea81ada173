"""The one reader and writer of the package's CSV tables: UTF-8, header row, `\\n`,
fixed number formatting, rows sorted by primary key, written atomically."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path
from typing import Iterable

from .schema import FIELDS, TABLES

csv.field_size_limit(1 << 30)


def format_value(ftype: str, value) -> str:
    if value is None or value == "":
        return ""
    if ftype == "number":
        v = float(value)
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if ftype == "integer":
        return str(int(value))
    if ftype == "boolean":
        return "true" if value else "false"
    return str(value)


def parse_value(ftype: str, text: str):
    if text == "":
        return None
    if ftype == "number":
        return float(text)
    if ftype == "integer":
        return int(text)
    if ftype == "boolean":
        return text == "true"
    return text


def _sort_key(table: str):
    pk = TABLES[table].primary_key
    numeric = [FIELDS[k].type in ("integer", "number") for k in pk]

    def key(row):
        return tuple((row[k] if row[k] is not None else -1) if num else (row[k] or "")
                     for k, num in zip(pk, numeric))
    return key


def render(table: str, rows: Iterable[dict]) -> str:
    """The CSV text of a table, rows sorted by primary key."""
    names = TABLES[table].fields
    cells = [(n, FIELDS[n].type) for n in names]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    w.writerows([[format_value(t, row.get(n)) for n, t in cells] for row in sorted(rows, key=_sort_key(table))])
    return buf.getvalue()


def atomic_write(files: dict[Path, str]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place,
    so a failure before the renames leaves the previous files untouched."""
    temps = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            for stale in path.parent.glob(f".{path.name}.*.tmp"):
                stale.unlink()   # left by a run that was killed before its renames
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_tables(out_dir: Path, tables: dict[str, list[dict]], extra: dict[Path, str] | None = None) -> None:
    files = {out_dir / f"{name}.csv": render(name, rows) for name, rows in tables.items()}
    files.update(extra or {})
    atomic_write(files)


def read_table(path: Path, table: str) -> list[dict]:
    types = {n: FIELDS[n].type for n in TABLES[table].fields}
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: parse_value(types[k], v) for k, v in row.items() if k in types}
                for row in csv.DictReader(fh)]
