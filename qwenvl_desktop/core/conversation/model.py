"""The conversation model: questions with their images, and the replies as they arrive.

Qt-free and storage-free: the controller mutates it from stream events, the window shows it, the
history store persists it. Follow-up questions resend the earlier exchanges (text and images) as
history, so everything needed to rebuild a request lives here.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.errors import CUSTOM_ENDPOINT_REJECTED_KEY, QwenVLError
from qwenvl_desktop.core.protocol.events import (
    ContentDelta,
    Finish,
    ReasoningDelta,
    StreamEvent,
    Usage,
)
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION
from qwenvl_desktop.core.protocol.request import ImageInput, MediaInput, Turn
from qwenvl_desktop.core.video.attachment import VideoAttachment

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment

__all__ = [
    "CONTINUE_REQUEST",
    "AnswerVersion",
    "Conversation",
    "DroppedTurns",
    "ErrorInfo",
    "Exchange",
    "ExchangeState",
    "PlacedVideo",
    "new_id",
    "split_media",
]

#: pending: not sent yet · streaming: receiving · done: finished normally · stopped: the user
#: stopped it · failed: an error ended it · incomplete: the app ended while it streamed
ExchangeState = Literal["pending", "streaming", "done", "stopped", "failed", "incomplete"]


def new_id() -> str:
    return uuid.uuid4().hex


#: What a model without prefix continuation ("partial mode") is asked after its cut-off answer.
CONTINUE_REQUEST = (
    "Continue your previous answer exactly where it stopped. Do not repeat anything, do not "
    "comment: write only the rest."
)


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


@dataclass(frozen=True, slots=True)
class AnswerVersion:
    """One reply to a question, kept when Regenerate asked for another (or shown instead of the
    latest: :meth:`Exchange.select_version`)."""

    answer: str = ""
    reasoning: str = ""
    model: str = ""
    state: ExchangeState = "done"
    usage: Usage | None = None
    finish_reason: str | None = None
    error: ErrorInfo | None = None
    first_token_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class PlacedVideo:
    """A video of a question and where it goes among the question's images.

    Images stay in :attr:`Exchange.attachments` (numbered as before: "image 2" of an answer is
    ``attachments[1]``); ``after_images`` says how many of them come before this video.
    """

    video: VideoAttachment
    after_images: int


def split_media(
    media: Sequence[Attachment | VideoAttachment],
) -> tuple[list[Attachment], list[PlacedVideo]]:
    """Images and videos in the order given, as :class:`Exchange` keeps them."""
    images: list[Attachment] = []
    videos: list[PlacedVideo] = []
    for item in media:
        if isinstance(item, VideoAttachment):
            videos.append(PlacedVideo(item, len(images)))
        else:
            images.append(item)
    return images, videos


@dataclass(slots=True)
class Exchange:
    """One question and its reply.

    The reply in the fields (``answer``, ``reasoning``…) is the one shown and sent as history;
    Regenerate keeps the earlier replies in :attr:`versions` (all the replies but the one shown,
    in the order they were made; the one shown is number :attr:`version_index` among them all).
    """

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
    #: the other replies to this question (Regenerate keeps them), oldest first
    versions: list[AnswerVersion] = field(default_factory=list)
    #: where the reply shown stands among all of them (0-based: 0 is the first reply)
    version_index: int = 0
    #: the question's videos (frames or a link), each placed among the images
    videos: list[PlacedVideo] = field(default_factory=list)
    _sent_at: float | None = field(default=None, repr=False)

    @property
    def image_inputs(self) -> tuple[ImageInput, ...]:
        return tuple(a.to_image_input() for a in self.attachments)

    @property
    def media_inputs(self) -> tuple[MediaInput, ...]:
        """Images and videos as the request sends them, in the order they were given."""
        images = self.image_inputs
        if not self.videos:
            return images
        out: list[MediaInput] = []
        placed = sorted(self.videos, key=lambda v: v.after_images)  # stable: ties keep order
        start = 0
        for item in placed:
            end = min(max(item.after_images, start), len(images))
            out.extend(images[start:end])
            out.append(item.video.to_video_input())
            start = end
        out.extend(images[start:])
        return tuple(out)

    @property
    def image_tokens_estimate(self) -> int:
        return sum(a.estimated_tokens for a in self.attachments)

    @property
    def video_tokens_estimate(self) -> int:
        return sum(v.video.estimated_tokens for v in self.videos)

    # -- versions (Regenerate) -----------------------------------------------------------------

    @property
    def version_count(self) -> int:
        """How many replies this question has had (at least 1: the one shown)."""
        return len(self.versions) + 1

    def current_version(self) -> AnswerVersion:
        """The reply shown, as a version record."""
        return AnswerVersion(
            answer=self.answer,
            reasoning=self.reasoning,
            model=self.model,
            state=self.state,
            usage=self.usage,
            finish_reason=self.finish_reason,
            error=self.error,
            first_token_seconds=self.first_token_seconds,
        )

    def all_versions(self) -> list[AnswerVersion]:
        """Every reply in the order they were made, the one shown at :attr:`version_index`."""
        index = min(max(self.version_index, 0), len(self.versions))
        return [*self.versions[:index], self.current_version(), *self.versions[index:]]

    def keep_as_version(self) -> bool:
        """Before Regenerate: keep the reply shown as a version; the new one comes last.

        Only a reply worth keeping is kept (one with text that ended); a failed one is simply
        replaced, as Retry does. Whether it was kept.
        """
        if not self.is_settled or self.state == "failed" or not self.answer.strip():
            return False
        self.versions = self.all_versions()
        self.version_index = len(self.versions)
        return True

    def select_version(self, index: int) -> bool:
        """Show reply number ``index`` (0-based) instead; whether anything changed.

        The reply shown is the one later questions send as history.
        """
        if not self.is_settled or not 0 <= index < self.version_count:
            return False
        if index == self.version_index:
            return False
        everything = self.all_versions()
        chosen = everything.pop(index)
        self.versions = everything
        self.version_index = index
        self._show(chosen)
        return True

    def _show(self, version: AnswerVersion) -> None:
        self.answer = version.answer
        self.reasoning = version.reasoning
        self.model = version.model or self.model
        self.state = version.state
        self.usage = version.usage
        self.finish_reason = version.finish_reason
        self.error = version.error
        self.first_token_seconds = version.first_token_seconds

    # -- one reply --------------------------------------------------------------------------------

    @property
    def can_continue(self) -> bool:
        """A reply cut short (stopped, or the app ended) with some answer to continue from."""
        return self.state in ("stopped", "incomplete") and bool(self.answer.strip())

    def resume(self) -> None:
        """Continue: the request asks for the rest; what arrives is appended to the answer."""
        self.usage = None
        self.finish_reason = None
        self.error = None
        self.state = "streaming"
        self._sent_at = time.monotonic()

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
            self.error = replace(
                self.error, sentence=translate("Errors", CUSTOM_ENDPOINT_REJECTED_KEY)
            )

    def stop(self) -> None:
        self.state = "stopped"

    @property
    def is_settled(self) -> bool:
        return self.state in ("done", "stopped", "failed", "incomplete")


@dataclass(frozen=True, slots=True)
class DroppedTurns:
    """Turns taken out of a conversation by an edited question, kept so Undo can put them back.

    ``title``: the conversation's title before (an edit of the first question renames it).
    """

    position: int
    exchanges: tuple[Exchange, ...]
    title: str


@dataclass(slots=True)
class Conversation:
    exchanges: list[Exchange] = field(default_factory=list)
    title: str = ""
    id: str = field(default_factory=new_id)
    created_at: float = field(default_factory=time.time)
    system: str | None = None

    def ask(
        self,
        question: str,
        attachments: Sequence[Attachment | VideoAttachment],
        *,
        model: str,
        region: str,
    ) -> Exchange:
        """A new question with its images and videos (in the order given)."""
        images, videos = split_media(attachments)
        exchange = Exchange(question, images, model=model, region=region, videos=videos)
        self.exchanges.append(exchange)
        if not self.title:
            self.title = (question.strip().splitlines() or ["Image question"])[0][:80]
        return exchange

    def drop_from(self, exchange_id: str) -> DroppedTurns | None:
        """Take out the exchange ``exchange_id`` and every later one (edit and resend)."""
        for position, exchange in enumerate(self.exchanges):
            if exchange.id == exchange_id:
                dropped = DroppedTurns(position, tuple(self.exchanges[position:]), self.title)
                del self.exchanges[position:]
                if position == 0:
                    self.title = ""  # the edited question names the conversation again
                return dropped
        return None

    def restore(self, dropped: DroppedTurns) -> list[Exchange]:
        """Undo :meth:`drop_from`: the turns asked since go, the dropped ones come back.

        Returns the exchanges taken out now (the edited question and anything after it).
        """
        position = min(dropped.position, len(self.exchanges))
        removed = self.exchanges[position:]
        del self.exchanges[position:]
        self.exchanges.extend(dropped.exchanges)
        self.title = dropped.title
        return removed

    def continuation_turns(self, exchange: Exchange, *, partial: bool) -> tuple[Turn, ...]:
        """The request that continues ``exchange``'s cut-off answer.

        ``partial``: the model takes prefix continuation (DashScope's "partial mode"): the answer
        so far goes as the last, partial assistant turn and the model writes on from its last
        character. Otherwise the answer goes as a normal assistant turn followed by
        :data:`CONTINUE_REQUEST` (the text that arrives is appended all the same).
        """
        turns = list(self.turns_for(exchange))
        if partial:
            turns.append(Turn("assistant", exchange.answer, partial=True))
        else:
            turns.append(Turn("assistant", exchange.answer))
            turns.append(Turn("user", CONTINUE_REQUEST))
        return tuple(turns)

    def turns_for(self, exchange: Exchange) -> tuple[Turn, ...]:
        """The request turns for ``exchange``: earlier exchanges with answers, then its question.

        Failed or empty replies are left out of the history (an assistant turn must have text);
        their questions still go along so the model sees what was asked.
        """
        turns: list[Turn] = []
        for earlier in self.exchanges:
            if earlier is exchange:
                break
            turns.append(Turn("user", earlier.question, earlier.media_inputs))
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
        current = Turn("user", exchange.question, exchange.media_inputs)
        if turns and turns[-1].role == "user":
            prev = turns.pop()
            current = Turn(
                "user", f"{prev.text}\n\n{current.text}".strip(), prev.images + current.images
            )
        turns.append(current)
        return tuple(turns)
