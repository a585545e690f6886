"""The chat service on its own against the loopback DashScope server.

GIVEN a :class:`ChatController` (no window) WHEN a question is sent, stopped, retried or refused
THEN its signals, its conversation and the requests the server received say so.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.protocol.errors import AuthenticationError, BadRequestError
from qwenvl_desktop.services.chat import ChatController
from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    error_body,
    sc_seed,
)

from .conftest import ChatFactory

pytestmark = pytest.mark.gui

SEED_START = "In the picture, a woman and her dog are interacting on the beach."
SEED_END = "a moment of friendship between a person and a pet."


def record_signals(chat: ChatController) -> list[tuple[str, str]]:
    """Every exchange signal of ``chat`` as ``(name, text)``, in the order they were emitted."""
    seen: list[tuple[str, str]] = []
    chat.exchangeStarted.connect(lambda eid: seen.append(("started", eid)))
    chat.textBatch.connect(lambda _eid, _r, answer: seen.append(("batch", answer)))
    chat.exchangeFinished.connect(lambda eid: seen.append(("finished", eid)))
    chat.exchangeFailed.connect(lambda eid: seen.append(("failed", eid)))
    return seen


def test_given_a_question_when_sent_then_batches_arrive_in_order_and_make_the_answer(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    chat = make_chat(server.base_url("slow"))  # 50 ms between events: several batches
    seen = record_signals(chat)
    busy: list[bool] = []
    chat.busyChanged.connect(busy.append)

    with qtbot.waitSignal(chat.exchangeFinished, timeout=10000):
        assert chat.send("Describe the picture")

    exchange = chat.last_exchange()
    assert exchange is not None and exchange.state == "done"
    assert seen[0] == ("started", exchange.id) and seen[-1] == ("finished", exchange.id)
    batches = [text for name, text in seen[1:-1] if name == "batch"]
    assert len(batches) > 3
    assert "".join(batches) == exchange.answer  # in order, nothing lost or repeated
    assert exchange.answer.startswith(SEED_START) and exchange.answer.endswith(SEED_END)
    assert exchange.usage is not None and exchange.first_token_seconds is not None
    assert busy == [True, False] and not chat.busy
    (request,) = server.chat_requests("slow")
    assert request.body["messages"][-1] == {"role": "user", "content": "Describe the picture"}
    assert request.authorization == "Bearer sk-loopback0123456789abcdef"


def test_given_a_streaming_reply_when_stopped_then_the_partial_answer_is_kept(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    chat = make_chat(server.base_url("slow"))
    with qtbot.waitSignal(chat.textBatch, timeout=10000):
        assert chat.send("Describe the picture")
    assert chat.busy

    with qtbot.waitSignal(chat.exchangeFinished, timeout=5000):
        chat.stop()

    exchange = chat.last_exchange()
    assert exchange is not None and exchange.state == "stopped"
    assert exchange.answer and SEED_START.startswith(exchange.answer[:20])
    assert not exchange.answer.endswith(SEED_END)  # stopped before the end
    assert not chat.busy


def test_given_a_failed_turn_when_retried_then_the_same_turn_is_sent_again(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    async def fails_once(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        if server.count(req.scenario) <= 1:
            await reply.json(400, error_body("InvalidParameter", "Not this time."))
        else:
            await sc_seed(server, req, reply)

    server.add_scenario("fails-once", fails_once)
    chat = make_chat(server.base_url("fails-once"))
    with qtbot.waitSignal(chat.exchangeFailed, timeout=10000):
        assert chat.send("What is in the picture?")
    failed = chat.last_exchange()
    assert failed is not None and failed.state == "failed" and failed.error is not None
    assert failed.error.kind == BadRequestError.kind and failed.error.status == 400

    with qtbot.waitSignal(chat.exchangeFinished, timeout=10000):
        assert chat.retry(failed.id)

    assert chat.last_exchange() is failed and len(chat.conversation.exchanges) == 1
    assert failed.state == "done" and failed.error is None and failed.answer.startswith(SEED_START)
    first, second = server.chat_requests("fails-once")
    assert first.body["messages"] == second.body["messages"]


def test_given_a_rejected_key_when_sending_then_the_turn_fails_as_an_authentication_error(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    chat = make_chat(server.base_url("e401-invalid_api_key"))
    with qtbot.waitSignal(chat.exchangeFailed, timeout=10000):
        assert chat.send("Hello")
    exchange = chat.last_exchange()
    assert exchange is not None and exchange.error is not None
    assert exchange.error.kind == AuthenticationError.kind
    assert exchange.error.status == 401 and exchange.error.code == "invalid_api_key"
    assert exchange.error.sentence  # a sentence for the person, not a traceback


def test_given_no_key_when_sending_then_key_missing_is_signalled_and_nothing_is_sent(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    chat = make_chat(server.base_url("seed"), key=None)
    assert chat.key_state.present is False
    with qtbot.waitSignal(chat.keyMissing, timeout=2000) as missing:
        assert not chat.send("Hello")
    assert missing.args == ["custom"]
    assert chat.conversation.exchanges == [] and server.chat_requests() == []


def test_given_a_rate_limited_request_when_retried_then_the_wait_is_told_as_it_happens(
    make_chat: ChatFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    """While a 429 is waited out the status says so (it used to say only "Waiting for the
    answer…"), and the retry notice is not part of the answer."""
    chat = make_chat(server.base_url("retry-after"))  # 429 with Retry-After: 0 twice, then ok
    notices: list[str] = []
    chat.retrying.connect(lambda _eid, sentence: notices.append(sentence))
    with qtbot.waitSignal(chat.exchangeFinished, timeout=10000):
        assert chat.send("Describe the picture")
    assert notices == [
        "Rate limited — retrying now (attempt 2 of 4)",
        "Rate limited — retrying now (attempt 3 of 4)",
    ]
    exchange = chat.last_exchange()
    assert exchange is not None and exchange.answer.startswith(SEED_START)
