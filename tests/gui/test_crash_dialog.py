"""The crash reporter on the real window: an uncaught exception is logged and shown, never the key.

GIVEN the window built by ``create_main_window`` and the reporter :func:`qwenvl_desktop.app.main`
installs, WHEN a slot, an asyncio callback or a forgotten task raises, THEN a non-modal dialog
shows the traceback, "Copy details" copies it without the key, the log holds no key either, and
the window goes on answering questions.

pytest-qt has its own ``sys.excepthook`` during a test (a slot that raises fails the test); the
reporter is installed over it inside each test and uninstalled before the test ends.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from types import TracebackType

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.crash_dialog import CrashReporter, install_crash_reporter
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.services.event_loop import AppEventLoop
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

#: a custom endpoint's key need not look like a DashScope key; it is known from the environment
ODD_KEY = "corp-gateway-secret-7Hq2Zx9w"


def leaky_message() -> str:
    return f"refused: key={TEST_KEY} other={ODD_KEY} Authorization: Bearer {TEST_KEY}"


def assert_no_key(text: str) -> None:
    assert TEST_KEY not in text
    assert ODD_KEY not in text
    assert TEST_KEY[:12] not in text  # not even most of it


@pytest.fixture
def window(
    make_window: WindowFactory, server: LoopbackDashScope, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setenv("DASHSCOPE_API_KEY_CORPGATEWAY", ODD_KEY)
    return make_window("--base-url", server.base_url("seed"))


@pytest.fixture
def reporter(window: MainWindow, qloop: AppEventLoop) -> Iterator[CrashReporter]:
    installed = install_crash_reporter(window, qloop)
    yield installed
    installed.uninstall()
    dialog = installed.dialog
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()


def raise_from_a_slot(qtbot: QtBot, message: str) -> None:
    """A QTimer's timeout slot that raises, as a bug in a window slot would."""
    timer = QTimer()
    timer.setSingleShot(True)

    def on_timeout_that_fails() -> None:
        raise RuntimeError(message)

    timer.timeout.connect(on_timeout_that_fails)
    timer.start(0)
    qtbot.wait(50)  # the timer fires; PySide6 hands the exception to sys.excepthook


def dialog_shown(reporter: CrashReporter) -> bool:
    dialog = reporter.dialog
    return dialog is not None and dialog.isVisible()


def ask_and_wait_for_the_answer(qtbot: QtBot, window: MainWindow, question: str) -> None:
    window.prompt.setPlainText(question)
    window.send_button.click()
    qtbot.waitUntil(
        lambda: (last := window.controller.last_exchange()) is not None and last.state == "done",
        timeout=10000,
    )
    last = window.controller.last_exchange()
    assert last is not None and last.answer
    assert last.answer[:40] in window.transcript.toPlainText()


def test_given_a_slot_that_raises_then_a_dialog_shows_the_traceback_without_the_key(
    window: MainWindow, reporter: CrashReporter, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="qwenvl_desktop.gui.crash_dialog")

    raise_from_a_slot(qtbot, leaky_message())

    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)
    dialog = reporter.dialog
    assert dialog is not None
    assert not dialog.isModal()
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    details = dialog.details_text()
    assert "Traceback (most recent call last)" in details
    assert "on_timeout_that_fails" in details  # the frame that raised
    assert "RuntimeError: refused: key=… other=…" in details
    assert "RuntimeError" in dialog.summary.text()
    assert_no_key(details)
    assert_no_key(dialog.summary.text())
    # The log line has the same scrubbed traceback.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "on_timeout_that_fails" in logged
    assert_no_key(logged)


def test_given_the_dialog_when_copy_details_is_clicked_then_the_clipboard_has_them_without_the_key(
    window: MainWindow, reporter: CrashReporter, qtbot: QtBot
) -> None:
    raise_from_a_slot(qtbot, leaky_message())
    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)
    dialog = reporter.dialog
    assert dialog is not None
    QGuiApplication.clipboard().setText("something else")

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.details_text()
    assert "on_timeout_that_fails" in copied
    assert_no_key(copied)


def test_given_a_slot_that_raised_then_the_window_still_answers_questions(
    window: MainWindow, reporter: CrashReporter, qtbot: QtBot, server: LoopbackDashScope
) -> None:
    raise_from_a_slot(qtbot, "a bug in some slot")
    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)

    ask_and_wait_for_the_answer(qtbot, window, "Still there?")

    assert len(server.chat_requests()) == 1
    assert window.isVisible()


def test_given_two_failures_then_one_dialog_lists_both(
    window: MainWindow, reporter: CrashReporter, qtbot: QtBot
) -> None:
    raise_from_a_slot(qtbot, "first failure")
    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)
    first = reporter.dialog

    raise_from_a_slot(qtbot, "second failure")

    qtbot.waitUntil(lambda: "second failure" in (reporter.dialog or first).details_text())  # type: ignore[union-attr]
    assert reporter.dialog is first
    assert first is not None
    assert "first failure" in first.details_text()
    assert first.summary.text().startswith("2 unexpected errors")


def test_given_an_asyncio_callback_that_raises_then_the_dialog_shows_it(
    window: MainWindow, reporter: CrashReporter, qloop: AppEventLoop, qtbot: QtBot
) -> None:
    def callback_that_fails() -> None:
        raise ValueError(leaky_message())

    qloop.call_soon(callback_that_fails)

    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)
    assert reporter.dialog is not None
    details = reporter.dialog.details_text()
    assert "callback_that_fails" in details
    assert "in the event loop" in details
    assert_no_key(details)


def test_given_a_forgotten_task_that_failed_then_the_dialog_shows_it(
    window: MainWindow, reporter: CrashReporter, qloop: AppEventLoop, qtbot: QtBot
) -> None:
    async def task_that_fails() -> None:
        raise LookupError("nobody awaited me")

    task = qloop.create_task(task_that_fails())
    qtbot.waitUntil(task.done, timeout=5000)
    del task
    gc.collect()  # "Task exception was never retrieved" is reported when the task is collected

    qtbot.waitUntil(lambda: dialog_shown(reporter), timeout=5000)
    assert reporter.dialog is not None
    details = reporter.dialog.details_text()
    assert "task_that_fails" in details
    assert "LookupError: nobody awaited me" in details
    ask_and_wait_for_the_answer(qtbot, window, "And now?")


def test_given_the_reporter_when_uninstalled_then_the_previous_hooks_are_back(
    window: MainWindow, qloop: AppEventLoop
) -> None:
    before_hook = sys.excepthook
    before_handler = qloop.get_exception_handler()

    reporter = install_crash_reporter(window, qloop)
    reporter.install(qloop)  # a second install changes nothing
    assert sys.excepthook is not before_hook
    assert qloop.get_exception_handler() is not before_handler
    reporter.uninstall()
    reporter.uninstall()

    assert sys.excepthook is before_hook
    assert qloop.get_exception_handler() is before_handler


def test_given_ctrl_c_then_the_previous_hook_handles_it_and_no_dialog_opens(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []

    def previous(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        seen.append(kind)

    monkeypatch.setattr(sys, "excepthook", previous)
    reporter = install_crash_reporter(window)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        reporter.uninstall()

    assert seen == [KeyboardInterrupt]
    assert reporter.dialog is None
