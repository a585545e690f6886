"""The typed interface every screenshot handler shares, and the errors of a capture."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QImage

from qwenvl_desktop.core.i18n import translate

__all__ = [
    "Availability",
    "CaptureCancelledError",
    "CaptureError",
    "NoScreenshotHandlerError",
    "ScreenGrab",
    "ScreenshotHandler",
    "device_rect",
]


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether a handler can run here; if not, why in one sentence and what to install.

    ``install_hint`` is None when installing something would not help (the app runs on the
    wrong platform for this handler, say), so the window shows hints only where they are useful.
    """

    ok: bool
    reason: str
    install_hint: str | None = None

    def __str__(self) -> str:
        text = self.reason
        if self.install_hint:
            text += f" {self.install_hint}"
        return text


@dataclass(frozen=True, slots=True)
class ScreenGrab:
    """The frozen content of one screen.

    ``geometry`` is where the screen sits on the virtual desktop in logical (device-independent)
    pixels — what windows and mouse events use. ``image`` holds device pixels: ``geometry`` times
    ``device_pixel_ratio`` in each direction (2× on a typical HiDPI laptop, 1.25 or 1.5 on
    Windows). The overlay shows ``image`` at ``geometry`` and crops in device pixels, so a
    selection yields every pixel the screen had, not a downscaled copy.
    """

    image: QImage
    geometry: QRect
    device_pixel_ratio: float
    screen_name: str = ""

    def device_rect(self, logical: QRect | QRectF) -> QRect:
        """``logical`` (relative to this screen's top-left) in device pixels of :attr:`image`.

        Fractional logical coordinates are welcome: on a 2× screen the pointer moves in half
        logical pixels, and a selection can start on any device pixel.
        """
        x, y, w, h = device_rect(
            (logical.x(), logical.y(), logical.width(), logical.height()),
            self.device_pixel_ratio,
            (self.image.width(), self.image.height()),
        )
        return QRect(x, y, w, h)

    def crop(self, logical: QRect | QRectF) -> QImage:
        """The pixels under ``logical`` (screen-relative), in device pixels; null when empty.

        The crop keeps the screen's pixel ratio, so a preview of it shows at the size it had on
        screen while the model gets every device pixel.
        """
        rect = self.device_rect(logical)
        if rect.isEmpty():
            return QImage()
        crop = self.image.copy(rect)
        crop.setDevicePixelRatio(self.device_pixel_ratio)
        return crop

    def contains(self, global_pos: QPoint) -> bool:
        return self.geometry.contains(global_pos)


def device_rect(
    logical: tuple[float, float, float, float], ratio: float, bounds: tuple[int, int]
) -> tuple[int, int, int, int]:
    """A logical ``(x, y, w, h)`` scaled by ``ratio`` into device pixels, clipped to ``bounds``.

    The two *edges* are scaled and rounded, not the origin and the size: at ratio 1.5 a 3-pixel
    wide selection starting at 1 covers device pixels 2 to 6 (1.5 → 2, 6.0 → 6), and two
    selections that share an edge share it in device pixels too — no gap, no overlap.
    """
    x, y, w, h = logical
    if ratio <= 0 or not math.isfinite(ratio):
        raise ValueError(f"bad device pixel ratio {ratio!r}")
    left, top = _round(x * ratio), _round(y * ratio)
    right, bottom = _round((x + w) * ratio), _round((y + h) * ratio)
    width, height = bounds
    left, right = max(0, min(left, width)), max(0, min(right, width))
    top, bottom = max(0, min(top, height)), max(0, min(bottom, height))
    return left, top, max(0, right - left), max(0, bottom - top)


def _round(value: float) -> int:
    # Halves up, like Qt's qRound (Python's round() would send 4.5 to 4 but 5.5 to 6).
    return math.floor(value + 0.5)


class ScreenshotHandler(Protocol):
    """One way of reading the screen. Handlers are tried in the dispatcher's order."""

    @property
    def name(self) -> str:
        """Short, stable, shown in messages: "qt", "portal", "grim", …"""
        ...

    def is_available(self) -> Availability:
        """Whether :meth:`grab` can work here (cheap: probes are cached)."""
        ...

    def grab(self) -> list[ScreenGrab]:
        """One :class:`ScreenGrab` per screen; raises :class:`CaptureError` on failure."""
        ...


class CaptureError(Exception):
    """A handler could not read the screen; ``str()`` is a sentence for the user."""


class CaptureCancelledError(CaptureError):
    """The person cancelled (a portal's confirmation dialog): do not try the next handler."""


class NoScreenshotHandlerError(CaptureError):
    """No handler could read the screen. ``report`` has each handler's reason or error."""

    def __init__(self, report: list[tuple[str, str]]) -> None:
        self.report = report
        lines = "\n".join(f"  {name}: {why}" for name, why in report)
        super().__init__(
            translate("NoScreenshotHandlerError", "No way to take a screenshot worked here:")
            + "\n"
            + lines
        )
