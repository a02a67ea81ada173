"""Rewrite the generated parts of README.md from the package itself: the data
dictionary (from pipeline/schema.py), the quality table (from reports/metrics.json)
and the output of each example query (run against data/). `python scripts/readme.py --check` exits 1 if the README is stale."""
from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import evaluate, publish, schema  # noqa: E402

README = ROOT / "README.md"
# a ```sql block, a blank line, then its ```text output block (empty or lines)
QUERY = re.compile(r"(```sql\n)(?P<sql>(?:(?!```).*\n)+?)(```\n\n```text\n)(?P<out>(?:(?!```).*\n)*)(```)")


def table(con, sql: str) -> str:
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    rows = [["" if v is None else str(v) for v in r] for r in cur.fetchall()]
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(cols)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([line(cols), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows])


def metrics_table() -> str:
    m = json.loads((ROOT / "reports" / "metrics.json").read_text(encoding="utf-8"))
    rows = [["corpus", "figures P / R / F1", "qualifier", "quotes P / R / F1", "speaker",
             "quote grouping F1", "events P / R / F1", "event date", "event grouping F1"]]
    f = lambda d: " / ".join(f"{d[k]:.2f}" for k in ("precision", "recall", "f1"))
    for corpus in ("shipped", *evaluate.CORPORA):
        x = m[corpus]
        rows.append([corpus, f(x["figures"]), f"{x['figures']['qualifier_accuracy']:.2f}", f(x["quotes"]),
                     f"{x['quotes']['speaker_accuracy']:.2f}", f"{x['quotes']['pair_f1']:.2f}", f(x["events"]),
                     f"{x['events']['date_accuracy']:.2f}", f"{x['events']['pair_f1']:.2f}"])
    return "\n".join(["| " + " | ".join(r) + " |" for r in rows[:1]] + ["|" + "---|" * len(rows[0])]
                     + ["| " + " | ".join(r) + " |" for r in rows[1:]])


def _between(text: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    i, j = text.index(start) + len(start), text.index(end)
    return text[:i] + body.strip() + "\n" + text[j:]


def render(text: str) -> str:
    text = _between(text, "data-dictionary", schema.data_dictionary())
    text = _between(text, "metrics", metrics_table())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "p.duckdb"
        publish.build_database(ROOT / "data", db)
        con = duckdb.connect(str(db), read_only=True)
        text = QUERY.sub(lambda m: m.group(1) + m.group("sql") + m.group(3)
                         + table(con, m.group("sql")) + "\n" + m.group(5), text)
        con.close()
    return text


if __name__ == "__main__":
    old = README.read_text(encoding="utf-8")
    new = render(old)
    if "--check" in sys.argv:
        sys.exit(0 if new == old else 1)
    README.write_text(new, encoding="utf-8")
