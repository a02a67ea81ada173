"""Every stage, in order, on one layout: what `dvc repro` does for raw/ → data/, and
what `python -m pipeline build RAW_DIR OUT_DIR` does for any other folder."""
from __future__ import annotations

from . import consolidate, extract, ingest, publish as publish_stage, validate
from .config import Layout


def build(layout: Layout, publish: bool = True) -> None:
    ingest.run(layout)
    extract.run(layout)
    consolidate.run(layout)
    validate.run(layout)
    if publish:
        publish_stage.run(layout)
