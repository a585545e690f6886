"""The HTTP client against the real loopback server: retries, errors, cancellation, key safety."""

from __future__ import annotations

import asyncio
import logging

import pytest

from qwenvl_desktop.core.protocol import (
    ChatClient,
    ChatRequest,
    ClientSettings,
    ContentDelta,
    Endpoint,
    Turn,
)
from qwenvl_desktop.core.protocol import errors as e
from tests.support.dashscope_server import LoopbackDashScope, RecordedRequest, Reply

pytestmark = pytest.mark.asyncio

QUESTION = ChatRequest("qwen3-vl-plus", (Turn("user", "What is this"),))


class SleepRecorder:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


async def _collect(
    client: ChatClient, endpoint: Endpoint, request: ChatRequest = QUESTION
) -> tuple[str, BaseException | None]:
    text = ""
    try:
        async for event in client.chat(endpoint, request):
            if isinstance(event, ContentDelta):
                text += event.text
    except e.QwenVLError as error:
        return text, error
    return text, None


async def test_streams_the_seed_answer_and_sends_the_documented_request(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    async with ChatClient() as client:
        text, error = await _collect(client, Endpoint(loop_server.base_url("seed"), test_key))
    assert error is None and text.startswith("In the picture, a woman and her dog")
    (sent,) = loop_server.chat_requests()
    assert sent.authorization == f"Bearer {test_key}"
    assert sent.body["stream"] is True and sent.body["stream_options"] == {"include_usage": True}


async def test_429_with_retry_after_is_retried_then_succeeds(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    sleep = SleepRecorder()
    async with ChatClient(sleep=sleep) as client:
        text, error = await _collect(
            client, Endpoint(loop_server.base_url("retry-after"), test_key)
        )
    assert error is None and text.startswith("In the picture")
    assert len(loop_server.chat_requests("retry-after")) == 3
    assert sleep.delays == [0.0, 0.0]  # Retry-After: 0 honoured, not the backoff


async def test_503_and_dropped_connection_are_retried_with_backoff(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    sleep = SleepRecorder()
    async with ChatClient(ClientSettings(backoff_base=0.5), sleep=sleep) as client:
        for scenario in ("flaky-503", "drop-then-ok"):
            text, error = await _collect(client, Endpoint(loop_server.base_url(scenario), test_key))
            assert error is None and text.startswith("In the picture")
    assert len(sleep.delays) == 2 and all(0.25 <= d <= 0.5 for d in sleep.delays)


async def test_gives_up_after_three_retries(loop_server: LoopbackDashScope, test_key: str) -> None:
    sleep = SleepRecorder()
    async with ChatClient(ClientSettings(backoff_base=1.0), sleep=sleep) as client:
        _, error = await _collect(
            client, Endpoint(loop_server.base_url("e429-Throttling.RateQuota"), test_key)
        )
    assert isinstance(error, e.RateLimitError)
    assert len(loop_server.chat_requests()) == 4
    # Exponential with jitter: 0.5–1, 1–2, 2–4 seconds.
    assert [1 <= d / 2**i * 2 <= 2 for i, d in enumerate(sleep.delays)] == [True] * 3


@pytest.mark.parametrize(
    ("scenario", "cls"),
    [
        ("e400-invalid_parameter_error", e.BadRequestError),
        ("e401-invalid_api_key", e.AuthenticationError),
        ("e403-AccessDenied", e.PermissionDenied),
        ("e400-data_inspection_failed", e.ModerationError),
        ("e404-model_not_found", e.NotFoundError),
        ("e400-Arrearage", e.BillingError),
    ],
)
async def test_client_errors_are_never_retried(
    loop_server: LoopbackDashScope, test_key: str, scenario: str, cls: type
) -> None:
    async with ChatClient(sleep=SleepRecorder()) as client:
        _, error = await _collect(client, Endpoint(loop_server.base_url(scenario), test_key))
    assert type(error) is cls
    assert len(loop_server.chat_requests()) == 1
    assert error is not None and error.request_id == "req-err-42"  # type: ignore[attr-defined]


async def test_no_retry_once_content_arrived(loop_server: LoopbackDashScope, test_key: str) -> None:
    sleep = SleepRecorder()
    async with ChatClient(sleep=sleep) as client:
        text, error = await _collect(
            client, Endpoint(loop_server.base_url("cut-mid-event"), test_key)
        )
    assert isinstance(error, e.StreamInterrupted)
    assert text == "In the picture, a woman"
    assert sleep.delays == [] and len(loop_server.chat_requests()) == 1


async def test_connection_refused_is_a_network_error(test_key: str) -> None:
    async with ChatClient(ClientSettings(max_retries=1), sleep=SleepRecorder()) as client:
        _, error = await _collect(
            client, Endpoint("http://127.0.0.1:9/compatible-mode/v1", test_key)
        )
    assert type(error) is e.NetworkError
    assert test_key not in str(error) and test_key not in repr(error.details())  # type: ignore[union-attr]


async def test_slow_server_times_out(loop_server: LoopbackDashScope, test_key: str) -> None:
    settings = ClientSettings(stream_read_timeout=0.01, max_retries=0)
    async with ChatClient(settings) as client:
        _, error = await _collect(client, Endpoint(loop_server.base_url("slow"), test_key))
    assert isinstance(error, e.RequestTimeout | e.StreamInterrupted)


async def test_cancelling_mid_stream_closes_the_connection(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    got_text = asyncio.Event()

    async def consume(client: ChatClient) -> None:
        async for event in client.chat(Endpoint(loop_server.base_url("slow"), test_key), QUESTION):
            if isinstance(event, ContentDelta):
                got_text.set()

    async with ChatClient() as client:
        task = asyncio.create_task(consume(client))
        await asyncio.wait_for(got_text.wait(), 5)
        assert loop_server.open_connections == 1
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        for _ in range(100):
            if loop_server.open_connections == 0:
                break
            await asyncio.sleep(0.01)
        assert loop_server.open_connections == 0


async def test_a_redirect_to_another_host_is_refused_and_nothing_is_sent_there(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    """GIVEN an endpoint answering 307 to another host WHEN a question is sent THEN neither the
    question nor its images reach that host, and the error names it."""
    elsewhere = LoopbackDashScope(host="127.0.0.2")
    await elsewhere.start()

    async def redirect(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        await reply.start(
            307, "text/plain", Location=elsewhere.base_url("seed") + "/chat/completions"
        )
        await reply.end()

    loop_server.add_scenario("redirect", redirect)
    try:
        async with ChatClient() as client:
            text, error = await _collect(
                client, Endpoint(loop_server.base_url("redirect"), test_key)
            )
    finally:
        await elsewhere.stop()
    assert isinstance(error, e.RedirectRefused) and not error.retryable
    assert f"127.0.0.2:{elsewhere.port}" in error.user_message
    assert text == "" and elsewhere.requests == []
    assert len(loop_server.chat_requests()) == 1  # refused, not retried


@pytest.mark.parametrize("status", [307, 308])
async def test_a_redirect_within_the_endpoint_origin_is_followed_with_the_key(
    loop_server: LoopbackDashScope, test_key: str, status: int
) -> None:
    async def redirect(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        target = "/seed/compatible-mode/v1/chat/completions"
        await reply.start(status, "text/plain", Location=target)
        await reply.end()

    loop_server.add_scenario("moved", redirect)
    async with ChatClient() as client:
        text, error = await _collect(client, Endpoint(loop_server.base_url("moved"), test_key))
    assert error is None and text.startswith("In the picture")
    moved, followed = loop_server.chat_requests()
    assert (moved.scenario, followed.scenario) == ("moved", "seed")
    assert followed.authorization == f"Bearer {test_key}" and followed.body == moved.body


async def test_the_key_never_reaches_logs(
    loop_server: LoopbackDashScope, test_key: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with ChatClient(sleep=SleepRecorder()) as client:
        await _collect(client, Endpoint(loop_server.base_url("retry-after"), test_key))
        await _collect(client, Endpoint(loop_server.base_url("e401-invalid_api_key"), test_key))
    assert caplog.records  # httpx and our retry notes did log
    assert test_key not in caplog.text
    assert test_key not in repr(Endpoint("http://x", test_key))


async def test_non_streaming_request(loop_server: LoopbackDashScope, test_key: str) -> None:
    request = ChatRequest("qwen-vl-max", (Turn("user", "What are these"),), stream=False)
    async with ChatClient() as client:
        text, error = await _collect(
            client, Endpoint(loop_server.base_url("seed"), test_key), request
        )
    assert error is None and text.startswith("In Figure 1")
    assert "stream" not in loop_server.chat_requests()[0].body


async def test_list_models_checks_the_key(loop_server: LoopbackDashScope, test_key: str) -> None:
    async with ChatClient() as client:
        assert "qwen3-vl-plus" in await client.list_models(
            Endpoint(loop_server.base_url(), test_key)
        )
        with pytest.raises(e.AuthenticationError):
            await client.list_models(Endpoint(loop_server.base_url(), "sk-wrong"))


async def test_chat_batches_hand_over_one_list_per_read_with_the_same_answer(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    endpoint = Endpoint(loop_server.base_url("big-3000"), test_key)
    async with ChatClient() as client:
        events = [event async for event in client.chat(endpoint, QUESTION)]
        batches = [batch async for batch in client.chat_batches(endpoint, QUESTION)]
    pieces = [event for batch in batches for event in batch]
    text = "".join(x.text for x in events if isinstance(x, ContentDelta))
    assert "".join(x.text for x in pieces if isinstance(x, ContentDelta)) == text
    assert len(text) > 20_000 and all(batches)
    # Adjacent pieces of text are joined: far fewer hand-overs than the stream's 3,000 events.
    assert len(pieces) < len(events) / 10
    assert [x for x in pieces if not isinstance(x, ContentDelta)] == [
        x for x in events if not isinstance(x, ContentDelta)
    ]


async def test_chat_batches_deliver_the_text_before_an_error_event_then_raise(
    loop_server: LoopbackDashScope, test_key: str
) -> None:
    endpoint = Endpoint(loop_server.base_url("mid-stream-error"), test_key)
    text = ""
    async with ChatClient() as client:
        with pytest.raises(e.ModerationError):
            async for batch in client.chat_batches(endpoint, QUESTION):
                text += "".join(x.text for x in batch if isinstance(x, ContentDelta))
    assert text == "In the picture, a woman"  # the four events before the error
    assert len(loop_server.chat_requests()) == 1  # content had arrived: never retried
