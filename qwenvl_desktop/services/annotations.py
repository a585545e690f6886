"""The boxes and points of each exchange: found in its finished answer, moved to another of its
images on request, and exported (a PNG drawn at the original size, a JSON in its pixels).

Finding, mapping and drawing are :mod:`qwenvl_desktop.core.grounding`'s; this keeps what was
found for each exchange of the conversation shown, says when it changed
(:attr:`AnnotationStore.changed`) and writes the exports. No widgets: the window shows the
state and asks for changes.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.grounding import Annotations, Box, ImageFrame, Point, find_annotations
from qwenvl_desktop.core.i18n import translate

if TYPE_CHECKING:
    from PIL import Image

    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.protocol import ModelInfo

__all__ = [
    "AnnotationStore",
    "TurnAnnotations",
    "annotations_json",
    "export_json",
    "export_png",
    "frames_of",
    "moved_to_image",
    "original_pixels",
]


@dataclass(frozen=True, slots=True)
class TurnAnnotations:
    """What one exchange's answer marks on its images, and the images' sizes."""

    exchange_id: str
    annotations: Annotations
    frames: tuple[ImageFrame, ...]

    def on_image(self, image: int) -> tuple[list[Box], list[Point]]:
        """The boxes and points drawn on ``image`` (0-based)."""
        boxes = [b for b in self.annotations.boxes if b.image == image]
        points = [p for p in self.annotations.points if p.image == image]
        return boxes, points

    @property
    def count(self) -> int:
        return len(self.annotations.boxes) + len(self.annotations.points)


def frames_of(exchange: Exchange) -> tuple[ImageFrame, ...]:
    """The sizes of the exchange's images as grounding needs them (original and sent)."""
    return tuple(_frame_of(a) for a in exchange.attachments)


def _frame_of(attachment: Attachment) -> ImageFrame:
    # A link has no size known here (the service downloads it): a unit frame keeps the indexes
    # of the others, and nothing is drawn on it (the viewer has no picture of it either).
    original = attachment.original_size or attachment.sent_size or (1, 1)
    return ImageFrame(original_size=original, sent_size=attachment.sent_size)


def moved_to_image(
    answer: str, frames: Sequence[ImageFrame], model: ModelInfo, target: int
) -> Annotations:
    """The answer's boxes and points all on image ``target``, read as the model would have
    meant them there: its coordinates are mapped again with that image's sizes (0–1000 of it,
    or pixels of it as the service resized it), not scaled from the image they were on."""
    as_target = [frames[target]] * len(frames)
    return find_annotations(answer, as_target, model).moved_to(target)


class AnnotationStore(QObject):
    """The annotations of the exchanges shown, by exchange id."""

    #: an exchange's annotations were found, moved or forgotten (exchange id)
    changed = Signal(str)

    def __init__(
        self, model_info: Callable[[str], ModelInfo], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._model_info = model_info
        self._turns: dict[str, TurnAnnotations] = {}
        #: the answer and model each turn's annotations were found in (to map them again)
        self._answers: dict[str, tuple[str, ModelInfo]] = {}

    def get(self, exchange_id: str) -> TurnAnnotations | None:
        """What the exchange's answer marks (None when it marks nothing)."""
        return self._turns.get(exchange_id)

    def update(self, exchange: Exchange) -> TurnAnnotations | None:
        """Find the boxes and points of an answer that ended (done, stopped or cut off)."""
        frames = frames_of(exchange)
        found = None
        if frames and exchange.answer:
            model = self._model_info(exchange.model)
            annotations = find_annotations(exchange.answer, frames, model)
            if annotations:
                found = TurnAnnotations(exchange.id, annotations, frames)
                self._answers[exchange.id] = (exchange.answer, model)
        self._set(exchange.id, found)
        return found

    def forget(self, exchange_id: str) -> None:
        """The exchange streams again (Retry, Regenerate): its marks go until it ends."""
        self._set(exchange_id, None)

    def reset(self) -> None:
        """Another conversation is shown."""
        for exchange_id in list(self._turns):
            self._set(exchange_id, None)

    def move(self, exchange_id: str, target: int) -> TurnAnnotations | None:
        """Put every box and point of the exchange on its image ``target`` (0-based)."""
        turn = self._turns.get(exchange_id)
        source = self._answers.get(exchange_id)
        if turn is None or source is None or not 0 <= target < len(turn.frames):
            return turn
        if turn.frames[target].sent_size is None:
            return turn  # a link: its size is unknown
        answer, model = source
        moved = moved_to_image(answer, turn.frames, model, target)
        self._set(exchange_id, replace(turn, annotations=moved))
        return self._turns[exchange_id]

    def _set(self, exchange_id: str, turn: TurnAnnotations | None) -> None:
        had = self._turns.pop(exchange_id, None)
        if turn is None:
            self._answers.pop(exchange_id, None)
        else:
            self._turns[exchange_id] = turn
        if had is not None or turn is not None:
            self.changed.emit(exchange_id)


# -- exports -----------------------------------------------------------------------------------


def annotations_json(turn: TurnAnnotations, attachments: Sequence[Attachment]) -> dict[str, Any]:
    """The exchange's boxes and points in pixels of each original image (images numbered
    from 1, as ``qwenvl-desktop ask --json`` numbers them)."""
    images = []
    for number, (frame, attachment) in enumerate(zip(turn.frames, attachments, strict=False), 1):
        width, height = frame.original_size
        images.append({"image": number, "source": attachment.source, "size": [width, height]})
    return {
        "images": images,
        "boxes": [
            {"label": b.label, "bbox": [_px(v) for v in b.box], "image": b.image + 1}
            for b in turn.annotations.boxes
        ],
        "points": [
            {"label": p.label, "point": [_px(v) for v in p.point], "image": p.image + 1}
            for p in turn.annotations.points
        ],
        "notes": list(turn.annotations.notes),
    }


def _px(value: float) -> float:
    # Whole pixels read best; a tenth keeps what the mapping from 0–1000 gives on small images.
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded


def export_json(path: Path, turn: TurnAnnotations, attachments: Sequence[Attachment]) -> None:
    text = json.dumps(annotations_json(turn, attachments), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def export_png(path: Path, turn: TurnAnnotations, attachment: Attachment, image: int) -> str | None:
    """Draw the boxes and points of ``image`` on it at its original size and save a PNG.

    Returns a sentence when the original file could not be used (the picture sent, enlarged to
    the original size, is drawn on instead). Blocking: run it in a worker thread.
    """
    from qwenvl_desktop.core.grounding import draw_annotations

    pixels, note = original_pixels(attachment)
    drawn = draw_annotations(pixels, turn.annotations, image)
    drawn.save(path, "PNG")
    return note


def original_pixels(attachment: Attachment) -> tuple[Image.Image, str | None]:
    """The image at its original size: the file itself when it is still there unchanged, else
    the picture that was sent, enlarged to that size (with a sentence that says so).

    Raises ``ValueError`` for a link, whose pixels the app never had.
    """
    from PIL import Image, ImageOps

    size = attachment.original_size
    if attachment.kind == "file" and size is not None and os.path.isfile(attachment.source):
        try:
            with Image.open(attachment.source) as opened:
                upright = ImageOps.exif_transpose(opened)
                if upright.size == size:
                    return _drawable(upright), None
        except (OSError, ValueError, Image.DecompressionBombError):
            pass  # moved, changed or unreadable since: the sent picture is used below
    from qwenvl_desktop.core.images.data_uri import split_data_uri

    sent = split_data_uri(attachment.url)
    if sent is None:
        raise ValueError(
            translate(
                "AnnotationStore",
                "the service downloaded this image from its link; the app has no copy",
            )
        )
    with Image.open(io.BytesIO(sent.data)) as opened:
        picture = _drawable(opened)
    if size is None or picture.size == size:
        return picture, None
    enlarged = picture.resize(size, Image.Resampling.LANCZOS)
    return enlarged, (
        translate(
            "AnnotationStore",
            "The original file is not at hand: the boxes are drawn on the picture that was sent, "
            "enlarged to the original %1×%2 px.",
        )
        .replace("%1", str(size[0]))
        .replace("%2", str(size[1]))
    )


def _drawable(image: Image.Image) -> Image.Image:
    return image.convert("RGBA" if "A" in image.getbands() else "RGB")
