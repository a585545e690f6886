"""Benchmark of the history store: opening a long conversation with images, and searching.

Run: ``.venv-test/bin/python bench/bench_history.py [--runs N] [--keep FOLDER]``

It builds, in a temporary folder, a history of 10,000 stored turns:

- one conversation of 1,000 turns with 100 images (JPEGs of 50–200 KB, one every tenth turn,
  made with Pillow: noise over a gradient, which compresses like a photo);
- 450 more conversations of 20 turns each (text only).

Questions and answers are seeded random text in English with some Chinese, answers of 200–1,500
characters, reasoning on a third of the turns. It then measures, after reopening the file:

- **open**: ``load_conversation`` of the 1,000-turn conversation, images included (median of N
  runs after a warm-up), against a baseline in the same run: the same rows and image BLOBs read
  with plain ``SELECT``s and no model building. Peak Python memory of one load (``tracemalloc``,
  measured in a separate run so it does not slow the timed ones; SQLite's own page cache is C
  memory and not included), against the baseline's;
- **search**: ``search`` of several queries (common and rare words, two words, a Chinese word of
  two characters that the trigram index cannot serve, a substring), the median of N runs each;
  against a baseline of a plain ``LIKE`` scan of questions and answers, and the store's own
  ``LIKE`` fallback (on a copy of the file, without FTS5);
- also: opening the file (integrity quick check, migrations check, index check), one
  ``save_progress`` of a growing 4 KB answer, the file size against the images' total size.

Human-readable lines first; the last line is one JSON object with every figure. Aims (the
issue's): open under 0.3 s, search under 0.1 s.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from qwenvl_desktop.core.conversation.model import Conversation, Exchange  # noqa: E402
from qwenvl_desktop.core.history import HistoryStore  # noqa: E402
from qwenvl_desktop.core.history.search import like_pattern  # noqa: E402
from qwenvl_desktop.core.images import Attachment  # noqa: E402
from qwenvl_desktop.core.images.data_uri import build_data_uri  # noqa: E402
from qwenvl_desktop.core.protocol.events import Usage  # noqa: E402

LONG_TURNS = 1_000
LONG_IMAGES = 100
OTHER_CONVERSATIONS = 450
OTHER_TURNS = 20
TOTAL_TURNS = LONG_TURNS + OTHER_CONVERSATIONS * OTHER_TURNS
AIM_OPEN_S = 0.3
AIM_SEARCH_S = 0.1
QUERIES = {
    "common word": "image",
    "rare word": "flamingo",
    "two words": "receipt total",
    "chinese 2 chars": "猫咪",
    "substring": "ograph",
}

# A vocabulary split from text (one list literal per word would fill a screen).
WORDS = (  # noqa: SIM905
    "the a of and to in is this that image picture photo shows left right top bottom colour red"
    " blue green text table chart receipt total price invoice document page line number person"
    " dog cat car street building window light shadow background foreground detail small large"
    " appears looks like probably written printed handwritten label sign logo screen button menu"
    " photograph graph axis value percent year month"
).split()
CHINESE = "这张 图片 里 有 一只 猫咪 小狗 桌子 上面 写着 价格 总计 文字 表格 颜色 红色 蓝色".split()  # noqa: SIM905


def sentence(rng: random.Random, length: int) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        pool = CHINESE if rng.random() < 0.08 else WORDS
        words.append(rng.choice(pool))
        size += len(words[-1]) + 1
    if rng.random() < 0.002:
        words.insert(rng.randrange(len(words)), "flamingo")
    return " ".join(words).capitalize() + "."


def jpeg(rng: random.Random, size: tuple[int, int]) -> bytes:
    width, height = size
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.frombytes("RGB", size, rng.randbytes(width * height * 3))
    out = io.BytesIO()
    Image.blend(base, noise, 0.35).save(out, "JPEG", quality=85)
    return out.getvalue()


def attachment(data: bytes, size: tuple[int, int], number: int) -> Attachment:
    url = build_data_uri("image/jpeg", data)
    return Attachment(
        source=f"/home/me/Pictures/IMG_{number:04d}.jpg",
        kind="file",
        original_size=(size[0] * 6, size[1] * 6),
        original_format="JPEG",
        mime="image/jpeg",
        url=url,
        sent_size=size,
        scale=(1 / 6, 1 / 6),
        estimated_tokens=size[0] * size[1] // 1024 + 2,
        max_pixels=1_310_720,
        upload_bytes=len(url),
    )


def conversation(rng: random.Random, turns: int, images: dict[int, Attachment]) -> Conversation:
    result = Conversation()
    start = time.time() - 86_400 * rng.randrange(1, 365)
    result.created_at = start
    for turn in range(turns):
        question = sentence(rng, rng.randrange(30, 200)).rstrip(".") + "?"
        attached = [images[turn]] if turn in images else []
        exchange = result.ask(question, attached, model="qwen3-vl-plus", region="intl")
        exchange.created_at = start + turn * 30
        exchange.answer = sentence(rng, rng.randrange(200, 1500))
        if rng.random() < 1 / 3:
            exchange.reasoning = sentence(rng, rng.randrange(300, 2000))
        exchange.usage = Usage(1300, 200, 1500, image_tokens=1250 if attached else None)
        exchange.finish_reason = "stop"
        exchange.state = "done"
        exchange.first_token_seconds = 0.8
    return result


def build(path: Path, rng: random.Random) -> tuple[str, int]:
    """The benchmark history; the long conversation's id and the images' total bytes."""
    sizes = [(400, 300), (480, 360), (560, 420), (640, 480), (720, 540)]
    images: dict[int, Attachment] = {}
    total = 0
    for number in range(LONG_IMAGES):
        size = sizes[number % len(sizes)]
        data = jpeg(rng, size)
        total += len(data)
        images[number * (LONG_TURNS // LONG_IMAGES)] = attachment(data, size, number)
    store = HistoryStore.open(path)
    long = conversation(rng, LONG_TURNS, images)
    store.save_conversation(long)
    for _ in range(OTHER_CONVERSATIONS):
        store.save_conversation(conversation(rng, OTHER_TURNS, {}))
    store.close()
    return long.id, total


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    fn()  # warm-up: the first run pays for the OS cache and SQLite's page cache
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def peak_python_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def baseline_open(db: sqlite3.Connection, conversation_id: str) -> list[Any]:
    """The same data as load_conversation, read with plain SELECTs: no decoding, no objects."""
    rows: list[Any] = db.execute(
        "SELECT id, question, model, region, created_at, answer, reasoning, state,"
        " finish_reason, first_token_seconds, usage, error"
        " FROM exchanges WHERE conversation_id = ? ORDER BY position",
        (conversation_id,),
    ).fetchall()
    rows += db.execute(
        "SELECT a.exchange_id, a.meta, a.url, a.data_mime, i.data FROM exchanges e"
        " JOIN attachments a ON a.exchange_id = e.id"
        " LEFT JOIN images i ON i.sha256 = a.image_sha256 WHERE e.conversation_id = ?",
        (conversation_id,),
    ).fetchall()
    return rows


def baseline_search(db: sqlite3.Connection, text: str) -> list[Any]:
    """A plain LIKE scan for every word in questions and answers, newest 50, no snippets.

    Walks the table newest first and stops at 50 hits, as well as a scan can do.
    """
    words = text.split()
    where = " AND ".join(
        "(question LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\')" for _ in words
    )
    params = [p for w in words for p in (like_pattern(w),) * 2]
    return db.execute(
        f"SELECT id FROM exchanges WHERE {where} ORDER BY seq DESC LIMIT 50", params
    ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per figure (median)")
    parser.add_argument("--keep", type=Path, help="build the history in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-history-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "history.db"
    for stale in folder.glob("history.db*"):
        stale.unlink()
    rng = random.Random(20250101)
    figures: dict[str, Any] = {"turns": TOTAL_TURNS, "long_turns": LONG_TURNS, "runs": args.runs}
    try:
        started = time.perf_counter()
        long_id, image_bytes = build(path, rng)
        figures["build_s"] = round(time.perf_counter() - started, 2)
        figures["file_mb"] = round(path.stat().st_size / 2**20, 1)
        figures["images_mb"] = round(image_bytes / 2**20, 1)
        print(
            f"built {TOTAL_TURNS:,} turns ({LONG_IMAGES} images, {figures['images_mb']} MB)"
            f" in {figures['build_s']} s; file {figures['file_mb']} MB"
        )

        open_store_s, _ = median_time(lambda: HistoryStore.open(path).close(), args.runs)
        figures["open_store_s"] = round(open_store_s, 4)
        print(f"open the history file:        {open_store_s * 1000:8.1f} ms")

        store = HistoryStore.open(path)
        raw = sqlite3.connect(path)
        loaded = store.load_conversation(long_id)
        assert len(loaded.exchanges) == LONG_TURNS
        assert sum(len(e.attachments) for e in loaded.exchanges) == LONG_IMAGES
        del loaded
        open_s, _ = median_time(lambda: store.load_conversation(long_id), args.runs)
        base_open_s, _ = median_time(lambda: baseline_open(raw, long_id), args.runs)
        open_mem = peak_python_memory(lambda: store.load_conversation(long_id))
        base_mem = peak_python_memory(lambda: baseline_open(raw, long_id))
        figures.update(
            open_s=round(open_s, 4),
            open_baseline_s=round(base_open_s, 4),
            open_ratio=round(open_s / base_open_s, 2),
            open_peak_mb=round(open_mem / 2**20, 1),
            open_baseline_peak_mb=round(base_mem / 2**20, 1),
            open_memory_ratio=round(open_mem / base_mem, 2),
        )
        print(
            f"open 1,000 turns, 100 images: {open_s * 1000:8.1f} ms"
            f"  (plain SELECT {base_open_s * 1000:.1f} ms, ×{figures['open_ratio']})"
        )
        print(
            f"  peak Python memory:         {figures['open_peak_mb']:8.1f} MB"
            f"  (plain SELECT {figures['open_baseline_peak_mb']} MB)"
        )

        like_path = folder / "history-like.db"
        store.close()
        shutil.copyfile(path, like_path)
        store = HistoryStore.open(path)
        like_store = HistoryStore.open(like_path, use_fts=False)
        search: dict[str, dict[str, Any]] = {}
        for label, query in QUERIES.items():
            fts_s, _ = median_time(lambda q=query: store.search(q), args.runs)
            like_s, _ = median_time(lambda q=query: like_store.search(q), args.runs)
            scan_s, _ = median_time(lambda q=query: baseline_search(raw, q), args.runs)
            found = [h.exchange_id for h in store.search(query)]
            assert found == [h.exchange_id for h in like_store.search(query)], label
            assert found == [row[0] for row in baseline_search(raw, query)], label
            hits = len(found)
            search[label] = {
                "query": query,
                "hits": hits,
                "s": round(fts_s, 5),
                "like_fallback_s": round(like_s, 5),
                "baseline_like_scan_s": round(scan_s, 5),
            }
            print(
                f"search {label!r:18} {fts_s * 1000:8.2f} ms  ({hits} hits; LIKE fallback"
                f" {like_s * 1000:.1f} ms; plain LIKE scan {scan_s * 1000:.1f} ms)"
            )
        search_s = statistics.median(v["s"] for v in search.values())
        search_max_s = max(v["s"] for v in search.values())
        scan_median_s = statistics.median(v["baseline_like_scan_s"] for v in search.values())
        figures.update(
            search_median_s=round(search_s, 5),
            search_max_s=round(search_max_s, 5),
            search_baseline_median_s=round(scan_median_s, 5),
            search_ratio=round(search_s / scan_median_s, 3),
            search=search,
        )
        like_store.close()

        exchange = Exchange("progress", model="m", region="r")
        growing = Conversation()
        growing.exchanges.append(exchange)
        exchange.begin()
        store.save_question(growing, exchange)

        def progress() -> None:
            exchange.answer += "word " * 10
            store.save_progress(exchange, force=True)

        exchange.answer = "x" * 4000
        progress_s, _ = median_time(progress, args.runs)
        figures["save_progress_s"] = round(progress_s, 5)
        print(f"save_progress (4 KB answer):  {progress_s * 1000:8.2f} ms")
        store.close()
        raw.close()

        figures["aim_open_s"] = AIM_OPEN_S
        figures["aim_search_s"] = AIM_SEARCH_S
        figures["meets_aims"] = open_s < AIM_OPEN_S and search_max_s < AIM_SEARCH_S
        print(
            f"aims: open < {AIM_OPEN_S} s, search < {AIM_SEARCH_S} s:"
            f" {'met' if figures['meets_aims'] else 'NOT met'}"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
