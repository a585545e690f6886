"""Plain JSON-able records of the conversation model, shared by the store and the JSON export.

One codec for both means the database and an exported file describe an exchange the same way.
Decoding is tolerant: a key that is missing (a record written by an older version) takes the
model's default, and unknown keys are ignored, so adding a field to the model needs no migration.
Values of the wrong type are treated as missing rather than trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar, cast, get_args

from qwenvl_desktop.core.conversation.model import (
    AnswerVersion,
    ErrorInfo,
    Exchange,
    ExchangeState,
)
from qwenvl_desktop.core.images import Attachment, Detail
from qwenvl_desktop.core.protocol.events import Usage
from qwenvl_desktop.core.video.attachment import VideoAttachment, VideoFrame, VideoKind

__all__ = [
    "attachment_from_record",
    "attachment_to_record",
    "error_from_record",
    "error_to_record",
    "reply_to_record",
    "state_from_record",
    "usage_from_record",
    "usage_to_record",
    "version_from_record",
    "version_to_record",
    "video_from_record",
    "video_to_record",
]

AttachmentKind = Literal["file", "url", "data"]

_USAGE_FIELDS = (
    "prompt_tokens",
    "completion_tokens",
    "total_tokens",
    "reasoning_tokens",
    "image_tokens",
    "cached_tokens",
)
_STATES: tuple[str, ...] = get_args(ExchangeState)
_N = TypeVar("_N", int, float)


def _int(value: Any, default: int | None = None) -> int | None:
    # bool is an int subclass; a stored true/false is not a count.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return default


def _float(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _pair(value: Any, number: Callable[[Any], _N | None]) -> tuple[_N, _N] | None:
    """``[a, b]`` read with ``number`` (:func:`_int`, :func:`_float`); None unless both read."""
    if isinstance(value, list | tuple) and len(value) == 2:
        a, b = number(value[0]), number(value[1])
        if a is not None and b is not None:
            return (a, b)
    return None


# ---- attachments ------------------------------------------------------------------------------


def attachment_to_record(attachment: Attachment) -> dict[str, Any]:
    """Everything about an attachment except its ``url`` (the store keeps the bytes apart)."""
    return {
        "source": attachment.source,
        "kind": attachment.kind,
        "original_size": _list_or_none(attachment.original_size),
        "original_format": attachment.original_format,
        "mime": attachment.mime,
        "sent_size": _list_or_none(attachment.sent_size),
        "scale": _list_or_none(attachment.scale),
        "estimated_tokens": attachment.estimated_tokens,
        "max_pixels": attachment.max_pixels,
        "upload_bytes": attachment.upload_bytes,
        "notes": list(attachment.notes),
        # a High image resent in a follow-up needs the high-resolution flag again
        "detail": attachment.detail,
    }


def _list_or_none(pair: tuple[Any, ...] | None) -> list[Any] | None:
    return None if pair is None else list(pair)


def attachment_from_record(record: Mapping[str, Any], url: str) -> Attachment:
    kind = record.get("kind")
    if kind not in ("file", "url", "data"):
        # An unknown kind can only come from a newer version; the URL says what it is.
        kind = "url" if url.startswith(("http://", "https://")) else "data"
    notes = record.get("notes")
    return Attachment(
        source=_str(record.get("source")) or "",
        kind=cast(AttachmentKind, kind),
        original_size=_pair(record.get("original_size"), _int),
        original_format=_str(record.get("original_format")),
        mime=_str(record.get("mime")),
        url=url,
        sent_size=_pair(record.get("sent_size"), _int),
        scale=_pair(record.get("scale"), _float),
        estimated_tokens=_int(record.get("estimated_tokens"), 0) or 0,
        max_pixels=_int(record.get("max_pixels"), 0) or 0,
        upload_bytes=_int(record.get("upload_bytes"), 0) or 0,
        notes=tuple(n for n in notes if isinstance(n, str)) if isinstance(notes, list) else (),
        detail=_detail(record.get("detail")),
    )


def _detail(value: Any) -> Detail:
    """The detail an attachment was prepared at; an old record (none stored) was Auto."""
    return value if value in ("high", "economy") else "standard"


# ---- usage, errors, state ---------------------------------------------------------------------


def usage_to_record(usage: Usage | None) -> dict[str, int] | None:
    return None if usage is None else usage.as_dict()


def usage_from_record(record: Any) -> Usage | None:
    if not isinstance(record, Mapping):
        return None
    return Usage(**{name: _int(record.get(name)) for name in _USAGE_FIELDS})


def error_to_record(error: ErrorInfo | None) -> dict[str, Any] | None:
    if error is None:
        return None
    return {
        "kind": error.kind,
        "sentence": error.sentence,
        "status": error.status,
        "code": error.code,
        "message": error.message,
        "request_id": error.request_id,
    }


def error_from_record(record: Any) -> ErrorInfo | None:
    if not isinstance(record, Mapping):
        return None
    return ErrorInfo(
        kind=_str(record.get("kind")) or "error",
        sentence=_str(record.get("sentence")) or "The request failed.",
        status=_int(record.get("status")),
        code=_str(record.get("code")),
        message=_str(record.get("message")),
        request_id=_str(record.get("request_id")),
    )


def state_from_record(value: Any) -> ExchangeState:
    if value in _STATES:
        return cast(ExchangeState, value)
    # A state this version does not know: show the reply as not finished rather than lie.
    return "incomplete"


def reply_to_record(exchange: Exchange) -> dict[str, Any]:
    """The reply of ``exchange`` (how it ended, its text, usage and error) as one record.

    The store writes these as columns (``usage`` and ``error`` as JSON text) and the export as
    keys, in this order.
    """
    return {
        "state": exchange.state,
        "answer": exchange.answer,
        "reasoning": exchange.reasoning,
        "finish_reason": exchange.finish_reason,
        "first_token_seconds": exchange.first_token_seconds,
        "usage": usage_to_record(exchange.usage),
        "error": error_to_record(exchange.error),
    }


def version_to_record(version: AnswerVersion) -> dict[str, Any]:
    """One of an exchange's other replies (Regenerate kept it): the reply's record and its model."""
    return {
        "model": version.model,
        "state": version.state,
        "answer": version.answer,
        "reasoning": version.reasoning,
        "finish_reason": version.finish_reason,
        "first_token_seconds": version.first_token_seconds,
        "usage": usage_to_record(version.usage),
        "error": error_to_record(version.error),
    }


def version_from_record(record: Any) -> AnswerVersion | None:
    """None for a record that is not a mapping (nothing can be shown of it)."""
    if not isinstance(record, Mapping):
        return None
    state = state_from_record(record.get("state"))
    return AnswerVersion(
        answer=_str(record.get("answer")) or "",
        reasoning=_str(record.get("reasoning")) or "",
        model=_str(record.get("model")) or "",
        # A version is a reply that ended; one stored mid-stream is shown as cut off.
        state="incomplete" if state in ("pending", "streaming") else state,
        usage=usage_from_record(record.get("usage")),
        finish_reason=_str(record.get("finish_reason")),
        error=error_from_record(record.get("error")),
        first_token_seconds=_float(record.get("first_token_seconds")),
    )


# ---- videos -----------------------------------------------------------------------------------


def video_to_record(video: VideoAttachment) -> dict[str, Any]:
    """Everything about a video except its frames and link (stored apart, like image bytes)."""
    return {
        "source": video.source,
        "kind": video.kind,
        "fps": video.fps,
        "duration": video.duration,
        "original_size": _list_or_none(video.original_size),
        "sent_size": _list_or_none(video.sent_size),
        "codec": video.codec,
        "estimated_tokens": video.estimated_tokens,
        "upload_bytes": video.upload_bytes,
        "notes": list(video.notes),
    }


def video_from_record(
    record: Mapping[str, Any], frames: tuple[VideoFrame, ...], url: str | None
) -> VideoAttachment:
    kind = record.get("kind")
    if kind not in ("file", "animation", "url"):
        kind = "url" if url and not frames else "file"
    notes = record.get("notes")
    return VideoAttachment(
        source=_str(record.get("source")) or "",
        kind=cast(VideoKind, kind),
        fps=_float(record.get("fps")) or 2.0,
        frames=frames,
        url=url,
        duration=_float(record.get("duration")),
        original_size=_pair(record.get("original_size"), _int),
        sent_size=_pair(record.get("sent_size"), _int),
        codec=_str(record.get("codec")),
        estimated_tokens=_int(record.get("estimated_tokens"), 0) or 0,
        upload_bytes=_int(record.get("upload_bytes"), 0) or 0,
        notes=tuple(n for n in notes if isinstance(n, str)) if isinstance(notes, list) else (),
    )
