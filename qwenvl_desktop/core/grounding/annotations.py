"""What a grounding answer is turned into: boxes and points in pixels of the original image.

These are the types the window, the command line and exports share. Coordinates here are always
pixels of the *original* image (the file the person chose, before any resize for upload), so a
box can be drawn on the original, on a thumbnail (scaled) or exported without knowing which model
answered.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Annotations", "Box", "ImageFrame", "Point"]


@dataclass(frozen=True, slots=True)
class Box:
    """One labelled box: ``box`` = (x1, y1, x2, y2) in pixels of the original image, x1 ≤ x2 and
    y1 ≤ y2; ``image`` is the 0-based index of the question's image it belongs to."""

    label: str
    box: tuple[float, float, float, float]
    image: int


@dataclass(frozen=True, slots=True)
class Point:
    """One labelled point: ``point`` = (x, y) in pixels of the original image; ``image`` 0-based."""

    label: str
    point: tuple[float, float]
    image: int


@dataclass(frozen=True, slots=True)
class ImageFrame:
    """One image of the question, as needed to map the model's coordinates back to pixels.

    ``original_size`` and ``sent_size`` are (width, height), as in
    :class:`~qwenvl_desktop.core.images.Attachment`; ``sent_size`` is None when the client did
    not resize the image (a URL): the service's resize is then recomputed from the original.
    """

    original_size: tuple[int, int]
    sent_size: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Annotations:
    """The boxes and points of one answer, and notes on how they were read.

    ``notes`` are sentences for a person, e.g. that coordinates above 1000 were read as absolute
    pixels; empty when the answer followed its model's convention.
    """

    boxes: tuple[Box, ...] = ()
    points: tuple[Point, ...] = ()
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.boxes or self.points)

    def on_image(self, image: int) -> Annotations:
        """Only the boxes and points of image ``image`` (0-based); the notes are kept."""
        return Annotations(
            tuple(b for b in self.boxes if b.image == image),
            tuple(p for p in self.points if p.image == image),
            self.notes,
        )

    def moved_to(self, image: int) -> Annotations:
        """All boxes and points moved to image ``image`` (the person says they belong there).

        Coordinates are not rescaled: use :func:`find_annotations` with the answer again when the
        two images differ in size.
        """
        return Annotations(
            tuple(Box(b.label, b.box, image) for b in self.boxes),
            tuple(Point(p.label, p.point, image) for p in self.points),
            self.notes,
        )

    @property
    def labels(self) -> tuple[str, ...]:
        """Each label once, in the order of first appearance (boxes first, then points)."""
        seen: dict[str, None] = {}
        for label in (*(b.label for b in self.boxes), *(p.label for p in self.points)):
            seen.setdefault(label, None)
        return tuple(seen)
