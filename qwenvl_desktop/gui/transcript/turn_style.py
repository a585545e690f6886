"""How the transcript reads as a current chat client: a readable line length on wide windows,
each question set apart from its answer, and the live "Thinking… 7 s" clock.

* Line length: prose is read comfortably at 60–90 characters per line. On a wide window the
  document's root frame gets side margins so its text is at most :data:`MAX_LINE_CHARACTERS`
  average characters wide, centred; on a narrow one it takes the whole width
  (:func:`side_margin`, applied by the view on resize).
* A question's blocks (its "You" line, the text, the thumbnails and their captions) get a faint
  shade: a translucent grey that reads the same over light and dark bases, so the text on it
  keeps its contrast (:func:`shade_question`).
* :class:`ThinkingClock`: while a reply's reasoning streams, its Thinking header counts the
  seconds (one short text edit per second for the replies thinking, nothing else); when the
  answer starts, the header says "Thought for 12 s". A reply replayed from the history (reasoning
  and answer handed over together) has no duration to show and says "Thinking".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QTextBlockFormat, QTextCursor, QTextDocument

if TYPE_CHECKING:
    # Only the type: the view imports this module for its first resize, before any exchange
    # brings in the document machinery.
    from qwenvl_desktop.gui.transcript.document import ReplyMarks

__all__ = [
    "MAX_LINE_CHARACTERS",
    "QUESTION_SHADE",
    "ThinkingClock",
    "apply_side_margin",
    "shade_question",
    "side_margin",
]

#: The widest line of text, in average characters of the transcript's font.
MAX_LINE_CHARACTERS = 88
#: The document margin kept on each side however wide the window (matches the view's).
_MIN_MARGIN = 12
#: A question's background: translucent, so it reads on any base (see module doc).
QUESTION_SHADE = QColor(127, 127, 127, 22)


def side_margin(viewport_width: int, metrics: QFontMetricsF) -> int:
    """The root frame's left and right margin for a viewport ``viewport_width`` pixels wide."""
    text_width = metrics.averageCharWidth() * MAX_LINE_CHARACTERS
    spare = viewport_width - text_width - 2 * _MIN_MARGIN
    return _MIN_MARGIN + max(int(spare // 2), 0)


def apply_side_margin(document: QTextDocument, margin: int) -> bool:
    """Give the root frame ``margin`` on the left and right (unchanged: nothing to lay out
    again). Returns whether it changed."""
    root = document.rootFrame()
    frame_format = root.frameFormat()
    if frame_format.leftMargin() == margin and frame_format.rightMargin() == margin:
        return False
    frame_format.setLeftMargin(margin)
    frame_format.setRightMargin(margin)
    root.setFrameFormat(frame_format)
    return True


def shade_question(document: QTextDocument, start: int, end: int) -> None:
    """Shade the blocks from ``start`` to ``end`` (one question) and give them some air."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    shade = QTextBlockFormat()
    shade.setBackground(QUESTION_SHADE)
    shade.setLeftMargin(6)
    shade.setRightMargin(6)
    cursor.mergeBlockFormat(shade)
    # The first line has padding above, the last below (block formats have no padding: a
    # margin inside the shaded band is what makes it look like one).
    first = document.findBlock(start)
    last = document.findBlock(end)
    top = QTextBlockFormat()
    top.setTopMargin(max(first.blockFormat().topMargin(), 6))
    QTextCursor(first).mergeBlockFormat(top)
    bottom = QTextBlockFormat()
    bottom.setBottomMargin(max(last.blockFormat().bottomMargin(), 6))
    QTextCursor(last).mergeBlockFormat(bottom)


class ThinkingClock(QObject):
    """Counts the seconds of the replies whose reasoning streams, for their headers."""

    #: how often the headers are written while thinking
    INTERVAL_MS = 1000

    def __init__(self, write: Callable[[ReplyMarks, float], bool], parent: QObject) -> None:
        """``write(reply, live_seconds)`` writes a reply's Thinking header; False when the reply
        is no longer shown (restarted, removed): the clock forgets it."""
        super().__init__(parent)
        self._write = write
        #: the replies thinking now, and how many batches each has had since it began
        self._thinking: dict[str, tuple[ReplyMarks, int]] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def batch(self, reply: ReplyMarks) -> None:
        """A batch of text for ``reply`` is about to be shown."""
        entry = self._thinking.get(reply.id)
        if entry is not None:
            self._thinking[reply.id] = (entry[0], entry[1] + 1)

    def started(self, reply: ReplyMarks) -> None:
        """The reply's first reasoning is shown."""
        reply.thinking_started = time.monotonic()
        reply.thinking_seconds = None
        self._thinking[reply.id] = (reply, 0)
        self._write(reply, 0.0)
        if not self._timer.isActive():
            self._timer.start()

    def stopped(self, reply: ReplyMarks) -> None:
        """The answer began or the reply ended: the thinking is over. Its duration is known
        only if the reasoning came in an earlier batch (not all at once, replayed)."""
        entry = self._thinking.pop(reply.id, None)
        if entry is None:
            return
        if entry[1] > 0 and reply.thinking_started is not None:
            reply.thinking_seconds = time.monotonic() - reply.thinking_started
        if not self._thinking:
            self._timer.stop()

    def is_thinking(self, reply: ReplyMarks) -> bool:
        return reply.id in self._thinking

    def clear(self) -> None:
        self._thinking.clear()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        for reply, _batches in list(self._thinking.values()):
            started = reply.thinking_started
            if started is None or not self._write(reply, now - started):
                self._thinking.pop(reply.id, None)
        if not self._thinking:
            self._timer.stop()
