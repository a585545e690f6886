"""History turned off: the :class:`~.interface.History` interface with nothing behind it."""

from __future__ import annotations

from pathlib import Path

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history.errors import ConversationNotFoundError
from qwenvl_desktop.core.history.interface import ConversationSummary, SearchHit

__all__ = ["NullHistoryStore"]


class NullHistoryStore:
    """History turned off (or unusable): the same interface, and nothing is ever written.

    ``recovery_message`` says why when the history was wanted but could not be opened.
    """

    enabled = False

    def __init__(self, recovery_message: str | None = None) -> None:
        self._recovery_message = recovery_message

    @property
    def path(self) -> Path | None:
        return None

    @property
    def recovery_message(self) -> str | None:
        return self._recovery_message

    def save_question(self, conversation: Conversation, exchange: Exchange) -> None:
        pass

    def save_progress(self, exchange: Exchange, *, force: bool = False) -> bool:
        return False

    def save_reply(self, exchange: Exchange) -> None:
        pass

    def save_versions(self, exchange: Exchange) -> None:
        pass

    def save_conversation(self, conversation: Conversation) -> None:
        pass

    def list_conversations(self, limit: int = 200, offset: int = 0) -> list[ConversationSummary]:
        return []

    def load_conversation(self, conversation_id: str) -> Conversation:
        raise ConversationNotFoundError(conversation_id)

    def rename(self, conversation_id: str, title: str) -> None:
        raise ConversationNotFoundError(conversation_id)

    def delete(self, conversation_id: str) -> None:
        raise ConversationNotFoundError(conversation_id)

    def restore(self, conversation_id: str) -> None:
        raise ConversationNotFoundError(conversation_id)

    def purge_deleted(self) -> int:
        return 0

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        return []

    def mark_interrupted(self) -> list[str]:
        return []

    def close(self) -> None:
        pass
