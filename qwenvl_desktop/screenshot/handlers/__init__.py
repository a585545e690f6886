"""Screenshot handlers, one module per way of reading the screen (see :mod:`..screenshot`)."""

from .external import GNOME_SCREENSHOT, GRIM, SPECTACLE, TOOLS, ExternalToolHandler
from .portal import PortalHandler
from .qt_grab import QtGrabHandler

__all__ = [
    "GNOME_SCREENSHOT",
    "GRIM",
    "SPECTACLE",
    "TOOLS",
    "ExternalToolHandler",
    "PortalHandler",
    "QtGrabHandler",
]
