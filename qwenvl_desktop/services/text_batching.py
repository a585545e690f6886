"""Streamed text in batches: one hand-over per ~30 ms, never one per token.

A widget update per token costs more than the whole network path (a 2,000-event reply: ≈ 64 ms on
the loop alone, 3.5–5 s when every token is inserted; see shared/PLATFORM.md), so the chat
service appends each delta here and a single-shot timer hands everything that arrived since the
last batch to one callback. The same counts give the live tokens-per-second estimate.

:meth:`TextBatcher.add_answer` and :meth:`TextBatcher.add_reasoning` are the hot path — tens of
thousands of calls per long reply — and do the least possible: append, count, start the timer if
it is not running.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["BATCH_INTERVAL_MS", "TextBatcher"]

#: How long streamed text collects before it is handed on (one repaint per batch).
BATCH_INTERVAL_MS = 30
#: Before this much time since the first text, a rate is noise and is not reported.
_RATE_SETTLE_SECONDS = 0.2


class TextBatcher(QObject):
    """Collects one reply's text and delivers it as ``deliver(reasoning, answer)`` batches."""

    def __init__(
        self,
        deliver: Callable[[str, str], None],
        first_text: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        """``first_text`` is called when the reply's first delta arrives (time to first token)."""
        super().__init__(parent)
        self._deliver = deliver
        self._first_text = first_text
        self._reasoning: list[str] = []
        self._answer: list[str] = []
        self._scheduled = False
        self._deltas = 0
        self._first_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_INTERVAL_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush)

    def start(self) -> None:
        """Forget the previous reply: nothing pending, no timer, the rate starts again."""
        self._reasoning.clear()
        self._answer.clear()
        self._timer.stop()
        self._scheduled = False
        self._deltas = 0
        self._first_at = None

    def add_answer(self, text: str) -> None:
        self._answer.append(text)
        self._deltas += 1
        if not self._scheduled:
            self._schedule()

    def add_reasoning(self, text: str) -> None:
        self._reasoning.append(text)
        self._deltas += 1
        if not self._scheduled:
            self._schedule()

    def _schedule(self) -> None:
        if self._first_at is None:
            self._first_text()
            self._first_at = time.monotonic()
        self._scheduled = True
        self._timer.start()

    def flush(self) -> None:
        """Deliver what is pending now (the timer's slot; also before a usage or finish event)."""
        self._scheduled = False
        if not (self._reasoning or self._answer):
            return
        reasoning = "".join(self._reasoning)
        answer = "".join(self._answer)
        self._reasoning.clear()
        self._answer.clear()
        self._deliver(reasoning, answer)

    def stop(self) -> None:
        """The reply ended: no batch follows (flush first to keep what is pending)."""
        self._timer.stop()

    def live_rate(self) -> float | None:
        """Deltas per second since the first one; None while too early to mean anything."""
        if self._first_at is None:
            return None
        elapsed = time.monotonic() - self._first_at
        return self._deltas / elapsed if elapsed > _RATE_SETTLE_SECONDS else None

    def final_rate(self, completion_tokens: int | None) -> float | None:
        """Tokens per second over the whole reply: the usage's count, else the deltas counted."""
        if self._first_at is None:
            return None
        elapsed = time.monotonic() - self._first_at
        if elapsed <= 0:
            return None
        return (completion_tokens or self._deltas) / elapsed
