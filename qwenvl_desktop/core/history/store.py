"""The conversation history: an SQLite file in the user data directory, written as things happen.

Wiring (the controller, on the GUI thread)::

    history = open_history(enabled=settings.history)     # HistoryStore or NullHistoryStore
    if history.recovery_message: show(history.recovery_message)
    ...
    exchange = conversation.ask(text, attachments, model=…, region=…)
    history.save_question(conversation, exchange)         # before the request is sent
    for event in stream:
        exchange.apply(event)
        history.save_progress(exchange)                    # writes at most every 2 s
    history.save_reply(exchange)                           # the end: done, stopped or failed
    ...
    history.close()                                        # window closes: purges deleted ones

Every save can raise :class:`~.errors.HistoryWriteError` (disk full, file in use…): show its
sentence and carry on; the conversation in memory is untouched, and a question that could not be
saved is saved again by the next save of that exchange.

Each save is one short transaction (why that survives a ``SIGKILL``: :mod:`.database`). At
the next start :meth:`HistoryStore.mark_interrupted` turns
exchanges left ``streaming`` into ``incomplete`` (and :meth:`HistoryStore.load_conversation`
shows them so even before that).

Opening the file, checking it after a crash and setting a damaged one aside is
:mod:`.database`; the search query is :mod:`.search`.

One connection, used by one thread at a time: the GUI thread, and for the write of a long
finished reply (:meth:`HistoryStore.save_reply_later`) a worker thread that the GUI thread waits
for before it uses the store again (``services/history.py``). The API key is never stored:
nothing in the conversation model holds it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

from qwenvl_desktop.core.conversation.model import Conversation, Exchange, PlacedVideo
from qwenvl_desktop.core.history.database import (
    HISTORY_FILENAME,
    default_path,
    end_session,
    is_damage,
    open_database,
)
from qwenvl_desktop.core.history.errors import (
    ConversationNotFoundError,
    HistoryError,
    HistoryUnavailableError,
    translate_sqlite_error,
)
from qwenvl_desktop.core.history.interface import ConversationSummary, History, SearchHit
from qwenvl_desktop.core.history.null_store import NullHistoryStore
from qwenvl_desktop.core.history.records import (
    attachment_from_record,
    attachment_to_record,
    error_from_record,
    reply_to_record,
    state_from_record,
    usage_from_record,
    version_from_record,
    version_to_record,
    video_from_record,
    video_to_record,
)
from qwenvl_desktop.core.history.search import search_exchanges
from qwenvl_desktop.core.images import Attachment
from qwenvl_desktop.core.images.data_uri import build_data_uri, split_data_uri
from qwenvl_desktop.core.video.attachment import VideoFrame

__all__ = [
    "HISTORY_FILENAME",
    "HistoryStore",
    "StartedHistory",
    "default_path",
    "open_history",
    "start_history",
]

log = logging.getLogger(__name__)

_UNSETTLED = ("pending", "streaming")
#: The columns of :func:`~.records.reply_to_record`, in its order.
_REPLY_COLUMNS = (
    "state",
    "answer",
    "reasoning",
    "finish_reason",
    "first_token_seconds",
    "usage",
    "error",
)
# Bugs in the caller (wrong thread, closed store, bad SQL parameters) stay what they are instead
# of becoming "history could not be saved".
_MISUSE = (sqlite3.ProgrammingError, sqlite3.InterfaceError)


@dataclass(frozen=True, slots=True)
class _PreparedAttachment:
    position: int
    meta: str
    url: str | None
    mime: str | None
    sha256: str | None
    data: bytes | None


@dataclass(frozen=True, slots=True)
class _PreparedVideo:
    """A video as rows: its description, and each frame's time and bytes (kept in ``images``)."""

    position: int
    after_images: int
    meta: str
    url: str | None
    #: (frame index, timestamp, sha256, mime, bytes)
    frames: tuple[tuple[int, float, str, str, bytes], ...]


def _prepare_video(position: int, placed: PlacedVideo) -> _PreparedVideo:
    video = placed.video
    meta = _json(video_to_record(video))
    assert meta is not None
    frames = []
    for index, frame in enumerate(video.frames):
        image = split_data_uri(frame.url)
        if image is None:  # never made by the pipeline; kept out rather than stored wrong
            log.warning("history: frame %d of a video is not a base64 data URI", index)
            continue
        frames.append((index, frame.timestamp, image.sha256, image.mime, image.data))
    return _PreparedVideo(position, placed.after_images, meta, video.url, tuple(frames))


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


class HistoryStore:
    """The history in one SQLite file. Build it with :meth:`open` (or :func:`open_history`)."""

    enabled = True

    def __init__(
        self,
        db: sqlite3.Connection,
        path: Path,
        *,
        uses_fts: bool,
        recovery_message: str | None = None,
        progress_interval: float = 2.0,
    ) -> None:
        self._db = db
        #: the thread allowed to use the connection: the one that opened it, or the thread a
        #: write from :meth:`save_reply_later` runs on, while it runs
        self._owner = threading.get_ident()
        self._path = path
        #: whether search uses the FTS5 index (else LIKE over the table)
        self.uses_fts = uses_fts
        self._recovery_message = recovery_message
        self.progress_interval = progress_interval
        self._last_progress: dict[str, float] = {}
        # Exchanges whose question could not be saved: the next save of one retries it whole.
        self._unsaved: dict[str, Conversation] = {}
        # Exchanges this session saved; only these may legitimately be "streaming" in the file.
        self._live: set[str] = set()
        self._closed = False
        # SQLite reported damage while running: leave the session mark at close, so the next
        # start checks the whole file and sets it aside.
        self._damaged = False

    # ---- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        use_fts: bool | None = None,
        progress_interval: float = 2.0,
    ) -> HistoryStore:
        """Open (creating or upgrading) the history at ``path`` (default :func:`default_path`).

        A file that is not a readable database is moved aside and a new, empty history starts;
        :attr:`recovery_message` then says so for the window. ``use_fts``: ``None`` uses FTS5
        when this SQLite has it; ``False`` forces ``LIKE``. Raises
        :class:`~.errors.HistoryUnavailableError` when no history can be used this session (see
        :func:`~.database.open_database`).
        """
        opened = open_database(path, use_fts=use_fts)
        return cls(
            opened.db,
            opened.path,
            uses_fts=opened.uses_fts,
            recovery_message=opened.recovery_message,
            progress_interval=progress_interval,
        )

    # ---- properties ---------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def recovery_message(self) -> str | None:
        """What happened to an unreadable history file at open, for the window to show once."""
        return self._recovery_message

    @property
    def closed(self) -> bool:
        return self._closed

    # ---- transactions -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction; any SQLite failure becomes a HistoryWriteError."""
        self._check_thread()
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except _MISUSE:
            raise
        except sqlite3.Error as exc:
            raise self._translate(exc, "save") from exc
        try:
            yield db
            db.execute("COMMIT")
        except _MISUSE:
            self._rollback()
            raise
        except sqlite3.Error as exc:
            self._rollback()
            raise self._translate(exc, "save") from exc
        except BaseException:
            self._rollback()
            raise

    def _translate(self, exc: sqlite3.Error, action: Literal["save", "read"]) -> HistoryError:
        if is_damage(exc):
            self._damaged = True
        return translate_sqlite_error(exc, action)

    def _rollback(self) -> None:
        # SQLite rolls back by itself after some errors (SQLITE_FULL among them).
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def _check_thread(self) -> None:
        """Refuse use from any thread but the owner: a mistake fails loudly, as sqlite3's own
        check would (which is off so that a write can be handed to another thread)."""
        if threading.get_ident() != self._owner:
            raise sqlite3.ProgrammingError(
                "the history store is used from a thread that does not own it now"
            )

    def _iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        self._check_thread()
        try:
            yield from self._db.execute(sql, params)
        except _MISUSE:
            raise
        except sqlite3.Error as exc:
            raise self._translate(exc, "read") from exc

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        self._check_thread()
        try:
            return self._db.execute(sql, params).fetchall()
        except _MISUSE:
            raise
        except sqlite3.Error as exc:
            raise self._translate(exc, "read") from exc

    # ---- saving -------------------------------------------------------------------------------

    def save_question(self, conversation: Conversation, exchange: Exchange) -> None:
        """Write the question with its images (and the conversation) before it is sent.

        Saving an exchange again (Retry, Regenerate) replaces its stored question, images and
        reply with what it holds now. A conversation deleted in the sidebar comes back when a new
        question is saved in it. The stored title is kept once set: change it with
        :meth:`rename`.
        """
        position = self._position(conversation, exchange)
        # Decode and hash before taking the write lock: the transaction only copies bytes.
        prepared = [self._prepare(i, a) for i, a in enumerate(exchange.attachments)]
        videos = [_prepare_video(i, v) for i, v in enumerate(exchange.videos)]
        now = time.time()
        try:
            with self._write() as db:
                db.execute(
                    "INSERT INTO conversations (id, title, created_at, updated_at, system)"
                    " VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at,"
                    " system = excluded.system, deleted_at = NULL,"
                    " title = CASE WHEN conversations.title = '' THEN excluded.title"
                    " ELSE conversations.title END",
                    (
                        conversation.id,
                        conversation.title,
                        conversation.created_at,
                        now,
                        conversation.system,
                    ),
                )
                self._upsert_exchange(db, conversation.id, position, exchange, prepared, videos)
        except HistoryError:
            self._unsaved[exchange.id] = conversation
            raise
        self._unsaved.pop(exchange.id, None)
        self._live.add(exchange.id)
        self._last_progress[exchange.id] = time.monotonic()

    def save_progress(self, exchange: Exchange, *, force: bool = False) -> bool:
        """Write the partial answer and reasoning; call it after every stream event.

        Writes at most once per :attr:`progress_interval` seconds per exchange (``force``
        ignores that); returns whether it wrote. Cheap: one ``UPDATE`` of one row.
        """
        if exchange.id in self._unsaved:
            return self._retry_question(exchange)
        now = time.monotonic()
        last = self._last_progress.get(exchange.id, -math.inf)
        if not force and now - last < self.progress_interval:
            return False
        with self._write() as db:
            self._update_reply(db, exchange)
        self._last_progress[exchange.id] = now
        return True

    def save_reply(self, exchange: Exchange) -> None:
        """Write the finished reply: answer, reasoning, usage, state, error."""
        write = self.save_reply_later(exchange)
        if write is not None:
            write()

    def save_reply_later(self, exchange: Exchange) -> Callable[[], None] | None:
        """:meth:`save_reply` in two steps: the reply's values are taken now, and the function
        returned writes them — possibly on another thread (a long reply's write, its search
        index included, takes ~10 ms per 200 KB: HistorySync does it off the GUI thread).

        Until that function has returned, nothing else may use the store (HistorySync waits for
        it first); it raises what :meth:`save_reply` raises. None: the reply was saved now (an
        exchange whose question could not be saved is saved whole, at once).
        """
        if exchange.id in self._unsaved:
            self._retry_question(exchange)
            return None
        exchange_id = exchange.id
        values = self._reply_values(exchange)  # the exchange may change once this returns
        settled = exchange.is_settled

        def write() -> None:
            owner, self._owner = self._owner, threading.get_ident()
            try:
                with self._write() as db:
                    if self._update_reply_values(db, exchange_id, values):
                        db.execute(
                            "UPDATE conversations SET updated_at = ? WHERE id ="
                            " (SELECT conversation_id FROM exchanges WHERE id = ?)",
                            (time.time(), exchange_id),
                        )
            finally:
                self._owner = owner
            self._last_progress.pop(exchange_id, None)
            if settled:
                self._live.discard(exchange_id)

        return write

    def save_versions(self, exchange: Exchange) -> None:
        """Write which reply of ``exchange`` is shown and its other replies (Regenerate's
        versions, one picked with ‹ ›)."""
        if exchange.id in self._unsaved:
            self._retry_question(exchange)
            return
        with self._write() as db:
            if self._update_reply(db, exchange):
                self._write_versions(db, exchange)

    def save_conversation(self, conversation: Conversation) -> None:
        """Write the whole conversation as it is in memory, in one transaction.

        For imports and structural edits (an exchange removed): exchanges no longer in
        ``conversation`` are deleted from the file, and its title replaces the stored one.
        """
        prepared = [
            [self._prepare(i, a) for i, a in enumerate(e.attachments)]
            for e in conversation.exchanges
        ]
        prepared_videos = [
            [_prepare_video(i, v) for i, v in enumerate(e.videos)] for e in conversation.exchanges
        ]
        updated = max([conversation.created_at, *(e.created_at for e in conversation.exchanges)])
        with self._write() as db:
            db.execute(
                "INSERT INTO conversations (id, title, created_at, updated_at, system)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " created_at = excluded.created_at, updated_at = excluded.updated_at,"
                " system = excluded.system, deleted_at = NULL",
                (
                    conversation.id,
                    conversation.title,
                    conversation.created_at,
                    updated,
                    conversation.system,
                ),
            )
            keep = {e.id for e in conversation.exchanges}
            stale = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM exchanges WHERE conversation_id = ?", (conversation.id,)
                )
                if row[0] not in keep
            ]
            for exchange_id in stale:
                db.execute("DELETE FROM attachments WHERE exchange_id = ?", (exchange_id,))
                db.execute("DELETE FROM answer_versions WHERE exchange_id = ?", (exchange_id,))
                db.execute("DELETE FROM video_frames WHERE exchange_id = ?", (exchange_id,))
                db.execute("DELETE FROM videos WHERE exchange_id = ?", (exchange_id,))
                db.execute("DELETE FROM exchanges WHERE id = ?", (exchange_id,))
            for position, (exchange, attachments, videos) in enumerate(
                zip(conversation.exchanges, prepared, prepared_videos, strict=True)
            ):
                self._upsert_exchange(db, conversation.id, position, exchange, attachments, videos)
        for exchange in conversation.exchanges:
            self._unsaved.pop(exchange.id, None)

    def _retry_question(self, exchange: Exchange) -> bool:
        conversation = self._unsaved[exchange.id]
        if not any(e is exchange for e in conversation.exchanges):
            del self._unsaved[exchange.id]
            return False
        self.save_question(conversation, exchange)
        return True

    @staticmethod
    def _position(conversation: Conversation, exchange: Exchange) -> int:
        for index, candidate in enumerate(conversation.exchanges):
            if candidate is exchange:
                return index
        raise ValueError("the exchange is not part of the conversation")

    @staticmethod
    def _prepare(position: int, attachment: Attachment) -> _PreparedAttachment:
        meta = _json(attachment_to_record(attachment))
        assert meta is not None
        image = split_data_uri(attachment.url)
        if image is None:
            return _PreparedAttachment(position, meta, attachment.url, None, None, None)
        return _PreparedAttachment(position, meta, None, image.mime, image.sha256, image.data)

    @staticmethod
    def _reply_values(exchange: Exchange) -> tuple[Any, ...]:
        """The values of the reply columns, in the order of ``_REPLY_COLUMNS``."""
        record = reply_to_record(exchange)
        record["usage"] = _json(record["usage"])
        record["error"] = _json(record["error"])
        return tuple(record[column] for column in _REPLY_COLUMNS)

    def _upsert_exchange(
        self,
        db: sqlite3.Connection,
        conversation_id: str,
        position: int,
        exchange: Exchange,
        attachments: list[_PreparedAttachment],
        videos: Sequence[_PreparedVideo] = (),
    ) -> None:
        # ON CONFLICT DO UPDATE, not INSERT OR REPLACE: a replace is a delete plus an insert,
        # which would give the row a new seq and skip the search index's delete trigger.
        db.execute(
            "INSERT INTO exchanges (id, conversation_id, position, question, model, region,"
            " created_at, state, answer, reasoning, finish_reason, first_token_seconds, usage,"
            " error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            " position = excluded.position, question = excluded.question,"
            " model = excluded.model, region = excluded.region,"
            " created_at = excluded.created_at, answer = excluded.answer,"
            " reasoning = excluded.reasoning, state = excluded.state,"
            " finish_reason = excluded.finish_reason,"
            " first_token_seconds = excluded.first_token_seconds, usage = excluded.usage,"
            " error = excluded.error",
            (
                exchange.id,
                conversation_id,
                position,
                exchange.question,
                exchange.model,
                exchange.region,
                exchange.created_at,
                *self._reply_values(exchange),
            ),
        )
        db.execute("DELETE FROM attachments WHERE exchange_id = ?", (exchange.id,))
        for item in attachments:
            if item.sha256 is not None:
                db.execute(
                    "INSERT OR IGNORE INTO images (sha256, data, byte_size) VALUES (?, ?, ?)",
                    (item.sha256, item.data, len(item.data or b"")),
                )
            db.execute(
                "INSERT INTO attachments (exchange_id, position, image_sha256, data_mime, url,"
                " meta) VALUES (?, ?, ?, ?, ?, ?)",
                (exchange.id, item.position, item.sha256, item.mime, item.url, item.meta),
            )
        self._write_videos(db, exchange.id, videos)
        self._write_versions(db, exchange)

    @staticmethod
    def _write_videos(
        db: sqlite3.Connection, exchange_id: str, videos: Sequence[_PreparedVideo]
    ) -> None:
        """The question's videos; each frame's bytes go to ``images`` once per distinct frame."""
        db.execute("DELETE FROM video_frames WHERE exchange_id = ?", (exchange_id,))
        db.execute("DELETE FROM videos WHERE exchange_id = ?", (exchange_id,))
        for video in videos:
            db.execute(
                "INSERT INTO videos (exchange_id, position, after_images, url, meta)"
                " VALUES (?, ?, ?, ?, ?)",
                (exchange_id, video.position, video.after_images, video.url, video.meta),
            )
            db.executemany(
                "INSERT OR IGNORE INTO images (sha256, data, byte_size) VALUES (?, ?, ?)",
                [(sha, data, len(data)) for _, _, sha, _, data in video.frames],
            )
            db.executemany(
                "INSERT INTO video_frames (exchange_id, video_position, frame_index, timestamp,"
                " image_sha256, data_mime) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (exchange_id, video.position, index, timestamp, sha, mime)
                    for index, timestamp, sha, mime, _ in video.frames
                ],
            )

    @staticmethod
    def _write_versions(db: sqlite3.Connection, exchange: Exchange) -> None:
        """The other replies at their places among all of them (the reply shown's place is the
        number left out)."""
        db.execute("DELETE FROM answer_versions WHERE exchange_id = ?", (exchange.id,))
        shown = min(max(exchange.version_index, 0), len(exchange.versions))
        rows = [
            (exchange.id, n if n < shown else n + 1, _json(version_to_record(version)))
            for n, version in enumerate(exchange.versions)
        ]
        db.executemany(
            "INSERT INTO answer_versions (exchange_id, position, record) VALUES (?, ?, ?)", rows
        )

    def _update_reply(self, db: sqlite3.Connection, exchange: Exchange) -> bool:
        return self._update_reply_values(db, exchange.id, self._reply_values(exchange))

    @staticmethod
    def _update_reply_values(
        db: sqlite3.Connection, exchange_id: str, values: tuple[Any, ...]
    ) -> bool:
        cursor = db.execute(
            "UPDATE exchanges SET state = ?, answer = ?, reasoning = ?, finish_reason = ?,"
            " first_token_seconds = ?, usage = ?, error = ? WHERE id = ?",
            (*values, exchange_id),
        )
        return cursor.rowcount > 0

    # ---- reading ------------------------------------------------------------------------------

    def list_conversations(self, limit: int = 200, offset: int = 0) -> list[ConversationSummary]:
        """Conversations not deleted, most recently active first."""
        rows = self._read(
            "SELECT c.id, c.title, c.created_at, c.updated_at,"
            " (SELECT count(*) FROM exchanges e WHERE e.conversation_id = c.id),"
            # The last exchange's state, through the (conversation, position) index.
            " (SELECT e.id || ' ' || e.state FROM exchanges e WHERE e.conversation_id = c.id"
            "  ORDER BY e.position DESC, e.seq DESC LIMIT 1)"
            " FROM conversations c WHERE c.deleted_at IS NULL"
            " ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            ConversationSummary(cid, title, created, updated, count, self._summary_state(last))
            for cid, title, created, updated, count, last in rows
        ]

    def _summary_state(self, last: str | None) -> str:
        """The state the sidebar shows for ``"<exchange id> <state>"`` (the last exchange)."""
        if not last:
            return ""
        exchange_id, _, state = last.partition(" ")
        restored = state_from_record(state)
        # Left streaming by a session that ended (a crash, a kill): cut off.
        if restored in _UNSETTLED and exchange_id not in self._live:
            return "incomplete"
        return restored

    def load_conversation(self, conversation_id: str) -> Conversation:
        """The conversation with its exchanges and images, as it was saved.

        An exchange stored as ``pending``/``streaming`` that this session is not streaming was
        cut off by a crash: it comes back ``incomplete``.
        """
        head = self._read(
            "SELECT id, title, created_at, system FROM conversations"
            " WHERE id = ? AND deleted_at IS NULL",
            (conversation_id,),
        )
        if not head:
            raise ConversationNotFoundError(conversation_id)
        cid, title, created_at, system = head[0]
        rows = self._read(
            "SELECT id, question, model, region, created_at, answer, reasoning, state,"
            " finish_reason, first_token_seconds, usage, error"
            " FROM exchanges WHERE conversation_id = ? ORDER BY position, seq",
            (conversation_id,),
        )
        images = self._load_attachments(conversation_id)
        exchanges = [self._exchange_from_row(row, images) for row in rows]
        self._load_versions(conversation_id, exchanges)
        self._load_videos(conversation_id, exchanges)
        return Conversation(
            exchanges=exchanges, title=title, id=cid, created_at=created_at, system=system
        )

    def _exchange_from_row(
        self, row: tuple[Any, ...], images: dict[str, list[Attachment]]
    ) -> Exchange:
        (eid, question, model, region, created_at, answer, reasoning, state) = row[:8]
        finish_reason, first_token_seconds, usage, error = row[8:]
        restored_state = state_from_record(state)
        if restored_state in _UNSETTLED and eid not in self._live:
            restored_state = "incomplete"
        return Exchange(
            question,
            images.get(eid, []),
            model=model,
            region=region,
            id=eid,
            created_at=created_at,
            answer=answer,
            reasoning=reasoning,
            usage=usage_from_record(_loads(usage)),
            finish_reason=finish_reason,
            state=restored_state,
            error=error_from_record(_loads(error)),
            first_token_seconds=first_token_seconds,
        )

    def _load_versions(self, conversation_id: str, exchanges: list[Exchange]) -> None:
        """Give each exchange the other replies Regenerate kept, and the place of the one shown
        (the first number missing among the stored places)."""
        rows = self._read(
            "SELECT v.exchange_id, v.position, v.record FROM exchanges e"
            " JOIN answer_versions v ON v.exchange_id = e.id"
            " WHERE e.conversation_id = ? ORDER BY v.exchange_id, v.position",
            (conversation_id,),
        )
        if not rows:
            return
        stored: dict[str, list[tuple[int, str]]] = {}
        for exchange_id, position, record in rows:
            stored.setdefault(exchange_id, []).append((position, record))
        for exchange in exchanges:
            found = stored.get(exchange.id)
            if not found:
                continue
            places = [position for position, _ in found]
            exchange.version_index = next(
                (n for n, place in enumerate(places) if place != n), len(places)
            )
            versions = [version_from_record(_loads(record)) for _, record in found]
            exchange.versions = [v for v in versions if v is not None]
            exchange.version_index = min(exchange.version_index, len(exchange.versions))

    def _load_videos(self, conversation_id: str, exchanges: list[Exchange]) -> None:
        """Give each exchange its videos back, frames and all (a reopened conversation shows
        its filmstrips and resends them in follow-ups)."""
        heads = self._read(
            "SELECT v.exchange_id, v.position, v.after_images, v.url, v.meta FROM exchanges e"
            " JOIN videos v ON v.exchange_id = e.id WHERE e.conversation_id = ?"
            " ORDER BY v.exchange_id, v.position",
            (conversation_id,),
        )
        if not heads:
            return
        frames: dict[tuple[str, int], list[VideoFrame]] = {}
        uris: dict[tuple[str, str], str] = {}
        rows = self._iterate(
            "SELECT f.exchange_id, f.video_position, f.timestamp, f.image_sha256, f.data_mime,"
            " i.data FROM exchanges e JOIN video_frames f ON f.exchange_id = e.id"
            " LEFT JOIN images i ON i.sha256 = f.image_sha256"
            " WHERE e.conversation_id = ? ORDER BY f.exchange_id, f.video_position, f.frame_index",
            (conversation_id,),
        )
        for exchange_id, video_position, timestamp, sha256, mime, data in rows:
            if data is None:
                log.warning("history: frame %s of exchange %s is missing", sha256, exchange_id)
                continue
            key = (sha256, mime)
            url = uris.get(key)
            if url is None:
                url = uris[key] = build_data_uri(mime, data)
            frames.setdefault((exchange_id, video_position), []).append(
                VideoFrame(float(timestamp), url, sha256)
            )
        by_id = {e.id: e for e in exchanges}
        for exchange_id, position, after_images, url, meta in heads:
            exchange = by_id.get(exchange_id)
            if exchange is None:
                continue
            record = _loads(meta)
            video = video_from_record(
                record if isinstance(record, dict) else {},
                tuple(frames.get((exchange_id, position), ())),
                url,
            )
            exchange.videos.append(PlacedVideo(video, int(after_images)))

    def _load_attachments(self, conversation_id: str) -> dict[str, list[Attachment]]:
        # Iterated, not fetched whole: each image's BLOB is freed once encoded, so the peak is
        # the data URIs plus one BLOB rather than both for every image. (The query needs no
        # sort: it walks the conversation index, so SQLite does not buffer the BLOBs either.)
        rows = self._iterate(
            "SELECT a.exchange_id, a.meta, a.url, a.data_mime, a.image_sha256, i.data"
            " FROM exchanges e JOIN attachments a ON a.exchange_id = e.id"
            " LEFT JOIN images i ON i.sha256 = a.image_sha256"
            " WHERE e.conversation_id = ? ORDER BY e.position, e.seq, a.position",
            (conversation_id,),
        )
        # The same image in several turns is encoded once and shared (the URL string is
        # immutable), which keeps a long conversation's memory to one copy per image.
        uris: dict[tuple[str, str], str] = {}
        out: dict[str, list[Attachment]] = {}
        for exchange_id, meta, url, mime, sha256, data in rows:
            if url is None:
                if data is None:
                    log.warning("history: image %s of exchange %s is missing", sha256, exchange_id)
                    continue
                key = (sha256, mime)
                url = uris.get(key)
                if url is None:
                    url = uris[key] = build_data_uri(mime, data)
            record = _loads(meta)
            out.setdefault(exchange_id, []).append(
                attachment_from_record(record if isinstance(record, dict) else {}, url)
            )
        return out

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Exchanges whose question or answer contains every word of ``text``, newest first.

        "Newest" is the order exchanges were first stored in, which is the order they were
        asked except for conversations written whole by :meth:`save_conversation` (imports).
        """
        return search_exchanges(self._read, text, limit, uses_fts=self.uses_fts)

    # ---- sidebar actions ----------------------------------------------------------------------

    def rename(self, conversation_id: str, title: str) -> None:
        """Set the title shown in the sidebar (the list order does not change)."""
        title = " ".join(title.split())
        if not title:
            raise ValueError("a conversation title cannot be empty")
        with self._write() as db:
            cursor = db.execute(
                "UPDATE conversations SET title = ? WHERE id = ? AND deleted_at IS NULL",
                (title, conversation_id),
            )
            if cursor.rowcount == 0:
                raise ConversationNotFoundError(conversation_id)

    def delete(self, conversation_id: str) -> None:
        """Hide the conversation; :meth:`restore` undoes it until :meth:`purge_deleted`."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE conversations SET deleted_at = ? WHERE id = ?",
                (time.time(), conversation_id),
            )
            if cursor.rowcount == 0:
                raise ConversationNotFoundError(conversation_id)

    def restore(self, conversation_id: str) -> None:
        """Undo :meth:`delete` (possible until the deleted conversations are purged)."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE conversations SET deleted_at = NULL WHERE id = ?", (conversation_id,)
            )
            if cursor.rowcount == 0:
                raise ConversationNotFoundError(conversation_id)

    def purge_deleted(self) -> int:
        """Erase deleted conversations for good (and images nothing refers to any more).

        Returns how many conversations were erased. :meth:`close` calls it; :func:`open_history`
        too, for deletions a crash left behind.
        """
        with self._write() as db:
            doomed = "SELECT id FROM conversations WHERE deleted_at IS NOT NULL"
            db.execute(
                "DELETE FROM attachments WHERE exchange_id IN"
                f" (SELECT id FROM exchanges WHERE conversation_id IN ({doomed}))"
            )
            db.execute(
                "DELETE FROM answer_versions WHERE exchange_id IN"
                f" (SELECT id FROM exchanges WHERE conversation_id IN ({doomed}))"
            )
            for table in ("video_frames", "videos"):
                db.execute(
                    f"DELETE FROM {table} WHERE exchange_id IN"
                    f" (SELECT id FROM exchanges WHERE conversation_id IN ({doomed}))"
                )
            db.execute(f"DELETE FROM exchanges WHERE conversation_id IN ({doomed})")
            count = db.execute("DELETE FROM conversations WHERE deleted_at IS NOT NULL").rowcount
            # Also catches images left over when a retried question changed its attachments.
            db.execute(
                "DELETE FROM images WHERE NOT EXISTS"
                " (SELECT 1 FROM attachments a WHERE a.image_sha256 = images.sha256)"
                " AND NOT EXISTS"
                " (SELECT 1 FROM video_frames f WHERE f.image_sha256 = images.sha256)"
            )
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA incremental_vacuum")
        return count

    def mark_interrupted(self) -> list[str]:
        """Mark exchanges a crash left ``pending``/``streaming`` as ``incomplete``; their ids.

        Call once at startup, before anything is sent. (Exchanges this session is streaming are
        left alone.)
        """
        rows = self._read("SELECT id FROM exchanges WHERE state IN ('pending', 'streaming')")
        ids = [row[0] for row in rows if row[0] not in self._live]
        if not ids:
            return []
        with self._write() as db:
            db.executemany(
                "UPDATE exchanges SET state = 'incomplete' WHERE id = ?", [(i,) for i in ids]
            )
        return ids

    # ---- maintenance --------------------------------------------------------------------------

    def check_integrity(self) -> list[str]:
        """Problems SQLite's ``integrity_check`` (and FTS5's own check) find; empty when sound."""
        problems = [str(row[0]) for row in self._read("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        if self.uses_fts:
            try:
                self._db.execute(
                    "INSERT INTO exchanges_fts (exchanges_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.Error as exc:
                problems.append(f"search index: {exc}")
        return problems

    def close(self, *, purge: bool = True) -> None:
        """Purge deleted conversations, fold the WAL into the file, and close. Idempotent."""
        if self._closed:
            return
        try:
            if purge:
                try:
                    self.purge_deleted()
                except HistoryError as exc:
                    log.warning("history: purge at close failed: %s (%s)", exc, exc.detail)
            end_session(self._db, damaged=self._damaged)
        finally:
            self._db.close()
            self._closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class StartedHistory:
    """The history a session starts with, and the replies the last session left cut off."""

    store: HistoryStore | NullHistoryStore
    #: ids of exchanges a crash left streaming, now marked ``incomplete`` (the window reopens
    #: the conversation of the last one)
    interrupted: list[str]


def start_history(
    enabled: bool = True,
    path: Path | None = None,
    *,
    progress_interval: float = 2.0,
) -> StartedHistory:
    """What the app does with its history at startup: the one way the history is opened.

    History off (``enabled=False``): a :class:`NullHistoryStore`, and no file or folder is
    created. History unusable: a :class:`NullHistoryStore` whose ``recovery_message`` says why.
    Otherwise the store, with interrupted replies marked ``incomplete`` and deletions a crash
    left behind purged.
    """
    if not enabled:
        return StartedHistory(NullHistoryStore(), [])
    try:
        store = HistoryStore.open(path, progress_interval=progress_interval)
    except HistoryUnavailableError as exc:
        log.warning("history unavailable: %s (%s)", exc, exc.detail)
        return StartedHistory(NullHistoryStore(recovery_message=str(exc)), [])
    interrupted: list[str] = []
    try:
        interrupted = store.mark_interrupted()
        store.purge_deleted()
    except HistoryError as exc:
        # Readable but not writable right now (disk full…): keep it; saves will say so.
        log.warning("history: startup maintenance failed: %s (%s)", exc, exc.detail)
    return StartedHistory(store, interrupted)


def open_history(
    enabled: bool = True,
    path: Path | None = None,
    *,
    progress_interval: float = 2.0,
) -> HistoryStore | NullHistoryStore:
    """:func:`start_history`'s store, for callers that do not reopen interrupted replies."""
    return start_history(enabled, path, progress_interval=progress_interval).store


if TYPE_CHECKING:
    # Both stores must keep providing the interface the window is written against.
    def _conforms(store: HistoryStore, null: NullHistoryStore) -> tuple[History, History]:
        return store, null
