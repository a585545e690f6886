"""Typed events of a chat completion, as decoded from the service's stream or reply.

Past the protocol layer nothing parses JSON: the controller and the command line see these.
"""

from __future__ import annotations

from dataclasses import dataclass

from qwenvl_desktop.core.protocol.errors import QwenVLError

__all__ = [
    "ChatEvent",
    "ContentDelta",
    "DecodedEvent",
    "Finish",
    "ReasoningDelta",
    "Retrying",
    "StreamError",
    "StreamEvent",
    "Usage",
]


@dataclass(frozen=True, slots=True)
class ReasoningDelta:
    """A piece of the model's thinking (``delta.reasoning_content``)."""

    text: str


@dataclass(frozen=True, slots=True)
class ContentDelta:
    """A piece of the answer (``delta.content``)."""

    text: str


@dataclass(frozen=True, slots=True)
class Usage:
    """Token accounting as reported by the service; fields it did not report are ``None``."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    reasoning_tokens: int | None = None
    image_tokens: int | None = None
    cached_tokens: int | None = None

    def as_dict(self) -> dict[str, int]:
        return {k: v for k, v in self._items() if v is not None}

    def _items(self) -> list[tuple[str, int | None]]:
        return [
            ("prompt_tokens", self.prompt_tokens),
            ("completion_tokens", self.completion_tokens),
            ("total_tokens", self.total_tokens),
            ("reasoning_tokens", self.reasoning_tokens),
            ("image_tokens", self.image_tokens),
            ("cached_tokens", self.cached_tokens),
        ]


@dataclass(frozen=True, slots=True)
class Finish:
    """The model finished; ``reason`` as the service says (``stop``, ``length``…)."""

    reason: str | None
    model: str | None = None


StreamEvent = ReasoningDelta | ContentDelta | Usage | Finish


@dataclass(frozen=True, slots=True)
class Retrying:
    """The request failed before any answer arrived; it is sent again after ``delay`` seconds.

    Not part of the answer: the window's status bar and the command line's stderr show it, so
    that a wait after a 429 or a dropped connection does not look like a hang.
    """

    error: QwenVLError
    #: the attempt about to be made: 2 is the first retry
    attempt: int
    #: the most attempts this request makes
    attempts: int
    delay: float


#: what :meth:`ChatClient.chat` yields: the answer's events, and notices of retries
ChatEvent = StreamEvent | Retrying


@dataclass(frozen=True, slots=True)
class StreamError:
    """The stream reported a failure: an ``{"error": …}`` event, or an end without ``[DONE]``.

    Whatever content arrived before it stays valid; the client raises ``error`` after the
    preceding events have been delivered.
    """

    error: Exception


DecodedEvent = StreamEvent | StreamError
