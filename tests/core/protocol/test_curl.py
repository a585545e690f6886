"""Copy as curl: a turn as a shell command, run by bash against the loopback server."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.curl import curl_command, request_for
from qwenvl_desktop.core.protocol.request import ChatRequest, build_body
from tests.core.history.builders import answer, attachment, noise_jpeg, png_bytes
from tests.support.dashscope_server import LoopbackDashScope

PNG = png_bytes(seed=3)
JPEG = noise_jpeg(64, 48)


def tricky_conversation() -> Conversation:
    """Text a shell would expand or a here-document would end on, across two turns with images."""
    conversation = Conversation(system="Be exact.")
    first = conversation.ask(
        "What's in $HOME `id` $(whoami) \\n?\nJSON\n'quoted' \"double\" 你好",
        [attachment(PNG)],
        model="qwen3-vl-plus",
        region="intl",
    )
    answer(first, "A picture.\nJSON\nEnd")
    conversation.ask(
        "And this one?", [attachment(JPEG, mime="image/jpeg")], model="qwen3-vl-plus", region="x"
    )
    return conversation


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
@pytest.mark.parametrize("thinking", [None, True], ids=["defaults", "thinking"])
def test_the_curl_command_sends_exactly_what_the_app_sends(
    threaded_server: LoopbackDashScope, test_key: str, thinking: bool | None
) -> None:
    # GIVEN a follow-up turn in a conversation full of shell-significant text, with images
    conversation = tricky_conversation()
    exchange = conversation.exchanges[1]
    template = ChatRequest("ignored", (), thinking=thinking, high_resolution=bool(thinking))
    base_url = threaded_server.base_url("echo")
    # WHEN its curl command is run by bash with the key in the environment
    command = curl_command(conversation, exchange, base_url, template=template)
    assert test_key not in command and "$DASHSCOPE_API_KEY" in command
    env = {"PATH": os.environ["PATH"], "DASHSCOPE_API_KEY": test_key, "HOME": "/nonexistent"}
    result = subprocess.run(
        ["bash", "-c", command], env=env, capture_output=True, text=True, timeout=20
    )
    # THEN it succeeds, authenticated with the key from the environment
    assert result.returncode == 0, result.stderr
    (received,) = threaded_server.chat_requests("echo")
    assert received.authorization == f"Bearer {test_key}"
    assert "data: [DONE]" in result.stdout
    # AND the server received the very body the app builds for that turn
    request = request_for(conversation, exchange, template)
    expected = build_body(request, load_catalog().model("qwen3-vl-plus"))
    assert received.body == expected
    assert received.body["messages"][1]["content"][0]["text"] == conversation.exchanges[0].question
    assert len(received.body["messages"]) == 4  # system, question 1, answer 1, question 2
    assert received.body.get("enable_thinking") is thinking


def test_the_curl_command_quotes_an_odd_base_url() -> None:
    conversation = tricky_conversation()
    command = curl_command(conversation, conversation.exchanges[0], "http://h/it's/v1/")
    assert command.startswith("curl --location 'http://h/it'\\''s/v1/chat/completions' \\\n")
