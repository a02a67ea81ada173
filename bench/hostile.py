"""Hostile text: how extraction time grows with input size for adversarial shapes.
Prints seconds per shape at 1x, 2x and 4x and the ratio 4x/1x (linear ≈ 4, quadratic
≈ 16). A measurement, not a test: `python bench/hostile.py`."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import extract, segments  # noqa: E402
from pipeline.config import params  # noqa: E402

SHAPES = {
    "quote marks": lambda n: "“" * (20 * n),
    "mixed marks": lambda n: "”‘’«»„\"'" * (3 * n),
    "one long line": lambda n: "The firm said £5m was lost on Monday, up 12% on last week. " * (n // 3),
    "long number": lambda n: "It cost £" + "9" * (2 * n) + ".",
    "currency symbols": lambda n: "£$€" * (6 * n) + "5",
    "open quotes per paragraph": lambda n: "“Unclosed quote, said Jane Smith.\n\n" * (n // 2),
    "repeated names": lambda n: "Acme Group Ltd of the Bank of " * (n // 2),
    "repeated dates": lambda n: "On Monday, 6 October until at least " * (n // 2),
    "dates and triggers in one sentence": lambda n: "The attack on Monday and the outage on 3 May and " * (n // 3) + ".",
}


def seconds(text: str) -> float:
    p = params()
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        extract.extract_article("x", text, "2025-01-15", segments.classify(text, p["ingest"]["heading_max_words"]),
                                p["extract"])
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    base = 5_000
    print(f"{'shape':28} {'chars@1x':>9} {'1x s':>7} {'2x s':>7} {'4x s':>7} {'4x/1x':>6}")
    for name, make in SHAPES.items():
        times = [seconds(make(base * k)) for k in (1, 2, 4)]
        print(f"{name:28} {len(make(base)):>9} {times[0]:7.3f} {times[1]:7.3f} {times[2]:7.3f} "
              f"{times[2] / max(times[0], 1e-9):6.1f}")


if __name__ == "__main__":
    main()
