"""Issue 11, performance: a long finished reply is written to the history off the GUI thread.

GIVEN a history file and a reply longer than ``BACKGROUND_REPLY_CHARS``
WHEN the reply ends
THEN its write runs on another thread and the list is refreshed once it is in the file; the
next use of the history waits for it, so saves keep their order (a Regenerate right after a long
reply ends streaming, not done); a write that fails says so in one sentence, and the conversation
in memory is untouched. A short reply is written at once, as before.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.protocol.events import ContentDelta
from qwenvl_desktop.services.history import BACKGROUND_REPLY_CHARS, HistorySync

pytestmark = pytest.mark.gui  # a QObject with a queued signal: needs the Qt event loop

LONG = "A long answer, written in many batches. " * (BACKGROUND_REPLY_CHARS // 40 + 100)


@pytest.fixture
def sync(tmp_path: Path, qapp: object) -> Iterator[HistorySync]:
    history = HistorySync.open(True, tmp_path / "history.sqlite3")
    yield history
    history.close()


@pytest.fixture
def write_threads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads that ran the UPDATE of a reply."""
    threads: list[int] = []
    real = HistoryStore._update_reply_values

    def recording(*args: object) -> bool:
        threads.append(threading.get_ident())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(HistoryStore, "_update_reply_values", staticmethod(recording))
    return threads


def streamed(sync: HistorySync, answer: str) -> tuple[Conversation, Exchange]:
    conversation = Conversation()
    exchange = conversation.ask("Write a long answer.", [], model="qwen3-vl-plus", region="intl")
    exchange.begin()
    sync.question(conversation, exchange)
    exchange.apply(ContentDelta(answer))
    exchange.finish()
    return conversation, exchange


def stored(path: Path) -> tuple[str, str]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        state, answer = db.execute("SELECT state, answer FROM exchanges").fetchone()
    return state, answer


def test_a_long_reply_is_written_by_another_thread_then_the_list_refreshes(
    sync: HistorySync, qtbot: QtBot, write_threads: list[int]
) -> None:
    conversation, exchange = streamed(sync, LONG)
    refreshed: list[str] = []
    sync.listChanged.connect(lambda: refreshed.append(stored(sync.path or Path())[0]))

    sync.reply(exchange)

    assert refreshed == []  # not refreshed before the write is done
    qtbot.waitUntil(lambda: bool(refreshed), timeout=5000)
    assert refreshed == ["done"]  # the list is refreshed once the reply is in the file
    assert write_threads and write_threads[0] != threading.get_ident()
    assert stored(sync.path or Path()) == ("done", LONG)
    assert sync.load(conversation.id).exchanges[0].answer == LONG  # type: ignore[union-attr]


def test_a_short_reply_is_written_at_once_on_the_calling_thread(
    sync: HistorySync, write_threads: list[int]
) -> None:
    _conversation, exchange = streamed(sync, "A short answer.")
    refreshed: list[bool] = []
    sync.listChanged.connect(lambda: refreshed.append(True))
    sync.reply(exchange)
    assert refreshed == [True]
    assert write_threads == [threading.get_ident()]
    assert stored(sync.path or Path()) == ("done", "A short answer.")


def test_the_next_save_waits_for_the_long_write_so_the_order_is_kept(
    sync: HistorySync, qtbot: QtBot
) -> None:
    conversation, exchange = streamed(sync, LONG)
    sync.reply(exchange)
    # Regenerate at once: the same exchange streams again, its answer empty so far.
    exchange.begin()
    sync.question(conversation, exchange)
    assert stored(sync.path or Path()) == ("streaming", "")
    qtbot.wait(50)  # the write's queued notice arrives: it changes nothing in the file
    assert stored(sync.path or Path()) == ("streaming", "")


def test_a_long_write_that_fails_says_so_and_keeps_the_reply_in_memory(
    sync: HistorySync, qtbot: QtBot, tmp_path: Path
) -> None:
    _conversation, exchange = streamed(sync, LONG)
    failures: list[str] = []
    sync.failed.connect(failures.append)
    # Another program holds the file's write lock for longer than the store waits.
    blocker = sqlite3.connect(tmp_path / "history.sqlite3", isolation_level=None)
    store = sync.history
    assert isinstance(store, HistoryStore)
    store._db.execute("PRAGMA busy_timeout = 100")
    blocker.execute("BEGIN IMMEDIATE")
    try:
        sync.reply(exchange)
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert failures == [
        "History could not be saved: the history file is in use by another program; your "
        "conversation stays open."
    ]
    assert exchange.answer == LONG and exchange.state == "done"
    assert stored(tmp_path / "history.sqlite3") == ("streaming", "")  # the last write that got in


def test_closing_right_after_a_long_reply_waits_for_its_write(
    tmp_path: Path, qapp: object, qtbot: QtBot
) -> None:
    sync = HistorySync.open(True, tmp_path / "history.sqlite3")
    _conversation, exchange = streamed(sync, LONG)
    refreshed: list[bool] = []
    sync.listChanged.connect(lambda: refreshed.append(True))
    sync.reply(exchange)
    sync.close()  # the window closes at once
    assert stored(tmp_path / "history.sqlite3") == ("done", LONG)
    qtbot.wait(50)  # the write's queued notice arrives after the close: nothing is read then
    assert refreshed == []
