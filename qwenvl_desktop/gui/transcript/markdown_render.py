"""An answer's Markdown, rendered into the document piece by piece as it streams.

Cost model (see shared/PLATFORM.md): text arrives in batches from the controller (~30 ms), each
batch is one ``insertText`` at the end of the reply, and the answer's Markdown is rendered piece by
piece as complete blocks arrive (:mod:`.markdown_stream` finds them), each piece exactly once, at
most :data:`RENDER_CHUNK` characters per event-loop turn. Rendering a reply therefore costs time
linear in its length and never re-parses the document.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)

from qwenvl_desktop.gui.transcript.colours import TranscriptColours, restyle
from qwenvl_desktop.gui.transcript.document import Formats, ReplyMarks, at
from qwenvl_desktop.gui.transcript.markdown_stream import (
    CODE_LINK_PREFIX,
    add_copy_links,
    utf16_len,
)

__all__ = ["RENDER_CHUNK", "insert_markdown", "render_rest", "stream_answer"]

#: Most Markdown characters rendered in one event-loop turn (unless one block is longer): bounds
#: the time one batch can hold the event loop when a reply arrives faster than it is shown.
RENDER_CHUNK = 16000

_Move = QTextCursor.MoveOperation
_Mode = QTextCursor.MoveMode
_CODE_SHADE = QColor(127, 127, 127, 36)
#: A first line whose block format must survive the merge: heading, fence, quote, rule, or an
#: indented code block.
_STARTS_WITH_BLOCK_MARKUP = re.compile(r"\s*(?:#{1,6}\s|```|~~~|>|(?:[-*_]\s*){3,}$|    \S)", re.M)


def stream_answer(fmt: Formats, reply: ReplyMarks, text: str) -> None:
    """Show a batch of answer text: complete blocks rendered, the unfinished rest raw.

    The document always holds ``reply.splitter.text`` (not yet rendered) as raw text after
    the rendered part. Complete blocks are rendered straight from the splitter, so text that
    arrives whole within a batch is never inserted raw first; only the unfinished last block
    is shown raw until it completes.
    """
    splitter = reply.splitter
    raw_in_document = len(splitter.text)
    splitter.feed(text)
    length = splitter.boundary(RENDER_CHUNK)
    if length:
        piece = splitter.consume(length)
        replaced = piece[:raw_in_document]
        _replace_raw(fmt.colours, reply, piece, utf16_len(replaced))
        raw_in_document = max(raw_in_document - length, 0)
    rest = splitter.text[raw_in_document:]
    if rest:
        reply.answer_end.clearSelection()
        reply.answer_end.insertText(rest, fmt.raw())


def render_rest(fmt: Formats, reply: ReplyMarks) -> None:
    """At the end: render what is left (in pieces of at most RENDER_CHUNK per call)."""
    length = len(reply.splitter.text)
    if length > RENDER_CHUNK:
        length = reply.splitter.boundary(RENDER_CHUNK) or length
    if length <= 0:
        return
    piece = reply.splitter.consume(length)
    _replace_raw(fmt.colours, reply, piece, utf16_len(piece))


def _replace_raw(
    colours: TranscriptColours, reply: ReplyMarks, piece: str, raw_length: int
) -> None:
    """Replace ``raw_length`` positions of raw text after the rendered part with ``piece``
    rendered as Markdown (its links and tables in the transcript's colours)."""
    document = reply.rendered_end.document()
    start = reply.rendered_end.position()
    cursor = at(document, start)
    if raw_length:
        cursor.setPosition(start + raw_length, _Mode.KeepAnchor)
        cursor.removeSelectedText()
    markdown, codes = add_copy_links(piece, f"{CODE_LINK_PREFIX}{reply.id}/", len(reply.codes))
    reply.codes.extend(codes)
    end = insert_markdown(cursor, markdown)
    # Qt gives a Markdown link the application's link colour, unreadable on some dark bases.
    restyle(document, colours, start, end)
    # ``end`` is the end of the rendered text; the raw tail begins with the next block.
    reply.rendered_end.setPosition(min(end + 1, reply.answer_end.position()))


def insert_markdown(cursor: QTextCursor, markdown: str) -> int:
    """Render ``markdown`` at ``cursor`` (the start of a block); returns the end position.

    ``insertFragment`` merges the fragment's first block into the block at the cursor and drops
    its block format, so the fragment goes into a fresh empty block. When the first block's
    format matters (a heading's level, a code block, a quote, a rule) it is parsed into a
    document first so that format can be copied; a piece starting with a plain paragraph — the
    usual case — skips that copy.
    """
    start = cursor.position()
    cursor.insertBlock()
    cursor.movePosition(_Move.PreviousBlock)
    first_format: QTextBlockFormat | None = None
    first_text = ""
    if _STARTS_WITH_BLOCK_MARKUP.match(markdown):
        source = QTextDocument()
        source.setMarkdown(markdown)
        first_format = source.begin().blockFormat()
        first_text = source.begin().text()
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
    _shade_code_blocks(document, start, end)
    return end


def _shade_code_blocks(document: QTextDocument, start: int, end: int) -> None:
    """Give code blocks a background; a translucent grey reads on light and dark palettes."""
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence):
            shade = QTextBlockFormat()
            shade.setBackground(_CODE_SHADE)
            at(document, block.position()).mergeBlockFormat(shade)
        block = block.next()
