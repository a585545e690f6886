"""Why the history could not be used, saved or read, one class per cause.

Every failure of the history store surfaces as one of these; the window never sees a raw
``sqlite3`` exception. ``str(error)`` is the sentence to show; :attr:`HistoryError.detail` keeps
SQLite's own message for a details view. A failed save never touches the conversation in memory:
the window keeps showing it, and the next save tries again.

::

    HistoryError
    ├── HistoryUnavailableError    the history cannot be used this session (in use by another
    │                              program, read-only, from a newer version, cannot be created);
    │                              the app runs without history
    ├── HistoryWriteError          a save failed; the conversation stays open in the window
    │   └── DiskFullError          … because the disk (or the database's size limit) is full
    ├── HistoryReadError           a stored conversation could not be read
    └── ConversationNotFoundError  no such conversation (deleted, or never saved)
"""

from __future__ import annotations

import sqlite3
from typing import Literal

from qwenvl_desktop.core.i18n import translatable, translate

__all__ = [
    "ConversationNotFoundError",
    "DiskFullError",
    "HistoryError",
    "HistoryReadError",
    "HistoryUnavailableError",
    "HistoryWriteError",
    "translate_sqlite_error",
]

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class HistoryError(Exception):
    """Base of every history failure. ``str()`` gives the user-facing sentence."""

    def __init__(
        self, sentence: str, *, detail: str | None = None, sqlite_code: int | None = None
    ) -> None:
        super().__init__(sentence)
        self.user_message = sentence
        #: SQLite's message (or the OS error), for a details view
        self.detail = detail
        #: SQLite's extended result code, when SQLite raised it
        self.sqlite_code = sqlite_code


class HistoryUnavailableError(HistoryError):
    """The history cannot be opened this session; the app should run without it."""


class HistoryWriteError(HistoryError):
    """A save failed. The conversation in memory is unchanged and stays open."""


class DiskFullError(HistoryWriteError):
    """The disk is full (SQLITE_FULL)."""


class HistoryReadError(HistoryError):
    """A stored conversation or the list could not be read."""


class ConversationNotFoundError(HistoryError, KeyError):
    """No conversation with that id (deleted, or never saved)."""

    def __init__(self, conversation_id: str) -> None:
        super().__init__(
            translate("Errors", "this conversation is no longer in the history"),
            detail=f"id {conversation_id}",
        )
        self.conversation_id = conversation_id

    def __str__(self) -> str:
        # KeyError's __str__ would quote the sentence.
        return self.user_message


def _primary(code: int | None) -> int | None:
    return None if code is None else code & 0xFF


_DATABASE_ERROR = translatable("Errors", "the database reported an error")
#: what went wrong, in the user's terms: a clause that stands after a colon in each language
_CAUSES = {
    SQLITE_FULL: translatable("Errors", "the disk is full"),
    SQLITE_BUSY: translatable("Errors", "the history file is in use by another program"),
    SQLITE_LOCKED: translatable("Errors", "the history file is in use by another program"),
    SQLITE_READONLY: translatable("Errors", "the history file is read-only"),
    SQLITE_CORRUPT: translatable("Errors", "the history file is damaged"),
    SQLITE_NOTADB: translatable("Errors", "the history file is damaged"),
    SQLITE_IOERR: translatable("Errors", "the disk reported an error"),
    SQLITE_CANTOPEN: translatable("Errors", "the history file cannot be opened"),
    SQLITE_NOMEM: translatable("Errors", "the computer ran out of memory"),
}


def _cause(code: int | None) -> str:
    """The middle of a sentence: what went wrong, in the user's terms."""
    primary = _primary(code)
    if primary is None:
        return translate("Errors", _DATABASE_ERROR)
    return translate("Errors", _CAUSES.get(primary, _DATABASE_ERROR))


def translate_sqlite_error(
    exc: sqlite3.Error, action: Literal["save", "read", "open"]
) -> HistoryError:
    """The :class:`HistoryError` for an ``sqlite3`` exception raised while doing ``action``."""
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    cause = _cause(code)
    detail = f"{type(exc).__name__}: {exc}"
    if action == "save":
        sentence = translate(
            "Errors", "history could not be saved: %1; your conversation stays open"
        ).replace("%1", cause)
        cls: type[HistoryError] = (
            DiskFullError if _primary(code) == SQLITE_FULL else HistoryWriteError
        )
    elif action == "read":
        sentence = translate(
            "Errors", "the conversation could not be read from the history: %1"
        ).replace("%1", cause)
        cls = HistoryReadError
    else:
        sentence = translate("Errors", "history is off for this session: %1").replace("%1", cause)
        cls = HistoryUnavailableError
    return cls(sentence, detail=detail, sqlite_code=code)
