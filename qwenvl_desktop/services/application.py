"""The one QApplication of the window, named and told not to quit on its own.

Separate from :mod:`.event_loop` because the window's first frame is drawn before the asyncio
loop exists (see :func:`qwenvl_desktop.app.main`): this module loads Qt only, not asyncio or
qasync.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from qwenvl_desktop import APP_ID

__all__ = ["qt_application"]


def qt_application() -> QApplication:
    """The QApplication (reused if one exists), named for QSettings and the desktop."""
    app = QApplication.instance()
    if app is None:
        # Only the program name: our options are not Qt's (Qt would consume -style and friends).
        app = QApplication([sys.argv[0] if sys.argv else APP_ID])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    app.setApplicationDisplayName("Qwen-VL Desktop")
    # The event loop, not Qt, decides when the app ends: closing the window must not stop the
    # loop while the HTTP client and the streams still need it to shut down.
    app.setQuitOnLastWindowClosed(False)
    return app
