"""The blocks of one exchange in the transcript's document: the question with its thumbnails (and
its Edit button), the reply header, the Thinking section, and the footer (state, error and its
details, the action buttons of :mod:`.turn_actions`, versions ‹ 1/3 ›, usage, links).

Each reply keeps a few :class:`QTextCursor` marks (:class:`ReplyMarks`) — Qt moves them as text
is inserted or removed elsewhere — so a reply can stream into the middle of the document as easily
as at the end (Retry on an earlier turn), and nothing is located by searching the text.

The words come from :mod:`qwenvl_desktop.core.conversation.words`; this module only places them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QFont,
    QImage,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
)

from qwenvl_desktop.core.conversation.model import Exchange

if TYPE_CHECKING:
    from qwenvl_desktop.core.documents.results import ResultAction
from qwenvl_desktop.core.conversation.words import (
    error_details,
    error_sentence,
    transcript_state_note,
    usage_summary,
)
from qwenvl_desktop.gui import locale_format
from qwenvl_desktop.gui.transcript.colours import TranscriptColours
from qwenvl_desktop.gui.transcript.links import link_href, result_href
from qwenvl_desktop.gui.transcript.markdown_stream import MarkdownSplitter
from qwenvl_desktop.gui.transcript.thumbnails import (
    InsertedThumbnail,
    image_captions,
    insert_thumbnails,
)
from qwenvl_desktop.gui.transcript.turn_actions import (
    TURN_ACTIONS,
    TurnActionName,
    insert_action,
    insert_inactive,
    tooltip_for,
)

__all__ = [
    "Formats",
    "ReplyMarks",
    "append_reasoning",
    "at",
    "insert_footer",
    "insert_question",
    "keep",
    "new_reply",
    "open_thinking",
    "set_blocks_visible",
    "set_folded",
    "show_details",
    "turn_buttons",
    "write_reply_header",
]

_Move = QTextCursor.MoveOperation
_Mode = QTextCursor.MoveMode


def keep(cursor: QTextCursor) -> QTextCursor:
    """A mark that stays put when text is inserted exactly at its position (a start mark).

    Only its *position* is meaningful: Qt still moves a keep-position cursor's anchor on insert,
    so a mark must never be copied and written through — use :func:`at` on its position.
    """
    mark = QTextCursor(cursor.document())
    mark.setPosition(cursor.position())
    mark.setKeepPositionOnInsert(True)
    return mark


def at(document: QTextDocument, position: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor


@dataclass(eq=False)
class ReplyMarks:
    """Where one exchange lives in the document, and its rendering state."""

    id: str
    #: start of the question header ("You"); keeps its place
    turn_start: QTextCursor
    #: start of the reply body (its header "Qwen · model"); keeps its place
    reply_start: QTextCursor
    #: start of the answer; keeps its place
    answer_start: QTextCursor
    #: boundary between rendered Markdown and the raw tail; keeps its place
    rendered_end: QTextCursor
    #: end of the answer text: moves as text is inserted there
    answer_end: QTextCursor
    #: the "Thinking" header block and the end of the reasoning text, once reasoning arrives
    thinking_header: QTextCursor | None = None
    reasoning_end: QTextCursor | None = None
    reasoning_chars: int = 0
    folded: bool = False
    answer: str = ""
    splitter: MarkdownSplitter = field(default_factory=MarkdownSplitter)
    #: a final render is running in steps; the footer follows it
    finishing: bool = False
    #: blocks of the error details (hidden until "Details" is clicked)
    details_start: QTextCursor | None = None
    details_end: QTextCursor | None = None
    details_shown: bool = False
    #: the code blocks of the answer, for their copy buttons (the last ``tail_codes`` are those
    #: of the unfinished block shown provisionally: .markdown_render)
    codes: list[str] = field(default_factory=list)
    tail_codes: int = 0
    #: characters of ``splitter.text`` shown after the rendered part, and whether raw (a tail
    #: too long to render again at every batch) rather than rendered provisionally
    tail_shown: int = 0
    tail_raw: bool = False
    #: when the reasoning began to stream (monotonic seconds), and how long it lasted once the
    #: answer began (None: unknown — a reply replayed from the history)
    thinking_started: float | None = None
    thinking_seconds: float | None = None


class Formats:
    """The block and character formats of the transcript; the colours follow the widget's
    palette (:class:`.colours.TranscriptColours`)."""

    def __init__(
        self, palette: QPalette, font: QFont, shortcuts: dict[str, str] | None = None
    ) -> None:
        self.colours = TranscriptColours(palette)
        self._font = font
        #: the window's shortcuts for the last turn's actions ("copy": "Ctrl+Shift+C"…), named
        #: in the buttons' tooltips
        self.shortcuts: dict[str, str] = dict(shortcuts or {})

    @staticmethod
    def body() -> QTextBlockFormat:
        return QTextBlockFormat()

    @staticmethod
    def label_block(top_margin: int) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(top_margin)
        block.setBottomMargin(2)
        return block

    @staticmethod
    def indented() -> QTextBlockFormat:
        """The reasoning text and the error details."""
        block = QTextBlockFormat()
        block.setLeftMargin(14)
        return block

    @staticmethod
    def rule() -> QTextBlockFormat:
        """A thin rule between exchanges."""
        rule = QTextBlockFormat()
        rule.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        rule.setTopMargin(10)
        return rule

    @staticmethod
    def label() -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold)
        return char

    @staticmethod
    def raw() -> QTextCharFormat:
        return QTextCharFormat()

    def reasoning(self) -> QTextCharFormat:
        char = self.colours.char("reasoning")
        char.setFontItalic(True)
        return char

    def small(self) -> QTextCharFormat:
        char = self.colours.char("muted")
        char.setFontPointSize(max(self._font.pointSizeF() - 1, 7))
        return char

    def notice(self) -> QTextCharFormat:
        char = self.small()
        char.setFontItalic(True)
        return char

    def error(self) -> QTextCharFormat:
        char = self.colours.char("error")
        char.setFontWeight(QFont.Weight.DemiBold)
        return char

    def link(self, href: str) -> QTextCharFormat:
        char = self.colours.char("link")
        char.setAnchor(True)
        char.setAnchorHref(href)
        char.setFontUnderline(True)
        return char


# -- the question --------------------------------------------------------------------------------


def insert_question(
    cursor: QTextCursor,
    fmt: Formats,
    exchange: Exchange,
    thumbnails: list[QImage],
    *,
    first: bool,
    device_pixel_ratio: float,
) -> tuple[QTextCursor, list[InsertedThumbnail]]:
    """At the end of the document: a rule (unless ``first``), "You", the question, its images.

    Returns the mark of the turn's start and the thumbnails inserted; ``cursor`` ends in a fresh
    empty block for the reply.
    """
    document = cursor.document()
    if not document.isEmpty():
        cursor.insertBlock(fmt.rule(), QTextCharFormat())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    turn_start = keep(cursor)
    turn_start.setPosition(cursor.block().position())
    cursor.setBlockFormat(fmt.label_block(0 if first else 8))
    cursor.insertText(QCoreApplication.translate("TranscriptDocument", "You"), fmt.label())
    cursor.insertText("  ", QTextCharFormat())
    _button(cursor, fmt, "edit", exchange.id)
    cursor.insertBlock(fmt.body(), QTextCharFormat())
    cursor.insertText(exchange.question or _media_only(exchange), QTextCharFormat())
    inserted: list[InsertedThumbnail] = []
    if exchange.attachments:
        cursor.insertBlock(fmt.body(), QTextCharFormat())
        inserted = insert_thumbnails(cursor, exchange, thumbnails, device_pixel_ratio)
        cursor.insertBlock(fmt.body(), fmt.small())
        cursor.insertText(image_captions(exchange), fmt.small())
    if exchange.videos:  # each video's filmstrip and caption (issue 14)
        from qwenvl_desktop.gui.transcript.filmstrip import insert_filmstrips

        insert_filmstrips(cursor, exchange, fmt.small(), device_pixel_ratio)
    cursor.insertBlock(fmt.body(), QTextCharFormat())
    return turn_start, inserted


def _media_only(exchange: Exchange) -> str:
    """What a question without text shows in its place."""
    if exchange.videos and not exchange.attachments:
        return QCoreApplication.translate("TranscriptDocument", "(video only)")
    return QCoreApplication.translate("TranscriptDocument", "(images only)")


# -- the reply -----------------------------------------------------------------------------------


def new_reply(
    fmt: Formats, exchange_id: str, turn_start: QTextCursor, cursor: QTextCursor
) -> ReplyMarks:
    """A reply at ``cursor`` (the start of an empty block): header block, then the answer."""
    reply_start = keep(cursor)
    # The answer block follows the header block; both start empty.
    cursor.insertBlock(fmt.body(), fmt.raw())
    answer_start = keep(cursor)
    return ReplyMarks(
        id=exchange_id,
        turn_start=turn_start,
        reply_start=reply_start,
        answer_start=answer_start,
        rendered_end=keep(cursor),
        answer_end=QTextCursor(cursor),
    )


def write_reply_header(fmt: Formats, reply: ReplyMarks, exchange: Exchange) -> None:
    """ "Qwen · model" in the reply's (empty) header block."""
    cursor = at(reply.reply_start.document(), reply.reply_start.position())
    cursor.setBlockFormat(fmt.label_block(8))
    # "Qwen" and the model's name are names: the same in every language
    model = f" · {exchange.model}" if exchange.model else ""
    cursor.insertText("Qwen" + model, fmt.label())


# -- thinking ------------------------------------------------------------------------------------


def open_thinking(fmt: Formats, reply: ReplyMarks) -> None:
    """Insert the Thinking header and an empty reasoning block just before the answer."""
    document = reply.answer_start.document()
    cursor = at(document, reply.answer_start.position())
    start = cursor.position()
    cursor.insertBlock(fmt.body(), fmt.raw())  # the answer moves down
    header = at(document, start)
    header.setBlockFormat(fmt.body())
    reply.thinking_header = keep(header)
    header.insertText(
        "▾ " + QCoreApplication.translate("TranscriptDocument", "Thinking"),
        fmt.link(link_href("fold", reply.id)),
    )
    header.insertBlock(fmt.indented(), fmt.reasoning())
    reply.reasoning_end = QTextCursor(header)
    # The answer now starts one block further down.
    answer_pos = header.position() + 1
    for mark in (reply.answer_start, reply.rendered_end):
        if mark.position() < answer_pos:
            mark.setPosition(answer_pos)


def append_reasoning(fmt: Formats, reply: ReplyMarks, text: str) -> None:
    if reply.thinking_header is None:
        open_thinking(fmt, reply)
    assert reply.thinking_header is not None and reply.reasoning_end is not None
    reply.reasoning_chars += len(text)
    block_before = reply.reasoning_end.blockNumber()
    reply.reasoning_end.clearSelection()
    reply.reasoning_end.insertText(text, fmt.reasoning())
    if reply.folded and reply.reasoning_end.blockNumber() != block_before:
        _hide_reasoning(reply)


def set_folded(fmt: Formats, reply: ReplyMarks, folded: bool) -> None:
    """Fold (▸, with the reasoning's length) or unfold (▾) the Thinking section."""
    if reply.thinking_header is None:
        return
    reply.folded = folded
    write_thinking_header(fmt, reply)
    _hide_reasoning(reply)


def write_thinking_header(
    fmt: Formats, reply: ReplyMarks, live_seconds: float | None = None
) -> None:
    """The Thinking header's words: "▾ Thinking… 7 s" while the reasoning streams
    (``live_seconds``), "▸ Thought for 12 s (3,456 characters)" once folded, plain "Thinking"
    when the duration is unknown."""
    if reply.thinking_header is None:
        return
    header = at(reply.thinking_header.document(), reply.thinking_header.position())
    header.movePosition(_Move.EndOfBlock, _Mode.KeepAnchor)
    translate = QCoreApplication.translate
    arrow = "▸" if reply.folded else "▾"
    if live_seconds is not None:
        title = translate("TranscriptDocument", "Thinking… %1 s").replace(
            "%1", str(int(live_seconds))
        )
    elif reply.thinking_seconds is not None:
        title = translate("TranscriptDocument", "Thought for %1 s").replace(
            "%1", str(max(round(reply.thinking_seconds), 1))
        )
    else:
        title = translate("TranscriptDocument", "Thinking")
    if reply.folded:
        count = locale_format.number(reply.reasoning_chars)
        sentence = translate("TranscriptDocument", "%1 (%2 characters)")
        title = sentence.replace("%2", count).replace("%1", title)
    header.insertText(f"{arrow} {title}", fmt.link(link_href("fold", reply.id)))


def _hide_reasoning(reply: ReplyMarks) -> None:
    assert reply.thinking_header is not None and reply.reasoning_end is not None
    set_blocks_visible(
        reply.thinking_header.block().next(), reply.reasoning_end.block(), not reply.folded
    )


def set_blocks_visible(first: QTextBlock, last: QTextBlock, visible: bool) -> None:
    """Show or hide the blocks from ``first`` to ``last`` and have them laid out again."""
    block = first
    start = block.position()
    while block.isValid():
        block.setVisible(visible)
        if block == last:
            break
        block = block.next()
    document = first.document()
    document.markContentsDirty(start, last.position() + last.length() - start)


# -- the footer ----------------------------------------------------------------------------------


def insert_footer(
    fmt: Formats,
    reply: ReplyMarks,
    exchange: Exchange,
    results: Sequence[ResultAction] = (),
) -> None:
    """Under a reply that ended: its state note or error (with hidden details), then one line of
    buttons (copy, regenerate, continue, retry), the versions (‹ 2/3 ›), the usage and Copy as
    curl; the answer's ``results`` (Copy text, Copy CSV…) on a line of their own."""
    cursor = at(reply.answer_end.document(), reply.answer_end.position())
    # An empty last answer block (no answer, or the one left after rendering) takes the
    # first footer line; otherwise the footer starts a block of its own.
    if cursor.block().length() > 1:
        cursor.insertBlock(fmt.body(), fmt.small())
    else:
        cursor.setBlockFormat(fmt.body())
    note = transcript_state_note(exchange)
    if note is not None:
        cursor.insertText(note, fmt.notice())
        cursor.insertBlock(fmt.body(), fmt.small())
    elif exchange.state == "failed" and exchange.error is not None:
        _insert_error(cursor, fmt, reply, exchange)
        cursor.insertBlock(fmt.body(), fmt.small())  # not in the details
    _insert_buttons(cursor, fmt, exchange)
    # A failure before anything was reported has no usage line.
    if exchange.usage is not None or exchange.state != "failed":
        cursor.insertText(usage_summary(exchange, locale_format.number), fmt.small())
        cursor.insertText("  ·  ", fmt.small())
    copy_curl = QCoreApplication.translate("TranscriptDocument", "Copy as curl")
    cursor.insertText(copy_curl, fmt.link(link_href("curl", reply.id)))
    if results:
        cursor.insertBlock(fmt.body(), fmt.small())
        for number, result in enumerate(results):
            if number:
                cursor.insertText("  ·  ", fmt.small())
            cursor.insertText(result.label, fmt.link(result_href(reply.id, result.key)))


def _button(
    cursor: QTextCursor,
    fmt: Formats,
    name: TurnActionName,
    exchange_id: str,
    argument: str | None = None,
) -> None:
    action = TURN_ACTIONS[name]
    tooltip = tooltip_for(action, fmt.shortcuts)
    insert_action(cursor, action, exchange_id, tooltip, argument=argument)


def turn_buttons(exchange: Exchange) -> list[TurnActionName]:
    """The buttons under a reply that ended, in their order."""
    names: list[TurnActionName] = []
    if exchange.answer:
        names.append("copy")
    if exchange.state in ("failed", "incomplete"):
        names.append("retry")
    if exchange.can_continue:
        names.append("continue")
    if exchange.is_settled and exchange.state != "failed":
        names.append("regenerate")
    return names


def _insert_buttons(cursor: QTextCursor, fmt: Formats, exchange: Exchange) -> None:
    """The action buttons, then ‹ n/m › when Regenerate kept other replies."""
    for name in turn_buttons(exchange):
        _button(cursor, fmt, name, exchange.id)
    count = exchange.version_count
    if count > 1:
        shown = exchange.version_index
        cursor.insertText("  ", fmt.small())
        if shown > 0:
            _button(cursor, fmt, "version-prev", exchange.id, str(shown - 1))
        else:
            insert_inactive(cursor, "version-prev")
        cursor.insertText(f"{shown + 1}/{count}", fmt.small())
        cursor.insertText("  ", fmt.small())
        if shown + 1 < count:
            _button(cursor, fmt, "version-next", exchange.id, str(shown + 1))
        else:
            insert_inactive(cursor, "version-next")
    cursor.insertText("   ", fmt.small())


def _insert_error(cursor: QTextCursor, fmt: Formats, reply: ReplyMarks, exchange: Exchange) -> None:
    assert exchange.error is not None
    cursor.insertText(error_sentence(exchange.error), fmt.error())
    cursor.insertBlock(fmt.body(), fmt.small())
    details = QCoreApplication.translate("TranscriptDocument", "Details")
    cursor.insertText(details, fmt.link(link_href("details", reply.id)))
    if exchange.error.kind == "authentication":  # the key was rejected: the way to a new one
        cursor.insertText("  ·  ", fmt.small())
        set_key = QCoreApplication.translate("TranscriptDocument", "Set key…")
        cursor.insertText(set_key, fmt.link(link_href("set-key", reply.id)))
    cursor.insertBlock(fmt.indented(), fmt.small())
    reply.details_start = keep(cursor)
    lines = error_details(exchange.error)
    nothing = QCoreApplication.translate("TranscriptDocument", "no further details")
    cursor.insertText("\n".join(lines) or nothing, fmt.small())
    reply.details_end = QTextCursor(cursor)
    show_details(reply, False)


def show_details(reply: ReplyMarks, shown: bool) -> None:
    if reply.details_start is None or reply.details_end is None:
        return
    reply.details_shown = shown
    set_blocks_visible(reply.details_start.block(), reply.details_end.block(), shown)
