"""Benchmark of the image pipeline against plain Pillow, on a 24 MP photo and a 4K screenshot.

Run: ``.venv-test/bin/python bench/bench_images.py [--runs N]``

Both inputs are generated in a temporary folder (the test corpus's generators: noise over
gradients for the photo, panels and text for the screenshot) and prepared for qwen3-vl-plus at
standard detail. For each input it measures, in the same run:

- time: the median of N runs of :func:`prepare_attachment`, against a plain Pillow baseline that
  opens the file, resizes it to the same sent size and saves it in the original format with
  Pillow's defaults (runs interleaved, after one warm-up of each);
- peak memory: the growth of the peak resident set size (``VmHWM``) of a fresh child process
  doing one preparation, over its size after imports — Pillow allocates pixels outside Python's
  allocator, so tracemalloc would not see them; the median of three children;
- upload bytes: the data URI sent, against naive base64 of the original file as a data URI.

Human-readable lines first; the last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from qwenvl_desktop.core.images import Detail, prepare_attachment  # noqa: E402
from qwenvl_desktop.core.protocol.catalog import load_catalog  # noqa: E402
from tests.core.images.corpus import photo, screenshot  # noqa: E402

MODEL = "qwen3-vl-plus"
DETAIL: Detail = "standard"
MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}


def make_inputs(folder: Path) -> dict[str, Path]:
    """A 6000×4000 camera-like JPEG and a 3840×2160 screenshot PNG."""
    photo_path = folder / "photo_24mp.jpg"
    photo((6000, 4000)).save(photo_path, quality=90)
    shot_path = folder / "screenshot_4k.png"
    screenshot((3840, 2160)).save(shot_path)
    return {"photo_24mp": photo_path, "screenshot_4k": shot_path}


def pipeline(path: Path) -> tuple[tuple[int, int], int, str]:
    attachment = prepare_attachment(path, model=load_catalog().model(MODEL), detail=DETAIL)
    assert attachment.sent_size is not None and attachment.mime is not None
    return attachment.sent_size, attachment.upload_bytes, attachment.mime


def baseline(path: Path, size: tuple[int, int]) -> int:
    """Plain Pillow: open, resize to the same size, save in the original format (defaults)."""
    with Image.open(path) as im:
        fmt = im.format
        resized = im.resize(size)
    buffer = io.BytesIO()
    resized.save(buffer, fmt)
    return len(buffer.getvalue())


def median_ms(work: Callable[[], object], runs: int, others: list[Callable[[], object]]) -> float:
    """Median wall time of ``work``; ``others`` run between its runs so neither gets warm caches."""
    times = []
    for _ in range(runs):
        for other in others:
            other()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


# -- peak memory in a child process ---------------------------------------------------------------


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def child(mode: str, path: Path, width: int, height: int) -> None:
    """One preparation in this fresh process; prints the peak RSS growth in KiB."""
    load_catalog()
    Image.init()
    before = _status_kib("VmRSS")
    if mode == "pipeline":
        pipeline(path)
    else:
        baseline(path, (width, height))
    print(_status_kib("VmHWM") - before)


def peak_mb(mode: str, path: Path, size: tuple[int, int]) -> float:
    if not Path("/proc/self/status").exists():
        return float("nan")  # VmHWM is Linux-only
    samples = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(path), str(size[0]), str(size[1])],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        samples.append(int(out.split()[-1]) / 1024)
    return statistics.median(samples)


# -- main -----------------------------------------------------------------------------------------


def measure(name: str, path: Path, runs: int) -> dict[str, Any]:
    sent_size, upload, mime = pipeline(path)  # warm-up, and the size the baseline must match
    baseline(path, sent_size)
    ours = median_ms(lambda: pipeline(path), runs, [lambda: baseline(path, sent_size)])
    plain = median_ms(lambda: baseline(path, sent_size), runs, [lambda: pipeline(path)])
    ours_mb = peak_mb("pipeline", path, sent_size)
    plain_mb = peak_mb("baseline", path, sent_size)
    with Image.open(path) as im:
        original_size, original_format = im.size, str(im.format)
    file_bytes = path.stat().st_size
    naive = len(f"data:{MIME[original_format]};base64,") + len(base64.b64encode(path.read_bytes()))
    return {
        "input": f"{original_size[0]}x{original_size[1]} {original_format}",
        "file_bytes": file_bytes,
        "sent_size": list(sent_size),
        "sent_mime": mime,
        "time_ms": round(ours, 1),
        "baseline_time_ms": round(plain, 1),
        "time_ratio": round(ours / plain, 3),
        "peak_mb": round(ours_mb, 1),
        "baseline_peak_mb": round(plain_mb, 1),
        "memory_ratio": round(ours_mb / plain_mb, 3) if plain_mb else None,
        "upload_bytes": upload,
        "naive_base64_bytes": naive,
        "upload_ratio": round(upload / naive, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per variant (median)")
    parser.add_argument(
        "--child", nargs=4, metavar=("MODE", "PATH", "W", "H"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        mode, path, width, height = args.child
        child(mode, Path(path), int(width), int(height))
        return

    results: dict[str, Any] = {"model": MODEL, "detail": DETAIL, "runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="bench-images-") as folder:
        inputs = make_inputs(Path(folder))
        for name, path in inputs.items():
            r = measure(name, path, args.runs)
            results[name] = r
            print(
                f"{name}: {r['input']} ({r['file_bytes'] / 2**20:.1f} MiB) → "
                f"{r['sent_size'][0]}×{r['sent_size'][1]} {r['sent_mime']}"
            )
            print(
                f"  time   {r['time_ms']:8.1f} ms  vs plain Pillow {r['baseline_time_ms']:8.1f} ms"
                f"  ratio {r['time_ratio']:.2f}"
            )
            print(
                f"  memory {r['peak_mb']:8.1f} MB  vs plain Pillow {r['baseline_peak_mb']:8.1f} MB"
                f"  ratio {r['memory_ratio']:.2f}"
            )
            print(
                f"  upload {r['upload_bytes']:>10,} B vs naive base64 "
                f"{r['naive_base64_bytes']:>12,} B  ratio {r['upload_ratio']:.3f}"
            )
    print(json.dumps(results, separators=(",", ":")))


if __name__ == "__main__":
    main()
