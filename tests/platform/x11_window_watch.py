"""The app's real window under X11, watch mode switched on from Tools ▸ Watch clipboard.

    python x11_window_watch.py BASE_URL      (QT_QPA_PLATFORM=xcb, DASHSCOPE_API_KEY set)

Built by ``create_main_window`` and run by ``run_window``, as ``qwenvl-desktop`` does (without
the single-instance socket). Prints ``ready PLATFORM watching=0|1 indicator=0|1`` once the
window is shown and watch mode is on, then ``images READY PENDING`` whenever the draft
changes, ``notice TEXT`` for each status-bar message and ``answer TEXT`` when a reply ends.
Commands on stdin: ``send TEXT`` asks TEXT with the attached images; ``quit`` closes the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from qwenvl_desktop.app import create_main_window, run_window
from qwenvl_desktop.services.event_loop import create_application
from tests.platform.helper_io import StdinCommands, say


def main() -> int:
    app, loop = create_application()
    window = create_main_window(["--base-url", sys.argv[1]])
    tools = window.capture_tools
    draft = window.draft

    def report_images() -> None:
        say("images", len(draft.attachments()), draft.pending_count())

    def finished(exchange_id: str) -> None:
        exchange = window.controller.exchange(exchange_id)
        say("answer", exchange.answer if exchange is not None else "?")

    def started() -> None:
        tools.watch_action.trigger()  # as a person would, from the Tools menu
        say(
            "ready",
            app.platformName(),
            f"watching={int(tools.is_watching())}",
            f"indicator={int(tools.watch_indicator.isVisible())}",
        )

    def command(line: str) -> None:
        if line == "quit":
            window.close()
        elif line.startswith("send "):
            window.prompt.setPlainText(line[5:])
            window.send()

    draft.changed.connect(report_images)
    window.statusBar().messageChanged.connect(lambda text: text and say("notice", text))
    window.controller.exchangeFinished.connect(finished)
    commands = StdinCommands()
    commands.line.connect(command)
    QTimer.singleShot(0, started)
    return run_window(window, loop)


if __name__ == "__main__":
    sys.exit(main())
