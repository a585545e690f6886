"""The history sidebar's date groups and unfinished marks, a search hit highlighted in the opened
conversation, the region and model coming back with a conversation, and a long conversation
opened from the history, in the real window.

GIVEN a history file (real SQLite, in the test's data folder) written before the window starts,
WHEN the window lists, searches, opens or reopens, THEN the sidebar, the transcript, the pickers
and the status bar show it.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.protocol.errors import QwenVLError
from qwenvl_desktop.gui import search_highlight
from qwenvl_desktop.gui.history_sidebar import CONVERSATION_ROLE, HEADER_ROLE, MARK_ROLE
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.transcript import stored_turns
from tests.core.history.builders import answer, attachment, png_bytes
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory
from .test_history_ui import click_row, db_path
from .test_window import transcript_text, wait_idle

pytestmark = pytest.mark.gui

DAY = 86_400.0


def stored(
    questions: list[str],
    *,
    when: float,
    region: str = "intl",
    model: str = "qwen3-vl-plus",
    last_fails: bool = False,
    answers: list[str] | None = None,
    images_every: int = 0,
) -> Conversation:
    """A conversation written to the window's history file, its last activity at ``when``."""
    conversation = Conversation(created_at=when - 60)
    for number, question in enumerate(questions):
        images = (
            [attachment(png_bytes(seed=number))]
            if images_every and number % images_every == 0
            else []
        )
        exchange = conversation.ask(question, images, model=model, region=region)
        exchange.created_at = when - 60 + number
        text = answers[number] if answers else f"Answer to: {question}"
        answer(exchange, text, reasoning="thinking it over" if number % 3 == 0 else "")
    if last_fails:
        last = conversation.exchanges[-1]
        last.begin()
        last.fail(QwenVLError("The service is overloaded.", status=503))
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with HistoryStore.open(path) as store:
        store.save_conversation(conversation)
    return conversation


# -- groups and marks -----------------------------------------------------------------------------


def test_the_sidebar_groups_conversations_under_date_headers_and_marks_a_failed_one(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN conversations from today (its last answer failed), yesterday and over a year ago
    now = time.time()
    failed = stored(["Read this receipt"], when=now - 30, last_fails=True)
    yesterday = stored(["A mountain"], when=now - DAY)
    old = stored(["An old chart"], when=now - 400 * DAY)
    # WHEN the window starts
    window = make_window("--base-url", server.base_url("seed"))
    side = window.history_sidebar
    # THEN the list has headers, each above its conversations, newest first
    groups = side.headers()
    assert [label for label, _ids in groups[:2]] == ["Today", "Yesterday"]
    assert groups[0][1] == [failed.id] and groups[1][1] == [yesterday.id]
    old_month = dt.datetime.fromtimestamp(now - 400 * DAY)
    assert groups[-1] == (f"{old_month:%B} {old_month.year}", [old.id])
    assert [cid for cid, _t, _l in side.rows()] == [failed.id, yesterday.id, old.id]
    # AND a header cannot be selected, opened or renamed
    header = side.list.item(0)
    assert header.data(HEADER_ROLE) and header.flags() == Qt.ItemFlag.NoItemFlags
    # AND the failed conversation carries the mark, its tooltip and accessible text saying so
    assert "failed" in side.mark(failed.id)
    assert side.mark(yesterday.id) == ""
    item = next(
        side.list.item(i)
        for i in range(side.list.count())
        if side.list.item(i).data(CONVERSATION_ROLE) == failed.id
    )
    assert "failed" in item.toolTip()
    assert "failed" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert item.data(MARK_ROLE) == side.mark(failed.id)
    # AND the mark is painted: the row's right end differs from an unmarked row's
    side.list.setFixedWidth(260)
    picture = side.list.grab().toImage()
    row = side.list.visualItemRect(item)
    plain = side.list.visualItemRect(side.list.item(3))
    y = row.top() + row.height() // 4
    x = row.right() - 14
    marked = {picture.pixel(x + dx, y + dy) for dx in range(10) for dy in range(10)}
    y = plain.top() + plain.height() // 4
    unmarked = {picture.pixel(x + dx, y + dy) for dx in range(10) for dy in range(10)}
    assert len(marked) > 3 and len(unmarked) <= 2
    picture.save(str(tmp_path / "sidebar.png"))


def test_the_groups_follow_an_injected_now(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    side = window.history_sidebar
    # GIVEN "now" is Wednesday 10 December 2025, noon (local time)
    now = dt.datetime(2025, 12, 10, 12, 0)
    stamps = {
        "today": dt.datetime(2025, 12, 10, 8, 0),
        "yesterday": dt.datetime(2025, 12, 9, 8, 0),
        "monday": dt.datetime(2025, 12, 8, 8, 0),
        "first": dt.datetime(2025, 12, 1, 8, 0),
        "october": dt.datetime(2025, 10, 3, 8, 0),
    }
    from qwenvl_desktop.core.history import ConversationSummary

    summaries = [
        ConversationSummary(name, name, t.timestamp(), t.timestamp(), 1, "done")
        for name, t in stamps.items()
    ]
    # WHEN listed (weeks from Monday, as the test's C locale has them)
    side.set_conversations(summaries, now=now)
    # THEN the headers are the groups of the issue
    labels = [label for label, _ids in side.headers()]
    assert labels[:2] == ["Today", "Yesterday"]
    assert labels[-2:] == ["Earlier this month", "October"]
    assert side.headers()[-1][1] == ["october"]


# -- search hit highlighted -----------------------------------------------------------------------


def extra_words(window: MainWindow) -> list[str]:
    return [s.cursor.selectedText() for s in window.transcript.extraSelections()]


def test_an_opened_search_hit_is_highlighted_and_scrolled_into_view_then_cleared(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    # GIVEN a 40-turn conversation whose 6th answer mentions a flamingo, and another one
    answers = [f"Plain answer number {n} about the picture." for n in range(40)]
    answers[5] = "There is a pink **Flamingo** standing in the water; the flamingo is asleep."
    long = stored([f"Question {n}" for n in range(40)], when=time.time() - 100, answers=answers)
    other = stored(["Something else"], when=time.time() - 50)
    window = make_window("--base-url", server.base_url("seed"))
    view = window.transcript
    side = window.history_sidebar
    # WHEN the word is searched and the hit opened
    side.search_box.setFocus()
    qtbot.keyClicks(side.search_box, "flamingo")
    qtbot.waitUntil(lambda: [r[0] for r in side.rows()] == [long.id], timeout=3000)
    click_row(qtbot, window, long.id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == long.id, timeout=3000)
    # THEN both occurrences in that turn are highlighted (any case), nothing else
    assert [w.casefold() for w in extra_words(window)] == ["flamingo", "flamingo"]
    selection = view.extraSelections()[0]
    assert selection.format.background().color() == search_highlight.HIT_BACKGROUND
    # AND the first is in view (the conversation opened at its end, far below)
    place = QTextCursor(selection.cursor)
    place.clearSelection()
    rect = view.cursorRect(place)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert view.verticalScrollBar().value() < view.verticalScrollBar().maximum()
    # WHEN the person searches again, THEN the highlight goes
    qtbot.keyClicks(side.search_box, "x")
    qtbot.waitUntil(lambda: not view.extraSelections(), timeout=3000)
    # AND opening the hit again then starting a new conversation clears it too
    side.search_box.clear()
    qtbot.keyClicks(side.search_box, "flamingo")
    qtbot.waitUntil(lambda: [r[0] for r in side.rows()] == [long.id], timeout=3000)
    window.open_history_conversation(other.id)
    click_row(qtbot, window, long.id)
    qtbot.waitUntil(lambda: len(view.extraSelections()) == 2, timeout=3000)
    window.new_action.trigger()
    assert view.extraSelections() == []


def test_a_hit_in_an_earlier_turn_of_a_long_conversation_is_built_and_highlighted(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN a conversation longer than the turns shown at first (10 here, 150 in the app)
    monkeypatch.setattr(stored_turns, "SHOWN_TURNS", 10)
    questions = [f"Question {n}" for n in range(30)]
    questions[2] = "Where is the heron?"
    long = stored(questions, when=time.time() - 10, images_every=7)
    window = make_window("--base-url", server.base_url("seed"))
    view = window.transcript
    # WHEN it is opened from the sidebar
    click_row(qtbot, window, long.id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == long.id, timeout=3000)
    # THEN the latest 10 turns are built, the rest is text behind a "Show earlier" line, and
    # the whole conversation is still the transcript's text
    text = transcript_text(window)
    assert "Show 20 earlier turns" in text
    assert all(q in text for q in questions)
    assert not view.has_reply(long.exchanges[2].id) and view.has_reply(long.exchanges[-1].id)
    bar = view.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    # WHEN the hit in turn 3 is opened (search, click)
    window.history_sidebar.search_box.setText("heron")
    qtbot.waitUntil(
        lambda: [line[:3] for _c, _t, line in window.history_sidebar.rows()] == ["Q: "],
        timeout=3000,
    )
    click_row(qtbot, window, long.id)
    # THEN the turns back to it are built and its word highlighted, in view
    # (in the question and in its answer, which repeats it)
    qtbot.waitUntil(lambda: extra_words(window) == ["heron", "heron"], timeout=3000)
    assert view.has_reply(long.exchanges[2].id)
    selections = view.extraSelections()
    rect = view.cursorRect(selections[0].cursor)
    assert 0 <= rect.top() <= view.viewport().height()
    # WHEN the person scrolls to the top, THEN the rest is built, and the reader stays put
    window.history_sidebar.search_box.clear()
    view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    qtbot.waitUntil(lambda: view.has_reply(long.exchanges[0].id), timeout=3000)
    assert "earlier turn" not in transcript_text(window)
    assert view.verticalScrollBar().value() > 0
    # AND the conversation continues as usual after all that
    wait_idle(qtbot, window)
    assert transcript_text(window).count("Copy as curl") == 30


def test_bulk_loading_builds_the_same_transcript_as_adding_the_turns_one_by_one(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    # GIVEN a conversation with thinking, images, a failure and a stopped answer
    conversation = Conversation()
    for n in range(6):
        images = [attachment(png_bytes(seed=n))] if n % 2 else []
        exchange = conversation.ask(f"Question {n}", images, model="qwen3-vl-plus", region="intl")
        answer(exchange, f"# Title {n}\n\n- a\n- b\n\n```py\nx = {n}\n```\n", reasoning="hmm" * n)
    failing = conversation.exchanges[3]
    failing.begin()
    failing.fail(QwenVLError("The service is overloaded.", status=503))
    conversation.exchanges[4].stop()
    window = make_window()
    view = window.transcript

    def marks() -> list[list[int]]:
        return [
            [
                getattr(view._replies[e.id], f).position()
                for f in ("turn_start", "reply_start", "answer_start", "rendered_end", "answer_end")
            ]
            for e in conversation.exchanges
        ]

    # WHEN shown one turn at a time, as a streamed conversation is
    view.clear_conversation()
    for exchange in conversation.exchanges:
        view.add_exchange(exchange)
        view.append_text(exchange.id, exchange.reasoning, exchange.answer)
        view.finish_reply(exchange)
        view._drain_renders()
    one_by_one, one_by_one_marks = view.document().toHtml(), marks()
    # AND loaded at once
    view.load_exchanges(conversation.exchanges)
    # THEN the document and every mark are the same
    import re

    def without_serials(html: str) -> str:
        return re.sub(r"qwenvl-thumb:[0-9a-f]+/\d+", "thumb", html)

    assert without_serials(view.document().toHtml()) == without_serials(one_by_one)
    assert marks() == one_by_one_marks
    # AND a thumbnail is decoded only when painted
    thumbs = view.thumbnails(conversation.exchanges[1].id)
    view.verticalScrollBar().setValue(0)
    view.viewport().repaint()
    assert thumbs and thumbs[0].decoded and not thumbs[0].image.isNull()


# -- region and model restored --------------------------------------------------------------------


def test_reopening_a_conversation_brings_back_its_region_and_model(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    # GIVEN a conversation asked in Beijing of qwen3-vl-flash; the window starts in Singapore
    beijing = stored(
        ["A question in Beijing"], when=time.time() - 10, region="cn", model="qwen3-vl-flash"
    )
    window = make_window("--region", "intl", "--model", "qwen3-vl-plus")
    assert (window.controller.region, window.controller.model) == ("intl", "qwen3-vl-plus")
    # WHEN it is opened from the sidebar
    click_row(qtbot, window, beijing.id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == beijing.id, timeout=3000)
    # THEN the service and the pickers switched to them
    assert (window.controller.region, window.controller.model) == ("cn", "qwen3-vl-flash")
    assert (window.picker.current_region(), window.picker.current_model()) == (
        "cn",
        "qwen3-vl-flash",
    )
    assert "This conversation was asked" not in window.statusBar().currentMessage()
    # AND a new question goes out with them
    assert window.controller.base_url == window.controller.settings.region_base_url("cn")


def test_a_locked_region_or_a_model_gone_gives_a_notice_and_nothing_breaks(
    make_window: WindowFactory,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN the system file locks the region to Singapore
    system = tmp_path / "etc-xdg"
    (system / "qwenvl-desktop").mkdir(parents=True)
    (system / "qwenvl-desktop" / "config.toml").write_text(
        'region = "intl"\nlocked = ["region"]\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    # AND a conversation asked in Beijing, another of a model no longer in the catalog
    beijing = stored(["In Beijing"], when=time.time() - 20, region="cn", model="qwen3-vl-flash")
    gone = stored(["Old model"], when=time.time() - 10, region="intl", model="qwen-vl-gone-2023")
    window = make_window()
    # WHEN the Beijing one is opened
    click_row(qtbot, window, beijing.id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == beijing.id, timeout=3000)
    # THEN the region stays, the model it was asked of comes back, and the notice says why
    notice = window.statusBar().currentMessage()
    assert window.controller.region == "intl"
    assert window.controller.model == "qwen3-vl-flash"
    assert "Beijing" in notice and "locked" in notice
    # WHEN the one of a model that is gone is opened
    click_row(qtbot, window, gone.id)
    qtbot.waitUntil(lambda: window.controller.conversation.id == gone.id, timeout=3000)
    # THEN the model in use stays, the notice names the one that is gone, the turn is shown
    assert window.controller.model == "qwen3-vl-flash"
    notice = window.statusBar().currentMessage()
    assert "qwen-vl-gone-2023" in notice and "no longer" in notice
    assert "Old model" in transcript_text(window)
