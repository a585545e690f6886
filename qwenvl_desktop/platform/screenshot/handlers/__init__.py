"""Screenshot handlers, one module per way of reading the screen (see :mod:`..screenshot`)."""

from qwenvl_desktop.platform.screenshot.handlers.external import (
    GNOME_SCREENSHOT,
    GRIM,
    SPECTACLE,
    TOOLS,
    ExternalToolHandler,
)
from qwenvl_desktop.platform.screenshot.handlers.portal import PortalHandler
from qwenvl_desktop.platform.screenshot.handlers.qt_grab import QtGrabHandler

__all__ = [
    "GNOME_SCREENSHOT",
    "GRIM",
    "SPECTACLE",
    "TOOLS",
    "ExternalToolHandler",
    "PortalHandler",
    "QtGrabHandler",
]
