"""Building the JSON body of a compatible-mode chat completion request.

Only fields the service accepts are sent: it rejects unknown OpenAI fields (``store``, role
``developer``, ``reasoning_effort``…), ``enable_thinking: false`` on always-thinking models and
non-streamed thinking calls, so the builder decides per model what to include.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = [
    "ChatRequest",
    "ImageInput",
    "MediaInput",
    "RequestError",
    "Turn",
    "VideoInput",
    "build_body",
    "chat_request",
]


class RequestError(ValueError):
    """The request cannot be made as asked (e.g. ``--no-stream`` with a stream-only model)."""


@dataclass(frozen=True, slots=True)
class ImageInput:
    """One image of a turn: an http(s) URL passed through, or a ``data:`` URI of prepared bytes."""

    url: str
    max_pixels: int | None = None
    min_pixels: int | None = None
    #: prepared for the ``vl_high_resolution_images`` budget: the request must switch it on
    #: (a request-level flag, so one High image switches it on for the whole request)
    high_resolution: bool = False

    def to_part(self) -> dict[str, Any]:
        image_url: dict[str, Any] = {"url": self.url}
        # The service reads the pixel budget from inside the image_url object.
        if self.max_pixels is not None:
            image_url["max_pixels"] = self.max_pixels
        if self.min_pixels is not None:
            image_url["min_pixels"] = self.min_pixels
        return {"type": "image_url", "image_url": image_url}


@dataclass(frozen=True, slots=True)
class VideoInput:
    """One video of a turn: frames as ``data:`` URIs (a local clip), or an http(s) URL.

    ``fps`` tells the model how far apart the frames are in time (it reads it as time, so the
    frames of a clip reduced to fewer frames carry their real spacing, not the one asked for).
    """

    fps: float
    frames: tuple[str, ...] = ()
    url: str | None = None

    #: a video never asks for ``vl_high_resolution_images`` (it has its own frame budget)
    high_resolution = False

    def to_part(self) -> dict[str, Any]:
        if self.url is not None:
            return {"type": "video_url", "video_url": {"url": self.url}, "fps": self.fps}
        return {"type": "video", "video": list(self.frames), "fps": self.fps}


#: What a user turn carries besides text, in the order the person gave it.
MediaInput = ImageInput | VideoInput


@dataclass(frozen=True, slots=True)
class Turn:
    role: Literal["user", "assistant"]
    text: str
    #: images and videos, in their order (the name predates videos)
    images: tuple[MediaInput, ...] = ()
    #: a last assistant turn the model continues from its last character (DashScope's
    #: "partial mode": Continue on a stopped answer; see ``Conversation.continuation_turns``)
    partial: bool = False

    def to_message(self) -> dict[str, Any]:
        message: dict[str, Any]
        if not self.images:
            message = {"role": self.role, "content": self.text}
        else:
            parts: list[dict[str, Any]] = []
            if self.text:
                parts.append({"type": "text", "text": self.text})
            parts.extend(image.to_part() for image in self.images)
            message = {"role": self.role, "content": parts}
        if self.partial:
            message["partial"] = True
        return message


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """One question with its history. ``thinking=None`` keeps the model's default."""

    model: str
    turns: tuple[Turn, ...]
    system: str | None = None
    stream: bool = True
    thinking: bool | None = None
    thinking_budget: int | None = None
    high_resolution: bool = False
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def chat_request(
    model: str,
    turns: Sequence[Turn],
    *,
    system: str | None = None,
    image_detail: Literal["standard", "high", "economy"] = "standard",
    stream: bool = True,
    thinking: bool | None = None,
    thinking_budget: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    max_tokens: int | None = None,
    seed: int | None = None,
) -> ChatRequest:
    """The request for ``turns``: the one place the window and ``ask`` turn settings into one.

    ``image_detail`` is the setting of the same name; ``"high"`` asks the service for the larger
    pixel budget the images were prepared for. Thinking is passed as given: the window applies
    its switch per model first (:meth:`~.catalog.ModelInfo.thinking_switch`), while ``ask``
    lets :func:`check_request` refuse what the model cannot do.
    """
    return ChatRequest(
        model=model,
        turns=tuple(turns),
        system=system,
        stream=stream,
        thinking=thinking,
        thinking_budget=thinking_budget,
        high_resolution=image_detail == "high",
        temperature=temperature,
        top_p=top_p,
        max_tokens=max_tokens,
        seed=seed,
    )


def effective_stream(request: ChatRequest, info: ModelInfo) -> bool:
    """Stream-only and thinking models are always streamed; hybrid thinking too when it is on."""
    return request.stream or info.must_stream or bool(request.thinking)


def check_request(request: ChatRequest, info: ModelInfo) -> None:
    """Refuse combinations the service would answer with a 400, with a sentence saying why."""
    last = request.turns[-1] if request.turns else None
    if last is None or (last.role != "user" and not last.partial):
        raise RequestError("a request must end with a user turn (or a partial assistant turn)")
    if any(turn.partial for turn in request.turns[:-1]):
        raise RequestError("only the last turn can be partial")
    if request.thinking is False and info.thinking == "always":
        raise RequestError(f"{info.name} always thinks; thinking cannot be switched off")
    if request.thinking and info.thinking == "none" and info.known:
        raise RequestError(f"{info.name} has no thinking mode")
    if request.thinking_budget is not None and request.thinking_budget <= 0:
        raise RequestError("the thinking budget must be a positive number of tokens")
    if request.temperature is not None and not 0 <= request.temperature < 2:
        raise RequestError("temperature must be in [0, 2)")
    if request.top_p is not None and not 0 < request.top_p <= 1:
        raise RequestError("top_p must be in (0, 1]")
    if request.max_tokens is not None and request.max_tokens <= 0:
        raise RequestError("max_tokens must be positive")


def _wants_high_resolution(request: ChatRequest) -> bool:
    """The setting asks for it, or an image (this turn's or an earlier one resent) was prepared
    for it: without the flag the service would shrink that image to the default budget."""
    return request.high_resolution or any(
        image.high_resolution for turn in request.turns for image in turn.images
    )


def build_body(request: ChatRequest, info: ModelInfo) -> dict[str, Any]:
    """The JSON body for ``POST {base}/chat/completions``."""
    check_request(request, info)
    messages: list[dict[str, Any]] = []
    # QVQ ignores system messages; sending one only costs tokens.
    if request.system and not info.ignores_system_prompt:
        messages.append({"role": "system", "content": request.system})
    messages.extend(turn.to_message() for turn in request.turns)
    body: dict[str, Any] = {"model": request.model, "messages": messages}
    stream = effective_stream(request, info)
    if stream:
        body["stream"] = True
        body["stream_options"] = {"include_usage": True}
    if request.thinking is not None and info.thinking != "always":
        body["enable_thinking"] = request.thinking
    if request.thinking_budget is not None and (request.thinking or info.thinking == "always"):
        body["thinking_budget"] = request.thinking_budget
    if _wants_high_resolution(request) and info.high_resolution_supported:
        body["vl_high_resolution_images"] = True
    # QVQ documents that sampling parameters should stay at their defaults.
    sampling_allowed = info.group != "QVQ"
    for name in ("temperature", "top_p", "seed"):
        value = getattr(request, name)
        if value is not None and sampling_allowed:
            body[name] = value
    if request.max_tokens is not None:
        body["max_tokens"] = request.max_tokens
    body.update(request.extra)
    return body
