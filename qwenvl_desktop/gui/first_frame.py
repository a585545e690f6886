"""The window's first frame: waiting for it, and running something right after it.

Work the first frame does not need (building the services, opening the history file) waits until
the window has been exposed and painted once, so the window appears as early as it can. A window
that is shown but never exposed (minimised at start) runs it when it is first exposed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

__all__ = ["FIRST_FRAME_TIMEOUT_MS", "after_first_frame", "show_first_frame"]

#: how long :func:`show_first_frame` waits for a window the platform never exposes (minimised
#: at start, a compositor that does not map it yet) before the app carries on regardless
FIRST_FRAME_TIMEOUT_MS = 2000


class _FirstFrameWatch(QObject):
    """Watches ``widget`` until it is shown, then its native window until it is exposed."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        if widget.isVisible():  # already shown (the app wires its window after the first frame)
            self._watch_native_window()
        else:
            widget.installEventFilter(self)

    def _watch_native_window(self) -> None:
        handle = self._widget.windowHandle()
        if handle is None or handle.isExposed():  # nothing to wait for
            QTimer.singleShot(0, self._run)
        else:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._widget and kind == QEvent.Type.Show:
            self._widget.removeEventFilter(self)
            self._watch_native_window()
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
    """Call ``callback`` once, on the event loop, right after ``widget``'s first frame.

    A widget already on the screen counts as past its first frame: the callback runs on the
    next turn of the loop.
    """
    _FirstFrameWatch(widget, callback)


def show_first_frame(window: QWidget, timeout_ms: int = FIRST_FRAME_TIMEOUT_MS) -> bool:
    """Show ``window`` and return once its first frame is painted; False after ``timeout_ms``.

    A plain Qt event loop runs meanwhile (no asyncio loop is needed, or exists yet, at start-up):
    the expose and the paint are handled, and so is whatever else arrives; input for actions that
    need the services is harmless because those actions are disabled until the window is wired.
    """
    waiting = QEventLoop()
    painted = False

    def done() -> None:
        nonlocal painted
        painted = True
        waiting.quit()

    after_first_frame(window, done)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(waiting.quit)
    give_up.start(timeout_ms)
    window.show()
    if not painted:
        waiting.exec()
    give_up.stop()
    return painted
