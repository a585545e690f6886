"""A real app process that asks one question by itself, for tests that kill it mid-stream.

``python -m tests.gui.app_process QUESTION [APP OPTIONS…]`` builds the window exactly as the app
does (:func:`qwenvl_desktop.app.create_main_window` with the same options, the key and the
history found the same way), types ``QUESTION`` into the question box, presses Send once the
window is shown, and runs the app's own loop (:func:`qwenvl_desktop.app.run_window`) until the
window closes or the process is killed. Test-only: the app has no automation switch of its own.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from qwenvl_desktop.app import create_main_window, run_window
from qwenvl_desktop.services.event_loop import create_application


def main(argv: list[str]) -> int:
    question, *options = argv
    _app, loop = create_application()
    window = create_main_window(options)
    window.prompt.setPlainText(question)
    QTimer.singleShot(0, window.send_button.click)  # once the loop runs and the window is up
    return run_window(window, loop)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
