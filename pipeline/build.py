"""Every stage, in order, on one layout: what `dvc repro` does for raw/ → data/, and
what `python -m pipeline build RAW_DIR OUT_DIR` does for any other folder."""
from __future__ import annotations

import sys
import time

from . import consolidate, extract, ingest, publish as publish_stage, validate
from .config import Layout
from .runner import Options


def build(layout: Layout, publish: bool = True, opts: Options = Options()) -> dict[str, float]:
    """Run the stages; → seconds each took."""
    stages = [("ingest", lambda: ingest.run(layout, opts)), ("extract", lambda: extract.run(layout, opts)),
              ("consolidate", lambda: consolidate.run(layout)), ("validate", lambda: validate.run(layout, opts, reproduce=False))]
    if publish:
        stages.append(("publish", lambda: publish_stage.run(layout)))
    times = {}
    for name, step in stages:
        t = time.perf_counter()
        step()
        times[name] = time.perf_counter() - t
        if not opts.quiet:
            print(f"{name}: done in {times[name]:.2f} s", file=sys.stderr, flush=True)
    return times
