"""The conversation as one scrolling document: questions, thinking, answers, errors.

One :class:`QTextBrowser` holds every turn. This module keeps the order of the replies, streams
text into them, renders their Markdown in steps and follows the end while the reader is there;
the blocks of one exchange are :mod:`.document`, the Markdown rendering :mod:`.markdown_render`,
the thumbnails :mod:`.thumbnails`, the ``qwenvl:`` links :mod:`.links`, and the words
:mod:`qwenvl_desktop.core.conversation.words`.

Actions inside the document are links (fold the thinking, show error details, retry, copy an
answer or a code block, copy as curl, a question's thumbnail); the view handles them itself or
emits :attr:`TranscriptView.retryRequested` / :attr:`TranscriptView.curlRequested` /
:attr:`TranscriptView.imageClicked`. A thumbnail's picture can be replaced (an answer's boxes
drawn on it: :meth:`TranscriptView.set_thumbnail`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    # The document machinery (blocks, Markdown, links, thumbnails, and the conversation model
    # under them) is imported with the first exchange, not for the window's first frame: an
    # empty transcript needs none of it. Each method that uses it imports it (a dictionary
    # lookup once loaded).
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.documents.results import ResultAction
    from qwenvl_desktop.core.documents.tasks import DocumentTask
    from qwenvl_desktop.gui.transcript.document import Formats, ReplyMarks
    from qwenvl_desktop.gui.transcript.links import TranscriptLink
    from qwenvl_desktop.gui.transcript.thumbnails import InsertedThumbnail

__all__ = ["TranscriptView"]

_Mode = QTextCursor.MoveMode


class TranscriptView(QTextBrowser):
    """The transcript. ``toPlainText()`` gives questions, reasoning, answers and error sentences."""

    #: the user clicked Retry in a failed turn
    retryRequested = Signal(str)
    #: the user clicked "Set key…" in a turn whose key was rejected (exchange id)
    setKeyRequested = Signal(str)
    #: a reply finished rendering (its Markdown and footer are in place)
    replyRendered = Signal(str)
    #: something was copied; a short notice for the status bar
    copied = Signal(str)
    #: the user asked for a turn as a ``curl`` command (exchange id)
    curlRequested = Signal(str)
    #: a question's thumbnail was clicked (exchange id, image index)
    imageClicked = Signal(str, int)
    #: one of an answer's results was clicked (exchange id, result key: ``copy-csv``…)
    resultRequested = Signal(str, str)

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
        self._replies: dict[str, ReplyMarks] = {}
        self._order: list[ReplyMarks] = []
        self._render_queue: list[ReplyMarks] = []
        #: replies whose footer waits for their final render, with their exchange
        self._pending_footer: dict[str, Exchange] = {}
        #: each question's thumbnails as inserted, by exchange id
        self._thumbnails: dict[str, list[InsertedThumbnail]] = {}
        #: the document task a question was asked for (its answer's footer offers the task's
        #: results); the window also knows the person's own quick prompts
        self.task_for: Callable[[Exchange], DocumentTask | None] = _task_of_question
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_step)
        #: the formats for the current palette and font (None: build them on next use)
        self._current_formats: Formats | None = None
        # A palette change (the system switching to dark, a forced theme) restyles what is
        # shown once the change has settled: several change events arrive for one switch.
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)
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
        self._thumbnails.clear()
        self.clear()
        self.document().setUndoRedoEnabled(False)

    def has_reply(self, exchange_id: str) -> bool:
        return exchange_id in self._replies

    def add_exchange(self, exchange: Exchange, thumbnails: list[QImage] | None = None) -> None:
        """Append a question turn and an empty reply that :meth:`append_text` fills."""
        from qwenvl_desktop.gui.transcript import document as blocks

        # A reply still rendering at the end of the document must be complete first: its end
        # cursor sits where the new turn goes and would be carried past it.
        self._drain_renders()
        fmt = self._formats()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        turn_start, inserted = blocks.insert_question(
            cursor,
            fmt,
            exchange,
            thumbnails or [],
            first=not self._order,
            device_pixel_ratio=self.devicePixelRatioF(),
        )
        self._thumbnails[exchange.id] = inserted
        reply = self._new_reply(fmt, exchange.id, turn_start, cursor)
        self._order.append(reply)
        blocks.write_reply_header(fmt, reply, exchange)
        # Always: a question just sent must be seen even if the reader had scrolled up (and
        # from the end, the answer is followed as it streams).
        self._scroll_to_end()

    def restart_reply(self, exchange: Exchange) -> None:
        """Empty an exchange's reply (Retry, Regenerate) so it can stream again."""
        from PySide6.QtGui import QTextCharFormat

        from qwenvl_desktop.gui.transcript import document as blocks

        reply = self._replies.get(exchange.id)
        if reply is None:
            self.add_exchange(exchange)
            return
        if reply in self._render_queue:
            self._render_queue.remove(reply)
        fmt = self._formats()
        cursor = QTextCursor(self.document())
        cursor.setPosition(reply.reply_start.position())
        cursor.setPosition(self._reply_end_position(reply), _Mode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockFormat(fmt.body())
        cursor.setCharFormat(QTextCharFormat())
        fresh = self._new_reply(fmt, exchange.id, reply.turn_start, cursor)
        self._order[self._order.index(reply)] = fresh
        blocks.write_reply_header(fmt, fresh, exchange)

    def append_text(self, exchange_id: str, reasoning: str, answer: str) -> None:
        """A batch of streamed text: reasoning into the Thinking section, answer at its end."""
        from qwenvl_desktop.gui.transcript import document as blocks
        from qwenvl_desktop.gui.transcript.markdown_render import stream_answer

        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        follow = self._at_bottom()
        fmt = self._formats()
        if reasoning:
            blocks.append_reasoning(fmt, reply, _normalise(reasoning))
            self.viewport().update()
        if answer:
            answer = _normalise(answer)
            if not reply.answer and reply.thinking_header is not None and not reply.folded:
                self._set_folded(reply, True)  # the answer started: fold the thinking
            reply.answer += answer
            stream_answer(fmt, reply, answer)
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

    def results_of(self, exchange: Exchange) -> tuple[ResultAction, ...]:
        """The one-click results of an answer that ended (none for a failed one)."""
        from qwenvl_desktop.core.documents.results import result_actions

        if exchange.state not in ("done", "stopped"):
            return ()
        results = result_actions(self.task_for(exchange), exchange.answer)
        if not exchange.attachments:  # boxes are drawn on the question's own images
            results = tuple(r for r in results if r.key != "show-boxes")
        return results

    def thumbnails(self, exchange_id: str) -> list[InsertedThumbnail]:
        """The question's thumbnails as first inserted (without anything drawn on them)."""
        return list(self._thumbnails.get(exchange_id, ()))

    def set_thumbnail(self, exchange_id: str, index: int, picture: QImage) -> None:
        """Show ``picture`` in place of the question's thumbnail of image ``index`` (the same
        pixel size: the layout stays)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QTextDocument

        for thumb in self._thumbnails.get(exchange_id, ()):
            if thumb.index == index:
                resource = QTextDocument.ResourceType.ImageResource
                self.document().addResource(resource, QUrl(thumb.name), picture)
                self.viewport().update()

    def scroll_to_exchange(self, exchange_id: str) -> None:
        """Bring an exchange's question into view (a search hit was opened)."""
        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        self._drain_renders()
        bar = self.verticalScrollBar()
        top = self.document().documentLayout().blockBoundingRect(reply.turn_start.block()).top()
        bar.setValue(min(int(top), bar.maximum()))

    # -- replies -------------------------------------------------------------------------------

    def _formats(self) -> Formats:
        # Built again after a palette or font change: the palette follows the platform's light
        # or dark mode.
        from qwenvl_desktop.gui.transcript.document import Formats

        if self._current_formats is None:
            self._current_formats = Formats(self.palette(), self.font())
        return self._current_formats

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type()
        if changed in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._current_formats = None
            self._restyle_timer.start()
        elif changed in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._current_formats = None

    def _restyle(self) -> None:
        """Give the text already shown the colours of the current palette."""
        if self.document().isEmpty():
            return
        from qwenvl_desktop.gui.transcript.colours import restyle

        restyle(self.document(), self._formats().colours)
        self.viewport().update()

    def _new_reply(
        self, fmt: Formats, exchange_id: str, turn_start: QTextCursor, cursor: QTextCursor
    ) -> ReplyMarks:
        from qwenvl_desktop.gui.transcript import document as blocks

        self._pending_footer.pop(exchange_id, None)
        reply = blocks.new_reply(fmt, exchange_id, turn_start, cursor)
        self._replies[exchange_id] = reply
        return reply

    def _reply_end_position(self, reply: ReplyMarks) -> int:
        index = self._order.index(reply)
        if index + 1 < len(self._order):
            return self._order[index + 1].turn_start.position() - 1
        return self.document().characterCount() - 1

    def _set_folded(self, reply: ReplyMarks, folded: bool) -> None:
        from qwenvl_desktop.gui.transcript import document as blocks

        blocks.set_folded(self._formats(), reply, folded)
        self.viewport().update()

    # -- rendering in steps --------------------------------------------------------------------

    def _drain_renders(self) -> None:
        while self._render_queue:
            self._render_step()

    def _render_step(self) -> None:
        from qwenvl_desktop.gui.transcript import document as blocks
        from qwenvl_desktop.gui.transcript.markdown_render import render_rest

        if not self._render_queue:
            return
        reply = self._render_queue[0]
        follow = self._at_bottom()
        if reply.splitter.text:
            render_rest(self._formats(), reply)
        if not reply.splitter.text:
            self._render_queue.pop(0)
            exchange = self._pending_footer.pop(reply.id, None)
            reply.finishing = False
            if exchange is not None:
                results = self.results_of(exchange)
                blocks.insert_footer(self._formats(), reply, exchange, results)
                self.viewport().update()
            self.replyRendered.emit(reply.id)
        if follow:
            self._scroll_to_end()
        if self._render_queue:
            self._render_timer.start()

    # -- links ---------------------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        from qwenvl_desktop.gui.transcript.links import parse_link

        link = parse_link(url)
        if link is None:
            return
        if link.action == "retry":
            self.retryRequested.emit(link.exchange_id)
        elif link.action == "set-key":
            self.setKeyRequested.emit(link.exchange_id)
        elif link.action == "curl":
            self.curlRequested.emit(link.exchange_id)
        elif link.action == "image" and link.index is not None:
            self.imageClicked.emit(link.exchange_id, link.index)
        elif link.action == "result" and link.key is not None:
            self.resultRequested.emit(link.exchange_id, link.key)
        else:
            reply = self._replies.get(link.exchange_id)
            if reply is not None:
                self._act_on_reply(reply, link)

    def _act_on_reply(self, reply: ReplyMarks, link: TranscriptLink) -> None:
        """Fold, details, copy: what a link does inside its own reply."""
        from qwenvl_desktop.gui.transcript import document as blocks
        from qwenvl_desktop.gui.transcript.links import copy_to_clipboard

        if link.action == "fold":
            self.toggle_thinking(reply.id)
        elif link.action == "details":
            blocks.show_details(reply, not reply.details_shown)
            self.viewport().update()
        elif link.action == "copy":
            copy_to_clipboard(reply.answer)
            self.copied.emit("Answer copied")
        elif link.action == "copy-code":
            self._copy_code(reply, link.index)

    def _copy_code(self, reply: ReplyMarks, index: int | None) -> None:
        from qwenvl_desktop.gui.transcript.links import copy_to_clipboard

        if index is not None and index < len(reply.codes):
            copy_to_clipboard(reply.codes[index])
            self.copied.emit("Code copied")

    # -- scrolling -----------------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 8

    def _scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())


def _task_of_question(exchange: Exchange) -> DocumentTask | None:
    from qwenvl_desktop.core.documents.tasks import task_for_question

    return task_for_question(exchange.question)


def _normalise(text: str) -> str:
    # Qt turns "\n" into a block break; a lone "\r" would become a stray character.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
