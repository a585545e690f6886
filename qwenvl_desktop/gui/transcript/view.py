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

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    # The document machinery (blocks, Markdown, links, thumbnails, and the conversation model
    # under them) is imported with the first exchange, not for the window's first frame: an
    # empty transcript needs none of it. Each method that uses it imports it (a dictionary
    # lookup once loaded).
    from PySide6.QtGui import QImage, QPaintEvent, QResizeEvent

    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.documents.results import ResultAction
    from qwenvl_desktop.core.documents.tasks import DocumentTask
    from qwenvl_desktop.gui.transcript.document import Formats, ReplyMarks
    from qwenvl_desktop.gui.transcript.links import TranscriptLink
    from qwenvl_desktop.gui.transcript.thumbnails import InsertedThumbnail
    from qwenvl_desktop.gui.transcript.turn_style import ThinkingClock

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
    #: a question's Edit button: put it back in the prompt to edit and resend (exchange id)
    editRequested = Signal(str)
    #: a reply's Regenerate button (exchange id)
    regenerateRequested = Signal(str)
    #: a stopped reply's Continue button (exchange id)
    continueRequested = Signal(str)
    #: ‹ or › beside a reply's versions: show reply number n, 0-based (exchange id, n)
    versionRequested = Signal(str, int)
    #: a time in an answer or a frame of a question's filmstrip was clicked: show the frame of
    #: the question's video nearest that time (exchange id, video index, milliseconds)
    frameRequested = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setAccessibleName("transcriptView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._on_anchor)
        # A long stored conversation's earlier turns: its "Show earlier" line, or reaching the top.
        self.anchorClicked.connect(self._on_earlier_link)
        self.verticalScrollBar().actionTriggered.connect(self._on_scrolled)
        self._replies: dict[str, ReplyMarks] = {}
        self._order: list[ReplyMarks] = []
        self._render_queue: list[ReplyMarks] = []
        #: replies whose footer waits for their final render, with their exchange
        self._pending_footer: dict[str, Exchange] = {}
        #: each question's thumbnails as inserted, by exchange id
        self._thumbnails: dict[str, list[InsertedThumbnail]] = {}
        #: a conversation from the history (:meth:`load_exchanges`): all its exchanges, and the
        #: earlier ones not built yet (their text hidden at the top, :mod:`.stored_turns`)
        self._stored: Sequence[Exchange] = ()
        self._earlier: list[Exchange] = []
        #: the document task a question was asked for (its answer's footer offers the task's
        #: results); the window also knows the person's own quick prompts
        self.task_for: Callable[[Exchange], DocumentTask | None] = _task_of_question
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_step)
        #: the formats for the current palette and font (None: build them on next use)
        self._current_formats: Formats | None = None
        #: the window's shortcuts for the last turn's actions, named in the buttons' tooltips
        #: (:meth:`set_action_shortcuts`)
        self._action_shortcuts: dict[str, str] = {}
        # A palette change (the system switching to dark, a forced theme) restyles what is
        # shown once the change has settled: several change events arrive for one switch.
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)
        #: the Thinking headers' live seconds (made with the first reasoning)
        self._clock: ThinkingClock | None = None
        #: the key that sends a question, named in the empty view's text
        self._send_keys = "Ctrl+Enter"
        self.retranslate()

    def set_send_keys(self, keys: str) -> None:
        """The key that sends a question (the ``send_with`` setting), in the empty view's text."""
        self._send_keys = keys
        self.retranslate()

    def retranslate(self) -> None:
        """The view's own words. What the transcript already shows stays in the language it was
        written in; the turns written after a change are in the new one."""
        translate = QCoreApplication.translate
        self.setAccessibleDescription(
            translate("TranscriptView", "The conversation: questions, thinking, answers and errors")
        )
        placeholder = translate(
            "TranscriptView", "Add images, type a question and press %1. Answers stream in here."
        )
        self.setPlaceholderText(placeholder.replace("%1", self._send_keys))

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
        self._stored, self._earlier = (), []
        if self._clock is not None:
            self._clock.clear()
        self.clear()
        self._current_formats = None  # clearing the document dropped the action icons
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
        from qwenvl_desktop.gui.transcript.turn_style import shade_question

        shade_question(self.document(), turn_start.position(), cursor.position() - 1)
        reply = self._new_reply(fmt, exchange.id, turn_start, cursor)
        self._order.append(reply)
        blocks.write_reply_header(fmt, reply, exchange)
        # Always: a question just sent must be seen even if the reader had scrolled up (and
        # from the end, the answer is followed as it streams).
        self._scroll_to_end()

    def load_exchanges(
        self, exchanges: Sequence[Exchange], *, shown_from: int | None = None
    ) -> None:
        """Show stored exchanges in place of the transcript (a conversation from the history).

        The same turns as :meth:`add_exchange`, :meth:`append_text` and :meth:`finish_reply`
        one by one, built at once, and of a long conversation only the latest ones (from
        ``shown_from``; the rest come with :meth:`show_earlier`). Why it is a path of its own:
        :mod:`.stored_turns`.
        """
        from qwenvl_desktop.gui.transcript import stored_turns

        first = stored_turns.first_shown(len(exchanges), shown_from)
        self.clear_conversation()
        self._stored = exchanges
        self._earlier = list(exchanges[:first])
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        parked: list[tuple[ReplyMarks, list[stored_turns.ParkedMark]]] = []
        try:
            stored_turns.insert_earlier(edit, self._formats(), self._earlier)
            for exchange in exchanges[first:]:
                self.add_exchange(exchange)
                self.append_text(exchange.id, exchange.reasoning, exchange.answer)
                self.finish_reply(exchange)
                self._drain_renders()
                reply = self._replies[exchange.id]
                parked.append((reply, stored_turns.park_marks(reply)))
        finally:
            for reply, marks in parked:
                stored_turns.unpark_marks(reply, marks, self.document())
            edit.endEditBlock()
        self._render_timer.stop()
        # Qt would lay the rest out in steps on later turns of the event loop, the scroll range
        # growing meanwhile: the end is only the end once it is all laid out.
        self.document().documentLayout().documentSize()
        self._scroll_to_end()

    def show_earlier(self, exchange_id: str = "") -> bool:
        """Build the turns a long stored conversation has not shown yet (as many again as are
        shown, or back to ``exchange_id``), the reader staying where they were. False while a
        reply streams (the turns are built again) or when there is nothing more."""
        stored, earlier = self._stored, self._earlier
        if not earlier or not all(e.is_settled for e in stored):
            return False
        ids = [e.id for e in stored]
        first = max(len(earlier) - max(len(self._order), 1), 0)
        if exchange_id in ids:
            first = min(first, ids.index(exchange_id))
        anchor = self._order[0] if self._order else None
        layout = self.document().documentLayout()
        bar = self.verticalScrollBar()
        offset = 0.0
        if anchor is not None:
            offset = layout.blockBoundingRect(anchor.turn_start.block()).top() - bar.value()
        anchor_id = anchor.id if anchor is not None else ""
        self.load_exchanges(stored, shown_from=first)
        kept = self._replies.get(anchor_id)
        if kept is not None:
            top = layout.blockBoundingRect(kept.turn_start.block()).top()
            layout.documentSize()  # the whole layout: the scroll range is final
            bar.setValue(int(top - offset))
        return True

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

    def set_action_shortcuts(self, shortcuts: dict[str, str]) -> None:
        """The window's shortcuts for the last turn's actions (``"copy": "Ctrl+Shift+C"``…):
        the buttons' tooltips name them (buttons made from now on)."""
        self._action_shortcuts = dict(shortcuts)
        self._current_formats = None

    def show_reply(self, exchange: Exchange) -> None:
        """Show the reply ``exchange`` holds now in place of the one shown (another version)."""
        if exchange.id not in self._replies:
            return
        top = self.verticalScrollBar().value()
        self.restart_reply(exchange)
        self.append_text(exchange.id, exchange.reasoning, exchange.answer)
        self.finish_reply(exchange)
        self._drain_renders()
        self.verticalScrollBar().setValue(top)  # the reader stays where the ‹ › was clicked

    def remove_from(self, exchange_id: str) -> None:
        """Take out the turn of ``exchange_id`` and every later one (an edited question)."""
        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        self._drain_renders()
        index = self._order.index(reply)
        cursor = QTextCursor(self.document())
        # From the end of the turn before (the rule between them goes too) to the end of the
        # document: no empty block or stray rule is left for the next turn to follow.
        block = reply.turn_start.block()
        if index > 0 and block.previous().isValid():
            block = block.previous()  # the rule above the turn
        cursor.setPosition(max(block.position() - 1, 0))
        cursor.movePosition(QTextCursor.MoveOperation.End, _Mode.KeepAnchor)
        cursor.removeSelectedText()
        for gone in self._order[index:]:
            self._replies.pop(gone.id, None)
            self._pending_footer.pop(gone.id, None)
            self._thumbnails.pop(gone.id, None)
        del self._order[index:]

    def append_text(self, exchange_id: str, reasoning: str, answer: str) -> None:
        """A batch of streamed text: reasoning into the Thinking section, answer at its end."""
        from qwenvl_desktop.gui.transcript import document as blocks
        from qwenvl_desktop.gui.transcript.markdown_render import stream_answer

        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        follow = self._at_bottom()
        fmt = self._formats()
        clock = self._thinking_clock()
        clock.batch(reply)
        if reasoning:
            thinking_began = reply.thinking_header is None
            blocks.append_reasoning(fmt, reply, _normalise(reasoning))
            if thinking_began:
                clock.started(reply)  # "Thinking… 0 s", counting
            self.viewport().update()
        if answer:
            answer = _normalise(answer)
            if not reply.answer and reply.thinking_header is not None and not reply.folded:
                clock.stopped(reply)  # "Thought for 12 s"
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
        clock = self._thinking_clock()
        if clock.is_thinking(reply):  # it ended while thinking: the clock stops there
            from qwenvl_desktop.gui.transcript import document as blocks

            clock.stopped(reply)
            blocks.write_thinking_header(self._formats(), reply)
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

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """A stored conversation's thumbnail, decoded when first painted (the document keeps
        it); anything else as ``QTextBrowser`` loads it."""
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == "qwenvl-thumb":
            wanted = url.toString()
            for thumb in self._thumbnails.get(url.path().split("/", 1)[0], ()):
                if thumb.name == wanted:
                    return thumb.image
        return super().loadResource(type, name)

    def answer_span(self, exchange_id: str) -> tuple[int, int] | None:
        """Where a reply's answer is in the document (start and end positions), or None.

        Asked once the reply has rendered (:attr:`replyRendered`), e.g. to link the times an
        answer mentions to the frames of the question's video (:mod:`..video_links`).
        """
        reply = self._replies.get(exchange_id)
        if reply is None or reply.answer_start.isNull() or reply.rendered_end.isNull():
            return None
        # rendered_end, not answer_end: once rendered, the raw tail is empty and it is the
        # answer's end, while answer_end moved on past the footer inserted there.
        return reply.answer_start.position(), reply.rendered_end.position()

    def _on_earlier_link(self, url: QUrl) -> None:
        if url.scheme() == "qwenvl-earlier":
            self.show_earlier()

    def _on_scrolled(self, _action: int) -> None:
        # The person scrolled (wheel, scroll bar; not the view scrolling itself): once the
        # scroll is done, see whether it reached the top.
        if self._earlier:
            QTimer.singleShot(0, self._show_earlier_at_top)

    def _show_earlier_at_top(self) -> None:
        if self._earlier and self.verticalScrollBar().value() == 0:
            self.show_earlier()

    def scroll_to_exchange(self, exchange_id: str) -> None:
        """Bring an exchange's question into view (a search hit was opened)."""
        if exchange_id not in self._replies and any(e.id == exchange_id for e in self._earlier):
            self.show_earlier(exchange_id)
        reply = self._replies.get(exchange_id)
        if reply is None:
            return
        self._drain_renders()
        bar = self.verticalScrollBar()
        top = self.document().documentLayout().blockBoundingRect(reply.turn_start.block()).top()
        bar.setValue(min(int(top), bar.maximum()))

    def turn_span(self, exchange_id: str) -> tuple[int, int] | None:
        """Where an exchange's turn is in the document, ``(start, end)`` positions (a search
        hit's words are highlighted in it); None when it is not shown."""
        reply = self._replies.get(exchange_id)
        if reply is None:
            return None
        self._drain_renders()
        return reply.turn_start.position(), self._reply_end_position(reply)

    # -- replies -------------------------------------------------------------------------------

    def _formats(self) -> Formats:
        # Built again after a palette or font change: the palette follows the platform's light
        # or dark mode.
        from qwenvl_desktop.gui.transcript.document import Formats

        if self._current_formats is None:
            from qwenvl_desktop.gui.transcript.turn_actions import install_icons

            fmt = Formats(self.palette(), self.font(), self._action_shortcuts)
            # The buttons' icons in this palette's colours: those shown follow at once.
            install_icons(self.document(), fmt.colours.link, self.devicePixelRatioF())
            self._current_formats = fmt
        return self._current_formats

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type()
        if changed == QEvent.Type.LanguageChange:
            self.retranslate()
        elif changed in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._current_formats = None
            self._restyle_timer.start()
        elif changed in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._current_formats = None
            self._fit_line_length()

    # -- look: line length, quote bars, the thinking clock --------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A scroll area's resize event is its viewport's, so its width is the viewport's. (Asking
        # viewport() here would be the first QWidget* PySide resolves, before the first frame:
        # it creates the Python types of every QWidget subclass to find the right one, ≈ 4 ms.)
        self._fit_line_length(event.size().width())

    def _fit_line_length(self, viewport_width: int | None = None) -> None:
        """At most ~88 characters a line, centred, however wide the window."""
        from PySide6.QtGui import QFontMetricsF

        from qwenvl_desktop.gui.transcript.turn_style import apply_side_margin, side_margin

        if viewport_width is None:
            viewport_width = self.viewport().width()
        metrics = QFontMetricsF(self.document().defaultFont())
        apply_side_margin(self.document(), side_margin(viewport_width, metrics))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.document().isEmpty():
            return
        from PySide6.QtGui import QPainter

        from qwenvl_desktop.gui.transcript.code_blocks import quote_bars

        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        bars = list(quote_bars(self.document(), top, bottom))
        if not bars:
            return
        painter = QPainter(self.viewport())
        colour = self._formats().colours.quote_bar
        for rect, _depth in bars:
            painter.fillRect(rect.translated(-self.horizontalScrollBar().value(), -top), colour)
        painter.end()

    def _thinking_clock(self) -> ThinkingClock:
        if self._clock is None:
            from qwenvl_desktop.gui.transcript.turn_style import ThinkingClock

            self._clock = ThinkingClock(self._write_thinking, self)
        return self._clock

    def _write_thinking(self, reply: ReplyMarks, seconds: float) -> bool:
        """The clock's tick: the live seconds in a thinking reply's header (False: the reply
        is gone)."""
        from qwenvl_desktop.gui.transcript import document as blocks

        if self._replies.get(reply.id) is not reply:
            return False
        blocks.write_thinking_header(self._formats(), reply, seconds)
        return True

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
        elif link.action == "edit":
            self.editRequested.emit(link.exchange_id)
        elif link.action == "regenerate":
            self.regenerateRequested.emit(link.exchange_id)
        elif link.action == "continue":
            self.continueRequested.emit(link.exchange_id)
        elif link.action == "version" and link.index is not None:
            self.versionRequested.emit(link.exchange_id, link.index)
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
            self.copied.emit(QCoreApplication.translate("TranscriptView", "Answer copied"))
        elif link.action == "copy-code":
            self._copy_code(reply, link.index)
        elif link.action == "frame" and link.index is not None:
            self.frameRequested.emit(reply.id, link.index, link.milliseconds or 0)

    def _copy_code(self, reply: ReplyMarks, index: int | None) -> None:
        from qwenvl_desktop.gui.transcript.links import copy_to_clipboard

        if index is not None and index < len(reply.codes):
            copy_to_clipboard(reply.codes[index])
            self.copied.emit(QCoreApplication.translate("TranscriptView", "Code copied"))

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
