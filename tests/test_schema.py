"""One source of truth: the descriptor, pandera schemas, DuckDB types and the README's
data dictionary are all generated from pipeline/schema.py, and nothing has drifted."""
import json

import duckdb
import frictionless
import pandera.pandas as pa

from conftest import ROOT
from pipeline import ingest, publish, schema, validate
from pipeline.config import Layout


def test_committed_datapackage_is_generated():
    assert (ROOT / "datapackage.json").read_text(encoding="utf-8") == ingest.descriptor_text(Layout.repo())


def test_descriptor_declares_keys_enums_and_licence():
    pkg = json.loads((ROOT / "datapackage.json").read_text())
    assert pkg["licenses"] and pkg["sources"] and pkg["name"]
    res = {r["name"]: r for r in pkg["resources"]}
    assert set(res) == set(schema.TABLES)
    for name, t in schema.TABLES.items():
        s = res[name]["schema"]
        assert [f["name"] for f in s["fields"]] == list(t.fields)
        assert s["primaryKey"] == list(t.primary_key)
        assert len(s.get("foreignKeys", [])) == len(t.foreign_keys)
    enum = next(f for f in res["events"]["schema"]["fields"] if f["name"] == "event_type")
    assert enum["constraints"]["enum"] == list(schema.EVENT_TYPES)


def test_package_loads_with_frictionless():
    pkg = frictionless.Package(str(ROOT / "datapackage.json"))
    assert len(pkg.resources) == len(schema.TABLES)
    rows = pkg.get_resource("figures").read_rows()
    assert rows and rows[0]["value"] > 0


def test_pandera_schemas_follow_the_model():
    tables = validate.load(ROOT / "data")
    for name, t in schema.TABLES.items():
        ps = validate.pandera_schema(name, tables)
        assert list(ps.columns) == list(t.fields)
        for f in schema.table_fields(name):
            assert ps.columns[f.name].dtype == pa.Column(schema.TYPES[f.type][0]).dtype
            assert ps.columns[f.name].nullable == (f.name not in t.required)


def test_duckdb_types_follow_the_model(tmp_path):
    db = tmp_path / "p.duckdb"
    publish.build_database(ROOT / "data", db)
    con = duckdb.connect(str(db), read_only=True)
    for name in schema.TABLES:
        cols = con.execute(f"DESCRIBE {name}").fetchall()
        assert [(c[0], c[1]) for c in cols] == [(f.name, schema.TYPES[f.type][1]) for f in schema.table_fields(name)]


def test_readme_data_dictionary_is_generated():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
    assert readme[readme.index(start) + len(start):readme.index(end)].strip() == schema.data_dictionary().strip()
