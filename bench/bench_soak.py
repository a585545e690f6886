"""Soak benchmark: the real window streams 200 replies in a row; does anything pile up?

Run from the repository root (offscreen, no display needed)::

    QT_QPA_PLATFORM=offscreen .venv-test/bin/python bench/bench_soak.py [--replies N]

The window (``create_main_window``, shown offscreen on the qasync loop, its history in a
throwaway folder) asks N questions one after another against the loopback server, which runs in
a subprocess (its threads and sockets are not this process's) and answers each with
``--tokens`` Markdown words in as many events. Each question carries its own screenshot-like
PNG (``--no-images``: none), which goes through the image pipeline's worker thread, the
thumbnails and the history. Every ``--per-conversation`` replies the window starts a new
conversation, as a person does: one conversation of 200 turns would resend 200 turns per
question and measure the conversation's own size rather than a leak.

Measured at the start (window built, nothing asked), after the first reply and after the last:

* ``rss_*_mb`` — resident memory (``VmRSS`` of ``/proc/self/status``), each read after a full
  garbage collection, Qt's deferred deletions and ``malloc_trim(0)``, so memory that was freed
  is not counted as held;
* ``fds_*`` — open file descriptors (``/proc/self/fd``);
* ``threads_*`` — native threads (``/proc/self/task``; Qt's and the executor's included) and
  Python threads (``threading.active_count``);
* ``python_objects_*`` — objects tracked by the garbage collector: where memory grows, whether
  it is Python objects that pile up.

The baseline, in the same run and the same process before the window is built: the app's
protocol layer alone (``ChatClient``, no UI, no history) asks the same N questions. Growth that
the baseline shows too is the libraries', not the window's.

Passes (the issue's): RSS after the last reply within +50 MB of the first; file descriptors and
threads no more after the last reply than after the first. Human-readable lines first; the
last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import gc
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY = "sk-bench0123456789abcdef"
RSS_GROWTH_LIMIT_MB = 50.0


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


# -- what the process holds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Holdings:
    rss_mb: float
    #: of which anonymous memory (the heaps), the rest being mapped files (libraries, fonts)
    rss_anon_mb: float
    fds: int
    native_threads: int
    python_threads: int
    python_objects: int


def _release_freed_memory() -> None:
    """Run what frees memory late: the cyclic collector, Qt's deferred deletions, and glibc's
    trim of its free lists (else freed memory still counts as resident)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with contextlib.suppress(OSError, AttributeError):  # not glibc: freed memory stays counted
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def holdings() -> Holdings:
    _release_freed_memory()
    status = {
        name: value.split()
        for name, _, value in (
            line.partition(":") for line in Path("/proc/self/status").read_text().splitlines()
        )
    }
    return Holdings(
        rss_mb=round(int(status["VmRSS"][0]) / 1024, 1),
        rss_anon_mb=round(int(status["RssAnon"][0]) / 1024, 1),
        fds=len(os.listdir("/proc/self/fd")),
        native_threads=len(os.listdir("/proc/self/task")),
        python_threads=threading.active_count(),
        python_objects=len(gc.get_objects()),
    )


@dataclass
class Soak:
    """Holdings at the start, after the first reply and after the last, and RSS along the way."""

    start: Holdings | None = None
    first: Holdings | None = None
    last: Holdings | None = None
    rss_every_mb: list[float] | None = None
    seconds: float = 0.0
    replies: int = 0


QUESTION = "What is in the picture?"


# -- baseline: the protocol layer alone -----------------------------------------------------------


async def protocol_only(url: str, replies: int, sample_every: int) -> Soak:
    from qwenvl_desktop.core.protocol import ChatClient, ChatRequest, ContentDelta, Endpoint, Turn

    soak = Soak(start=holdings(), rss_every_mb=[])
    request = ChatRequest("qwen3-vl-plus", (Turn("user", QUESTION),))
    started = time.perf_counter()
    async with ChatClient() as client:
        for index in range(replies):
            text = [
                e.text
                async for e in client.chat(Endpoint(url, KEY), request)
                if isinstance(e, ContentDelta)
            ]
            assert text, "an empty answer"
            soak.replies += 1
            if index == 0:
                soak.first = holdings()
            if (index + 1) % sample_every == 0:
                soak.rss_every_mb.append(holdings().rss_mb)  # type: ignore[union-attr]
        soak.seconds = time.perf_counter() - started
        soak.last = holdings()  # the client still open, as the window's is
    return soak


# -- the window -----------------------------------------------------------------------------------


def screenshot_png(folder: Path, index: int) -> str:
    """A small window-like picture, different for every question (nothing can be reused)."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (640, 400), (240, 240, 244))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, 640, 32), fill=(40, 44, 52))
    draw.rectangle((0, 32, 140, 400), fill=(index * 37 % 256, 120, 200))
    for row in range(14):
        draw.text((160, 48 + row * 24), f"Question {index}: line {row} of the screenshot", fill=0)
    path = folder / f"shot-{index}.png"
    im.save(path)
    return str(path)


async def window_soak(
    url: str, replies: int, per_conversation: int, sample_every: int, images: Path | None
) -> Soak:
    from qwenvl_desktop.app import create_main_window

    os.environ["DASHSCOPE_API_KEY"] = KEY
    window = create_main_window(["--base-url", url, "--model", "qwen3-vl-plus"])
    window.resize(1100, 820)
    window.show()
    await asyncio.sleep(0.5)  # the key lookup, the history opening, the first layout
    soak = Soak(start=holdings(), rss_every_mb=[])
    rendered_ids: asyncio.Queue[str] = asyncio.Queue()
    idle = asyncio.Event()
    idle.set()

    def on_busy(busy: bool) -> None:
        if busy:
            idle.clear()
        else:
            idle.set()

    prepared_ids: asyncio.Queue[str] = asyncio.Queue()
    window.draft.itemPrepared.connect(prepared_ids.put_nowait)
    window.transcript.replyRendered.connect(rendered_ids.put_nowait)
    window.controller.busyChanged.connect(on_busy)
    started = time.perf_counter()
    try:
        for index in range(replies):
            if index and index % per_conversation == 0:
                window.new_conversation()
                await asyncio.sleep(0)
            if images is not None:
                window.draft.add_sources([screenshot_png(images, index)])
                await asyncio.wait_for(prepared_ids.get(), 60)  # in the worker thread
            window.prompt.setPlainText(f"{QUESTION} ({index + 1})")
            window.send()
            exchange_id = await asyncio.wait_for(rendered_ids.get(), 60)
            await asyncio.wait_for(idle.wait(), 60)  # the run's last callbacks
            exchange = window.controller.exchange(exchange_id)
            assert exchange is not None and exchange.state == "done", exchange
            soak.replies += 1
            if index == 0:
                soak.first = holdings()
            if (index + 1) % sample_every == 0:
                soak.rss_every_mb.append(holdings().rss_mb)  # type: ignore[union-attr]
        soak.seconds = time.perf_counter() - started
        await asyncio.sleep(0.3)  # let the history write its last turn
        soak.last = holdings()
    finally:
        window.transcript.replyRendered.disconnect(rendered_ids.put_nowait)
        window.draft.itemPrepared.disconnect(prepared_ids.put_nowait)
        window.controller.busyChanged.disconnect(on_busy)
        window.close()
        await window.aclose()
    return soak


def figures(soak: Soak) -> dict[str, object]:
    assert soak.start and soak.first and soak.last
    growth = round(soak.last.rss_mb - soak.first.rss_mb, 1)
    return {
        "replies": soak.replies,
        "seconds": round(soak.seconds, 2),
        "rss_start_mb": soak.start.rss_mb,
        "rss_first_mb": soak.first.rss_mb,
        "rss_last_mb": soak.last.rss_mb,
        "rss_growth_mb": growth,
        "rss_every_mb": soak.rss_every_mb,
        "rss_anon_first_mb": soak.first.rss_anon_mb,
        "rss_anon_last_mb": soak.last.rss_anon_mb,
        "fds_start": soak.start.fds,
        "fds_first": soak.first.fds,
        "fds_last": soak.last.fds,
        "threads_start": soak.start.native_threads,
        "threads_first": soak.first.native_threads,
        "threads_last": soak.last.native_threads,
        "python_threads_first": soak.first.python_threads,
        "python_threads_last": soak.last.python_threads,
        "python_objects_first": soak.first.python_objects,
        "python_objects_last": soak.last.python_objects,
        "pass_rss": growth <= RSS_GROWTH_LIMIT_MB,
        "pass_fds": soak.last.fds <= soak.first.fds,
        "pass_threads": (
            soak.last.native_threads <= soak.first.native_threads
            and soak.last.python_threads <= soak.first.python_threads
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--per-conversation", type=int, default=20)
    parser.add_argument("--sample-every", type=int, default=20)
    parser.add_argument("--tokens", type=int, default=300, help="words (events) per reply")
    parser.add_argument("--no-images", action="store_true", help="questions without an image")
    args = parser.parse_args()

    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/big-{args.tokens}/compatible-mode/v1"
    history_home = tempfile.TemporaryDirectory(prefix="qwenvl-soak-")
    os.environ["XDG_DATA_HOME"] = history_home.name  # the window's history, not the user's
    images = None if args.no_images else Path(history_home.name) / "images"
    if images is not None:
        images.mkdir()
    try:
        from qwenvl_desktop.services.event_loop import create_application

        _app, loop = create_application()
        try:
            baseline = loop.run_until_complete(protocol_only(url, args.replies, args.sample_every))
            window = loop.run_until_complete(
                window_soak(url, args.replies, args.per_conversation, args.sample_every, images)
            )
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    finally:
        server.terminate()
        server.wait(5)
        history_home.cleanup()

    result = figures(window)
    result["per_conversation"] = args.per_conversation
    result["tokens_per_reply"] = args.tokens
    result["images"] = images is not None
    result["baseline"] = figures(baseline)
    result["pass"] = bool(result["pass_rss"] and result["pass_fds"] and result["pass_threads"])
    result["python"] = sys.version.split()[0]
    result["qt_platform"] = os.environ.get("QT_QPA_PLATFORM")

    def line(name: str, figures_of: dict[str, object]) -> str:
        return (
            f"{name:<22}: {figures_of['replies']} replies in {figures_of['seconds']} s; RSS "
            f"{figures_of['rss_first_mb']} → {figures_of['rss_last_mb']} MB "
            f"({figures_of['rss_growth_mb']:+} MB); fds {figures_of['fds_first']} → "
            f"{figures_of['fds_last']}; threads {figures_of['threads_first']} → "
            f"{figures_of['threads_last']}; Python objects {figures_of['python_objects_first']:,} "
            f"→ {figures_of['python_objects_last']:,}"
        )

    print(
        f"{args.replies} replies of {args.tokens} words in a row ({args.per_conversation} per "
        f"conversation, {'an image' if images else 'no image'} per question)"
    )
    print(line("ChatClient, no UI", result["baseline"]))  # type: ignore[arg-type]
    print(line("window", result))
    print(f"window RSS every {args.sample_every} replies (MB): {result['rss_every_mb']}")
    print(
        f"pass: RSS within +{RSS_GROWTH_LIMIT_MB:g} MB {result['pass_rss']}, fds not growing "
        f"{result['pass_fds']}, threads not growing {result['pass_threads']}"
    )
    print(json.dumps(result))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
