"""The stream decoder: the seed's chunks, the real reasoning recording, and every framing quirk."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qwenvl_desktop.core.protocol.errors import ModerationError, ProtocolError, StreamInterrupted
from qwenvl_desktop.core.protocol.events import (
    ContentDelta,
    Finish,
    ReasoningDelta,
    StreamError,
    Usage,
)
from qwenvl_desktop.core.protocol.sse import (
    ChatStreamDecoder,
    decode_stream_bytes,
    parse_completion,
)
from tests.support.dashscope_server import (
    reasoning_stream_bytes,
    seed_completion,
    seed_stream_bytes,
)

SEED_ANSWER = (
    "In the picture, a woman and her dog are interacting on the beach. The dog is sitting on the"
    " ground, extending its paw as if to shake hands or give a high five. The woman is wearing a"
    " plaid shirt and seems to be having an intimate interaction with the dog, and is smiling."
    " The background is the ocean and the sky at sunrise or sunset. This is a heartwarming photo"
    " that shows a moment of friendship between a person and a pet."
)


def _answer(events: list[object]) -> str:
    return "".join(e.text for e in events if isinstance(e, ContentDelta))


def _reasoning(events: list[object]) -> str:
    return "".join(e.text for e in events if isinstance(e, ReasoningDelta))


def test_seed_stream_gives_the_answer_finish_and_usage() -> None:
    events = decode_stream_bytes([seed_stream_bytes()])
    assert _answer(events) == SEED_ANSWER
    # The seed's finish chunk carries the last words *and* finish_reason.
    assert Finish("stop", "qwen-vl-plus") in events
    assert events[-1] == Usage(prompt_tokens=1276, completion_tokens=79, total_tokens=1355)
    assert not any(isinstance(e, StreamError) for e in events)


def test_real_reasoning_recording() -> None:
    events = decode_stream_bytes([reasoning_stream_bytes()])
    reasoning, answer = _reasoning(events), _answer(events)
    assert reasoning.startswith("We are asked:")
    assert "strawberry" in answer and "**3**" in answer
    # All reasoning precedes the answer; content: null never becomes text.
    first_answer = next(i for i, e in enumerate(events) if isinstance(e, ContentDelta))
    assert not any(isinstance(e, ReasoningDelta) for e in events[first_answer:])
    assert "None" not in answer
    usage = events[-1]
    assert isinstance(usage, Usage)
    assert usage.reasoning_tokens == 1084 and usage.completion_tokens == 1355


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_line_endings(newline: bytes) -> None:
    data = seed_stream_bytes().replace(b"\n", newline)
    events = decode_stream_bytes([data[i : i + 5] for i in range(0, len(data), 5)])
    assert _answer(events) == SEED_ANSWER


def test_bom_comments_and_retry_lines_are_ignored() -> None:
    data = b"\xef\xbb\xbf: keep-alive\nretry: 1000\n\n" + seed_stream_bytes().replace(
        b"\n\ndata:", b"\n\n: ping\n\ndata:"
    )
    events = decode_stream_bytes([bytes([b]) for b in data])
    assert _answer(events) == SEED_ANSWER


def test_multibyte_character_split_across_chunks() -> None:
    text = "犬と女性 🐕 ünïcode"
    chunk = json.dumps({"choices": [{"delta": {"content": text}, "index": 0}]}, ensure_ascii=False)
    data = b"data: " + chunk.encode() + b"\n\ndata: [DONE]\n\n"
    for cut in range(len(data)):
        events = decode_stream_bytes([data[:cut], data[cut:]])
        assert _answer(events) == text


def test_id_that_changes_mid_stream_does_not_matter() -> None:
    lines = [
        {"id": "a", "choices": [{"delta": {"content": "one "}, "index": 0}]},
        {"id": "b", "choices": [{"delta": {"content": "two"}, "index": 0}]},
    ]
    data = (
        b"".join(b"data: " + json.dumps(x).encode() + b"\n\n" for x in lines) + b"data: [DONE]\n\n"
    )
    assert _answer(decode_stream_bytes([data])) == "one two"


def test_usage_on_the_finish_chunk() -> None:
    chunk = {
        "choices": [{"delta": {"content": "x"}, "finish_reason": "length", "index": 0}],
        "usage": {
            "prompt_tokens": 3,
            "completion_tokens": 1,
            "total_tokens": 4,
            "prompt_tokens_details": {"image_tokens": 2},
        },
    }
    events = decode_stream_bytes([b"data: " + json.dumps(chunk).encode() + b"\n\ndata: [DONE]\n\n"])
    assert events == [
        ContentDelta("x"),
        Finish("length", None),
        Usage(prompt_tokens=3, completion_tokens=1, total_tokens=4, image_tokens=2),
    ]


def test_error_event_after_content_keeps_the_partial_answer() -> None:
    head = seed_stream_bytes().split(b"\n\n")[:3]
    error = {
        "error": {
            "code": "data_inspection_failed",
            "message": "Output data may contain inappropriate content.",
        },
        "request_id": "r-1",
    }
    data = b"\n\n".join(head) + b"\n\ndata: " + json.dumps(error).encode() + b"\n\ndata: [DONE]\n\n"
    events = decode_stream_bytes([data])
    assert _answer(events) == "In the picture,"
    failure = events[-1]
    assert isinstance(failure, StreamError)
    assert isinstance(failure.error, ModerationError)
    assert failure.error.request_id == "r-1"


def test_stream_without_done_is_reported_incomplete() -> None:
    data = b"\n\n".join(seed_stream_bytes().split(b"\n\n")[:5]) + b"\n\n"
    events = decode_stream_bytes([data])
    assert _answer(events).startswith("In the picture,")
    assert isinstance(events[-1], StreamError)
    assert isinstance(events[-1].error, StreamInterrupted)


def test_half_an_event_at_the_end_is_dropped_and_reported() -> None:
    data = seed_stream_bytes()[:-200]
    events = decode_stream_bytes([data])
    assert isinstance(events[-1], StreamError)
    assert isinstance(events[-1].error, StreamInterrupted)


def test_data_that_is_not_json_is_a_protocol_error() -> None:
    decoder = ChatStreamDecoder()
    with pytest.raises(ProtocolError):
        decoder.feed(b"data: <html>Bad gateway</html>\n\n")


def test_non_streaming_seed_reply() -> None:
    events = parse_completion(seed_completion())
    assert _answer(events).startswith("In Figure 1, a woman is interacting")
    assert Finish("stop", "qwen-vl-plus") in events
    assert Usage(prompt_tokens=2509, completion_tokens=34, total_tokens=2543) in events


# -- properties ----------------------------------------------------------------------------------

STREAMS = [
    seed_stream_bytes(),
    reasoning_stream_bytes(),
    seed_stream_bytes().replace(b"\n", b"\r\n"),
    seed_stream_bytes().replace(b"\n", b"\r"),
]
EXPECTED = [decode_stream_bytes([s]) for s in STREAMS]


@st.composite
def rechunked(draw: st.DrawFn) -> tuple[int, list[bytes]]:
    index = draw(st.integers(0, len(STREAMS) - 1))
    data = STREAMS[index]
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=60)))
    pieces, last = [], 0
    for cut in [*cuts, len(data)]:
        pieces.append(data[last:cut])
        last = cut
    return index, pieces


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rechunked())
def test_any_chunking_gives_the_same_events(case: tuple[int, list[bytes]]) -> None:
    index, pieces = case
    assert decode_stream_bytes(pieces) == EXPECTED[index]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.binary(max_size=64), max_size=12))
def test_arbitrary_bytes_raise_nothing_but_protocol_errors(chunks: list[bytes]) -> None:
    try:
        events = decode_stream_bytes(chunks)
    except ProtocolError:
        return
    for event in events:
        assert isinstance(event, ReasoningDelta | ContentDelta | Usage | Finish | StreamError)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                b"data: ",
                b"{",
                b"}",
                b"\n",
                b"\r",
                b'"choices"',
                b":",
                b"[",
                b"]",
                b'"delta"',
                b'"content"',
                b'"x"',
                b"null",
                b"[DONE]",
                b'"error"',
                b",",
                b"event: error\n",
                b"\xef\xbb\xbf",
                b"1",
            ]
        ),
        max_size=40,
    )
)
def test_protocol_shaped_noise_raises_nothing_but_protocol_errors(parts: list[bytes]) -> None:
    with contextlib.suppress(ProtocolError):
        decode_stream_bytes([b"".join(parts)])


# -- coalescing (the window's path) and the fast JSON parser ---------------------------------------


def _decode_coalesced(chunks: list[bytes]) -> list[object]:
    decoder = ChatStreamDecoder(coalesce=True)
    out: list[object] = []
    for chunk in chunks:
        out.extend(decoder.feed(chunk))
    out.extend(decoder.close())
    return out


def _without_text(events: list[object]) -> list[object]:
    return [e for e in events if not isinstance(e, ContentDelta | ReasoningDelta)]


def test_coalescing_joins_the_text_pieces_of_one_read_and_keeps_the_order() -> None:
    events = _decode_coalesced([reasoning_stream_bytes()])
    plain = decode_stream_bytes([reasoning_stream_bytes()])
    # One read: all the thinking is one piece, then all the answer one piece, then the rest.
    assert [type(e) for e in events[:2]] == [ReasoningDelta, ContentDelta]
    assert _reasoning(events) == _reasoning(plain) and _answer(events) == _answer(plain)
    assert _without_text(events) == _without_text(plain)
    assert len(events) < len(plain) / 10


def test_coalesced_text_before_an_error_event_is_kept_ahead_of_it() -> None:
    head = b"\n\n".join(seed_stream_bytes().split(b"\n\n")[:3]) + b"\n\n"
    error = {"error": {"code": "data_inspection_failed", "message": "Inappropriate."}}
    data = head + b"data: " + json.dumps(error).encode() + b"\n\n" + head + b"data: [DONE]\n\n"
    events = _decode_coalesced([data])
    assert events[0] == ContentDelta("In the picture,")
    assert isinstance(events[1], StreamError) and isinstance(events[1].error, ModerationError)
    assert events[2] == ContentDelta("In the picture,")  # the decoder goes on; the client stops


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rechunked())
def test_coalesced_any_chunking_gives_the_same_text_and_other_events(
    case: tuple[int, list[bytes]],
) -> None:
    index, pieces = case
    events = _decode_coalesced(pieces)
    expected = EXPECTED[index]
    assert _answer(events) == _answer(expected) and _reasoning(events) == _reasoning(expected)
    assert _without_text(events) == _without_text(expected)
    # Never two text events of the same kind in a row from one read: joined.
    assert all(e.text for e in events if isinstance(e, ContentDelta | ReasoningDelta))


@pytest.mark.parametrize(
    ("extra", "expected_usage"),
    [
        # What orjson refuses and the json module accepts: the json module decides, as before.
        ('"note": NaN', Usage(prompt_tokens=1, completion_tokens=2, total_tokens=3)),
        ('"big": 123456789012345678901234567890', None),
        ('"odd": "\\ud800"', None),
    ],
)
def test_what_the_fast_parser_refuses_is_read_as_the_json_module_reads_it(
    extra: str, expected_usage: Usage | None
) -> None:
    usage = ', "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}'
    text = '{"choices": [{"delta": {"content": "x"}, "index": 0}], ' + extra
    text += (usage if expected_usage else "") + "}"
    data = b"data: " + text.encode() + b"\n\ndata: [DONE]\n\n"
    events = decode_stream_bytes([data])
    assert events[0] == ContentDelta("x")
    assert events[1:] == ([expected_usage] if expected_usage else [])


def test_an_event_that_is_no_json_at_all_is_still_a_protocol_error_with_coalescing() -> None:
    decoder = ChatStreamDecoder(coalesce=True)
    with pytest.raises(ProtocolError) as raised:
        decoder.feed(b'data: {"choices": [}\n\n')
    assert "not JSON" in (raised.value.detail or "")
