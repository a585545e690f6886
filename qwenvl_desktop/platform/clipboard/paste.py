"""Ctrl+V anywhere in a window attaches the clipboard's images, without stealing text pastes.

:class:`PasteCatcher` watches key presses for the platform's Paste shortcut on every widget of
one window (an application-wide event filter, because key events go to whichever child has
focus — the question box, the transcript, a button). What happens depends on the clipboard:

* images or image files → :attr:`~PasteCatcher.pasted` is emitted and the key press is consumed,
  so a rich-text box does not also paste the picture inline;
* only image links (the person copied an image's address) → :attr:`~PasteCatcher.linksOffered`
  is emitted *and* the key press goes on, so the text box still gets the link as text and the
  window can offer "Attach this link as an image?";
* anything else → nothing: an ordinary text paste.

An Edit ▸ Paste menu action should call :meth:`PasteCatcher.paste` directly (menu actions are
shortcuts, which never reach the event filter as key presses).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from qwenvl_desktop.platform.clipboard.reading import ClipboardPayload, clipboard_payload

__all__ = ["PasteCatcher"]


class PasteCatcher(QObject):
    """Turns Ctrl+V (Cmd+V, Shift+Insert…) inside ``window`` into attachment requests."""

    #: images or image files to attach (see :meth:`ClipboardPayload.attachable`)
    pasted = Signal(ClipboardPayload)
    #: http(s) image links that may be attached as links (the text paste goes on as well)
    linksOffered = Signal(tuple)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._last: tuple[int, int, int] | None = None
        self._first_receiver: QWidget | None = None
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("PasteCatcher needs a QApplication")
        app.installEventFilter(self)

    def paste(self) -> ClipboardPayload:
        """Read the clipboard now and emit what it holds (for a Paste menu action or button)."""
        payload = clipboard_payload(QGuiApplication.clipboard().mimeData())
        if payload.attachable():
            self.pasted.emit(payload)
        elif payload.image_urls:
            self.linksOffered.emit(payload.image_urls)
        return payload

    def remove(self) -> None:
        """Stop watching (the window is going away)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if not event.matches(QKeySequence.StandardKey.Paste):
            return False
        if watched.window() is not self.window:
            return False
        # An ignored key press travels up the parent chain and passes this filter once per
        # widget: the same press seen again on an ancestor of where it was first seen is skipped.
        stamp = (event.timestamp(), event.key(), event.modifiers().value)
        first = self._first_receiver
        if stamp == self._last and first is not None and watched.isAncestorOf(first):
            return False
        self._last, self._first_receiver = stamp, watched
        payload = self.paste()
        return bool(payload.attachable())
