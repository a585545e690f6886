"""Benchmark of video frame extraction: a 10-minute 1080p clip at 1 fps, against PyAV alone.

Run: ``.venv-test/bin/python bench/bench_video.py [--runs N] [--cache DIR]``

The clips are made by PyAV on first use and kept in ``DIR`` (default: the temp folder's
``qwenvl-bench-video-v1``) for the next runs; making them is not timed. They are 1920×1080 at
30 fps, H.264 (x264 ``ultrafast``, CRF 23, a keyframe every second as phone cameras write them),
a grainy background panning under moving shapes — about 9 Mbit/s, what a phone records — 1 and
10 minutes long.

For each clip, in the same run, each measurement in a fresh child process (so that peak memory
is its own; ``VmHWM`` growth over the size after imports, as PyAV's buffers are outside Python's
allocator):

- ours: :func:`prepare_video` for qwen3-vl-plus at 1 fps (10 min: 512 frames, the family's
  limit, 1.17 s apart), from opening the file to the JPEG frames ready to send;
- PyAV alone, decoding the same frames without converting or encoding them, in one thread:
  the frames ours sent (their times, which for frames a second or more apart may be a
  keyframe's near the planned time), seeking to each; and, for reference, the exact planned
  times, seeking to each or decoding the clip once in order. The ratio is against the fastest
  way to the frames ours sent.

Runs are interleaved; the medians are reported. Human-readable lines first; the last line is one
JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODEL = "qwen3-vl-plus"
FPS = 1.0
WIDTH, HEIGHT, RATE = 1920, 1080, 30
CLIPS = {"1min": 60, "10min": 600}


# ---- the clips -------------------------------------------------------------------------------


def make_clip(path: Path, seconds: int) -> None:
    """Encode the clip (not timed): a pool of frames cycled forth and back, encoded by x264."""
    import av
    from PIL import Image, ImageChops, ImageDraw

    pan = 400
    grain = Image.merge("RGB", [Image.effect_noise((WIDTH + pan, HEIGHT), 24)] * 3)
    gradient = Image.linear_gradient("L").resize((WIDTH + pan, HEIGHT)).convert("RGB")
    background = ImageChops.add(gradient, grain, scale=1.5)
    pool = []
    steps = 150
    for i in range(steps):
        image = background.crop((i * 2, 0, i * 2 + WIDTH, HEIGHT))
        draw = ImageDraw.Draw(image)
        x, y = (i * 23) % (WIDTH - 300), (i * 11) % (HEIGHT - 300)
        draw.ellipse((x, y, x + 300, y + 300), fill=(255, 200, 0))
        draw.rectangle(
            (WIDTH - x - 200, HEIGHT - y - 150, WIDTH - x, HEIGHT - y), fill=(30, 90, 220)
        )
        pool.append(av.VideoFrame.from_image(image).reformat(format="yuv420p"))
    partial = path.with_suffix(".part.mp4")
    with av.open(str(partial), "w") as out:
        stream = out.add_stream("libx264", rate=RATE)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.gop_size = RATE
        stream.options = {"preset": "ultrafast", "crf": "23"}
        for index in range(seconds * RATE):
            k = index % (2 * steps)
            frame = pool[k if k < steps else 2 * steps - 1 - k]
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    partial.rename(path)


def clips(cache: Path) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, seconds in CLIPS.items():
        path = cache / f"{name}-1080p30.mp4"
        if not path.exists():
            started = time.perf_counter()
            print(f"making the {name} clip (once; kept in {cache})…", flush=True)
            make_clip(path, seconds)
            print(f"  {time.perf_counter() - started:.0f} s, {path.stat().st_size / 2**20:.0f} MiB")
        out[name] = path
    return out


# ---- one measurement, in a child process -----------------------------------------------------


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _plan_times(path: Path) -> tuple[float, ...]:
    from qwenvl_desktop.core.protocol.catalog import load_catalog
    from qwenvl_desktop.core.video.prepare import probe_and_plan

    return probe_and_plan(path, model=load_catalog().model(MODEL), fps=FPS).plan.timestamps


def _ours(path: Path) -> dict[str, Any]:
    from qwenvl_desktop.core.protocol.catalog import load_catalog
    from qwenvl_desktop.core.video import prepare_video

    video = prepare_video(path, model=load_catalog().model(MODEL), fps=FPS)
    return {
        "frames": video.frame_count,
        "fps_field": video.fps,
        "sent_size": list(video.sent_size or ()),
        "upload_mib": round(video.upload_bytes / 2**20, 2),
        "notes": list(video.notes),
        "timestamps": list(video.timestamps),
    }


def _pyav_seek(path: Path, times: tuple[float, ...]) -> dict[str, Any]:
    """PyAV alone, the textbook way: seek to each time, decode forward to it."""
    import av

    decoded = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        half = 0.5 / float(stream.average_rate or 30)
        for t in times:
            container.seek(int(t / stream.time_base), stream=stream, backward=True)
            for frame in container.decode(stream):
                decoded += 1
                if frame.time is not None and frame.time + half >= t:
                    break
    return {"frames": len(times), "decoded": decoded}


def _pyav_sequential(path: Path, times: tuple[float, ...]) -> dict[str, Any]:
    """PyAV alone, the other way: decode the clip once, keep the frames at the times."""
    import av

    decoded = taken = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        half = 0.5 / float(stream.average_rate or 30)
        for frame in container.decode(stream):
            decoded += 1
            if frame.time is not None and frame.time + half >= times[taken]:
                taken += 1
                if taken == len(times):
                    break
    return {"frames": taken, "decoded": decoded}


def child(mode: str, path: Path, times_file: Path | None) -> None:
    import av  # noqa: F401  (imports before the baseline size: only the work's memory counts)
    from PIL import Image  # noqa: F401

    import qwenvl_desktop.core.video.frames  # noqa: F401

    if mode == "pyav_same":
        assert times_file is not None
        times = tuple(json.loads(times_file.read_text()))
    else:
        times = _plan_times(path) if mode != "ours" else ()
    before = _status_kib("VmRSS")
    started = time.perf_counter()
    if mode == "ours":
        result = _ours(path)
    elif mode in ("pyav_seek", "pyav_same"):
        result = _pyav_seek(path, times)
    else:
        result = _pyav_sequential(path, times)
    seconds = time.perf_counter() - started
    result |= {"seconds": seconds, "peak_mb": (_status_kib("VmHWM") - before) / 1024}
    print(json.dumps(result))


def run_child(mode: str, path: Path, times_file: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), str(times_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


# ---- the run ---------------------------------------------------------------------------------


def measure(path: Path, runs: int, times_file: Path) -> dict[str, Any]:
    modes = ("ours", "pyav_same", "pyav_seek", "pyav_sequential")
    samples: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    for _ in range(runs):
        for mode in modes:  # interleaved: load on the machine hits all alike
            samples[mode].append(run_child(mode, path, times_file))
            if mode == "ours":  # the frames it sent, for "pyav_same"
                times_file.write_text(json.dumps(samples[mode][-1]["timestamps"]))

    def median(mode: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[mode])

    ours = samples["ours"][0]
    best = median("pyav_same", "seconds")
    return {
        "seconds": round(median("ours", "seconds"), 2),
        "peak_mb": round(median("ours", "peak_mb"), 1),
        "pyav_same_frames_seconds": round(best, 2),
        "pyav_same_frames_decoded": samples["pyav_same"][0]["decoded"],
        "pyav_seek_seconds": round(median("pyav_seek", "seconds"), 2),
        "pyav_seek_decoded": samples["pyav_seek"][0]["decoded"],
        "pyav_sequential_seconds": round(median("pyav_sequential", "seconds"), 2),
        "pyav_sequential_decoded": samples["pyav_sequential"][0]["decoded"],
        "pyav_peak_mb": round(median("pyav_same", "peak_mb"), 1),
        "time_ratio": round(median("ours", "seconds") / best, 2),
        "frames": ours["frames"],
        "fps_field": ours["fps_field"],
        "sent_size": ours["sent_size"],
        "upload_mib": ours["upload_mib"],
        "notes": ours["notes"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "qwenvl-bench-video-v1"
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("MODE", "PATH", "TIMES"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    results: dict[str, Any] = {
        "model": MODEL,
        "fps": FPS,
        "runs": args.runs,
        "cpus": os.cpu_count(),
    }
    times_file = args.cache / "frames-sent.json"
    for name, path in clips(args.cache).items():
        r = measure(path, args.runs, times_file)
        results[name] = r
        print(f"{name} 1080p30 → {r['frames']} frames of {r['sent_size'][0]}×{r['sent_size'][1]},")
        print(f"  fps field {r['fps_field']}, {r['upload_mib']} MiB of data URIs")
        print(
            f"  ours {r['seconds']:6.2f} s, peak +{r['peak_mb']:.0f} MB | PyAV alone, the frames "
            f"sent: {r['pyav_same_frames_seconds']:.2f} s ({r['pyav_same_frames_decoded']} frames "
            f"decoded), peak +{r['pyav_peak_mb']:.0f} MB | ratio {r['time_ratio']:.2f}"
        )
        print(
            f"  PyAV alone, the exact planned times: seeking {r['pyav_seek_seconds']:.2f} s "
            f"({r['pyav_seek_decoded']} decoded), in order {r['pyav_sequential_seconds']:.2f} s "
            f"({r['pyav_sequential_decoded']})"
        )
    short, long = results["1min"], results["10min"]
    results["memory_ratio_10min_vs_1min"] = round(long["peak_mb"] / short["peak_mb"], 2)
    results["ten_minutes_under_10s"] = long["seconds"] < 10
    print(
        f"peak memory 10 min vs 1 min: {long['peak_mb']:.0f} / {short['peak_mb']:.0f} MB = "
        f"{results['memory_ratio_10min_vs_1min']:.2f}"
    )
    print(json.dumps(results, separators=(",", ":")))


if __name__ == "__main__":
    main()
