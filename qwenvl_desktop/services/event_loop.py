"""The asyncio event loop of the window: qasync's Qt-driven loop, plus what qasync leaves out.

qasync 0.28 replaces ``run_forever`` without installing asyncio's async-generator hooks. An
abandoned ``async for`` over an httpx stream (a stop, a closed window) is then finalised by the
garbage collector outside the loop, which prints "async generator ignored GeneratorExit" and
leaks the connection. :class:`AppEventLoop` installs the loop's own hooks while it runs, so such
generators are closed on the loop, and :meth:`AppEventLoop.shutdown_asyncgens` finds them at exit.

Two ways to drive the loop:

* the app: :func:`create_application` (or, once the window's first frame is out,
  :func:`create_event_loop` on the QApplication that drew it) then
  ``loop.run_until_complete(...)`` (Qt's ``exec`` runs underneath);
* a host that already spins Qt (pytest-qt's ``qtbot.waitUntil``, an embedding application):
  :meth:`AppEventLoop.attach` makes the loop current and running without entering ``exec``, and
  :meth:`AppEventLoop.detach` undoes that before ``close``.
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
from collections import deque
from typing import Any

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from qwenvl_desktop.services.application import qt_application

__all__ = ["AppEventLoop", "create_application", "create_event_loop"]


class AppEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """A qasync loop that sets asyncio's async-generator hooks while it runs, and runs
    ``call_soon`` callbacks from one queue instead of one Qt timer each."""

    _saved_asyncgen_hooks: Any = None
    _attached: bool = False
    _exception_handler_set: Any = None

    def __init__(self, app: QApplication | None = None) -> None:
        super().__init__(app)
        # qasync schedules every call_soon as its own zero-delay Qt timer (register, fire, kill):
        # a streamed reply makes tens of thousands of them. A ready queue drained by one reused
        # timer, as asyncio's own loop does, halves the loop's cost per stream event.
        self._ready_handles: deque[asyncio.Handle] = deque()
        self._drain_timer = QTimer()
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain_ready)

    def call_soon(
        self, callback: Any, *args: Any, context: contextvars.Context | None = None
    ) -> asyncio.Handle:
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context=context)
        self._ready_handles.append(handle)
        if not self._drain_timer.isActive():
            self._drain_timer.start()
        return handle

    def _drain_ready(self) -> None:
        # Only the callbacks queued before this turn: new ones wait for the next turn, so Qt's
        # own events (input, paint) are processed in between, as between asyncio iterations.
        ready = self._ready_handles
        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle._cancelled:
                handle._run()
        if ready and not self._drain_timer.isActive():
            self._drain_timer.start()

    def _before_run_forever(self) -> None:
        super()._before_run_forever()
        if self._saved_asyncgen_hooks is None:
            self._saved_asyncgen_hooks = sys.get_asyncgen_hooks()
            sys.set_asyncgen_hooks(
                firstiter=self._asyncgen_firstiter_hook,
                finalizer=self._asyncgen_finalizer_hook,
            )

    def _after_run_forever(self) -> None:
        if self._saved_asyncgen_hooks is not None:
            sys.set_asyncgen_hooks(*self._saved_asyncgen_hooks)
            self._saved_asyncgen_hooks = None
        super()._after_run_forever()

    # qasync 0.28 keeps the handler in a private attribute and inherits asyncio's
    # get_exception_handler, which then always answers None: a handler installed over another
    # (the crash reporter's) could not put the previous one back.
    def set_exception_handler(self, handler: Any) -> None:
        super().set_exception_handler(handler)
        self._exception_handler_set = handler

    def get_exception_handler(self) -> Any:
        return self._exception_handler_set

    # -- driving the loop from a Qt event loop someone else runs -------------------------------

    def attach(self) -> None:
        """Become the current, running loop without entering Qt's ``exec``.

        Callbacks are Qt timer and socket-notifier events, so they run whenever anyone processes
        Qt events; coroutines only need ``asyncio.get_running_loop()`` to answer. This avoids
        qasync's ``already_running`` mode, whose ``stop()`` calls ``QApplication.exit()`` and
        leaves Qt's quit flag set for every later nested event loop.
        """
        if self._attached:
            return
        asyncio.set_event_loop(self)
        asyncio.events._set_running_loop(self)
        self._before_run_forever()
        self._attached = True

    def detach(self) -> None:
        """Undo :meth:`attach` (restores the hooks and clears the running loop)."""
        if not self._attached:
            return
        self._after_run_forever()
        asyncio.events._set_running_loop(None)
        self._attached = False

    def close(self) -> None:
        self.detach()
        self._drain_timer.stop()
        self._ready_handles.clear()
        super().close()


def create_application() -> tuple[QApplication, AppEventLoop]:
    """The QApplication (reused if one exists) and a new :class:`AppEventLoop` set as current."""
    app = qt_application()
    return app, create_event_loop(app)


def create_event_loop(app: QApplication) -> AppEventLoop:
    """A new :class:`AppEventLoop` on ``app``, set as the current loop."""
    loop = AppEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop
