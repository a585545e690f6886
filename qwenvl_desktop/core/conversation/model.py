"""The conversation model: questions with their images, and the replies as they arrive.

Qt-free and storage-free: the controller mutates it from stream events, the window shows it, the
history store persists it. Follow-up questions resend the earlier exchanges (text and images) as
history, so everything needed to rebuild a request lives here.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from qwenvl_desktop.core.protocol.errors import CUSTOM_ENDPOINT_REJECTED_KEY, QwenVLError
from qwenvl_desktop.core.protocol.events import (
    ContentDelta,
    Finish,
    ReasoningDelta,
    StreamEvent,
    Usage,
)
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION
from qwenvl_desktop.core.protocol.request import ImageInput, Turn

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment

__all__ = ["Conversation", "ErrorInfo", "Exchange", "ExchangeState", "new_id"]

#: pending: not sent yet · streaming: receiving · done: finished normally · stopped: the user
#: stopped it · failed: an error ended it · incomplete: the app ended while it streamed
ExchangeState = Literal["pending", "streaming", "done", "stopped", "failed", "incomplete"]


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """What the UI shows of a failure: the sentence, and the details behind a disclosure."""

    kind: str
    sentence: str
    status: int | None = None
    code: str | None = None
    message: str | None = None
    request_id: str | None = None

    @classmethod
    def from_error(cls, error: QwenVLError) -> ErrorInfo:
        return cls(
            kind=error.kind,
            sentence=error.user_message,
            status=error.status,
            code=error.code,
            message=error.detail,
            request_id=error.request_id,
        )


@dataclass(slots=True)
class Exchange:
    """One question and its reply."""

    question: str
    attachments: list[Attachment] = field(default_factory=list)
    model: str = ""
    region: str = ""
    id: str = field(default_factory=new_id)
    created_at: float = field(default_factory=time.time)
    answer: str = ""
    reasoning: str = ""
    usage: Usage | None = None
    finish_reason: str | None = None
    state: ExchangeState = "pending"
    error: ErrorInfo | None = None
    #: seconds from sending to the first reasoning or answer text
    first_token_seconds: float | None = None
    _sent_at: float | None = field(default=None, repr=False)

    @property
    def image_inputs(self) -> tuple[ImageInput, ...]:
        return tuple(a.to_image_input() for a in self.attachments)

    @property
    def image_tokens_estimate(self) -> int:
        return sum(a.estimated_tokens for a in self.attachments)

    def begin(self) -> None:
        """The request is being sent: clear any earlier reply (Retry and Regenerate reuse it)."""
        self.answer = ""
        self.reasoning = ""
        self.usage = None
        self.finish_reason = None
        self.error = None
        self.first_token_seconds = None
        self.state = "streaming"
        self._sent_at = time.monotonic()

    def apply(self, event: StreamEvent) -> None:
        """Fold one stream event into the reply."""
        if isinstance(event, ContentDelta | ReasoningDelta):
            if self.first_token_seconds is None and self._sent_at is not None:
                self.first_token_seconds = time.monotonic() - self._sent_at
            if isinstance(event, ContentDelta):
                self.answer += event.text
            else:
                self.reasoning += event.text
        elif isinstance(event, Usage):
            self.usage = event
        elif isinstance(event, Finish):
            self.finish_reason = event.reason

    def finish(self) -> None:
        self.state = "done"

    def fail(self, error: QwenVLError) -> None:
        self.state = "failed"
        self.error = ErrorInfo.from_error(error)
        if self.region == CUSTOM_REGION and self.error.kind == "authentication":
            # The region sentence (a Beijing key in Singapore…) means nothing on an endpoint
            # of the person's own: keys there are the endpoint's.
            self.error = replace(self.error, sentence=CUSTOM_ENDPOINT_REJECTED_KEY)

    def stop(self) -> None:
        self.state = "stopped"

    @property
    def is_settled(self) -> bool:
        return self.state in ("done", "stopped", "failed", "incomplete")


@dataclass(slots=True)
class Conversation:
    exchanges: list[Exchange] = field(default_factory=list)
    title: str = ""
    id: str = field(default_factory=new_id)
    created_at: float = field(default_factory=time.time)
    system: str | None = None

    def ask(
        self, question: str, attachments: list[Attachment], *, model: str, region: str
    ) -> Exchange:
        exchange = Exchange(question, list(attachments), model=model, region=region)
        self.exchanges.append(exchange)
        if not self.title:
            self.title = (question.strip().splitlines() or ["Image question"])[0][:80]
        return exchange

    def turns_for(self, exchange: Exchange) -> tuple[Turn, ...]:
        """The request turns for ``exchange``: earlier exchanges with answers, then its question.

        Failed or empty replies are left out of the history (an assistant turn must have text);
        their questions still go along so the model sees what was asked.
        """
        turns: list[Turn] = []
        for earlier in self.exchanges:
            if earlier is exchange:
                break
            turns.append(Turn("user", earlier.question, earlier.image_inputs))
            if earlier.answer:
                turns.append(Turn("assistant", earlier.answer))
            else:
                # Two user turns in a row are accepted, but merging keeps roles alternating.
                last = turns.pop()
                if turns and turns[-1].role == "user":
                    prev = turns.pop()
                    last = Turn(
                        "user", f"{prev.text}\n\n{last.text}".strip(), prev.images + last.images
                    )
                turns.append(last)
        current = Turn("user", exchange.question, exchange.image_inputs)
        if turns and turns[-1].role == "user":
            prev = turns.pop()
            current = Turn(
                "user", f"{prev.text}\n\n{current.text}".strip(), prev.images + current.images
            )
        turns.append(current)
        return tuple(turns)
