"""Map the model's coordinates to pixels of the original image, per model family.

Qwen3-VL and newer answer on a 0–1000 grid relative to the image (``x_px = x / 1000 · width``).
The Qwen2.5-VL family answers in pixels of the image *as the service resized it*, so the resize
is recomputed here (Qwen's ``smart_resize``, the same rule the image pipeline uses) and the
values scaled from that size to the original. A relative-family answer with values above 1000
cannot be on the 0–1000 grid: some snapshots answer in absolute pixels, so such an image's values
are read that way, and a note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from qwenvl_desktop.core.grounding.annotations import Annotations, Box, ImageFrame, Point
from qwenvl_desktop.core.grounding.parse import RawMark, parse_marks
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.budget import pixel_budget, smart_resize
from qwenvl_desktop.core.images.errors import AspectRatioError
from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = ["CoordinateSystem", "coordinate_system", "find_annotations", "model_view_size"]

CoordinateSystem = Literal["relative-1000", "absolute-resized"]
#: the top of the relative grid; a value past it (with some slack for rounding) means pixels
_RELATIVE_TOP = 1000.0


def coordinate_system(model: ModelInfo) -> CoordinateSystem:
    """How ``model``'s coordinates are to be read.

    A model the catalog lists without grounding is read as the current generation answers
    (0–1000), except the Qwen2.5-VL-based OCR models (28 px grid), which answer in pixels.
    """
    if model.grounding != "none":
        return model.grounding
    return "absolute-resized" if model.ocr and model.grid == 28 else "relative-1000"


def model_view_size(frame: ImageFrame, model: ModelInfo) -> tuple[int, int]:
    """The (width, height) of the image as the model saw it: the service's ``smart_resize`` of
    what was sent (or of the original, when the client sent it unchanged).

    The service's pixel cap is the model's default unless the sent image is larger than that,
    which only a high-resolution request sends.
    """
    width, height = frame.sent_size or frame.original_size
    standard = pixel_budget(model, "standard")
    budget = standard if width * height <= standard.max_pixels else pixel_budget(model, "high")
    try:
        h, w = smart_resize(height, width, budget.grid, budget.min_pixels, budget.max_pixels)
    except (AspectRatioError, ValueError):  # the service refused such an image anyway
        return width, height
    return w, h


def find_annotations(answer: str, frames: Sequence[ImageFrame], model: ModelInfo) -> Annotations:
    """The boxes and points of ``answer`` in pixels of the original images ``frames``.

    Each belongs to the image the answer names before it ("image 2", "second image", "图2",
    "2枚目"), else the first image. Values are clamped to the image; a box's corners are put in
    order. Empty when there are no frames (nothing to map onto) or nothing was found.
    """
    if not frames:
        return Annotations()
    marks = parse_marks(answer, len(frames))
    if not marks:
        return Annotations()
    system = coordinate_system(model)
    notes: list[str] = []
    if model.grounding == "none":
        sentence = (
            translate(
                "Grounding",
                "%1 is not known to answer with boxes; coordinates read as 0–1000 of the image.",
            )
            if system == "relative-1000"
            else translate(
                "Grounding",
                "%1 is not known to answer with boxes; coordinates read as pixels the model saw.",
            )
        )
        notes.append(sentence.replace("%1", model.name))
    by_image: dict[int, list[RawMark]] = {}
    for mark in marks:
        by_image.setdefault(mark.image or 0, []).append(mark)
    boxes: list[Box] = []
    points: list[Point] = []
    for image, image_marks in sorted(by_image.items()):
        frame = frames[image]
        scale_x, scale_y, note = _scale(frame, model, system, image_marks, len(frames), image)
        if note:
            notes.append(note)
        for mark in image_marks:
            values = _to_pixels(mark.values, scale_x, scale_y, frame.original_size)
            if mark.kind == "box":
                x1, y1, x2, y2 = values
                box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
                boxes.append(Box(mark.label, box, image))
            else:
                points.append(Point(mark.label, (values[0], values[1]), image))
    return Annotations(tuple(boxes), tuple(points), tuple(notes))


def _scale(
    frame: ImageFrame,
    model: ModelInfo,
    system: CoordinateSystem,
    marks: Sequence[RawMark],
    image_count: int,
    image: int,
) -> tuple[float, float, str]:
    """Pixels of the original per unit of the model's coordinates on one image, and a note."""
    width, height = frame.original_size
    if system == "relative-1000":
        if max(abs(v) for mark in marks for v in mark.values) <= _RELATIVE_TOP:
            return width / _RELATIVE_TOP, height / _RELATIVE_TOP, ""
        seen_w, seen_h = model_view_size(frame, model)
        sentence = (
            translate(
                "Grounding",
                "Coordinates of image %3 above 1000 were read as pixels of the image as the model "
                "saw it (%1×%2), not on the 0–1000 grid.",
            )
            if image_count > 1
            else translate(
                "Grounding",
                "Coordinates above 1000 were read as pixels of the image as the model saw it "
                "(%1×%2), not on the 0–1000 grid.",
            )
        )
        note = (
            sentence.replace("%1", str(seen_w))
            .replace("%2", str(seen_h))
            .replace("%3", str(image + 1))
        )
        return width / seen_w, height / seen_h, note
    seen_w, seen_h = model_view_size(frame, model)
    return width / seen_w, height / seen_h, ""


def _to_pixels(
    values: tuple[float, ...], scale_x: float, scale_y: float, size: tuple[int, int]
) -> tuple[float, ...]:
    width, height = size
    out: list[float] = []
    for i, value in enumerate(values):
        if i % 2 == 0:
            out.append(min(max(value * scale_x, 0.0), float(width)))
        else:
            out.append(min(max(value * scale_y, 0.0), float(height)))
    return tuple(out)
