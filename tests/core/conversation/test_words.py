"""The words about one exchange: the same figures and states wherever they are shown.

GIVEN an exchange in some state (with usage, an error, a first-token time), WHEN the words for
the transcript, the status bar or an export are asked for, THEN they say it as the app shows it.
"""

from __future__ import annotations

import typing

import pytest

from qwenvl_desktop.core.conversation.model import ErrorInfo, Exchange, ExchangeState
from qwenvl_desktop.core.conversation.words import (
    error_details,
    error_reference,
    error_sentence,
    export_state_note,
    state_words,
    status_line,
    streaming_label,
    transcript_state_note,
    usage_line,
    usage_summary,
)
from qwenvl_desktop.core.protocol.events import Usage
from tests.core.history.builders import url_attachment

RATE_LIMITED = ErrorInfo(
    kind="rate-limit",
    sentence="The service is busy: too many requests. Wait a moment and retry.",
    status=429,
    code="Throttling.RateQuota",
    message="Requests rate limit exceeded",
    request_id="req-9",
)


def answered(**usage: int | None) -> Exchange:
    exchange = Exchange("What is this?", model="qwen3-vl-plus", region="intl")
    exchange.begin()
    exchange.answer = "A dog."
    exchange.usage = Usage(**usage) if usage else None  # type: ignore[arg-type]
    exchange.first_token_seconds = 1.234
    exchange.finish()
    return exchange


def test_every_state_has_words() -> None:
    for state in typing.get_args(ExchangeState):
        assert state_words(state).label


def test_given_full_usage_when_summarised_then_both_lines_carry_every_figure() -> None:
    exchange = answered(
        prompt_tokens=1300,
        completion_tokens=40,
        total_tokens=1340,
        reasoning_tokens=20,
        image_tokens=1250,
    )
    assert usage_summary(exchange) == (
        "Tokens: prompt 1,300 · completion 40 · reasoning 20 · image 1,250  ·  first token 1.23 s"
    )
    assert usage_line(exchange) == (
        "Usage: 1,300 prompt tokens (1,250 for images) · 40 completion tokens (20 reasoning)"
        " · 1,340 total · first token after 1.2 s"
    )


def test_given_a_partial_usage_then_the_missing_figure_is_a_dash_and_left_out_of_exports() -> None:
    exchange = answered(prompt_tokens=900)
    exchange.first_token_seconds = None
    assert usage_summary(exchange) == "Tokens: prompt 900 · completion –"
    assert usage_line(exchange) == "Usage: 900 prompt tokens"


def test_given_no_usage_then_the_transcript_estimates_the_images_and_exports_say_nothing() -> None:
    exchange = Exchange(
        "Two links",
        [url_attachment("https://a.example/1.png", 1000), url_attachment("https://b/2")],
    )
    assert usage_summary(exchange) == "Tokens: images ≈2,280 (estimate)"
    assert usage_summary(Exchange("text only")) == "Tokens: not reported"
    assert usage_line(exchange) is None


@pytest.mark.parametrize(
    ("state", "in_transcript", "in_export"),
    [
        ("stopped", "■ Stopped — the answer above is incomplete.", "Stopped before the end."),
        (
            "incomplete",
            "⚠ Incomplete — the app closed while this answer was arriving.",
            "Incomplete: the app closed while this reply was arriving.",
        ),
        ("done", None, None),
        ("failed", None, None),
        ("pending", None, "Not sent."),
        ("streaming", None, "Still arriving when exported."),
    ],
)
def test_state_notes_in_the_transcript_and_in_exports(
    state: ExchangeState, in_transcript: str | None, in_export: str | None
) -> None:
    exchange = Exchange("Q")
    exchange.state = state
    assert transcript_state_note(exchange) == in_transcript
    assert export_state_note(exchange) == in_export


def test_status_line_says_how_the_reply_ended_and_how_fast_it_started() -> None:
    exchange = answered()
    assert status_line(exchange) == "Done · first token 1.23 s"
    exchange.stop()
    exchange.first_token_seconds = None
    assert status_line(exchange) == "Stopped"
    assert streaming_label("hmm", "") == "Thinking…"
    assert streaming_label("hmm", "A") == "Streaming…"
    assert streaming_label("", "A") == "Streaming…"


def test_an_error_reads_as_its_sentence_with_the_details_behind_it() -> None:
    assert error_sentence(RATE_LIMITED) == f"⚠ {RATE_LIMITED.sentence}"
    assert error_details(RATE_LIMITED) == [
        "kind: rate-limit",
        "HTTP status: 429",
        "code: Throttling.RateQuota",
        "request id: req-9",
        "service message: Requests rate limit exceeded",
    ]
    assert error_reference(RATE_LIMITED) == "429, Throttling.RateQuota, req-9"


def test_an_error_without_details_has_only_its_kind_and_no_reference() -> None:
    bare = ErrorInfo(kind="network", sentence="The service could not be reached.")
    assert error_details(bare) == ["kind: network"]
    assert error_reference(bare) == ""


def test_given_a_model_that_did_not_think_then_no_reasoning_figure_is_shown() -> None:
    exchange = answered(prompt_tokens=900, completion_tokens=40, reasoning_tokens=0)
    assert "reasoning" not in usage_summary(exchange)
