"""Code blocks and quotes in a rendered answer: a header with the language and a copy button,
syntax highlighting, and quotes that look like quotes.

Qt's Markdown import gives a fenced code block monospace text, one block per line and the fence's
language as :attr:`QTextFormat.Property.BlockCodeLanguage`; this module adds the rest after each
piece is rendered (:func:`decorate`):

* the paragraph :func:`.markdown_stream.add_copy_links` put above each fence becomes the block's
  header: the language (``python``, or ``code``) and a copy button — the turn buttons' copy icon
  (:mod:`.turn_actions`), an image, so it needs no font glyph and adds nothing to the transcript's
  plain text — that is a ``qwenvl:copy-code`` link with a tooltip;
* the code is highlighted with Pygments (when the language is one it knows), each token kind in a
  colour role of :mod:`.colours`, so a palette change recolours it like any other text;
* a quote gets a smaller indent and the muted colour; its left bar is drawn by the view
  (:func:`quote_bars`), as block formats have no one-sided border.

Highlighting costs time linear in the code's length and happens once per finished block (and for
the block being written while it is short, see :mod:`.markdown_render`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)

from qwenvl_desktop.gui.transcript.colours import (
    CODE_SHADE,
    ColourRole,
    TranscriptColours,
)
from qwenvl_desktop.gui.transcript.markdown_stream import CODE_LINK_PREFIX, utf16_len
from qwenvl_desktop.gui.transcript.turn_actions import ICON_SIZE, icon_resource

if TYPE_CHECKING:
    from pygments.lexer import Lexer

__all__ = ["CODE_INSET", "QUOTE_INDENT", "decorate", "highlight_roles", "quote_bars"]

#: Left indent of a quote per level (Qt's Markdown import uses 40, and a right margin too).
QUOTE_INDENT = 18
#: How far a code block's text (and its header) is inset in its shade.
CODE_INSET = 8
#: Dynamic property of a document in which a quote has been styled.
_HAS_QUOTES = "qwenvlHasQuotes"
#: Highlighting a longer block would hold the event loop too long for what it shows.
_HIGHLIGHT_LIMIT = 60_000

_Mode = QTextCursor.MoveMode
_Prop = QTextFormat.Property


def decorate(
    document: QTextDocument,
    colours: TranscriptColours,
    start: int,
    end: int,
    *,
    highlight_limit: int | None = None,
) -> int:
    """Shade, label and highlight the code blocks and style the quotes from ``start`` to
    ``end``; returns the new end (a header's text differs in length from its placeholder).
    Code longer than ``highlight_limit`` characters is not highlighted (yet)."""
    limit = _HIGHLIGHT_LIMIT if highlight_limit is None else highlight_limit
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        href = _header_href(block)
        if href is not None:
            end, block = _code_block(document, colours, block, href, end, limit)
            continue
        block_format = block.blockFormat()
        if block_format.hasProperty(_Prop.BlockCodeFence):
            # A fence without our header (one inside a list item the placeholder missed).
            first = block
            while block.next().isValid() and _is_code(block.next()):
                block = block.next()
            _shade(document, first, block)
            _highlight(document, colours, first, block, limit)
        elif block_format.intProperty(_Prop.BlockQuoteLevel) > 0:
            _style_quote(document, colours, block, block_format)
        block = block.next()
    return end


def _is_code(block: QTextBlock) -> bool:
    return block.blockFormat().hasProperty(_Prop.BlockCodeFence)


def _header_href(block: QTextBlock) -> str | None:
    """The copy link of a code header placeholder ("[python](qwenvl:copy-code/…)")."""
    fragments = block.begin()
    if fragments.atEnd():
        return None
    char = fragments.fragment().charFormat()
    href = char.anchorHref() if char.isAnchor() else ""
    if href.startswith(CODE_LINK_PREFIX) and block.next().isValid() and _is_code(block.next()):
        return href
    return None


def _code_block(
    document: QTextDocument,
    colours: TranscriptColours,
    header: QTextBlock,
    href: str,
    end: int,
    limit: int,
) -> tuple[int, QTextBlock]:
    """Turn the placeholder into the header (language, copy button) and shade and highlight
    the code under it; returns the new end and the block after the code."""
    first = header.next()
    language = first.blockFormat().stringProperty(_Prop.BlockCodeLanguage).strip()
    cursor = QTextCursor(header)
    start = header.position()
    old_length = header.length()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, _Mode.KeepAnchor)
    label = colours.char("code-label")
    label.setFontPointSize(max(document.defaultFont().pointSizeF() - 1.5, 7))
    cursor.insertText(language or QCoreApplication.translate("CodeBlock", "code"), label)
    cursor.insertText("  ", label)
    icon = QTextImageFormat()
    # The turn buttons' copy icon (.turn_actions draws it in the link colour of the palette).
    icon.setName(icon_resource("copy"))
    icon.setWidth(ICON_SIZE)
    icon.setHeight(ICON_SIZE)
    icon.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    icon.setAnchor(True)
    icon.setAnchorHref(href)
    icon.setToolTip(QCoreApplication.translate("CodeBlock", "Copy this code block"))
    cursor.insertImage(icon)
    header_format = QTextBlockFormat()
    header_format.setBackground(CODE_SHADE)
    header_format.setBottomMargin(0)
    header_format.setTopMargin(6)
    header_format.setLeftMargin(header.blockFormat().leftMargin() + CODE_INSET)
    header_format.setProperty(_Prop.BlockCodeLanguage, language)
    cursor.setBlockFormat(header_format)
    end += header.length() - old_length if header.isValid() else 0
    end = max(end, start)
    last = first
    while last.next().isValid() and _is_code(last.next()):
        last = last.next()
    _shade(document, first, last)
    _highlight(document, colours, first, last, limit)
    return end, last.next()


def _shade(document: QTextDocument, first: QTextBlock, last: QTextBlock) -> None:
    """The code's background, the text inset from its edge (the shade spans the margin)."""
    inset = first.blockFormat().leftMargin() + CODE_INSET
    shade = QTextBlockFormat()
    shade.setBackground(CODE_SHADE)
    shade.setLeftMargin(inset)
    cursor = QTextCursor(document)
    cursor.setPosition(first.position())
    cursor.setPosition(last.position(), _Mode.KeepAnchor)
    cursor.mergeBlockFormat(shade)


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    """Pygments' lexer for a fence's language (``python``, ``py``, ``c++``…), or None."""
    if not language:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def highlight_roles(language: str, code: str) -> Iterator[tuple[int, int, ColourRole]]:
    """(start, length, role) of each highlighted token of ``code``, in UTF-16 positions; none
    for a language Pygments does not know. Adjacent tokens of one role come as one run."""
    lexer = _lexer(language)
    if lexer is None:
        return
    roles = _token_roles()
    ascii_only = code.isascii()
    position = 0
    pending: tuple[int, int, ColourRole] | None = None
    for token, value in lexer.get_tokens(code):
        length = len(value) if ascii_only else utf16_len(value)
        role = roles.get(token, _UNKNOWN)
        if role is _UNKNOWN:
            role = roles[token] = _role_of_token(token)
        if role is not None and value.strip():
            if pending is not None and pending[2] == role and pending[0] + pending[1] == position:
                pending = (pending[0], pending[1] + length, role)
            else:
                if pending is not None:
                    yield pending
                pending = (position, length, role)  # type: ignore[assignment]
        position += length
    if pending is not None:
        yield pending


#: not in the cache yet
_UNKNOWN = object()


@lru_cache(maxsize=1)
def _token_roles() -> dict[object, object]:
    """Token type → role, filled as token types are met (a lexer has a few dozen)."""
    return {}


def _role_of_token(token: object) -> ColourRole | None:
    from pygments.token import Comment, Generic, Keyword, Name, Number, Operator, String

    kinds: tuple[tuple[object, ColourRole], ...] = (
        (Comment, "code-comment"),
        (String, "code-string"),
        (Number, "code-number"),
        (Keyword, "code-keyword"),
        (Operator.Word, "code-keyword"),
        (Name.Builtin, "code-builtin"),
        (Name.Function, "code-function"),
        (Name.Class, "code-function"),
        (Name.Decorator, "code-builtin"),
        (Generic.Inserted, "code-inserted"),
        (Generic.Deleted, "code-deleted"),
        (Generic.Heading, "code-keyword"),
        (Generic.Subheading, "code-function"),
    )
    return next((role for kind, role in kinds if token in kind), None)  # type: ignore[operator]


def _highlight(
    document: QTextDocument,
    colours: TranscriptColours,
    first: QTextBlock,
    last: QTextBlock,
    limit: int,
) -> None:
    language = first.blockFormat().stringProperty(_Prop.BlockCodeLanguage).strip()
    if last.position() + last.length() - first.position() > limit or _lexer(language) is None:
        return
    lines = []
    block = first
    while True:
        lines.append(block.text())
        if block == last or not block.next().isValid():
            break
        block = block.next()
    offset = first.position()
    cursor = QTextCursor(document)
    for start, length, role in highlight_roles(language, "\n".join(lines)):
        cursor.setPosition(offset + start)
        cursor.setPosition(offset + start + length, _Mode.KeepAnchor)
        cursor.mergeCharFormat(colours.char(role))


def _style_quote(
    document: QTextDocument,
    colours: TranscriptColours,
    block: QTextBlock,
    block_format: QTextBlockFormat,
) -> None:
    level = block_format.intProperty(_Prop.BlockQuoteLevel)
    document.setProperty(_HAS_QUOTES, True)  # the view looks for quote bars from now on
    quote = QTextBlockFormat()
    quote.setLeftMargin(QUOTE_INDENT * level)
    quote.setRightMargin(0)
    cursor = QTextCursor(block)
    cursor.mergeBlockFormat(quote)
    # The quote's words in the muted colour; a link in it stays a link.
    runs: list[tuple[int, int]] = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if not fragment.charFormat().isAnchor():
            runs.append((fragment.position(), fragment.length()))
        fragments += 1
    muted = colours.char("quote")
    for position, length in runs:
        cursor.setPosition(position)
        cursor.setPosition(position + length, _Mode.KeepAnchor)
        cursor.mergeCharFormat(muted)


def quote_bars(document: QTextDocument, top: float, bottom: float) -> Iterator[tuple[QRectF, int]]:
    """The left bar of each quote block between the document's ``top`` and ``bottom``
    (document coordinates): its rectangle and the quote's level. Only the blocks in view are
    visited: the layout finds the first one."""
    if not document.property(_HAS_QUOTES):
        return  # (most conversations: nothing to walk at each paint)
    layout = document.documentLayout()
    left = document.rootFrame().frameFormat().leftMargin()
    position = layout.hitTest(QPointF(left, top), Qt.HitTestAccuracy.FuzzyHit)
    block = document.findBlock(max(position, 0))
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom:
            break
        level = block.blockFormat().intProperty(_Prop.BlockQuoteLevel)
        if level > 0 and block.isVisible():
            for depth in range(level):
                x = left + QUOTE_INDENT * depth + 4
                yield QRectF(x, rect.top() + 1, 3, rect.height() - 2), depth
        block = block.next()
