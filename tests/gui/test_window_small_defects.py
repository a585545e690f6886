"""Issue 11, defect 6 (the smaller ones): the key dialog and notices, a rejected key's turn, the
Tab order, dragged files' labels and the drop highlight, the endpoint remembered across starts.

GIVEN the real window (or dialog) offscreen, WHEN a person does the thing, THEN it reads right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragLeaveEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.keys import KeyringStatus, masked
from qwenvl_desktop.core.keys.store import SESSION_SOURCE
from qwenvl_desktop.gui.key_dialog import KeyDialog
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory, drop, file_mime, make_image
from .test_window import SEED_ANSWER_END, ask, click_link, transcript_text, wait_idle

pytestmark = pytest.mark.gui

WRONG_KEY = "sk-wrongkey0000000000000000000"


def label_texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


# -- a. the key dialog -----------------------------------------------------------------------------


def test_key_dialog_names_the_environment_key_in_use(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("seed"))  # DASHSCOPE_API_KEY is set
    dialog = window.ask_for_key()
    text = label_texts(dialog)
    assert "There is no" not in text
    assert "DASHSCOPE_API_KEY" in text and masked(TEST_KEY) in text
    assert TEST_KEY not in text
    assert "used for this endpoint when that variable is unset" in text
    dialog.reject()


def test_key_dialog_says_the_keyring_problem_once(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = "no Secret Service on the session bus"
    monkeypatch.setattr(
        "qwenvl_desktop.gui.key_dialog.keyring_status",
        lambda: KeyringStatus(False, "fail Keyring", reason),
    )
    dialog = KeyDialog("intl", "https://example.invalid/v1", reason)
    assert label_texts(dialog).count(reason) == 1
    dialog.deleteLater()


# -- b. a key kept for the session only ------------------------------------------------------------


def test_session_only_key_notice_does_not_say_saved(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    window.controller.keys.keyStored.emit(SESSION_SOURCE)
    notice = window.statusBar().currentMessage()
    assert "saved" not in notice.lower()
    assert "this session only" in notice and "DASHSCOPE_API_KEY" in notice


# -- c. a rejected key ----------------------------------------------------------------------------


def test_rejected_key_on_a_custom_endpoint_offers_set_key_and_no_region_talk(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    url = server.base_url("seed")
    memory_keyring.entries[("qwenvl-desktop", f"endpoint:{url}")] = WRONG_KEY
    window = make_window("--base-url", url, key=None)
    ask(qtbot, window, "Who am I?")
    qtbot.waitUntil(lambda: "rejected" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    text = transcript_text(window)
    sentence = next(line for line in text.splitlines() if "rejected" in line)
    assert "endpoint rejected the API key" in sentence
    assert "region" not in sentence.lower() and "Beijing" not in sentence

    click_link(qtbot, window, "Set key…")
    dialog = window.findChild(KeyDialog, "keyDialog")
    assert dialog is not None and dialog.isVisible()
    assert url in label_texts(dialog)
    edit = dialog.findChild(QLineEdit, "keyEdit")
    assert edit is not None
    qtbot.keyClicks(edit, TEST_KEY)
    dialog.buttons.accepted.emit()
    # The key goes to the endpoint's entry and the rejected turn is sent again with it.
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    assert memory_keyring.entries[("qwenvl-desktop", f"endpoint:{url}")] == TEST_KEY
    last = server.chat_requests("seed")[-1]
    assert last.authorization == f"Bearer {TEST_KEY}"


def test_rejected_key_in_a_region_keeps_the_region_sentence(tmp_path: Path) -> None:
    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.protocol.errors import AuthenticationError

    exchange = Exchange("q", region="intl")
    exchange.fail(AuthenticationError(status=401, code="invalid_api_key"))
    assert exchange.error is not None and "region" in exchange.error.sentence
    custom = Exchange("q", region="custom")
    custom.fail(AuthenticationError(status=401, code="invalid_api_key"))
    assert custom.error is not None and "endpoint rejected" in custom.error.sentence


# -- d. the Tab order ------------------------------------------------------------------------------


def tab_walk(qtbot: QtBot, window: QWidget, start: QWidget) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it: the widgets in order."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    seen: list[QWidget] = []
    for _ in range(80):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        window.focusNextChild()
        if QApplication.focusWidget() is start:
            break
    return seen


def test_tab_follows_the_visual_order(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    window.activateWindow()
    window.stop_button.setEnabled(True)  # as while an answer streams: Stop is a Tab stop too
    region = window.findChild(QWidget, "regionPicker")
    assert region is not None
    walk = tab_walk(qtbot, window, region)
    names = [widget.objectName() for widget in walk]
    wanted = [
        "regionPicker",
        "modelPicker",
        "thinkingSwitch",
        "historySearch",
        "historyList",
        "transcriptView",
        "imagePane",
        "addImagesButton",
        "promptEdit",
        "sendButton",
        "stopButton",
    ]
    positions = [names.index(name) for name in wanted]
    assert positions == sorted(positions), names
    quick = window.findChild(QWidget, "quickPromptsBar")
    assert quick is not None
    quick_positions = [i for i, widget in enumerate(walk) if quick.isAncestorOf(widget)]
    assert quick_positions, "the quick prompts are Tab stops"
    assert names.index("addImagesButton") < min(quick_positions)
    assert max(quick_positions) < names.index("promptEdit")


# -- e, f. dragged files: their names, and the pane lit while dragging ----------------------------


def test_dragged_file_is_named_like_a_picked_one(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    dropped = make_image(tmp_path / "dropped.png")
    picked = make_image(tmp_path / "picked.png", color="blue")
    assert drop(window.image_pane, file_mime(dropped))
    window.draft.add_sources([str(picked)])  # what the file dialog's choice does
    qtbot.waitUntil(lambda: len(window.image_pane.findChildren(QLabel, "thumbnailName")) == 2)
    names = {
        label.text(): label.toolTip()
        for label in window.image_pane.findChildren(QLabel, "thumbnailName")
    }
    assert set(names) == {"dropped.png", "picked.png"}
    assert names["dropped.png"] == str(dropped)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)


def frame_colour(pane: QWidget) -> QColor:
    image = pane.grab().toImage()
    return image.pixelColor(image.width() // 2, 0)


def test_dragging_over_the_pane_highlights_it_until_the_drop_or_leave(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    pane = window.image_pane
    highlight = pane.palette().color(QPalette.ColorRole.Highlight)
    assert frame_colour(pane) != highlight
    mime = file_mime(make_image(tmp_path / "a.png"))
    point = QPointF(pane.rect().center())
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(pane, QDragEnterEvent(point, copy, mime, left, none))
    assert frame_colour(pane) == highlight
    QApplication.sendEvent(pane, QDragLeaveEvent())
    assert frame_colour(pane) != highlight
    # Over the window (drops anywhere go to the pane) the pane lights up too; a drop clears it.
    QApplication.sendEvent(window, QDragEnterEvent(point, copy, mime, left, none))
    assert frame_colour(pane) == highlight
    assert drop(pane, mime)
    assert frame_colour(pane) != highlight
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
