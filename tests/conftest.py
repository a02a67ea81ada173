import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DVC_NO_ANALYTICS", "1")
os.environ.setdefault("DVC_DAEMON", "0")

ROOT = Path(__file__).resolve().parent.parent

from pipeline.config import params  # noqa: E402

PARAMS = params()
HEADING = PARAMS["ingest"]["heading_max_words"]
EXTRACT = PARAMS["extract"]
HEADER = "source_id,outlet,url,published_date,date_basis,notes\n"

ARTICLE = (" date 2025-03-04 A ransomware attack on the Northfield Hospital Trust forced staff to "
           "cancel 1,200 appointments on Monday, the trust said.\n\n"
           "“We are working around the clock to restore our systems,” said Jane Smith, chief "
           "executive of the trust.\n")


def make_raw(tmp: Path, articles: dict, sources: str | None = None) -> Path:
    """A raw/ folder: articles {source_id: str|bytes}, sources.csv text (default: a row each)."""
    raw = tmp / "raw"
    (raw / "articles").mkdir(parents=True, exist_ok=True)
    for sid, content in articles.items():
        p = raw / "articles" / f"{sid}.txt"
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if sources is None:
        sources = HEADER + "".join(f"{sid},Test Outlet,,,,\n" for sid in articles)
    (raw / "sources.csv").write_bytes(sources.encode("utf-8") if isinstance(sources, str) else sources)
    return raw


@pytest.fixture
def raw_factory(tmp_path):
    return lambda articles, sources=None: make_raw(tmp_path, articles, sources)


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the committed package (data/ and datapackage.json) to break."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    shutil.copytree(ROOT / "raw", tmp_path / "raw")
    shutil.copytree(ROOT / "interim", tmp_path / "interim")
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return tmp_path
