"""Streamed text in batches: one hand-over per ~30 ms, never one per token.

A widget update per token costs more than the whole network path (a 2,000-event reply: ≈ 64 ms on
the loop alone, 3.5–5 s when every token is inserted; see shared/PLATFORM.md), so the chat
service appends each delta here and a single-shot timer hands everything that arrived since the
last batch to one callback. The same counts give the live tokens-per-second estimate.

:meth:`TextBatcher.add_answer` and :meth:`TextBatcher.add_reasoning` are the hot path — up to
tens of thousands of calls per long reply — and do the least possible: append, note the time,
start the timer if it is not running. The pieces are counted (for the rate) once per batch, on
the joined text, not once per piece: per piece, counting cost about as much as decoding the
event (docs/decisions/0017-streaming-protocol-cost.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

__all__ = ["BATCH_INTERVAL_MS", "MAX_BATCH_CHARS", "TextBatcher", "estimated_tokens"]

#: How long streamed text collects before it is handed on (one repaint per batch).
BATCH_INTERVAL_MS = 30
#: A batch is handed on sooner once it holds this many characters: the window renders a batch in
#: one go (≈ 7 ms for 16,000 characters of Markdown here), and a reply arriving faster than it
#: can be shown would otherwise make each batch — and the pause it causes — 30 ms of text long.
MAX_BATCH_CHARS = 16_000
#: Under this much time between the first text and the last, a rate is noise and is not reported
#: (a replayed or cached reply arrives at once: 99,813 tok/s means nothing).
_RATE_SETTLE_SECONDS = 0.5
#: Nor with fewer pieces of text than this.
_RATE_MIN_DELTAS = 5


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
        #: pieces counted so far; of the pending pieces, how many are counted already
        self._deltas = 0
        self._counted_reasoning = 0
        self._counted_answer = 0
        self._pending_chars = 0
        self._first_at: float | None = None
        self._last_at = 0.0
        #: estimated tokens so far, and of the first piece alone (see estimated_tokens)
        self._estimated = 0.0
        self._first_estimated = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_INTERVAL_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush)

    def start(self) -> None:
        """Forget the previous reply: nothing pending, no timer, the rate starts again."""
        self._reasoning.clear()
        self._answer.clear()
        self._pending_chars = 0
        self._timer.stop()
        self._scheduled = False
        self._deltas = 0
        self._counted_reasoning = 0
        self._counted_answer = 0
        self._first_at = None
        self._last_at = 0.0
        self._estimated = 0.0
        self._first_estimated = 0.0

    def add_answer(self, text: str) -> None:
        self._answer.append(text)
        self._last_at = time.monotonic()
        self._pending_chars += len(text)
        if not self._scheduled:
            self._schedule(text)
        elif self._pending_chars >= MAX_BATCH_CHARS:
            self.flush()

    def add_reasoning(self, text: str) -> None:
        self._reasoning.append(text)
        self._last_at = time.monotonic()
        self._pending_chars += len(text)
        if not self._scheduled:
            self._schedule(text)
        elif self._pending_chars >= MAX_BATCH_CHARS:
            self.flush()

    def _schedule(self, text: str) -> None:
        if self._first_at is None:
            self._first_text()
            self._first_at = self._last_at
            self._first_estimated = estimated_tokens(text)
        self._scheduled = True
        self._timer.start()

    def _count_pending(self) -> None:
        """Add the pieces that arrived since the last count to the rate's figures."""
        for pieces, counted in (
            (self._reasoning, self._counted_reasoning),
            (self._answer, self._counted_answer),
        ):
            if len(pieces) > counted:
                self._deltas += len(pieces) - counted
                self._estimated += estimated_tokens("".join(pieces[counted:]))
        self._counted_reasoning = len(self._reasoning)
        self._counted_answer = len(self._answer)

    def flush(self) -> None:
        """Deliver what is pending now (the timer's slot; also before a usage or finish event)."""
        self._scheduled = False
        if not (self._reasoning or self._answer):
            return
        self._count_pending()
        reasoning = "".join(self._reasoning)
        answer = "".join(self._answer)
        self._reasoning.clear()
        self._answer.clear()
        self._counted_reasoning = self._counted_answer = 0
        self._pending_chars = 0
        self._deliver(reasoning, answer)

    def stop(self) -> None:
        """The reply ended: no batch follows (flush first to keep what is pending)."""
        self._timer.stop()

    def live_rate(self) -> float | None:
        """Estimated tokens per second from the first text to the latest; None while the sample
        is too short to mean anything."""
        self._count_pending()
        return self._rate(self._estimated)

    def final_rate(self, completion_tokens: int | None) -> float | None:
        """Tokens per second from the first text to the last: the usage's count (else the
        estimate); None when the reply came too fast or in too few pieces to measure."""
        self._count_pending()
        return self._rate(completion_tokens or self._estimated)

    def _rate(self, tokens: float) -> float | None:
        if self._first_at is None or self._deltas < _RATE_MIN_DELTAS or self._estimated <= 0:
            return None
        elapsed = self._last_at - self._first_at
        if elapsed < _RATE_SETTLE_SECONDS:
            return None
        # The first piece's tokens arrived at the start of the interval, not during it.
        during = tokens * (1 - self._first_estimated / self._estimated)
        return during / elapsed


def estimated_tokens(text: str) -> float:
    """Roughly how many tokens ``text`` is (Qwen's tokenizer: ~4 Latin characters a token,
    ~1.5 CJK ones) — the live rate's count, before the usage gives the real one."""
    if text.isascii():
        return len(text) / 4
    ascii_chars = len(text.encode("ascii", "ignore"))  # in C, not a loop over the characters
    return ascii_chars / 4 + (len(text) - ascii_chars) / 1.5
