"""Benchmark: typing in the prompt while a reply streams at full speed — keystroke to paint.

Run from the repository root (offscreen, no display needed)::

    QT_QPA_PLATFORM=offscreen .venv-test/bin/python bench/bench_typing.py [--tokens N] [--runs N]

What it measures, in one run of the script, in the real window (``create_main_window``, shown
offscreen on the qasync loop):

* ``baseline`` — typing with nothing streaming: every ``KEY_INTERVAL_MS`` a key press and release
  are *posted* to the prompt (queued like input from the window system, not delivered at once),
  and the time from posting the press to the prompt's next ``paintEvent`` (an event filter on
  its viewport) is one keystroke's latency;
* ``streaming`` — the same typing while a long reply (``--tokens`` content events sent by the
  loopback server as fast as it can, ≈ 10 characters each) streams into the transcript; only
  keystrokes posted between the reply's first text and its end count.

Each round types the baseline and then the streaming case back to back, so a busy machine slows
both alike. Reported: p50, p99 and max latency of each, and the p99 ratio (aim: streaming p99
≤ 16 ms, one frame at 60 Hz). The loopback DashScope server runs in a subprocess. Human-readable
lines first; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_streaming import KEY, free_port, percentile, start_server  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

#: Time between two keystrokes: a fast typist (≈ 120 words a minute).
KEY_INTERVAL_MS = 25


class PaintClock(QObject):
    """Records when a posted keystroke is first painted by the prompt's viewport."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__()
        self._viewport = viewport
        #: posting times of keystrokes not painted yet
        self._waiting: list[float] = []
        self.latencies_ms: list[float] = []
        viewport.installEventFilter(self)

    def posted(self, at: float) -> None:
        self._waiting.append(at)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Paint and self._waiting:
            now = time.perf_counter()
            # One paint shows every keystroke typed before it.
            self.latencies_ms.extend((now - at) * 1000 for at in self._waiting)
            self._waiting.clear()
        return False

    def take(self) -> list[float]:
        out, self.latencies_ms = self.latencies_ms, []
        self._waiting.clear()
        return out

    def close(self) -> None:
        self._viewport.removeEventFilter(self)


def post_keystroke(target: QWidget, character: str) -> None:
    """A key press and release, queued as the window system's input would be."""
    key = Qt.Key(ord(character.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(
            target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
        )


async def type_for(prompt: QWidget, clock: PaintClock, keep_typing: asyncio.Event) -> int:
    """Type letters every KEY_INTERVAL_MS until ``keep_typing`` is cleared; returns how many."""
    count = 0
    while keep_typing.is_set():
        clock.posted(time.perf_counter())
        post_keystroke(prompt, "abcdefghij"[count % 10])
        count += 1
        await asyncio.sleep(KEY_INTERVAL_MS / 1000)
    await asyncio.sleep(0.05)  # the last keystroke's paint
    return count


@dataclass
class Measurements:
    baseline_ms: list[float] = field(default_factory=list)
    streaming_ms: list[float] = field(default_factory=list)
    stream_seconds: list[float] = field(default_factory=list)
    keys_streaming: int = 0


async def rounds(url: str, runs: int, baseline_keys: int) -> Measurements:
    from qwenvl_desktop.app import create_main_window

    os.environ["DASHSCOPE_API_KEY"] = KEY
    history_home = tempfile.TemporaryDirectory(prefix="qwenvl-bench-")
    os.environ["XDG_DATA_HOME"] = history_home.name
    window = create_main_window(["--base-url", url, "--model", "qwen3-vl-plus"])
    window.resize(1100, 820)
    window.show()
    await asyncio.sleep(0.3)
    prompt = window.prompt
    clock = PaintClock(prompt.viewport())
    out = Measurements()
    try:
        for _ in range(runs):
            window.new_conversation()
            prompt.setFocus()
            await asyncio.sleep(0.1)
            # Baseline: typing, nothing streaming.
            typing = asyncio.Event()
            typing.set()
            task = asyncio.ensure_future(type_for(prompt, clock, typing))
            await asyncio.sleep(baseline_keys * KEY_INTERVAL_MS / 1000)
            typing.clear()
            await task
            out.baseline_ms.extend(clock.take())

            # The same typing while a long reply streams.
            prompt.setPlainText("Write a long answer.")
            loop = asyncio.get_running_loop()
            first_text: asyncio.Future[None] = loop.create_future()
            done: asyncio.Future[None] = loop.create_future()

            def on_text(*_args: object, first_text: asyncio.Future[None] = first_text) -> None:
                if not first_text.done():
                    first_text.set_result(None)

            def on_rendered(_id: str, done: asyncio.Future[None] = done) -> None:
                if not done.done():
                    done.set_result(None)

            window.controller.textBatch.connect(on_text)
            window.transcript.replyRendered.connect(on_rendered)
            window.send()
            await asyncio.wait_for(first_text, 60)
            started = time.perf_counter()
            clock.take()
            typing = asyncio.Event()
            typing.set()
            task = asyncio.ensure_future(type_for(prompt, clock, typing))
            await asyncio.wait_for(done, 120)
            typing.clear()
            out.keys_streaming += await task
            out.stream_seconds.append(time.perf_counter() - started)
            out.streaming_ms.extend(clock.take())
            window.controller.textBatch.disconnect(on_text)
            window.transcript.replyRendered.disconnect(on_rendered)
            await asyncio.sleep(0.1)
    finally:
        clock.close()
        window.close()
        await window.aclose()
        history_home.cleanup()
    return out


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(values, 0.50), 2),
        "p99_ms": round(percentile(values, 0.99), 2),
        "max_ms": round(max(values, default=0.0), 2),
        "mean_ms": round(statistics.fmean(values), 2) if values else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=100_000, help="content events per reply")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-keys", type=int, default=60)
    args = parser.parse_args()

    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/big-{args.tokens}/compatible-mode/v1"
    try:
        from qwenvl_desktop.services.event_loop import create_application

        _app, loop = create_application()
        try:
            m = loop.run_until_complete(rounds(url, args.runs, args.baseline_keys))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    finally:
        server.terminate()
        server.wait(5)

    base, streaming = summary(m.baseline_ms), summary(m.streaming_ms)
    result = {
        "tokens_per_reply": args.tokens,
        "runs": args.runs,
        "key_interval_ms": KEY_INTERVAL_MS,
        "baseline_keystrokes": len(m.baseline_ms),
        "streaming_keystrokes": len(m.streaming_ms),
        "stream_seconds": [round(s, 2) for s in m.stream_seconds],
        "baseline": base,
        "streaming": streaming,
        "p99_ratio": round(streaming["p99_ms"] / max(base["p99_ms"], 0.01), 2),
        "python": sys.version.split()[0],
        "qt_platform": os.environ.get("QT_QPA_PLATFORM"),
    }
    print(f"keystroke → prompt paint, a key every {KEY_INTERVAL_MS} ms, {args.runs} rounds")
    print(
        f"no stream  : p50 {base['p50_ms']} ms, p99 {base['p99_ms']} ms, max {base['max_ms']} ms"
        f" over {len(m.baseline_ms)} keys"
    )
    print(
        f"streaming  : p50 {streaming['p50_ms']} ms, p99 {streaming['p99_ms']} ms (aim ≤ 16),"
        f" max {streaming['max_ms']} ms over {len(m.streaming_ms)} keys"
        f" ({args.tokens:,}-token replies, {result['stream_seconds']} s each)"
    )
    print(f"p99 ratio  : {result['p99_ratio']}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
