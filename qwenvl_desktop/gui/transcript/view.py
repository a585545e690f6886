"""The conversation as one scrolling document: questions, thinking, answers, errors.

One :class:`QTextBrowser` holds every turn. Each reply keeps a few :class:`QTextCursor` objects —
Qt moves them as text is inserted or removed elsewhere — so a reply can stream into the middle of
the document as easily as at the end (Retry on an earlier turn), and nothing is located by
searching the text.

Cost model (see shared/PLATFORM.md): text arrives in batches from the controller (~30 ms), each
batch is one ``insertText`` at the end of the reply, and the answer's Markdown is rendered piece by
piece as complete blocks arrive (:mod:`.markdown_stream`), each piece exactly once, at most
:data:`RENDER_CHUNK` characters per event-loop turn. Rendering a reply therefore costs time linear
in its length and never re-parses the document.

Actions inside the document are links with the ``qwenvl:`` scheme (fold the thinking, show error
details, retry, copy an answer or a code block); the view handles them itself or emits
:attr:`TranscriptView.retryRequested`.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QImage,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextImageFormat,
    QTextLength,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.gui.transcript.markdown_stream import (
    CODE_LINK_PREFIX,
    MarkdownSplitter,
    add_copy_links,
    utf16_len,
)

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment

__all__ = ["RENDER_CHUNK", "TranscriptView"]

#: Most Markdown characters rendered in one event-loop turn (unless one block is longer): bounds
#: the time one batch can hold the event loop when a reply arrives faster than it is shown.
RENDER_CHUNK = 16000
#: Height of a question's image thumbnails, in device-independent pixels.
THUMB_HEIGHT = 72
#: Largest side of a thumbnail made here from a stored image (a conversation opened from the
#: history), in device-independent pixels, like the image pane's.
STORED_THUMB_SIDE = 96

_REASONING_GREY = QColor(128, 128, 128)
_ERROR_RED = QColor(214, 69, 65)

_Move = QTextCursor.MoveOperation
_Mode = QTextCursor.MoveMode


def _keep(cursor: QTextCursor) -> QTextCursor:
    """A mark that stays put when text is inserted exactly at its position (a start mark).

    Only its *position* is meaningful: Qt still moves a keep-position cursor's anchor on insert,
    so a mark must never be copied and written through — use :func:`_at` on its position.
    """
    mark = QTextCursor(cursor.document())
    mark.setPosition(cursor.position())
    mark.setKeepPositionOnInsert(True)
    return mark


def _at(document: QTextDocument, position: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor


def _format_int(value: int | None) -> str:
    return f"{value:,}" if value is not None else "–"


@dataclass(eq=False)
class _Reply:
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
    codes: list[str] = field(default_factory=list)


class TranscriptView(QTextBrowser):
    """The transcript. ``toPlainText()`` gives questions, reasoning, answers and error sentences."""

    #: the user clicked Retry in a failed turn
    retryRequested = Signal(str)
    #: a reply finished rendering (its Markdown and footer are in place)
    replyRendered = Signal(str)
    #: something was copied; a short notice for the status bar
    copied = Signal(str)
    #: the user asked for a turn as a ``curl`` command (exchange id)
    curlRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setAccessibleName("transcriptView")
        self.setAccessibleDescription("The conversation: questions, thinking, answers and errors")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._on_anchor)
        self._replies: dict[str, _Reply] = {}
        self._order: list[_Reply] = []
        self._image_serial = 0
        self._render_queue: list[_Reply] = []
        #: replies whose footer waits for their final render, with their exchange
        self._pending_footer: dict[str, Exchange] = {}
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_step)
        self.setPlaceholderText(
            "Add images, type a question and press Ctrl+Enter. Answers stream in here."
        )

    # -- public API ----------------------------------------------------------------------------

    def toPlainText(self) -> str:
        # Inline thumbnails are object-replacement characters in the document's text.
        return super().toPlainText().replace("\ufffc", "")

    def clear_conversation(self) -> None:
        self._render_timer.stop()
        self._render_queue.clear()
        self._pending_footer.clear()
        self._replies.clear()
        self._order.clear()
        self.clear()
        self.document().setUndoRedoEnabled(False)

    def has_reply(self, exchange_id: str) -> bool:
        return exchange_id in self._replies

    def is_rendering(self, exchange_id: str | None = None) -> bool:
        if exchange_id is None:
            return bool(self._render_queue)
        reply = self._replies.get(exchange_id)
        return reply is not None and reply.finishing

    def answer_text(self, exchange_id: str) -> str:
        reply = self._replies.get(exchange_id)
        return reply.answer if reply else ""

    def add_exchange(self, exchange: Exchange, thumbnails: list[QImage] | None = None) -> None:
        """Append a question turn and an empty reply that :meth:`append_text` fills."""
        # A reply still rendering at the end of the document must be complete first: its end
        # cursor sits where the new turn goes and would be carried past it.
        self._drain_renders()
        follow = self._at_bottom()
        cursor = QTextCursor(self.document())
        cursor.movePosition(_Move.End)
        if not self.document().isEmpty():
            # A thin rule between exchanges.
            rule = QTextBlockFormat()
            rule.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            rule.setTopMargin(10)
            cursor.insertBlock(rule, QTextCharFormat())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        turn_start = _keep(cursor)
        turn_start.setPosition(cursor.block().position())
        self._insert_label(cursor, "You", top_margin=0 if not self._order else 8)
        cursor.insertBlock(self._body_block(), QTextCharFormat())
        cursor.insertText(exchange.question or "(images only)", QTextCharFormat())
        self._insert_images(cursor, exchange, thumbnails or [])
        cursor.insertBlock(self._body_block(), QTextCharFormat())
        reply = self._new_reply(exchange.id, turn_start, cursor)
        self._replies[exchange.id] = reply
        self._order.append(reply)
        self._fill_reply_header(reply, exchange)
        if follow:
            self._scroll_to_end()

    def restart_reply(self, exchange: Exchange) -> None:
        """Empty an exchange's reply (Retry, Regenerate) so it can stream again."""
        reply = self._replies.get(exchange.id)
        if reply is None:
            self.add_exchange(exchange)
            return
        if reply in self._render_queue:
            self._render_queue.remove(reply)
        cursor = QTextCursor(self.document())
        cursor.setPosition(reply.reply_start.position())
        cursor.setPosition(self._reply_end_position(reply), _Mode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockFormat(self._body_block())
        cursor.setCharFormat(QTextCharFormat())
        fresh = self._new_reply(exchange.id, reply.turn_start, cursor)
        self._replies[exchange.id] = fresh
        self._order[self._order.index(reply)] = fresh
        self._fill_reply_header(fresh, exchange)

    def append_text(self, exchange_id: str, reasoning: str, answer: str) -> None:
        """A batch of streamed text: reasoning into the Thinking section, answer at its end."""
        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        follow = self._at_bottom()
        if reasoning:
            self._append_reasoning(reply, _normalise(reasoning))
        if answer:
            answer = _normalise(answer)
            if not reply.answer and reply.thinking_header is not None and not reply.folded:
                self._set_folded(reply, True)  # the answer started: fold the thinking
            reply.answer += answer
            self._stream_answer(reply, answer)
        if follow:
            self._scroll_to_end()

    def finish_reply(self, exchange: Exchange) -> None:
        """The reply ended (done, stopped or failed): render the rest, then add the footer."""
        reply = self._replies.get(exchange.id)
        if reply is None:
            return
        reply.finishing = True
        self._pending_footer[reply.id] = exchange
        if reply not in self._render_queue:
            self._render_queue.append(reply)
        self._render_timer.start()

    def toggle_thinking(self, exchange_id: str) -> None:
        reply = self._replies.get(exchange_id)
        if reply is not None and reply.thinking_header is not None:
            self._set_folded(reply, not reply.folded)

    def thinking_folded(self, exchange_id: str) -> bool | None:
        """None when the reply has no thinking section."""
        reply = self._replies.get(exchange_id)
        if reply is None or reply.thinking_header is None:
            return None
        return reply.folded

    def scroll_to_exchange(self, exchange_id: str) -> None:
        """Bring an exchange's question into view (a search hit was opened)."""
        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        self._drain_renders()
        bar = self.verticalScrollBar()
        top = self.document().documentLayout().blockBoundingRect(reply.turn_start.block()).top()
        bar.setValue(min(int(top), bar.maximum()))

    def anchor_rect_center(self, text: str) -> tuple[int, int] | None:
        """Viewport coordinates of the last link whose text is ``text`` (for tests, a11y)."""
        found = self.document().find(
            text, self.document().characterCount(), QTextDocument.FindFlag.FindBackward
        )
        if found.isNull():
            return None
        probe = QTextCursor(found)
        probe.setPosition(found.selectionStart() + 1)
        rect = self.cursorRect(probe)
        return rect.center().x(), rect.center().y()

    # -- building blocks -----------------------------------------------------------------------

    def _new_reply(self, exchange_id: str, turn_start: QTextCursor, cursor: QTextCursor) -> _Reply:
        """A reply at ``cursor`` (the start of an empty block): header block, then the answer."""
        self._pending_footer.pop(exchange_id, None)
        reply_start = _keep(cursor)
        # The answer block follows the header block; both start empty.
        cursor.insertBlock(self._body_block(), self._raw_char())
        answer_start = _keep(cursor)
        return _Reply(
            id=exchange_id,
            turn_start=turn_start,
            reply_start=reply_start,
            answer_start=answer_start,
            rendered_end=_keep(cursor),
            answer_end=QTextCursor(cursor),
        )

    def _fill_reply_header(self, reply: _Reply, exchange: Exchange) -> None:
        cursor = _at(self.document(), reply.reply_start.position())
        cursor.setBlockFormat(self._label_block(top_margin=8))
        model = f" · {exchange.model}" if exchange.model else ""
        cursor.insertText("Qwen" + model, self._label_char())

    def _insert_label(self, cursor: QTextCursor, text: str, *, top_margin: int) -> None:
        cursor.setBlockFormat(self._label_block(top_margin=top_margin))
        cursor.insertText(text, self._label_char())

    def _insert_images(self, cursor: QTextCursor, exchange: Exchange, thumbs: list[QImage]) -> None:
        if not exchange.attachments:
            return
        cursor.insertBlock(self._body_block(), QTextCharFormat())
        dpr = self.devicePixelRatioF()
        for index in range(len(exchange.attachments)):
            if index < len(thumbs):
                thumb = thumbs[index]
            else:  # a stored conversation: made from the bytes that were sent
                side = round(STORED_THUMB_SIDE * max(dpr, 1.0))
                thumb = _thumbnail_of(exchange.attachments[index], side)
            if not thumb.isNull():
                self._image_serial += 1
                name = f"qwenvl-thumb:{exchange.id}/{self._image_serial}"
                self.document().addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(name), thumb
                )
                image = QTextImageFormat()
                image.setName(name)
                # Logical size; the bitmap has dpr times the pixels, so it stays sharp on HiDPI.
                height = min(THUMB_HEIGHT, thumb.height() / max(dpr, 1.0))
                image.setHeight(height)
                image.setWidth(thumb.width() * height / max(thumb.height(), 1))
                cursor.insertImage(image)
                cursor.insertText("  ", QTextCharFormat())
        captions = []
        for attachment in exchange.attachments:
            size = (
                f"{attachment.original_size[0]}×{attachment.original_size[1]}"
                if attachment.original_size
                else "link"
            )
            captions.append(
                f"{_short(attachment.source)} ({size}, ≈{attachment.estimated_tokens:,} tokens)"
            )
        cursor.insertBlock(self._body_block(), self._small_char())
        cursor.insertText("Images: " + "; ".join(captions), self._small_char())

    def _reply_end_position(self, reply: _Reply) -> int:
        index = self._order.index(reply)
        if index + 1 < len(self._order):
            return self._order[index + 1].turn_start.position() - 1
        return self.document().characterCount() - 1

    # -- reasoning -----------------------------------------------------------------------------

    def _append_reasoning(self, reply: _Reply, text: str) -> None:
        if reply.thinking_header is None:
            self._open_thinking(reply)
        assert reply.reasoning_end is not None
        reply.reasoning_chars += len(text)
        block_before = reply.reasoning_end.blockNumber()
        reply.reasoning_end.clearSelection()
        reply.reasoning_end.insertText(text, self._reasoning_char())
        if reply.folded and reply.reasoning_end.blockNumber() != block_before:
            self._apply_fold(reply)

    def _open_thinking(self, reply: _Reply) -> None:
        """Insert the Thinking header and an empty reasoning block just before the answer."""
        cursor = _at(self.document(), reply.answer_start.position())
        start = cursor.position()
        cursor.insertBlock(self._body_block(), self._raw_char())  # the answer moves down
        header = _at(self.document(), start)
        header.setBlockFormat(self._body_block())
        reply.thinking_header = _keep(header)
        header.insertText("▾ Thinking", self._link_char(f"qwenvl:fold/{reply.id}"))
        header.insertBlock(self._reasoning_block(), self._reasoning_char())
        reply.reasoning_end = QTextCursor(header)
        # The answer now starts one block further down.
        answer_pos = header.position() + 1
        for mark in (reply.answer_start, reply.rendered_end):
            if mark.position() < answer_pos:
                mark.setPosition(answer_pos)

    def _set_folded(self, reply: _Reply, folded: bool) -> None:
        if reply.thinking_header is None:
            return
        reply.folded = folded
        header = _at(self.document(), reply.thinking_header.position())
        header.movePosition(_Move.EndOfBlock, _Mode.KeepAnchor)
        words = f" ({reply.reasoning_chars:,} characters)" if folded else ""
        arrow = "▸" if folded else "▾"
        header.insertText(f"{arrow} Thinking{words}", self._link_char(f"qwenvl:fold/{reply.id}"))
        self._apply_fold(reply)

    def _apply_fold(self, reply: _Reply) -> None:
        assert reply.thinking_header is not None and reply.reasoning_end is not None
        document = self.document()
        block = reply.thinking_header.block().next()
        last = reply.reasoning_end.block()
        start = block.position()
        while block.isValid():
            block.setVisible(not reply.folded)
            if block == last:
                break
            block = block.next()
        document.markContentsDirty(start, last.position() + last.length() - start)
        self.viewport().update()

    # -- Markdown ------------------------------------------------------------------------------

    def _stream_answer(self, reply: _Reply, text: str) -> None:
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
            self._replace_raw(reply, piece, utf16_len(replaced))
            raw_in_document = max(raw_in_document - length, 0)
        rest = splitter.text[raw_in_document:]
        if rest:
            reply.answer_end.clearSelection()
            reply.answer_end.insertText(rest, self._raw_char())

    def _render_final(self, reply: _Reply) -> None:
        """At the end: render what is left (in pieces of at most RENDER_CHUNK per call)."""
        length = len(reply.splitter.text)
        if length > RENDER_CHUNK:
            length = reply.splitter.boundary(RENDER_CHUNK) or length
        if length <= 0:
            return
        piece = reply.splitter.consume(length)
        self._replace_raw(reply, piece, utf16_len(piece))

    def _replace_raw(self, reply: _Reply, piece: str, raw_length: int) -> None:
        """Replace ``raw_length`` positions of raw text after the rendered part with ``piece``
        rendered as Markdown."""
        document = self.document()
        start = reply.rendered_end.position()
        cursor = _at(document, start)
        if raw_length:
            cursor.setPosition(start + raw_length, _Mode.KeepAnchor)
            cursor.removeSelectedText()
        markdown, codes = add_copy_links(piece, f"{CODE_LINK_PREFIX}{reply.id}/", len(reply.codes))
        reply.codes.extend(codes)
        end = _insert_markdown(cursor, markdown)
        # ``end`` is the end of the rendered text; the raw tail begins with the next block.
        reply.rendered_end.setPosition(min(end + 1, reply.answer_end.position()))

    def _drain_renders(self) -> None:
        while self._render_queue:
            self._render_step()

    def _render_step(self) -> None:
        if not self._render_queue:
            return
        reply = self._render_queue[0]
        follow = self._at_bottom()
        if reply.splitter.text:
            self._render_final(reply)
        if not reply.splitter.text:
            self._render_queue.pop(0)
            exchange = self._pending_footer.pop(reply.id, None)
            reply.finishing = False
            if exchange is not None:
                self._add_footer(reply, exchange)
            self.replyRendered.emit(reply.id)
        if follow:
            self._scroll_to_end()
        if self._render_queue:
            self._render_timer.start()

    # -- footer: stopped / error / usage -------------------------------------------------------

    def _add_footer(self, reply: _Reply, exchange: Exchange) -> None:
        cursor = _at(self.document(), reply.answer_end.position())
        # An empty last answer block (no answer, or the one left after rendering) takes the
        # first footer line; otherwise the footer starts a block of its own.
        if cursor.block().length() > 1:
            cursor.insertBlock(self._body_block(), self._small_char())
        else:
            cursor.setBlockFormat(self._body_block())
        if exchange.state == "stopped":
            cursor.insertText("⏹ Stopped — the answer above is incomplete.", self._notice_char())
            cursor.insertBlock(self._body_block(), self._small_char())
        elif exchange.state == "incomplete":
            # The app ended (closed, crashed, killed) while the reply streamed.
            cursor.insertText(
                "⚠ Incomplete — the app closed while this answer was arriving.", self._notice_char()
            )
            cursor.insertText("  ", self._small_char())
            cursor.insertText("Retry", self._link_char(f"qwenvl:retry/{reply.id}"))
            cursor.insertBlock(self._body_block(), self._small_char())
        elif exchange.state == "failed" and exchange.error is not None:
            error = exchange.error
            cursor.insertText(f"⚠ {error.sentence}", self._error_char())
            cursor.insertBlock(self._body_block(), self._small_char())
            cursor.insertText("Details", self._link_char(f"qwenvl:details/{reply.id}"))
            cursor.insertText("  ·  ", self._small_char())
            cursor.insertText("Retry", self._link_char(f"qwenvl:retry/{reply.id}"))
            details = [
                ("kind", error.kind),
                ("HTTP status", str(error.status) if error.status else None),
                ("code", error.code),
                ("request id", error.request_id),
                ("service message", error.message),
            ]
            cursor.insertBlock(self._details_block(), self._small_char())
            reply.details_start = _keep(cursor)
            lines = [f"{name}: {value}" for name, value in details if value]
            cursor.insertText("\n".join(lines) or "no further details", self._small_char())
            reply.details_end = QTextCursor(cursor)
            self._show_details(reply, False)
        # A failure before anything was reported has no usage line.
        show_usage = exchange.usage is not None or exchange.state != "failed"
        if exchange.state == "failed":
            cursor.insertBlock(self._body_block(), self._small_char())  # not in the details
        if show_usage:
            cursor.insertText(self._usage_line(exchange), self._small_char())
            cursor.insertText("  ·  ", self._small_char())
        if exchange.answer:
            cursor.insertText("Copy answer", self._link_char(f"qwenvl:copy/{reply.id}"))
            cursor.insertText("  ·  ", self._small_char())
        cursor.insertText("Copy as curl", self._link_char(f"qwenvl:curl/{reply.id}"))

    @staticmethod
    def _usage_line(exchange: Exchange) -> str:
        parts: list[str] = []
        usage = exchange.usage
        if usage is not None:
            parts.append(f"prompt {_format_int(usage.prompt_tokens)}")
            parts.append(f"completion {_format_int(usage.completion_tokens)}")
            if usage.reasoning_tokens is not None:
                parts.append(f"reasoning {_format_int(usage.reasoning_tokens)}")
            if usage.image_tokens is not None:
                parts.append(f"image {_format_int(usage.image_tokens)}")
        elif exchange.attachments:
            parts.append(f"images ≈{exchange.image_tokens_estimate:,} (estimate)")
        text = "Tokens: " + " · ".join(parts) if parts else "Tokens: not reported"
        if exchange.first_token_seconds is not None:
            text += f"  ·  first token {exchange.first_token_seconds:.2f} s"
        return text

    def _show_details(self, reply: _Reply, shown: bool) -> None:
        if reply.details_start is None or reply.details_end is None:
            return
        reply.details_shown = shown
        block = reply.details_start.block()
        last = reply.details_end.block()
        start = block.position()
        while block.isValid():
            block.setVisible(shown)
            if block == last:
                break
            block = block.next()
        self.document().markContentsDirty(start, last.position() + last.length() - start)
        self.viewport().update()

    # -- links ---------------------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != "qwenvl":
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return
        action, _, arg = url.path().partition("/")
        if action == "fold":
            self.toggle_thinking(arg)
        elif action == "details":
            reply = self._replies.get(arg)
            if reply is not None:
                self._show_details(reply, not reply.details_shown)
        elif action == "retry":
            self.retryRequested.emit(arg)
        elif action == "copy":
            reply = self._replies.get(arg)
            if reply is not None:
                QGuiApplication.clipboard().setText(reply.answer)
                self.copied.emit("Answer copied")
        elif action == "curl":
            self.curlRequested.emit(arg)
        elif action == "copy-code":
            self._copy_code(arg)

    def _copy_code(self, arg: str) -> None:
        exchange_id, _, index = arg.rpartition("/")
        reply = self._replies.get(exchange_id)
        if reply is not None and index.isdigit() and int(index) < len(reply.codes):
            QGuiApplication.clipboard().setText(reply.codes[int(index)])
            self.copied.emit("Code copied")

    # -- formats -------------------------------------------------------------------------------

    def _body_block(self) -> QTextBlockFormat:
        return QTextBlockFormat()

    def _label_block(self, *, top_margin: int) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(top_margin)
        block.setBottomMargin(2)
        return block

    def _reasoning_block(self) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setLeftMargin(14)
        return block

    def _details_block(self) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setLeftMargin(14)
        return block

    def _label_char(self) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold)
        return char

    def _raw_char(self) -> QTextCharFormat:
        return QTextCharFormat()

    def _reasoning_char(self) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setForeground(_REASONING_GREY)
        char.setFontItalic(True)
        return char

    def _small_char(self) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        char.setFontPointSize(max(self.font().pointSizeF() - 1, 7))
        return char

    def _notice_char(self) -> QTextCharFormat:
        char = self._small_char()
        char.setFontItalic(True)
        return char

    def _error_char(self) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setForeground(_ERROR_RED)
        char.setFontWeight(QFont.Weight.DemiBold)
        return char

    def _link_char(self, href: str) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setAnchor(True)
        char.setAnchorHref(href)
        char.setForeground(self.palette().color(QPalette.ColorRole.Link))
        char.setFontUnderline(True)
        return char

    # -- scrolling -----------------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 8

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())


def _thumbnail_of(attachment: Attachment, side: int) -> QImage:
    """A thumbnail from the image bytes that were sent (a ``data:`` URI); null for a link."""
    header, _, payload = attachment.url.partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        return QImage()
    try:
        image = QImage.fromData(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        return QImage()
    if image.isNull():
        return image
    keep, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    return image.scaled(side, side, keep, smooth)


def _normalise(text: str) -> str:
    # Qt turns "\n" into a block break; a lone "\r" would become a stray character.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _short(name: str, limit: int = 40) -> str:
    name = name.rsplit("/", 1)[-1] if "/" in name and not name.startswith("data:") else name
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _insert_markdown(cursor: QTextCursor, markdown: str) -> int:
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
        _at(document, start).setBlockFormat(first_format)
    _shade_code_blocks(document, start, end)
    return end


def _shade_code_blocks(document: QTextDocument, start: int, end: int) -> None:
    """Give code blocks a background; a translucent grey reads on light and dark palettes."""
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        if block.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence):
            shade = QTextBlockFormat()
            shade.setBackground(_CODE_SHADE)
            _at(document, block.position()).mergeBlockFormat(shade)
        block = block.next()


_CODE_SHADE = QColor(127, 127, 127, 36)


#: A first line whose block format must survive the merge: heading, fence, quote, rule, or an
#: indented code block.
_STARTS_WITH_BLOCK_MARKUP = re.compile(r"\s*(?:#{1,6}\s|```|~~~|>|(?:[-*_]\s*){3,}$|    \S)", re.M)
