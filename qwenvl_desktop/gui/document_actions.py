"""The document tasks in the window: Extract text, Table, Formula, Document as one-click actions.

:class:`DocumentActions` is the window's one place for them:

* **the model of a task's question** (:meth:`~DocumentActions.model_choice`): a question that is
  a task's quick prompt — Extract text — goes to the region's OCR model where there is one, for
  that question only (:func:`~qwenvl_desktop.core.documents.model_for_task`): the model picker
  keeps the person's model, and a custom endpoint never switches. The draft's images are
  prepared again for that model first (the OCR model reads ~10,700 image tokens by default, more
  than the models it stands in for);
* **the answers' results** (the transcript's links under an answer, ``qwenvl:result/…``): Copy
  text, Copy CSV, Save .csv…, Copy LaTeX, Save Markdown…, Save HTML…, Show boxes on the page
  (the image viewer of :mod:`~qwenvl_desktop.gui.annotations`, with QwenVL HTML's element boxes);
* **a task about one image** (:meth:`~DocumentActions.ask_task`: the image pane's context menu)
  and **Capture and extract text** (:meth:`~DocumentActions.extract_text_to_clipboard`: the
  tray, ``qwenvl-desktop --capture-text``): the captured text goes to the clipboard, with a
  notification — one shortcut from the screen to the clipboard.

The words and the results themselves are :mod:`qwenvl_desktop.core.documents`'.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qwenvl_desktop.core.documents.tasks import (
    TASKS,
    DocumentTask,
    ModelChoice,
    model_for_task,
    task_for_question,
)
from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.gui.locale_format import number

if TYPE_CHECKING:
    # asyncio and the rest come with the first task asked, not with the window's first frame.
    import asyncio

    from PySide6.QtWidgets import QFileDialog, QWidget

    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.documents.results import ResultAction
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.images.attachment import ImageSource
    from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
    from qwenvl_desktop.core.video import VideoAttachment
    from qwenvl_desktop.gui.status import StatusPanel
    from qwenvl_desktop.gui.transcript.view import TranscriptView
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments

__all__ = ["DocumentActions"]

log = logging.getLogger(__name__)

#: what a copy result says in the status bar
_COPIED = {
    "copy-text": translatable("DocumentActions", "Text copied"),
    "copy-csv": translatable("DocumentActions", "CSV copied"),
    "copy-latex": translatable("DocumentActions", "LaTeX copied"),
}
#: the file dialog's filter for each saved result: (kind of file, its patterns)
_FILTERS = {
    ".csv": ("CSV", "*.csv"),
    ".md": ("Markdown", "*.md"),
    ".html": ("HTML", "*.html *.htm"),
}
_PREVIEW_CHARS = 80


class DocumentActions(QObject):
    """Document tasks for one window: the model of each task question, the answers' results,
    a task about one image, and Capture and extract text. :meth:`wire` gives it the services."""

    #: a sentence for the person, also while the window is hidden (the tray shows it)
    notified = Signal(str)

    _controller: ChatController
    _draft: DraftAttachments

    def __init__(
        self,
        window: QWidget,
        *,
        prompts: QuickPrompts,
        transcript: TranscriptView,
        status: StatusPanel,
        show_boxes: Callable[[str, int], object] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prompts = prompts
        self._transcript = transcript
        self._status = status
        self._show_boxes = show_boxes
        self._wired = False
        #: exchanges whose text goes to the clipboard when they end (Capture and extract text)
        self._to_clipboard: set[str] = set()
        self._work: set[asyncio.Future[None]] = set()
        self._save_dialog: QFileDialog | None = None
        transcript.task_for = self.task_for
        transcript.resultRequested.connect(self.act)

    def wire(self, controller: ChatController, draft: DraftAttachments) -> None:
        self._controller = controller
        self._draft = draft
        controller.exchangeFinished.connect(self._on_ended)
        controller.exchangeFailed.connect(self._on_ended)
        self._wired = True

    # -- which task, which model -----------------------------------------------------------------

    def task_for(self, exchange: Exchange) -> DocumentTask | None:
        """The task an exchange's question was asked for (the person's quick prompts too)."""
        return task_for_question(exchange.question, self._prompts.asked_as())

    def model_choice(self, question: str) -> ModelChoice | None:
        """The model for ``question`` when it is a quick prompt that wants the OCR model (or a
        document task's question); None for any other question (the model in use)."""
        from qwenvl_desktop.core.prompts.quick_prompts import model_for_prompt

        controller = self._controller
        offered = {model.name for model in controller.available_models()}
        wanted = " ".join(question.split())
        language = self._prompts.language
        for prompt in self._prompts:
            if prompt.ocr and " ".join(prompt.render(language).split()) == wanted:
                region = controller.region
                return model_for_prompt(prompt, controller.model, region, offered=offered)
        task = task_for_question(question)
        if task is None or not task.prefers_ocr_model:
            return None
        return self._model_for(task)

    def _model_for(self, task: DocumentTask) -> ModelChoice:
        controller = self._controller
        offered = {model.name for model in controller.available_models()}
        return model_for_task(
            task,
            controller.model,
            controller.region,
            offered=offered,
            catalog=controller.settings.catalog(),
        )

    def draft_ready_for(self, question: str) -> bool:
        """Prepare the draft's images for the model ``question`` goes to; False while some are
        being prepared (again): the window sends once they are ready."""
        choice = self.model_choice(question)
        name = choice.model if choice is not None else self._controller.model
        if self._draft.model.name != name:
            self._draft.set_model(self._controller.settings.catalog().model(name))
        return not self._draft.pending_count()

    def send(self, question: str, attachments: Sequence[Attachment | VideoAttachment]) -> bool:
        """The window's Send: ``question`` asked of its task's model (for this question only),
        saying so when that is not the model in use."""
        choice = self.model_choice(question)
        model = choice.model if choice is not None else None
        sent = self._controller.send(question, attachments, model=model)
        if sent and choice is not None and choice.note:
            self._status.notice(choice.note, 8000)
        return sent

    def draft_back_to_model_in_use(self) -> None:
        """After a question asked of another model: the next images are prepared for the model
        in use again (call once the draft is empty: nothing is prepared twice)."""
        if self._draft.model.name != self._controller.model:
            self._draft.set_model(self._controller.model_info)

    def question_of(self, task_name: str) -> str:
        """The question a task asks: the person's quick prompt for it, else the shipped one."""
        prompt = self._prompts.find(task_name)
        if prompt is not None:
            return prompt.render(self._prompts.language)
        return TASKS[task_name].prompt

    # -- a task about some images ----------------------------------------------------------------

    def ask_task(self, task_name: str, item_ids: Sequence[str]) -> bool:
        """Ask ``task_name`` about the draft's images ``item_ids`` now (the image's context menu);
        they leave the draft once sent. False when nothing can be asked now."""
        if not self._wired or not self._can_ask():
            return False
        items = [item for i in item_ids if (item := self._draft.item(i)) is not None]
        if not items:
            return False
        sources = [(item.source, item.label) for item in items]
        work = self._ask(task_name, sources, remove=[item.id for item in items])
        self._start(work)
        return True

    def extract_text_to_clipboard(self, png: bytes) -> bool:
        """Capture and extract text: ask Extract text about ``png`` (a capture) and put the
        text on the clipboard when the answer ends; the window stays as it was."""
        if not self._wired or not self._can_ask():
            return False
        translate = QCoreApplication.translate
        # The label a capture is attached under (capture_actions.CAPTURED_LABEL).
        label = translate("CaptureTools", "screen capture")
        self._start(self._ask("ocr", [(png, label)], to_clipboard=True))
        self.notified.emit(translate("DocumentActions", "Reading the text of the capture…"))
        return True

    def _can_ask(self) -> bool:
        if self._controller.busy:
            from qwenvl_desktop.core.conversation.words import still_streaming

            self.notified.emit(still_streaming())
            return False
        return True

    def _start(self, work: Coroutine[Any, Any, None]) -> None:
        import asyncio

        future: asyncio.Future[None] = asyncio.ensure_future(work)
        self._work.add(future)
        future.add_done_callback(self._work.discard)

    async def _ask(
        self,
        task_name: str,
        sources: Sequence[tuple[ImageSource, str | None]],
        *,
        remove: Sequence[str] = (),
        to_clipboard: bool = False,
    ) -> None:
        from qwenvl_desktop.core.images import prepare_attachment_async

        task = TASKS[task_name]
        question = self.question_of(task_name)
        choice = self._model_for(task)
        info = self._controller.settings.catalog().model(choice.model)
        try:
            # Prepared for the model that reads them (the OCR model takes more pixels).
            attachments = [
                await prepare_attachment_async(source, model=info, label=label)
                for source, label in sources
            ]
        except Exception as error:  # an unusable image: say so, as the pane would
            log.warning("could not prepare the image for %s: %s", task.label, error)
            self.notified.emit(
                QCoreApplication.translate(
                    "DocumentActions", "%1: the image could not be used (%2)."
                )
                .replace("%2", str(error))
                .replace("%1", task.label)
            )
            return
        if not self._controller.send(question, attachments, model=choice.model):
            self.notified.emit(
                QCoreApplication.translate("DocumentActions", "%1 could not be asked now.").replace(
                    "%1", task.label
                )
            )
            return
        exchange = self._controller.last_exchange()
        if to_clipboard and exchange is not None:
            self._to_clipboard.add(exchange.id)
        for item_id in remove:
            self._draft.remove(item_id)
        if choice.note:
            self._status.notice(choice.note, 8000)

    def _on_ended(self, exchange_id: str) -> None:
        if exchange_id not in self._to_clipboard:
            return
        self._to_clipboard.discard(exchange_id)
        exchange = self._controller.exchange(exchange_id)
        if exchange is None:
            return
        if exchange.state != "done" or not exchange.answer.strip():
            from qwenvl_desktop.core.conversation.words import error_sentence

            translate = QCoreApplication.translate
            why = (
                error_sentence(exchange.error)
                if exchange.error
                else translate("DocumentActions", "no text was read.")
            )
            self.notified.emit(
                translate("DocumentActions", "Extract text did not work: %1").replace("%1", why)
            )
            return
        from qwenvl_desktop.core.documents.results import plain_text
        from qwenvl_desktop.gui.transcript.links import copy_to_clipboard

        text = plain_text(exchange.answer)
        copy_to_clipboard(text)
        first = " ".join(text.split())
        if len(first) > _PREVIEW_CHARS:
            first = first[: _PREVIEW_CHARS - 1] + "…"
        self.notified.emit(
            QCoreApplication.translate("DocumentActions", "Text copied (%1 characters): %2")
            .replace("%2", first)
            .replace("%1", number(len(text)))
        )

    # -- the answers' results --------------------------------------------------------------------

    def result(self, exchange_id: str, key: str) -> ResultAction | None:
        exchange = self._controller.exchange(exchange_id) if self._wired else None
        if exchange is None:
            return None
        return next((r for r in self._transcript.results_of(exchange) if r.key == key), None)

    def act(self, exchange_id: str, key: str) -> None:
        """One of an answer's results was clicked: copy it, save it, or show its boxes."""
        from qwenvl_desktop.gui.transcript.links import copy_to_clipboard

        result = self.result(exchange_id, key)
        if result is None:
            return
        if result.key == "show-boxes":
            if self._show_boxes is not None:
                self._show_boxes(exchange_id, 0)
        elif result.suffix is not None:
            self.ask_where_to_save(exchange_id, result)
        else:
            copy_to_clipboard(result.content)
            copied = _COPIED.get(result.key, translatable("DocumentActions", "Copied"))
            self._status.notice(QCoreApplication.translate("DocumentActions", copied))

    def ask_where_to_save(self, exchange_id: str, result: ResultAction) -> QFileDialog:
        """A non-modal save dialog (not ``exec()``: a nested loop would re-enter asyncio)."""
        from PySide6.QtWidgets import QFileDialog

        assert result.suffix is not None
        if self._save_dialog is not None:
            self._save_dialog.close()
        name = f"answer-{exchange_id[:8]}{result.suffix}"
        dialog = QFileDialog(self._window, result.label.rstrip("…"), str(Path.home() / name))
        dialog.setObjectName("saveResultDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        kind, patterns = _FILTERS.get(result.suffix, ("", "*"))
        translate = QCoreApplication.translate
        dialog.setNameFilter(
            f"{kind} ({patterns})"
            if kind
            else translate("DocumentActions", "All files (%1)").replace("%1", patterns)
        )
        dialog.setDefaultSuffix(result.suffix.lstrip("."))
        dialog.fileSelected.connect(lambda path: self.save(exchange_id, result.key, Path(path)))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self._save_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: QFileDialog) -> None:
        if self._save_dialog is dialog:
            self._save_dialog = None
        dialog.deleteLater()

    def save(self, exchange_id: str, key: str, path: Path) -> bool:
        """Write one result to ``path`` (atomically); the status bar says where, or why not."""
        from qwenvl_desktop.core.settings.atomic_file import write_text_atomically

        result = self.result(exchange_id, key)
        if result is None:
            return False
        try:
            write_text_atomically(path, result.content.rstrip("\n") + "\n")
        except OSError as error:
            self._status.notice(
                QCoreApplication.translate("DocumentActions", "Could not save %1: %2")
                .replace("%2", str(error.strerror or error))
                .replace("%1", path.name),
                10000,
            )
            return False
        saved = QCoreApplication.translate("DocumentActions", "Saved %1")
        self._status.notice(saved.replace("%1", str(path)))
        return True
