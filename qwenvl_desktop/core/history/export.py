"""Exporting a conversation: Markdown with image files, JSON, and one turn as a ``curl`` command.

JSON shape (:func:`to_json`, read back by :func:`from_json`)
=============================================================
One object; images are inline as ``data:`` URIs (base64), so the file stands alone::

    {
      "format": "qwenvl-desktop.conversation",
      "version": 1,
      "id": "…", "title": "…", "system": "…" | null,
      "created_at": 1735689600.25,                 # Unix time, seconds
      "created_at_utc": "2025-01-01T00:00:00Z",    # the same, for people (ignored on import)
      "exchanges": [{
        "id": "…", "question": "…", "model": "qwen3-vl-plus", "region": "intl",
        "created_at": 1735689600.5,
        "state": "done",           # pending|streaming|done|stopped|failed|incomplete
        "answer": "…", "reasoning": "…", "finish_reason": "stop" | null,
        "first_token_seconds": 0.8 | null,
        "usage": {"prompt_tokens": 1300, "completion_tokens": 40, …} | null,  # keys reported only
        "error": {"kind", "sentence", "status", "code", "message", "request_id"} | null,
        "attachments": [{
          "url": "data:image/png;base64,…" | "https://…",   # exactly what was sent
          "source": "photo.jpg", "kind": "file" | "url" | "data", "mime": "image/png" | null,
          "original_size": [w, h] | null, "original_format": "JPEG" | null,
          "sent_size": [w, h] | null, "scale": [sx, sy] | null,
          "estimated_tokens": 1234, "max_pixels": 1310720, "upload_bytes": 123456,
          "notes": ["…"]
        }]
      }]
    }

Readers must ignore keys they do not know; a new key does not change ``version``, a changed
meaning does.

Markdown (:func:`to_markdown`)
==============================
``conversation.md`` in the chosen folder, with each image written beside it
(``image-003-1.png``: turn 3, first image) and linked relatively, so the folder can be moved or
zipped. Linked (http) images stay links. Reasoning sits in a collapsible ``<details>`` block.

curl (:func:`curl_command`)
===========================
The exact body the app sends for that turn (built by the protocol layer's ``build_body`` from the
conversation's history up to it), with the key left to the shell as ``$DASHSCOPE_API_KEY``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import mimetypes
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.conversation.model import Conversation, Exchange, new_id
from qwenvl_desktop.core.history.records import (
    attachment_from_record,
    attachment_to_record,
    error_from_record,
    error_to_record,
    state_from_record,
    usage_from_record,
    usage_to_record,
)
from qwenvl_desktop.core.images import Attachment
from qwenvl_desktop.core.images.data_uri import split_data_uri
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.request import ChatRequest, build_body

__all__ = [
    "JSON_FORMAT",
    "JSON_VERSION",
    "MARKDOWN_FILENAME",
    "ExportFormatError",
    "curl_command",
    "from_json",
    "request_for",
    "to_json",
    "to_markdown",
    "usage_line",
]

JSON_FORMAT = "qwenvl-desktop.conversation"
JSON_VERSION = 1
MARKDOWN_FILENAME = "conversation.md"

_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "image/heic": "heic",
    "image/heif": "heif",
    "image/gif": "gif",
}


class ExportFormatError(ValueError):
    """A JSON text is not a conversation export this version can read."""


# ---- Markdown ---------------------------------------------------------------------------------


def _extension(mime: str) -> str:
    known = _EXTENSIONS.get(mime.lower())
    if known:
        return known
    guessed = mimetypes.guess_extension(mime)
    return guessed.lstrip(".") if guessed else "bin"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename: an interrupted export leaves no half file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _alt_text(attachment: Attachment, number: int) -> str:
    if attachment.kind == "file":
        # The name only: a full local path in a shared file would say more than intended.
        name = Path(attachment.source).name or f"image {number}"
    elif attachment.kind == "url":
        name = attachment.source or f"image {number}"
    else:
        name = f"image {number}"
    return name.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def usage_line(exchange: Exchange) -> str | None:
    """``Usage: 1,300 prompt tokens (1,250 for images) · 40 completion (20 reasoning) · …``."""
    usage = exchange.usage
    parts: list[str] = []
    if usage is not None:
        if usage.prompt_tokens is not None:
            extra = f" ({usage.image_tokens:,} for images)" if usage.image_tokens else ""
            parts.append(f"{usage.prompt_tokens:,} prompt tokens{extra}")
        if usage.completion_tokens is not None:
            extra = f" ({usage.reasoning_tokens:,} reasoning)" if usage.reasoning_tokens else ""
            parts.append(f"{usage.completion_tokens:,} completion tokens{extra}")
        if usage.total_tokens is not None:
            parts.append(f"{usage.total_tokens:,} total")
    if exchange.first_token_seconds is not None:
        parts.append(f"first token after {exchange.first_token_seconds:.1f} s")
    return "Usage: " + " · ".join(parts) if parts else None


_STATE_NOTES = {
    "pending": "Not sent.",
    "streaming": "Still arriving when exported.",
    "stopped": "Stopped before the end.",
    "incomplete": "Incomplete: the app closed while this reply was arriving.",
}


def to_markdown(conversation: Conversation, folder: Path) -> Path:
    """Write ``conversation.md`` and its images into ``folder`` (created if needed); its path.

    Files of an earlier export to the same folder are overwritten.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}  # sha256 -> file name, so a repeated image is written once
    lines = [f"# {conversation.title or 'Conversation'}", ""]
    lines += [f"*Exported from Qwen-VL Desktop · started {_when(conversation.created_at)}*", ""]
    if conversation.system:
        lines += ["**System prompt:**", "", *_quote(conversation.system), ""]
    for turn, exchange in enumerate(conversation.exchanges, start=1):
        lines += [f"## {turn}. Question", ""]
        if exchange.question:
            lines += [exchange.question, ""]
        for number, attachment in enumerate(exchange.attachments, start=1):
            target = _image_target(attachment, turn, number, folder, written)
            lines += [f"![{_alt_text(attachment, number)}]({target})", ""]
        heading = " · ".join(x for x in (exchange.model, exchange.region) if x)
        lines += [f"### Answer{' — ' + heading if heading else ''}", ""]
        lines += [f"*{_when(exchange.created_at)}*", ""]
        if exchange.reasoning:
            lines += ["<details>", "<summary>Reasoning</summary>", ""]
            lines += [exchange.reasoning, "", "</details>", ""]
        if exchange.answer:
            lines += [exchange.answer, ""]
        if exchange.state == "failed" and exchange.error is not None:
            error = exchange.error
            details = ", ".join(
                str(x) for x in (error.status, error.code, error.request_id) if x is not None
            )
            lines += [f"> **Failed:** {error.sentence}" + (f" ({details})" if details else ""), ""]
        elif exchange.state in _STATE_NOTES:
            lines += [f"> *{_STATE_NOTES[exchange.state]}*", ""]
        usage = usage_line(exchange)
        if usage:
            lines += [f"<sub>{usage}</sub>", ""]
    path = folder / MARKDOWN_FILENAME
    _write_atomically(path, "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n")
    return path


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines()]


def _image_target(
    attachment: Attachment, turn: int, number: int, folder: Path, written: dict[str, str]
) -> str:
    image = split_data_uri(attachment.url)
    if image is None:
        if not attachment.url.startswith("data:"):
            return "<" + attachment.url.replace(">", "%3E") + ">"
        # A data URI in a form the store does not split: keep its bytes rather than lose them.
        header, _, payload = attachment.url.partition(",")
        try:
            data = base64.b64decode(payload) if header.endswith(";base64") else b""
        except ValueError:
            data = b""
        mime = header[len("data:") :].split(";", 1)[0] or "application/octet-stream"
    else:
        data, mime = image.data, image.mime
    digest = hashlib.sha256(data).hexdigest()
    name = written.get(digest)
    if name is None:
        name = f"image-{turn:03d}-{number}.{_extension(mime)}"
        _write_atomically(folder / name, data)
        written[digest] = name
    return name


# ---- JSON -------------------------------------------------------------------------------------


def _exchange_to_json(exchange: Exchange) -> dict[str, Any]:
    return {
        "id": exchange.id,
        "question": exchange.question,
        "model": exchange.model,
        "region": exchange.region,
        "created_at": exchange.created_at,
        "state": exchange.state,
        "answer": exchange.answer,
        "reasoning": exchange.reasoning,
        "finish_reason": exchange.finish_reason,
        "first_token_seconds": exchange.first_token_seconds,
        "usage": usage_to_record(exchange.usage),
        "error": error_to_record(exchange.error),
        "attachments": [{"url": a.url, **attachment_to_record(a)} for a in exchange.attachments],
    }


def to_json(conversation: Conversation, *, indent: int | None = 2) -> str:
    """The conversation as JSON text in the shape documented at the top of this module."""
    created = dt.datetime.fromtimestamp(conversation.created_at, dt.UTC)
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "id": conversation.id,
        "title": conversation.title,
        "system": conversation.system,
        "created_at": conversation.created_at,
        "created_at_utc": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exchanges": [_exchange_to_json(e) for e in conversation.exchanges],
    }
    return json.dumps(document, ensure_ascii=False, indent=indent)


def _str(obj: dict[str, Any], key: str, default: str = "") -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        raise ExportFormatError(f"{key!r} should be text")
    return value


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ExportFormatError(f"{key!r} should be text or null")
    return value


def _number(obj: dict[str, Any], key: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExportFormatError(f"{key!r} should be a number")
    return float(value)


def from_json(text: str) -> Conversation:
    """Read a :func:`to_json` export back. Raises :class:`ExportFormatError` if it is not one."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise ExportFormatError(f"not JSON: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ExportFormatError("not a Qwen-VL Desktop conversation export")
    version = document.get("version")
    if not isinstance(version, int) or version > JSON_VERSION:
        raise ExportFormatError(f"export version {version!r} is newer than this app reads")
    items = document.get("exchanges")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ExportFormatError("'exchanges' should be a list of objects")
    exchanges: list[Exchange] = []
    for item in items:
        attachments_in = item.get("attachments", [])
        if not isinstance(attachments_in, list):
            raise ExportFormatError("'attachments' should be a list")
        attachments = [
            attachment_from_record(a, a["url"])
            for a in attachments_in
            if isinstance(a, dict) and isinstance(a.get("url"), str)
        ]
        exchanges.append(
            Exchange(
                _str(item, "question"),
                attachments,
                model=_str(item, "model"),
                region=_str(item, "region"),
                id=_optional_str(item, "id") or new_id(),
                created_at=_number(item, "created_at") or 0.0,
                answer=_str(item, "answer"),
                reasoning=_str(item, "reasoning"),
                usage=usage_from_record(item.get("usage")),
                finish_reason=_optional_str(item, "finish_reason"),
                state=state_from_record(item.get("state")),
                error=error_from_record(item.get("error")),
                first_token_seconds=_number(item, "first_token_seconds"),
            )
        )
    return Conversation(
        exchanges=exchanges,
        title=_str(document, "title"),
        id=_optional_str(document, "id") or new_id(),
        created_at=_number(document, "created_at") or 0.0,
        system=_optional_str(document, "system"),
    )


# ---- curl -------------------------------------------------------------------------------------


def request_for(
    conversation: Conversation, exchange: Exchange, template: ChatRequest | None = None
) -> ChatRequest:
    """The request the app sends for ``exchange``: its history, model and the system prompt.

    ``template`` carries the options of the actual request (thinking, detail, sampling…); its
    model, turns and system prompt are replaced by the conversation's.
    """
    turns = conversation.turns_for(exchange)
    if template is None:
        return ChatRequest(model=exchange.model, turns=turns, system=conversation.system)
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
) -> str:
    """A shell command that sends ``exchange`` (with its history) exactly as the app does.

    The key is read from ``$DASHSCOPE_API_KEY`` when the command runs; it never appears in the
    text. The body follows on standard input as a quoted here-document, so nothing in it is
    expanded by the shell. Pass as ``template`` the request the app sent for the turn so that
    its options (thinking, image detail…) match; see :func:`request_for`.
    """
    request = request_for(conversation, exchange, template)
    body = build_body(request, load_catalog().model(exchange.model))
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
