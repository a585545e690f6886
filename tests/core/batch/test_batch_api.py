"""The Batch API engine against the loopback server's files and batches, over real HTTP.

GIVEN images made at run time (and a file that is not one), WHEN they go through
``run_via_batch_api``, THEN the uploaded JSONL is the documented shape, the states are reported,
and the rows are the local engine's format, mapped back to their inputs.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.batch import batch_api
from qwenvl_desktop.core.batch.batch_api import (
    BatchApi,
    BatchJobFailed,
    BatchRefused,
    fetch_job_results,
    run_via_batch_api,
)
from qwenvl_desktop.core.batch.inputs import BatchItem
from qwenvl_desktop.core.batch.results import read_results
from qwenvl_desktop.core.batch.runner import BatchSummary
from qwenvl_desktop.core.protocol import ChatClient, Endpoint
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.settings import Settings
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

pytestmark = pytest.mark.asyncio

PROMPT = "What is on this receipt?"


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The local job records go to this test's folder, never the developer's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


class Sleeps:
    """The injected pause: records each delay and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)


def images(folder: Path, count: int) -> list[BatchItem]:
    items = []
    for index in range(count):
        path = folder / f"receipt-{index}.png"
        Image.new("RGB", (64 + index, 48), (index * 40, 90, 200)).save(path)
        items.append(BatchItem(str(path), PROMPT))
    return items


def on_cn(server: LoopbackDashScope, scenario: str = "batch", **changes: object) -> Settings:
    """Settings for Beijing's Batch API, its endpoint replaced by the loopback server's."""
    values: dict[str, object] = {
        "region": "cn",
        "model": "qwen-vl-max",
        "region_urls": (("cn", server.base_url(scenario)),),
    }
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


async def run(
    server: LoopbackDashScope,
    items: list[BatchItem],
    output: Path,
    *,
    scenario: str = "batch",
    statuses: list[str] | None = None,
    sleeps: Callable[[float], Awaitable[None]] | None = None,
    **changes: object,
) -> BatchSummary:
    return await run_via_batch_api(
        items,
        settings=on_cn(server, scenario, **changes),
        key=TEST_KEY,
        output=output,
        on_status=(statuses if statuses is not None else []).append,
        sleep=sleeps or Sleeps(),
    )


async def test_a_whole_batch_is_uploaded_polled_and_written_as_rows(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    items = images(tmp_path, 3)
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    items.insert(1, BatchItem(str(bad), PROMPT))
    output = tmp_path / "results.jsonl"
    statuses: list[str] = []
    sleeps = Sleeps()

    summary = await run(loop_server, items, output, statuses=statuses, sleeps=sleeps)

    assert (summary.succeeded, summary.failed, summary.total) == (3, 1, 4)
    assert summary.tokens == 45
    # The upload: multipart, purpose batch, one line per good image, the documented shape.
    upload = next(r for r in loop_server.requests if r.path.endswith("/files"))
    assert upload.headers["content-type"].startswith("multipart/form-data")
    file_data = next(iter(loop_server.batch_api.files.values()))
    lines = [json.loads(line) for line in file_data.splitlines()]
    assert len(lines) == 3
    for line in lines:
        assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
        body = line["body"]
        assert body["model"] == "qwen-vl-max" and "stream" not in body
        url = body["messages"][0]["content"][1]["image_url"]["url"]
        assert url.startswith("data:image/")
    assert "notes.png" not in file_data.decode()
    create = next(r for r in loop_server.requests if r.path.endswith("/batches"))
    assert create.body["endpoint"] == "/v1/chat/completions"
    assert create.body["completion_window"] == "24h"
    assert create.body["metadata"] == {
        "app": "qwenvl-desktop",
        "model": "qwen-vl-max",
        "prompt": PROMPT,
    }
    # The states, the id early, and a backoff that grows.
    assert "batch_loopback_0001 created" in statuses[1]
    assert "jobs results batch_loopback_0001" in statuses[1]
    states = [s.split(": ", 1)[1].split(",")[0] for s in statuses[2:]]
    assert states == ["in_progress", "finalizing", "completed"]
    assert sleeps.delays == [1.0, 2.0]
    # The rows: the local engine's format, in the order they finished, mapped to the inputs.
    rows = read_results(output)
    by_input = {row.input: row for row in rows}
    assert set(by_input) == {item.source for item in items}
    bad_error = by_input[str(bad)].error
    assert bad_error is not None and bad_error["kind"] == "image"
    good = by_input[items[0].source]
    assert good.ok and good.prompt == PROMPT and good.model == "qwen-vl-max"
    # A flat-colour PNG: lossless, and lossless WebP of it is smaller than PNG.
    assert good.content == f"turns=1 images=1 [image/webp] text={PROMPT!r}"
    assert good.usage == {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
    assert good.finish_reason == "stop" and len(good.sha256) == 64
    assert {line["custom_id"] for line in lines} == {r.custom_id for r in rows if r.ok}
    # The key went only into the Authorization header.
    assert all(r.authorization == f"Bearer {TEST_KEY}" for r in loop_server.requests)
    assert TEST_KEY not in output.read_text() + "".join(statuses) + file_data.decode()
    records = list((tmp_path / "data").rglob("*.jsonl"))
    assert len(records) == 1 and TEST_KEY not in records[0].read_text()


async def test_a_rerun_with_the_same_output_sends_nothing(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    items = images(tmp_path, 2)
    output = tmp_path / "results.csv"
    await run(loop_server, items, output)
    statuses: list[str] = []

    summary = await run(loop_server, items, output, statuses=statuses)

    assert (summary.skipped, summary.succeeded) == (2, 0)
    assert statuses == ["Every input is already in the output file; nothing to send."]
    assert len(loop_server.batch_api.batches) == 1
    assert len(read_results(output)) == 2


async def test_hybrid_thinking_models_say_enable_thinking_explicitly(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    await run(loop_server, images(tmp_path, 1), output, model="qwen3-vl-plus")
    await run(
        loop_server,
        [BatchItem(images(tmp_path, 2)[1].source, "Describe")],
        output,
        model="qwen3-vl-plus",
        thinking=True,
    )

    bodies = [
        json.loads(data.splitlines()[0])["body"]
        for file_id, data in loop_server.batch_api.files.items()
        if file_id in {b.obj["input_file_id"] for b in loop_server.batch_api.batches.values()}
    ]
    assert [b["enable_thinking"] for b in bodies] == [False, True]
    assert not any("stream" in b for b in bodies)  # the loopback fails a batch asking to stream
    assert all(row.ok for row in read_results(output))


async def test_partial_errors_become_error_rows(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    items = images(tmp_path, 4)
    output = tmp_path / "out.jsonl"

    summary = await run(loop_server, items, output, scenario="batch-partial")

    assert (summary.succeeded, summary.failed) == (2, 2)
    rows = {row.input: row for row in read_results(output)}
    failed = [rows[items[1].source], rows[items[3].source]]
    for row in failed:
        assert row.error is not None and row.error["kind"] == "moderation"
        assert row.error["code"] == "data_inspection_failed" and row.error["status"] == 400
        assert row.error["request_id"] == "req-err-42"
    assert rows[items[0].source].ok and rows[items[2].source].ok


async def test_an_expired_batch_keeps_what_was_answered(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    items = images(tmp_path, 4)
    output = tmp_path / "out.jsonl"

    summary = await run(loop_server, items, output, scenario="batch-expired")

    assert (summary.succeeded, summary.failed) == (2, 2)
    unanswered = [row for row in read_results(output) if not row.ok]
    assert {row.error["kind"] for row in unanswered if row.error} == {"batch-expired"}
    assert "24 hours" in unanswered[0].error_sentence


async def test_a_failed_batch_raises_with_the_service_reason(
    loop_server: LoopbackDashScope, tmp_path: Path
) -> None:
    with pytest.raises(BatchJobFailed, match="batch_loopback_0001: the scripted batch-failed"):
        await run(loop_server, images(tmp_path, 1), tmp_path / "o.jsonl", scenario="batch-failed")


@pytest.mark.parametrize(
    ("region", "model", "where"),
    [
        ("intl", "qwen-vl-max", "Beijing (--region cn)"),
        ("us", "qwen-vl-ocr", "Virginia (us) has no Batch API; Beijing (--region cn)"),
        ("cn", "qwen3-vl-235b-a22b-thinking", "no region's Batch API takes it"),
    ],
)
async def test_refused_before_anything_is_read_or_sent(
    loop_server: LoopbackDashScope, tmp_path: Path, region: str, model: str, where: str
) -> None:
    settings = Settings(
        region=region, model=model, region_urls=((region, loop_server.base_url("batch")),)
    )
    missing = BatchItem(str(tmp_path / "never-read.png"), PROMPT)
    with pytest.raises(BatchRefused, match=r"Batch API") as refused:
        await run_via_batch_api(
            [missing],
            settings=settings,
            key=TEST_KEY,
            output=tmp_path / "o.jsonl",
            on_status=print,
        )
    assert where in str(refused.value)
    assert loop_server.requests == []
    assert not (tmp_path / "o.jsonl").exists()


async def test_too_many_requests_or_bytes_are_refused(
    loop_server: LoopbackDashScope, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unread = [BatchItem(str(tmp_path / f"{n}.png"), PROMPT) for n in range(101)]
    with pytest.raises(BatchRefused, match=r"101 inputs are more than one batch takes \(100"):
        await run(loop_server, unread, tmp_path / "o.jsonl", model="batch-test-model")

    monkeypatch.setattr(batch_api, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(BatchRefused, match=r"over the service.s 1,000 bytes limit at .*receipt-"):
        await run(loop_server, images(tmp_path, 3), tmp_path / "o.jsonl")
    assert loop_server.batch_api.files == {}


async def test_stopping_while_waiting_leaves_the_job_running_and_says_how_to_fetch_it(
    loop_server: LoopbackDashScope, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = images(tmp_path, 2)
    statuses: list[str] = []
    running = asyncio.Event()

    async def sleep(delay: float) -> None:
        running.set()
        await asyncio.sleep(3600)

    task = asyncio.create_task(
        run(
            loop_server,
            items,
            tmp_path / "o.jsonl",
            scenario="batch-slow",
            statuses=statuses,
            sleeps=sleep,
        )
    )
    await asyncio.wait_for(running.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert statuses[-1].startswith("Stopped waiting; batch batch_loopback_0001 keeps running")
    assert "jobs results batch_loopback_0001 --output FILE" in statuses[-1]
    assert loop_server.batch_api.batches["batch_loopback_0001"].obj["status"] == "in_progress"

    # Later — here, or on a machine without the local record — the rows are fetched.
    endpoint = Endpoint(loop_server.base_url("batch-slow"), TEST_KEY, "cn")
    async with ChatClient() as client:
        api = BatchApi(client, endpoint)
        cancelling = await api.cancel("batch_loopback_0001")
        assert cancelling.status == "cancelling"
        listed = await api.list()
        assert [job.id for job in listed] == ["batch_loopback_0001"]
    settings = on_cn(loop_server, "batch-slow")
    here = tmp_path / "here.jsonl"
    job, succeeded, failed = await fetch_job_results(
        "batch_loopback_0001", settings=settings, key=TEST_KEY, output=here
    )
    assert (job.status, succeeded, failed) == ("cancelled", 0, 2)
    assert {row.input for row in read_results(here)} == {item.source for item in items}

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-machine"))
    elsewhere = tmp_path / "elsewhere.jsonl"
    await fetch_job_results(
        "batch_loopback_0001", settings=settings, key=TEST_KEY, output=elsewhere
    )
    assert read_results(elsewhere) == []  # nothing answered, and no record of what was asked


async def test_rows_fetched_without_the_local_record_name_the_custom_id(
    loop_server: LoopbackDashScope, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = images(tmp_path, 2)
    here = tmp_path / "here.jsonl"
    await run(loop_server, items, here)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-machine"))
    elsewhere = tmp_path / "elsewhere.jsonl"

    job, succeeded, _ = await fetch_job_results(
        "batch_loopback_0001", settings=on_cn(loop_server), key=TEST_KEY, output=elsewhere
    )

    assert (job.status, succeeded) == ("completed", 2)
    rows = read_results(elsewhere)
    assert {row.input for row in rows} == {row.custom_id for row in read_results(here)}
    assert {(row.prompt, row.model) for row in rows} == {(PROMPT, "qwen-vl-max")}
    await fetch_job_results(
        "batch_loopback_0001", settings=on_cn(loop_server), key=TEST_KEY, output=elsewhere
    )
    assert read_results(elsewhere) == rows  # fetched again: no second copy


async def test_the_catalog_names_where_batch_works() -> None:
    catalog = load_catalog()
    assert catalog.batch_available("cn", "qwen-vl-ocr")
    assert catalog.batch_available("intl", "qwen-plus")
    assert not catalog.batch_available("intl", "qwen3-vl-plus")
    assert catalog.batch_available("custom", "anything")  # a gateway answers for itself
    alias = catalog.with_aliases({"gw-vision": "qwen-vl-max"}, ["cn"])
    assert alias.batch_available("cn", "gw-vision")
    assert catalog.batch_refusal("cn", "qwen-vl-max") is None
    assert catalog.batch_refusal("intl", "qwen3-vl-plus") == (
        "Singapore's Batch API (intl) does not take qwen3-vl-plus; Beijing (--region cn) runs "
        "qwen3-vl-plus as a batch, with a key of that region (or drop --via-batch-api to ask "
        "about each image directly)."
    )
