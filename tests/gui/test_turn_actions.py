"""The per-turn actions of the transcript, end to end in the real window (issue 11).

GIVEN the window against the loopback DashScope server and a real SQLite history, WHEN a person
uses the icon buttons under a turn (or the window's shortcuts for the last turn), THEN:
regenerate keeps the earlier answers as versions, navigable with ‹ ›, in the history too; edit
and resend drops the later turns, and Undo brings them back (in the history too); Continue after
Stop appends to the same reply (partial mode where the model takes it, else a request to
continue); Retry resends a failed turn; every button has a tooltip naming its shortcut and an
alternative text; its icon follows the palette at a readable contrast.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QGuiApplication, QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import CONTINUE_REQUEST
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.gui.help_dialogs import shortcut_rows
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.transcript.colours import contrast_ratio
from qwenvl_desktop.gui.transcript.turn_actions import ICON_SIZE, paint_icon
from qwenvl_desktop.services.chat import takes_partial_mode
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    error_body,
    usage_json,
)

from .conftest import WindowFactory, make_image
from .test_transcript_view import app_palette, dark_palette, light_palette  # noqa: F401
from .test_window import ask, image_parts, transcript_text, wait_idle
from .turn_buttons import button_center, click_button, turn_buttons

pytestmark = pytest.mark.gui


# -- the loopback service's answers ---------------------------------------------------------------


async def _stream(reply: Reply, text: str, *, delay: float = 0.0, piece: int = 16) -> None:
    await reply.start()
    await reply.send(chunk_json({"content": "", "role": "assistant"}))
    for start in range(0, len(text), piece):
        await reply.send(chunk_json({"content": text[start : start + piece]}))
        if delay:
            await asyncio.sleep(delay)
    await reply.send(chunk_json({"content": ""}, "stop"))
    await reply.send(usage_json(100, 20))
    await reply.send(DONE)
    await reply.end()


async def sc_numbered(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """Answer number n to the n-th request: each regenerated answer differs."""
    await _stream(reply, f"Answer number {server.count(req.scenario)} about the picture.")


async def sc_story(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """A slow story (to be stopped), and its ending when asked to continue."""
    last = req.body["messages"][-1]
    if last.get("partial") or last.get("content") == CONTINUE_REQUEST:
        await _stream(reply, " The end.")
        return
    words = "".join(f"word{i} " for i in range(400))
    await _stream(reply, words, delay=0.02, piece=6)


async def sc_fail_first(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    if server.count(req.scenario) == 1:
        await reply.json(400, error_body("invalid_parameter_error", "bad request"))
        return
    await sc_numbered(server, req, reply)


def stored(window: MainWindow) -> HistoryStore:
    """The window's history file, opened as a second reader (what a restart would read)."""
    path = window.controller.history.path
    assert path is not None and path.exists()
    return HistoryStore.open(path)


def questions(window: MainWindow) -> list[str]:
    return [e.question for e in window.controller.conversation.exchanges]


# -- regenerate and versions ----------------------------------------------------------------------


def test_regenerate_twice_gives_three_versions_navigable_and_kept_in_the_history(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    server.add_scenario("numbered", sc_numbered)
    window = make_window("--base-url", server.base_url("numbered"))
    view = window.transcript
    ask(qtbot, window, "What is in the picture?")
    qtbot.waitUntil(lambda: "Answer number 1" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    # WHEN the reply's Regenerate button is clicked, then the window's action (Ctrl+R) used
    click_button(qtbot, view, "regenerate")
    qtbot.waitUntil(lambda: "Answer number 2" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    regenerate = window.findChild(QAction, "actionRegenerate")
    assert isinstance(regenerate, QAction)
    regenerate.trigger()
    qtbot.waitUntil(lambda: "Answer number 3" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    # THEN three versions, the newest shown, the question once, the same request each time
    exchange = window.controller.conversation.exchanges[0]
    assert (exchange.version_count, exchange.version_index) == (3, 2)
    text = transcript_text(window)
    assert "3/3" in text and "Answer number 1" not in text and "Answer number 2" not in text
    assert text.count("What is in the picture?") == 1
    requests = server.chat_requests("numbered")
    assert len(requests) == 3
    assert all(r.body["messages"] == requests[0].body["messages"] for r in requests)

    # WHEN ‹ is clicked twice and › once
    click_button(qtbot, view, "version-prev")
    qtbot.waitUntil(lambda: "Answer number 2" in transcript_text(window), timeout=3000)
    assert "2/3" in transcript_text(window)
    click_button(qtbot, view, "version-prev")
    qtbot.waitUntil(lambda: "Answer number 1" in transcript_text(window), timeout=3000)
    assert "1/3" in transcript_text(window) and not turn_buttons(view, "version-prev")
    click_button(qtbot, view, "version-next")
    qtbot.waitUntil(lambda: "Answer number 2" in transcript_text(window), timeout=3000)
    text = transcript_text(window)
    assert "2/3" in text and "Answer number 1" not in text and "Answer number 3" not in text

    # THEN the version shown is the one a follow-up sends as history
    ask(qtbot, window, "And its colour?")
    qtbot.waitUntil(lambda: "Answer number 4" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    follow_up = server.chat_requests("numbered")[-1].body["messages"]
    assert follow_up[1] == {"role": "assistant", "content": "Answer number 2 about the picture."}

    # AND the history file has the three versions, the second shown
    conversation_id = window.controller.conversation.id
    with stored(window) as history:
        reopened = history.load_conversation(conversation_id).exchanges[0]
    assert [v.answer for v in reopened.all_versions()] == [
        f"Answer number {n} about the picture." for n in (1, 2, 3)
    ]
    assert reopened.version_index == 1

    # AND reopening the conversation in the window shows them, navigable
    window.new_conversation()
    assert transcript_text(window).strip() == ""
    assert window.open_history_conversation(conversation_id)
    wait_idle(qtbot, window)
    text = transcript_text(window)
    assert "Answer number 2" in text and "2/3" in text
    click_button(qtbot, view, "version-next", window.controller.conversation.exchanges[0].id)
    qtbot.waitUntil(lambda: "Answer number 3" in transcript_text(window), timeout=3000)
    assert "3/3" in transcript_text(window)


# -- edit and resend, undo ------------------------------------------------------------------------


def test_edit_and_resend_drops_later_turns_and_undo_restores_them_and_the_history(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    view = window.transcript
    for question in ("First question", "Second question", "Third question"):
        ask(qtbot, window, question)
        qtbot.waitUntil(lambda q=question: repr(q) in transcript_text(window), timeout=5000)
        wait_idle(qtbot, window)
    second = window.controller.conversation.exchanges[1]
    answers_before = [e.answer for e in window.controller.conversation.exchanges]

    # WHEN the second question's Edit button is clicked
    click_button(qtbot, view, "edit", second.id)
    # THEN the question is back in the prompt, and the status bar says an edit is under way
    assert window.prompt.toPlainText() == "Second question"
    notice = window.turn_actions.notice
    assert notice.isVisible() and "Editing" in notice.label.text()

    # WHEN it is changed and sent
    window.prompt.setPlainText("Second question, edited")
    window.send_button.click()
    qtbot.waitUntil(lambda: "'Second question, edited'" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    # THEN that turn and the later one are gone, the edited question asked after the first
    text = transcript_text(window)
    assert "Third question" not in text and "'Second question'" not in text
    assert questions(window) == ["First question", "Second question, edited"]
    edited = server.chat_requests("echo")[-1].body["messages"]
    assert [m["role"] for m in edited] == ["user", "assistant", "user"]
    assert edited[-1]["content"] == "Second question, edited"
    with stored(window) as history:
        kept = history.load_conversation(window.controller.conversation.id)
    assert [e.question for e in kept.exchanges] == ["First question", "Second question, edited"]
    # AND Undo is offered
    assert notice.isVisible() and "2 turns dropped" in notice.label.text()
    assert window.turn_actions.undo_edit_action.isEnabled()

    # WHEN Undo is clicked
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    # THEN the dropped turns are back, in the window and the history, as they were
    assert questions(window) == ["First question", "Second question", "Third question"]
    assert [e.answer for e in window.controller.conversation.exchanges] == answers_before
    wait_idle(qtbot, window)
    text = transcript_text(window)
    assert "Third question" in text and "edited" not in text
    with stored(window) as history:
        restored = history.load_conversation(window.controller.conversation.id)
    assert [e.question for e in restored.exchanges] == [
        "First question",
        "Second question",
        "Third question",
    ]
    assert [e.answer for e in restored.exchanges] == answers_before
    assert not notice.isVisible() and not window.turn_actions.undo_edit_action.isEnabled()


def test_undo_is_offered_only_until_the_next_question(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    for question in ("One", "Two"):
        ask(qtbot, window, question)
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: len(window.controller.conversation.exchanges) == 2, timeout=5000)
    wait_idle(qtbot, window)
    # WHEN the last question is edited with the window's shortcut action and resent
    window.turn_actions.edit_action.trigger()
    assert window.prompt.toPlainText() == "Two"
    window.prompt.setPlainText("Two, again")
    window.send()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "'Two, again'" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    assert window.controller.can_undo_edit
    # AND another question is sent
    ask(qtbot, window, "Three")
    qtbot.waitUntil(lambda: "'Three'" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    # THEN the edit can no longer be undone
    assert not window.controller.can_undo_edit
    assert not window.turn_actions.undo_edit_action.isEnabled()
    assert not window.turn_actions.notice.isVisible()
    assert questions(window) == ["One", "Two, again", "Three"]


def test_undo_while_the_edited_question_streams_stops_it_and_restores_the_turns(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    server.add_scenario("story", sc_story)
    window = make_window("--base-url", server.base_url("story"))
    stop_midway(qtbot, window, "Tell me a story")
    original = window.controller.conversation.exchanges[0]
    window.turn_actions.edit_question(original.id)
    window.prompt.setPlainText("Tell me a longer story")
    window.send()
    qtbot.waitUntil(lambda: "word3 " in transcript_text(window), timeout=5000)
    assert window.controller.busy
    # WHEN Undo is chosen while the edited question's answer still streams
    window.turn_actions.undo_edit_action.trigger()
    # THEN that answer stops, and the conversation is as before the edit
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)
    wait_idle(qtbot, window)
    assert window.controller.conversation.exchanges == [original]
    text = transcript_text(window)
    assert "Tell me a longer story" not in text and text.count("Tell me a story") == 1
    with stored(window) as history:
        saved = history.load_conversation(window.controller.conversation.id)
    assert [e.question for e in saved.exchanges] == ["Tell me a story"]
    assert saved.exchanges[0].answer == original.answer


def test_editing_a_question_with_an_image_puts_the_image_back_and_resends_it(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    window.draft.add_sources([make_image(tmp_path / "chart.png")])
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    ask(qtbot, window, "Read the chart")
    qtbot.waitUntil(lambda: "images=1" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    assert window.draft.count() == 0

    click_button(qtbot, window.transcript, "edit")
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert window.draft.items()[0].name == "chart.png"
    window.prompt.setPlainText("Read the chart, row by row")
    window.send()
    qtbot.waitUntil(lambda: len(server.chat_requests("echo")) == 2, timeout=5000)
    wait_idle(qtbot, window)
    resent = server.chat_requests("echo")[-1].body
    assert len(resent["messages"]) == 1 and len(image_parts(resent)) == 1
    assert questions(window) == ["Read the chart, row by row"]


# -- continue a stopped answer --------------------------------------------------------------------


def stop_midway(qtbot: QtBot, window: MainWindow, question: str) -> str:
    ask(qtbot, window, question)
    qtbot.waitUntil(lambda: "word5 " in transcript_text(window), timeout=5000)
    window.stop_button.click()
    wait_idle(qtbot, window)
    exchange = window.controller.conversation.exchanges[-1]
    assert exchange.state == "stopped" and exchange.answer.startswith("word0 ")
    return exchange.answer


def test_continue_after_stop_appends_to_the_same_reply_in_partial_mode(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A DashScope region (its endpoint replaced by the loopback server) and a model Alibaba
    # lists for partial mode.
    server.add_scenario("story", sc_story)
    monkeypatch.setenv("QWENVL_DESKTOP_REGION_URLS", f"intl={server.base_url('story')}")
    monkeypatch.setenv("DASHSCOPE_API_KEY_INTL", TEST_KEY)
    window = make_window("--region", "intl", "--model", "qwen3-vl-plus", key=None)
    partial = stop_midway(qtbot, window, "Tell me a story")
    assert "Stopped" in transcript_text(window)

    # WHEN the reply's Continue button is clicked
    click_button(qtbot, window.transcript, "continue")
    qtbot.waitUntil(lambda: "The end." in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    # THEN the answer so far went as a partial assistant turn, and the rest was appended
    request = server.chat_requests("story")[-1].body["messages"]
    assert request[-1] == {"role": "assistant", "content": partial, "partial": True}
    assert request[-2] == {"role": "user", "content": "Tell me a story"}
    exchange = window.controller.conversation.exchanges[0]
    assert exchange.answer == partial + " The end."
    assert exchange.state == "done"
    text = transcript_text(window)
    assert text.count("Tell me a story") == 1 and text.count("word0 ") == 1
    assert "Stopped" not in text and not turn_buttons(window.transcript, "continue")
    with stored(window) as history:
        saved = history.load_conversation(window.controller.conversation.id).exchanges[0]
    assert saved.answer == partial + " The end." and saved.state == "done"


def test_continue_on_a_custom_endpoint_asks_to_continue_after_the_answer(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    server.add_scenario("story", sc_story)
    window = make_window("--base-url", server.base_url("story"))
    partial = stop_midway(qtbot, window, "Tell me a story")
    # WHEN the window's Continue action (its shortcut) is used
    assert window.turn_actions.continue_action.shortcut().toString() == "Ctrl+Shift+G"
    window.turn_actions.continue_action.trigger()
    qtbot.waitUntil(lambda: "The end." in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    # THEN no partial field went to the unknown server: the answer, then a request to continue
    request = server.chat_requests("story")[-1].body["messages"]
    assert request[-2] == {"role": "assistant", "content": partial}
    assert request[-1] == {"role": "user", "content": CONTINUE_REQUEST}
    assert window.controller.conversation.exchanges[0].answer == partial + " The end."


@pytest.mark.parametrize(
    ("model", "thinking", "custom", "expected"),
    [
        ("qwen3-vl-plus", None, False, True),
        ("qwen3-vl-plus", True, False, False),  # thinking: partial mode is non-thinking only
        ("qwen-vl-max", None, False, True),
        ("qvq-max", None, False, False),
        ("qwen-vl-ocr", None, False, False),
        ("qwen2.5-vl-72b-instruct", None, False, False),
        ("qwen3-vl-plus", None, True, False),  # a custom endpoint may refuse the field
    ],
)
def test_which_models_continue_in_partial_mode(
    model: str, thinking: bool | None, custom: bool, expected: bool
) -> None:
    info = load_catalog().model(model)
    assert takes_partial_mode(info, thinking=thinking, custom_endpoint=custom) is expected


# -- retry, copy, tooltips, shortcuts, icons ------------------------------------------------------


def test_buttons_have_tooltips_with_shortcuts_alt_texts_and_work(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, qapp: QApplication
) -> None:
    server.add_scenario("failfirst", sc_fail_first)
    window = make_window("--base-url", server.base_url("failfirst"))
    view = window.transcript
    ask(qtbot, window, "Describe it")
    qtbot.waitUntil(lambda: "bad request" in transcript_text(window).lower(), timeout=5000)
    wait_idle(qtbot, window)

    # A failed turn: Retry (no Copy: there is no answer; no Regenerate: Retry replaces it)
    names = [b.name for b in turn_buttons(view) if b.name != "edit"]
    assert names == ["retry"]
    (retry,) = turn_buttons(view, "retry")
    assert retry.tooltip == "Retry (Ctrl+Shift+R for the last answer)"
    click_button(qtbot, view, "retry")
    qtbot.waitUntil(lambda: "Answer number 2" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    # An answered turn: Edit on the question, Copy and Regenerate under the answer
    assert [b.name for b in turn_buttons(view)] == ["edit", "copy", "regenerate"]
    expected = {
        "edit": "Edit and resend this question (Ctrl+Shift+E for the last question)",
        "copy": "Copy answer (Ctrl+Shift+C for the last answer)",
        "regenerate": "Regenerate: ask again, keeping this answer (Ctrl+R for the last answer)",
    }
    for button in turn_buttons(view):
        assert button.tooltip == expected[button.name]
        assert button.alt_text  # what a screen reader says
        # A person hovering the icon sees the tooltip (QTextBrowser shows the format's own)
        point = button_center(view, button)
        assert view.anchorAt(point) == button.href
        event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
        qapp.sendEvent(view.viewport(), event)
        qtbot.waitUntil(lambda b=button: QToolTip.text() == b.tooltip, timeout=2000)

    click_button(qtbot, view, "copy")
    assert QGuiApplication.clipboard().text() == "Answer number 2 about the picture."

    # The window's actions for the last turn, with shortcuts, as Help ▸ Keyboard shortcuts lists
    rows = dict(shortcut_rows(window))
    assert rows["Copy last answer"] == "Ctrl+Shift+C"
    assert rows["Regenerate last reply"] == "Ctrl+R"
    assert rows["Retry failed reply"] == "Ctrl+Shift+R"
    assert rows["Edit last question"] == "Ctrl+Shift+E"
    assert rows["Continue stopped answer"] == "Ctrl+Shift+G"
    assert window.findChild(QAction, "actionRegenerate") is window.regenerate_action


def icon_colour(image: QImage) -> QColor:
    """The colour of the icon's most opaque pixel."""
    best, colour = -1, QColor()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best:
                best, colour = pixel.alpha(), pixel
    return colour


def test_icons_follow_the_palette_at_a_readable_contrast(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    qapp: QApplication,
    app_palette: None,  # noqa: F811
) -> None:
    qapp.setPalette(dark_palette())
    window = make_window("--base-url", server.base_url("seed"))
    ask(qtbot, window, "Hello")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(turn_buttons(window.transcript, "copy")), timeout=5000)
    document = window.transcript.document()

    def copy_icon() -> QImage:
        image = document.resource(
            QTextDocument.ResourceType.ImageResource, QUrl("qwenvl-icon:copy")
        )
        assert isinstance(image, QImage) and not image.isNull()
        return image

    dark = icon_colour(copy_icon())
    assert contrast_ratio(dark, QColor("#323232")) >= 3.0  # WCAG for graphics
    qapp.setPalette(light_palette())
    qtbot.waitUntil(lambda: icon_colour(copy_icon()) != dark, timeout=3000)
    assert contrast_ratio(icon_colour(copy_icon()), QColor("#ffffff")) >= 3.0


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_icons_are_drawn_at_the_screen_pixel_ratio(qapp: QApplication, ratio: float) -> None:
    image = paint_icon("regenerate", QColor("#202020"), ratio)
    assert image.width() == image.height() == round(ICON_SIZE * ratio)
    assert image.devicePixelRatio() == ratio
    opaque = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 128
    )
    assert opaque > 4 * ratio * ratio  # something is drawn, at the finer scale too
