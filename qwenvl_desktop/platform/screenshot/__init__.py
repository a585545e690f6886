"""Reading the screen for "Capture region": handlers tried in order, and the selection overlay.

:func:`capture_screens` returns one :class:`ScreenGrab` per screen from the first handler that
is available and succeeds, in this order:

1. ``qt`` — Qt's own grab (X11, Windows, macOS): no dependency, no dialog;
2. ``portal`` — org.freedesktop.portal.Screenshot over D-Bus, the Wayland way;
3. ``grim``, ``gnome-screenshot``, ``spectacle`` — external programs, when installed.

Each handler's :class:`Availability` says why it cannot run and what to install;
:func:`handler_report` lists them all (for an error dialog or ``--verbose``). The overlay,
:class:`~.overlay.RegionSelector`, is imported from :mod:`.overlay` (it needs QtWidgets), and
:class:`~.flow.RegionCapture` from :mod:`.flow` runs the whole action for a window (the app's
is wired in :mod:`qwenvl_desktop.gui.capture_actions`). The choosing is :mod:`.capture`::

    capture = RegionCapture(window, hide=[window])
    capture.captured.connect(lambda png: draft.add_sources([(png, "screen capture")]))
    capture.failed.connect(show_capture_failure)      # the sentence lists every handler
    capture_action.triggered.connect(capture.start)

The portal may wait for a person to confirm in a dialog, in a local event loop: call
:func:`capture_screens` from a plain slot, not from inside a coroutine running on qasync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: importing one module (``probes`` from a handler) must not import every handler.
if TYPE_CHECKING:
    from qwenvl_desktop.platform.screenshot.capture import (
        all_handlers,
        available_handlers,
        capture_screens,
        handler_report,
    )
    from qwenvl_desktop.platform.screenshot.models import (
        Availability,
        CaptureCancelledError,
        CaptureError,
        NoScreenshotHandlerError,
        ScreenGrab,
        ScreenshotHandler,
        device_rect,
    )
    from qwenvl_desktop.platform.screenshot.probes import reset_probes

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "all_handlers": "capture",
        "available_handlers": "capture",
        "capture_screens": "capture",
        "handler_report": "capture",
        "Availability": "models",
        "CaptureCancelledError": "models",
        "CaptureError": "models",
        "NoScreenshotHandlerError": "models",
        "ScreenGrab": "models",
        "ScreenshotHandler": "models",
        "device_rect": "models",
        "reset_probes": "probes",
    },
)

__all__ = [
    "Availability",
    "CaptureCancelledError",
    "CaptureError",
    "NoScreenshotHandlerError",
    "ScreenGrab",
    "ScreenshotHandler",
    "all_handlers",
    "available_handlers",
    "capture_screens",
    "device_rect",
    "handler_report",
    "reset_probes",
]
