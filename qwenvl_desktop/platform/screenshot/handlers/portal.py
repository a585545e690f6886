"""The xdg-desktop-portal Screenshot interface, over QtDBus: the way to read a Wayland screen.

A Wayland client may not read the screen itself; it asks the portal, which asks the compositor
(and, depending on the desktop and its settings, the person) and answers asynchronously with the
address of a PNG of the whole desktop. The request/response dance:

1. subscribe to ``org.freedesktop.portal.Request.Response`` on the request's object path — known
   in advance from our unique bus name and a ``handle_token`` we choose, so a fast portal cannot
   answer before we listen;
2. call ``org.freedesktop.portal.Screenshot.Screenshot("", {handle_token, modal, interactive})``;
3. wait (a local event loop) for ``Response(code, {"uri": …})``: 0 done, 1 cancelled, 2 failed.

The portal writes the file somewhere of its choosing (GNOME: the Pictures folder). The app only
wanted the pixels, so the file is removed once read.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from typing import Any

from PySide6.QtCore import SLOT, QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusObjectPath
from PySide6.QtGui import QImage

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.platform.screenshot import probes
from qwenvl_desktop.platform.screenshot.desktop import split_desktop
from qwenvl_desktop.platform.screenshot.models import (
    Availability,
    CaptureCancelledError,
    CaptureError,
    ScreenGrab,
)

__all__ = ["PORTAL_SERVICE", "PortalHandler"]

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT_INTERFACE = "org.freedesktop.portal.Screenshot"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"

_INSTALL_PORTAL = translatable(
    "PortalHandler",
    "Install xdg-desktop-portal and the backend for your desktop "
    "(xdg-desktop-portal-gnome, xdg-desktop-portal-kde or xdg-desktop-portal-wlr).",
)
_CALL_TIMEOUT_MS = 5000


class _ResponseCatcher(QObject):
    """Receives the portal's ``Response(u code, a{sv} results)`` signal.

    QtDBus delivers D-Bus signals to a named slot and converts the arguments to the slot's types:
    declaring ``(uint, QVariantMap)`` makes it turn ``a{sv}`` into a dict. (Taking the raw
    QDBusMessage instead leaves the map as a QDBusArgument that PySide6 cannot read back.)
    """

    received = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.code: int | None = None
        self.results: dict[str, Any] = {}

    @Slot("uint", "QVariantMap")
    def on_response(self, code: int, results: dict[str, Any]) -> None:
        self.code = int(code)
        self.results = dict(results)
        self.received.emit()


_SLOT = SLOT("on_response(uint,QVariantMap)")


class PortalHandler:
    name = "portal"

    def __init__(self, *, response_timeout_ms: int = 60_000, interactive: bool = False) -> None:
        # A minute: some desktops show a confirmation dialog the person must answer.
        self.response_timeout_ms = response_timeout_ms
        self.interactive = interactive

    def is_available(self) -> Availability:
        if not probes.is_wayland_session():
            return Availability(
                False,
                translate(
                    "PortalHandler", "Not a Wayland session: the portal is needed only there."
                ),
            )
        bus_error = probes.session_bus_error()
        if bus_error is not None:
            return Availability(
                False,
                bus_error,
                translate(
                    "PortalHandler", "Start the desktop session with D-Bus (most desktops do)."
                ),
            )
        if not probes.dbus_name_available(PORTAL_SERVICE):
            return Availability(
                False,
                translate("PortalHandler", "%1 is not on the D-Bus session bus.").replace(
                    "%1", PORTAL_SERVICE
                ),
                translate("PortalHandler", _INSTALL_PORTAL),
            )
        return Availability(
            True, translate("PortalHandler", "The desktop portal can take screenshots.")
        )

    def grab(self) -> list[ScreenGrab]:
        path = self._request_file()
        try:
            image = QImage(path)
        finally:
            # The portal may hand out a read-only document; the pixels are what matter.
            with contextlib.suppress(OSError):
                os.unlink(path)
        if image.isNull():
            raise CaptureError(
                translate("PortalHandler", "The portal's screenshot %1 could not be read.").replace(
                    "%1", path
                )
            )
        return split_desktop(image)

    def _request_file(self) -> str:
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise CaptureError(
                translate("PortalHandler", "The D-Bus session bus cannot be reached.")
            )
        token = f"qwenvl_{uuid.uuid4().hex}"
        sender = bus.baseService().lstrip(":").replace(".", "_")
        expected = f"{PORTAL_PATH}/request/{sender}/{token}"
        catcher = _ResponseCatcher()
        if not _subscribe(bus, expected, catcher, True):
            raise CaptureError(
                translate(
                    "PortalHandler", "Cannot listen for the desktop portal's answer on D-Bus."
                )
            )
        subscribed = [expected]
        try:
            call = QDBusMessage.createMethodCall(
                PORTAL_SERVICE, PORTAL_PATH, SCREENSHOT_INTERFACE, "Screenshot"
            )
            options = {"handle_token": token, "modal": True, "interactive": self.interactive}
            call.setArguments(["", options])
            reply = bus.call(call, QDBus.CallMode.Block, _CALL_TIMEOUT_MS)
            if reply.type() == QDBusMessage.MessageType.ErrorMessage:
                raise CaptureError(
                    translate(
                        "PortalHandler", "The desktop portal refused the screenshot: %1"
                    ).replace("%1", reply.errorMessage())
                )
            handle = _object_path(reply.arguments()[0] if reply.arguments() else None)
            if handle and handle != expected:
                # Portals before version 0.9 chose their own request path.
                _subscribe(bus, handle, catcher, True)
                subscribed.append(handle)
            if catcher.code is None:
                loop = QEventLoop()
                timer = QTimer()
                timer.setSingleShot(True)
                timer.timeout.connect(loop.quit)
                catcher.received.connect(loop.quit)
                timer.start(self.response_timeout_ms)
                loop.exec()
                timer.stop()
        finally:
            for request_path in subscribed:
                _subscribe(bus, request_path, catcher, False)
        if catcher.code is None:
            raise CaptureError(
                translate(
                    "PortalHandler", "The desktop portal did not answer within %1 s."
                ).replace("%1", str(self.response_timeout_ms // 1000))
            )
        if catcher.code == 1:
            raise CaptureCancelledError(translate("PortalHandler", "The screenshot was cancelled."))
        uri = str(catcher.results.get("uri", ""))
        if catcher.code != 0 or not uri:
            raise CaptureError(
                translate("PortalHandler", "The desktop portal could not take the screenshot.")
            )
        url = QUrl(uri)
        if not url.isLocalFile():
            raise CaptureError(
                translate(
                    "PortalHandler", "The desktop portal returned %1, which is not a local file."
                ).replace("%1", uri)
            )
        return url.toLocalFile()


def _subscribe(bus: QDBusConnection, path: str, catcher: _ResponseCatcher, on: bool) -> bool:
    """(Un)subscribe ``catcher`` to the Response signal of the request at ``path``."""
    method = bus.connect if on else bus.disconnect
    # PySide6's stubs say the slot is bytes, but at run time only the str SLOT() returns works.
    return bool(
        method(PORTAL_SERVICE, path, REQUEST_INTERFACE, "Response", catcher, _SLOT)  # type: ignore[call-overload]
    )


def _object_path(value: object) -> str:
    if isinstance(value, QDBusObjectPath):
        return value.path()
    return str(value) if value else ""
