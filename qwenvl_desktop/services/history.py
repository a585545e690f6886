"""The conversation history as the window uses it: saved as replies stream, read by the sidebar.

:class:`HistorySync` sits between the Qt-free store (:mod:`qwenvl_desktop.core.history`) and the
window. The controller calls :meth:`~HistorySync.question` before a request goes out,
:meth:`~HistorySync.progress` on every batch of streamed text and :meth:`~HistorySync.reply`
when the reply ends; the window calls the sidebar services (list, search, open, rename, delete,
restore) and the exports. Widgets never touch the store or the disk themselves.

Every failure becomes one sentence on :attr:`HistorySync.failed` (shown in the status bar); the
conversation in memory is never touched by a failed save, so it stays open and usable.

Why there is a trailing write: the store writes progress at most every ``progress_interval``
seconds, and only when it is called. A reply that sends a burst and then pauses (a long thinking
phase, a slow network) would otherwise keep its last text in memory only; a single-shot timer
writes it once the interval has passed, so a crash loses at most a couple of seconds of text.

Why the file can open later (:meth:`HistorySync.open_later`): opening it (and, after a crash,
checking it) is the slowest step of a start, and the first frame does not need it. The window
asks for it right after its first frame (:meth:`HistorySync.ensure_open`) and shows "loading"
until :attr:`HistorySync.opened`; anything that reads or saves before then opens it on the spot,
so no caller ever sees a history that is not there yet.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import (
    ConversationSummary,
    History,
    HistoryError,
    NullHistoryStore,
    SearchHit,
)
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.settings.atomic_file import write_text_atomically

if TYPE_CHECKING:
    # The store and the exports load Pillow and the image pipeline (for attachments): imported
    # where the file is opened or a conversation exported, after the first frame.
    from qwenvl_desktop.core.history import StartedHistory

__all__ = ["HistorySync", "export_name"]

log = logging.getLogger(__name__)

#: A finished reply at least this long (answer and reasoning, in characters) is written by a
#: worker thread; a shorter one takes well under a millisecond and is written at once.
BACKGROUND_REPLY_CHARS = 32_000


class HistorySync(QObject):
    """The history service of one window: saves, sidebar reads and actions, exports."""

    #: the list of conversations changed (a question or reply saved, a rename, delete, restore)
    listChanged = Signal()
    #: a history operation failed; the sentence says what happened (for the status bar)
    failed = Signal(str)
    #: the history file was opened (or found off or unusable) by :meth:`ensure_open`
    opened = Signal()
    #: a background write of a reply ended (its Future; from the writer thread, queued)
    _written = Signal(object)

    def __init__(
        self,
        history: History,
        *,
        interrupted: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._interrupted: list[str] = list(interrupted or [])
        #: how to open the history file, until :meth:`ensure_open` has done it
        self._pending: Callable[[], StartedHistory] | None = None
        #: where the file is and how often progress is written (for :meth:`switch`)
        self._file: Path | None = history.path
        self._progress_interval = float(getattr(history, "progress_interval", 2.0))
        self._last_failure: str | None = None
        self._trailing = QTimer(self)
        self._trailing.setSingleShot(True)
        self._set_trailing_interval()
        self._trailing.timeout.connect(self._write_trailing)
        self._trailing_exchange: Exchange | None = None
        #: the write of a long finished reply running on ``_writer`` (see :meth:`reply`)
        self._pending_write: Future[None] | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._written.connect(self._on_written, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def open(
        cls,
        enabled: bool,
        path: Path | None = None,
        *,
        progress_interval: float = 2.0,
        parent: QObject | None = None,
    ) -> HistorySync:
        """Open the history at startup (``path`` None: the user data directory).

        :func:`qwenvl_desktop.core.history.start_history`, keeping the ids of the replies a crash
        cut off: the window reopens their conversation. History off: nothing is created on disk.
        """
        sync = cls.open_later(enabled, path, progress_interval=progress_interval, parent=parent)
        sync.ensure_open()
        return sync

    @classmethod
    def open_later(
        cls,
        enabled: bool,
        path: Path | None = None,
        *,
        progress_interval: float = 2.0,
        parent: QObject | None = None,
    ) -> HistorySync:
        """The service now, the file when :meth:`ensure_open` is called (or first needed)."""
        sync = cls(NullHistoryStore(), parent=parent)
        sync._file, sync._progress_interval = path, progress_interval
        sync._pending = sync._starter(enabled)
        return sync

    def _starter(self, enabled: bool) -> Callable[[], StartedHistory]:
        path, progress_interval = self._file, self._progress_interval

        def start() -> StartedHistory:
            from qwenvl_desktop.core.history import start_history

            return start_history(enabled, path, progress_interval=progress_interval)

        return start

    @property
    def is_open(self) -> bool:
        """Whether the file has been opened (or found off or unusable). Never opens it."""
        return self._pending is None

    def ensure_open(self) -> None:
        """Open the history file if that is still to do, then emit :attr:`opened`. Idempotent."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        started = pending()
        self._history = started.store
        self._interrupted = list(started.interrupted)
        self._set_trailing_interval()
        self.opened.emit()

    def switch(self, enabled: bool, conversation: Conversation | None = None) -> None:
        """Turn the history on or off while the window runs (Preferences; the chat service
        calls it when no reply is streaming).

        Off: the conversations deleted this session are erased, the file is closed and nothing
        more is written; the file stays where it is with every conversation in it. On: the file
        is opened (made if need be) and ``conversation``, the one shown, is saved whole, so its
        earlier turns are not missing. :attr:`listChanged` then lets the sidebar show the list,
        or that the history is off.
        """
        if self._pending is not None:  # not opened yet (before the first frame): it opens so
            self._pending = self._starter(enabled)
            return
        if self._history.enabled == enabled and self._history.recovery_message is None:
            return
        self._file = self._file or self._history.path  # the same file when turned on again
        self.close()
        started = self._starter(enabled)()
        self._history = started.store
        # Replies a crash cut off were offered at the start; the window shows a conversation.
        self._interrupted = []
        self._last_failure = None
        self._set_trailing_interval()
        if enabled and started.store.recovery_message:
            self._report(_sentence(started.store.recovery_message))
        elif enabled and conversation is not None and conversation.exchanges:
            self.rewrite(conversation)
        self.listChanged.emit()

    def _store(self) -> History:
        self._wait_for_write()  # the store is used by one thread at a time, in order
        self.ensure_open()
        return self._history

    def _set_trailing_interval(self) -> None:
        interval = float(getattr(self._history, "progress_interval", 2.0))
        self._trailing.setInterval(max(int(interval * 1000), 1))

    # -- what the window reads -------------------------------------------------------------------

    @property
    def history(self) -> History:
        return self._store()

    @property
    def interrupted(self) -> list[str]:
        """Exchanges the last session left streaming (a crash, a kill), marked incomplete now."""
        self.ensure_open()
        return self._interrupted

    @property
    def enabled(self) -> bool:
        return self._store().enabled

    @property
    def path(self) -> Path | None:
        return self._store().path

    @property
    def recovery_message(self) -> str | None:
        """Why the history file was set aside or is off this session; shown once at startup."""
        return self._store().recovery_message

    # -- saving, called by the controller ----------------------------------------------------------

    def question(self, conversation: Conversation, exchange: Exchange) -> None:
        """The question (with its images) is about to be sent."""
        if self._run(lambda: self._store().save_question(conversation, exchange)):
            self.listChanged.emit()

    def progress(self, exchange: Exchange) -> None:
        """A batch of text arrived; the store writes it at most every few seconds."""
        if not self.enabled:
            return
        wrote = False

        def save() -> None:
            nonlocal wrote
            wrote = self._store().save_progress(exchange)

        self._run(save)
        if wrote:
            self._trailing.stop()
        elif not self._trailing.isActive():
            self._trailing_exchange = exchange
            self._trailing.start()

    def reply(self, exchange: Exchange) -> None:
        """The reply ended: done, stopped, failed or cut off by closing the window.

        A long reply is written by a worker thread (its search index makes the write ~10 ms per
        200 KB, a pause in the window at the moment the reply is shown); every other use of the
        store waits for that write first, so the order of saves is kept. A kill meanwhile loses
        what a kill a moment earlier would have: the last progress write is in the file.
        """
        self._trailing.stop()
        self._trailing_exchange = None
        size = len(exchange.answer) + len(exchange.reasoning)
        if size >= BACKGROUND_REPLY_CHARS and self._write_in_background(exchange):
            return
        if self._run(lambda: self._store().save_reply(exchange)):
            self.listChanged.emit()

    def _write_in_background(self, exchange: Exchange) -> bool:
        """Start writing ``exchange``'s reply on the writer thread; whether that was done."""
        from qwenvl_desktop.core.history import HistoryStore

        store = self._store()
        if not isinstance(store, HistoryStore):
            return False
        writes: list[Callable[[], None] | None] = []
        if not self._run(lambda: writes.append(store.save_reply_later(exchange))):
            return True  # failed now, and said so
        write = writes[0]
        if write is None:  # saved at once
            self.listChanged.emit()
            return True
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="history-writer")
        self._pending_write = future = self._writer.submit(write)
        future.add_done_callback(self._written.emit)
        return True

    def _wait_for_write(self) -> None:
        """Wait for the background write, if one runs, and report a failure of it."""
        future, self._pending_write = self._pending_write, None
        if future is not None:
            self._report_write(future)

    def _on_written(self, future: Future[None]) -> None:
        if self._pending_write is not future:
            return  # waited for already (and reported then), or the history was closed
        self._pending_write = None
        if self._report_write(future):
            self.listChanged.emit()

    def _report_write(self, future: Future[None]) -> bool:
        """Whether the write succeeded (waiting for it); a failure becomes a sentence."""
        error = future.exception()
        if error is None:
            self._last_failure = None
            return True
        if isinstance(error, HistoryError):
            log.warning("history: %s (%s)", error, error.detail)
            self._report(_sentence(str(error)))
        else:  # a bug: shown in the log with its traceback, as on the GUI thread
            log.error("history: writing a reply failed", exc_info=error)
        return False

    def versions(self, exchange: Exchange) -> None:
        """Another of the exchange's replies is shown (Regenerate's versions, ‹ ›)."""
        self._run(lambda: self._store().save_versions(exchange))

    def rewrite(self, conversation: Conversation) -> None:
        """The conversation changed shape (an edited question dropped turns, Undo put them back):
        the file holds exactly its exchanges again."""
        if self._run(lambda: self._store().save_conversation(conversation)):
            self.listChanged.emit()

    def _write_trailing(self) -> None:
        exchange, self._trailing_exchange = self._trailing_exchange, None
        if exchange is not None and exchange.state == "streaming":
            self._run(lambda: self._store().save_progress(exchange, force=True))

    # -- the sidebar -------------------------------------------------------------------------------

    def conversations(self, limit: int = 500) -> list[ConversationSummary]:
        found: list[ConversationSummary] = []

        def read() -> None:
            found.extend(self._store().list_conversations(limit))

        self._run(read)
        return found

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        found: list[SearchHit] = []

        def read() -> None:
            found.extend(self._store().search(text, limit))

        self._run(read)
        return found

    def load(self, conversation_id: str) -> Conversation | None:
        loaded: list[Conversation] = []
        self._run(lambda: loaded.append(self._store().load_conversation(conversation_id)))
        return loaded[0] if loaded else None

    def interrupted_conversation(self) -> Conversation | None:
        """The most recent conversation holding a reply the last session left streaming."""
        if not self.interrupted:
            return None
        wanted = set(self.interrupted)
        for summary in self.conversations(limit=50):
            conversation = self.load(summary.id)
            if conversation is not None and any(e.id in wanted for e in conversation.exchanges):
                return conversation
        return None

    def rename(self, conversation_id: str, title: str) -> bool:
        if not " ".join(title.split()):
            self.failed.emit(
                translate("HistorySync", "A conversation needs a title: the old one is kept.")
            )
            return False
        done = self._run(lambda: self._store().rename(conversation_id, title))
        if done:
            self.listChanged.emit()
        return done

    def delete(self, conversation_id: str) -> bool:
        """Hide a conversation; :meth:`restore` brings it back until the window closes."""
        done = self._run(lambda: self._store().delete(conversation_id))
        if done:
            self.listChanged.emit()
        return done

    def restore(self, conversation_id: str) -> bool:
        done = self._run(lambda: self._store().restore(conversation_id))
        if done:
            self.listChanged.emit()
        return done

    # -- exports -----------------------------------------------------------------------------------

    def export_markdown(self, conversation: Conversation, folder: Path) -> Path | None:
        """``conversation.md`` and its images in ``folder``; None (and a sentence) on failure."""
        from qwenvl_desktop.core.history import to_markdown

        try:
            return to_markdown(conversation, Path(folder))
        except OSError as exc:
            self._report(
                translate("HistorySync", "The conversation could not be exported: %1").replace(
                    "%1", _os_reason(exc)
                )
            )
            return None

    def export_json(self, conversation: Conversation, path: Path) -> Path | None:
        """The conversation as JSON in ``path`` (written whole or not at all)."""
        from qwenvl_desktop.core.history import to_json

        path = Path(path)
        try:
            write_text_atomically(path, to_json(conversation))
        except OSError as exc:
            self._report(
                translate("HistorySync", "The conversation could not be exported: %1").replace(
                    "%1", _os_reason(exc)
                )
            )
            return None
        return path

    # -- life cycle --------------------------------------------------------------------------------

    def close(self) -> None:
        """Erase the conversations deleted this session and close the file. Idempotent.

        A history never opened stays unopened: there is nothing to erase or close.
        """
        self._trailing.stop()
        self._pending = None
        self._wait_for_write()
        if self._writer is not None:
            self._writer.shutdown()
            self._writer = None
        try:
            self._history.close()
        except HistoryError as exc:
            log.warning("history: closing failed: %s (%s)", exc, exc.detail)

    # -- errors ------------------------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> bool:
        """Run ``action``; a HistoryError becomes a sentence on :attr:`failed`. Whether it ran."""
        try:
            action()
        except HistoryError as exc:
            log.warning("history: %s (%s)", exc, exc.detail)
            self._report(_sentence(str(exc)))
            return False
        self._last_failure = None
        return True

    def _report(self, sentence: str) -> None:
        # A full disk fails every save of a streaming reply: say it once, not every 2 s.
        if sentence != self._last_failure:
            self._last_failure = sentence
            self.failed.emit(sentence)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return translate("HistorySync", "History: an unknown error occurred.")
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{reason} ({exc.filename})" if exc.filename else reason


def export_name(title: str) -> str:
    """A file or folder name for an export of the conversation titled ``title``."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    name = " ".join(name.split()).strip(". ")[:60].rstrip(". ")
    return name or "conversation"
