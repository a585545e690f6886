"""The local engine against the loopback server: rows, per-row errors, 429s, skips, stopping."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.batch.inputs import BatchItem
from qwenvl_desktop.core.batch.results import BatchResult
from qwenvl_desktop.core.batch.runner import AdaptiveConcurrency, BatchProgress, run_batch
from qwenvl_desktop.core.protocol.errors import AuthenticationError
from qwenvl_desktop.core.settings import Settings
from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    error_body,
    sc_echo,
)

pytestmark = pytest.mark.asyncio


def images(folder: Path, count: int, prompt: str = "What is it?") -> list[BatchItem]:
    folder.mkdir(parents=True, exist_ok=True)
    items = []
    for number in range(count):
        path = folder / f"img-{number:03d}.png"
        Image.new("RGB", (40 + number, 30), (number * 7 % 256, 80, 160)).save(path)
        items.append(BatchItem(str(path), prompt))
    return items


def prompt_of(req: RecordedRequest) -> str:
    parts = req.body["messages"][-1]["content"]
    return next(p["text"] for p in parts if p["type"] == "text")


class InFlight:
    """A scenario: the echo answer after ``delay``, counting requests in flight at once."""

    def __init__(self, delay: float = 0.03) -> None:
        self.delay = delay
        self.now = 0
        self.most = 0

    async def __call__(self, server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            await asyncio.sleep(self.delay)
            if "blocked" in prompt_of(req):  # a moderation block, decided by the request
                body = error_body("data_inspection_failed", "Input data may contain …")
                await reply.json(400, body)
            else:
                await sc_echo(server, req, reply)
        finally:
            self.now -= 1


async def run(
    server: LoopbackDashScope, scenario: str, items: list[BatchItem], key: str, **options: object
) -> tuple[list[BatchResult], list[BatchProgress], object]:
    rows: list[BatchResult] = []
    progress: list[BatchProgress] = []
    summary = await run_batch(
        items,
        settings=Settings(base_url=server.base_url(scenario)),
        key=key,
        on_result=rows.append,
        on_progress=progress.append,
        **options,  # type: ignore[arg-type]
    )
    return rows, progress, summary


async def test_every_input_gets_its_row_with_at_most_concurrency_requests_at_once(
    loop_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    scenario = InFlight()
    loop_server.add_scenario("inflight", scenario)
    items = images(tmp_path, 12)
    (tmp_path / "broken.png").write_bytes(b"not an image at all")
    items.insert(5, BatchItem(str(tmp_path / "broken.png"), "What is it?"))
    items.append(BatchItem(str(tmp_path / "img-000.png"), "this one is blocked"))

    rows, progress, summary = await run(loop_server, "inflight", items, test_key, concurrency=3)

    assert sorted(r.input + r.prompt for r in rows) == sorted(i.source + i.prompt for i in items)
    by_prompt = {(r.input, r.prompt): r for r in rows}
    good = by_prompt[(items[0].source, "What is it?")]
    # A flat-colour PNG: lossless, and lossless WebP of it is smaller than PNG.
    assert good.ok and good.content == "turns=1 images=1 [image/webp] text='What is it?'"
    assert good.usage == {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
    assert good.finish_reason == "stop" and good.model == "qwen3-vl-plus" and good.sha256
    broken = by_prompt[(str(tmp_path / "broken.png"), "What is it?")]
    assert broken.error is not None and broken.error["kind"] == "image"
    assert broken.error["code"] == "not-an-image" and "broken.png" in broken.error["sentence"]
    blocked = by_prompt[(items[0].source, "this one is blocked")]
    assert blocked.error is not None and blocked.error["kind"] == "moderation"
    assert blocked.error["code"] == "data_inspection_failed" and blocked.error["status"] == 400
    assert summary == type(summary)(12, 2, 0, 14, summary.seconds, 12 * 15)  # type: ignore[call-arg, attr-defined]
    assert scenario.most == 3  # the width asked for, and never more
    assert len(loop_server.chat_requests("inflight")) == 13  # the broken image was never sent
    assert progress[-1].done == 14 and progress[-1].failed == 2 and progress[-1].tokens == 180


async def test_429s_narrow_the_width_and_it_grows_back(
    loop_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    items = images(tmp_path, 24)

    rows, progress, _ = await run(loop_server, "throttled-8-20", items, test_key, concurrency=4)

    assert all(r.ok for r in rows) and len(rows) == 24
    widths = [p.concurrency_now for p in progress]
    assert min(widths) < 4  # halved at a 429 (and one back by the next row's report)
    assert widths[-1] == 4  # and back to what was asked
    throttled = [r for r in loop_server.chat_requests() if r.scenario == "throttled-8-20"]
    assert len(throttled) == 24 + 3  # 27 requests: every 8th answered 429, then retried


async def test_the_width_is_aimd_and_retry_after_holds_back_new_requests() -> None:
    clock = [100.0]
    limit = AdaptiveConcurrency(4, clock=lambda: clock[0])
    first = await limit.acquire()
    second = await limit.acquire()

    clock[0] += 0.01
    limit.throttled(0.05, first)
    limit.throttled(0.05, second)  # the same burst: one cut only
    assert limit.limit == 2
    clock[0] += 1
    limit.release()
    limit.throttled(0.0, await limit.acquire())  # a request started after the cut: a new burst
    assert limit.limit == 1
    limit.release()
    limit.release()
    for expected in (2, 3, 3, 4):
        limit.succeeded()
        assert limit.limit == expected

    limit.throttled(30.0, clock[0])  # Retry-After 30 s: nothing new starts before then
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(limit.acquire(), 0.05)


async def test_inputs_done_before_are_skipped_and_counted(
    loop_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    items = images(tmp_path, 4)
    first, _, _ = await run(loop_server, "echo", items[:2], test_key)
    done = {row.done_key for row in first}

    rows, progress, summary = await run(loop_server, "echo", items, test_key, done=done)

    assert sorted(r.input for r in rows) == [i.source for i in items[2:]]
    assert summary.skipped == 2 and summary.succeeded == 2  # type: ignore[attr-defined]
    assert progress[-1].skipped == 2 and progress[-1].remaining == 0
    assert len(loop_server.chat_requests("echo")) == 4  # 2 + 2: nothing asked twice


async def test_a_key_every_request_would_be_refused_with_ends_the_batch(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    items = images(tmp_path, 8)

    with pytest.raises(AuthenticationError):
        await run(loop_server, "echo", items, "sk-wrong0123456789abcdef")

    assert len(loop_server.chat_requests()) <= 4  # the first width of requests, not all eight


async def test_cancelling_stops_at_once_and_keeps_the_rows_finished(
    loop_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    loop_server.add_scenario("slowish", InFlight(delay=0.2))
    items = images(tmp_path, 20)
    rows: list[BatchResult] = []
    two_rows = asyncio.Event()

    def on_result(row: BatchResult) -> None:
        rows.append(row)
        if len(rows) == 2:
            two_rows.set()

    task = asyncio.create_task(
        run_batch(
            items,
            settings=Settings(base_url=loop_server.base_url("slowish")),
            key=test_key,
            concurrency=2,
            on_result=on_result,
        )
    )
    await two_rows.wait()

    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    kept = len(rows)
    await asyncio.sleep(0.3)
    assert kept < 20 and len(rows) == kept  # nothing arrives after the cancel
    assert all(r.ok for r in rows)
    await asyncio.sleep(0.05)
    assert loop_server.open_connections == 0  # the requests in flight were closed


async def test_pause_holds_back_new_requests_until_resumed(
    loop_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    items = images(tmp_path, 6)
    running = asyncio.Event()
    rows: list[BatchResult] = []
    task = asyncio.create_task(
        run_batch(
            items,
            settings=Settings(base_url=loop_server.base_url("echo")),
            key=test_key,
            on_result=rows.append,
            pause=running,
        )
    )
    await asyncio.sleep(0.3)
    assert rows == [] and loop_server.chat_requests("echo") == []

    running.set()
    summary = await asyncio.wait_for(task, 10)
    assert summary.succeeded == 6 and json.dumps([r.to_json() for r in rows])
