"""A long conversation opened from the history: what :meth:`.view.TranscriptView.load_exchanges`
needs besides the turns themselves.

Cost model (``bench/bench_open_conversation.py``; 1,000 turns with 100 images, 1.5 MB of text):

- Qt adjusts every ``QTextCursor`` kept in a document on every edit, and each turn keeps several
  marks (:class:`.document.ReplyMarks`): built one after another the turns were quadratic
  (5.6 s). While a long conversation is built, the marks of the finished turns are *parked* as
  plain positions (:func:`park_marks`) and made again at the end (:func:`unpark_marks`): the
  document only grows after them, so their positions hold.
- Building a turn costs about 0.6 ms and laying the document out about 0.25 ms per turn, so
  showing all 1,000 turns at once cannot be under half a second. The transcript shows the
  latest :data:`SHOWN_TURNS`; the earlier turns' text is in the document too, in hidden blocks
  (no layout cost; ``toPlainText()`` still gives the whole conversation), under one line
  "Show N earlier turns" (:func:`insert_earlier`). That line, or scrolling to the top, builds
  them properly (the view rebuilds with more turns, the reader staying where they were).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.gui.transcript.document import Formats, ReplyMarks

__all__ = [
    "EARLIER_LINK",
    "SHOWN_TURNS",
    "ParkedMark",
    "earlier_text",
    "first_shown",
    "insert_earlier",
    "park_marks",
    "unpark_marks",
]

#: How many of the latest turns a conversation opened from the history shows at first.
SHOWN_TURNS = 150
#: The link of the "Show N earlier turns" line.
EARLIER_LINK = "qwenvl-earlier:show"

#: a parked mark: the attribute of :class:`ReplyMarks`, its position, whether it keeps its
#: place on insert, whether it was at the end of the document (it follows the end, as a live
#: cursor would while text is appended)
ParkedMark = tuple[str, int, bool, bool]


def park_marks(reply: ReplyMarks) -> list[ParkedMark]:
    """Take ``reply``'s cursors out of the document (null cursors in their place)."""
    parked: list[ParkedMark] = []
    for field in fields(reply):
        value = getattr(reply, field.name)
        if isinstance(value, QTextCursor) and not value.isNull():
            keeps = value.keepPositionOnInsert()
            at_end = not keeps and value.position() >= value.document().characterCount() - 1
            parked.append((field.name, value.position(), keeps, at_end))
            setattr(reply, field.name, QTextCursor())
    return parked


def unpark_marks(reply: ReplyMarks, parked: list[ParkedMark], document: QTextDocument) -> None:
    """Put parked cursors back into ``document``."""
    end = document.characterCount() - 1
    for name, position, keeps, at_end in parked:
        mark = QTextCursor(document)
        mark.setPosition(end if at_end else position)
        mark.setKeepPositionOnInsert(keeps)
        setattr(reply, name, mark)


def first_shown(count: int, shown_from: int | None) -> int:
    """The index of the first turn to build: the latest :data:`SHOWN_TURNS` unless told."""
    if shown_from is None:
        return max(count - SHOWN_TURNS, 0)
    return max(0, min(shown_from, count))


def earlier_text(exchange: Exchange) -> str:
    """A hidden turn's text, as the built turn reads (question, thinking, answer)."""
    # the same words as the built turn (document.py), so a search finds what will show
    translate = QCoreApplication.translate
    question = exchange.question or translate("TranscriptDocument", "(images only)")
    parts = [translate("TranscriptDocument", "You"), question]
    model = f" · {exchange.model}" if exchange.model else ""
    parts.append("Qwen" + model)
    if exchange.reasoning:
        parts.append(exchange.reasoning)
    if exchange.answer:
        parts.append(exchange.answer)
    if exchange.error is not None:
        parts.append(exchange.error.sentence)
    return "\n".join(parts)


def insert_earlier(cursor: QTextCursor, fmt: Formats, earlier: Sequence[Exchange]) -> None:
    """At the start of an empty document: the text of the ``earlier`` turns in hidden blocks,
    then a visible line whose link shows them."""
    if not earlier:
        return
    document = cursor.document()
    text = "\n".join(earlier_text(e) for e in earlier).replace("\r", "")
    cursor.insertText(text, QTextCharFormat())
    end = cursor.position()
    block = document.begin()
    while block.isValid() and block.position() <= end:
        block.setVisible(False)
        block = block.next()
    line = QTextBlockFormat()
    line.setBottomMargin(4)
    cursor.insertBlock(line, fmt.small())
    count = len(earlier)
    translate = QCoreApplication.translate
    if count == 1:
        words = translate("StoredTurns", "▲ Show 1 earlier turn")
    else:
        words = translate("StoredTurns", "▲ Show %1 earlier turns").replace("%1", f"{count:,}")
    cursor.insertText(words, fmt.link(EARLIER_LINK))
    cursor.insertText(translate("StoredTurns", "  (or scroll to the top)"), fmt.small())
