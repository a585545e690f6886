"""Qt's own screen grab: :meth:`QScreen.grabWindow` with window 0, one screen at a time.

Preferred wherever it works (X11, Windows, macOS): no dependency, no dialog, no temporary file,
and each screen comes back at its own device pixel ratio. It cannot work on Wayland, where a
client may not read other clients' pixels; under XWayland it would see only X11 windows. On macOS
the system asks once for the Screen Recording permission; until it is given, grabs show only the
wallpaper and the person's own windows.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.platform.screenshot import probes
from qwenvl_desktop.platform.screenshot.models import Availability, CaptureError, ScreenGrab

__all__ = ["QtGrabHandler"]

_NO_SCREEN_PLATFORMS = ("offscreen", "minimal")


class QtGrabHandler:
    name = "qt"

    def is_available(self) -> Availability:
        platform = probes.qt_platform()
        if not platform:
            return Availability(
                False,
                translate("QtGrabHandler", "Qt's screen grab needs the application to be running."),
            )
        if platform in _NO_SCREEN_PLATFORMS:
            return Availability(
                False,
                translate(
                    "QtGrabHandler", "Qt runs on its %1 platform, which has no real screen to read."
                ).replace("%1", repr(platform)),
            )
        if platform.startswith("wayland"):
            return Availability(
                False,
                translate(
                    "QtGrabHandler",
                    "Qt cannot read the screen in a Wayland session; the desktop portal can.",
                ),
            )
        if platform == "xcb" and probes.is_wayland_session():
            return Availability(
                False,
                translate(
                    "QtGrabHandler",
                    "The app runs through XWayland, where Qt's screen grab sees only X11 windows.",
                ),
            )
        return Availability(
            True,
            translate("QtGrabHandler", "Qt can read the screen on %1.").replace("%1", platform),
        )

    def grab(self) -> list[ScreenGrab]:
        grabs = []
        for screen in QGuiApplication.screens():
            pixmap = screen.grabWindow(0)
            if pixmap.isNull():
                raise CaptureError(
                    translate("QtGrabHandler", "Qt could not read screen %1.").replace(
                        "%1", screen.name() or "?"
                    )
                )
            image = pixmap.toImage()
            ratio = pixmap.devicePixelRatio() or screen.devicePixelRatio()
            image.setDevicePixelRatio(ratio)
            grabs.append(ScreenGrab(image, QRect(screen.geometry()), float(ratio), screen.name()))
        if not grabs:
            raise CaptureError(translate("QtGrabHandler", "Qt reports no screens."))
        return grabs
