"""Facts about the environment the handlers decide by, each probed once and cached.

Probing the D-Bus session or searching ``PATH`` on every capture would be slow and the answers
do not change while the app runs. Tests change the environment and call :func:`reset_probes`.
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import cache

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication

from qwenvl_desktop.core.i18n import translate

__all__ = [
    "dbus_name_available",
    "has_display",
    "is_wayland_session",
    "qt_platform",
    "reset_probes",
    "session_bus_error",
    "which",
]

_DBUS_TIMEOUT_MS = 2000


@cache
def qt_platform() -> str:
    """Qt's platform plugin ("xcb", "wayland", "windows", "cocoa"…); "" without an app."""
    app = QGuiApplication.instance()
    return QGuiApplication.platformName() if app is not None else ""


@cache
def is_wayland_session() -> bool:
    """The desktop session is Wayland, whatever platform Qt itself uses (XWayland counts)."""
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return False
    session_type = os.environ.get("XDG_SESSION_TYPE", "").lower()
    return session_type == "wayland" or bool(os.environ.get("WAYLAND_DISPLAY"))


@cache
def has_display() -> bool:
    """There is a screen to read: always on Windows and macOS, else an X11 or Wayland display."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@cache
def which(tool: str) -> str | None:
    return shutil.which(tool)


@cache
def session_bus_error() -> str | None:
    """None when the D-Bus session bus is reachable, else why not (one sentence)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
        return translate(
            "ScreenshotProbes",
            "There is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).",
        )
    bus = QDBusConnection.sessionBus()
    if bus.isConnected():
        return None
    detail = bus.lastError().message() or translate("ScreenshotProbes", "no reason given")
    return translate("ScreenshotProbes", "The D-Bus session bus cannot be reached (%1).").replace(
        "%1", detail
    )


@cache
def dbus_name_available(name: str) -> bool:
    """``name`` has an owner on the session bus, or the bus can start it (D-Bus activation)."""
    if session_bus_error() is not None:
        return False
    for method, args in (("NameHasOwner", [name]), ("ListActivatableNames", [])):
        message = QDBusMessage.createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method
        )
        message.setArguments(args)
        reply = QDBusConnection.sessionBus().call(message, QDBus.CallMode.Block, _DBUS_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            continue
        answer = reply.arguments()[0]
        if answer is True or (isinstance(answer, list) and name in answer):
            return True
    return False


def reset_probes() -> None:
    """Forget every cached answer (for tests that change the environment)."""
    for probe in (
        qt_platform,
        is_wayland_session,
        has_display,
        which,
        session_bus_error,
        dbus_name_available,
    ):
        probe.cache_clear()
