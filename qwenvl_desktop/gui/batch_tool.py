"""Tools ▸ Ask about many images…: the menu action, and the batch dialog made when first opened.

Kept apart from :mod:`~qwenvl_desktop.gui.batch_dialog` so that building the window imports
neither the dialog nor the batch engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction

from qwenvl_desktop.core.conversation.words import still_streaming

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from qwenvl_desktop.core.batch.results import BatchResult
    from qwenvl_desktop.core.conversation.model import Conversation
    from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
    from qwenvl_desktop.core.settings import Settings
    from qwenvl_desktop.gui.batch_dialog import BatchDialog
    from qwenvl_desktop.gui.status import StatusPanel
    from qwenvl_desktop.services.batch import BatchRun
    from qwenvl_desktop.services.chat import ChatController

__all__ = ["BatchTool"]


class BatchTool(QObject):
    """Tools ▸ Ask about many images…: the action; the dialog and its run when first opened."""

    #: the chat service (set by :meth:`wire`): endpoint, model and keys of the runs, and the
    #: conversation a row opens into
    _controller: ChatController

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        *,
        status: StatusPanel,
        show_conversation: Callable[[Conversation], None],
        prompts: QuickPrompts | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self._show_conversation = show_conversation
        self._prompts = prompts
        self.dialog: BatchDialog | None = None
        self.run: BatchRun | None = None
        self.action = QAction(window)
        self.action.setObjectName("actionBatch")
        self.action.triggered.connect(self.open_dialog)
        self.action.setEnabled(False)  # until wire()
        menu.addSeparator()
        menu.addAction(self.action)
        self.retranslate()
        # A language change reaches the menu (a widget); the window's own events stay unwatched.
        self._menu = menu
        menu.installEventFilter(self)

    def retranslate(self) -> None:
        """The action's words in the interface language."""
        translate = QCoreApplication.translate
        self.action.setText(translate("BatchTool", "Ask about many &images…"))
        self.action.setStatusTip(
            translate("BatchTool", "One question about every image in a folder, answers in a table")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def wire(self, controller: ChatController) -> None:
        self._controller = controller
        self.action.setEnabled(True)

    def open_dialog(self) -> BatchDialog:
        """Show the dialog (made the first time; a run going on is still in it)."""
        if self.dialog is None:
            self.dialog = self._make_dialog()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _make_dialog(self) -> BatchDialog:
        # Imported on first use: the dialog's module and the batch engine cost the window's
        # first frame about 20 ms, for a tool most sessions never open.
        from qwenvl_desktop.gui.batch_dialog import BatchDialog
        from qwenvl_desktop.services.batch import BatchRun

        controller = self._controller
        self.run = BatchRun(controller.keys, parent=self)
        self.run.conversationReady.connect(self._on_conversation_ready)
        models = [info for info in controller.available_models() if info.accepts_images]
        current = controller.model if controller.model_info.accepts_images else ""
        return BatchDialog(
            self.run,
            models=models,
            current_model=current,
            region_label=QCoreApplication.translate("BatchTool", "region %1").replace(
                "%1", controller.region
            ),
            settings_for=self.settings_for,
            prompts=self._prompts,
            open_result=self.open_result,
            parent=self._window,
        )

    def settings_for(self, model: str) -> Settings:
        """The chat service's endpoint (region or custom URL) and thinking, with ``model``."""
        from qwenvl_desktop.core.protocol import CUSTOM_REGION

        controller = self._controller
        settings = dataclasses.replace(
            controller.settings, model=model, thinking=controller.thinking
        )
        if controller.region == CUSTOM_REGION:
            return dataclasses.replace(settings, base_url=controller.custom_url)
        return dataclasses.replace(settings, region=controller.region, base_url=None)

    def open_result(self, result: BatchResult) -> None:
        """A row, double-clicked: it becomes a conversation in the window once its image is read."""
        if self.run is None:
            return
        if self._controller.busy:
            self._status.notice(still_streaming())
            return
        settings = self.run.settings
        region = settings.effective_region if settings is not None else self._controller.region
        self.run.open_result(result, region=region)

    def _on_conversation_ready(self, conversation: Conversation, note: str) -> None:
        controller = self._controller
        if controller.busy:  # a question was sent while the image was being read
            self._status.notice(still_streaming())
            return
        # Saved like any conversation: it is in the sidebar, and follow-ups continue it.
        exchange = conversation.exchanges[0]
        controller.history.question(conversation, exchange)
        controller.history.reply(exchange)
        self._show_conversation(conversation)
        self._window.raise_()
        self._window.activateWindow()
        self._status.notice(
            note
            or QCoreApplication.translate(
                "BatchTool", "The row is open: ask a follow-up about its image."
            )
        )

    def window_closed(self) -> None:
        """The window closed: the dialog goes with it and the run stops (:meth:`aclose` waits)."""
        if self.dialog is not None:
            self.dialog.close()
        if self.run is not None:
            self.run.cancel()

    async def aclose(self) -> None:
        if self.run is not None:
            await self.run.aclose()
