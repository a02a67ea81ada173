"""Scale benchmark: synthetic corpora of growing size through `python -m pipeline build`,
then an incremental rebuild, a no-op `dvc repro`, and the published views' query times.

    python bench/scale.py                      # 1,000, 3,000 and 10,000 articles
    python bench/scale.py --sizes 500 2000     # other sizes (the last one gets the extra cases)

Prints per size: wall time, articles/s, peak memory of the whole process tree, seconds
per stage; then every target of issue 6 with the figure measured and whether it is met.
Corpora are made by bench/corpus.py (seeded, so every run builds the same bytes).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

ENV = {**os.environ, "DVC_NO_ANALYTICS": "1", "DVC_DAEMON": "0"}


def run_measured(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, str]:
    """(wall seconds, peak bytes of the process and all its children, stderr)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        ps = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.05)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return wall, peak, err


def stage_times(stderr: str) -> dict[str, float]:
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\w+): done in ([\d.]+) s$", stderr, re.M)}


def build(raw: Path, out: Path, jobs: int | None) -> tuple[float, int, dict]:
    cmd = [sys.executable, "-m", "pipeline", "build", str(raw), str(out)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    wall, peak, err = run_measured(cmd)
    return wall, peak, stage_times(err)


def view_times(db: Path, repeats: int = 5) -> dict[str, float]:
    con = duckdb.connect(str(db), read_only=True)
    views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                                       "ORDER BY view_name").fetchall()]
    out = {}
    for v in views:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            con.execute(f'SELECT * FROM "{v}"').fetchall()
            times.append(time.perf_counter() - t0)
        out[v] = statistics.median(times)
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    ap.add_argument("--jobs", type=int, default=None, help="passed to the build (default: every core)")
    ap.add_argument("--workdir", type=Path, default=None, help="where corpora and builds go (default: a temp dir)")
    a = ap.parse_args()
    work = a.workdir or Path(tempfile.mkdtemp(prefix="scale-bench-"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; work in {work}")
    print(f"{'articles':>8} {'wall s':>7} {'art/s':>7} {'ms/art':>7} {'peak MiB':>9}  stages (s)")
    per_article, peaks, big = {}, [], None
    for n in a.sizes:
        raw, out = work / f"raw-{n}", work / f"out-{n}"
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        corpus.generate(raw, n)
        wall, peak, stages = build(raw, out, a.jobs)
        per_article[n] = wall / n
        peaks.append(peak)
        print(f"{n:>8} {wall:>7.1f} {n / wall:>7.0f} {1000 * wall / n:>7.2f} {peak / 2**20:>9.0f}  "
              + " ".join(f"{k} {v:.1f}" for k, v in stages.items()), flush=True)
        big = (n, raw, out, wall)
    n, raw, out, full_wall = big

    sid = corpus.add_article(raw)
    inc_wall, _, inc_stages = build(raw, out, a.jobs)
    print(f"incremental: one article ({sid}) added to {n}: {inc_wall:.1f} s  "
          + " ".join(f"{k} {v:.1f}" for k, v in inc_stages.items()))

    noop = []
    for _ in range(3):
        wall, _, _ = run_measured([sys.executable, "-m", "dvc", "repro"])
        noop.append(wall)
    noop_wall = statistics.median(noop)
    print(f"no-op `dvc repro` on the shipped package: {noop_wall:.2f} s (median of 3)")

    views = view_times(out / "package.duckdb")
    print(f"views at {n + 1} articles (median of 5, ms): "
          + ", ".join(f"{v} {1000 * t:.1f}" for v, t in views.items()))

    small, large = min(per_article), max(per_article)
    growth = per_article[large] / per_article[small] - 1
    checks = [
        (f"{large} articles end to end <= 60 s", f"{full_wall:.1f} s", full_wall <= 60),
        (f"s/article at {large} within 20% of {small}", f"{100 * growth:+.0f}%", growth <= 0.20),
        ("peak memory <= 2 GiB", f"{max(peaks) / 2**20:.0f} MiB", max(peaks) <= 2 * 2**30),
        ("incremental one-article rebuild <= 5 s", f"{inc_wall:.1f} s", inc_wall <= 5),
        ("no-op dvc repro <= 2 s", f"{noop_wall:.2f} s", noop_wall <= 2),
        ("each view <= 100 ms", f"slowest {1000 * max(views.values()):.1f} ms", max(views.values()) <= 0.1),
    ]
    print("\ntargets:")
    for what, got, ok in checks:
        print(f"  {'met    ' if ok else 'NOT MET'}  {what}: {got}")
    if a.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
