"""The question box: multi-line; Ctrl+Enter (Cmd+Enter on macOS) sends, Esc stops.

With the setting ``send_with = "enter"`` Enter sends and Shift+Enter starts a new line (Ctrl+Enter
still sends): :meth:`PromptEdit.set_send_with`.

Pasting or dropping an image here (a screenshot on the clipboard, an image file) does not insert
text: the image goes to the image pane through :attr:`PromptEdit.imageMimeReceived`.

Input methods (Japanese, Chinese): while a composition is under way (the input method shows
uncommitted "preedit" text) Enter, Ctrl+Enter and Esc belong to the input method — Enter commits
the candidate, Esc cancels it. Most input methods on X11 take those keys before Qt delivers them,
but not all (and not on every platform), so the box tracks the composition from its input method
events and neither sends nor stops while one is open, nor lets the window's Send shortcut have
the key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

__all__ = ["PromptEdit", "mime_has_image"]

#: Keys an input method uses to commit or cancel a composition, which must not send or stop.
_COMPOSITION_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape})


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
        self.setTabChangesFocus(True)
        self._enter_sends = False
        #: an input method composition is open (preedit text shown, not yet committed)
        self._composing = False
        self.set_send_with("ctrl_enter")

    @property
    def composing(self) -> bool:
        """An input method is composing text here: Enter and Esc are its keys, not ours."""
        return self._composing

    @property
    def enter_sends(self) -> bool:
        """Enter alone sends (Shift+Enter: a new line); else Ctrl+Enter sends."""
        return self._enter_sends

    def set_send_with(self, send_with: str) -> None:
        """``"enter"``: Enter sends, Shift+Enter starts a new line; ``"ctrl_enter"``: Enter
        starts a new line and Ctrl+Enter sends. Ctrl+Enter sends either way."""
        self._enter_sends = send_with == "enter"
        self.retranslate()

    def retranslate(self) -> None:
        """The placeholder and the description: they name the key that sends."""
        translate = QCoreApplication.translate
        if self._enter_sends:
            description = translate("PromptEdit", "Question. Enter sends, Esc stops the answer")
            placeholder = translate(
                "PromptEdit",
                "Ask about the images…  (Enter to send, Shift+Enter for a new line, Esc to stop)",
            )
        else:
            description = translate(
                "PromptEdit", "Question. Ctrl+Enter sends, Esc stops the answer"
            )
            placeholder = translate(
                "PromptEdit", "Ask about the images…  (Ctrl+Enter to send, Esc to stop)"
            )
        self.setAccessibleDescription(description)
        self.setPlaceholderText(placeholder)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Each event carries the whole current preedit: empty means the composition ended
        # (committed or cancelled).
        self._composing = bool(event.preeditString())
        super().inputMethodEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Leaving the box ends the composition (Qt commits or drops the preedit), and an input
        # method does not always say so with an event.
        self._composing = False
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            self._composing
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _COMPOSITION_KEYS
        ):
            # Keep the key here, away from the window's shortcuts (Ctrl+Enter is Send's).
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._composing and key in _COMPOSITION_KEYS:
            # The input method's key: sending or stopping now would act on half-typed text.
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers()
            # On macOS Qt reports the Command key as ControlModifier: Cmd+Enter there.
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            if ctrl or (self._enter_sends and not shift):
                self.sendRequested.emit()
                event.accept()
                return
            if shift:
                # A plain new line (Qt would insert a line separator, U+2028).
                self.textCursor().insertText("\n")
                self.ensureCursorVisible()
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
