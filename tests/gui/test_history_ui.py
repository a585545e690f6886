"""The conversation history in the real window: saved as it happens, the sidebar, exports, curl.

GIVEN a window built by ``create_main_window`` with its history in the test's own data folder
(``XDG_DATA_HOME``, see conftest), WHEN a person asks, opens, searches, renames, deletes,
exports or copies a turn as curl, THEN the file, the sidebar, the transcript and the requests
the loopback server receives show it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.app import create_main_window
from qwenvl_desktop.core.history import HISTORY_FILENAME, HistoryStore, from_json
from qwenvl_desktop.core.history.errors import ConversationNotFoundError
from qwenvl_desktop.gui.history_sidebar import CONVERSATION_ROLE
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.services.event_loop import AppEventLoop
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory, make_image
from .test_window import (
    SEED_ANSWER_END,
    SEED_ANSWER_START,
    ask,
    click_link,
    image_parts,
    transcript_text,
    wait_idle,
)

pytestmark = pytest.mark.gui


def db_path() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "qwenvl-desktop" / HISTORY_FILENAME


def close(qtbot: QtBot, window: MainWindow) -> None:
    """Close the window as a person would and wait until it has finished (history closed)."""
    window.close()
    closing = asyncio.get_event_loop().create_task(window.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)
    assert closing.exception() is None


def add_image(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    before = len(window.draft.attachments())
    window.draft.add_sources([str(path)])
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == before + 1, timeout=5000)


def ask_and_wait(qtbot: QtBot, window: MainWindow, text: str) -> None:
    if "\n" in text:  # QTest cannot type a line break: paste the text, then type the end
        window.prompt.setPlainText(text[:-1])
        window.prompt.moveCursor(QTextCursor.MoveOperation.End)
        text = text[-1]
    ask(qtbot, window, text)
    qtbot.waitUntil(lambda: window.controller.busy, timeout=5000)
    wait_idle(qtbot, window)


def transcript_images(window: MainWindow) -> int:
    """How many inline pictures (thumbnails) the transcript shows."""
    count = 0
    block = window.transcript.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            # (the per-turn buttons are inline images too, named qwenvl-icon:…)
            name = it.fragment().charFormat().toImageFormat().name()
            if it.fragment().charFormat().isImageFormat() and not name.startswith("qwenvl-icon:"):
                resource = window.transcript.document().resource(
                    QTextDocument.ResourceType.ImageResource, name
                )
                assert resource is not None and not resource.isNull()
                count += 1
            it += 1
        block = block.next()
    return count


def click_row(qtbot: QtBot, window: MainWindow, conversation_id: str) -> None:
    listing: QListWidget = window.history_sidebar.list
    for row in range(listing.count()):
        item = listing.item(row)
        if item.data(CONVERSATION_ROLE) == conversation_id:
            center = listing.visualItemRect(item).center()
            qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=center)
            return
    raise AssertionError(f"no row for {conversation_id}")


def menu_action(window: MainWindow, conversation_id: str, text: str) -> None:
    menu = window.history_sidebar.context_menu(conversation_id)
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text]
    action.trigger()
    menu.close()


# -- saved as it happens --------------------------------------------------------------------------


def test_a_question_and_its_streamed_answer_land_in_the_history_file(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a window and an image
    window = make_window("--base-url", server.base_url("seed"))
    add_image(qtbot, window, make_image(tmp_path / "beach.png", (320, 240), "orange"))
    # WHEN a question is asked and the answer has streamed in
    ask_and_wait(qtbot, window, "Who is on the beach?\nAnd what are they doing?")
    sent_image = image_parts(server.chat_requests("seed")[0].body)[0]["image_url"]["url"]
    close(qtbot, window)
    # THEN the file holds the conversation: title, question, image bytes, answer, usage…
    with HistoryStore.open(db_path()) as store:
        (summary,) = store.list_conversations()
        assert summary.title == "Who is on the beach?"
        (exchange,) = store.load_conversation(summary.id).exchanges
    assert exchange.question == "Who is on the beach?\nAnd what are they doing?"
    assert exchange.answer.startswith(SEED_ANSWER_START)
    assert exchange.answer.rstrip().endswith(SEED_ANSWER_END)
    assert exchange.state == "done"
    assert exchange.model == "qwen3-vl-plus" and exchange.region == "custom"
    assert exchange.usage is not None and exchange.usage.completion_tokens
    assert exchange.first_token_seconds is not None
    assert [a.url for a in exchange.attachments] == [sent_image]
    # AND the API key is nowhere in it
    for part in db_path().parent.iterdir():
        assert TEST_KEY.encode() not in part.read_bytes(), part


def test_history_off_writes_nothing(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN history turned off in the configuration (here: its environment variable)
    monkeypatch.setenv("QWENVL_DESKTOP_HISTORY", "false")
    window = make_window("--base-url", server.base_url("seed"))
    # WHEN a question is asked and answered
    ask_and_wait(qtbot, window, "Describe")
    assert SEED_ANSWER_END in transcript_text(window)
    close(qtbot, window)
    # THEN no history folder or file was created, and the sidebar says history is off
    assert not db_path().parent.exists()
    assert not window.history_sidebar.list.isVisible()
    assert "History is off" in window.history_sidebar.message.text()


# -- the sidebar ----------------------------------------------------------------------------------


def test_sidebar_lists_newest_first_renames_in_place_and_opens_with_images(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN three conversations, the first with an image
    window = make_window("--base-url", server.base_url("seed"))
    assert window.history_sidebar.message.isVisible()  # "No conversations yet…"
    assert "No conversations yet" in window.history_sidebar.message.text()
    add_image(qtbot, window, make_image(tmp_path / "dog.jpg", (400, 300)))
    ask_and_wait(qtbot, window, "First: the dog")
    first_id = window.controller.conversation.id
    for question in ("Second: the sea", "Third: the sky"):
        window.new_action.trigger()
        ask_and_wait(qtbot, window, question)
    # THEN the sidebar lists them newest first, the open one selected
    side = window.history_sidebar
    assert [title for _id, title, _line in side.rows()] == [
        "Third: the sky",
        "Second: the sea",
        "First: the dog",
    ]
    assert "1 question" in side.rows()[0][2]
    assert side.list.currentItem().text() == "Third: the sky"

    # WHEN the first is renamed in place (Rename in its menu, type, Enter)
    menu_action(window, first_id, "Rename")
    editor = side.list.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Dog on the beach")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # THEN the list and the file have the new title, and the order is unchanged
    qtbot.waitUntil(lambda: side.rows()[2][1] == "Dog on the beach", timeout=3000)
    assert window.controller.history.conversations()[2].title == "Dog on the beach"

    # WHEN a person clicks it
    click_row(qtbot, window, first_id)
    # THEN the transcript shows that conversation, its image as a thumbnail
    qtbot.waitUntil(lambda: "First: the dog" in transcript_text(window), timeout=3000)
    wait_idle(qtbot, window)
    assert window.controller.conversation.id == first_id
    assert "Third: the sky" not in transcript_text(window)
    assert SEED_ANSWER_END in transcript_text(window)
    assert transcript_images(window) == 1
    assert "dog.jpg (400×300" in transcript_text(window)
    assert side.list.currentItem().data(CONVERSATION_ROLE) == first_id


def test_search_finds_a_question_or_answer_and_opens_its_conversation(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    # GIVEN two conversations with different questions (echo answers repeat the question)
    window = make_window("--base-url", server.base_url("echo"))
    ask_and_wait(qtbot, window, "Total the grocery receipt")
    receipt_id = window.controller.conversation.id
    window.new_action.trigger()
    ask_and_wait(qtbot, window, "Name the mountain in this photo")
    side = window.history_sidebar
    # WHEN a word is typed into the search box
    side.search_box.setFocus()
    qtbot.keyClicks(side.search_box, "grocery")
    # THEN only the matching conversation is listed, with a snippet around the word
    qtbot.waitUntil(lambda: len(side.rows()) >= 1 and side.rows()[0][0] == receipt_id, timeout=3000)
    assert {cid for cid, _title, _line in side.rows()} == {receipt_id}
    assert "grocery" in side.rows()[0][2]
    # WHEN the hit is clicked
    click_row(qtbot, window, receipt_id)
    # THEN its conversation opens
    qtbot.waitUntil(lambda: window.controller.conversation.id == receipt_id, timeout=3000)
    assert "Total the grocery receipt" in transcript_text(window)
    assert "mountain" not in transcript_text(window)
    # AND clearing the search brings the whole list back
    side.search_box.clear()
    qtbot.waitUntil(lambda: len(side.rows()) == 2, timeout=3000)


def test_delete_hides_a_conversation_and_undo_brings_it_back_until_the_window_closes(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    ask_and_wait(qtbot, window, "Keep me")
    kept_id = window.controller.conversation.id
    window.new_action.trigger()
    ask_and_wait(qtbot, window, "Delete me")
    doomed_id = window.controller.conversation.id
    side = window.history_sidebar
    # WHEN the open conversation is deleted from its menu
    menu_action(window, doomed_id, "Delete")
    # THEN it leaves the list and the window, and the undo bar offers it back
    assert [cid for cid, _t, _l in side.rows()] == [kept_id]
    assert window.controller.conversation.exchanges == []
    assert "Delete me" not in transcript_text(window)
    assert side.undo_bar.isVisible()
    assert "Delete me" in side.undo_label.text()
    # WHEN Undo is clicked, THEN it is back, in its place
    qtbot.mouseClick(side.undo_button, Qt.MouseButton.LeftButton)
    assert [cid for cid, _t, _l in side.rows()] == [doomed_id, kept_id]
    assert not side.undo_bar.isVisible()
    # WHEN it is deleted again (Delete key on its row) and the window closes
    click_row(qtbot, window, doomed_id)
    side.list.setFocus()
    qtbot.keyClick(side.list, Qt.Key.Key_Delete)
    assert [cid for cid, _t, _l in side.rows()] == [kept_id]
    close(qtbot, window)
    # THEN it is gone for good, the other one stays
    with HistoryStore.open(db_path()) as store:
        assert [s.id for s in store.list_conversations()] == [kept_id]
        with pytest.raises(ConversationNotFoundError):
            store.restore(doomed_id)


def test_a_conversation_from_an_earlier_session_continues_with_its_history_and_images(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a conversation with an image, asked in a window that was then closed
    first = make_window("--base-url", server.base_url("seed"))
    add_image(qtbot, first, make_image(tmp_path / "chart.png", (300, 200), "white"))
    ask_and_wait(qtbot, first, "What does this chart show?")
    conversation_id = first.controller.conversation.id
    close(qtbot, first)
    # WHEN the app starts again, the conversation is opened from the sidebar and continued
    window = make_window("--base-url", server.base_url("echo"))
    assert window.controller.conversation.exchanges == []
    click_row(qtbot, window, conversation_id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == conversation_id, timeout=3000)
    wait_idle(qtbot, window)
    ask_and_wait(qtbot, window, "And the trend?")
    # THEN the follow-up carried the earlier question, its image and the earlier answer
    (original,) = server.chat_requests("seed")
    (follow_up,) = server.chat_requests("echo")
    messages = follow_up.body["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    assert messages[0] == original.body["messages"][0]  # text and image bytes, unchanged
    assert len(image_parts(follow_up.body)) == 1
    assert messages[1]["content"].startswith(SEED_ANSWER_START)
    assert "And the trend?" in json.dumps(messages[2])
    # AND the stored conversation now has both turns
    assert [e.question for e in window.controller.history.load(conversation_id).exchanges] == [  # type: ignore[union-attr]
        "What does this chart show?",
        "And the trend?",
    ]


# -- exports and curl -----------------------------------------------------------------------------


def test_export_markdown_with_images_and_json_through_the_window(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    add_image(qtbot, window, make_image(tmp_path / "beach.png", (320, 240), "orange"))
    ask_and_wait(qtbot, window, "Who is on the beach?")
    conversation_id = window.controller.conversation.id
    # WHEN the open conversation is exported as Markdown into a folder
    markdown = window.export_markdown(folder=tmp_path / "md")
    # THEN conversation.md links an image file written beside it
    assert markdown == tmp_path / "md" / "conversation.md"
    text = markdown.read_text(encoding="utf-8")
    assert "Who is on the beach?" in text and SEED_ANSWER_START in text
    (link,) = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    # A flat orange picture goes lossless, as WebP (smaller than PNG): the file is what was sent.
    written = (markdown.parent / link).read_bytes()
    assert link.endswith(".webp") and written[:4] == b"RIFF" and written[8:12] == b"WEBP"
    # WHEN a stored conversation is exported as JSON from the sidebar (another one is open)
    window.new_action.trigger()
    menu_action(window, conversation_id, "Export JSON…")
    dialog = window.findChild(QFileDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()  # opened, not exec()'d
    target = tmp_path / "out" / "beach.json"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()
    # THEN the file reads back as the same conversation, images included
    qtbot.waitUntil(target.exists, timeout=3000)
    restored = from_json(target.read_text(encoding="utf-8"))
    assert restored.id == conversation_id
    (exchange,) = restored.exchanges
    assert exchange.question == "Who is on the beach?"
    assert exchange.attachments[0].url.startswith("data:image/webp;base64,")
    # AND the window's method does the same without a dialog
    again = window.export_json(conversation_id, tmp_path / "again.json")
    assert again is not None and from_json(again.read_text(encoding="utf-8")).id == conversation_id


def test_copy_as_curl_puts_a_runnable_command_without_the_key_on_the_clipboard(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    add_image(qtbot, window, make_image(tmp_path / "beach.png", (320, 240), "orange"))
    ask_and_wait(qtbot, window, "Who is on the beach?")
    QGuiApplication.clipboard().clear()
    # WHEN "Copy as curl" is clicked under the answer
    click_link(qtbot, window, "Copy as curl")
    command = QGuiApplication.clipboard().text()
    # THEN the command posts to the endpoint with the key left to the shell
    assert command.startswith(f"curl --location '{server.base_url('seed')}/chat/completions'")
    assert '"Authorization: Bearer $DASHSCOPE_API_KEY"' in command
    assert TEST_KEY not in command
    # AND its body is exactly what the app sent (image included)
    body = command.split("<<'JSON'\n", 1)[1].rsplit("\nJSON\n", 1)[0]
    assert json.loads(body) == server.chat_requests("seed")[0].body
    assert "curl command copied" in window.statusBar().currentMessage()


# -- failures and startup -------------------------------------------------------------------------


def test_a_full_disk_is_reported_in_the_status_bar_and_the_conversation_stays_open(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    ask_and_wait(qtbot, window, "Before the disk filled")
    # GIVEN a disk that just filled up (no page may be added to the file)
    store = window.controller.history.history
    assert isinstance(store, HistoryStore)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    # WHEN a question with an image is asked
    add_image(qtbot, window, make_image(tmp_path / "big.jpg", (900, 900)))
    ask_and_wait(qtbot, window, "After the disk filled")
    # THEN the status bar says so, and the question is answered and stays in the window
    assert "disk is full" in window.statusBar().currentMessage()
    assert "After the disk filled" in transcript_text(window)
    assert transcript_text(window).count(SEED_ANSWER_END) == 2
    assert len(window.controller.conversation.exchanges) == 2


def test_an_unreadable_history_file_is_set_aside_with_a_non_modal_message(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    # GIVEN a history file that is not a database
    db_path().parent.mkdir(parents=True)
    db_path().write_bytes(b"this is not an SQLite file\n" * 100)
    # WHEN the app starts
    window = make_window("--base-url", server.base_url("seed"))
    # THEN a non-modal message says it was moved aside, and the app works with a new history
    qtbot.waitUntil(lambda: window.history_panel.recovery_box is not None, timeout=3000)
    box = window.history_panel.recovery_box
    assert box is not None and box.isVisible() and not box.isModal()
    assert "moved aside" in box.text()
    assert [p.name for p in db_path().parent.glob("history.db.corrupt-*")]
    ask_and_wait(qtbot, window, "Still works")
    assert [s.title for s in window.controller.history.conversations()] == ["Still works"]
    box.close()


# -- opening after the first frame ----------------------------------------------------------------


@pytest.fixture
def unshown_window(
    qloop: AppEventLoop,
    qtbot: QtBot,
    server: LoopbackDashScope,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """The window as ``create_main_window`` returns it: wired, not shown yet."""
    monkeypatch.setenv("DASHSCOPE_API_KEY", TEST_KEY)
    window = create_main_window(["--base-url", server.base_url("seed")])
    yield window
    close(qtbot, window)
    window.deleteLater()


def test_the_history_opens_after_the_first_frame_and_the_sidebar_says_so_meanwhile(
    unshown_window: MainWindow, qtbot: QtBot
) -> None:
    window = unshown_window
    # GIVEN a built window that is not on the screen yet
    # THEN its history file is not open, and the sidebar says it is coming
    assert not window.controller.history.is_open
    assert not db_path().exists()
    assert "Opening the history" in window.history_sidebar.message.text()
    assert not window.history_sidebar.search_box.isEnabled()
    # WHEN the window is shown, THEN the history opens by itself once the window is up
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.controller.history.is_open, timeout=5000)
    assert db_path().exists()
    assert "No conversations yet" in window.history_sidebar.message.text()
    assert window.history_sidebar.search_box.isEnabled()


def test_asking_for_the_history_before_the_first_frame_opens_it_at_once(
    unshown_window: MainWindow,
) -> None:
    window = unshown_window
    # WHEN a script uses the history of a window never shown
    assert window.controller.history.conversations() == []
    # THEN it is open, and the window attached it: the sidebar lists (nothing yet)
    assert window.controller.history.is_open
    assert "No conversations yet" in window.history_sidebar.message.text()
    window.attach_history()  # asking again changes nothing
    assert window.controller.history.is_open
