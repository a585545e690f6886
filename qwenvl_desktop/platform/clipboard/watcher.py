"""Watch mode: every new image copied anywhere becomes an attachment of the next question.

The person takes screenshots with the OS shortcut or any tool while the window stays in the
background; :class:`ClipboardWatcher` notices each one through :attr:`QClipboard.dataChanged` and
emits it once as PNG bytes. "Once" is by pixel content (:attr:`~.reading.ClipboardImage.digest`),
because the same picture comes back in many ways, in different encodings: a tool that sets the
clipboard twice, a person who copies the same screenshot again, X11 re-announcing the owner.

Platform notes:

* X11 (and XWayland): Qt learns of other programs' copies through the XFixes extension, so the
  window need not have focus. Only the CLIPBOARD selection is watched: PRIMARY changes with every
  text selection and never holds a screenshot.
* Wayland: the compositor tells only the focused window about the clipboard, so an image copied
  while the window is in the background is noticed when the window is next focused (Qt emits
  ``dataChanged`` then) — still before the next question is asked.
* Windows and macOS: ``dataChanged`` arrives for every copy (macOS by polling, within a second).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from qwenvl_desktop.platform.clipboard.dedup import RecentDigests
from qwenvl_desktop.platform.clipboard.reading import clipboard_image

__all__ = ["ClipboardWatcher"]


class ClipboardWatcher(QObject):
    """Emits :attr:`imageCaptured` once for each new image on the clipboard while enabled.

    Off by default. Turning it on takes the image already on the clipboard as seen: watch mode
    is for what is copied *from now on*, not for a screenshot taken an hour ago (Ctrl+V attaches
    that one). The memory of seen images survives turning watch mode off and on again, so
    toggling never re-attaches an image; :meth:`forget` clears it.
    """

    #: PNG bytes of a new clipboard image
    imageCaptured = Signal(bytes)
    #: emitted when :meth:`set_enabled` changes the state, for the window's indicator
    enabledChanged = Signal(bool)

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        parent: QObject | None = None,
        *,
        settle_ms: int = 50,
        memory: int = 64,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._seen = RecentDigests(memory)
        self._enabled = False
        # Programs often change the clipboard in several steps (clear, then set text and image);
        # reading once the burst is over avoids half-set content and repeated decoding.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.check_now)

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Start or stop watching; starting marks the current clipboard image as seen."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if enabled:
            self._clipboard.dataChanged.connect(self._on_changed)
            image = clipboard_image(self._clipboard.mimeData())
            if image is not None and image.digest is not None:
                self._seen.add(image.digest)
        else:
            self._clipboard.dataChanged.disconnect(self._on_changed)
            self._settle.stop()
        self.enabledChanged.emit(enabled)

    def forget(self) -> None:
        """Forget which images were seen: the next copy of any of them is captured again."""
        self._seen.clear()

    def check_now(self) -> None:
        """Read the clipboard and emit its image if it is new. Does nothing while disabled."""
        if not self._enabled:
            return
        image = clipboard_image(self._clipboard.mimeData())
        if image is None or image.digest is None:
            return
        # Hash before encoding: duplicates are common and need no PNG. A PNG on the clipboard
        # (what screenshot tools and browsers put there) goes out as it came, not re-encoded.
        if self._seen.add(image.digest):
            self.imageCaptured.emit(image.png)

    def _on_changed(self) -> None:
        self._settle.start()
