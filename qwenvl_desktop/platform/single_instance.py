"""One running app per user: a second start hands its request to the first through a local socket.

``qwenvl-desktop --capture`` is meant to be bound to an OS shortcut: pressing it while the app
runs must open the capture overlay in *that* app (its conversation, its attachments), not start a
second window. The first instance listens on a :class:`QLocalServer`; a later one connects,
sends one line (``"capture"``, ``"show"``…), waits for ``"ok"`` and exits.

The socket name is per user (the uid, or the user name where there is none), so two people on one
machine each get their own app, and the server only accepts the same user
(``UserAccessOption``). On Linux it lives in ``$XDG_RUNTIME_DIR`` when there is one (private to
the user, cleared at logout); elsewhere Qt puts it in the temporary folder.

Which instance is the running one is decided by a :class:`QLockFile` beside the socket (it knows
its owner's process, so a crashed owner's lock is taken over). A crash also leaves the socket file
behind on Unix: the new owner removes that stale file (``QLocalServer.removeServer``) and listens.

At start-up the app only takes the lock (:meth:`SingleInstance.claim_or_forward`, QtCore alone)
before its window appears, and starts listening (:meth:`~SingleInstance.listen`) after the first
frame: QtNetwork is loaded then, or at once by a start that forwards its request. A start in
between finds the lock taken and retries its request until the socket answers (``timeout_ms``).

Protocol: UTF-8 lines, at most :data:`MAX_MESSAGE_BYTES` each; the server answers ``ok`` to each
line after emitting :attr:`SingleInstance.messageReceived`.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import shiboken6
from PySide6.QtCore import QDir, QLockFile, QObject, Signal

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.i18n import translate

if TYPE_CHECKING:
    # QtNetwork is imported where a socket is first made: not before the window's first frame.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = [
    "ASK_CLIPBOARD",
    "CAPTURE",
    "CAPTURE_TEXT",
    "MAX_MESSAGE_BYTES",
    "SHOW",
    "InstanceError",
    "SingleInstance",
    "server_name",
]

#: open the capture overlay (``qwenvl-desktop --capture``)
CAPTURE = "capture"
#: capture a region and put its text on the clipboard (``qwenvl-desktop --capture-text``)
CAPTURE_TEXT = "capture-text"
#: bring the window to the front (a plain second start)
SHOW = "show"
#: attach the clipboard's image and show the window (the tray's "Ask about clipboard")
ASK_CLIPBOARD = "ask-clipboard"

MAX_MESSAGE_BYTES = 4096
_ACK = b"ok\n"
_WAIT_SLICE_MS = 20
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class InstanceError(RuntimeError):
    """Another instance holds the name but did not take the message (it may be hung)."""


def server_name(app_id: str = APP_ID) -> str:
    """The per-user socket name (an absolute path in ``$XDG_RUNTIME_DIR`` when there is one)."""
    app_id = _UNSAFE.sub("-", app_id)
    if hasattr(os, "getuid"):
        user = str(os.getuid())
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if sys.platform.startswith("linux") and runtime and os.path.isdir(runtime):
            return os.path.join(runtime, f"{app_id}-{user}.sock")
    else:
        import getpass  # here: only where there is no uid (Windows)

        try:
            user = getpass.getuser()
        except Exception:  # no user name in the environment: fall back to one shared name
            user = "user"
        user = _UNSAFE.sub("-", user)
    return f"{app_id}-{user}"


class SingleInstance(QObject):
    """The first instance calls :meth:`listen`; later ones :meth:`try_forward` their request.

    In ``app.main``::

        instance = SingleInstance()
        if instance.claim_or_forward(CAPTURE if args.capture else SHOW) == "forwarded":
            return 0
        ...  # the window's first frame, then
        instance.messageReceived.connect(window.capture_tools.handle_instance_message)
        instance.listen()
    """

    #: one line from another instance (``"capture"``, ``"show"``, ``"ask-clipboard"``…)
    messageReceived = Signal(str)

    def __init__(
        self,
        app_id: str = APP_ID,
        parent: QObject | None = None,
        *,
        timeout_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.name = server_name(app_id)
        #: the lock file that decides which instance is the running one
        self.lock_path = _lock_path(self.name)
        self.timeout_ms = timeout_ms
        self._server: QLocalServer | None = None
        self._lock: QLockFile | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def try_forward(self, message: str) -> bool:
        """Send ``message`` to the running instance; True once it acknowledged it.

        False when no instance runs (or it did not answer within ``timeout_ms``). Blocking, but
        only for a local round trip: meant for start-up, before any window exists.
        """
        from PySide6.QtNetwork import QLocalSocket

        data = _encode(message)
        deadline = time.monotonic() + self.timeout_ms / 1000
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        try:
            if not _wait(socket, socket.waitForConnected, deadline):
                return False
            socket.write(data)
            while socket.bytesToWrite():
                if not _wait(socket, socket.waitForBytesWritten, deadline):
                    return False
            reply = b""
            while not reply.endswith(b"\n") and len(reply) <= len(_ACK):
                # waitForBytesWritten may already have read the answer into the buffer, and
                # waitForReadyRead waits only for *new* data: look before waiting.
                if not socket.bytesAvailable() and not _wait(
                    socket, socket.waitForReadyRead, deadline
                ):
                    return False
                reply += bytes(socket.readAll().data())
            return reply == _ACK
        finally:
            socket.abort()

    def listen(self) -> bool:
        """Become the running instance; False when a live one already holds the name.

        Who is first is decided by a lock file beside the socket, not by the socket itself:
        :class:`QLocalServer` happily replaces a live instance's socket on Unix (with
        ``UserAccessOption``) and opens a second pipe of the same name on Windows. The lock
        file names its owner's process, so a crashed owner's lock is taken over; its socket file
        (stale: nobody accepts on it) is then removed before listening.
        """
        from PySide6.QtNetwork import QLocalServer

        if self.is_listening():
            return True
        if not self.claim():
            return False
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            error = server.errorString()
            server.deleteLater()
            self._release_lock()
            raise InstanceError(
                translate("SingleInstance", "Cannot listen on %1 for other instances: %2")
                .replace("%2", str(error))
                .replace("%1", self.name)
            )
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def claim(self) -> bool:
        """Take the lock that makes this the running instance; False when a live one holds it.

        Cheap (no socket, no QtNetwork): the app claims before its window appears and calls
        :meth:`listen` once the window is up. Raises :class:`InstanceError` when the lock file
        cannot be created at all.
        """
        if self._lock is not None:
            return True
        lock = QLockFile(self.lock_path)
        lock.setStaleLockTime(0)  # stale only when the owning process is gone, never by age
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise InstanceError(
                translate("SingleInstance", "Cannot create the instance lock %1.").replace(
                    "%1", str(self.lock_path)
                )
            )
        self._lock = lock
        return True

    def claim_or_forward(self, message: str) -> Literal["forwarded", "claimed"]:
        """Become the running instance (the lock only: :meth:`listen` later), else hand
        ``message`` to the one that runs.

        The running one may still be starting (it listens after its first frame), so the
        message is tried until ``timeout_ms`` has passed. Raises :class:`InstanceError` when an
        instance holds the lock but does not answer.
        """
        if self.claim():
            return "claimed"
        self._forward_until_answered(message)
        return "forwarded"

    def forward_or_listen(self, message: str) -> Literal["forwarded", "listening"]:
        """Hand ``message`` to a running instance, else become the running instance.

        Two instances started at the same moment may both fail to forward; the one that loses
        the lock waits for the winner's socket (up to ``timeout_ms``) and forwards again. Raises
        :class:`InstanceError` when an instance holds the lock but does not answer.
        """
        if self.try_forward(message):
            return "forwarded"
        if self.listen():
            return "listening"
        self._forward_until_answered(message)
        return "forwarded"

    def _forward_until_answered(self, message: str) -> None:
        deadline = time.monotonic() + self.timeout_ms / 1000
        while True:
            if self.try_forward(message):
                return
            if time.monotonic() >= deadline:
                break
            time.sleep(0.05)
        raise InstanceError(
            translate(
                "SingleInstance",
                "Another Qwen-VL Desktop is running but does not answer; close it and try again.",
            )
        )

    def close(self) -> None:
        """Stop listening (the socket file is removed); pending connections are dropped."""
        # Drop the connections first: they are the server's children and die with it.
        for socket in list(self._buffers):
            self._drop(socket)
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        buffer = self._buffers[socket] + bytes(socket.readAll().data())
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            message = line.decode("utf-8", errors="replace").strip()
            if message:
                self.messageReceived.emit(message)
            socket.write(_ACK)
            socket.flush()
        if len(buffer) > MAX_MESSAGE_BYTES:
            self._drop(socket)  # not one of ours: a message is a short command
            return
        self._buffers[socket] = buffer

    def _drop(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None and shiboken6.isValid(socket):
            socket.abort()
            socket.deleteLater()


def _wait(socket: QLocalSocket, wait_for: Callable[[int], bool], deadline: float) -> bool:
    """Call a blocking ``waitFor…`` in short slices until it succeeds or ``deadline`` passes.

    PySide6 keeps the GIL while such a call blocks, so one long wait would freeze every other
    Python thread of the process — including an in-process listener that must answer. A socket
    that has given up (no server, closed by the peer) ends the wait at once.
    """
    from PySide6.QtNetwork import QLocalSocket

    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        if wait_for(max(1, min(_WAIT_SLICE_MS, int(remaining * 1000)))):
            return True
        if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            return False


def _lock_path(name: str) -> str:
    if os.path.isabs(name):
        return f"{name}.lock"
    # The temporary folder is per user on Windows and macOS; the name carries the user anyway.
    return os.path.join(QDir.tempPath(), f"{name}.lock")


def _encode(message: str) -> bytes:
    if "\n" in message or "\r" in message:
        raise ValueError("a message is one line")
    data = message.encode("utf-8") + b"\n"
    if len(data) > MAX_MESSAGE_BYTES:
        raise ValueError(f"a message is at most {MAX_MESSAGE_BYTES} bytes")
    return data
