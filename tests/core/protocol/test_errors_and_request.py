"""Error mapping, the request builder and the catalog."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.protocol import errors as e
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.request import (
    ChatRequest,
    ImageInput,
    RequestError,
    Turn,
    build_body,
)


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (401, "invalid_api_key", e.AuthenticationError),
        (403, "InvalidApiKey", e.AuthenticationError),  # a rejected key, not a permission
        (403, "AccessDenied", e.PermissionDenied),
        (403, "AllocationQuota.FreeTierOnly", e.PermissionDenied),
        (400, "Arrearage", e.BillingError),
        (400, "data_inspection_failed", e.ModerationError),
        (400, "invalid_parameter_error", e.BadRequestError),
        (404, "model_not_found", e.NotFoundError),
        (404, "model_not_supported", e.NotFoundError),
        (429, "Throttling", e.RateLimitError),
        (429, "Throttling.RateQuota", e.RateLimitError),
        (429, "limit_requests", e.RateLimitError),
        (429, "Throttling.BurstRate", e.RateLimitError),
        (429, "insufficient_quota", e.QuotaError),
        (429, "Throttling.AllocationQuota", e.QuotaError),
        (500, "InternalError", e.ServerError),
        (500, "RequestTimeOut", e.ServerError),
        (503, "ModelServingError", e.ServerError),
        (503, "ModelUnavailable", e.ServerError),
        (None, "data_inspection_failed", e.ModerationError),
    ],
)
def test_status_and_code_map_to_a_kind(status: int | None, code: str, cls: type) -> None:
    body = {"error": {"message": "m", "type": "t", "param": None, "code": code}, "request_id": "r"}
    error = e.error_from_response(status, body)
    assert type(error) is cls
    assert error.code == code and error.request_id == "r" and error.status == status
    assert error.user_message and error.one_line().startswith(error.kind)


def test_quota_is_retryable_but_moderation_and_auth_are_not() -> None:
    assert e.QuotaError().retryable and e.RateLimitError().retryable and e.ServerError().retryable
    assert not e.ModerationError().retryable
    assert not e.AuthenticationError().retryable and not e.BadRequestError().retryable


def test_gateway_shapes_code_as_number_and_plain_text() -> None:
    assert isinstance(
        e.error_from_response(429, {"error": {"code": 429, "message": "slow"}}), e.RateLimitError
    )
    text = e.error_from_response(502, "<html>Bad Gateway</html>")
    assert isinstance(text, e.ServerError) and text.detail == "<html>Bad Gateway</html>"


@pytest.mark.parametrize(
    ("body", "cls", "code"),
    [
        # LiteLLM proxy: the DashScope code moved to "type", the status put in "code"
        (
            {
                "error": {
                    "message": "Input data may contain inappropriate content.",
                    "type": "data_inspection_failed",
                    "code": "400",
                }
            },
            e.ModerationError,
            "data_inspection_failed",
        ),
        # the native API's prefix kept in the message, nothing else
        (
            {
                "error": {
                    "message": "litellm.BadRequestError: <400> DataInspectionFailed: Input "
                    "data may contain inappropriate content.",
                    "type": None,
                    "code": "400",
                }
            },
            e.ModerationError,
            "DataInspectionFailed",
        ),
        (
            "<400> DataInspectionFailed: Output data may contain inappropriate content.",
            e.ModerationError,
            "DataInspectionFailed",
        ),
        (
            {"error": {"message": "quota", "type": "Arrearage", "code": 400}},
            e.BillingError,
            "Arrearage",
        ),
        (
            {"error": {"message": "no", "type": "invalid_api_key", "code": "400"}},
            e.AuthenticationError,
            "invalid_api_key",
        ),
        # an OpenAI-style type that is not a DashScope code changes nothing
        (
            {"error": {"message": "bad", "type": "invalid_request_error", "code": "400"}},
            e.BadRequestError,
            "400",
        ),
    ],
)
def test_the_service_code_is_found_where_gateways_put_it(
    body: object, cls: type, code: str
) -> None:
    error = e.error_from_response(400, body)
    assert type(error) is cls and error.code == code


def test_authentication_sentence_hints_at_region_mismatch() -> None:
    assert "region" in e.AuthenticationError().user_message


def test_keys_are_scrubbed_from_messages() -> None:
    error = e.error_from_response(
        401, {"error": {"code": "invalid_api_key", "message": "bad key sk-abcdef1234567890xyz"}}
    )
    assert "1234567890" not in error.one_line()
    assert "Bearer sk-secret" not in e.scrub_secrets("Authorization: Bearer sk-secretsecret")


CATALOG = load_catalog()


def _req(model: str, **kw: object) -> ChatRequest:
    return ChatRequest(
        model=model,
        turns=(
            Turn(
                "user",
                "What are these",
                (
                    ImageInput("https://x/a.jpeg"),
                    ImageInput("data:image/png;base64,AA", max_pixels=1000),
                ),
            ),
        ),
        **kw,
    )  # type: ignore[arg-type]


def test_body_matches_the_seed_shape_with_two_images() -> None:
    body = build_body(_req("qwen3-vl-plus"), CATALOG.model("qwen3-vl-plus"))
    assert body == {
        "model": "qwen3-vl-plus",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What are these"},
                    {"type": "image_url", "image_url": {"url": "https://x/a.jpeg"}},
                    {
                        "type": "image_url",
                        "image_url": {"url": "data:image/png;base64,AA", "max_pixels": 1000},
                    },
                ],
            }
        ],
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def test_qvq_is_streamed_without_system_prompt_or_sampling() -> None:
    body = build_body(
        _req("qvq-max", stream=False, system="be brief", temperature=0.3), CATALOG.model("qvq-max")
    )
    assert body["stream"] is True
    assert all(m["role"] != "system" for m in body["messages"])
    assert "temperature" not in body and "enable_thinking" not in body


def test_hybrid_thinking_is_sent_and_forces_streaming() -> None:
    body = build_body(
        _req("qwen3-vl-flash", stream=False, thinking=True, thinking_budget=500),
        CATALOG.model("qwen3-vl-flash"),
    )
    assert body["enable_thinking"] is True and body["thinking_budget"] == 500
    assert body["stream"] is True


def test_always_thinking_models_refuse_thinking_off() -> None:
    with pytest.raises(RequestError, match="always thinks"):
        build_body(
            _req("qwen3-vl-8b-thinking", thinking=False), CATALOG.model("qwen3-vl-8b-thinking")
        )
    body = build_body(_req("qwen3-vl-8b-thinking"), CATALOG.model("qwen3-vl-8b-thinking"))
    assert "enable_thinking" not in body and body["stream"] is True


def test_non_streaming_plain_request_sends_only_what_is_needed() -> None:
    body = build_body(
        _req("qwen-vl-max", stream=False, high_resolution=True, max_tokens=50, seed=7),
        CATALOG.model("qwen-vl-max"),
    )
    assert set(body) == {"model", "messages", "vl_high_resolution_images", "max_tokens", "seed"}


def test_catalog_lists_every_seed_model_by_region() -> None:
    intl = {m.name for m in CATALOG.models_for_region("intl")}
    cn = {m.name for m in CATALOG.models_for_region("cn")}
    us = {m.name for m in CATALOG.models_for_region("us")}
    assert {
        "qwen3-vl-plus-2025-12-19",
        "qvq-max-2025-03-25",
        "qwen2.5-vl-3b-instruct",
        "qwen-vl-ocr-2025-11-20",
        "qwen-vl-plus-2025-01-25",
    } <= intl
    assert {"qwen2-vl-2b-instruct", "qwen-vl-max-2024-11-19", "qwen-vl-ocr-2024-10-28"} <= cn
    assert us == {"qwen3-vl-flash-us", "qwen3-vl-flash-2025-10-15-us"}
    assert "qwen2-vl-2b-instruct" not in intl
    assert len(intl) == 31 and len(cn) == 43


def test_catalog_flags_and_unknown_names() -> None:
    assert CATALOG.model("qvq-max").must_stream and CATALOG.model("qvq-max").stream_only
    assert CATALOG.model("qwen-vl-ocr").ocr and CATALOG.model("qwen-vl-ocr").grid == 28
    assert CATALOG.model("qwen3-vl-plus").grounding == "relative-1000"
    assert CATALOG.model("qwen2.5-vl-7b-instruct").grounding == "absolute-resized"
    new = CATALOG.model("qwen3-vl-30b-a3b-thinking-2027-01-01")
    assert not new.known and new.thinking == "always" and new.grid == 32
    other = CATALOG.model("llava:13b")
    assert not other.known and other.thinking == "none" and not other.stream_only
