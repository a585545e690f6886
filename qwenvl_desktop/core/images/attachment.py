"""One way in: every image source becomes an :class:`Attachment` through :func:`prepare_attachment`.

A file path, dropped bytes, a clipboard image, a screen capture and an http(s) URL all pass the
same checks and the same resize, so the window, the command line and the tests cannot disagree
about what is sent or what it costs.
"""

from __future__ import annotations

import asyncio
import functools
import io
import os
from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import IO, Literal

from PIL import Image

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.budget import (
    ECONOMY_TOKENS,
    Detail,
    PixelBudget,
    pixel_budget,
    smart_resize,
)
from qwenvl_desktop.core.images.decode import (
    REDUCING_GAP,
    DecodedImage,
    decode_to_target,
    open_encoded,
)
from qwenvl_desktop.core.images.encode import (
    JPEG_QUALITY_FLOOR,
    Encoded,
    as_encoded,
    choose_encoding,
    encode_jpeg,
    fit_under_limit,
    looks_like_photo,
)
from qwenvl_desktop.core.images.errors import ImageTooLargeError
from qwenvl_desktop.core.images.sources import (
    classify_text_source,
    display_path,
    open_image_file,
    short_name,
)
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.protocol.request import ImageInput

__all__ = [
    "Attachment",
    "AttachmentWithPixels",
    "ImageSource",
    "estimate_turn_tokens",
    "prepare_attachment",
    "prepare_attachment_async",
    "prepare_attachment_with_pixels",
]

#: What :func:`prepare_attachment` accepts. ``str``: an http(s) URL (passed through), a ``data:``
#: or ``file://`` URI, else a path. ``bytes``: encoded image data (a drop, the clipboard).
#: ``PIL.Image.Image``: pixels the GUI already decoded (clipboard image, screen capture).
ImageSource = str | os.PathLike[str] | bytes | Image.Image


@dataclass(frozen=True)
class Attachment:
    """One image ready to send, and what the UI shows about it.

    ``scale`` (sent size / original size, per axis) is kept so that boxes the model returns in
    sent-image pixels can be mapped back onto the original.
    """

    source: str
    kind: Literal["file", "url", "data"]
    original_size: tuple[int, int] | None
    original_format: str | None
    mime: str | None
    url: str
    sent_size: tuple[int, int] | None
    scale: tuple[float, float] | None
    estimated_tokens: int
    max_pixels: int
    upload_bytes: int
    notes: tuple[str, ...] = ()
    #: the detail the image was prepared at (High only where the model takes the flag)
    detail: Detail = "standard"

    def to_image_input(self) -> ImageInput:
        """The request part; ``max_pixels`` rides inside ``image_url`` so the service keeps it.

        ``max_pixels`` is never below the model's default budget (an Economy image is made
        smaller here instead), so it never stops the service from using its default.
        """
        return ImageInput(
            self.url, max_pixels=self.max_pixels, high_resolution=self.detail == "high"
        )

    def summary(self) -> str:
        """One line for a tooltip or ``--verbose``: what goes out and what it costs."""
        tokens = f"{self.estimated_tokens:,}"
        if self.sent_size is None:
            return (
                translate("AttachmentNotes", "%1 — link, up to %2 tokens")
                .replace("%1", self.source)
                .replace("%2", tokens)
            )
        ow, oh = self.original_size or self.sent_size
        sw, sh = self.sent_size
        fmt = (self.mime or "").removeprefix("image/").upper()
        original = (
            f"{ow}×{oh} {self.original_format}"
            if self.original_format
            else translate("AttachmentNotes", "%1×%2 image")
            .replace("%1", str(ow))
            .replace("%2", str(oh))
        )
        return (
            translate("AttachmentNotes", _SUMMARIES[self.detail])
            .replace("%1", self.source)
            .replace("%2", original)
            .replace("%3", f"{sw}×{sh} {fmt}")
            .replace("%4", f"{self.upload_bytes / 1024:,.0f}")
            .replace("%5", tokens)
        )


#: the summary line per image detail (%1 the source, %2 the original, %3 what is sent)
_SUMMARIES: dict[Detail, str] = {
    "standard": translatable("AttachmentNotes", "%1 — %2 → %3, %4 KiB, ≈%5 tokens"),
    "high": translatable("AttachmentNotes", "%1 — %2 → %3, %4 KiB, ≈%5 tokens (high resolution)"),
    "economy": translatable("AttachmentNotes", "%1 — %2 → %3, %4 KiB, ≈%5 tokens (economy)"),
}


@dataclass(frozen=True, slots=True)
class AttachmentWithPixels:
    """An attachment and the pixels its bytes encode, so a preview needs no second decode.

    ``pixels`` is what the model will see (transparency already on white when the bytes are
    JPEG); None for a link, which the service downloads.
    """

    attachment: Attachment
    pixels: Image.Image | None


def estimate_turn_tokens(attachments: Iterable[Attachment]) -> int:
    """The image tokens of one turn: the sum of its attachments' estimates."""
    return sum(a.estimated_tokens for a in attachments)


def prepare_attachment(
    source: ImageSource,
    *,
    model: ModelInfo,
    detail: Detail = "standard",
    label: str | None = None,
    economy_tokens: int = ECONOMY_TOKENS,
) -> Attachment:
    """Turn any image source into an :class:`Attachment` for ``model`` at ``detail``.

    ``economy_tokens`` is the cap of the Economy detail (ignored by the others).

    Blocking (decoding and encoding take up to a few hundred milliseconds for a large photo): the
    window calls :func:`prepare_attachment_async`. ``label`` names the source in the attachment
    and in messages (default: the path, the URL, "dropped image" or "pasted image").

    Raises an :class:`~.errors.ImageError` subclass with a sentence for anything unusable;
    nothing else escapes for bad input, and no state is shared between calls, so one bad image
    never affects the others of a turn.
    """
    return prepare_attachment_with_pixels(
        source, model=model, detail=detail, label=label, economy_tokens=economy_tokens
    ).attachment


def prepare_attachment_with_pixels(
    source: ImageSource,
    *,
    model: ModelInfo,
    detail: Detail = "standard",
    label: str | None = None,
    economy_tokens: int = ECONOMY_TOKENS,
) -> AttachmentWithPixels:
    """:func:`prepare_attachment`, also handing over the pixels it encoded (for thumbnails)."""
    budget = pixel_budget(model, detail, economy_tokens=economy_tokens)
    prepared = _prepare(source, label, budget)
    if detail == "high" and not budget.high_resolution:
        note = translate(
            "AttachmentNotes",
            "%1 does not take the high-resolution flag: sent at its default budget",
        ).replace("%1", model.name)
        attachment = replace(prepared.attachment, notes=(*prepared.attachment.notes, note))
        return AttachmentWithPixels(attachment, prepared.pixels)
    return prepared


def _prepare(source: ImageSource, label: str | None, budget: PixelBudget) -> AttachmentWithPixels:
    if isinstance(source, Image.Image):
        return _from_pixels(source, label or "pasted image", budget)
    if isinstance(source, bytes | bytearray | memoryview):
        return _from_bytes(bytes(source), label or "dropped image", budget)
    if isinstance(source, str):
        text = classify_text_source(source)
        if text.kind == "url":
            assert text.url is not None
            return _from_url(text.url, label or text.url, budget)
        if text.kind == "data":
            assert text.data is not None
            return _from_bytes(text.data, label or "data URI", budget)
        assert text.path is not None
        path = text.path
    else:
        fs_path = os.fspath(source)
        path = fs_path if isinstance(fs_path, str) else os.fsdecode(fs_path)
    name = label or display_path(path)
    with open_image_file(path, name) as fp:
        return _from_stream(fp, name, "file", budget)


async def prepare_attachment_async(
    source: ImageSource,
    *,
    model: ModelInfo,
    detail: Detail = "standard",
    label: str | None = None,
    executor: Executor | None = None,
    economy_tokens: int = ECONOMY_TOKENS,
) -> Attachment:
    """:func:`prepare_attachment` in ``executor`` (the loop's default when None).

    Pillow releases the GIL while it decodes, resamples and compresses, so a thread pool keeps
    the event loop — and the window on it — responsive. Cancelling the await abandons the result;
    the work itself finishes in the background. A ``PIL.Image`` source must not be changed while
    it is being read.
    """
    loop = asyncio.get_running_loop()
    work = functools.partial(
        prepare_attachment,
        source,
        model=model,
        detail=detail,
        label=label,
        economy_tokens=economy_tokens,
    )
    return await loop.run_in_executor(executor, work)


def _from_url(url: str, name: str, budget: PixelBudget) -> AttachmentWithPixels:
    # Not downloaded: the service fetches it, so its size and cost are known only up to the budget.
    attachment = Attachment(
        source=name,
        kind="url",
        original_size=None,
        original_format=None,
        mime=None,
        url=url,
        sent_size=None,
        scale=None,
        estimated_tokens=budget.max_image_tokens,
        max_pixels=budget.request_max_pixels,
        upload_bytes=len(url),
        notes=("downloaded by the service; the token count is the budget's upper bound",),
        detail=budget.detail,
    )
    return AttachmentWithPixels(attachment, None)


def _from_bytes(data: bytes, name: str, budget: PixelBudget) -> AttachmentWithPixels:
    with io.BytesIO(data) as fp:
        return _from_stream(fp, name, "data", budget)


def _from_stream(
    fp: IO[bytes], name: str, kind: Literal["file", "data"], budget: PixelBudget
) -> AttachmentWithPixels:
    with open_encoded(fp, name) as im:
        return _finish(decode_to_target(im, name, budget, fp=fp), name, kind, budget)


def _from_pixels(im: Image.Image, name: str, budget: PixelBudget) -> AttachmentWithPixels:
    return _finish(decode_to_target(im, name, budget, fp=None), name, "data", budget)


def _finish(
    decoded: DecodedImage, name: str, kind: Literal["file", "data"], budget: PixelBudget
) -> AttachmentWithPixels:
    """Encode the decoded pixels within the data-URI limit and describe the result."""
    image = decoded.image
    notes = list(decoded.notes)
    photo = looks_like_photo(image)
    original = None
    if decoded.original_bytes is not None and decoded.original_format is not None:
        fmt = decoded.original_format
        original = Encoded(decoded.original_bytes, fmt, lossless=fmt == "PNG", original=True)
    chosen = choose_encoding(image, photo=photo, original=original)
    encoded = fit_under_limit(image, chosen, photo=photo)
    shrunk = encoded is None
    while encoded is None:
        # Even the lowest JPEG quality is too large: only now give up pixels.
        image = _fewer_pixels(image, decoded.original_size, budget, photo=photo, name=name)
        chosen = choose_encoding(image, photo=photo)
        encoded = fit_under_limit(image, chosen, photo=photo)
    if shrunk:
        notes.append(
            translate(
                "AttachmentNotes", "reduced to %1×%2 px to stay under the %3 MiB data-URI limit"
            )
            .replace("%1", str(image.width))
            .replace("%2", str(image.height))
            .replace("%3", f"{limits.MAX_DATA_URI_BYTES / 2**20:g}")
        )
    notes.append(chosen.why)
    if encoded is not chosen:
        notes.append(encoded.why)
    if encoded.format == "JPEG" and image.mode in ("LA", "RGBA"):
        notes.append(
            translate(
                "AttachmentNotes", "transparency flattened onto white (JPEG has no alpha channel)"
            )
        )
    url = encoded.data_uri()
    ow, oh = decoded.original_size
    sw, sh = image.size
    attachment = Attachment(
        source=name,
        kind=kind,
        original_size=decoded.original_size,
        original_format=decoded.original_format,
        mime=encoded.mime,
        url=url,
        sent_size=(sw, sh),
        scale=(sw / ow, sh / oh),
        estimated_tokens=budget.tokens(sw, sh),
        max_pixels=budget.request_max_pixels,
        upload_bytes=len(url),
        notes=tuple(notes),
        detail=budget.detail,
    )
    return AttachmentWithPixels(attachment, as_encoded(image, encoded))


def _fewer_pixels(
    image: Image.Image,
    original_size: tuple[int, int],
    budget: PixelBudget,
    *,
    photo: bool,
    name: str,
) -> Image.Image:
    """``image`` on the same grid with fewer pixels, sized from the lowest-quality JPEG's excess."""
    smallest = encode_jpeg(image, JPEG_QUALITY_FLOOR, photo=photo)
    share = 0.9 * limits.MAX_DATA_URI_BYTES / smallest.uri_length
    pixels = image.width * image.height
    max_pixels = max(budget.min_pixels, int(pixels * share))
    ow, oh = original_size
    h, w = smart_resize(oh, ow, budget.grid, budget.min_pixels, max_pixels)
    if w * h >= pixels:  # already as small as the service allows: cannot happen for real limits
        raise ImageTooLargeError(
            translate("Errors", "%1 cannot be made small enough for %2 bytes.")
            .replace("%1", str(short_name(name)))
            .replace("%2", f"{limits.MAX_DATA_URI_BYTES:,}"),
            source=name,
        )
    return image.resize((w, h), Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)
