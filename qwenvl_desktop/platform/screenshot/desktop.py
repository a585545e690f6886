"""Cut a screenshot of the whole desktop into one :class:`ScreenGrab` per screen.

The portal and the external tools return a single image of every screen together, laid out as
the compositor lays them out. The overlay needs each screen's part, with its geometry, to show one
full-screen window per screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QImage, QScreen

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.platform.screenshot.models import CaptureError, ScreenGrab

__all__ = ["split_desktop"]

# How far the image's horizontal and vertical scale may differ before we refuse to guess.
_SCALE_TOLERANCE = 0.02


def split_desktop(image: QImage, screens: list[QScreen] | None = None) -> list[ScreenGrab]:
    """One grab per screen, cut from ``image`` (which spans the union of the screens).

    The scale is the image's width over the desktop's logical width: 1 on a plain screen, 2 where
    the compositor captured at a 2× scale. When the two axes disagree the layout is not what Qt
    reports (mixed scales some compositors lay out differently) and cutting would misplace the
    overlay, so that is an error rather than a wrong selection.
    """
    if image.isNull():
        raise CaptureError(
            translate("ScreenshotDesktop", "The screenshot could not be read as an image.")
        )
    screens = screens if screens is not None else QGuiApplication.screens()
    if not screens:
        raise CaptureError(
            translate("ScreenshotDesktop", "Qt reports no screens to show the capture on.")
        )
    desktop = QRect()
    for screen in screens:
        desktop = desktop.united(screen.geometry())
    scale_x = image.width() / desktop.width()
    scale_y = image.height() / desktop.height()
    if abs(scale_x - scale_y) > _SCALE_TOLERANCE * max(scale_x, scale_y):
        raise CaptureError(
            translate(
                "ScreenshotDesktop",
                "The screenshot is %1×%2 pixels but the screens span "
                "%3×%4; the parts cannot be matched to the screens.",
            )
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
            .replace("%3", str(desktop.width()))
            .replace("%4", str(desktop.height()))
        )
    grabs = []
    for screen in screens:
        geometry = screen.geometry()
        part = QRect(
            round((geometry.x() - desktop.x()) * scale_x),
            round((geometry.y() - desktop.y()) * scale_y),
            round(geometry.width() * scale_x),
            round(geometry.height() * scale_y),
        )
        crop = image.copy(part)
        crop.setDevicePixelRatio(scale_x)
        grabs.append(ScreenGrab(crop, QRect(geometry), scale_x, screen.name()))
    return grabs
