""" "Capture region" from start to finish, as one object the window starts and listens to.

Hide the app's windows (they must not be in the picture), give the compositor a moment to
repaint without them, read every screen with the first handler that works, let the person drag
a rectangle, bring the windows back, and hand over the crop as PNG bytes — the form the image
pipeline's one way in (:func:`~qwenvl_desktop.core.images.prepare_attachment`) takes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from qwenvl_desktop.gui.region_overlay import RegionSelector
from qwenvl_desktop.platform.clipboard.reading import image_to_png
from qwenvl_desktop.platform.screenshot.models import (
    CaptureCancelledError,
    CaptureError,
    ScreenshotHandler,
)

__all__ = ["RegionCapture"]

log = logging.getLogger(__name__)


class RegionCapture(QObject):
    """One capture at a time: :meth:`start`, then exactly one of the three signals.

    ``hide`` lists the windows to take out of the picture (the main window); those that were
    visible are shown again afterwards, whatever the outcome. ``settle_ms`` is the pause after
    hiding them: compositors repaint the area behind a window asynchronously, and a grab taken at
    once would still show it.
    """

    #: PNG bytes of the selected region, in device pixels
    captured = Signal(bytes)
    #: Esc, a right click, or the portal's dialog was dismissed
    cancelled = Signal()
    #: no handler could read the screen: a sentence, with each handler's reason and install hint
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        hide: Sequence[QWidget] = (),
        settle_ms: int = 250,
        handlers: Sequence[ScreenshotHandler] | None = None,
    ) -> None:
        super().__init__(parent)
        self.hide = list(hide)
        self.settle_ms = settle_ms
        self.handlers = handlers
        self._hidden: list[QWidget] = []
        self._selector: RegionSelector | None = None
        self._running = False
        self._cancel_requested = False

    def is_running(self) -> bool:
        return self._running

    def start(self) -> bool:
        """Begin a capture; False (and nothing happens) while one is already running."""
        if self._running:
            return False
        self._running = True
        self._hidden = [w for w in self.hide if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        # A plain slot on a timer: the portal may run a local event loop, which must not be
        # entered from inside a coroutine.
        QTimer.singleShot(self.settle_ms if self._hidden else 0, self._grab)
        return True

    def cancel(self) -> None:
        """End a running capture as if the person pressed Esc (the window is closing)."""
        if not self._running:
            return
        if self._selector is not None:
            self._selector.cancel()  # emits cancelled, which finishes
        else:
            self._cancel_requested = True  # the grab is still to come: stop there

    def _grab(self) -> None:
        if self._cancel_requested:
            self._finish()
            self.cancelled.emit()
            return
        # Imported here: the capture handlers probe the desktop (D-Bus, tools on PATH) and load
        # modules the window's first frame does not need.
        from qwenvl_desktop.platform.screenshot import capture_screens

        try:
            grabs = capture_screens(self.handlers)
        except CaptureCancelledError:
            log.info("capture cancelled before the overlay opened")
            self._finish()
            self.cancelled.emit()
            return
        except CaptureError as exc:
            log.warning("capture failed: %s", exc)
            self._finish()
            self.failed.emit(str(exc))
            return
        log.info("capture overlay open on %d screen(s)", len(grabs))
        selector = RegionSelector(grabs, self)
        selector.regionSelected.connect(self._selected)
        selector.cancelled.connect(self._cancelled)
        self._selector = selector
        selector.start()

    def _selected(self, image: QImage) -> None:
        self._finish()
        self.captured.emit(image_to_png(image))

    def _cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()

    def _finish(self) -> None:
        if self._selector is not None:
            self._selector.deleteLater()
            self._selector = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._running = False
        self._cancel_requested = False
