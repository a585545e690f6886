"""Exporting a conversation: Markdown with image files, and JSON (read back on import).

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
        }],
        "videos": [{                                   # absent when the question had none
          "after_images": 0,                         # how many attachments come before it
          "url": "https://…" | null,                  # a link passed through, else null
          "source": "clip.mp4", "kind": "file" | "animation" | "url", "fps": 2.0,
          "duration": 20.0 | null, "original_size": [w, h] | null, "sent_size": [w, h] | null,
          "codec": "h264" | null, "estimated_tokens": 14402, "upload_bytes": 812345,
          "notes": ["…"],
          "frames": [{"timestamp": 0.25, "url": "data:image/jpeg;base64,…"}, …]
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
A video's frames are written to a folder of their own (``video-003-1/frame-0001.jpg``), each
distinct frame once; the Markdown shows a strip of up to :data:`MARKDOWN_STRIP` of them, with
their times, and links the folder.

One turn as a ``curl`` command is :mod:`qwenvl_desktop.core.protocol.curl`: it is about the
request, not the stored conversation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.conversation.model import Conversation, Exchange, PlacedVideo, new_id
from qwenvl_desktop.core.conversation.words import error_reference, export_state_note, usage_line
from qwenvl_desktop.core.history.records import (
    attachment_from_record,
    attachment_to_record,
    error_from_record,
    reply_to_record,
    state_from_record,
    usage_from_record,
    video_from_record,
    video_to_record,
)
from qwenvl_desktop.core.images import Attachment
from qwenvl_desktop.core.images.data_uri import is_data_uri, parse_data_uri, split_data_uri
from qwenvl_desktop.core.settings.atomic_file import write_bytes_atomically
from qwenvl_desktop.core.video.attachment import VideoFrame, format_timestamp

__all__ = [
    "JSON_FORMAT",
    "JSON_VERSION",
    "MARKDOWN_FILENAME",
    "ExportFormatError",
    "from_json",
    "to_json",
    "to_markdown",
]

JSON_FORMAT = "qwenvl-desktop.conversation"
JSON_VERSION = 1
MARKDOWN_FILENAME = "conversation.md"
#: Frames of a video shown inline in the Markdown (all are written to its folder).
MARKDOWN_STRIP = 8

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
            for video_number, placed in _videos_before(exchange, number - 1):
                lines += _video_lines(placed, turn, video_number, folder, written)
            target = _image_target(attachment, turn, number, folder, written)
            lines += [f"![{_alt_text(attachment, number)}]({target})", ""]
        for video_number, placed in _videos_before(exchange, None):
            lines += _video_lines(placed, turn, video_number, folder, written)
        heading = " · ".join(x for x in (exchange.model, exchange.region) if x)
        lines += [f"### Answer{' — ' + heading if heading else ''}", ""]
        lines += [f"*{_when(exchange.created_at)}*", ""]
        if exchange.reasoning:
            lines += ["<details>", "<summary>Reasoning</summary>", ""]
            lines += [exchange.reasoning, "", "</details>", ""]
        if exchange.answer:
            lines += [exchange.answer, ""]
        note = export_state_note(exchange)
        if exchange.state == "failed" and exchange.error is not None:
            reference = error_reference(exchange.error)
            failed = f"> **Failed:** {exchange.error.sentence}"
            lines += [failed + (f" ({reference})" if reference else ""), ""]
        elif note:
            lines += [f"> *{note}*", ""]
        usage = usage_line(exchange)
        if usage:
            lines += [f"<sub>{usage}</sub>", ""]
    path = folder / MARKDOWN_FILENAME
    write_bytes_atomically(path, "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n")
    return path


def _videos_before(exchange: Exchange, image_index: int | None) -> list[tuple[int, PlacedVideo]]:
    """The videos (numbered from 1) placed just before image ``image_index``; None: the end."""
    count = len(exchange.attachments)
    out = []
    for number, placed in enumerate(exchange.videos, start=1):
        place = min(max(placed.after_images, 0), count)
        if (image_index is None and place == count) or place == image_index:
            out.append((number, placed))
    return out


def _video_lines(
    placed: PlacedVideo, turn: int, number: int, folder: Path, written: dict[str, str]
) -> list[str]:
    """A heading line for the video, its frames written to a folder, a strip of a few."""
    video = placed.video
    name = Path(video.source).name if video.kind != "url" else video.source
    name = (name or f"video {number}").replace("[", "\\[").replace("]", "\\]")
    if video.kind == "url" or not video.frames:
        link = "<" + (video.url or "").replace(">", "%3E") + ">"
        return [f"**Video:** [{name}]({link}) (sampled by the service at {video.fps:g} fps)", ""]
    subfolder = f"video-{turn:03d}-{number}"
    targets = [_frame_target(f, subfolder, i, folder, written) for i, f in enumerate(video.frames)]
    length = format_timestamp(video.duration or 0.0)
    lines = [
        f"**Video:** {name} — {length}, {len(video.frames)} frames sent at {video.fps:g} fps "
        f"([all frames]({subfolder}/))",
        "",
    ]
    count = len(video.frames)
    picks = min(count, MARKDOWN_STRIP)
    shown = sorted({round(i * (count - 1) / max(1, picks - 1)) for i in range(picks)})
    strip = [f"![{format_timestamp(video.frames[i].timestamp)}]({targets[i]})" for i in shown]
    return [*lines, " ".join(strip), ""]


def _frame_target(
    frame: VideoFrame, subfolder: str, index: int, folder: Path, written: dict[str, str]
) -> str:
    data, mime = _image_bytes(frame.url)
    digest = hashlib.sha256(data).hexdigest()
    name = written.get(digest)
    if name is None:
        name = f"{subfolder}/frame-{index + 1:04d}.{_extension(mime)}"
        (folder / subfolder).mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(folder / name, data)
        written[digest] = name
    return name


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines()]


def _image_target(
    attachment: Attachment, turn: int, number: int, folder: Path, written: dict[str, str]
) -> str:
    if not is_data_uri(attachment.url):
        return "<" + attachment.url.replace(">", "%3E") + ">"
    data, mime = _image_bytes(attachment.url)
    digest = hashlib.sha256(data).hexdigest()
    name = written.get(digest)
    if name is None:
        name = f"image-{turn:03d}-{number}.{_extension(mime)}"
        write_bytes_atomically(folder / name, data)
        written[digest] = name
    return name


def _image_bytes(url: str) -> tuple[bytes, str]:
    """The bytes and MIME type of a data URI; an unreadable one becomes an empty file."""
    image = split_data_uri(url)
    if image is not None:
        return image.data, image.mime
    # A data URI in a form the store does not split: keep its bytes rather than lose them.
    parsed = parse_data_uri(url)
    data = b""
    if parsed is not None and parsed.is_base64:
        try:
            data = parsed.decode()
        except ValueError:
            data = b""
    mime = parsed.mime if parsed is not None else ""
    return data, mime or "application/octet-stream"


# ---- JSON -------------------------------------------------------------------------------------


def _exchange_to_json(exchange: Exchange) -> dict[str, Any]:
    return {
        "id": exchange.id,
        "question": exchange.question,
        "model": exchange.model,
        "region": exchange.region,
        "created_at": exchange.created_at,
        **reply_to_record(exchange),
        "attachments": [{"url": a.url, **attachment_to_record(a)} for a in exchange.attachments],
        **({"videos": [_video_to_json(v) for v in exchange.videos]} if exchange.videos else {}),
    }


def _video_to_json(placed: PlacedVideo) -> dict[str, Any]:
    video = placed.video
    return {
        "after_images": placed.after_images,
        "url": video.url,
        **video_to_record(video),
        "frames": [{"timestamp": f.timestamp, "url": f.url} for f in video.frames],
    }


def _video_from_json(item: Any) -> PlacedVideo | None:
    """A video of an export; None for an entry that is not one (ignored, as unknown keys are)."""
    if not isinstance(item, dict):
        return None
    frames_in = item.get("frames", [])
    frames = tuple(
        VideoFrame.from_url(float(f["timestamp"]), f["url"])
        for f in (frames_in if isinstance(frames_in, list) else [])
        if isinstance(f, dict)
        and isinstance(f.get("url"), str)
        and isinstance(f.get("timestamp"), int | float)
        and not isinstance(f.get("timestamp"), bool)
    )
    url = item.get("url")
    after = item.get("after_images")
    return PlacedVideo(
        video_from_record(item, frames, url if isinstance(url, str) else None),
        after if isinstance(after, int) and not isinstance(after, bool) and after >= 0 else 0,
    )


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
        videos_in = item.get("videos", [])
        videos = [
            placed
            for placed in map(_video_from_json, videos_in if isinstance(videos_in, list) else [])
            if placed is not None
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
                videos=videos,
            )
        )
    return Conversation(
        exchanges=exchanges,
        title=_str(document, "title"),
        id=_optional_str(document, "id") or new_id(),
        created_at=_number(document, "created_at") or 0.0,
        system=_optional_str(document, "system"),
    )
