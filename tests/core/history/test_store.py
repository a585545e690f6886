"""The history store: what is written when, what comes back, the sidebar's actions."""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.conversation.model import Conversation, ErrorInfo
from qwenvl_desktop.core.history import (
    CURRENT_VERSION,
    ConversationNotFoundError,
    HistoryStore,
    NullHistoryStore,
    default_path,
    open_history,
)
from qwenvl_desktop.core.history.export import to_json, to_markdown
from qwenvl_desktop.core.images.data_uri import build_data_uri
from qwenvl_desktop.core.protocol.client import ChatClient, ClientSettings, Endpoint
from qwenvl_desktop.core.protocol.curl import curl_command, request_for
from qwenvl_desktop.core.protocol.errors import ModerationError
from qwenvl_desktop.core.protocol.events import ContentDelta, ReasoningDelta, Usage
from tests.support.dashscope_server import LoopbackDashScope

from .builders import answer, attachment, noise_jpeg, png_bytes, saved_conversation, url_attachment


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A second, independent connection: sees only what the store has committed (committed
    and closed on leaving the block)."""
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        yield db


def count(path: Path, table: str) -> int:
    with raw(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# ---- the file ---------------------------------------------------------------------------------


def test_new_history_is_a_private_wal_database_at_the_current_version(
    store: HistoryStore, db_path: Path
) -> None:
    # GIVEN a store opened on a path whose folder does not exist yet (the fixture)
    # THEN the folder and file exist, readable by the owner only, in WAL mode at the schema version
    assert db_path.is_file()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with raw(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 4
        assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.recovery_message is None
    assert store.uses_fts  # this SQLite has FTS5


def test_default_path_is_in_the_user_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # GIVEN XDG_DATA_HOME points somewhere (how tests and the crash test isolate the app)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    # THEN the history lives there, in the app's folder
    assert default_path() == tmp_path / "qwenvl-desktop" / "history.db"


# ---- saving and loading -----------------------------------------------------------------------


def test_an_exchange_round_trips_with_every_field(store: HistoryStore) -> None:
    # GIVEN a conversation with a system prompt, images (file, link), reasoning, usage, timing
    conversation = Conversation(system="Answer briefly.")
    images = [
        attachment(png_bytes(seed=1)),
        url_attachment(),
        attachment(noise_jpeg(64, 64), mime="image/jpeg", source="/tmp/x.jpg"),
    ]
    exchange = conversation.ask("What is in these?", images, model="qvq-max", region="cn")
    store.save_question(conversation, exchange)
    answer(exchange, "A dog on a beach.", reasoning="Looking at the image…")
    exchange.first_token_seconds = 0.75
    store.save_reply(exchange)
    # AND a second exchange that failed
    failed = conversation.ask("And now?", [], model="qvq-max", region="cn")
    store.save_question(conversation, failed)
    failed.begin()
    failed.apply(ContentDelta("Part"))
    failed.fail(ModerationError("x", status=400, code="data_inspection_failed", request_id="r-1"))
    store.save_reply(failed)

    # WHEN it is loaded back
    loaded = store.load_conversation(conversation.id)

    # THEN everything the model holds is as it was
    assert (loaded.id, loaded.title, loaded.system, loaded.created_at) == (
        conversation.id,
        "What is in these?",
        "Answer briefly.",
        conversation.created_at,
    )
    first, second = loaded.exchanges
    assert first.id == exchange.id and first.question == exchange.question
    assert (first.model, first.region, first.created_at) == ("qvq-max", "cn", exchange.created_at)
    assert (first.answer, first.reasoning) == ("A dog on a beach.", "Looking at the image…")
    assert first.usage == Usage(1300, 40, 1340, reasoning_tokens=20, image_tokens=1250)
    assert (first.finish_reason, first.state, first.first_token_seconds) == ("stop", "done", 0.75)
    assert first.error is None
    assert first.attachments == images  # every field, and each URL byte for byte
    assert [a.url.encode() for a in first.attachments] == [a.url.encode() for a in images]
    assert second.state == "failed" and second.answer == "Part"
    assert second.error == ErrorInfo.from_error(
        ModerationError("x", status=400, code="data_inspection_failed", request_id="r-1")
    )
    assert second.usage is None and second.attachments == []


def test_follow_ups_of_a_loaded_conversation_resend_its_images(store: HistoryStore) -> None:
    # GIVEN a saved conversation with an image, loaded back (as the sidebar opens it)
    original = saved_conversation(store, ["What is this?"], images=1)
    loaded = store.load_conversation(original.id)
    # WHEN the user continues it
    follow_up = loaded.ask("And the colour?", [], model="qwen3-vl-plus", region="intl")
    store.save_question(loaded, follow_up)
    # THEN the request history carries the earlier image and answer, exactly as first sent
    turns = loaded.turns_for(follow_up)
    assert [t.role for t in turns] == ["user", "assistant", "user"]
    assert turns[0].images == original.turns_for(original.exchanges[0])[0].images
    assert turns[1].text == "Answer to: What is this?"
    # AND the follow-up is stored in the same conversation, after the first
    assert [e.question for e in store.load_conversation(original.id).exchanges] == [
        "What is this?",
        "And the colour?",
    ]


def test_a_data_uri_in_an_unexpected_form_is_kept_verbatim(store: HistoryStore) -> None:
    # GIVEN an attachment whose data URI has a parameter the store does not split
    odd = attachment()
    odd = type(odd)(**{**odd.__dict__, "url": "data:image/png;name=a.png;base64,iVBORw0KGgo="})
    conversation = Conversation()
    exchange = conversation.ask("odd", [odd], model="qwen3-vl-plus", region="intl")
    # WHEN it is saved and loaded
    store.save_question(conversation, exchange)
    # THEN the URL comes back unchanged
    assert store.load_conversation(conversation.id).exchanges[0].attachments[0].url == odd.url


def test_the_question_is_on_disk_before_the_request_is_sent(
    store: HistoryStore, db_path: Path
) -> None:
    # GIVEN a question with an image, saved as the controller does before sending
    conversation = Conversation()
    exchange = conversation.ask("Before sending", [attachment()], model="m", region="intl")
    exchange.begin()
    store.save_question(conversation, exchange)
    # THEN another connection already sees it, with its image
    with raw(db_path) as db:
        row = db.execute("SELECT question, state FROM exchanges WHERE id = ?", (exchange.id,))
        assert row.fetchone() == ("Before sending", "streaming")
    assert count(db_path, "images") == 1


def test_progress_is_written_at_most_every_interval(db_path: Path) -> None:
    # GIVEN a store that writes progress at most every 0.2 s, and a question just saved
    store = HistoryStore.open(db_path, progress_interval=0.2)
    conversation = Conversation()
    exchange = conversation.ask("Stream", [], model="m", region="intl")
    exchange.begin()
    store.save_question(conversation, exchange)

    def stored_answer() -> str:
        with raw(db_path) as db:
            query = "SELECT answer FROM exchanges WHERE id = ?"
            return str(db.execute(query, (exchange.id,)).fetchone()[0])

    # WHEN events arrive right away
    exchange.apply(ContentDelta("Hel"))
    # THEN nothing is written yet
    assert store.save_progress(exchange) is False
    assert stored_answer() == ""
    # WHEN the interval has passed
    time.sleep(0.25)
    exchange.apply(ContentDelta("lo"))
    exchange.apply(ReasoningDelta("hmm"))
    # THEN the partial reply is written
    assert store.save_progress(exchange) is True
    assert stored_answer() == "Hello"
    # AND force writes regardless of the interval
    exchange.apply(ContentDelta("!"))
    assert store.save_progress(exchange, force=True) is True
    assert stored_answer() == "Hello!"
    store.close()


def test_saving_an_exchange_again_replaces_its_reply_and_images(
    store: HistoryStore, db_path: Path
) -> None:
    # GIVEN an exchange that failed, with one image
    conversation = Conversation()
    exchange = conversation.ask("Retry me", [attachment(png_bytes(seed=1))], model="m", region="r")
    store.save_question(conversation, exchange)
    answer(exchange, "Wrong", finish=False)
    exchange.state = "failed"
    store.save_reply(exchange)
    # WHEN it is retried (the same exchange, cleared by begin()) with a different image
    exchange.attachments = [attachment(png_bytes(seed=2))]
    exchange.begin()
    store.save_question(conversation, exchange)
    # THEN the stored reply is cleared, and the image replaced
    loaded = store.load_conversation(conversation.id).exchanges
    assert len(loaded) == 1
    assert (loaded[0].answer, loaded[0].state) == ("", "streaming")
    assert loaded[0].attachments == exchange.attachments
    # AND the replaced image goes at the next purge
    store.purge_deleted()
    assert count(db_path, "images") == 1


def test_an_exchange_outside_the_conversation_is_refused(store: HistoryStore) -> None:
    conversation, other = Conversation(), Conversation()
    stray = other.ask("Not in the first", [], model="m", region="r")
    with pytest.raises(ValueError, match="not part of the conversation"):
        store.save_question(conversation, stray)


def test_images_are_stored_once_however_often_they_are_sent(
    store: HistoryStore, db_path: Path
) -> None:
    # GIVEN the same 60 KB image attached in 50 turns
    image = noise_jpeg(300, 300)
    assert len(image) > 50_000
    conversation = Conversation()
    for turn in range(50):
        attached = [attachment(image, mime="image/jpeg")]
        exchange = conversation.ask(f"Turn {turn}", attached, model="m", region="r")
        store.save_question(conversation, exchange)
    store.close()
    # THEN one copy is stored, and the file stays well under two copies' size
    assert count(db_path, "images") == 1
    assert count(db_path, "attachments") == 50
    assert db_path.stat().st_size < 2 * len(image) + 200_000


def test_save_conversation_writes_the_whole_conversation_as_it_is(store: HistoryStore) -> None:
    # GIVEN a stored conversation of three exchanges
    conversation = saved_conversation(store, ["one", "two", "three"], images=1)
    # WHEN the middle exchange is removed in memory, the title changed, and the whole written
    del conversation.exchanges[1]
    conversation.title = "Edited"
    store.save_conversation(conversation)
    # THEN the file matches memory
    loaded = store.load_conversation(conversation.id)
    assert loaded.title == "Edited"
    assert [e.question for e in loaded.exchanges] == ["one", "three"]
    assert loaded.exchanges[1].attachments == conversation.exchanges[1].attachments


# ---- the sidebar ------------------------------------------------------------------------------


def test_conversations_are_listed_newest_activity_first(store: HistoryStore) -> None:
    # GIVEN three conversations saved in turn
    first = saved_conversation(store, ["First question\nsecond line"])
    second = saved_conversation(store, ["Second question", "more"])
    third = saved_conversation(store, ["Third"])
    # THEN the newest is on top, titled by its first question's first line
    listed = store.list_conversations()
    assert [c.id for c in listed] == [third.id, second.id, first.id]
    assert [c.title for c in listed] == ["Third", "Second question", "First question"]
    assert [c.exchange_count for c in listed] == [1, 2, 1]
    # WHEN the oldest is continued
    exchange = first.ask("again", [], model="m", region="r")
    store.save_question(first, exchange)
    # THEN it moves to the top
    assert store.list_conversations()[0].id == first.id
    # AND pages work
    assert [c.id for c in store.list_conversations(limit=2, offset=1)] == [third.id, second.id]


def test_a_renamed_title_survives_later_saves(store: HistoryStore) -> None:
    # GIVEN a conversation renamed in the sidebar (the window's copy still has the old title)
    conversation = saved_conversation(store, ["Original question"])
    store.rename(conversation.id, "  My   name  ")
    # WHEN a follow-up is saved
    exchange = conversation.ask("Follow-up", [], model="m", region="r")
    store.save_question(conversation, exchange)
    # THEN the new name stays, whitespace tidied
    assert store.list_conversations()[0].title == "My name"
    assert store.load_conversation(conversation.id).title == "My name"
    # AND a blank name or an unknown conversation is refused
    with pytest.raises(ValueError):
        store.rename(conversation.id, "   ")
    with pytest.raises(ConversationNotFoundError, match="no longer in the history"):
        store.rename("nope", "x")


def test_delete_can_be_undone_until_the_purge(store: HistoryStore, db_path: Path) -> None:
    # GIVEN two conversations sharing nothing, each with an image
    kept = saved_conversation(store, ["Keep me"], images=1)
    doomed = saved_conversation(store, ["Delete me please"], images=2)
    # WHEN one is deleted
    store.delete(doomed.id)
    # THEN it is gone from the list, search and opening
    assert [c.id for c in store.list_conversations()] == [kept.id]
    assert store.search("Delete") == []
    with pytest.raises(ConversationNotFoundError):
        store.load_conversation(doomed.id)
    # WHEN it is restored (Undo)
    store.restore(doomed.id)
    # THEN it is back as it was
    assert {c.id for c in store.list_conversations()} == {kept.id, doomed.id}
    assert len(store.load_conversation(doomed.id).exchanges[0].attachments) == 2
    # WHEN it is deleted again and the window closes (purge)
    store.delete(doomed.id)
    assert store.purge_deleted() == 1
    # THEN it and its images are erased for good; the other keeps its image
    with pytest.raises(ConversationNotFoundError):
        store.restore(doomed.id)
    assert count(db_path, "images") == 1
    assert count(db_path, "exchanges") == 1
    assert store.load_conversation(kept.id).exchanges[0].attachments
    assert store.check_integrity() == []


def test_closing_purges_deleted_conversations(db_path: Path) -> None:
    # GIVEN a deleted conversation
    store = HistoryStore.open(db_path)
    doomed = saved_conversation(store, ["Bye"])
    store.delete(doomed.id)
    # WHEN the window closes the store
    store.close()
    store.close()  # idempotent
    # THEN it is gone from the file, and the WAL is folded in
    assert count(db_path, "conversations") == 0
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_deleted_content_is_not_left_in_the_file(db_path: Path) -> None:
    # GIVEN a conversation with a distinctive sentence, deleted and purged
    store = HistoryStore.open(db_path)
    doomed = saved_conversation(store, ["zebra-unicorn-secret-phrase"])
    store.delete(doomed.id)
    store.close()
    # THEN the text is not recoverable from the file's bytes (secure_delete)
    assert b"zebra-unicorn-secret-phrase" not in db_path.read_bytes()


# ---- interrupted replies ----------------------------------------------------------------------


def test_mark_interrupted_turns_leftover_streaming_into_incomplete(db_path: Path) -> None:
    # GIVEN a session that saved a question and partial reply, then vanished without closing
    crashed = HistoryStore.open(db_path)
    conversation = Conversation()
    exchange = conversation.ask("Long answer please", [], model="m", region="r")
    exchange.begin()
    crashed.save_question(conversation, exchange)
    exchange.apply(ContentDelta("The first half"))
    crashed.save_progress(exchange, force=True)
    # WHEN the next session opens the file
    store = HistoryStore.open(db_path)
    # THEN loading already shows the reply as incomplete, with its partial text
    loaded = store.load_conversation(conversation.id).exchanges[0]
    assert (loaded.state, loaded.answer) == ("incomplete", "The first half")
    # AND mark_interrupted records that in the file, once
    assert store.mark_interrupted() == [exchange.id]
    assert store.mark_interrupted() == []
    with raw(db_path) as db:
        assert db.execute("SELECT state FROM exchanges").fetchone()[0] == "incomplete"
    crashed._db.close()
    store.close()


def test_mark_interrupted_leaves_this_sessions_stream_alone(store: HistoryStore) -> None:
    # GIVEN a reply streaming in this session
    conversation = Conversation()
    exchange = conversation.ask("Streaming now", [], model="m", region="r")
    exchange.begin()
    store.save_question(conversation, exchange)
    # THEN it is neither marked nor loaded as incomplete
    assert store.mark_interrupted() == []
    assert store.load_conversation(conversation.id).exchanges[0].state == "streaming"
    # AND once settled it is like any other
    exchange.finish()
    store.save_reply(exchange)
    assert store.load_conversation(conversation.id).exchanges[0].state == "done"


# ---- history off, history unavailable ---------------------------------------------------------


def test_history_off_writes_nothing(tmp_path: Path) -> None:
    # GIVEN history turned off in the configuration
    path = tmp_path / "data" / "history.db"
    history = open_history(enabled=False, path=path)
    assert isinstance(history, NullHistoryStore) and not history.enabled
    # WHEN a whole conversation happens, and the sidebar is used
    conversation = Conversation()
    exchange = conversation.ask("Private", [attachment()], model="m", region="r")
    history.save_question(conversation, exchange)
    answer(exchange, "Reply")
    assert history.save_progress(exchange, force=True) is False
    history.save_reply(exchange)
    history.save_conversation(conversation)
    assert history.list_conversations() == [] and history.search("Private") == []
    assert history.mark_interrupted() == [] and history.purge_deleted() == 0
    with pytest.raises(ConversationNotFoundError):
        history.load_conversation(conversation.id)
    history.close()
    # THEN no file or folder was created
    assert list(tmp_path.iterdir()) == []
    assert history.recovery_message is None and history.path is None


def test_an_unusable_history_folder_gives_a_null_store_with_a_reason(tmp_path: Path) -> None:
    # GIVEN the data folder's place is taken by a file
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    # WHEN the app opens its history
    history = open_history(path=blocker / "history.db")
    # THEN it runs without history and can say why
    assert isinstance(history, NullHistoryStore)
    assert history.recovery_message is not None
    assert "history is off for this session" in history.recovery_message


def test_open_history_prepares_the_store_for_a_new_session(db_path: Path) -> None:
    # GIVEN a session that crashed mid-stream, with a conversation deleted but not purged
    crashed = HistoryStore.open(db_path)
    deleted = saved_conversation(crashed, ["Deleted"])
    crashed.delete(deleted.id)
    conversation = Conversation()
    exchange = conversation.ask("Cut off", [], model="m", region="r")
    exchange.begin()
    crashed.save_question(conversation, exchange)
    crashed._db.close()
    # WHEN the app starts
    history = open_history(path=db_path)
    # THEN the cut-off reply is incomplete and the deletion is final
    assert isinstance(history, HistoryStore)
    with raw(db_path) as db:
        assert db.execute("SELECT state FROM exchanges").fetchall() == [("incomplete",)]
        assert db.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
    history.close()


def test_the_store_refuses_use_from_another_thread(store: HistoryStore) -> None:
    # One connection, GUI thread only: sqlite3 enforces it, so a mistake fails loudly.
    import threading

    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.list_conversations()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert errors and isinstance(errors[0], sqlite3.ProgrammingError)


def test_build_data_uri_matches_the_image_pipelines_form() -> None:
    assert build_data_uri("image/png", b"\x89PNG") == "data:image/png;base64,iVBORw=="


# ---- the API key ------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_api_key_is_never_written_to_the_history(
    loop_server: LoopbackDashScope, test_key: str, db_path: Path, tmp_path: Path
) -> None:
    # GIVEN a real request made with the key, saved the way the app saves it
    store = HistoryStore.open(db_path, progress_interval=0.0)
    endpoint = Endpoint(loop_server.base_url("qvq"), test_key, "intl")
    conversation = Conversation(system="Be brief.")
    exchange = conversation.ask("What is it?", [attachment()], model="qvq-max", region="intl")
    exchange.begin()
    store.save_question(conversation, exchange)
    request = request_for(conversation, exchange)
    async with ChatClient(ClientSettings()) as client:
        async for event in client.chat(endpoint, request):
            exchange.apply(event)
            store.save_progress(exchange)
    exchange.finish()
    store.save_reply(exchange)
    assert loop_server.chat_requests()[0].authorization == f"Bearer {test_key}"
    assert exchange.answer == "A dog on a beach."
    # THEN the key appears nowhere in the files, while open (WAL) or closed, nor in exports
    assert_key_absent(test_key, store, conversation, tmp_path / "md")


def assert_key_absent(
    key: str, store: HistoryStore, conversation: Conversation, export_folder: Path
) -> None:
    contents = b"".join(p.read_bytes() for p in store.path.parent.iterdir() if p.is_file())
    store.close()
    contents += store.path.read_bytes()
    assert len(contents) > 10_000
    assert key.encode() not in contents
    assert key[3:].encode() not in contents  # not even in part
    exchange = conversation.exchanges[0]
    exported = to_json(conversation) + curl_command(conversation, exchange, "http://x/v1")
    exported += to_markdown(conversation, export_folder).read_text(encoding="utf-8")
    assert key not in exported
