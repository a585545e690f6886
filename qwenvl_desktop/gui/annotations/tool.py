"""Grounding in the window: ask for boxes and points, show them, move and export them.

* *Find…* and *Point at…* (Tools menu) ask what to look for, then send the question
  :func:`~qwenvl_desktop.core.grounding.find_prompt` /
  :func:`~qwenvl_desktop.core.grounding.point_prompt` words for the model in use, with the
  draft's images.
* When a reply has rendered, its boxes and points are found
  (:class:`~qwenvl_desktop.services.annotations.AnnotationStore`, from the answer and the sizes
  of the question's images) and drawn on the question's thumbnails; a thumbnail click opens
  the viewer (:mod:`.viewer`) on that image.
* *Show boxes and points* hides or shows them everywhere; the viewer moves them to another
  image of the turn and exports a PNG (drawn at the original size by
  :func:`~qwenvl_desktop.core.grounding.draw_annotations`) or a JSON.

Built with the window (its actions show in the first frame's menus, nothing heavy imported);
:meth:`AnnotationsTool.wire` gives it the services.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction

from qwenvl_desktop.core.i18n import translatable

if TYPE_CHECKING:
    # asyncio, the services and the viewer are not on the first frame (tests/app/test_startup):
    # each is imported where first used.
    import asyncio

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu

    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.gui.annotations.viewer import ImageViewerDialog, ViewerImage
    from qwenvl_desktop.gui.image_pane import ImagePane
    from qwenvl_desktop.gui.prompt_edit import PromptEdit
    from qwenvl_desktop.gui.status import StatusPanel
    from qwenvl_desktop.gui.transcript.view import TranscriptView
    from qwenvl_desktop.services.annotations import AnnotationStore
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments

__all__ = ["AnnotationsTool"]

log = logging.getLogger(__name__)

Ask = Literal["find", "point"]

_ASK_WORDS: dict[Ask, tuple[str, str, str]] = {
    # title, label, objectName of the question dialog
    # (title and label: English, translated with the context "AnnotationsTool" where shown)
    "find": (
        translatable("AnnotationsTool", "Find in the images"),
        translatable(
            "AnnotationsTool",
            "What should be found and boxed? (e.g. “every person”, “the Save button”)",
        ),
        "findDialog",
    ),
    "point": (
        translatable("AnnotationsTool", "Point at"),
        translatable(
            "AnnotationsTool", "What should be pointed at? (e.g. “each apple”, “the close button”)"
        ),
        "pointAtDialog",
    ),
}


class AnnotationsTool(QObject):
    """The grounding actions and the annotations of the conversation shown."""

    _controller: ChatController
    _draft: DraftAttachments
    _store: AnnotationStore

    def __init__(
        self,
        window: QMainWindow,
        *,
        transcript: TranscriptView,
        menu: QMenu,
        status: StatusPanel,
        image_pane: ImagePane,
        prompt: PromptEdit,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._transcript = transcript
        self._status = status
        self._pane = image_pane
        self._prompt = prompt
        self._wired = False
        self._visible = True
        self._ask_dialog: QInputDialog | None = None
        self.viewer: ImageViewerDialog | None = None
        #: a grounding question waiting for the draft's images to be ready
        self._waiting: str | None = None
        self._exports: set[asyncio.Future[str | None]] = set()

        self.find_action = QAction(window)
        self.find_action.setObjectName("actionFind")
        self.find_action.triggered.connect(lambda: self.ask("find"))
        self.point_action = QAction(window)
        self.point_action.setObjectName("actionPointAt")
        self.point_action.triggered.connect(lambda: self.ask("point"))
        self.show_action = QAction(window)
        self.show_action.setObjectName("actionShowAnnotations")
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.toggled.connect(self.set_visible)
        menu.addSeparator()
        menu.addActions([self.find_action, self.point_action, self.show_action])
        for action in (self.find_action, self.point_action):
            action.setEnabled(False)  # until wire()

        transcript.imageClicked.connect(self.open_viewer)
        self.retranslate()
        # A QObject gets no LanguageChange of its own: the window's tells when to retranslate.
        window.installEventFilter(self)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.find_action.setText(translate("AnnotationsTool", "&Find…"))
        self.find_action.setStatusTip(
            translate("AnnotationsTool", "Ask for boxes around what you name, in the images")
        )
        self.point_action.setText(translate("AnnotationsTool", "&Point at…"))
        self.point_action.setStatusTip(
            translate("AnnotationsTool", "Ask for a point on each thing you name, in the images")
        )
        self.show_action.setText(translate("AnnotationsTool", "Show &boxes and points"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def wire(self, controller: ChatController, draft: DraftAttachments) -> None:
        from qwenvl_desktop.services.annotations import AnnotationStore

        self._controller = controller
        self._draft = draft
        catalog = controller.settings.catalog()
        self._store = AnnotationStore(catalog.model, parent=self)
        self._store.changed.connect(self._on_changed)
        self._transcript.replyRendered.connect(self._on_reply_rendered)
        controller.exchangeStarted.connect(self._store.forget)
        controller.conversationReset.connect(self._store.reset)
        draft.changed.connect(self._send_waiting)
        self._wired = True
        for action in (self.find_action, self.point_action):
            action.setEnabled(True)

    @property
    def store(self) -> AnnotationStore:
        """The annotations of each exchange shown (after :meth:`wire`)."""
        return self._store

    # -- asking ----------------------------------------------------------------------------------

    def ask(self, kind: Ask) -> QInputDialog | None:
        """Ask what to find or point at (a non-modal dialog); it is sent with the draft's
        images once entered."""
        from PySide6.QtWidgets import QInputDialog

        if not self._wired:
            return None
        if not self._draft.count():
            self._status.notice(_no_image_sentence())
            return None
        if self._ask_dialog is not None:
            self._ask_dialog.close()
        title, label, name = _ASK_WORDS[kind]
        dialog = QInputDialog(self._window)
        dialog.setObjectName(name)
        translate = QCoreApplication.translate
        dialog.setWindowTitle(translate("AnnotationsTool", title))
        dialog.setLabelText(translate("AnnotationsTool", label))
        dialog.setOkButtonText(translate("AnnotationsTool", "Send"))
        dialog.textValueSelected.connect(lambda what: self.send_grounding(kind, what))
        dialog.finished.connect(self._ask_dialog_closed)
        self._ask_dialog = dialog
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop
        return dialog

    def _ask_dialog_closed(self) -> None:
        if self._ask_dialog is not None:
            self._ask_dialog.deleteLater()
        self._ask_dialog = None

    def send_grounding(self, kind: Ask, what: str) -> bool:
        """Send the question that asks the model in use for boxes (``find``) or points of
        ``what``, with the draft's images (after those still being prepared)."""
        from qwenvl_desktop.core.conversation.words import still_streaming
        from qwenvl_desktop.core.grounding import find_prompt, point_prompt

        what = what.strip()
        if not what or not self._wired:
            return False
        if self._controller.busy:
            self._status.notice(still_streaming())
            return False
        if not self._draft.count():
            self._status.notice(_no_image_sentence())
            return False
        wording = find_prompt if kind == "find" else point_prompt
        question = wording(what, self._controller.model_info, images=self._draft.count())
        if self._draft.pending_count():
            self._waiting = question
            self._status.set_state(
                QCoreApplication.translate("AnnotationsTool", "Preparing images…")
            )
            return True
        return self._send(question)

    def _send_waiting(self) -> None:
        if self._waiting is not None and not self._draft.pending_count():
            question, self._waiting = self._waiting, None
            self._send(question)

    def _send(self, question: str) -> bool:
        if self._controller.send(question, self._draft.attachments()):
            self._draft.clear()
            self._pane.clear_messages()
            return True
        if self._controller.key_state.present is False:
            # The window sends the question box once the key is in: let that be this question.
            self._prompt.setPlainText(question)
        return False

    # -- showing ---------------------------------------------------------------------------------

    def set_visible(self, visible: bool) -> None:
        """Show or hide the boxes and points on the thumbnails and in the viewer."""
        if visible == self._visible:
            return
        self._visible = visible
        self.show_action.setChecked(visible)
        if self.viewer is not None:
            self.viewer.set_annotations_visible(visible)
        if self._wired:
            for exchange in self._controller.conversation.exchanges:
                self._draw_thumbnails(exchange.id)

    @property
    def visible(self) -> bool:
        return self._visible

    def _on_reply_rendered(self, exchange_id: str) -> None:
        exchange = self._controller.exchange(exchange_id)
        if exchange is not None and exchange.is_settled:
            self._store.update(exchange)

    def _on_changed(self, exchange_id: str) -> None:
        self._draw_thumbnails(exchange_id)
        if self.viewer is not None and self.viewer.exchange_id == exchange_id:
            self.viewer.set_turn(self._store.get(exchange_id))

    def _draw_thumbnails(self, exchange_id: str) -> None:
        from qwenvl_desktop.gui.annotations.overlay import annotated_thumbnail

        turn = self._store.get(exchange_id)
        dpr = self._transcript.devicePixelRatioF()
        for thumb in self._transcript.thumbnails(exchange_id):
            picture: QImage = thumb.image
            if turn is not None and self._visible and thumb.index < len(turn.frames):
                boxes, points = turn.on_image(thumb.index)
                if boxes or points:
                    size = turn.frames[thumb.index].original_size
                    labels = turn.annotations.labels
                    picture = annotated_thumbnail(thumb.image, size, boxes, points, dpr, labels)
            self._transcript.set_thumbnail(exchange_id, thumb.index, picture)

    # -- the viewer ------------------------------------------------------------------------------

    def open_viewer(self, exchange_id: str, index: int = 0) -> ImageViewerDialog | None:
        """Show image ``index`` of the exchange's question in the viewer, with its boxes."""
        from qwenvl_desktop.gui.annotations.viewer import ImageViewerDialog

        exchange = self._controller.exchange(exchange_id) if self._wired else None
        if exchange is None or not exchange.attachments:
            return None
        if self.viewer is None:
            viewer = ImageViewerDialog(self._window)
            viewer.moveRequested.connect(lambda image: self._store.move(viewer.exchange_id, image))
            viewer.visibilityToggled.connect(self.set_visible)
            viewer.exportRequested.connect(
                lambda kind, image, path: self.export(viewer.exchange_id, kind, image, Path(path))
            )
            self.viewer = viewer
        images = [_viewer_image(a) for a in exchange.attachments]
        self.viewer.show_turn(exchange_id, images, self._store.get(exchange_id), index)
        self.viewer.set_annotations_visible(self._visible)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer

    # -- exports ---------------------------------------------------------------------------------

    def export(
        self, exchange_id: str, kind: str, image: int, path: Path
    ) -> asyncio.Future[str | None] | None:
        """Write the PNG of ``image`` with its boxes (in a worker thread) or the turn's JSON.

        Returns the work (its result: a sentence when the original file could not be used),
        None when there is nothing to export.
        """
        import asyncio

        from qwenvl_desktop.services import annotations

        exchange = self._controller.exchange(exchange_id)
        turn = self._store.get(exchange_id)
        if exchange is None or turn is None:
            return None
        loop = asyncio.get_event_loop()
        if kind == "json":
            done: asyncio.Future[str | None] = loop.create_future()
            try:
                annotations.export_json(path, turn, exchange.attachments)
            except OSError as error:
                done.set_exception(error)
            else:
                done.set_result(None)
        else:
            attachment = exchange.attachments[image]
            done = loop.run_in_executor(None, annotations.export_png, path, turn, attachment, image)
        self._exports.add(done)
        done.add_done_callback(lambda work: self._exported(work, path))
        return done

    def _exported(self, work: asyncio.Future[str | None], path: Path) -> None:
        self._exports.discard(work)
        if work.cancelled():
            return
        error = work.exception()
        if error is not None:
            log.warning("export failed: %s", error)
            why = str(getattr(error, "strerror", None) or error)
            sentence = QCoreApplication.translate("AnnotationsTool", "Could not save %1: %2")
            sentence = sentence.replace("%2", why).replace("%1", path.name)
        else:
            if work.result():
                sentence = QCoreApplication.translate("AnnotationsTool", "Saved %1. %2")
                sentence = sentence.replace("%2", str(work.result()))
            else:
                sentence = QCoreApplication.translate("AnnotationsTool", "Saved %1")
            sentence = sentence.replace("%1", str(path))
        self._status.notice(sentence)
        if self.viewer is not None:
            self.viewer.show_message(sentence)


def _no_image_sentence() -> str:
    return QCoreApplication.translate(
        "AnnotationsTool", "Add an image first: Find… and Point at… look in the images."
    )


def _viewer_image(attachment: Attachment) -> ViewerImage:
    """The picture that was sent (what the model saw), and the original's size."""
    from PySide6.QtGui import QImage

    from qwenvl_desktop.core.images.data_uri import split_data_uri
    from qwenvl_desktop.gui.annotations.viewer import ViewerImage

    sent = split_data_uri(attachment.url)
    picture = QImage.fromData(sent.data) if sent is not None else QImage()
    name = attachment.source.rsplit("/", 1)[-1] if attachment.kind == "file" else attachment.source
    return ViewerImage(name, picture, attachment.original_size)
