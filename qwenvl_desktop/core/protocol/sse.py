"""Decoding the service's Server-Sent Events stream into typed events.

Splitting the stream into lines (CR, LF and CRLF line ends, a CR at the end of one chunk and an
LF at the start of the next) is httpx-sse's job: we drive its pure line decoder directly on
decoded text, so the decoder is independent of httpx and can be fed any chunking of a stream.
Lines become events here, per the WHATWG event-stream rules (``data`` lines joined with LF,
``event`` names, ``:`` comments, ``id``/``retry`` ignored since we never reconnect); doing that
inline rather than through httpx-sse's per-line ``SSEDecoder`` calls keeps the per-event cost
low — a long answer is tens of thousands of events, decoded on the GUI thread. For the same
reason each event's JSON is parsed by orjson when it is installed, and the window's decoder
joins the text pieces of one read into one event (``coalesce``; decisions/0017). On top of that
this module adds what is specific to DashScope's compatible mode: ``[DONE]``, ``{"error": …}``
events after content, usage chunks with ``choices: []`` and truncated streams.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable
from typing import Any

try:  # a faster parser for the tens of thousands of events of a long answer (see _parse_json)
    import orjson
except ImportError:  # pragma: no cover - a declared dependency; json does the same, slower
    orjson = None  # type: ignore[assignment]

from qwenvl_desktop.core.protocol.errors import (
    ProtocolError,
    StreamInterrupted,
    error_from_response,
)
from qwenvl_desktop.core.protocol.events import (
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


def _plain_text(chunk: Any) -> tuple[type[ContentDelta | ReasoningDelta], str] | None:
    """The text of the commonest chunk — one choice, a text delta, nothing else — or None.

    Nearly every event of a long answer has this shape; recognising it with a few exact type
    checks roughly halves the decoder's own cost per event. Anything else takes the full path.
    An empty text (a first chunk with only the role) is ``(ContentDelta, "")``.
    """
    if type(chunk) is not dict:
        return None
    choices = chunk.get("choices")
    if type(choices) is not list or len(choices) != 1 or chunk.get("usage") is not None:
        return None
    choice = choices[0]
    if type(choice) is not dict or choice.get("finish_reason") is not None:
        return None
    delta = choice.get("delta")
    if type(delta) is not dict or choice.get("index", 0) != 0 or "error" in chunk:
        return None
    content = delta.get("content")
    reasoning = delta.get("reasoning_content")
    if type(content) is str and not reasoning:
        return ContentDelta, content
    if type(reasoning) is str and not content:
        return ReasoningDelta, reasoning
    return None


def events_from_chunk(chunk: Any) -> list[DecodedEvent]:
    """Typed events from one parsed chunk (a ``chat.completion.chunk`` or an error object)."""
    plain = _plain_text(chunk)
    if plain is not None:
        kind, text = plain
        return [kind(text)] if text else []
    if not isinstance(chunk, dict):
        raise ProtocolError(detail=f"expected a JSON object, got {type(chunk).__name__}")
    error = chunk.get("error")
    if error:
        return [StreamError(error_from_response(None, chunk))]
    choices = chunk.get("choices")
    if choices is not None and not isinstance(choices, list):
        raise ProtocolError(detail="'choices' is not a list")
    model = chunk.get("model") if isinstance(chunk.get("model"), str) else None
    events: list[DecodedEvent] = []
    for choice in choices or []:
        events.extend(_choice_events(choice, model))
    usage = _usage_from(chunk.get("usage"))
    if usage is not None:
        events.append(usage)
    return events


def _choice_events(choice: Any, model: str | None) -> list[DecodedEvent]:
    """The events of one choice of a chunk that :func:`_plain_text` did not recognise."""
    if not isinstance(choice, dict):
        raise ProtocolError(detail="a choice is not an object")
    if choice.get("index", 0) not in (0, None):
        return []  # we never ask for n > 1
    delta = choice.get("delta")
    if delta is None:
        delta = choice.get("message")  # non-streaming shape, tolerated in streams too
    if delta is not None and not isinstance(delta, dict):
        raise ProtocolError(detail="'delta' is not an object")
    delta = delta or {}
    events: list[DecodedEvent] = []
    reasoning = _text_of(delta.get("reasoning_content"))
    if reasoning:
        events.append(ReasoningDelta(reasoning))
    content = _text_of(delta.get("content"))
    if content:
        events.append(ContentDelta(content))
    reason = choice.get("finish_reason")
    if isinstance(reason, str) and reason:
        events.append(Finish(reason, model))
    return events


class ChatStreamDecoder:
    """Incremental decoder: ``feed()`` bytes as they arrive, then ``close()`` at end of input.

    Raises :class:`ProtocolError` for data that is not JSON; reports service errors and
    truncation as :class:`StreamError` events so the content before them is not lost.

    ``coalesce``: the text events that one ``feed()`` returns next to each other are joined into
    one (a ``ContentDelta`` of all their text), so that a consumer handles one event per network
    read instead of one per token. The text is the same; only the pieces are fewer. Off, every
    event of the stream is its own (the events then do not depend on how the bytes were cut).
    """

    def __init__(self, *, coalesce: bool = False) -> None:
        # Imported here: httpx-sse's package imports httpx, which the window's start-up (and
        # any module that only needs the catalog) should not pay for.
        from httpx_sse._decoders import SSELineDecoder

        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._lines = SSELineDecoder()
        self._data: list[str] = []
        self._event_type = ""
        self._at_start = True
        self._coalesce = coalesce
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
        return self._on_lines(self._lines.decode(text))

    def _on_lines(self, lines: list[str]) -> list[DecodedEvent]:
        out: list[DecodedEvent] = []
        data = self._data
        # The data of the plain events (no event name, a JSON object) not decoded yet: they are
        # decoded together, in order, before the next event of another kind.
        plain: list[str] = []
        for line in lines:
            if not line:  # a blank line dispatches the event
                if data:
                    payload = data[0] if len(data) == 1 else "\n".join(data)
                    data.clear()
                    event_type, self._event_type = self._event_type, ""
                    if payload[:1] == "{" and (not event_type or event_type == "message"):
                        plain.append(payload)
                        continue
                    if plain:
                        self._decode_plain(plain, out)
                        plain.clear()
                    if not self.done:
                        out.extend(self._on_event(event_type, payload))
                else:
                    self._event_type = ""
                continue
            if line.startswith("data:"):
                value = line[5:]
                data.append(value[1:] if value.startswith(" ") else value)
                continue
            if line.startswith(":"):
                continue  # a comment: keep-alives
            name, _, value = line.partition(":")
            if name == "event":
                self._event_type = value[1:] if value.startswith(" ") else value
            # "id" and "retry" only matter for reconnecting, which a chat request never does.
        if plain:
            self._decode_plain(plain, out)
        return out

    def _decode_plain(self, payloads: list[str], out: list[DecodedEvent]) -> None:
        """Decode the data of plain events (each a JSON object's text) onto ``out``.

        The hot path of a long answer: a few type checks per event, and with ``coalesce`` one
        event for a run of text pieces rather than an object each.
        """
        if self.done:
            return
        coalesce = self._coalesce
        run_kind: type[ContentDelta | ReasoningDelta] | None = None
        run: list[str] = []
        for payload in payloads:
            chunk = _parse_json(payload)
            plain = _plain_text(chunk)
            if plain is not None:
                kind, text = plain
                if not text:
                    continue
                if not coalesce:
                    out.append(kind(text))
                    continue
                if kind is not run_kind:
                    if run:
                        out.append(_joined(run_kind, run))
                    run_kind = kind
                    run = []
                run.append(text)
                continue
            if run:
                out.append(_joined(run_kind, run))
                run_kind, run = None, []
            out.extend(self._on_chunk("", chunk))
        if run:
            out.append(_joined(run_kind, run))

    def _on_event(self, event_type: str, data: str) -> list[DecodedEvent]:
        if event_type not in ("", "message", "error", "result") or not data:
            return []  # other event types, and empty data (a keep-alive), carry nothing for us
        if data.strip() == _DONE:
            self.done = True
            return []
        return self._on_chunk(event_type, _parse_json(data))

    def _on_chunk(self, event_type: str, parsed: Any) -> list[DecodedEvent]:
        if event_type == "error" and isinstance(parsed, dict) and "error" not in parsed:
            parsed = {"error": parsed}
        events = events_from_chunk(parsed)
        # An error object decodes to exactly one StreamError.
        if events and type(events[0]) is StreamError:
            self.failed = True
        return events

    def close(self) -> list[DecodedEvent]:
        """End of input. A stream that never said ``[DONE]`` (and reported no error) is cut off."""
        out = self._feed_text(self._utf8.decode(b"", final=True))
        out.extend(self._on_lines(self._lines.flush()))
        # A final event without its blank line is incomplete by definition: it was dropped.
        reported = self.failed or any(isinstance(e, StreamError) for e in out)
        if not self.done and not reported:
            out.append(StreamError(StreamInterrupted(detail="the stream ended without [DONE]")))
        return out


def _joined(kind: type[ContentDelta | ReasoningDelta] | None, texts: list[str]) -> DecodedEvent:
    assert kind is not None
    return kind(texts[0] if len(texts) == 1 else "".join(texts))


_fast_loads: Callable[[str], Any] | None = orjson.loads if orjson is not None else None


def _parse_json(data: str) -> Any:
    """The JSON value ``data`` holds; a :class:`ProtocolError` if it holds none.

    orjson, when installed, parses an event ~2.5× faster than :func:`json.loads`; it accepts a
    subset of what the standard library accepts (no ``NaN``, no integers past 64 bits, no lone
    surrogate escapes), so whatever it refuses is handed to the standard library, which decides.
    """
    if _fast_loads is not None:
        try:
            return _fast_loads(data)
        except ValueError:
            pass
    try:
        return json.loads(data)
    except ValueError as exc:
        raise ProtocolError(detail=f"event data is not JSON: {data[:80]!r}") from exc


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
