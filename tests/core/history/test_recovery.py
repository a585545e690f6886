"""When things go wrong: damaged files, a full disk, a file in use, a newer version, a kill -9."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import (
    DiskFullError,
    HistoryReadError,
    HistoryStore,
    HistoryUnavailableError,
    HistoryWriteError,
    NullHistoryStore,
    open_history,
)
from qwenvl_desktop.core.history import database as database_module
from qwenvl_desktop.core.protocol.events import ContentDelta

from .builders import attachment, noise_jpeg, saved_conversation

ROOT = Path(__file__).resolve().parents[3]
DISK_FULL = "history could not be saved: the disk is full; your conversation stays open"


def moved_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".corrupt-" in p.name)


# ---- damaged or unreadable files --------------------------------------------------------------


def test_a_garbage_file_is_moved_aside_and_history_starts_empty(db_path: Path) -> None:
    # GIVEN a history file full of garbage, with a WAL beside it
    db_path.parent.mkdir(parents=True)
    garbage = os.urandom(8192)
    db_path.write_bytes(garbage)
    db_path.with_name("history.db-wal").write_bytes(b"also garbage")
    # WHEN the app opens its history
    history = open_history(path=db_path)
    # THEN the file and its WAL are kept aside under matching names
    assert isinstance(history, HistoryStore)
    moved = moved_aside(db_path.parent)
    assert [p.name for p in moved] == [moved[0].name, moved[0].name + "-wal"]
    assert moved[0].name.startswith("history.db.corrupt-")
    assert moved[0].read_bytes() == garbage
    # AND the window gets a sentence naming it
    assert history.recovery_message is not None
    assert moved[0].name in history.recovery_message
    assert "starting with an empty history" in history.recovery_message
    # AND the new history is empty and works
    assert history.list_conversations() == []
    conversation = saved_conversation(history, ["Works again"])
    assert history.load_conversation(conversation.id).exchanges[0].answer
    history.close()


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage: a valid file whose b-tree is broken."""
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    db.close()
    with path.open("r+b") as fh:
        fh.seek((root[0] - 1) * page_size)
        fh.write(b"\xff" * page_size)


def test_damage_after_a_crash_is_found_at_the_next_start(db_path: Path) -> None:
    # GIVEN a session that ended without closing (a crash), and then a damaged table
    crashed = HistoryStore.open(db_path)
    saved_conversation(crashed, [f"Question {i} " + "x" * 500 for i in range(60)])
    crashed._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    crashed._db.close()
    damage_table(db_path, "exchanges")
    # WHEN the app starts
    reopened = HistoryStore.open(db_path)
    # THEN the full check finds it: moved aside, and an empty history starts
    assert reopened.recovery_message is not None
    assert len(moved_aside(db_path.parent)) == 1
    assert reopened.list_conversations() == []
    reopened.close()


def test_damage_found_while_running_is_set_aside_at_the_next_start(db_path: Path) -> None:
    # GIVEN a history closed cleanly (so the next start skips the full check), then damaged
    store = HistoryStore.open(db_path)
    conversation = saved_conversation(store, ["Soon unreadable"])
    store.close()
    damage_table(db_path, "exchanges")
    # WHEN the app runs and opens the conversation
    running = HistoryStore.open(db_path)
    with pytest.raises(HistoryReadError) as caught:
        running.load_conversation(conversation.id)
    # THEN the user is told the file is damaged
    assert str(caught.value) == (
        "the conversation could not be read from the history: the history file is damaged"
    )
    running.close()
    # AND the next start checks the file and sets it aside
    after = HistoryStore.open(db_path)
    assert after.recovery_message is not None
    assert len(moved_aside(db_path.parent)) == 1
    after.close()


def test_a_clean_close_spares_the_next_start_the_full_check(db_path: Path) -> None:
    store = HistoryStore.open(db_path)
    saved_conversation(store, ["Fine"])
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'session_open'").fetchone() == (1,)
    store.close()
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'session_open'").fetchone() == (0,)


def test_an_unopenable_history_path_is_moved_aside(db_path: Path) -> None:
    # GIVEN something at the history's path that SQLite cannot open (a folder)
    db_path.mkdir(parents=True)
    (db_path / "stray.txt").write_text("x")
    # WHEN it is opened
    store = HistoryStore.open(db_path)
    # THEN it is set aside untouched and a new history starts
    (aside,) = moved_aside(db_path.parent)
    assert (aside / "stray.txt").read_text() == "x"
    assert store.recovery_message and db_path.is_file()
    store.close()


def test_a_history_from_a_newer_version_is_left_alone(db_path: Path) -> None:
    # GIVEN a history written by a newer version (a higher schema version)
    store = HistoryStore.open(db_path)
    saved_conversation(store, ["From the future"])
    store.close()
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        db.execute("PRAGMA user_version = 99")
    before = db_path.read_bytes()
    # WHEN this version starts
    history = open_history(path=db_path)
    # THEN it runs without history, says why, and the file is unchanged
    assert isinstance(history, NullHistoryStore)
    assert history.recovery_message is not None
    assert "newer version" in history.recovery_message
    assert db_path.read_bytes() == before
    assert moved_aside(db_path.parent) == []


def test_a_file_locked_by_another_program_is_not_mistaken_for_damage(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a (rollback-journal) database another program holds an exclusive lock on
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        # WHEN the app opens it
        with pytest.raises(HistoryUnavailableError) as caught:
            HistoryStore.open(db_path)
        # THEN it is reported as in use, and not moved aside
        assert str(caught.value) == (
            "history is off for this session: the history file is in use by another program"
        )
        assert moved_aside(db_path.parent) == []
    finally:
        other.execute("ROLLBACK")
        other.close()


# ---- a full disk ------------------------------------------------------------------------------


def fill_up(store: HistoryStore) -> None:
    """Simulate a full disk: no page may be added to the file (SQLITE_FULL on growth)."""
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_fails_the_save_but_keeps_the_conversation(
    store: HistoryStore, db_path: Path
) -> None:
    # GIVEN a history with one conversation, and a disk that just filled up
    conversation = saved_conversation(store, ["Before the disk filled"])
    fill_up(store)
    # WHEN a question with a 200 KB image is saved
    image = attachment(noise_jpeg(800, 800), mime="image/jpeg")
    exchange = conversation.ask("After", [image], model="qwen3-vl-plus", region="intl")
    with pytest.raises(DiskFullError) as caught:
        store.save_question(conversation, exchange)
    # THEN the error says so in one sentence, with SQLite's words kept for details
    assert str(caught.value) == DISK_FULL
    assert caught.value.detail and "full" in caught.value.detail
    assert isinstance(caught.value, HistoryWriteError)
    # AND the conversation in memory is intact
    assert [e.question for e in conversation.exchanges] == ["Before the disk filled", "After"]
    assert exchange.attachments == [image]
    # AND the file still holds what was saved before, consistently
    assert [e.question for e in store.load_conversation(conversation.id).exchanges] == [
        "Before the disk filled"
    ]
    assert store.check_integrity() == []
    # WHEN space is freed and the reply streams on
    store._db.execute("PRAGMA max_page_count = 1073741823")
    exchange.begin()
    exchange.apply(ContentDelta("Saved after all"))
    assert store.save_progress(exchange) is True
    # THEN the question that could not be saved is saved with the reply so far
    stored = store.load_conversation(conversation.id).exchanges[1]
    assert (stored.question, stored.answer) == ("After", "Saved after all")
    assert stored.attachments == [image]


def test_a_full_disk_during_a_reply_keeps_the_partial_answer_in_memory(
    store: HistoryStore,
) -> None:
    # GIVEN a reply streaming when the disk fills up
    conversation = Conversation()
    exchange = conversation.ask("Long reply", [], model="m", region="r")
    exchange.begin()
    store.save_question(conversation, exchange)
    fill_up(store)
    exchange.apply(ContentDelta("y" * 200_000))
    # WHEN progress and then the reply are saved
    with pytest.raises(DiskFullError):
        store.save_progress(exchange, force=True)
    exchange.finish()
    with pytest.raises(DiskFullError):
        store.save_reply(exchange)
    # THEN the answer in memory is whole, and the store stays usable
    assert len(exchange.answer) == 200_000 and exchange.state == "done"
    assert store.load_conversation(conversation.id).exchanges[0].question == "Long reply"
    assert store.list_conversations()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 512 KB file system (tmpfs); skipped where mounting is not allowed (not root)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_disk_gives_the_same_sentence(tiny_disk: Path) -> None:
    # GIVEN a history on a small disk, then filled by another file
    store = HistoryStore.open(tiny_disk / "history.db")
    conversation = saved_conversation(store, ["Before"])
    stats = os.statvfs(tiny_disk)
    filler = tiny_disk / "filler"
    filler.write_bytes(b"x" * (stats.f_bavail * stats.f_frsize - 16_384))
    # WHEN a question with a 100 KB image is saved
    image = attachment(noise_jpeg(500, 500), mime="image/jpeg")
    exchange = conversation.ask("After", [image], model="m", region="r")
    with pytest.raises(DiskFullError) as caught:
        store.save_question(conversation, exchange)
    # THEN the user reads the disk-full sentence, and the file stays sound
    assert str(caught.value) == DISK_FULL
    assert store.check_integrity() == []
    # AND once space is freed, the next save stores the question after all
    filler.unlink()
    exchange.begin()
    assert store.save_progress(exchange, force=True)
    assert store.load_conversation(conversation.id).exchanges[1].attachments == [image]
    store.close()


# ---- a kill -9 while a reply streams ----------------------------------------------------------

CHILD = """
import sys, time
from pathlib import Path
from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.protocol.events import ContentDelta, ReasoningDelta
from tests.core.history.builders import attachment

store = HistoryStore.open(Path(sys.argv[1]), progress_interval=0.0)
conversation = Conversation()
exchange = conversation.ask("Describe it", [attachment()], model="qwen3-vl-plus", region="intl")
exchange.begin()
store.save_question(conversation, exchange)
exchange.apply(ReasoningDelta("Thinking about it"))
for word in ["The ", "picture ", "shows "]:
    exchange.apply(ContentDelta(word))
    store.save_progress(exchange)
print(conversation.id, flush=True)
# Keep streaming in a busy loop of saves until killed, so the kill lands mid-write at times.
n = 0
while True:
    n += 1
    exchange.apply(ContentDelta(f"w{n} "))
    store.save_progress(exchange)
"""


def test_a_process_killed_mid_stream_leaves_a_sound_file_with_the_partial_reply(
    db_path: Path,
) -> None:
    # GIVEN a process streaming a reply into the history, saving after every event
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        conversation_id = child.stdout.readline().strip()
        assert conversation_id
    finally:
        # WHEN it is killed outright
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    # THEN the next start finds the question, its image and the partial reply, marked incomplete
    history = open_history(path=db_path)
    assert isinstance(history, HistoryStore) and history.recovery_message is None
    exchange = history.load_conversation(conversation_id).exchanges[0]
    assert exchange.question == "Describe it" and exchange.attachments == [attachment()]
    assert exchange.state == "incomplete"
    assert exchange.answer.startswith("The picture shows ")
    assert exchange.reasoning == "Thinking about it"
    # AND SQLite's integrity check (and the search index's) finds nothing wrong
    assert history.check_integrity() == []
    history.close()
