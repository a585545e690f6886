"""The "Capture region" overlay: every screen frozen and dimmed, a rectangle dragged on one of them.

:class:`RegionSelector` opens one frameless, full-screen :class:`RegionOverlay` per
:class:`~.models.ScreenGrab` — the grab is what the overlay shows, so the person selects on a
still picture and the crop is exactly what they saw. The selection is kept in logical coordinates
(fractional on HiDPI screens, where the pointer moves in device pixels) and cropped from the grab
in device pixels: a 2× screen gives a crop twice the selection's logical size.

Esc or the right mouse button cancels. A click without a drag selects nothing and the overlay
stays, so a slipped click does not end the capture.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.platform.screenshot.models import ScreenGrab

__all__ = ["RegionOverlay", "RegionSelector"]

_DIM = QColor(0, 0, 0, 120)
_HINT = translatable("RegionOverlay", "Drag to select a region  ·  Esc to cancel")
# Room around the selection repainted on a move: the border and the size label sit outside it.
_REPAINT_MARGIN = 48


class RegionOverlay(QWidget):
    """One screen's frozen picture, dimmed except for the selection being dragged."""

    def __init__(self, grab: ScreenGrab, selector: RegionSelector) -> None:
        super().__init__(
            None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.screen_grab = grab
        self._selector = selector
        self._origin: QPointF | None = None
        self._selection = QRectF()
        self.setWindowTitle(QCoreApplication.translate("RegionOverlay", "Capture region"))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setGeometry(grab.geometry)

    @property
    def selection(self) -> QRectF:
        """The current selection in logical coordinates relative to this screen (may be empty)."""
        return QRectF(self._selection)

    def show_on_screen(self, screen: QScreen | None) -> None:
        """Show full screen on ``screen`` (the one the grab came from, when Qt still has it)."""
        self.winId()  # creates the native window, so it can be placed before it is shown
        handle = self.windowHandle()
        if screen is not None and handle is not None:
            handle.setScreen(screen)
        self.setGeometry(self.screen_grab.geometry)
        self.showFullScreen()

    def clear_selection(self) -> None:
        if not self._selection.isNull() or self._origin is not None:
            self._origin = None
            self._selection = QRectF()
            self.update()

    # Painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = QRectF(self.rect())
        image = self.screen_grab.image
        painter.drawImage(target, image, QRectF(image.rect()))
        painter.fillRect(target, _DIM)
        if self._selection.isEmpty():
            self._paint_hint(painter)
        else:
            self._paint_selection(painter, image)
        painter.end()

    def _paint_selection(self, painter: QPainter, image: QImage) -> None:
        selection = self._selection
        source = QRectF(self.screen_grab.device_rect(selection))
        painter.drawImage(selection, image, source)
        pen = QPen(QColor(255, 255, 255), 0, Qt.PenStyle.SolidLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(selection.adjusted(-0.5, -0.5, 0.5, 0.5))
        device = self.screen_grab.device_rect(selection)
        label = f"{device.width()} × {device.height()}"
        metrics = painter.fontMetrics()
        box = QRectF(metrics.boundingRect(label).adjusted(-6, -3, 6, 3))
        box.moveTopLeft(QPointF(selection.left(), selection.bottom() + 6))
        if box.bottom() > self.height():
            box.moveBottomLeft(QPointF(selection.left(), selection.top() - 6))
        painter.fillRect(box, QColor(0, 0, 0, 180))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_hint(self, painter: QPainter) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        hint = QCoreApplication.translate("RegionOverlay", _HINT)
        box = QRectF(metrics.boundingRect(hint).adjusted(-14, -8, 14, 8))
        box.moveCenter(QPointF(self.width() / 2, box.height() + 24))
        painter.fillRect(box, QColor(0, 0, 0, 170))
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, hint)

    def _repaint_around(self, before: QRectF, after: QRectF) -> None:
        area = before.united(after).toAlignedRect()
        m = _REPAINT_MARGIN
        self.update(area.adjusted(-m, -m, m, m))
        if before.isEmpty() != after.isEmpty():
            self.update()  # the hint appears or disappears

    # Input --------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self._selector.cancel()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._selector._selection_started(self)
        self._origin = self._clamped(event.position())
        before, self._selection = self._selection, QRectF()
        self._repaint_around(before, self._selection)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._origin is None:
            return
        before = self._selection
        self._selection = QRectF(self._origin, self._clamped(event.position())).normalized()
        self._repaint_around(before, self._selection)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._origin is None:
            return
        before = self._selection
        self._selection = QRectF(self._origin, self._clamped(event.position())).normalized()
        self._origin = None
        device = self.screen_grab.device_rect(self._selection)
        if device.width() < self._selector.min_size or device.height() < self._selector.min_size:
            self._selection = QRectF()
            self._repaint_around(before, self._selection)
            return
        self._selector._selection_finished(self, self._selection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._selector.cancel()
        else:
            super().keyPressEvent(event)

    def _clamped(self, pos: QPointF) -> QPointF:
        return QPointF(min(max(pos.x(), 0.0), self.width()), min(max(pos.y(), 0.0), self.height()))


class RegionSelector(QObject):
    """Lets the person drag a rectangle on any screen; emits the crop or that they cancelled.

    Usage: ``selector = RegionSelector(capture_screens()); selector.regionSelected.connect(…);
    selector.start()``. Keep a reference until a signal arrives. Exactly one of
    :attr:`regionSelected` and :attr:`cancelled` is emitted, after the overlays are hidden.
    """

    #: the selection's pixels in device pixels (the image's devicePixelRatio is the screen's)
    regionSelected = Signal(QImage)
    cancelled = Signal()

    def __init__(
        self, grabs: Sequence[ScreenGrab], parent: QObject | None = None, *, min_size: int = 4
    ) -> None:
        super().__init__(parent)
        if not grabs:
            raise ValueError("RegionSelector needs at least one screen grab")
        self.grabs = list(grabs)
        #: smallest selection, in device pixels, taken as a selection rather than a click
        self.min_size = min_size
        self._overlays: list[RegionOverlay] = []
        self._done = False

    def overlays(self) -> list[RegionOverlay]:
        """The overlay windows, one per grab, in grab order (empty before :meth:`start`)."""
        return list(self._overlays)

    def is_active(self) -> bool:
        return bool(self._overlays)

    def start(self) -> None:
        """Show the overlays and give the keyboard to the one under the pointer (for Esc)."""
        if self._overlays or self._done:
            return
        screens = QGuiApplication.screens()
        for grab in self.grabs:
            overlay = RegionOverlay(grab, self)
            self._overlays.append(overlay)
            overlay.show_on_screen(_matching_screen(grab, screens))
        pointer = QCursor.pos()
        focus = next(
            (o for o in self._overlays if o.screen_grab.contains(pointer)), self._overlays[0]
        )
        focus.raise_()
        focus.activateWindow()
        focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def cancel(self) -> None:
        """Close the overlays and emit :attr:`cancelled` (once; later calls do nothing)."""
        if self._done:
            return
        self._close()
        self.cancelled.emit()

    def _selection_started(self, overlay: RegionOverlay) -> None:
        # One selection at a time: starting on one screen clears another screen's rectangle.
        for other in self._overlays:
            if other is not overlay:
                other.clear_selection()

    def _selection_finished(self, overlay: RegionOverlay, selection: QRectF) -> None:
        if self._done:
            return
        crop = overlay.screen_grab.crop(selection)
        self._close()
        self.regionSelected.emit(crop)

    def _close(self) -> None:
        self._done = True
        overlays, self._overlays = self._overlays, []
        for overlay in overlays:
            overlay.hide()
            overlay.deleteLater()


def _matching_screen(grab: ScreenGrab, screens: list[QScreen]) -> QScreen | None:
    for screen in screens:
        if grab.screen_name and screen.name() == grab.screen_name:
            return screen
    for screen in screens:
        if screen.geometry() == grab.geometry:
            return screen
    return None
