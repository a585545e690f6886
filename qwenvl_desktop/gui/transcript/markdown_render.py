"""An answer's Markdown, rendered into the document as it streams — the block being written too.

Cost model (see shared/PLATFORM.md and docs/decisions/0016): text arrives in batches from the
controller (~30 ms). Each batch

1. renders the blocks that are now complete (:mod:`.markdown_stream` finds them) exactly once, at
   most :data:`RENDER_CHUNK` characters per event-loop turn, with their code highlighted
   (:mod:`.code_blocks`); text beyond that waits, shown raw, for the next turn;
2. shows the unfinished last block *rendered*: the previous provisional rendering is removed and
   the tail — usually one paragraph, one table, one code block — is rendered again, completed so
   it looks like what it will be (:func:`.markdown_stream.provisional_markdown`). That costs time
   in the tail's length per batch, so only a tail up to :data:`TAIL_LIMIT` characters is
   re-rendered; a longer one (a huge table, a backlog after a stall) keeps what is shown and has
   the new text appended in the format at its end;
3. runs inside one edit block, so Qt lays the document out once per batch, not once per edit.

Rendering a reply therefore costs time linear in its length plus a bounded amount per batch,
and never re-parses the document.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)

from qwenvl_desktop.gui.transcript import code_blocks
from qwenvl_desktop.gui.transcript.colours import TranscriptColours, restyle, restyle_tables
from qwenvl_desktop.gui.transcript.document import Formats, ReplyMarks, at
from qwenvl_desktop.gui.transcript.markdown_stream import (
    CODE_LINK_PREFIX,
    add_copy_links,
    provisional_markdown,
    split_before_tables,
    utf16_len,
)

__all__ = [
    "PROVISIONAL_HIGHLIGHT_LIMIT",
    "RENDER_CHUNK",
    "TAIL_LIMIT",
    "insert_markdown",
    "render_rest",
    "stream_answer",
]

#: Most Markdown characters rendered in one event-loop turn (unless one block is longer): bounds
#: the time one batch can hold the event loop when a reply arrives faster than it is shown
#: (≈ 0.1–0.15 ms per 1,000 characters inserted and laid out). Not smaller: text that waits is
#: shown raw, and removing it piece by piece moves all the raw blocks after it (decision 0016).
RENDER_CHUNK = 64000
#: Longest unfinished block rendered again at every batch (≈ 1–3 ms at this length).
TAIL_LIMIT = 12000
#: Longest unfinished code block highlighted again at every batch (Pygments' Python lexer takes
#: ≈ 1 ms per 100–200 characters here).
PROVISIONAL_HIGHLIGHT_LIMIT = 1200

_Move = QTextCursor.MoveOperation
_Mode = QTextCursor.MoveMode
#: A first line whose block format must survive the merge: heading, fence, quote, rule, or an
#: indented code block.
_STARTS_WITH_BLOCK_MARKUP = re.compile(r"\s*(?:#{1,6}\s|```|~~~|>|(?:[-*_]\s*){3,}$|    \S)", re.M)
#: A character of a script that needs shaping (anything but Latin, general punctuation, currency,
#: letter-like symbols, arrows, maths operators, box drawing): Arabic, Indic, emoji…
_NEEDS_SHAPING = re.compile("[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u22ff\u2500-\u257f]")
#: What can make a code block (a fence, an indented block) or a quote.
_MAY_HAVE_CODE_OR_QUOTES = re.compile(r"```|~~~|^\s*>|^ {4}|\t", re.M)
#: What can make a link: Markdown and HTML links, autolinks (GitHub's, as Qt reads them:
#: www., http(s)://, e-mail addresses).
_MAY_HAVE_LINKS = re.compile(r"\]\(|\]\[|\]:|<|www\.|://|@")


def stream_answer(fmt: Formats, reply: ReplyMarks, text: str) -> None:
    """Show a batch of answer text: complete blocks rendered for good, the unfinished rest
    rendered provisionally (or, when very long, appended as it comes)."""
    splitter = reply.splitter
    splitter.feed(text)
    editing = QTextCursor(reply.answer_end.document())
    editing.beginEditBlock()
    try:
        length = splitter.boundary(RENDER_CHUNK)
        if length:
            _render_piece(fmt.colours, reply, splitter.consume(length))
        _show_tail(fmt.colours, reply)
    finally:
        editing.endEditBlock()


def render_rest(fmt: Formats, reply: ReplyMarks) -> None:
    """At the end: render what is left for good (at most RENDER_CHUNK characters per call)."""
    length = len(reply.splitter.text)
    if length > RENDER_CHUNK:
        length = reply.splitter.boundary(RENDER_CHUNK) or length
    if length <= 0:
        return
    editing = QTextCursor(reply.answer_end.document())
    editing.beginEditBlock()
    try:
        _render_piece(fmt.colours, reply, reply.splitter.consume(length))
        _show_tail(fmt.colours, reply)
    finally:
        editing.endEditBlock()


# -- the finished pieces ---------------------------------------------------------------------------


def _render_piece(colours: TranscriptColours, reply: ReplyMarks, piece: str) -> None:
    """Render ``piece`` (just consumed from the splitter) for good after the rendered part, in
    place of what showed it until now."""
    if reply.tail_raw:
        # The raw tail began with this piece: replace just its characters, keep the rest raw.
        raw_length = utf16_len(piece[: reply.tail_shown])
        reply.tail_shown = max(reply.tail_shown - len(piece), 0)
        _remove(reply, raw_length)
        reply.tail_raw = reply.tail_shown > 0
    else:
        _clear_tail(reply)
    document = reply.rendered_end.document()
    markdown, codes = add_copy_links(piece, f"{CODE_LINK_PREFIX}{reply.id}/", len(reply.codes))
    reply.codes.extend(codes)
    for part in split_before_tables(markdown):
        start = reply.rendered_end.position()
        end = _render(colours, at(document, start), part, final=True)
        if start > reply.answer_start.position() and _starts_with_table(document, start, part):
            # A table cannot merge into the empty block it was inserted at: that block would
            # show as a blank line that the same text rendered in one piece does not have.
            at(document, start).deletePreviousChar()
            end -= 1
        # ``end`` is the end of the rendered text; what follows begins with the next block.
        reply.rendered_end.setPosition(min(end + 1, reply.answer_end.position()))


def _starts_with_table(document: QTextDocument, position: int, markdown: str) -> bool:
    """Whether ``markdown``, rendered at ``position``, began with a table: its text starts with
    a row and left the block there empty. (Inside the batch's edit block the document does not
    know its new tables yet: the text says it.)"""
    return markdown.lstrip().startswith("|") and document.findBlock(position).length() == 1


# -- the unfinished tail ---------------------------------------------------------------------------


def _show_tail(colours: TranscriptColours, reply: ReplyMarks) -> None:
    """Bring what shows the splitter's unfinished text up to date."""
    rest = reply.splitter.text
    if reply.tail_shown == len(rest) and (reply.tail_shown or not rest):
        return
    if len(rest) <= TAIL_LIMIT:
        _clear_tail(reply)
        if rest:
            _render_tail(colours, reply, rest)
        return
    # Too long to render again at every batch: append the new text in the format at the end
    # (the code block's, the table cell's…) until the block completes and renders for good.
    delta = rest[reply.tail_shown :]
    if reply.tail_shown == 0:
        reply.tail_raw = True  # nothing shown yet: the whole rest goes in raw
    cursor = reply.answer_end
    cursor.clearSelection()
    char = cursor.charFormat() if not reply.tail_raw else QTextCharFormat()
    cursor.insertText(delta, char)
    reply.tail_shown = len(rest)


def _render_tail(colours: TranscriptColours, reply: ReplyMarks, rest: str) -> None:
    document = reply.rendered_end.document()
    start = reply.rendered_end.position()
    markdown, codes = add_copy_links(
        provisional_markdown(rest), f"{CODE_LINK_PREFIX}{reply.id}/", len(reply.codes)
    )
    # The provisional code blocks can be copied too (what has arrived of them).
    reply.codes.extend(codes)
    reply.tail_codes = len(codes)
    _render(colours, at(document, start), markdown, final=False)
    reply.tail_shown = len(rest)
    reply.tail_raw = False


def _clear_tail(reply: ReplyMarks) -> None:
    """Remove the provisional tail (everything after the rendered part)."""
    length = reply.answer_end.position() - reply.rendered_end.position()
    if length > 0:
        _remove(reply, length)
    if reply.tail_codes:
        del reply.codes[-reply.tail_codes :]
        reply.tail_codes = 0
    reply.tail_shown = 0
    reply.tail_raw = False


def _remove(reply: ReplyMarks, length: int) -> None:
    """Remove ``length`` positions after the rendered part; the block there becomes a plain
    empty paragraph again (a provisional heading or code block must not colour what follows)."""
    document = reply.rendered_end.document()
    start = reply.rendered_end.position()
    cursor = at(document, start)
    if length:
        cursor.setPosition(start + length, _Mode.KeepAnchor)
        cursor.removeSelectedText()
    if cursor.atBlockEnd() and cursor.block().length() == 1:
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setBlockCharFormat(QTextCharFormat())
        cursor.setCharFormat(QTextCharFormat())
        reply.answer_end.setCharFormat(QTextCharFormat())


# -- rendering -------------------------------------------------------------------------------------


def _render(colours: TranscriptColours, cursor: QTextCursor, markdown: str, *, final: bool) -> int:
    document = cursor.document()
    start = cursor.position()
    # Only a finished piece counts as rendered (insert_markdown: once per character).
    border = colours.muted
    if final:
        end = insert_markdown(cursor, markdown, table_border=border)
    else:
        end = _insert(cursor, markdown, border)
    if not _NEEDS_SHAPING.search(markdown):
        # Latin text needs no OpenType shaping: laid out without it, it costs about half as
        # much (decision 0016). Other scripts (Arabic joins its letters) and emoji keep it.
        _without_shaping(cursor, start, end)
    # Plain prose — most of a long answer — has nothing to decorate or restyle: the two walks
    # over its blocks are skipped (they cost as much as inserting it).
    if _MAY_HAVE_CODE_OR_QUOTES.search(markdown):
        # The block being written is highlighted while short; a long one when it is finished.
        limit = None if final else PROVISIONAL_HIGHLIGHT_LIMIT
        end = code_blocks.decorate(document, colours, start, end, highlight_limit=limit)
    if _MAY_HAVE_LINKS.search(markdown):
        # Qt gives a Markdown link the application's link colour, unreadable on dark bases.
        restyle(document, colours, start, end, tables=False)  # (tables: _insert)
    return end


def _without_shaping(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, _Mode.KeepAnchor)
    char = QTextCharFormat()
    char.setFontStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    cursor.mergeCharFormat(char)


def insert_markdown(
    cursor: QTextCursor, markdown: str, *, table_border: QColor | None = None
) -> int:
    """Render a finished piece of ``markdown`` at ``cursor`` (the start of a block); returns
    the end position. (Each character of an answer passes here once.)"""
    return _insert(cursor, markdown, table_border)


def _insert(cursor: QTextCursor, markdown: str, table_border: QColor | None) -> int:
    """Insert ``markdown`` rendered at ``cursor`` (the start of a block); returns the end.

    ``insertFragment`` merges the fragment's first block into the block at the cursor and drops
    its block format, so the fragment goes into a fresh empty block. When the first block's
    format matters (a heading's level, a code block, a quote, a rule) it is parsed into a
    document first so that format can be copied; a piece starting with a plain paragraph — the
    usual case — skips that copy. So is a piece with a table, whose border takes
    ``table_border`` there: in the transcript, inside the edit block of a batch, the document
    does not list its new tables until the block ends.
    """
    start = cursor.position()
    cursor.insertBlock()
    cursor.movePosition(_Move.PreviousBlock)
    first_format: QTextBlockFormat | None = None
    first_text = ""
    starts_with_markup = _STARTS_WITH_BLOCK_MARKUP.match(markdown) is not None
    if starts_with_markup or (table_border is not None and "|" in markdown):
        source = QTextDocument()
        source.setMarkdown(markdown)
        if starts_with_markup:
            first_format = source.begin().blockFormat()
            first_text = source.begin().text()
        if table_border is not None:
            restyle_tables(source, table_border)
        cursor.insertFragment(QTextDocumentFragment(source))
    else:
        cursor.insertFragment(QTextDocumentFragment.fromMarkdown(markdown))
    end = cursor.position()
    document = cursor.document()
    placeholder = document.findBlock(start)
    if first_format is None:
        if placeholder.text() == "" and placeholder.position() < end:
            # A fragment that begins with a list or table does not merge: drop the empty block.
            probe = QTextCursor(placeholder)
            probe.movePosition(_Move.NextBlock)
            if probe.block().position() <= end and probe.block().textList() is not None:
                probe.deletePreviousChar()
                end -= 1
    elif placeholder.text() != "" or not first_text:
        at(document, start).setBlockFormat(first_format)
    return end
