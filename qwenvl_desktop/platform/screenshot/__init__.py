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
is wired in :mod:`qwenvl_desktop.gui.capture_actions`)::

    capture = RegionCapture(window, hide=[window])
    capture.captured.connect(lambda png: image_pane.add_sources([(png, "screen capture")]))
    capture.failed.connect(show_capture_failure)      # the sentence lists every handler
    capture_action.triggered.connect(capture.start)

The portal may wait for a person to confirm in a dialog, in a local event loop: call
:func:`capture_screens` from a plain slot, not from inside a coroutine running on qasync.
"""

from __future__ import annotations

from collections.abc import Sequence

from qwenvl_desktop.platform.screenshot.handlers import TOOLS, PortalHandler, QtGrabHandler
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


def all_handlers() -> list[ScreenshotHandler]:
    """Every handler, in preference order."""
    return [QtGrabHandler(), PortalHandler(), *TOOLS]


def handler_report(
    handlers: Sequence[ScreenshotHandler] | None = None,
) -> list[tuple[ScreenshotHandler, Availability]]:
    """Each handler with its availability, in preference order."""
    return [(h, h.is_available()) for h in (handlers if handlers is not None else all_handlers())]


def available_handlers(
    handlers: Sequence[ScreenshotHandler] | None = None,
) -> list[ScreenshotHandler]:
    """The handlers that can run here, in preference order."""
    return [h for h, availability in handler_report(handlers) if availability.ok]


def capture_screens(handlers: Sequence[ScreenshotHandler] | None = None) -> list[ScreenGrab]:
    """Every screen's content, from the first available handler that succeeds.

    A handler that fails is followed by the next (a portal without a Screenshot backend, a tool
    that crashed). Cancelling a portal dialog raises :class:`CaptureCancelledError` at once: the
    person said no. When nothing works, :class:`NoScreenshotHandlerError` carries each
    handler's reason, install hint or error.
    """
    report: list[tuple[str, str]] = []
    for handler, availability in handler_report(handlers):
        if not availability.ok:
            report.append((handler.name, str(availability)))
            continue
        try:
            return handler.grab()
        except CaptureCancelledError:
            raise
        except CaptureError as exc:
            report.append((handler.name, str(exc)))
    raise NoScreenshotHandlerError(report)
