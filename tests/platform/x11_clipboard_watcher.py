"""Runs the app's ClipboardWatcher against the real X11 clipboard (QT_QPA_PLATFORM=xcb).

    python x11_clipboard_watcher.py OUTDIR

Prints ``ready``, then ``checked`` after every clipboard read, ``captured DIGEST WxH`` for each
image the watcher emits (the PNG is saved as OUTDIR/captured-N.png). ``quit`` on stdin ends it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

from qwenvl_desktop.platform.clipboard import ClipboardWatcher, image_digest
from tests.platform.helper_io import StdinCommands, say


class ReportingWatcher(ClipboardWatcher):
    def check_now(self) -> None:
        super().check_now()
        say("checked")


def main() -> int:
    outdir = Path(sys.argv[1])
    app = QGuiApplication(sys.argv[:1])
    watcher = ReportingWatcher()
    count = 0

    def captured(png: bytes) -> None:
        nonlocal count
        count += 1
        (outdir / f"captured-{count}.png").write_bytes(png)
        image = QImage.fromData(png)
        say("captured", image_digest(image), f"{image.width()}x{image.height()}")

    watcher.imageCaptured.connect(captured)
    watcher.set_enabled(True)
    commands = StdinCommands()
    commands.line.connect(lambda line: app.quit() if line == "quit" else None)
    say("ready", app.platformName())
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
