"""What the window sees of the history: the interface and the rows it returns.

:class:`~.store.HistoryStore` (SQLite) and :class:`~.null_store.NullHistoryStore` (history off)
both provide :class:`History`, so the window is written once against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from qwenvl_desktop.core.conversation.model import Conversation, Exchange

__all__ = ["ConversationSummary", "History", "SearchHit"]


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One row of the sidebar."""

    id: str
    title: str
    created_at: float
    #: the last question or reply; the list is sorted by it, newest first
    updated_at: float
    exchange_count: int
    #: how the last exchange ended (``ExchangeState``; "" when there is none): the sidebar
    #: marks a conversation whose last answer failed, was stopped or was cut off
    last_state: str = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One exchange matching a search, with a one-line snippet of where it matched."""

    conversation_id: str
    conversation_title: str
    exchange_id: str
    field: Literal["question", "answer"]
    snippet: str
    #: ``(start, end)`` ranges of the matched words within :attr:`snippet`
    highlights: tuple[tuple[int, int], ...]
    created_at: float


class History(Protocol):
    """What the window uses; :class:`HistoryStore` and :class:`NullHistoryStore` provide it."""

    @property
    def enabled(self) -> bool: ...
    @property
    def path(self) -> Path | None: ...
    @property
    def recovery_message(self) -> str | None: ...
    def save_question(self, conversation: Conversation, exchange: Exchange) -> None: ...
    def save_progress(self, exchange: Exchange, *, force: bool = False) -> bool: ...
    def save_reply(self, exchange: Exchange) -> None: ...
    def save_versions(self, exchange: Exchange) -> None: ...
    def save_conversation(self, conversation: Conversation) -> None: ...
    def list_conversations(
        self, limit: int = 200, offset: int = 0
    ) -> list[ConversationSummary]: ...
    def load_conversation(self, conversation_id: str) -> Conversation: ...
    def rename(self, conversation_id: str, title: str) -> None: ...
    def delete(self, conversation_id: str) -> None: ...
    def restore(self, conversation_id: str) -> None: ...
    def purge_deleted(self) -> int: ...
    def search(self, text: str, limit: int = 50) -> list[SearchHit]: ...
    def mark_interrupted(self) -> list[str]: ...
    def close(self) -> None: ...
