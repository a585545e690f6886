"""A label that shortens its text with "…" rather than widening the window (the model picker's
flags, the image pane's totals)."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["ElidedLabel"]


class ElidedLabel(QLabel):
    """A label that shortens its text with "…" instead of keeping the window wide.

    QLabel paints the shortened copy itself, exactly as any label is drawn (dimmed when
    disabled); :meth:`text` is the whole text, and the size hint asks for room for all of it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:
        self._whole = text
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        # The whole text's exact width, rounded up: eliding to a rounded-down width would cut it.
        text_width = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(self._whole))
        margins = self.contentsMargins()
        width = text_width + margins.left() + margins.right()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(24, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)
