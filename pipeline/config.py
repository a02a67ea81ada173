"""Where a run reads and writes, and the tunable parameters (params.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "params.yaml"


@dataclass(frozen=True)
class Layout:
    raw: Path            # articles/*.txt, sources.csv, optional package.yaml
    data: Path           # the contract CSVs
    interim: Path        # per-article extraction output
    reports: Path        # validation report, metrics
    datapackage: Path    # the frictionless descriptor
    database: Path       # the DuckDB file (rebuilt, never committed)

    @property
    def cache(self) -> Path:
        """Per-article results kept between runs (never committed)."""
        return self.interim / "cache"

    @property
    def data_prefix(self) -> str:
        rel = self.data.resolve().relative_to(self.datapackage.parent.resolve()).as_posix()
        return "" if rel == "." else rel + "/"

    @classmethod
    def repo(cls, root: Path = ROOT) -> "Layout":
        return cls(root / "raw", root / "data", root / "interim", root / "reports",
                   root / "datapackage.json", root / "data" / "package.duckdb")

    @classmethod
    def build(cls, raw: Path, out: Path) -> "Layout":
        """`python -m pipeline build RAW OUT`: everything under OUT, tables at its top."""
        return cls(raw, out, out / "interim", out / "reports", out / "datapackage.json",
                   out / "package.duckdb")


@lru_cache(maxsize=None)
def params(path: Path = PARAMS) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)
