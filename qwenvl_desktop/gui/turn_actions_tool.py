"""The per-turn actions on the window's side: the transcript's buttons and the window's shortcuts.

The transcript's buttons (:mod:`.transcript.turn_actions`) and the Conversation menu's actions
(with their shortcuts, acting on the last turn) both come here: copy (the view does it), edit
and resend, regenerate, continue, retry, and ‹ › between versions. What each means is the chat
service's (:class:`~qwenvl_desktop.services.chat.ChatController`): this module puts an edited
question back in the prompt (its images in the draft), shows the service's answers in the
transcript, and keeps a small status-bar notice (:class:`TurnNotice`) with Cancel while a
question is being edited and Undo after an edited question dropped turns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QToolButton, QWidget

from qwenvl_desktop.gui.window_actions import window_action

if TYPE_CHECKING:
    from qwenvl_desktop.gui.prompt_edit import PromptEdit
    from qwenvl_desktop.gui.status import StatusPanel
    from qwenvl_desktop.gui.transcript.view import TranscriptView
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments, SourceEntry

__all__ = ["TurnActionsTool", "TurnNotice"]

#: Shortcuts of the actions made here (the window's own: copy, regenerate, retry).
EDIT_SHORTCUT = "Ctrl+Shift+E"
CONTINUE_SHORTCUT = "Ctrl+Shift+G"


class TurnNotice(QWidget):
    """A permanent status-bar widget: "Editing a question [Cancel]" or "… dropped [Undo]"."""

    cancelRequested = Signal()
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turnNotice")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("turnNoticeText")
        self.button = QToolButton(self)
        self.button.setObjectName("turnNoticeButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(False)
        self.button.clicked.connect(self._clicked)
        row.addWidget(self.label)
        row.addWidget(self.button)
        self._undo = False
        self._sentence = ""
        self.hide()

    def show_editing(self) -> None:
        self._undo = False
        self._show_words()
        self.show()

    def show_undo(self, sentence: str) -> None:
        self._undo = True
        self._sentence = sentence
        self._show_words()
        self.show()

    def _show_words(self) -> None:
        translate = QCoreApplication.translate
        if self._undo:
            self.label.setText(self._sentence)
            self.label.setToolTip(self._sentence)
            self.button.setText(translate("TurnNotice", "Undo"))
            self.button.setToolTip(
                translate(
                    "TurnNotice", "Put the dropped turns back (until the next question is sent)"
                )
            )
            self.button.setAccessibleName(translate("TurnNotice", "Undo edit"))
            return
        # Short: the status bar is shared with the endpoint, the state and the model.
        self.label.setText(translate("TurnNotice", "Editing a question"))
        self.label.setToolTip(
            translate(
                "TurnNotice", "Send replaces it: that turn and the turns after it are dropped"
            )
        )
        self.button.setText(translate("TurnNotice", "Cancel edit"))
        self.button.setToolTip(
            translate(
                "TurnNotice", "Keep the conversation as it is; the next question is a new one"
            )
        )
        self.button.setAccessibleName(translate("TurnNotice", "Cancel edit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_words()
        super().changeEvent(event)

    @property
    def offers_undo(self) -> bool:
        return not self.isHidden() and self._undo

    def _clicked(self) -> None:
        if self._undo:
            self.undoRequested.emit()
        else:
            self.cancelRequested.emit()


class TurnActionsTool(QObject):
    """Edit and resend, regenerate, continue, versions: the window's part."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        transcript: TranscriptView,
        prompt: PromptEdit,
        status: StatusPanel,
        menu: QMenu,
        copy_action: QAction,
        regenerate_action: QAction,
        retry_action: QAction,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._transcript = transcript
        self._prompt = prompt
        self._status = status
        self._controller: ChatController | None = None
        self._draft: DraftAttachments | None = None
        # The words come from retranslate() (again when the window's language changes).
        self.edit_action = window_action(window, "", self.edit_last_question, EDIT_SHORTCUT)
        self.continue_action = window_action(window, "", self.continue_last, CONTINUE_SHORTCUT)
        # No shortcut: Ctrl+Z belongs to the prompt's own text undo.
        self.undo_edit_action = window_action(window, "", self.undo_edit)
        self.retranslate()
        self.undo_edit_action.setEnabled(False)
        menu.addSeparator()
        menu.addActions([self.edit_action, self.continue_action, self.undo_edit_action])
        self.notice = TurnNotice(window)
        window.statusBar().addPermanentWidget(self.notice)
        self.notice.cancelRequested.connect(self.cancel_edit)
        self.notice.undoRequested.connect(self.undo_edit)
        # A language change reaches the notice (a widget in the window); a filter on the
        # window itself would see every one of its events.
        self.notice.installEventFilter(self)
        native = QKeySequence.SequenceFormat.NativeText
        transcript.set_action_shortcuts(
            {
                "copy": copy_action.shortcut().toString(native),
                "regenerate": regenerate_action.shortcut().toString(native),
                "retry": retry_action.shortcut().toString(native),
                "edit": self.edit_action.shortcut().toString(native),
                "continue": self.continue_action.shortcut().toString(native),
            }
        )

    def retranslate(self) -> None:
        """The menu actions' words in the interface language."""
        translate = QCoreApplication.translate
        self.edit_action.setText(translate("TurnActionsTool", "&Edit last question"))
        self.continue_action.setText(translate("TurnActionsTool", "C&ontinue stopped answer"))
        self.undo_edit_action.setText(translate("TurnActionsTool", "&Undo edit"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notice and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    @property
    def service_actions(self) -> list[QAction]:
        """The actions that need the chat service (disabled until :meth:`wire`)."""
        return [self.edit_action, self.continue_action]

    def wire(self, controller: ChatController, draft: DraftAttachments) -> None:
        self._controller, self._draft = controller, draft
        view = self._transcript
        view.editRequested.connect(self.edit_question)
        view.regenerateRequested.connect(self.regenerate)
        view.continueRequested.connect(self.continue_answer)
        view.versionRequested.connect(controller.select_version)
        controller.versionChanged.connect(self._show_version)
        controller.turnsDropped.connect(view.remove_from)
        controller.conversationRestored.connect(
            lambda: view.load_exchanges(controller.conversation.exchanges)
        )
        controller.undoChanged.connect(self._on_undo_changed)
        controller.editingChanged.connect(self._on_editing_changed)
        controller.busyChanged.connect(self._on_busy)

    def _chat(self) -> ChatController:
        assert self._controller is not None, "wire() first"
        return self._controller

    # -- edit and resend ---------------------------------------------------------------------------

    def edit_last_question(self) -> None:
        last = self._chat().last_exchange()
        if last is not None:
            self.edit_question(last.id)

    def edit_question(self, exchange_id: str) -> None:
        """Put the question and its images back in the prompt; Send then replaces that turn."""
        chat, draft = self._chat(), self._draft
        exchange = chat.begin_edit(exchange_id)
        if exchange is None or draft is None:
            self._status.notice(
                QCoreApplication.translate(
                    "TurnActionsTool", "A question can be edited once the answer has ended."
                )
            )
            return
        self._prompt.setPlainText(exchange.question)
        draft.clear()
        # The images as they were sent (data URIs or links), under their names, each prepared
        # again at the detail it had; a video with the frames it was sent with (or its link),
        # in its place among them.
        videos = sorted(exchange.videos, key=lambda placed: placed.after_images)  # stable
        for index, attachment in enumerate([*exchange.attachments, None]):
            while videos and (attachment is None or videos[0].after_images <= index):
                draft.add_sent_video(videos.pop(0).video)
            if attachment is not None:
                entry: SourceEntry = (attachment.url, _name(attachment.source))
                (item_id,) = draft.add_sources([entry])
                if attachment.detail != "standard":
                    draft.set_detail(item_id, attachment.detail)
        self._prompt.setFocus()
        self._prompt.moveCursor(QTextCursor.MoveOperation.End)

    def cancel_edit(self) -> None:
        self._chat().cancel_edit()
        self._prompt.clear()
        if self._draft is not None:
            self._draft.clear()

    def undo_edit(self) -> None:
        if not self._chat().undo_edit():
            self._status.notice(
                QCoreApplication.translate("TurnActionsTool", "There is no edit to undo.")
            )

    def _on_editing_changed(self, exchange_id: str) -> None:
        if exchange_id:
            self.notice.show_editing()
        elif not self.notice.offers_undo:
            self.notice.hide()

    def _on_undo_changed(self, available: bool, sentence: str) -> None:
        self.undo_edit_action.setEnabled(available)
        if available:
            self.notice.show_undo(sentence)
        elif self.notice.offers_undo:
            self.notice.hide()

    # -- regenerate, continue, versions --------------------------------------------------------

    def regenerate(self, exchange_id: str) -> None:
        if not self._chat().regenerate(exchange_id):
            self._status.notice(
                QCoreApplication.translate(
                    "TurnActionsTool",
                    "Only an answer that has ended can be regenerated, one at a time.",
                )
            )

    def continue_answer(self, exchange_id: str) -> None:
        if not self._chat().continue_answer(exchange_id):
            self._status.notice(
                QCoreApplication.translate(
                    "TurnActionsTool", "Only a stopped answer can be continued, one at a time."
                )
            )

    def continue_last(self) -> None:
        last = self._chat().last_exchange()
        if last is None or not last.can_continue:
            self._status.notice(
                QCoreApplication.translate(
                    "TurnActionsTool",
                    "The last answer was not stopped: there is nothing to continue.",
                )
            )
            return
        self.continue_answer(last.id)

    def _show_version(self, exchange_id: str) -> None:
        exchange = self._chat().exchange(exchange_id)
        if exchange is not None:
            self._transcript.show_reply(exchange)

    def _on_busy(self, busy: bool) -> None:
        for action in (self.edit_action, self.continue_action):
            action.setEnabled(not busy)


def _name(source: str) -> str | None:
    """The name an image was sent under (its file's), for the draft's label."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return None if not name or name.startswith("data:") else name
