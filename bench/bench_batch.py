"""Benchmark: ``qwenvl-desktop batch`` on 200 images against a server that throttles 10 % of them.

Run from the repository root (no display needed)::

    .venv/bin/python bench/bench_batch.py [--images N] [--small N] [--concurrency N]
                                          [--latency-ms MS] [--every N] [--size WxH]

The loopback DashScope server runs in a subprocess (like a real server, its work does not share
this process's GIL) with its ``throttled-<every>-<ms>`` scenario: every 10th request is answered
429 ``Throttling.RateQuota`` with ``Retry-After: 0`` at once, the others the echo answer after
50 ms. The images are generated JPEGs (different content each; 160×120 unless ``--size``),
written to a temporary folder. Each run is the real command — ``main(["batch", PROMPT, FOLDER,
"--output", …])`` — in a fresh child process, which reports its own figures:

* ``wall_s`` — the command's time, from parsing the arguments to the last row written (the
  imports every run pays once, whatever its size, are ``startup_s``, apart);
* ``median_request_ms`` — what one request takes, from its slot to its answer (the median of the
  rows' ``seconds``): the server's 50 ms plus both sides' own work on this machine;
* ``ideal_s`` — perfect scheduling: the answered requests × that latency ÷ the concurrency, plus
  the retry waits the server asked for (``Retry-After: 0``, so none);
* ``ratio`` — ``wall_s / ideal_s`` (the goal: at most 1.2). Each 429 halves the requests in
  flight and successes grow the width back: that, and preparing the next images, is what the
  ratio above 1 is. ``ratio_to_nominal_latency`` is the same against the bare 50 ms;
* ``throttled`` — how many 429 answers the server gave;
* ``peak_rss_mb`` for ``--small`` (50) and for all the images, and their difference: the images
  are prepared a few at a time and dropped after their request, so the peak should not grow
  with the number of inputs.

Human-readable lines first; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY = "sk-bench0123456789abcdef"
PROMPT = "What is in this picture?"
#: small photos: their preparation (~2 ms) must not be what is measured (``--size`` to change)
SIZE = (160, 120)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.support.dashscope_server", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert server.stdout is not None
    server.stdout.readline()  # "serving on …" once it listens
    return server


def make_images(folder: Path, count: int, size: tuple[int, int] = SIZE) -> None:
    """``count`` different JPEGs: shapes on a gradient, so each encodes differently."""
    from PIL import Image, ImageDraw

    rng = random.Random(15)
    for number in range(count):
        image = Image.linear_gradient("L").resize(size).convert("RGB")
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            draw.ellipse((x, y, x + rng.randrange(8, 60), y + rng.randrange(8, 60)), colour)
        image.save(folder / f"photo-{number:04d}.jpg", quality=85)


def run_child(folder: Path, base_url: str, concurrency: int) -> dict[str, float]:
    """One batch in a fresh process: its wall time and peak RSS."""
    with tempfile.TemporaryDirectory() as out:
        output = Path(out) / "results.jsonl"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
        env |= {"DASHSCOPE_API_KEY": KEY, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(folder),
                base_url,
                str(output),
                str(concurrency),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=600,
        )
        if done.returncode != 0:
            raise SystemExit(f"the batch failed ({done.returncode}):\n{done.stderr}")
        figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
        rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        figures["rows"] = len(rows)
        figures["failed_rows"] = sum(1 for row in rows if row["error"])
        # A row's seconds: from its slot to its answer, 429 and retry included.
        figures["median_request_s"] = statistics.median(row["seconds"] for row in rows)
        return figures


def child(folder: str, base_url: str, output: str, concurrency: str) -> None:
    started = time.perf_counter()
    # What every run loads once, whatever its size: measured apart from the batch itself.
    import httpx  # noqa: F401
    import tqdm  # noqa: F401

    from qwenvl_desktop.cli.main import main
    from qwenvl_desktop.core.batch import runner  # noqa: F401
    from qwenvl_desktop.core.images import attachment  # noqa: F401

    startup = time.perf_counter() - started
    started = time.perf_counter()
    arguments = ["batch", PROMPT, folder, "--output", output, "--base-url", base_url]
    status = main([*arguments, "--concurrency", concurrency])
    wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak_kb / 1024
    print(json.dumps({"status": status, "wall_s": wall, "startup_s": startup, "peak_rss_mb": peak}))
    sys.exit(0 if status == 0 else status)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--small", type=int, default=50, help="the smaller run, for the RSS")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--every", type=int, default=10, help="every Nth request answered 429")
    parser.add_argument("--size", default="160x120", help="the images' width x height")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    port = free_port()
    server = start_server(port)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            small, large = Path(tmp, "small"), Path(tmp, "large")
            for folder, count in ((small, args.small), (large, args.images)):
                folder.mkdir()
                width, height = (int(side) for side in args.size.split("x"))
                make_images(folder, count, (width, height))
            # A scenario name per run: the server counts requests (and 429s) per name.
            url = f"http://127.0.0.1:{port}/throttled-{args.every}-{args.latency_ms}-{{}}"
            url += "/compatible-mode/v1"
            small_run = run_child(small, url.format("small"), args.concurrency)
            large_run = run_child(large, url.format("large"), args.concurrency)
    finally:
        server.terminate()
        server.wait(10)
    report(args, small_run, large_run)


def throttled_count(answered: int, every: int) -> int:
    """How many 429s the server gives while ``answered`` requests get through."""
    requests = answered
    while every and requests - requests // every < answered:
        requests += 1
    return requests // every if every else 0


def report(
    args: argparse.Namespace, small_run: dict[str, float], large_run: dict[str, float]
) -> None:
    answered = args.images
    latency = large_run["median_request_s"]
    throttled = throttled_count(answered, args.every)
    ideal = answered * latency / args.concurrency  # + the retry waits: Retry-After 0
    ratio = large_run["wall_s"] / ideal if ideal else float("inf")
    rss_growth = large_run["peak_rss_mb"] - small_run["peak_rss_mb"]
    print(f"{args.images} images, concurrency {args.concurrency}, latency {args.latency_ms} ms,")
    print(f"  every {args.every}th request answered 429 ({throttled} of them)")
    print(f"  a request takes {latency * 1000:.1f} ms (median: the server's delay + both sides)")
    print(f"  wall {large_run['wall_s']:.2f} s vs ideal {ideal:.2f} s: ratio {ratio:.2f}")
    print(
        f"  peak RSS {small_run['peak_rss_mb']:.1f} MB for {args.small} images, "
        f"{large_run['peak_rss_mb']:.1f} MB for {args.images} ({rss_growth:+.1f} MB)"
    )
    result = {
        "images": args.images,
        "concurrency": args.concurrency,
        "latency_ms": args.latency_ms,
        "throttle_every": args.every,
        "throttled": throttled,
        "median_request_ms": round(latency * 1000, 1),
        "ratio_to_nominal_latency": round(
            large_run["wall_s"] / (answered * args.latency_ms / 1000 / args.concurrency), 3
        ),
        "startup_s": round(large_run["startup_s"], 3),
        "wall_s": round(large_run["wall_s"], 3),
        "ideal_s": round(ideal, 3),
        "ratio": round(ratio, 3),
        "rows": int(large_run["rows"]),
        "failed_rows": int(large_run["failed_rows"]),
        "peak_rss_mb_small": round(small_run["peak_rss_mb"], 1),
        "peak_rss_mb": round(large_run["peak_rss_mb"], 1),
        "rss_growth_mb": round(rss_growth, 1),
        "small": args.small,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
