"""How per-article work runs: in this process, over local worker processes, or on a
Dask cluster; with a content-hash cache so unchanged articles are not redone; with
progress on long runs. Results always come back in input order, so the output is
byte-identical whatever runs it."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from .tables import atomic_write

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Options:
    jobs: int | None = None          # worker processes; None: every core
    scheduler: str | None = None     # None: local processes; "dask": a local Dask cluster;
                                     # "dask://HOST:PORT" (or tcp://, tls://): an existing one
    quiet: bool = False
    cache: bool = True

    def __post_init__(self):
        if self.scheduler is not None and not re.fullmatch(r"dask|(?:dask|tcp|tls)://\S+", self.scheduler):
            raise ValueError(f"unknown scheduler {self.scheduler!r}: use 'dask' or dask://HOST:PORT")

    @property
    def workers(self) -> int:
        return max(1, self.jobs or os.cpu_count() or 1)


@lru_cache(maxsize=None)
def code_version() -> str:
    """A digest of every file of the pipeline package (code, lexicons, SQL), the Python
    version and every installed distribution's version (ftfy, inflect, duckdb...): a
    change to any of them invalidates every cached result."""
    h = hashlib.sha256(sys.version.encode())
    for p in sorted(PACKAGE.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    h.update("\n".join(dists).encode())
    return h.hexdigest()


class Cache:
    """Results of one stage's per-article core, keyed by a digest of the code version
    and the call's inputs, kept as one file of `key<TAB>json` lines. Each run keeps
    only the entries it used, so the file never outgrows the corpus."""

    def __init__(self, path: Path | None):
        self.path = path
        self.old: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.changed = False
        if path is not None and path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    key, _, value = line.rstrip("\n").partition("\t")
                    self.old[key] = value

    @staticmethod
    def key(*inputs) -> str:
        h = hashlib.sha256(code_version().encode())
        h.update(json.dumps(inputs, ensure_ascii=False, sort_keys=True, default=str).encode())
        return h.hexdigest()

    def get(self, key: str) -> str | None:
        value = self.old.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: str) -> None:
        self.used[key] = value
        if self.old.get(key) != value:
            self.changed = True   # a recomputed value replaces a kept one (--no-cache)

    def save(self) -> None:
        if self.path is not None and (self.changed or self.used.keys() != self.old.keys()):
            atomic_write({self.path: "".join(f"{k}\t{v}\n" for k, v in sorted(self.used.items()))})


class Progress:
    """A bar on a terminal, a plain line every few seconds otherwise, nothing when quiet."""

    def __init__(self, label: str, total: int, quiet: bool, every: float = 5.0):
        self.label, self.total, self.done = label, total, 0
        self.bar = None
        self.quiet = quiet or total == 0
        self.every, self.last = every, time.monotonic()
        if not self.quiet and sys.stderr.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=label, unit="article", leave=False, file=sys.stderr)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif not self.quiet and (time.monotonic() - self.last >= self.every or self.done == self.total):
            self.last = time.monotonic()
            print(f"{self.label}: {self.done}/{self.total} articles", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _run_chunk(fn: Callable, chunk: list[tuple]) -> list:
    return [fn(*args) for args in chunk]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_articles(fn: Callable, calls: Sequence[tuple], opts: Options, label: str) -> list:
    """[fn(*args) for args in calls], in order, spread over the workers `opts` names.
    `fn` must be a module-level function of picklable arguments and results."""
    calls = list(calls)
    progress = Progress(label, len(calls), opts.quiet)
    try:
        if opts.scheduler is not None:
            return _on_dask(fn, calls, opts, progress)
        if opts.workers == 1 or len(calls) < 8:   # a pool costs more than a few articles
            out = []
            for args in calls:
                out.append(fn(*args))
                progress.update()
            return out
        # chunks big enough to amortise the hand-over, small enough to balance the load
        size = max(1, min(64, len(calls) // (opts.workers * 4)))
        out = []
        chunks = _chunks(calls, size)
        with ProcessPoolExecutor(max_workers=opts.workers) as pool:
            for part in pool.map(_run_chunk, [fn] * len(chunks), chunks):
                out += part
                progress.update(len(part))
        return out
    finally:
        progress.close()


def _on_dask(fn: Callable, calls: list[tuple], opts: Options, progress: Progress) -> list:
    from dask.distributed import Client, LocalCluster, as_completed
    address = opts.scheduler.removeprefix("dask://") if opts.scheduler != "dask" else None
    cluster = None
    if address is None:
        cluster = LocalCluster(n_workers=opts.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        address = cluster
    client = Client(address)
    try:
        size = max(1, min(64, len(calls) // (opts.workers * 4)))
        chunks = _chunks(calls, size)
        futures = client.map(_run_chunk, [fn] * len(chunks), chunks, pure=False)
        sizes = {f.key: len(c) for f, c in zip(futures, chunks)}
        for f in as_completed(futures):
            progress.update(sizes[f.key])
        out = []
        for f in futures:   # in submission order, so the first failing article is the one reported
            out += f.result()
        return out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def cached_map(fn: Callable, calls: Sequence[tuple], keys: Sequence[str], cache: Cache,
               opts: Options, label: str, prepare: Callable | None = None) -> list[str]:
    """Like map_articles for a core that returns a JSON string: calls whose key is in
    the cache are not run again. `prepare` runs here first when anything is left to
    run, so local workers (forked from this process) share what it loads."""
    values: list[str | None] = [cache.get(k) if opts.cache else None for k in keys]
    todo = [i for i, v in enumerate(values) if v is None]
    if todo and prepare is not None:
        prepare()
    for i, v in zip(todo, map_articles(fn, [calls[i] for i in todo], opts, label)):
        values[i] = v
        cache.put(keys[i], v)
    return values  # type: ignore[return-value]
