"""Regenerate's versions in the history file, and files written before versions existed.

GIVEN a real SQLite history, WHEN a reply is regenerated (its earlier replies kept), a version
picked, or turns dropped by an edited question, THEN reopening the file gives back exactly the
versions, the one shown, and no stale rows; a version-2 file (no versions table) upgrades and
keeps every conversation.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.history import schema as schema_module

from .builders import answer, old_history_file, saved_conversation


def regenerate(
    store: HistoryStore, conversation_exchange: tuple[Conversation, Exchange], text: str
) -> None:
    """Regenerate as the app does: keep the reply shown, save the question, stream, save."""
    conversation, exchange = conversation_exchange
    exchange.keep_as_version()
    store.save_question(conversation, exchange)
    answer(exchange, text)
    store.save_reply(exchange)


def test_three_versions_come_back_with_the_one_shown(db_path: Path) -> None:
    # GIVEN a question answered, then regenerated twice
    with HistoryStore.open(db_path) as store:
        conversation = saved_conversation(store, ["What is it?"])
        exchange = conversation.exchanges[0]
        regenerate(store, (conversation, exchange), "Second answer")
        regenerate(store, (conversation, exchange), "Third answer")
        # WHEN the second is picked and saved
        exchange.select_version(1)
        store.save_versions(exchange)
    # THEN reopening the file gives the three answers in order, the second shown
    with HistoryStore.open(db_path) as reopened:
        loaded = reopened.load_conversation(conversation.id).exchanges[0]
    assert loaded.version_count == 3
    assert loaded.version_index == 1
    assert loaded.answer == "Second answer"
    assert [v.answer for v in loaded.all_versions()] == [
        "Answer to: What is it?",
        "Second answer",
        "Third answer",
    ]
    assert loaded.all_versions()[0].usage == exchange.all_versions()[0].usage
    assert loaded.all_versions()[0].model == "qwen3-vl-plus"


def test_search_finds_the_answer_shown(db_path: Path) -> None:
    with HistoryStore.open(db_path) as store:
        conversation = saved_conversation(store, ["Describe the picture"])
        exchange = conversation.exchanges[0]
        regenerate(store, (conversation, exchange), "A lighthouse at dusk")
        assert [h.exchange_id for h in store.search("lighthouse")] == [exchange.id]
        exchange.select_version(0)
        store.save_versions(exchange)
        assert store.search("lighthouse") == []


def test_dropped_turns_leave_no_versions_behind_and_come_back_whole(db_path: Path) -> None:
    with HistoryStore.open(db_path) as store:
        conversation = saved_conversation(store, ["First", "Second", "Third"])
        second = conversation.exchanges[1]
        regenerate(store, (conversation, second), "Second, again")
        # WHEN an edit drops the second and third turns
        dropped = conversation.drop_from(second.id)
        assert dropped is not None
        store.save_conversation(conversation)
        rows = store._db.execute("SELECT count(*) FROM answer_versions").fetchone()[0]
        assert rows == 0
        assert len(store.load_conversation(conversation.id).exchanges) == 1
        # AND Undo puts them back
        conversation.restore(dropped)
        store.save_conversation(conversation)
    with HistoryStore.open(db_path) as reopened:
        loaded = reopened.load_conversation(conversation.id)
    assert [e.question for e in loaded.exchanges] == ["First", "Second", "Third"]
    assert loaded.exchanges[1].version_count == 2
    assert loaded.exchanges[1].answer == "Second, again"


def test_deleting_a_conversation_purges_its_versions(db_path: Path) -> None:
    with HistoryStore.open(db_path) as store:
        conversation = saved_conversation(store, ["q"])
        regenerate(store, (conversation, conversation.exchanges[0]), "again")
        store.delete(conversation.id)
        store.purge_deleted()
        assert store._db.execute("SELECT count(*) FROM answer_versions").fetchone()[0] == 0


def test_a_version_2_file_upgrades_and_keeps_its_conversations(db_path: Path) -> None:
    # GIVEN a file as version 2 of the app left it: a conversation with an image
    old_history_file(db_path, 2)
    with contextlib.closing(sqlite3.connect(db_path, isolation_level=None)) as db:
        db.execute(
            "INSERT INTO attachments (exchange_id, position, url, meta) VALUES (?, 0, ?, '{}')",
            ("e1", "https://example.com/cat.jpg"),
        )
    # WHEN this version opens it
    with HistoryStore.open(db_path) as store:
        version = store._db.execute("PRAGMA user_version").fetchone()[0]
        loaded = store.load_conversation("c1")
        assert store.check_integrity() == []
    # THEN it is upgraded and reads as before, with one version per question
    assert version == schema_module.CURRENT_VERSION == 4
    (exchange,) = loaded.exchanges
    assert (exchange.question, exchange.answer, exchange.version_count) == (
        "Old question",
        "Old answer",
        1,
    )
    assert exchange.attachments[0].url == "https://example.com/cat.jpg"
