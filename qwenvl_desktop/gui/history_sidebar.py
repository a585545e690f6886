"""The history sidebar: stored conversations, newest first, a search box, and their actions.

A :class:`QDockWidget` for the window's left dock area. It only shows what the window gives it
(:meth:`HistorySidebar.set_conversations`, :meth:`HistorySidebar.set_hits`) and emits what the
person asked for (open, search, rename, delete, undo, export); the window runs those through
:class:`~qwenvl_desktop.services.history.HistorySync`, so nothing here touches the disk.

Rename happens in place (double-click or F2 on a row, or *Rename* in its context menu), so no
modal dialog is needed. A deleted conversation can be brought back from the undo bar until the
window closes (the store erases it for good then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.gui.locale_format import day_month, day_month_year, time_of_day

if TYPE_CHECKING:
    # What only painting a row needs is imported when the first row is painted: the window's
    # first frame shows an empty list, and the style's types alone cost milliseconds to load.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from qwenvl_desktop.core.history import ConversationSummary, SearchHit

__all__ = ["CONVERSATION_ROLE", "EXCHANGE_ROLE", "HEADER_ROLE", "MARK_ROLE", "HistorySidebar"]

#: item data: the conversation id of a row
CONVERSATION_ROLE = Qt.ItemDataRole.UserRole + 1
#: item data: the exchange a search hit points at ("" for a plain conversation row)
EXCHANGE_ROLE = Qt.ItemDataRole.UserRole + 2
#: item data: the second line (date and size, or the search snippet)
_SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 3
#: item data: ``(start, end)`` ranges of the subtitle drawn in bold (search matches)
_HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 4
#: item data: the title as stored, to tell a rename from an unchanged edit
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 5
#: item data: a date group's header row (True), not a conversation
HEADER_ROLE = Qt.ItemDataRole.UserRole + 6
#: item data: what the mark of an unfinished conversation says ("" when none)
MARK_ROLE = Qt.ItemDataRole.UserRole + 7

SEARCH_DELAY_MS = 200

#: one row: conversation id, exchange id, title, second line, highlighted ranges of that line,
#: the unfinished mark's words ("" for none); or a date header: ("", "", label, "", (), "")
_Row = tuple[str, str, str, str, tuple[tuple[int, int], ...], str]


def when(timestamp: float, now: dt.datetime | None = None) -> str:
    """A short date for a row: the time today, "Yesterday", the day this year, else the date;
    in the locale's formats (:mod:`qwenvl_desktop.gui.locale_format`)."""
    now = now or dt.datetime.now()
    moment = dt.datetime.fromtimestamp(timestamp, tz=now.tzinfo)
    if moment.date() == now.date():
        return time_of_day(moment)
    if moment.date() == (now - dt.timedelta(days=1)).date():
        yesterday = QCoreApplication.translate("HistorySidebar", "Yesterday %1")
        return yesterday.replace("%1", time_of_day(moment))
    if moment.year == now.year:
        return day_month(moment)
    return day_month_year(moment)


class _RowDelegate(QStyledItemDelegate):
    """Two lines per row: the title, and under it a smaller grey line (date, or search snippet)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        from PySide6.QtGui import QFontMetrics

        metrics = QFontMetrics(option.font)
        if index.data(HEADER_ROLE):
            return QSize(120, metrics.height() + 10)
        return QSize(120, metrics.height() * 2 + 10)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QFont, QFontMetrics
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if index.data(HEADER_ROLE):
            self._paint_header(painter, opt)
            return
        title = opt.text
        opt.text = ""
        if style is not None:
            # The selection/hover background of the platform's style.
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect.adjusted(6, 4, -6, -4)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        font: QFont = opt.font
        metrics = QFontMetrics(font)
        painter.save()
        painter.setFont(font)
        painter.setPen(palette.color(text_role))
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        if index.data(MARK_ROLE) and style is not None:
            # The mark of an unfinished conversation, at the right end of the title line.
            side = min(metrics.height(), 16)
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, widget)
            mark = QRect(top.right() - side + 1, top.top() + (top.height() - side) // 2, side, side)
            icon.paint(painter, mark)
            top.setRight(mark.left() - 4)
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, top.width())
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )

        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 7))
        grey = palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
        subtitle = str(index.data(_SUBTITLE_ROLE) or "")
        highlights = index.data(_HIGHLIGHTS_ROLE) or ()
        line = QRect(rect.left(), top.bottom() + 2, rect.width(), metrics.height())
        painter.setPen(grey)
        self._draw_highlighted(painter, line, subtitle, tuple(highlights), small)
        painter.restore()

    @staticmethod
    def _paint_header(painter: QPainter, opt: QStyleOptionViewItem) -> None:
        """A date group's header: its label in bold, a little smaller, no selection."""
        from PySide6.QtGui import QFont

        font = QFont(opt.font)
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        rect: QRect = opt.rect.adjusted(6, 6, -6, 0)
        painter.save()
        painter.setFont(font)
        # The header is not selectable, so Qt hands it the disabled colours: too faint to read.
        painter.setPen(opt.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(rect, flags, opt.text)
        painter.restore()

    @staticmethod
    def _draw_highlighted(
        painter: QPainter,
        rect: QRect,
        text: str,
        highlights: tuple[tuple[int, int], ...],
        font: QFont,
    ) -> None:
        """Draw ``text`` left to right, the highlighted ranges bold, elided at the right edge."""
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QFont, QFontMetrics

        bold = QFont(font)
        bold.setBold(True)
        pieces: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in sorted(highlights):
            if start > cursor:
                pieces.append((text[cursor:start], False))
            if end > max(start, cursor):
                pieces.append((text[max(start, cursor) : end], True))
            cursor = max(cursor, end)
        if cursor < len(text):
            pieces.append((text[cursor:], False))
        x = rect.left()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for piece, strong in pieces:
            painter.setFont(bold if strong else font)
            metrics = QFontMetrics(bold if strong else font)
            room = rect.right() - x
            if room <= 0:
                break
            width = metrics.horizontalAdvance(piece)
            if width > room:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
                width = room
            painter.drawText(QRect(x, rect.top(), width + 1, rect.height()), flags, piece)
            x += width


class HistorySidebar(QDockWidget):
    """Conversations newest first; a search box; Rename / Delete / Export in a context menu."""

    #: conversation id, exchange id ("" when a whole conversation was chosen)
    openRequested = Signal(str, str)
    #: the search text changed (after a short pause); "" means show the list again
    searchRequested = Signal(str)
    #: conversation id, new title
    renameRequested = Signal(str, str)
    deleteRequested = Signal(str)
    #: conversation id to restore
    undoRequested = Signal(str)
    exportMarkdownRequested = Signal(str)
    exportJsonRequested = Signal(str)
    newRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historySidebar")
        self.setAccessibleName("historySidebar")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        # resizeDocks() before the window is shown is ignored; below this, titles and the
        # search box are cut to a few letters.
        self.setMinimumWidth(210)
        self._filling = False
        self._current_id = ""
        self._loading = False
        #: deleted this session, most recent last: (id, title)
        self._deleted: list[tuple[str, str]] = []

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(4)

        row = QHBoxLayout()
        self.search_box = QLineEdit(body)
        self.search_box.setObjectName("historySearch")
        self.search_box.setAccessibleName("historySearch")
        self.search_box.setClearButtonEnabled(True)
        row.addWidget(self.search_box, 1)
        self.new_button = QToolButton(body)
        self.new_button.setObjectName("historyNewButton")
        row.addWidget(self.new_button)
        column.addLayout(row)

        self.list = QListWidget(body)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName("historyList")
        self.list.setItemDelegate(_RowDelegate(self.list))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.list, 1)

        self.message = QLabel(body)
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.hide()
        column.addWidget(self.message)

        self.undo_bar = QFrame(body)
        self.undo_bar.setObjectName("historyUndoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(6, 2, 2, 2)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_label.setObjectName("historyUndoLabel")
        self.undo_label.setWordWrap(True)
        bar.addWidget(self.undo_label, 1)
        self.undo_button = QToolButton(self.undo_bar)
        self.undo_button.setObjectName("historyUndoButton")
        bar.addWidget(self.undo_button)
        self.dismiss_button = QToolButton(self.undo_bar)
        self.dismiss_button.setObjectName("historyUndoDismiss")
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        bar.addWidget(self.dismiss_button)
        self.undo_bar.hide()
        column.addWidget(self.undo_bar)
        self.setWidget(body)

        # Keyboard: Delete on the focused list deletes the current row.
        self._delete_key = delete_key = QAction(self.list)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(lambda: self._on_delete(self.list.currentItem()))
        self.list.addAction(delete_key)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._emit_search)
        self.new_button.clicked.connect(self.newRequested)
        self.list.itemClicked.connect(self._on_open)
        self.list.itemActivated.connect(self._on_open)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.undo_button.clicked.connect(self.undo_last)
        self.dismiss_button.clicked.connect(self._dismiss_undo)
        self.retranslate()

    def retranslate(self) -> None:
        """The sidebar's words in the interface language (again on each language change; the
        rows and their date headers come again from the history panel's refresh)."""
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("HistorySidebar", "History"))
        self.setAccessibleDescription(
            translate("HistorySidebar", "Stored conversations, newest first, and a search box")
        )
        self.search_box.setAccessibleDescription(
            translate("HistorySidebar", "Search the questions and answers of the history")
        )
        self.search_box.setPlaceholderText(translate("HistorySidebar", "Search conversations"))
        self.new_button.setText(translate("HistorySidebar", "New"))
        self.new_button.setToolTip(translate("HistorySidebar", "New conversation (Ctrl+N)"))
        self.list.setAccessibleDescription(
            translate("HistorySidebar", "Conversations, newest first; Enter opens, F2 renames")
        )
        self.undo_button.setText(translate("HistorySidebar", "Undo"))
        self.undo_button.setToolTip(
            translate("HistorySidebar", "Bring the deleted conversation back")
        )
        self.dismiss_button.setToolTip(
            translate(
                "HistorySidebar", "Hide (deleted conversations are erased when the window closes)"
            )
        )
        self._delete_key.setText(translate("HistorySidebar", "Delete"))
        if self._loading:
            self.message.setText(translate("HistorySidebar", "Opening the history…"))
        self._refresh_undo_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the window shows -------------------------------------------------------------------

    def search_text(self) -> str:
        return self.search_box.text().strip()

    def set_conversations(
        self, summaries: Sequence[ConversationSummary], now: dt.datetime | None = None
    ) -> None:
        """The list as the store has it (newest first), under date headers (Today, Yesterday,
        This week…: :mod:`qwenvl_desktop.core.history.grouping`), counted from ``now``."""
        from qwenvl_desktop.core.history.grouping import group_by_date, unfinished_note

        translate = QCoreApplication.translate
        untitled = translate("HistorySidebar", "Untitled")
        # Qt numbers the days Monday = 1 … Sunday = 7; the grouping Monday = 0.
        week_start = QLocale().firstDayOfWeek().value - 1
        items: list[_Row] = []
        for group in group_by_date(summaries, now, week_starts_on=week_start):
            items.append(("", "", group.label, "", (), ""))
            for summary in group.items:
                count = summary.exchange_count
                questions = (
                    translate("HistorySidebar", "1 question")
                    if count == 1
                    else translate("HistorySidebar", "%1 questions").replace(
                        "%1", QLocale().toString(count)
                    )
                )
                subtitle = f"{when(summary.updated_at, now)} · {questions}"
                mark = unfinished_note(summary.last_state) or ""
                items.append((summary.id, "", summary.title or untitled, subtitle, (), mark))
        self._fill(
            items,
            translate(
                "HistorySidebar", "No conversations yet: the questions you ask are kept here."
            ),
        )

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Search results: one row per matching question or answer, newest first."""
        translate = QCoreApplication.translate
        items: list[_Row] = []
        for hit in hits:
            prefix = (
                translate("HistorySidebar", "Q: ", "a question in the search results")
                if hit.field == "question"
                else translate("HistorySidebar", "A: ", "an answer in the search results")
            )
            shifted = tuple((a + len(prefix), b + len(prefix)) for a, b in hit.highlights)
            items.append(
                (
                    hit.conversation_id,
                    hit.exchange_id,
                    hit.conversation_title or translate("HistorySidebar", "Untitled"),
                    prefix + hit.snippet,
                    shifted,
                    "",
                )
            )
        self._fill(items, translate("HistorySidebar", "Nothing in the history matches."))

    def set_loading(self) -> None:
        """The history file is still opening (just after the start): say so, list nothing."""
        self.list.hide()
        self.search_box.setEnabled(False)
        self._loading = True
        self.message.setText(QCoreApplication.translate("HistorySidebar", "Opening the history…"))
        self.message.show()

    def set_unavailable(self, sentence: str) -> None:
        """History is off (or could not be opened): say so instead of an empty list."""
        self._loading = False
        self._filling = True
        self.list.clear()
        self._filling = False
        self.list.hide()
        self.search_box.setEnabled(False)
        self.message.setText(sentence)
        self.message.show()

    def set_current(self, conversation_id: str) -> None:
        """Select the open conversation's row (without opening it again)."""
        self._current_id = conversation_id
        self.list.blockSignals(True)
        try:
            self.list.clearSelection()
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(CONVERSATION_ROLE) == conversation_id:
                    self.list.setCurrentItem(item)
                    break
        finally:
            self.list.blockSignals(False)
        self.list.viewport().update()

    def rows(self) -> list[tuple[str, str, str]]:
        """(conversation id, title, second line) of every conversation row, top to bottom
        (tests, a11y); the date headers are :meth:`headers`."""
        return [
            (str(item.data(CONVERSATION_ROLE)), item.text(), str(item.data(_SUBTITLE_ROLE)))
            for item in self._items()
            if not item.data(HEADER_ROLE)
        ]

    def headers(self) -> list[tuple[str, list[str]]]:
        """Each date header, top to bottom, with the conversation ids under it."""
        groups: list[tuple[str, list[str]]] = []
        for item in self._items():
            if item.data(HEADER_ROLE):
                groups.append((item.text(), []))
            elif groups:
                groups[-1][1].append(str(item.data(CONVERSATION_ROLE)))
        return groups

    def mark(self, conversation_id: str) -> str:
        """What the mark on a conversation's row says ("" when it has none)."""
        for item in self._items():
            if item.data(CONVERSATION_ROLE) == conversation_id:
                return str(item.data(MARK_ROLE) or "")
        return ""

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def show_deleted(self, conversation_id: str, title: str) -> None:
        """Offer Undo for a conversation just deleted."""
        self._deleted = [d for d in self._deleted if d[0] != conversation_id]
        self._deleted.append((conversation_id, title))
        self._refresh_undo_bar()

    def undo_last(self) -> None:
        """Restore the most recently deleted conversation."""
        if not self._deleted:
            return
        conversation_id, _title = self._deleted.pop()
        self._refresh_undo_bar()
        self.undoRequested.emit(conversation_id)

    def start_rename(self, conversation_id: str) -> bool:
        """Edit the title in place; the change is emitted as :attr:`renameRequested`."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(CONVERSATION_ROLE) == conversation_id:
                self.list.setCurrentItem(item)
                self.list.editItem(item)
                return True
        return False

    # -- internals -------------------------------------------------------------------------------

    def _fill(
        self,
        items: Sequence[_Row],
        empty_message: str,
    ) -> None:
        self._loading = False
        self._filling = True
        try:
            self.list.clear()
            for conversation_id, exchange_id, title, subtitle, highlights, mark in items:
                item = QListWidgetItem(title)
                if not conversation_id:  # a date header: not selectable, not editable
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setData(HEADER_ROLE, True)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}:")
                    self.list.addItem(item)
                    continue
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setData(CONVERSATION_ROLE, conversation_id)
                item.setData(EXCHANGE_ROLE, exchange_id)
                item.setData(_SUBTITLE_ROLE, subtitle)
                item.setData(_HIGHLIGHTS_ROLE, list(highlights))
                item.setData(_TITLE_ROLE, title)
                item.setData(MARK_ROLE, mark)
                note = f"\n⚠ {mark}." if mark else ""
                item.setToolTip(f"{title}\n{subtitle}{note}")
                # What a screen reader says of the row, the mark's words included.
                spoken = f"{title}, {subtitle}" + (f", {mark}" if mark else "")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                self.list.addItem(item)
        finally:
            self._filling = False
        self.search_box.setEnabled(True)
        self.list.show()
        self.message.setText(empty_message)
        self.message.setVisible(not items)
        self.set_current(self._current_id)

    def _emit_search(self) -> None:
        self._search_timer.stop()
        self.searchRequested.emit(self.search_text())

    def _on_open(self, item: QListWidgetItem) -> None:
        if item is None or self.list.state() == QAbstractItemView.State.EditingState:
            return
        if item.data(HEADER_ROLE):
            return
        self.openRequested.emit(str(item.data(CONVERSATION_ROLE)), str(item.data(EXCHANGE_ROLE)))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        title = " ".join(item.text().split())
        old = str(item.data(_TITLE_ROLE))
        if title == old:
            return
        if not title:
            self._filling = True
            item.setText(old)  # an empty title is refused: put the old one back
            self._filling = False
        conversation_id = str(item.data(CONVERSATION_ROLE))
        # After the view has finished committing the edit: the rename refills the list.
        QTimer.singleShot(0, lambda: self.renameRequested.emit(conversation_id, title))

    def _on_delete(self, item: QListWidgetItem | None) -> None:
        if item is not None and not item.data(HEADER_ROLE):
            self.deleteRequested.emit(str(item.data(CONVERSATION_ROLE)))

    def context_menu(self, conversation_id: str) -> QMenu:
        """The row's menu: Rename, Export Markdown…, Export JSON…, Delete (not yet shown)."""
        menu = QMenu(self)
        menu.setObjectName("historyMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        translate = QCoreApplication.translate
        rename = menu.addAction(translate("HistorySidebar", "&Rename"))
        rename.triggered.connect(lambda: self.start_rename(conversation_id))
        menu.addSeparator()
        markdown = menu.addAction(translate("HistorySidebar", "Export &Markdown…"))
        markdown.triggered.connect(lambda: self.exportMarkdownRequested.emit(conversation_id))
        as_json = menu.addAction(translate("HistorySidebar", "Export &JSON…"))
        as_json.triggered.connect(lambda: self.exportJsonRequested.emit(conversation_id))
        menu.addSeparator()
        delete = menu.addAction(translate("HistorySidebar", "&Delete"))
        delete.triggered.connect(lambda: self.deleteRequested.emit(conversation_id))
        return menu

    def _show_menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None or item.data(HEADER_ROLE):
            return
        menu = self.context_menu(str(item.data(CONVERSATION_ROLE)))
        # popup(), not exec(): a nested event loop would re-enter the asyncio loop.
        menu.popup(self.list.viewport().mapToGlobal(point))

    def _refresh_undo_bar(self) -> None:
        if not self._deleted:
            self.undo_bar.hide()
            return
        _id, title = self._deleted[-1]
        more = len(self._deleted) - 1
        translate = QCoreApplication.translate
        title = title or translate("HistorySidebar", "Untitled")
        text = (
            translate("HistorySidebar", "Deleted “%1” and %2 more.").replace("%2", str(more))
            if more
            else translate("HistorySidebar", "Deleted “%1”.")
        )
        self.undo_label.setText(text.replace("%1", title))
        self.undo_bar.show()

    def _dismiss_undo(self) -> None:
        self._deleted.clear()
        self.undo_bar.hide()
