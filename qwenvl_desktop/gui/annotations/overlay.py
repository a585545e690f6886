"""Boxes and points painted on a thumbnail in the transcript.

A thumbnail is about 72 px high: labels would not be readable there, so only the outlines and
the points are drawn, in each label's colour; the viewer shows the labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from qwenvl_desktop.core.grounding import Box, Point, label_colour

__all__ = ["annotated_thumbnail", "colour_of"]


def colour_of(label: str, among: Sequence[str]) -> QColor:
    """The label's colour, the same in the thumbnail, the viewer and the exported PNG when
    ``among`` is the answer's labels (``Annotations.labels``), as the export passes them."""
    r, g, b = label_colour(label, among)
    return QColor(r, g, b)


def annotated_thumbnail(
    thumbnail: QImage,
    original_size: tuple[int, int],
    boxes: Sequence[Box],
    points: Sequence[Point],
    device_pixel_ratio: float,
    labels: Sequence[str],
) -> QImage:
    """A copy of ``thumbnail`` (the whole image, scaled) with the boxes and points drawn on it.

    Coordinates are pixels of the original image; the thumbnail's own pixels are device pixels
    (``device_pixel_ratio`` of them per logical pixel), so lines keep one logical width.
    ``labels``: the answer's labels, which pick the colours (:func:`colour_of`).
    """
    picture = thumbnail.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    width, height = original_size
    if not width or not height:
        return picture
    sx, sy = picture.width() / width, picture.height() / height
    dpr = max(device_pixel_ratio, 1.0)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for box in boxes:
        x1, y1, x2, y2 = box.box
        rect = QRectF(QPointF(x1 * sx, y1 * sy), QPointF(x2 * sx, y2 * sy)).normalized()
        painter.setPen(QPen(colour_of(box.label, labels), 2 * dpr))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
    for point in points:
        x, y = point.point
        painter.setPen(QPen(QColor(255, 255, 255), 1 * dpr))
        painter.setBrush(colour_of(point.label, labels))
        painter.drawEllipse(QPointF(x * sx, y * sy), 3 * dpr, 3 * dpr)
    painter.end()
    return picture
