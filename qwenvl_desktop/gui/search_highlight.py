"""A search hit opened from the history sidebar: its words highlighted in the transcript.

The words of the search (matched as the search matches them: any of them, case-insensitively,
:func:`qwenvl_desktop.core.history.search.terms_pattern`) are marked in the hit's turn with the
view's *extra selections* — a layer over the document, so nothing in the conversation's text or
formats changes — and the view scrolls to the first of them. The highlight goes when the person
searches again, opens another conversation or starts a new one (:func:`clear_highlight`).

The colours are fixed, not the palette's: dark text on amber reads at about 12:1 on light and
dark themes alike, like a browser's find bar.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from qwenvl_desktop.core.history.search import split_terms, terms_pattern
from qwenvl_desktop.gui.transcript.view import TranscriptView

__all__ = ["HIT_BACKGROUND", "HIT_FOREGROUND", "clear_highlight", "highlight_hit"]

HIT_BACKGROUND = QColor("#ffd54f")
HIT_FOREGROUND = QColor("#1a1a1a")
#: at most this many words are marked in one turn (a very common word in a long answer)
_MOST = 500


def _utf16(text: str) -> int:
    """Qt's length of ``text`` (UTF-16 code units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def highlight_hit(view: TranscriptView, exchange_id: str, search: str) -> int:
    """Mark the words of ``search`` in the turn of ``exchange_id`` and scroll the first into
    view; how many were marked (0: the turn is not shown or holds none of them)."""
    clear_highlight(view)
    terms = split_terms(search)
    span = view.turn_span(exchange_id) if terms else None
    if span is None:
        return 0
    pattern = terms_pattern(terms)
    document = view.document()
    hit = QTextCharFormat()
    hit.setBackground(HIT_BACKGROUND)
    hit.setForeground(HIT_FOREGROUND)
    selections: list[QTextEdit.ExtraSelection] = []
    block = document.findBlock(span[0])
    while block.isValid() and block.position() < span[1] and len(selections) < _MOST:
        if block.isVisible():  # not in folded thinking or hidden details
            text = block.text()
            for match in pattern.finditer(text):
                start = block.position() + _utf16(text[: match.start()])
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(start + _utf16(match.group()), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = hit
                selections.append(selection)
        block = block.next()
    view.setExtraSelections(selections)
    if selections:
        _scroll_into_view(view, selections[0].cursor)
    return len(selections)


def clear_highlight(view: QTextEdit) -> None:
    view.setExtraSelections([])


def _scroll_into_view(view: QTextEdit, cursor: QTextCursor) -> None:
    """The word a third of the way down the view: read in context, above it and below."""
    place = QTextCursor(cursor)
    place.clearSelection()
    bar = view.verticalScrollBar()
    top = view.cursorRect(place).top()
    bar.setValue(bar.value() + top - view.viewport().height() // 3)
