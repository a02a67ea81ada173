"""Command line: `python -m pipeline STAGE` runs one DVC stage on the repository;
`python -m pipeline build RAW_DIR OUT_DIR` runs every stage on any raw folder."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import Layout
from .errors import InputError, ValidationFailed
from .runner import Options

STAGES = ("ingest", "extract", "consolidate", "validate", "publish", "evaluate")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    run_opts = argparse.ArgumentParser(add_help=False)
    run_opts.add_argument("--jobs", type=int, default=None,
                          help="worker processes for per-article work (default: every core)")
    run_opts.add_argument("--scheduler", default=None,
                          help="'dask' for a local Dask cluster, or dask://HOST:PORT for a running one")
    run_opts.add_argument("--quiet", action="store_true", help="no progress output")
    run_opts.add_argument("--no-cache", dest="cache", action="store_false",
                          help="redo every article, ignoring results kept from earlier runs")
    sub = ap.add_subparsers(dest="command", required=True)
    for s in STAGES:
        sub.add_parser(s, parents=[run_opts], help=f"run the {s} stage on raw/ → data/")
    b = sub.add_parser("build", parents=[run_opts], help="run every stage on RAW_DIR, writing to OUT_DIR")
    b.add_argument("raw_dir", type=Path)
    b.add_argument("out_dir", type=Path)
    sub.add_parser("dictionary", help="print the data dictionary (markdown)")
    args = ap.parse_args(argv)
    try:
        opts = Options(getattr(args, "jobs", None), getattr(args, "scheduler", None),
                       getattr(args, "quiet", False), getattr(args, "cache", True))
    except ValueError as e:
        ap.error(str(e))
    try:
        if args.command == "build":
            from .build import build
            raw, out = args.raw_dir.resolve(), args.out_dir.resolve()
            if out == raw or out.is_relative_to(raw / "articles"):
                raise InputError(args.out_dir, "the output folder is the raw folder (or inside its "
                                 "articles): the build would overwrite its own input",
                                 "give another OUT_DIR")
            build(Layout.build(args.raw_dir, args.out_dir), opts=opts)
        elif args.command == "dictionary":
            from .schema import data_dictionary
            print(data_dictionary(), end="")
        else:
            from importlib import import_module
            import_module(f"pipeline.{args.command}").run(Layout.repo(), opts)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except ValidationFailed as e:
        print(f"validation failed:\n{e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
