"""Benchmark of drawing an answer's boxes: 200 labelled boxes on a 24 MP photo, against a copy.

Run: ``.venv-test/bin/python bench/bench_grounding.py [--runs N]``

The photo (6000×4000, the test corpus's noise over gradients) and a Qwen3-VL answer with 200
boxes of 20 labels and 20 points are generated here. Measured in the same run, runs interleaved:

- draw: :func:`draw_annotations` on the photo (which copies it, draws outlines, label tabs and
  labels), the median of N runs after one warm-up; the warm-up itself (fonts loaded, labels
  rendered for the first time) is reported as ``first_draw_ms``;
- baseline: a plain Pillow ``image.copy()`` of the same photo — the least any drawing that keeps
  the original must cost;
- find: :func:`find_annotations` on the answer's text (parse and map to pixels), median of N.

The aim is draw < 100 ms. Human-readable lines first; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qwenvl_desktop.core.grounding import (  # noqa: E402
    ImageFrame,
    draw_annotations,
    find_annotations,
)
from qwenvl_desktop.core.protocol.catalog import load_catalog  # noqa: E402
from tests.core.images.corpus import photo  # noqa: E402

MODEL = "qwen3-vl-plus"
SIZE = (6000, 4000)
BOXES = 200
POINTS = 20
LABELS = 20
AIM_MS = 100.0


def grounding_answer(seed: int = 7) -> str:
    """A fenced JSON answer on the 0–1000 grid, as Qwen3-VL writes it."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for i in range(BOXES):
        x, y = rng.randint(0, 900), rng.randint(0, 900)
        w, h = rng.randint(10, 100), rng.randint(10, 100)
        items.append({"bbox_2d": [x, y, x + w, y + h], "label": f"object {i % LABELS}"})
    for i in range(POINTS):
        items.append({"point_2d": [rng.randint(0, 1000), rng.randint(0, 1000)], "label": f"p{i}"})
    return "```json\n" + json.dumps(items, indent=2) + "\n```"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    image = photo(SIZE)
    answer = grounding_answer()
    model = load_catalog().model(MODEL)
    frames = [ImageFrame(SIZE, (1376, 928))]

    annotations = find_annotations(answer, frames, model)
    assert len(annotations.boxes) == BOXES and len(annotations.points) == POINTS

    start = time.perf_counter()
    draw_annotations(image, annotations)
    first_draw = time.perf_counter() - start
    image.copy()  # the baseline's warm-up

    draw_times: list[float] = []
    copy_times: list[float] = []
    find_times: list[float] = []
    for _ in range(args.runs):
        start = time.perf_counter()
        drawn = draw_annotations(image, annotations)
        draw_times.append(time.perf_counter() - start)
        del drawn
        start = time.perf_counter()
        copied = image.copy()
        copy_times.append(time.perf_counter() - start)
        del copied
        start = time.perf_counter()
        find_annotations(answer, frames, model)
        find_times.append(time.perf_counter() - start)

    draw_ms = statistics.median(draw_times) * 1000
    copy_ms = statistics.median(copy_times) * 1000
    find_ms = statistics.median(find_times) * 1000
    results = {
        "model": MODEL,
        "image": f"{SIZE[0]}x{SIZE[1]}",
        "boxes": BOXES,
        "points": POINTS,
        "labels": LABELS + POINTS,
        "runs": args.runs,
        "draw_ms": round(draw_ms, 1),
        "draw_max_ms": round(max(draw_times) * 1000, 1),
        "first_draw_ms": round(first_draw * 1000, 1),
        "baseline_copy_ms": round(copy_ms, 1),
        "draw_ratio": round(draw_ms / copy_ms, 2),
        "find_ms": round(find_ms, 2),
        "answer_chars": len(answer),
        "aim_ms": AIM_MS,
        "aim_met": draw_ms < AIM_MS,
    }
    print(f"{BOXES} boxes + {POINTS} points on a {SIZE[0]}×{SIZE[1]} photo, median of {args.runs}:")
    print(
        f"  draw  {draw_ms:7.1f} ms (max {results['draw_max_ms']} ms, "
        f"first {results['first_draw_ms']} ms)"
        f"  vs Pillow copy {copy_ms:6.1f} ms  ratio {results['draw_ratio']:.2f}"
        f"  aim < {AIM_MS:.0f} ms: {'met' if results['aim_met'] else 'NOT met'}"
    )
    print(f"  find  {find_ms:7.2f} ms for a {len(answer):,}-character answer")
    print(json.dumps(results, separators=(",", ":")))


if __name__ == "__main__":
    main()
