"""Run something right after a window's first frame is on the screen.

Work the first frame does not need (opening the history file, say) waits until the window has
been exposed and painted once, so the window appears as early as it can. A window that is shown
but never exposed (minimised at start) runs it when it is first exposed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_frame"]


class _FirstFrameWatch(QObject):
    """Watches ``widget`` until it is shown, then its native window until it is exposed."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._widget and kind == QEvent.Type.Show:
            self._widget.removeEventFilter(self)
            handle = self._widget.windowHandle()
            if handle is None or handle.isExposed():  # nothing to wait for
                QTimer.singleShot(0, self._run)
            else:
                handle.installEventFilter(self)
        elif isinstance(watched, QWindow) and kind == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            # The expose is handled (and the frame painted) after this filter returns; a
            # zero timer runs once that is done.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()
        self.deleteLater()


def after_first_frame(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, on the event loop, right after ``widget``'s first frame."""
    _FirstFrameWatch(widget, callback)
