"""Shared by the helper processes of the capture tests: commands on stdin, one line each."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, QSocketNotifier, Signal


class StdinCommands(QObject):
    """Emits each line written to stdin, in the Qt event loop (the helpers never block on it)."""

    line = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._buffer = b""
        self._notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:
            self._notifier.setEnabled(False)
            self.line.emit("quit")  # the test went away: do not linger
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            raw, self._buffer = self._buffer.split(b"\n", 1)
            self.line.emit(raw.decode().strip())


def say(*parts: object) -> None:
    print(*parts, flush=True)
