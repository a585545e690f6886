"""Building the window (:func:`create_main_window`) and running it (:func:`main`).

The two are separate so a test or a script can build the real, fully wired window on its own
QApplication and event loop, drive it, and close it, without ``exec()``.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .asyncloop import AppEventLoop, create_application
from .controller import ChatController, ImageIntake
from .gui.main_window import MainWindow
from .history_sync import HistorySync
from .settings import load_settings

__all__ = ["create_main_window", "main", "run_window"]


def create_main_window(argv: list[str]) -> MainWindow:
    """The fully wired window on the current QApplication and (qasync) event loop, not shown.

    ``argv`` takes the top-level options of ``qwenvl-desktop`` (``--region``, ``--base-url``,
    ``--model``); the key is found as ``ask`` finds it (environment, then the OS keyring).
    """
    from .cli import build_parser  # the same options and parsing as the command line

    args = build_parser().parse_args(list(argv))
    loaded = load_settings({"region": args.region, "base_url": args.base_url, "model": args.model})
    # The history file lives in the user data directory (platformdirs: $XDG_DATA_HOME on Linux).
    history = HistorySync.open(loaded.settings.history)
    controller = ChatController(loaded.settings, history=history)
    intake = ImageIntake(lambda: controller.model_info, lambda: controller.settings.image_detail)
    window = MainWindow(controller, intake)
    controller.setParent(window)
    intake.setParent(window)
    for problem in loaded.problems:
        window.status.notice(f"Configuration: {problem}", 15000)
    return window


def run_window(window: MainWindow, loop: AppEventLoop) -> int:
    """Show ``window`` and run the loop until it is closed, then shut down cleanly.

    Closing the window cancels a running stream; the HTTP client is closed and abandoned async
    generators are finalised on the loop before it closes, so nothing is left for the garbage
    collector (no "ignored GeneratorExit", no unclosed-socket warnings).
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The loop, not Qt, decides when to stop: cleanup still needs it after the last window.
    app.setQuitOnLastWindowClosed(False)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    # Ctrl+C in the terminal closes the window. Python only sees signals when it runs, so a slow
    # timer gives it a chance while Qt is idle.
    previous = signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)

    async def until_closed() -> None:
        await closed.wait()
        await window.aclose()
        await loop.shutdown_asyncgens()

    window.show()
    try:
        loop.run_until_complete(until_closed())
    finally:
        wake.stop()
        signal.signal(signal.SIGINT, previous)
        loop.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``qwenvl-desktop`` without a command, and ``python -m qwenvl_desktop``: open the window."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _app, loop = create_application()
    window = create_main_window(arguments)
    return run_window(window, loop)
