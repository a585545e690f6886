"""Choosing the screenshot handler: each tried in preference order until one succeeds."""

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
)

__all__ = ["all_handlers", "available_handlers", "capture_screens", "handler_report"]


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
