"""Benchmark: opening a 1,000-turn conversation with 100 images in the real window.

Run (offscreen by default, no display needed)::

    .venv/bin/python bench/bench_open_conversation.py [--runs N] [--profile FILE]

It builds, in a temporary folder, the history of ``bench/bench_history.py`` (one conversation of
1,000 turns with 100 JPEG images of 50–200 KB, and 450 conversations of 20 turns), then starts
the real window (``create_main_window``, shown at 1280×900, the history in that folder) and
measures:

- **open**: from the call that opens the conversation (what a click on its sidebar row runs,
  :meth:`MainWindow.open_history_conversation`) until the transcript is laid out to its end,
  scrolled to the end and painted (queued renders drained, the whole layout finished, a
  synchronous repaint of the viewport; the script checks the last block is in view); the median
  of N runs, each after switching to a new, empty conversation. The window builds the latest
  turns and keeps the earlier ones' text hidden until asked (``gui/transcript/stored_turns.py``);
- **every earlier turn**: then scrolling to the top until all 1,000 turns are built (each step
  builds as many again as are shown), the time of all the steps together;
- **baseline**: the store's own load of the same conversation in the same process
  (``HistorySync.load``: the rows and image BLOBs into the model), the median of N runs; the
  figure of interest is ``open_s`` and the ratio ``open_ratio = open_s / baseline_s`` (how much
  the window adds to reading the file);
- **first open**: the first open in the process (imports, caches, the first thumbnails);
- **RSS**: the process's resident memory (``/proc/self/status``: VmRSS after the opens, and
  VmHWM, the peak, reset through ``/proc/self/clear_refs`` just before the first open so building
  the history does not count).

Human-readable lines first; the last line is one JSON object. Aims (issue 11): open < 0.5 s,
RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

AIM_OPEN_S = 0.5
AIM_RSS_MB = 300.0


def proc_status_mb(field: str) -> float:
    """A ``/proc/self/status`` memory line (``VmRSS``, ``VmHWM``) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0); whether it worked."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def isolate(folder: Path) -> None:
    """Settings, history and keyring of this run only."""
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        target = folder / name.lower()
        target.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(target)
    config = folder / "config.toml"
    config.write_text("", encoding="utf-8")
    os.environ["QWENVL_DESKTOP_CONFIG"] = str(config)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ["DASHSCOPE_API_KEY"] = "sk-bench0123456789abcdef"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def measure(long_id: str, runs: int, profile: Path | None) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from qwenvl_desktop.app import create_main_window
    from qwenvl_desktop.gui.transcript.stored_turns import SHOWN_TURNS

    window = create_main_window([])
    window.resize(1280, 900)
    window.show()
    loop = asyncio.get_running_loop()

    async def until(predicate: Any) -> None:
        deadline = loop.time() + 30.0
        while not predicate():
            if loop.time() > deadline:
                raise TimeoutError("the window did not get there in time")
            await asyncio.sleep(0.01)

    await until(lambda: window.controller.history.is_open)
    await asyncio.sleep(0.2)
    view = window.transcript
    sync = window.controller.history

    def open_once() -> float:
        """Open the conversation; seconds until it is shown, laid out and scrolled to the end."""
        app = QApplication.instance()
        assert app is not None
        start = time.perf_counter()
        assert window.open_history_conversation(long_id)
        # Qt lays a long document out in steps on later event-loop turns; the end can only be
        # reached once all of it is laid out: documentSize() finishes the layout now.
        view._drain_renders()
        layout = view.document().documentLayout()
        layout.documentSize()
        app.processEvents()
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        view.viewport().repaint()
        elapsed = time.perf_counter() - start
        last = layout.blockBoundingRect(view.document().lastBlock())
        assert bar.maximum() > 0 and bar.value() == bar.maximum()
        assert last.bottom() - bar.value() <= view.viewport().height() + 1, "not at the end"
        return elapsed

    def reset() -> None:
        window.new_conversation()
        QApplication.processEvents()
        gc.collect()

    reset_ok = reset_peak_rss()
    rss_before = proc_status_mb("VmRSS")
    profiler = cProfile.Profile() if profile else None
    if profiler is not None:
        profiler.enable()
    first_s = open_once()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    text = view.toPlainText()
    turns = len(window.controller.conversation.exchanges)
    images = sum(len(e.attachments) for e in window.controller.conversation.exchanges)
    rss_open = proc_status_mb("VmRSS")
    opens: list[float] = []
    loads: list[float] = []
    for _ in range(runs):
        reset()
        opens.append(open_once())
        reset()
        start = time.perf_counter()
        loaded = sync.load(long_id)
        loads.append(time.perf_counter() - start)
        del loaded
    open_s, load_s = statistics.median(opens), statistics.median(loads)
    # Scrolling to the top until every turn is built: each step builds as many again.
    reset()
    open_once()
    steps = 0
    start = time.perf_counter()
    while view.show_earlier():
        steps += 1
        QApplication.processEvents()
    all_turns_s = time.perf_counter() - start
    assert "Show" not in view.toPlainText()[:200]
    rss_all = proc_status_mb("VmRSS")
    figures = {
        "turns": turns,
        "images": images,
        "transcript_chars": len(text),
        "runs": runs,
        "first_open_s": round(first_s, 4),
        "open_s": round(open_s, 4),
        "open_max_s": round(max(opens), 4),
        "baseline_store_load_s": round(load_s, 4),
        "open_ratio": round(open_s / load_s, 2),
        "shown_turns_at_open": SHOWN_TURNS,
        "show_all_earlier_s": round(all_turns_s, 3),
        "show_all_earlier_steps": steps,
        "rss_all_turns_built_mb": round(rss_all, 1),
        "rss_before_mb": round(rss_before, 1),
        "rss_after_open_mb": round(rss_open, 1),
        "rss_after_runs_mb": round(proc_status_mb("VmRSS"), 1),
        "peak_rss_mb": round(proc_status_mb("VmHWM"), 1) if reset_ok else None,
    }
    window.close()
    await window.aclose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed opens (median)")
    parser.add_argument("--profile", type=Path, help="cProfile the first open into this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-open-") as tmp:
        folder = Path(tmp)
        isolate(folder)
        import bench_history

        from qwenvl_desktop.core.history.database import default_path

        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        long_id, image_bytes = bench_history.build(path, random.Random(20250101))
        print(
            f"built {bench_history.TOTAL_TURNS:,} turns ({bench_history.LONG_IMAGES} images,"
            f" {image_bytes / 2**20:.1f} MB) in {time.perf_counter() - started:.1f} s"
        )
        gc.collect()
        from qwenvl_desktop.services.event_loop import create_application

        _app, loop = create_application()
        try:
            figures = loop.run_until_complete(measure(long_id, args.runs, args.profile))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    figures["aim_open_s"] = AIM_OPEN_S
    figures["aim_rss_mb"] = AIM_RSS_MB
    peak = figures["peak_rss_mb"] or figures["rss_after_runs_mb"]
    figures["meets_aims"] = figures["open_s"] < AIM_OPEN_S and peak < AIM_RSS_MB
    print(
        f"open in the window: first {figures['first_open_s'] * 1000:.0f} ms,"
        f" median {figures['open_s'] * 1000:.0f} ms (max {figures['open_max_s'] * 1000:.0f} ms)"
    )
    print(
        f"store load alone:   {figures['baseline_store_load_s'] * 1000:.0f} ms"
        f"  (window / store ×{figures['open_ratio']})"
    )
    print(
        f"then every earlier turn built (scrolling to the top {figures['show_all_earlier_steps']}"
        f" times): {figures['show_all_earlier_s'] * 1000:.0f} ms in all"
    )
    print(
        f"RSS: {figures['rss_before_mb']} MB before, {figures['rss_after_open_mb']} MB after the"
        f" first open, peak {figures['peak_rss_mb']} MB"
    )
    print(
        f"aims: open < {AIM_OPEN_S} s, RSS < {AIM_RSS_MB:.0f} MB: "
        f"{'met' if figures['meets_aims'] else 'NOT met'}"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
