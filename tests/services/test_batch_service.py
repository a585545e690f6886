"""The batch service on its own against the loopback DashScope server.

GIVEN a :class:`BatchRun` (no window) and images made at run time WHEN a batch is started,
paused, resumed, cancelled, exported or a row opened THEN its signals, its rows and the requests
the server received say so.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.batch.inputs import BatchItem
from qwenvl_desktop.core.batch.results import BatchResult, read_results
from qwenvl_desktop.core.keys import KeyLookup
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.batch import BatchRun
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.keys import KeyService
from tests.conftest import TEST_KEY
from tests.gui.conftest import make_image
from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    sc_seed,
)

pytestmark = pytest.mark.gui

RunFactory = Callable[..., BatchRun]

#: how the ``seed`` scenario's answer begins, streamed or not
SEED_ANSWER_START = ("In Figure 1, a woman", "In the picture, a woman")


@pytest.fixture
def make_run(qloop: AppEventLoop, qtbot: QtBot) -> Iterator[RunFactory]:
    """``make_run(key=...)``: a batch service whose key lookup finds ``key``; closed after."""
    runs: list[BatchRun] = []

    def make(key: str | None = TEST_KEY) -> BatchRun:
        def lookup(region: str, custom_url: str | None) -> KeyLookup:
            return KeyLookup(key, "test double" if key else "none")

        run = BatchRun(KeyService(lookup))
        runs.append(run)
        return run

    yield make
    for run in runs:
        closing = qloop.create_task(run.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        assert closing.exception() is None


@pytest.fixture
def images(tmp_path: Path) -> Path:
    """A folder of five small images, one in a subfolder."""
    folder = tmp_path / "receipts"
    (folder / "more").mkdir(parents=True)
    colours = ["red", "green", "blue", "yellow"]
    for index, colour in enumerate(colours):
        make_image(folder / f"receipt-{index}.png", (120, 90), colour)
    make_image(folder / "more" / "receipt-4.jpg", (160, 120))
    return folder


@pytest.fixture
def gate(server: LoopbackDashScope) -> Iterator[threading.Event]:
    """Scenario ``held``: every request after the first ``server.free`` waits for the gate."""
    opened = threading.Event()
    server.free = 0  # type: ignore[attr-defined]

    async def held(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        if server.count(req.scenario) > server.free:  # type: ignore[attr-defined]
            # The gate is opened from the test's thread: the server's loop looks at it.
            while not opened.is_set():  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await sc_seed(server, req, reply)

    server.add_scenario("held", held)
    yield opened
    opened.set()  # requests a test dropped may still be waiting


def settings_for(server: LoopbackDashScope, scenario: str = "seed") -> Settings:
    return Settings(base_url=server.base_url(scenario), model="qwen3-vl-plus", history=False)


def find_items(run: BatchRun, qtbot: QtBot, paths: list[str], prompt: str) -> list[BatchItem]:
    with qtbot.waitSignal(run.inputsFound, timeout=5000) as found:
        run.find_inputs(paths)
    items, _sentence = found.args
    return [BatchItem(item.source, item.prompt or prompt) for item in items]


def test_given_a_folder_when_the_batch_runs_then_every_image_is_asked_about_once(
    make_run: RunFactory, server: LoopbackDashScope, images: Path, qtbot: QtBot
) -> None:
    run = make_run()
    with qtbot.waitSignal(run.inputsFound, timeout=5000) as found:
        run.find_inputs([str(images)])
    assert found.args[1] == "5 images found"
    items = [BatchItem(item.source, "What is the total?") for item in found.args[0]]
    rows: list[BatchResult] = []
    progress: list[tuple[int, int, int]] = []
    run.rowDone.connect(rows.append)
    run.progress.connect(lambda *args: progress.append(args))

    with qtbot.waitSignal(run.finished, timeout=15000) as finished:
        assert run.start(items, settings_for(server), concurrency=3)
        assert not run.start(items, settings_for(server))  # one run at a time

    summary = finished.args[0]
    assert (summary.succeeded, summary.failed, summary.total) == (5, 0, 5)
    assert sorted(row.input for row in rows) == sorted(item.source for item in items)
    assert all(row.ok and row.content.startswith(SEED_ANSWER_START) for row in rows)
    assert progress[0] == (0, 0, 5) and progress[-1] == (5, 0, 5)
    assert run.state == "done" and not run.cancelled
    requests = server.chat_requests("seed")
    assert len(requests) == 5
    for request in requests:
        (message,) = request.body["messages"]
        kinds = [part["type"] for part in message["content"]]
        assert kinds.count("image_url") == 1
        assert {"type": "text", "text": "What is the total?"} in message["content"]
        assert request.authorization == f"Bearer {TEST_KEY}"


def test_given_a_file_that_is_no_image_when_the_batch_runs_then_its_row_fails_and_others_go_on(
    make_run: RunFactory, server: LoopbackDashScope, images: Path, qtbot: QtBot
) -> None:
    (images / "notes.png").write_text("this is not a picture")
    run = make_run()
    items = find_items(run, qtbot, [str(images)], "Describe it.")
    assert len(items) == 6

    with qtbot.waitSignal(run.finished, timeout=15000) as finished:
        run.start(items, settings_for(server))

    summary = finished.args[0]
    assert (summary.succeeded, summary.failed) == (5, 1)
    (bad,) = [row for row in run.results if not row.ok]
    assert bad.input.endswith("notes.png")
    assert bad.error is not None and bad.error["kind"] == "image" and bad.error["sentence"]
    assert len(server.chat_requests("seed")) == 5  # the bad image was never sent


def test_given_a_paused_batch_then_no_new_request_starts_until_it_resumes(
    make_run: RunFactory,
    server: LoopbackDashScope,
    images: Path,
    gate: threading.Event,
    qtbot: QtBot,
) -> None:
    run = make_run()
    items = find_items(run, qtbot, [str(images)], "Describe it.")
    states: list[str] = []
    run.stateChanged.connect(states.append)
    run.start(items, settings_for(server, "held"), concurrency=2)
    qtbot.waitUntil(lambda: server.count("held") == 2, timeout=5000)

    run.pause()
    gate.set()  # the two requests on their way finish…
    qtbot.waitUntil(lambda: len(run.results) >= 2, timeout=5000)
    qtbot.wait(600)
    assert server.count("held") == 2  # …and no new one starts
    assert run.state == "paused"

    with qtbot.waitSignal(run.finished, timeout=15000):
        run.resume()
    assert len(run.results) == 5 and server.count("held") == 5
    assert states == ["running", "paused", "running", "done"]


def test_given_a_running_batch_when_cancelled_then_the_finished_rows_are_kept(
    make_run: RunFactory,
    server: LoopbackDashScope,
    images: Path,
    gate: threading.Event,
    qtbot: QtBot,
) -> None:
    server.free = 2  # type: ignore[attr-defined]
    run = make_run()
    items = find_items(run, qtbot, [str(images)], "Describe it.")
    run.start(items, settings_for(server, "held"), concurrency=2)
    qtbot.waitUntil(lambda: len(run.results) == 2 and server.count("held") == 4, timeout=5000)

    with qtbot.waitSignal(run.finished, timeout=5000) as finished:
        run.cancel()

    summary = finished.args[0]
    assert run.cancelled and run.state == "done"
    assert (summary.succeeded, summary.failed, summary.total) == (2, 0, 5)
    assert len(run.results) == 2  # the two requests in flight were dropped
    gate.set()
    qtbot.wait(300)
    assert len(run.results) == 2  # and nothing arrives after the end


def test_given_no_key_when_started_then_a_sentence_says_so_and_nothing_is_sent(
    make_run: RunFactory, server: LoopbackDashScope, images: Path, qtbot: QtBot
) -> None:
    run = make_run(key=None)
    items = find_items(run, qtbot, [str(images)], "Describe it.")
    failures: list[str] = []
    run.failed.connect(failures.append)

    with qtbot.waitSignal(run.finished, timeout=5000):
        run.start(items, settings_for(server))

    assert len(failures) == 1 and "No API key" in failures[0]
    assert server.chat_requests() == []
    assert run.summary is not None and run.summary.succeeded == 0


def test_given_no_images_when_inputs_are_looked_for_then_a_sentence_says_so(
    make_run: RunFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    (tmp_path / "empty").mkdir()
    run = make_run()
    with qtbot.waitSignal(run.inputsFound, timeout=5000) as found:
        run.find_inputs([str(tmp_path / "empty")])
    items, sentence = found.args
    assert items == [] and sentence.startswith("No images found")


def test_given_finished_rows_when_exported_then_the_file_holds_them_and_not_the_key(
    make_run: RunFactory, server: LoopbackDashScope, images: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    run = make_run()
    items = find_items(run, qtbot, [str(images)], "Describe it.")
    with qtbot.waitSignal(run.finished, timeout=15000):
        run.start(items, settings_for(server))

    for name in ("out.csv", "out.jsonl"):
        target = tmp_path / name
        for _twice in range(2):  # an export replaces the file, it never appends
            with qtbot.waitSignal(run.notice, timeout=5000) as notice:
                run.export(target)
            assert notice.args[0] == f"Exported 5 rows to {target}"
        assert read_results(target) == run.results
        assert TEST_KEY not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.csv", "out.jsonl"]


def test_given_a_row_when_opened_then_it_becomes_one_exchange_with_its_image(
    make_run: RunFactory, server: LoopbackDashScope, images: Path, qtbot: QtBot
) -> None:
    run = make_run()
    items = find_items(run, qtbot, [str(images / "receipt-0.png")], "What colour is it?")
    with qtbot.waitSignal(run.finished, timeout=15000):
        run.start(items, settings_for(server))
    (row,) = run.results

    with qtbot.waitSignal(run.conversationReady, timeout=5000) as ready:
        run.open_result(row, region="custom")
    conversation, note = ready.args
    (exchange,) = conversation.exchanges
    assert note == ""
    assert exchange.question == "What colour is it?" and exchange.answer == row.content
    assert exchange.state == "done" and exchange.model == "qwen3-vl-plus"
    assert exchange.usage is not None and exchange.usage.total_tokens == row.total_tokens
    (attachment,) = exchange.attachments
    assert attachment.url.startswith("data:image/")

    (images / "receipt-0.png").unlink()  # moved away since
    with qtbot.waitSignal(run.conversationReady, timeout=5000) as ready:
        run.open_result(row, region="custom")
    conversation, note = ready.args
    assert conversation.exchanges[0].attachments == [] and note.startswith("Opened without")
