"""The question box: multi-line; Ctrl+Enter (Cmd+Enter on macOS) sends, Esc stops.

Pasting or dropping an image here (a screenshot on the clipboard, an image file) does not insert
text: the image goes to the image pane through :attr:`PromptEdit.imageMimeReceived`.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

__all__ = ["PromptEdit", "mime_has_image"]


def mime_has_image(mime: QMimeData) -> bool:
    """Image pixels, or local files (which the image pipeline checks and explains)."""
    if mime.hasImage() or any(fmt.startswith("image/") for fmt in mime.formats()):
        return True
    return mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())


class PromptEdit(QPlainTextEdit):
    sendRequested = Signal()
    stopRequested = Signal()
    #: image data was pasted or dropped; the receiver must read it before returning
    imageMimeReceived = Signal(QMimeData)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptEdit")
        self.setAccessibleName("promptEdit")
        self.setAccessibleDescription("Question. Ctrl+Enter sends, Esc stops the answer")
        self.setPlaceholderText("Ask about the images…  (Ctrl+Enter to send, Esc to stop)")
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        # On macOS Qt reports the Command key as ControlModifier, so this is Cmd+Enter there.
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.sendRequested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.stopRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return mime_has_image(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if mime_has_image(source):
            self.imageMimeReceived.emit(source)
            return
        # Rich text from a web page would arrive as markup noise: take its plain text only.
        if source.hasText():
            self.insertPlainText(source.text())
