"""Copy as curl: one turn of a conversation as a shell command that sends exactly what the app
sends.

The body is the one the app builds (:func:`~.request.build_body`, from the conversation's
history up to that turn); the key is left to the shell as ``$DASHSCOPE_API_KEY``, so the text
can be pasted into a bug report without leaking it.
"""

from __future__ import annotations

import json
from dataclasses import replace

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from qwenvl_desktop.core.protocol.request import ChatRequest, build_body, chat_request

__all__ = ["curl_command", "request_for"]


def request_for(
    conversation: Conversation, exchange: Exchange, template: ChatRequest | None = None
) -> ChatRequest:
    """The request the app sends for ``exchange``: its history, model and the system prompt.

    ``template`` carries the options of the actual request (thinking, detail, sampling…); its
    model, turns and system prompt are replaced by the conversation's.
    """
    turns = conversation.turns_for(exchange)
    if template is None:
        return chat_request(exchange.model, turns, system=conversation.system)
    return replace(template, model=exchange.model, turns=turns, system=conversation.system)


def _single_quoted(text: str) -> str:
    """``'text'`` for the shell, always quoted (shlex.quote leaves plain words bare)."""
    return "'" + text.replace("'", "'\\''") + "'"


def curl_command(
    conversation: Conversation,
    exchange: Exchange,
    endpoint_base_url: str,
    *,
    template: ChatRequest | None = None,
    info: ModelInfo | None = None,
) -> str:
    """A shell command that sends ``exchange`` (with its history) exactly as the app does.

    The key is read from ``$DASHSCOPE_API_KEY`` when the command runs; it never appears in the
    text. The body follows on standard input as a quoted here-document, so nothing in it is
    expanded by the shell. Pass as ``template`` the request the app sent for the turn so that
    its options (thinking, image detail…) match; see :func:`request_for`; and as ``info`` the
    model's capabilities as the app resolved them (a configured alias included).
    """
    request = request_for(conversation, exchange, template)
    body = build_body(request, info or load_catalog().model(exchange.model))
    url = endpoint_base_url.rstrip("/") + "/chat/completions"
    # indent: readable, and a JSON line can never be the bare delimiter "JSON" (every line of
    # indented JSON starts with a space or a bracket), which ends the here-document early.
    payload = json.dumps(body, ensure_ascii=False, indent=2)
    lines = [
        f"curl --location {_single_quoted(url)} \\",
        '  --header "Authorization: Bearer $DASHSCOPE_API_KEY" \\',
        "  --header 'Content-Type: application/json' \\",
    ]
    if body.get("stream"):
        # Show the events as they arrive instead of after the reply ends.
        lines.append("  --no-buffer \\")
    # --data-binary, not --data: --data strips the line breaks of a file it reads.
    lines.append("  --data-binary @- <<'JSON'")
    return "\n".join([*lines, payload, "JSON"]) + "\n"
