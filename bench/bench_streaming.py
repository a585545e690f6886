"""Benchmark: a 20,000-token reply streamed into the real window, against plain httpx.

Run from the repository root (offscreen, no display needed)::

    QT_QPA_PLATFORM=offscreen .venv-test/bin/python bench/bench_streaming.py [--tokens N] [--runs N]

What it measures, in one run of the script:

* ``baseline_ms`` — a plain ``httpx`` consumer of the same stream: POST, read the lines, JSON-
  decode each ``data:`` event and collect the text. No Qt, ``asyncio.run``.
* ``window_ms`` — the real window (``create_main_window``, shown offscreen on the qasync loop):
  from pressing Send to the reply fully shown — every batch inserted, the Markdown rendered and
  the usage footer in place.
* ``protocol_only_ms`` — the app's own protocol layer (``ChatClient.chat_batches``, the window's
  path) on the same stream, no UI: where the window's time goes that is not the window's.
* ``cpu_ratio`` — the same comparison in CPU time of the consuming thread (the plain consumer's
  thread, the window's GUI thread), which other work on the machine changes least.
* ``ratio`` — median window time / median baseline time (``ratio_per_round_median``: the median
  of each round's own ratio). Each round measures the baseline, the protocol layer and the
  window back to back, so a busy machine slows all three alike.
* ``stall_*`` — a 5 ms heartbeat ``QTimer`` runs during the window runs; a stall is how much later
  than 5 ms a tick came. Reported over all ticks of all window runs: p99 and max.
* ``transcript_ms`` — the time spent in the transcript's own handlers (``append_text`` and the
  final render steps, layout included), per window run (median): the part of ``window_ms`` the
  transcript is responsible for. With ``--no-transcript`` the transcript shows nothing (its
  handlers return at once): what the rest of the window costs.

The loopback DashScope server runs in a subprocess (its ``big-N`` scenario sends N content events
as fast as it can): a separate process, like a real server, so its own Python work does not
compete with the window for the GIL. Human-readable lines first; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

KEY = "sk-bench0123456789abcdef"
T = TypeVar("T")
HEARTBEAT_MS = 5


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


# -- baseline: plain httpx -------------------------------------------------------------------------


async def plain_httpx(url: str) -> tuple[float, int, float]:
    body = {
        "model": "qwen3-vl-plus",
        "messages": [{"role": "user", "content": "Write a long answer."}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    async with httpx.AsyncClient(timeout=60) as client:
        started = time.perf_counter()
        cpu_started = time.thread_time()
        pieces: list[str] = []
        async with client.stream(
            "POST", url + "/chat/completions", json=body, headers={"Authorization": f"Bearer {KEY}"}
        ) as response:
            async for line in response.aiter_lines():
                if not line.startswith("data: "):
                    continue
                data = line[6:]
                if data == "[DONE]":
                    break
                event = json.loads(data)
                for choice in event.get("choices") or ():
                    text = choice.get("delta", {}).get("content")
                    if text:
                        pieces.append(text)
        elapsed = time.perf_counter() - started
        cpu = time.thread_time() - cpu_started
    return elapsed, len("".join(pieces)), cpu


async def protocol_only(url: str) -> float:
    """The app's own protocol layer as the window uses it (``ChatClient.chat_batches``: SSE
    decoding, typed events, one list per network read), no UI."""
    from qwenvl_desktop.core.protocol import ChatClient, ChatRequest, Endpoint, Turn

    request = ChatRequest("qwen3-vl-plus", (Turn("user", "Write a long answer."),))
    async with ChatClient() as client:
        # The window's client is made once: so is this one, before the clock starts (httpx's
        # client and the trust store take ~20 ms; the plain consumer's client is ready too).
        _ = client._http
        started = time.perf_counter()
        async for _events in client.chat_batches(Endpoint(url, KEY), request):
            pass
        return time.perf_counter() - started


# -- the window ------------------------------------------------------------------------------------


class Heartbeat:
    """A 5 ms timer that records how late each tick is."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.stalls_ms: list[float] = []
        self._last: float | None = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.stalls_ms.append(max(0.0, (now - self._last) * 1000 - HEARTBEAT_MS))
        self._last = now

    def start(self) -> None:
        self._last = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def on_plain_loop(coro_factory: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine on a fresh, plain asyncio loop in a thread, and wait for it.

    Used between window runs so the baseline is measured under the same machine conditions as
    the window run next to it; the GUI thread only waits (the window is idle meanwhile).
    """
    box: list[T] = []
    thread = threading.Thread(target=lambda: box.append(asyncio.run(coro_factory())))
    thread.start()
    thread.join()
    return box[0]


@dataclass
class Measurements:
    baseline: list[float] = field(default_factory=list)
    protocol: list[float] = field(default_factory=list)
    window: list[float] = field(default_factory=list)
    stalls_ms: list[float] = field(default_factory=list)
    transcript: list[float] = field(default_factory=list)
    #: CPU time of the consuming thread (the GUI thread for the window): what load on the
    #: machine changes least
    baseline_cpu: list[float] = field(default_factory=list)
    window_cpu: list[float] = field(default_factory=list)
    baseline_chars: int = 0
    shown_chars: int = 0


class TranscriptTimer:
    """Adds up the time spent in the transcript's handlers (or stubs them out)."""

    def __init__(self, window: object, stub: bool) -> None:
        view = window.transcript  # type: ignore[attr-defined]
        self.seconds = 0.0
        self._real_append = view.append_text
        self._real_step = view._render_step
        self._view = view
        self._stub = stub
        view.append_text = self._append
        view._render_timer.timeout.disconnect()
        view._render_timer.timeout.connect(self._step)

    def _append(self, exchange_id: str, reasoning: str, answer: str) -> None:
        if self._stub:
            return
        started = time.perf_counter()
        self._real_append(exchange_id, reasoning, answer)
        self.seconds += time.perf_counter() - started

    def _step(self) -> None:
        if self._stub:  # no text: only the footer and the end signal
            self._view.replyRendered.emit(self._view._render_queue.pop(0).id)
            return
        started = time.perf_counter()
        self._real_step()
        self.seconds += time.perf_counter() - started

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


async def interleaved_runs(
    url: str, runs: int, tokens: int, *, no_transcript: bool = False
) -> Measurements:
    """Rounds of: plain httpx, ChatClient without UI, the window — all on the same stream."""
    from qwenvl_desktop.app import create_main_window

    os.environ["DASHSCOPE_API_KEY"] = KEY
    # The window keeps a history as the app does, in a throwaway folder, not the user's.
    history_home = tempfile.TemporaryDirectory(prefix="qwenvl-bench-")
    os.environ["XDG_DATA_HOME"] = history_home.name
    window = create_main_window(["--base-url", url, "--model", "qwen3-vl-plus"])
    window.resize(1100, 820)
    window.show()
    await asyncio.sleep(0.3)  # let the key lookup and first layout settle
    heartbeat = Heartbeat()
    transcript = TranscriptTimer(window, stub=no_transcript)
    out = Measurements()
    on_plain_loop(lambda: plain_httpx(url))  # warm-up: imports, first connection
    try:
        for _ in range(runs):
            elapsed, out.baseline_chars, cpu = on_plain_loop(lambda: plain_httpx(url))
            out.baseline.append(elapsed)
            out.baseline_cpu.append(cpu)
            out.protocol.append(on_plain_loop(lambda: protocol_only(url)))

            window.new_conversation()
            await asyncio.sleep(0.05)
            done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

            def rendered(exchange_id: str, done: asyncio.Future[str] = done) -> None:
                if not done.done():
                    done.set_result(exchange_id)

            window.transcript.replyRendered.connect(rendered)
            shown: list[int] = []  # the answer text handed to the transcript, batch by batch

            def count(_id: str, _reasoning: str, answer: str, shown: list[int] = shown) -> None:
                shown.append(len(answer))

            window.controller.textBatch.connect(count)
            window.prompt.setPlainText("Write a long answer.")
            transcript.take()
            heartbeat.start()
            started = time.perf_counter()
            cpu_started = time.thread_time()
            window.send()
            exchange_id = await asyncio.wait_for(done, 120)
            elapsed = time.perf_counter() - started
            out.window_cpu.append(time.thread_time() - cpu_started)
            heartbeat.stop()
            window.transcript.replyRendered.disconnect(rendered)
            exchange = window.controller.exchange(exchange_id)
            assert exchange is not None and exchange.state == "done", exchange
            assert exchange.usage is not None and exchange.usage.completion_tokens == tokens
            window.controller.textBatch.disconnect(count)
            out.shown_chars = sum(shown)
            out.window.append(elapsed)
            out.transcript.append(transcript.take())
            await asyncio.sleep(0.1)
    finally:
        window.close()
        await window.aclose()
        history_home.cleanup()
    out.stalls_ms = heartbeat.stalls_ms
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-transcript",
        action="store_true",
        help="the transcript shows nothing: what the rest of the window costs",
    )
    args = parser.parse_args()

    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/big-{args.tokens}/compatible-mode/v1"
    try:
        from qwenvl_desktop.services.event_loop import create_application

        _app, loop = create_application()
        try:
            m = loop.run_until_complete(
                interleaved_runs(url, args.runs, args.tokens, no_transcript=args.no_transcript)
            )
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    finally:
        server.terminate()
        server.wait(5)

    assert m.shown_chars == m.baseline_chars, (m.shown_chars, m.baseline_chars)
    base_ms = statistics.median(m.baseline) * 1000
    window_ms = statistics.median(m.window) * 1000
    stalls = m.stalls_ms
    pair_ratios = [w / b for w, b in zip(m.window, m.baseline, strict=True)]
    result = {
        "tokens": args.tokens,
        "runs": args.runs,
        "answer_chars": m.shown_chars,
        "baseline_ms": round(base_ms, 1),
        "baseline_runs_ms": [round(t * 1000, 1) for t in m.baseline],
        "protocol_only_ms": round(statistics.median(m.protocol) * 1000, 1),
        "window_ms": round(window_ms, 1),
        "window_runs_ms": [round(t * 1000, 1) for t in m.window],
        "transcript_ms": round(statistics.median(m.transcript) * 1000, 1),
        "baseline_cpu_ms": round(statistics.median(m.baseline_cpu) * 1000, 1),
        "window_cpu_ms": round(statistics.median(m.window_cpu) * 1000, 1),
        "cpu_ratio": round(statistics.median(m.window_cpu) / statistics.median(m.baseline_cpu), 3),
        "no_transcript": args.no_transcript,
        "ratio": round(window_ms / base_ms, 3),
        "ratio_per_round_median": round(statistics.median(pair_ratios), 3),
        "heartbeat_ticks": len(stalls),
        "stall_p50_ms": round(percentile(stalls, 0.50), 2),
        "stall_p99_ms": round(percentile(stalls, 0.99), 2),
        "stall_max_ms": round(max(stalls, default=0.0), 2),
        "python": sys.version.split()[0],
        "qt_platform": os.environ.get("QT_QPA_PLATFORM"),
    }
    print(f"{args.tokens:,}-token reply, {args.runs} interleaved rounds, server in a subprocess")
    print(f"plain httpx consumer : median {base_ms:8.1f} ms  {result['baseline_runs_ms']}")
    print(f"ChatClient, no UI    : median {result['protocol_only_ms']:8.1f} ms")
    print(f"window (send→shown)  : median {window_ms:8.1f} ms  {result['window_runs_ms']}")
    off = " (stubbed out: --no-transcript)" if args.no_transcript else ""
    print(f"  of which transcript: median {result['transcript_ms']:8.1f} ms{off}")
    print(
        f"ratio                : {result['ratio']:.2f}  (aim ≤ 1.5; median of per-round ratios "
        f"{result['ratio_per_round_median']:.2f})"
    )
    print(
        f"CPU of the consuming thread: httpx {result['baseline_cpu_ms']} ms, window's GUI thread "
        f"{result['window_cpu_ms']} ms: ratio {result['cpu_ratio']:.2f}"
    )
    print(
        f"event-loop stalls    : p50 {result['stall_p50_ms']} ms, p99 {result['stall_p99_ms']} ms"
        f" (aim ≤ 16), max {result['stall_max_ms']} ms (aim ≤ 50) over {len(stalls)} ticks"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
