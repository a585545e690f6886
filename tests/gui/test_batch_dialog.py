"""Tools ▸ Ask about many images… in the real window, against the loopback server.

GIVEN the window and images made at run time WHEN the dialog is opened, a folder chosen and the
batch started, paused, cancelled, exported or a row double-clicked THEN the dialog, the window
and the requests the server received say so.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.batch.results import BatchResult, read_results
from qwenvl_desktop.gui.batch_dialog import BatchDialog
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.services.event_loop import AppEventLoop
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    sc_seed,
)

from .conftest import WindowFactory, make_image

pytestmark = pytest.mark.gui

#: how the ``seed`` scenario's answer begins, streamed or not (a thinking model streams)
SEED_ANSWER_START = ("In Figure 1, a woman", "In the picture, a woman")


@pytest.fixture
def images(tmp_path: Path) -> Path:
    """A folder of three images (one in a subfolder) and a file that is not an image."""
    folder = tmp_path / "scans"
    (folder / "older").mkdir(parents=True)
    make_image(folder / "page-1.png", (120, 90), "red")
    make_image(folder / "page-2.jpg", (160, 120))
    make_image(folder / "older" / "page-3.webp", (100, 100), "blue")
    (folder / "broken.png").write_text("not a picture")
    return folder


@pytest.fixture
def gate(server: LoopbackDashScope) -> Iterator[threading.Event]:
    """Scenario ``held``: every request waits until the gate opens."""
    opened = threading.Event()

    async def held(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        # The gate is opened from the test's thread: the server's loop looks at it.
        while not opened.is_set():  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        await sc_seed(server, req, reply)

    server.add_scenario("held", held)
    yield opened
    opened.set()


def open_dialog(window: MainWindow) -> BatchDialog:
    action = window.findChild(QAction, "actionBatch")
    assert isinstance(action, QAction) and action.isEnabled()
    assert action in window.capture_tools.tools_menu.actions()
    action.trigger()
    dialog = window.findChild(QDialog, "batchDialog")
    assert isinstance(dialog, BatchDialog)
    return dialog


def choose_folder(qtbot: QtBot, dialog: BatchDialog, folder: Path) -> None:
    """Pick ``folder`` in the dialog's own (non-modal) folder dialog, as a person would."""
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    picker = dialog.findChild(QFileDialog, "batchFileDialog")
    assert isinstance(picker, QFileDialog) and picker.isVisible() and not dialog.isModal()
    picker.fileSelected.emit(str(folder))
    picker.close()


def run_to_the_end(qtbot: QtBot, dialog: BatchDialog, rows: int) -> None:
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run.state == "done", timeout=15000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows, timeout=5000)


def cell(dialog: BatchDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def test_given_the_window_when_tools_ask_about_many_images_then_the_dialog_opens_beside_it(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"), "--model", "qwen-vl-max")

    dialog = open_dialog(window)

    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.model_choice.currentText() == "qwen-vl-max"  # the window's model
    assert dialog.prompt() == "Describe this image in detail."  # the first quick prompt
    assert not dialog.start_button.isEnabled()  # no images chosen yet
    dialog.prompt_edit.setPlainText("Read the total.")  # edited: no longer the quick prompt
    assert dialog.prompt_choice.currentText() == "Custom question"
    assert window.prompt.isEnabled()  # the window stays usable
    assert open_dialog(window) is dialog  # one dialog, shown again


def test_given_a_folder_when_started_then_each_image_gets_a_row_and_the_progress_ends_done(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    images: Path,
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    dialog = open_dialog(window)
    choose_folder(qtbot, dialog, images)
    qtbot.waitUntil(lambda: "4 images found" in dialog.inputs_label.text(), timeout=5000)
    dialog.prompt_edit.setPlainText("What page is this?")

    run_to_the_end(qtbot, dialog, rows=4)

    by_name = {cell(dialog, row, 0): row for row in range(4)}
    assert sorted(by_name) == ["broken.png", "page-1.png", "page-2.jpg", "page-3.webp"]
    bad = by_name.pop("broken.png")
    assert cell(dialog, bad, 1) == "failed (image)" and cell(dialog, bad, 2)
    for row in by_name.values():
        answer = dialog.model.result(row).content
        assert cell(dialog, row, 1) == "done" and answer.startswith(SEED_ANSWER_START)
        shown = cell(dialog, row, 2)  # the first line, shortened to fit a cell
        assert answer.splitlines()[0].startswith(shown.removesuffix("…")) and len(shown) <= 200
        assert int(cell(dialog, row, 3).replace(",", "")) > 0
    assert dialog.progress_label.text().startswith("Finished: 3 answered, 1 failed of 4")
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == 4
    assert dialog.start_button.text() == "Start again" and dialog.export_csv_button.isEnabled()
    requests = server.chat_requests("seed")
    assert len(requests) == 3
    for request in requests:
        (message,) = request.body["messages"]
        assert {"type": "text", "text": "What page is this?"} in message["content"]
        assert request.body["model"] == window.controller.model
        assert request.authorization == f"Bearer {TEST_KEY}"


def test_given_many_rows_at_once_then_the_table_takes_them_in_one_insertion(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    dialog = open_dialog(window)
    insertions: list[tuple[int, int]] = []
    dialog.model.rowsInserted.connect(lambda _parent, first, last: insertions.append((first, last)))

    for number in range(300):
        result = BatchResult(
            f"/scans/{number}.png", "Describe", "qwen3-vl-plus", f"Answer {number}"
        )
        dialog.run.rowDone.emit(result)
    assert dialog.model.rowCount() == 0  # nothing drawn per row…
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 300, timeout=2000)

    assert insertions == [(0, 299)]  # …but all of them at once
    assert cell(dialog, 299, 2) == "Answer 299"


def test_given_a_row_when_double_clicked_then_it_opens_in_the_window_and_follow_ups_send_its_image(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, images: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    dialog = open_dialog(window)
    dialog.set_inputs([str(images / "page-1.png")])
    dialog.prompt_edit.setPlainText("What colour is the page?")
    run_to_the_end(qtbot, dialog, rows=1)

    table = dialog.table
    point = table.visualRect(dialog.model.index(0, 2)).center()
    # A press and release first, as a real double-click has: the view opens on the second.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: len(window.controller.conversation.exchanges) == 1, timeout=5000)

    (exchange,) = window.controller.conversation.exchanges
    answer = dialog.model.result(0).content
    assert exchange.question == "What colour is the page?" and exchange.answer == answer
    assert answer.startswith(SEED_ANSWER_START) and exchange.state == "done"
    assert len(exchange.attachments) == 1
    shown = window.transcript.toPlainText()
    assert "What colour is the page?" in shown and answer.splitlines()[0] in shown
    sidebar = window.history_sidebar  # saved like any conversation
    qtbot.waitUntil(
        lambda: any(title == "What colour is the page?" for _, title, _ in sidebar.rows()),
        timeout=5000,
    )

    window.prompt.setPlainText("Is it really red?")
    window.send()
    qtbot.waitUntil(lambda: len(server.chat_requests("seed")) == 2, timeout=5000)
    messages = server.chat_requests("seed")[1].body["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    (image,) = [part for part in messages[0]["content"] if part["type"] == "image_url"]
    assert image["image_url"]["url"].startswith("data:image/")
    assert messages[1]["content"] == answer


def test_given_a_running_batch_then_pause_resume_and_cancel_keep_what_finished(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    images: Path,
    gate: threading.Event,
) -> None:
    window = make_window("--base-url", server.base_url("held"))
    dialog = open_dialog(window)
    dialog.set_inputs([str(images)])
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    dialog.concurrency.setValue(1)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.count("held") == 1, timeout=5000)
    assert not dialog.model_choice.isEnabled() and not dialog.start_button.isEnabled()

    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert dialog.run.state == "paused" and dialog.pause_button.text() == "Resume"
    assert dialog.progress_label.text().endswith("paused")
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert dialog.run.state == "running" and dialog.pause_button.text() == "Pause"

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.run.state == "done", timeout=5000)
    assert dialog.run.cancelled
    assert dialog.progress_label.text().startswith("Cancelled: 0 answered")
    assert dialog.model_choice.isEnabled() and dialog.start_button.isEnabled()
    assert not dialog.pause_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_given_finished_rows_when_exported_then_the_file_holds_them(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    images: Path,
    tmp_path: Path,
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    dialog = open_dialog(window)
    dialog.set_inputs([str(images)])
    run_to_the_end(qtbot, dialog, rows=4)

    for button, name in (
        (dialog.export_csv_button, "out.csv"),
        (dialog.export_jsonl_button, "out.jsonl"),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        picker = dialog.findChild(QFileDialog, "batchFileDialog")
        assert isinstance(picker, QFileDialog) and picker.isVisible()
        picker.fileSelected.emit(str(tmp_path / name))
        picker.close()
        qtbot.waitUntil(lambda name=name: name in dialog.notice_label.text(), timeout=5000)
        assert dialog.notice_label.text() == f"Exported 4 rows to {tmp_path / name}"
        rows = read_results(tmp_path / name)
        assert sorted(r.input for r in rows) == sorted(r.input for r in dialog.model.results())
        assert TEST_KEY not in (tmp_path / name).read_text(encoding="utf-8")


def test_given_a_running_batch_when_the_window_closes_then_the_run_ends_cleanly(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    qloop: AppEventLoop,
    images: Path,
    gate: threading.Event,
) -> None:
    window = make_window("--base-url", server.base_url("held"))
    dialog = open_dialog(window)
    dialog.set_inputs([str(images)])
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.count("held") >= 1, timeout=5000)

    window.close()
    closing = qloop.create_task(window.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)

    assert closing.exception() is None
    assert not dialog.isVisible()
    assert dialog.run.state == "done" and dialog.run.cancelled


def test_given_no_key_when_started_then_the_dialog_says_so(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, images: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"), key=None)
    dialog = open_dialog(window)
    dialog.set_inputs([str(images)])
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No API key" in dialog.notice_label.text(), timeout=5000)
    assert server.chat_requests() == []
