"""Typing Japanese and Chinese through an input method in the real window's prompt.

GIVEN the real window and the loopback server, WHEN an input method composes text (preedit)
and then commits it, THEN the prompt holds the committed text, and Enter, Ctrl+Enter or Esc
pressed DURING the composition neither send nor stop: nothing reaches the server until the
composition is committed and the person sends.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.prompt_edit import PromptEdit
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


def compose(prompt: PromptEdit, preedit: str) -> None:
    """What an input method sends while the person picks a candidate: uncommitted text."""
    QApplication.sendEvent(prompt, QInputMethodEvent(preedit, []))


def commit(prompt: PromptEdit, text: str) -> None:
    """The input method commits ``text`` and closes the composition."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(prompt, event)


def focused_prompt(qtbot: QtBot, window: MainWindow) -> PromptEdit:
    window.prompt.setFocus()
    qtbot.waitUntil(window.prompt.hasFocus, timeout=5000)
    return window.prompt


def test_preedit_then_commit_leaves_the_committed_text(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url())
    prompt = focused_prompt(qtbot, window)
    qtbot.keyClicks(prompt, "AB ")
    compose(prompt, "にほんご")
    assert prompt.composing
    # The preedit is shown but not part of the question yet.
    assert prompt.toPlainText() == "AB "
    commit(prompt, "日本語")
    assert not prompt.composing
    assert prompt.toPlainText() == "AB 日本語"
    compose(prompt, "fapiao")
    commit(prompt, "发票")
    assert prompt.toPlainText() == "AB 日本語发票"


def test_ctrl_enter_and_esc_during_composition_do_not_send_or_stop(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url())
    sent: list[str] = []
    window.prompt.sendRequested.connect(lambda: sent.append("prompt"))
    window.send_action.triggered.connect(lambda: sent.append("shortcut"))
    stopped: list[bool] = []
    window.prompt.stopRequested.connect(lambda: stopped.append(True))
    prompt = focused_prompt(qtbot, window)

    compose(prompt, "しゃしん")
    qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(prompt, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    qtbot.wait(200)  # a send would post its request from the event loop
    assert sent == [] and stopped == []
    assert server.chat_requests() == []
    assert not window.controller.busy
    assert prompt.toPlainText() == ""  # Enter did not add a line under the composition

    commit(prompt, "写真")
    qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent  # the same key sends once the text is committed
    qtbot.waitUntil(lambda: len(server.chat_requests()) == 1, timeout=5000)
    assert server.chat_requests()[0].body["messages"][-1]["content"] == "写真"
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)


def test_enter_to_send_mode_waits_for_the_composition_too(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url())
    window.prompt.set_send_with("enter")
    sent: list[bool] = []
    window.prompt.sendRequested.connect(lambda: sent.append(True))
    prompt = focused_prompt(qtbot, window)

    compose(prompt, "mao")
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert sent == [] and server.chat_requests() == []

    commit(prompt, "猫")
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert sent == [True]
    qtbot.waitUntil(lambda: len(server.chat_requests()) == 1, timeout=5000)
    assert server.chat_requests()[0].body["messages"][-1]["content"] == "猫"
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)


def test_a_cancelled_composition_gives_the_keys_back(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url())
    window.prompt.set_send_with("enter")
    sent: list[bool] = []
    window.prompt.sendRequested.connect(lambda: sent.append(True))
    prompt = focused_prompt(qtbot, window)
    qtbot.keyClicks(prompt, "cat")
    compose(prompt, "ねこ")
    compose(prompt, "")  # the person pressed Esc in the input method: preedit gone, no commit
    assert not prompt.composing
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert sent == [True]
    qtbot.waitUntil(lambda: len(server.chat_requests()) == 1, timeout=5000)
    assert server.chat_requests()[0].body["messages"][-1]["content"] == "cat"
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)
