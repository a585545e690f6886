"""The history sidebar wired to the history service: list, search, open, rename, delete and undo,
and the export dialogs.

:class:`HistoryPanel` is what the main window keeps of the history: it builds the
:class:`~.history_sidebar.HistorySidebar` into the window's left dock area, turns the sidebar's
requests into calls of :class:`~qwenvl_desktop.services.history.HistorySync`, and opens the
(non-modal) export dialogs. The window itself only adds the panel's actions to its menus.

The panel is built with the window (the sidebar is on its first frame) and given the chat
service by :meth:`HistoryPanel.wire`. The history file opens after the window's first frame
(:meth:`HistoryPanel.attach`, called by the window); until then the sidebar says it is loading.
Whoever opens it first — the panel, or anything that reads or saves through the service — the
panel fills the list the moment it is open, reopens a conversation a crash cut off, and shows a
message about a file set aside.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from qwenvl_desktop.core.conversation.words import still_streaming
from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.gui.history_sidebar import HistorySidebar
from qwenvl_desktop.gui.status import StatusPanel
from qwenvl_desktop.gui.window_actions import window_action

if TYPE_CHECKING:
    # The services come after the window's first frame (HistoryPanel.wire); the dialogs and
    # the conversation model when first used.
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from qwenvl_desktop.core.conversation.model import Conversation
    from qwenvl_desktop.gui.transcript.view import TranscriptView
    from qwenvl_desktop.services.chat import ChatController

__all__ = ["HistoryPanel"]

ExportKind = Literal["markdown", "json"]

#: the sidebar's sentence while history is off for the session and no other reason is known
HISTORY_OFF = translatable(
    "HistoryPanel",
    "History is off: nothing is saved. Turn it on in File ▸ Preferences ▸ General to keep"
    " conversations.",
)
INTERRUPTED_NOTICE = translatable(
    "HistoryPanel",
    "The app ended while an answer was arriving: it is shown marked incomplete; Retry asks again.",
)


class HistoryPanel(QObject):
    """The sidebar and its actions, the history service behind them, the export dialogs."""

    #: the chat service, whose history the panel shows (set by :meth:`wire`)
    _controller: ChatController

    def __init__(
        self,
        window: QMainWindow,
        status: StatusPanel,
        *,
        show_conversation: Callable[[Conversation], None],
        new_conversation: Callable[[], None],
        scroll_to_exchange: Callable[[str], None],
        transcript: TranscriptView | None = None,
    ) -> None:
        super().__init__(window)
        #: where an opened search hit's words are highlighted (None: only scrolled to)
        self._transcript = transcript
        self._window = window
        self._status = status
        self._show_conversation = show_conversation
        self._new_conversation = new_conversation
        self._scroll_to_exchange = scroll_to_exchange
        self.export_dialog: QFileDialog | None = None
        #: the non-modal message about a history file set aside (while it is shown)
        self.recovery_box: QMessageBox | None = None
        self._started = False

        side = self.sidebar = HistorySidebar(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, side)
        window.resizeDocks([side], [250], Qt.Orientation.Horizontal)
        self._build_actions()

    def wire(self, controller: ChatController) -> None:
        """Show ``controller``'s history from now on (then :meth:`start`, and :meth:`attach`)."""
        self._controller = controller
        self._connect()

    # -- construction ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self._window
        # The dock names this action after its title on every title change (a language change
        # too): the action keeps its own words.
        self.sidebar.windowTitleChanged.connect(lambda _title: self._name_toggle_action())
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        window.addAction(self.toggle_action)  # its shortcut works with the menu bar hidden too
        # The words come from retranslate() (the window calls it on each language change).
        self.search_action = window_action(window, "", self.focus_search, "Ctrl+Shift+F")
        self.export_markdown_action = window_action(window, "", lambda: self.export_markdown())
        self.export_json_action = window_action(window, "", lambda: self.export_json())
        self.retranslate()

    @property
    def toggle_action(self) -> QAction:
        """The dock's show/hide action. Asked of the dock each time: a Python reference kept
        to it was found invalidated by PySide after a language change (the action lives on)."""
        return self.sidebar.toggleViewAction()

    def _name_toggle_action(self) -> None:
        self.toggle_action.setText(QCoreApplication.translate("HistoryPanel", "&History sidebar"))

    def retranslate(self) -> None:
        """The actions' words in the interface language, and the list again (its group names)."""
        translate = QCoreApplication.translate
        self._name_toggle_action()
        self.search_action.setText(translate("HistoryPanel", "Searc&h history"))
        self.export_markdown_action.setText(translate("HistoryPanel", "Export as &Markdown…"))
        self.export_json_action.setText(translate("HistoryPanel", "Export as &JSON…"))
        if getattr(self, "_controller", None) is not None:
            self.refresh()

    def menu_actions(self) -> list[QAction]:
        """Sidebar, search, and the two exports, for the window's menus."""
        return [
            self.toggle_action,
            self.search_action,
            self.export_markdown_action,
            self.export_json_action,
        ]

    def _connect(self) -> None:
        side, sync = self.sidebar, self._controller.history
        side.openRequested.connect(self.open_conversation)
        side.searchRequested.connect(lambda _text: self._search_again())
        side.renameRequested.connect(self.rename_conversation)
        side.deleteRequested.connect(self.delete_conversation)
        side.undoRequested.connect(self.restore_conversation)
        side.exportMarkdownRequested.connect(lambda cid: self.export_markdown(cid))
        side.exportJsonRequested.connect(lambda cid: self.export_json(cid))
        side.newRequested.connect(self._new_conversation)
        sync.listChanged.connect(self.refresh)
        sync.failed.connect(lambda sentence: self._status.notice(sentence, 15000))
        self._controller.conversationReset.connect(lambda: side.set_current(""))
        self._controller.conversationReset.connect(self.clear_highlight)

    # -- opening the history ---------------------------------------------------------------------

    def start(self) -> None:
        """Fill the sidebar now if the history is open, else once it is ("loading" meanwhile)."""
        sync = self._controller.history
        if sync.is_open:
            self._start()
        else:
            self.sidebar.set_loading()
            sync.opened.connect(self._start)

    def attach(self) -> None:
        """Open the history now if it still waits (the window calls it after its first frame)."""
        self._controller.history.ensure_open()

    def _start(self) -> None:
        """The list, a message about an unreadable history file, a reply a crash cut off."""
        if self._started:
            return
        self._started = True
        sync = self._controller.history
        self.refresh()
        if sync.recovery_message:
            # After the window is up, and non-modal: it must not block the first question.
            QTimer.singleShot(0, self._show_recovery_message)
        interrupted = sync.interrupted_conversation()
        # Opened by a question already on its way (a script that sends before the first frame):
        # that conversation stays; the cut-off one is in the list.
        if interrupted is not None and not self._controller.conversation.exchanges:
            self._show_conversation(interrupted)
            self.restore_choice(interrupted)
            # Once the window is shown: a notice given before does not hide the endpoint label.
            notice = QCoreApplication.translate("HistoryPanel", INTERRUPTED_NOTICE)
            QTimer.singleShot(0, lambda: self._status.notice(notice, 20000))

    def _show_recovery_message(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        message = self._controller.history.recovery_message
        if not message:
            return
        self._status.notice(message, 20000)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("HistoryPanel", "Conversation history"),
            message,
            parent=self._window,
        )
        box.setObjectName("historyRecoveryMessage")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "recovery_box", None))
        self.recovery_box = box
        box.show()

    # -- the sidebar -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored conversations (or the search results while the search box has text)."""
        sync, side = self._controller.history, self.sidebar
        if not sync.is_open:
            return  # the list comes when the file is open
        if not sync.enabled:
            off = QCoreApplication.translate("HistoryPanel", HISTORY_OFF)
            side.set_unavailable(sync.recovery_message or off)
            return
        text = side.search_text()
        if text:
            side.set_hits(sync.search(text))
        else:
            side.set_conversations(sync.conversations())
        side.set_current(self._controller.conversation.id)

    def focus_search(self) -> None:
        self.sidebar.show()
        self.sidebar.search_box.setFocus()
        self.sidebar.search_box.selectAll()

    def open_conversation(self, conversation_id: str, exchange_id: str = "") -> bool:
        """Open a stored conversation (at ``exchange_id`` for a search hit) to read or continue.

        The region and model it was asked with come back (:meth:`restore_choice`); a search
        hit's words are highlighted in its turn and scrolled to.
        """
        controller = self._controller
        if conversation_id != controller.conversation.id:
            if controller.busy:
                self._status.notice(still_streaming())
                self.sidebar.set_current(controller.conversation.id)
                return False
            conversation = controller.history.load(conversation_id)
            if conversation is None:
                self.refresh()
                return False
            self.clear_highlight()
            self._show_conversation(conversation)
            self.restore_choice(conversation)
        if exchange_id:
            self._scroll_to_exchange(exchange_id)
            self.highlight(exchange_id)
        else:
            self.clear_highlight()
        return True

    def restore_choice(self, conversation: Conversation) -> None:
        """Switch the region and model to the ones ``conversation`` was asked with, or say why
        not (locked, no longer offered, no custom endpoint set)."""
        from qwenvl_desktop.core.history.reopen import plan_reopen

        controller = self._controller
        settings = controller.settings
        plan = plan_reopen(
            conversation.exchanges,
            settings.catalog(),
            region=controller.region,
            model=controller.model,
            custom_url=controller.custom_url,
            allowed=settings.allowed_models,
            region_locked=settings.is_locked("region") or settings.is_locked("base_url"),
            model_locked=settings.is_locked("model"),
        )
        if plan.region is not None:
            controller.set_region(plan.region)
        if plan.model is not None:
            controller.set_model(plan.model)
        if plan.notices:
            self._status.notice(" ".join(plan.notices), 15000)

    def highlight(self, exchange_id: str) -> int:
        """Highlight the search box's words in the turn of ``exchange_id``; how many."""
        if self._transcript is None:
            return 0
        from qwenvl_desktop.gui.search_highlight import highlight_hit

        return highlight_hit(self._transcript, exchange_id, self.sidebar.search_text())

    def clear_highlight(self) -> None:
        if self._transcript is not None:
            self._transcript.setExtraSelections([])

    def _search_again(self) -> None:
        self.clear_highlight()
        self.refresh()

    def rename_conversation(self, conversation_id: str, title: str) -> bool:
        title = " ".join(title.split())
        renamed = self._controller.history.rename(conversation_id, title)
        if renamed and conversation_id == self._controller.conversation.id:
            self._controller.conversation.title = title  # exports use it
        if not renamed:
            self.refresh()  # put the stored title back
        return renamed

    def delete_conversation(self, conversation_id: str) -> bool:
        """Delete (undoable from the sidebar until the window closes)."""
        titles = {cid: title for cid, title, _line in self.sidebar.rows()}
        if not self._controller.history.delete(conversation_id):
            return False
        self.sidebar.show_deleted(conversation_id, titles.get(conversation_id, ""))
        if conversation_id == self._controller.conversation.id:
            self._new_conversation()
        self._status.notice(
            QCoreApplication.translate(
                "HistoryPanel", "Conversation deleted: Undo in the sidebar brings it back."
            )
        )
        return True

    def restore_conversation(self, conversation_id: str) -> bool:
        return self._controller.history.restore(conversation_id)

    def undo_delete(self) -> None:
        """Bring back the conversation deleted last."""
        self.sidebar.undo_last()

    # -- exports ---------------------------------------------------------------------------------

    def export_markdown(
        self, conversation_id: str | None = None, folder: Path | None = None
    ) -> Path | None:
        """Export as ``conversation.md`` with its images beside it, into ``folder``.

        No folder: a (non-modal) folder dialog asks, and the export lands in a new folder named
        after the conversation inside the one chosen.
        """
        return self._export_as("markdown", conversation_id, folder)

    def export_json(
        self, conversation_id: str | None = None, path: Path | None = None
    ) -> Path | None:
        """Export as one JSON file (images inline). No path: a (non-modal) save dialog asks."""
        return self._export_as("json", conversation_id, path)

    def _export_as(
        self, kind: ExportKind, conversation_id: str | None, target: Path | None
    ) -> Path | None:
        conversation = self._conversation_to_export(conversation_id)
        if conversation is None:
            return None
        if target is None:
            self._ask_export_target(conversation, kind)
            return None
        return self._export(conversation, target, kind)

    def _conversation_to_export(self, conversation_id: str | None) -> Conversation | None:
        current = self._controller.conversation
        if conversation_id is None or conversation_id == current.id:
            if not current.exchanges:
                self._status.notice(
                    QCoreApplication.translate(
                        "HistoryPanel", "Nothing to export yet: ask a question first."
                    )
                )
                return None
            return current
        return self._controller.history.load(conversation_id)

    def _ask_export_target(self, conversation: Conversation, kind: ExportKind) -> None:
        from PySide6.QtWidgets import QFileDialog

        from qwenvl_desktop.services.history import export_name

        if self.export_dialog is not None:
            self.export_dialog.close()

        name = export_name(conversation.title)
        if kind == "markdown":
            dialog = QFileDialog(
                self._window,
                QCoreApplication.translate("HistoryPanel", "Export as Markdown: choose a folder"),
            )
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
            dialog.fileSelected.connect(
                lambda chosen: self._export(conversation, Path(chosen) / name, "markdown")
            )
        else:
            dialog = QFileDialog(
                self._window,
                QCoreApplication.translate("HistoryPanel", "Export as JSON"),
                f"{name}.json",
                QCoreApplication.translate("HistoryPanel", "JSON (%1)").replace("%1", "*.json"),
            )
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.fileSelected.connect(
                lambda chosen: self._export(conversation, Path(chosen), "json")
            )
        dialog.setObjectName("exportDialog")
        dialog.finished.connect(self._export_dialog_closed)
        self.export_dialog = dialog
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop

    def _export(self, conversation: Conversation, target: Path, kind: ExportKind) -> Path | None:
        sync = self._controller.history
        if kind == "markdown":
            written = sync.export_markdown(conversation, target)
        else:
            written = sync.export_json(conversation, target)
        if written is not None:
            exported = QCoreApplication.translate("HistoryPanel", "Exported to %1")
            self._status.notice(exported.replace("%1", str(written)))
        return written

    def _export_dialog_closed(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        self.export_dialog = None

    def close_dialogs(self) -> None:
        """The window is closing: an open export dialog goes with it."""
        if self.export_dialog is not None:
            self.export_dialog.close()
