"""Decoding the service's Server-Sent Events stream into typed events.

The byte-level framing (CR, LF and CRLF line ends, comments, ``retry:`` lines, multi-line data)
is httpx-sse's job: we drive its pure line and event decoders directly on raw bytes, so the
decoder is independent of httpx and can be fed any chunking of a stream. On top of that this
module adds what is specific to DashScope's compatible mode: ``[DONE]``, ``{"error": …}`` events
after content, usage chunks with ``choices: []`` and truncated streams.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable
from typing import Any

from httpx_sse._decoders import SSEDecoder, SSELineDecoder

from .errors import ProtocolError, StreamInterrupted, error_from_response
from .events import (
    ContentDelta,
    DecodedEvent,
    Finish,
    ReasoningDelta,
    StreamError,
    StreamEvent,
    Usage,
)

__all__ = ["ChatStreamDecoder", "decode_stream_bytes", "events_from_chunk", "parse_completion"]

_DONE = "[DONE]"


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _usage_from(obj: Any) -> Usage | None:
    if not isinstance(obj, dict):
        return None
    prompt_details = obj.get("prompt_tokens_details")
    completion_details = obj.get("completion_tokens_details")
    prompt_details = prompt_details if isinstance(prompt_details, dict) else {}
    completion_details = completion_details if isinstance(completion_details, dict) else {}
    return Usage(
        prompt_tokens=_int_or_none(obj.get("prompt_tokens")),
        completion_tokens=_int_or_none(obj.get("completion_tokens")),
        total_tokens=_int_or_none(obj.get("total_tokens")),
        reasoning_tokens=_int_or_none(completion_details.get("reasoning_tokens")),
        image_tokens=_int_or_none(prompt_details.get("image_tokens")),
        cached_tokens=_int_or_none(prompt_details.get("cached_tokens")),
    )


def _text_of(value: Any) -> str:
    """``content`` is a string, ``null``, or (some gateways) a list of ``{"text": …}`` parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        texts = [p.get("text") for p in value if isinstance(p, dict)]
        return "".join(t for t in texts if isinstance(t, str))
    return ""


def events_from_chunk(chunk: Any) -> list[DecodedEvent]:
    """Typed events from one parsed chunk (a ``chat.completion.chunk`` or an error object)."""
    if not isinstance(chunk, dict):
        raise ProtocolError(detail=f"expected a JSON object, got {type(chunk).__name__}")
    error = chunk.get("error")
    if error:
        return [StreamError(error_from_response(None, chunk))]
    events: list[DecodedEvent] = []
    choices = chunk.get("choices")
    if choices is not None and not isinstance(choices, list):
        raise ProtocolError(detail="'choices' is not a list")
    model = chunk.get("model") if isinstance(chunk.get("model"), str) else None
    for choice in choices or []:
        if not isinstance(choice, dict):
            raise ProtocolError(detail="a choice is not an object")
        if choice.get("index", 0) not in (0, None):
            continue  # we never ask for n > 1
        delta = choice.get("delta")
        if delta is None:
            delta = choice.get("message")  # non-streaming shape, tolerated in streams too
        if delta is not None and not isinstance(delta, dict):
            raise ProtocolError(detail="'delta' is not an object")
        delta = delta or {}
        reasoning = _text_of(delta.get("reasoning_content"))
        if reasoning:
            events.append(ReasoningDelta(reasoning))
        content = _text_of(delta.get("content"))
        if content:
            events.append(ContentDelta(content))
        reason = choice.get("finish_reason")
        if isinstance(reason, str) and reason:
            events.append(Finish(reason, model))
    usage = _usage_from(chunk.get("usage"))
    if usage is not None:
        events.append(usage)
    return events


class ChatStreamDecoder:
    """Incremental decoder: ``feed()`` bytes as they arrive, then ``close()`` at end of input.

    Raises :class:`ProtocolError` for data that is not JSON; reports service errors and
    truncation as :class:`StreamError` events so the content before them is not lost.
    """

    def __init__(self) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._lines = SSELineDecoder()
        self._events = SSEDecoder()
        self._at_start = True
        self.done = False
        self.failed = False

    def feed(self, data: bytes) -> list[DecodedEvent]:
        text = self._utf8.decode(data)
        return self._feed_text(text)

    def _feed_text(self, text: str) -> list[DecodedEvent]:
        if self._at_start and text:
            # The SSE spec lets a stream begin with a UTF-8 byte order mark.
            text = text.removeprefix("\ufeff")
            self._at_start = False
        if not text:
            return []
        out: list[DecodedEvent] = []
        for line in self._lines.decode(text):
            out.extend(self._on_line(line))
        return out

    def _on_line(self, line: str) -> list[DecodedEvent]:
        sse = self._events.decode(line)
        if sse is None or self.done:
            return []
        data = sse.data
        if sse.event not in ("", "message", "error", "result"):
            return []
        if not data:
            return []
        if data.strip() == _DONE:
            self.done = True
            return []
        try:
            parsed = json.loads(data)
        except ValueError as exc:
            raise ProtocolError(detail=f"event data is not JSON: {data[:80]!r}") from exc
        if sse.event == "error" and isinstance(parsed, dict) and "error" not in parsed:
            parsed = {"error": parsed}
        events = events_from_chunk(parsed)
        if any(isinstance(e, StreamError) for e in events):
            self.failed = True
        return events

    def close(self) -> list[DecodedEvent]:
        """End of input. A stream that never said ``[DONE]`` (and reported no error) is cut off."""
        out = self._feed_text(self._utf8.decode(b"", final=True))
        for line in self._lines.flush():
            out.extend(self._on_line(line))
        # A final event without its blank line is incomplete by definition: it was dropped.
        reported = self.failed or any(isinstance(e, StreamError) for e in out)
        if not self.done and not reported:
            out.append(StreamError(StreamInterrupted(detail="the stream ended without [DONE]")))
        return out


def decode_stream_bytes(chunks: Iterable[bytes]) -> list[DecodedEvent]:
    """Decode a whole stream given as byte chunks (tests, recordings)."""
    decoder = ChatStreamDecoder()
    out: list[DecodedEvent] = []
    for chunk in chunks:
        out.extend(decoder.feed(chunk))
    out.extend(decoder.close())
    return out


def parse_completion(body: Any) -> list[StreamEvent]:
    """Events from a non-streaming ``chat.completion`` reply, in stream order."""
    decoded = events_from_chunk(body)
    result: list[StreamEvent] = []
    for event in decoded:
        if isinstance(event, StreamError):
            raise event.error
        result.append(event)
    if not any(isinstance(e, (ContentDelta, Finish)) for e in result):
        raise ProtocolError(detail="the reply has no choices")
    return result
