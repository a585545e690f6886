"""Getting images in without leaving the keyboard: paste anywhere, watch mode, capture region,
quick prompts, the tray, and requests from a second start (``qwenvl-desktop --capture``).

:class:`CaptureTools` wires the Qt pieces of :mod:`qwenvl_desktop.platform.clipboard`,
:mod:`qwenvl_desktop.platform.screenshot`, :mod:`qwenvl_desktop.gui.quick_prompts_bar` and
:mod:`qwenvl_desktop.gui.tray` into one main window; the window builds it, handing it the objects
it works with and the places (:class:`CapturePlaces`) its widgets and menus go, and later (after
the window's first frame) the services, :meth:`CaptureTools.wire`; so every window (also those
tests build) has:

* **Edit ▸ Paste** (Ctrl+V, Cmd+V on macOS) and Ctrl+V on any widget of the window: clipboard
  images and image files are attached; an image *link* in the clipboard is offered in a small bar
  above the images ("Attach link"); plain text goes to the focused text box as usual;
* **Tools ▸ Capture region…** (Ctrl+Shift+S): the window hides, every screen is frozen under an
  overlay, the dragged rectangle becomes an attachment and the window comes back; Esc cancels.
  When no screenshot handler works, a non-modal dialog lists each one's reason and what to install;
* **Tools ▸ Watch clipboard** (off at start): each new clipboard image is attached once (by pixel
  hash), with a status-bar notice; "Watching clipboard" stays in the status bar while it is on
  (a click turns it off), and the tray's menu shows the same check mark;
* **Tools ▸ Capture and extract text** (Ctrl+Shift+X, the tray, ``qwenvl-desktop --capture-text``):
  a region of the screen is read by Extract text and its text put on the clipboard, with a
  notification (:attr:`CaptureTools.textCaptured`; the window's
  :class:`~.document_actions.DocumentActions` asks and copies); the window stays as it was;
* the **quick prompts** beside the image pane: a button puts its question in the question box;
  for "Extract text" the status bar says which model will read it (the region's OCR model, for
  that question only: the model picker keeps the person's model).

Only :func:`qwenvl_desktop.app.main` adds the process-wide parts — :meth:`CaptureTools.attach_tray`
(closing the window then hides it to the tray; the tray's Quit ends the app) and
:meth:`CaptureTools.handle_instance_message` for another start's request — so that building
windows never claims the single-instance socket or puts icons in a tray.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QStatusBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
from qwenvl_desktop.gui.image_pane import ImagePane
from qwenvl_desktop.gui.prompt_edit import PromptEdit
from qwenvl_desktop.gui.quick_prompts_bar import QuickPromptsBar
from qwenvl_desktop.gui.status import StatusPanel
from qwenvl_desktop.gui.window_actions import window_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from qwenvl_desktop.gui.region_capture import RegionCapture
    from qwenvl_desktop.gui.tray import TrayIcon
    from qwenvl_desktop.platform.clipboard import ClipboardPayload, ClipboardWatcher, PasteCatcher
    from qwenvl_desktop.platform.screenshot import ScreenshotHandler
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments

__all__ = [
    "CAPTURE_SHORTCUT",
    "CAPTURE_TEXT_SHORTCUT",
    "CapturePlaces",
    "CaptureTools",
    "LinkOfferBar",
]

log = logging.getLogger(__name__)

#: Tools ▸ Capture region…
CAPTURE_SHORTCUT = "Ctrl+Shift+S"
#: Tools ▸ Capture and extract text
CAPTURE_TEXT_SHORTCUT = "Ctrl+Shift+X"
#: label of images from watch mode and from a capture (translated when attached)
WATCHED_LABEL = translatable("CaptureTools", "copied image")
CAPTURED_LABEL = translatable("CaptureTools", "screen capture")


class LinkOfferBar(QFrame):
    """ "Attach the image link from the clipboard?" — a one-line bar, never a dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkOfferBar")
        self.setAccessibleName("linkOfferBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._links: tuple[str, ...] = ()
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.text = QLabel(self)
        self.text.setObjectName("linkOfferText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.text, 1)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("attachLinkButton")
        row.addWidget(self.attach_button)
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setObjectName("dismissLinkButton")
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.dismiss)
        row.addWidget(self.dismiss_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """The bar's words in the interface language (again on each language change)."""
        translate = QCoreApplication.translate
        self.attach_button.setToolTip(
            translate(
                "LinkOfferBar",
                "Send the link with the next question: the service downloads the image",
            )
        )
        self.dismiss_button.setToolTip(translate("LinkOfferBar", "Do not attach"))
        self._show_offer()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def links(self) -> tuple[str, ...]:
        return self._links

    def offer(self, links: Sequence[str]) -> None:
        self._links = tuple(links)
        if not self._links:
            self.dismiss()
            return
        self._show_offer()
        self.show()

    def _show_offer(self) -> None:
        translate = QCoreApplication.translate
        if not self._links:
            self.attach_button.setText(translate("LinkOfferBar", "Attach link"))
            return
        first = self._links[0]
        shown = first if len(first) <= 90 else f"{first[:60]}…{first[-25:]}"
        count = str(len(self._links))
        if len(self._links) == 1:
            self.text.setText(
                translate("LinkOfferBar", "The clipboard holds an image link: %1").replace(
                    "%1", shown
                )
            )
            self.attach_button.setText(translate("LinkOfferBar", "Attach link"))
        else:
            self.text.setText(
                translate("LinkOfferBar", "The clipboard holds %1 image links: %2, …")
                .replace("%2", shown)
                .replace("%1", count)
            )
            self.attach_button.setText(
                translate("LinkOfferBar", "Attach %1 links").replace("%1", count)
            )
        self.text.setToolTip("\n".join(self._links))

    def dismiss(self) -> None:
        self._links = ()
        self.hide()


@dataclass(frozen=True, slots=True)
class CapturePlaces:
    """Where in the window the capture tools put their widgets and menus."""

    #: the link offer bar goes first in it (above the images)
    above_images: QBoxLayout
    #: the quick prompts go last in it (beside the images)
    beside_images: QBoxLayout
    #: the "Watching clipboard" indicator goes in it
    status_bar: QStatusBar
    menu_bar: QMenuBar
    #: Edit goes right after this menu (File), Tools right before that one (Help)
    edit_after: QMenu
    tools_before: QMenu


class CaptureTools(QObject):
    """Paste, watch mode, capture, quick prompts (and, from ``app.main``, tray and instance).

    Built with the window (its quick prompts and menus are on the first frame); :meth:`wire`
    gives it the draft and the chat service, and starts catching pastes. The window calls
    :meth:`window_closed` once it has closed.
    """

    #: Capture and extract text: the captured region (PNG) to read (the window connects it)
    textCaptured = Signal(bytes)

    #: where pasted, watched and captured images go (set by :meth:`wire`)
    draft: DraftAttachments
    #: the chat service, for the quick prompts' switch to an OCR model (set by :meth:`wire`)
    controller: ChatController
    #: Ctrl+V anywhere in the window (made by :meth:`wire`)
    paste_catcher: PasteCatcher
    #: watch mode, off until toggled (made by :meth:`wire`)
    watcher: ClipboardWatcher

    def __init__(
        self,
        window: QMainWindow,
        places: CapturePlaces,
        *,
        status: StatusPanel,
        image_pane: ImagePane,
        prompt: PromptEdit,
        handlers: Sequence[ScreenshotHandler] | None = None,
        prompts: QuickPrompts | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.status = status
        self.image_pane = image_pane
        self.prompt = prompt
        self.tray: TrayIcon | None = None
        self._quitting = False
        self._told_about_tray = False
        self._failure_box: QMessageBox | None = None

        # The link offer above the images (paste anywhere comes with wire()).
        self.link_offer = LinkOfferBar(window)
        self.link_offer.attach_button.clicked.connect(self.attach_offered_links)
        places.above_images.insertWidget(0, self.link_offer)

        # Watch mode's indicator (the watcher comes with wire()).
        self.watch_indicator = QToolButton(window)
        self.watch_indicator.setObjectName("watchIndicator")
        self.watch_indicator.setAccessibleName("watchIndicator")
        self.watch_indicator.setAutoRaise(True)
        self.watch_indicator.clicked.connect(lambda: self.set_watching(False))
        places.status_bar.addPermanentWidget(self.watch_indicator)
        self.watch_indicator.hide()

        # Capture region: built on first use (see the capture property).
        self._handlers = handlers
        self._capture: RegionCapture | None = None
        #: the running capture is read as text (Capture and extract text), not attached
        self._capture_for_text = False

        # Quick prompts beside the image pane.
        self.quick_prompts = QuickPromptsBar(prompts, window)
        self.quick_prompts.setObjectName("quickPromptsBar")
        self.quick_prompts.setAccessibleName("quickPromptsBar")
        self.quick_prompts.promptChosen.connect(self.use_prompt)
        self.quick_prompts.saveFailed.connect(lambda sentence: status.notice(sentence, 15000))
        for notice in self.quick_prompts.prompts.notices:
            status.notice(
                QCoreApplication.translate("CaptureTools", "Quick prompts: %1").replace(
                    "%1", notice
                ),
                15000,
            )
        places.beside_images.addWidget(self.quick_prompts, 0)

        self._wired = False
        self._build_actions(places)

    def wire(self, *, draft: DraftAttachments, controller: ChatController) -> None:
        """Images go to ``draft`` from now on: paste anywhere, watch mode, captures."""
        from qwenvl_desktop.platform.clipboard import ClipboardWatcher, PasteCatcher

        self.draft = draft
        self.controller = controller
        self.paste_catcher = PasteCatcher(self.window)
        self.paste_catcher.pasted.connect(self._on_pasted)
        self.paste_catcher.linksOffered.connect(self.offer_links)
        self.watcher = ClipboardWatcher(parent=self)
        self.watcher.imageCaptured.connect(self._on_watched_image)
        self.watcher.enabledChanged.connect(self._on_watch_changed)
        self.watch_action.toggled.connect(self.watcher.set_enabled)
        self._wired = True

    # -- menus -----------------------------------------------------------------------------------

    def _build_actions(self, places: CapturePlaces) -> None:
        window = self.window
        # The words come from retranslate() (again on each language change).
        self.paste_action = window_action(window, "", self.paste, QKeySequence.StandardKey.Paste)
        self.capture_action = window_action(window, "", self.start_capture, CAPTURE_SHORTCUT)
        self.capture_text_action = window_action(
            window, "", self.start_text_capture, CAPTURE_TEXT_SHORTCUT
        )
        self.watch_action = QAction(window)
        self.watch_action.setCheckable(True)
        window.addAction(self.watch_action)  # toggled is connected once the watcher exists
        self.edit_prompts_action = QAction(window)
        self.edit_prompts_action.triggered.connect(self.quick_prompts.open_editor)

        bar = places.menu_bar
        edit_menu = QMenu(bar)
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.paste_action)
        # After File, as everywhere.
        entries = bar.actions()
        after = entries.index(places.edit_after.menuAction()) + 1
        if after < len(entries):
            bar.insertMenu(entries[after], edit_menu)
        else:
            bar.addMenu(edit_menu)
        tools_menu = QMenu(bar)
        tools_menu.setObjectName("toolsMenu")
        tools_menu.addActions([self.capture_action, self.capture_text_action, self.watch_action])
        tools_menu.addSeparator()
        tools_menu.addAction(self.edit_prompts_action)
        bar.insertMenu(places.tools_before.menuAction(), tools_menu)
        self.edit_menu, self.tools_menu = edit_menu, tools_menu
        self.retranslate()
        # A language change reaches the menu (a widget of the window); a filter on the window
        # itself would see every one of its events.
        edit_menu.installEventFilter(self)

    def retranslate(self) -> None:
        """The menus', actions' and indicator's words in the interface language."""
        translate = QCoreApplication.translate
        self.edit_menu.setTitle(translate("CaptureTools", "&Edit"))
        self.tools_menu.setTitle(translate("CaptureTools", "&Tools"))
        self.paste_action.setText(translate("CaptureTools", "&Paste"))
        self.paste_action.setStatusTip(
            translate("CaptureTools", "Attach the clipboard's image, or paste its text")
        )
        self.capture_action.setText(translate("CaptureTools", "Capture &region…"))
        self.capture_action.setStatusTip(
            translate("CaptureTools", "Drag a rectangle on the screen; it becomes an image")
        )
        self.capture_text_action.setText(translate("CaptureTools", "Capture and e&xtract text…"))
        self.capture_text_action.setStatusTip(
            translate(
                "CaptureTools", "Drag a rectangle on the screen; its text goes to the clipboard"
            )
        )
        self.watch_action.setText(translate("CaptureTools", "&Watch clipboard"))
        self.watch_action.setStatusTip(
            translate("CaptureTools", "Attach every new image copied to the clipboard")
        )
        self.edit_prompts_action.setText(translate("CaptureTools", "Edit &quick prompts…"))
        self.watch_indicator.setText(translate("CaptureTools", "● Watching clipboard"))
        self.watch_indicator.setToolTip(
            translate(
                "CaptureTools",
                "Each new image copied to the clipboard is attached to the next question. Click"
                " to stop watching.",
            )
        )

    # -- paste -----------------------------------------------------------------------------------

    def paste(self) -> ClipboardPayload:
        """Edit ▸ Paste: attach the clipboard's images (or offer its image links); with only
        text on the clipboard, paste it into the focused text box as a Paste menu item would."""
        payload = self.paste_catcher.paste()  # emits pasted / linksOffered
        if payload.attachable():
            return payload
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit)
            and focus.window() is self.window
            and not focus.isReadOnly()
        ):
            focus.paste()
            return payload
        if not payload.image_urls:
            self._say_nothing_to_attach(payload)
        return payload

    def _say_nothing_to_attach(self, payload: ClipboardPayload) -> None:
        if payload.skipped:
            for sentence in payload.skipped:
                self.image_pane.show_message(sentence)
        else:
            self.status.notice(
                QCoreApplication.translate("CaptureTools", "The clipboard holds no image.")
            )

    def _on_pasted(self, payload: ClipboardPayload) -> None:
        self.draft.add_sources(payload.attachable())
        for sentence in payload.skipped:
            self.image_pane.show_message(sentence)

    def offer_links(self, links: Sequence[str]) -> None:
        """Offer the clipboard's image links as URL attachments (a bar, not a dialog)."""
        self.link_offer.offer(links)

    def attach_offered_links(self) -> None:
        links = self.link_offer.links()
        self.link_offer.dismiss()
        if links:
            self.draft.add_sources([(url, None) for url in links])
            translate = QCoreApplication.translate
            self.status.notice(
                translate(
                    "CaptureTools", "%1 links will be sent; the service downloads the image."
                ).replace("%1", str(len(links)))
                if len(links) > 1
                else translate(
                    "CaptureTools", "The link will be sent; the service downloads the image."
                )
            )

    def ask_about_clipboard(self) -> None:
        """The tray's "Ask about clipboard": attach the clipboard's image and show the window."""
        payload = self.paste_catcher.paste()
        if not payload.attachable() and not payload.image_urls:
            self._say_nothing_to_attach(payload)
        self.show_window()
        self.prompt.setFocus()

    # -- watch mode ------------------------------------------------------------------------------

    def is_watching(self) -> bool:
        return self.watcher.is_enabled()

    def set_watching(self, on: bool) -> None:
        self.watch_action.setChecked(on)  # toggled → the watcher → enabledChanged

    def _on_watch_changed(self, on: bool) -> None:
        self.watch_indicator.setVisible(on)
        if self.watch_action.isChecked() != on:
            self.watch_action.setChecked(on)
        if self.tray is not None:
            self.tray.set_watching(on)
        log.info("watch clipboard %s", "on" if on else "off")
        translate = QCoreApplication.translate
        self.status.notice(
            translate("CaptureTools", "Watching the clipboard: each new image copied is attached.")
            if on
            else translate("CaptureTools", "Stopped watching the clipboard.")
        )

    def _on_watched_image(self, png: bytes) -> None:
        translate = QCoreApplication.translate
        self.draft.add_sources([(png, translate("CaptureTools", WATCHED_LABEL))])
        size = _png_size(png)
        log.info(
            "watch clipboard: attached a %s", f"{size[0]}x{size[1]} image" if size else "image"
        )
        self.status.notice(
            translate("CaptureTools", "Copied %1×%2 image attached (watching the clipboard).")
            .replace("%1", str(size[0]))
            .replace("%2", str(size[1]))
            if size
            else translate("CaptureTools", "Copied image attached (watching the clipboard).")
        )

    # -- capture region --------------------------------------------------------------------------

    @property
    def capture(self) -> RegionCapture:
        """The region capture, built the first time it is needed.

        Its overlay and the screenshot code are not on the first frame, so they are imported
        when a capture starts (or a test reaches for this), not when the window is built.
        """
        if self._capture is None:
            from qwenvl_desktop.gui.region_capture import RegionCapture

            capture = RegionCapture(self, hide=[self.window], handlers=self._handlers)
            capture.captured.connect(self._on_captured)
            capture.cancelled.connect(self._on_capture_cancelled)
            capture.failed.connect(self._on_capture_failed)
            self._capture = capture
        return self._capture

    def start_capture(self, *, for_text: bool = False) -> bool:
        """Tools ▸ Capture region…, the tray, ``--capture``: False while one is running.

        ``for_text``: Capture and extract text — the region is read, not attached.
        """
        log.info("capture requested%s", " (extract text)" if for_text else "")
        if self.capture.is_running():
            self.status.notice(
                QCoreApplication.translate(
                    "CaptureTools", "A capture is already running (Esc cancels it)."
                )
            )
            return False
        if self._failure_box is not None:
            self._failure_box.close()
        self._capture_for_text = for_text
        started = self.capture.start()
        if not started:
            self._capture_for_text = False
        return started

    def start_text_capture(self) -> bool:
        """Tools ▸ Capture and extract text, the tray, ``--capture-text``."""
        return self.start_capture(for_text=True)

    def _on_capture_cancelled(self) -> None:
        self._capture_for_text = False
        self.status.notice(QCoreApplication.translate("CaptureTools", "Capture cancelled."))

    def _on_capture_failed(self, sentence: str) -> None:
        self._capture_for_text = False
        self.show_capture_failure(sentence)

    def notify(self, sentence: str) -> None:
        """A sentence for the person: in the status bar, and from the tray when there is one
        (Capture and extract text runs with the window hidden)."""
        self.status.notice(sentence, 8000)
        if self.tray is not None:
            from PySide6.QtWidgets import QSystemTrayIcon  # only with a tray, after start

            self.tray.showMessage(
                "Qwen-VL Desktop", sentence, QSystemTrayIcon.MessageIcon.Information, 4000
            )

    def _on_captured(self, png: bytes) -> None:
        if self._capture_for_text:
            self._capture_for_text = False
            self.textCaptured.emit(png)
            return
        translate = QCoreApplication.translate
        self.draft.add_sources([(png, translate("CaptureTools", CAPTURED_LABEL))])
        size = _png_size(png)
        log.info("capture attached (%s)", f"{size[0]}x{size[1]}" if size else "?")
        self.show_window()
        self.status.notice(
            translate("CaptureTools", "Screen capture %1×%2 attached.")
            .replace("%1", str(size[0]))
            .replace("%2", str(size[1]))
            if size
            else translate("CaptureTools", "Screen capture attached.")
        )

    def show_capture_failure(self, sentence: str) -> QMessageBox:
        """Why no screenshot could be taken, each handler's reason and hint (non-modal)."""
        from PySide6.QtWidgets import QMessageBox  # a dialog: not needed for the first frame

        self.show_window()
        if self._failure_box is not None:
            self._failure_box.close()
        box = QMessageBox(self.window)
        box.setObjectName("captureFailedDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        translate = QCoreApplication.translate
        box.setWindowTitle(translate("CaptureTools", "Capture region"))
        box.setText(translate("CaptureTools", "The screen could not be captured."))
        box.setInformativeText(sentence)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget_failure_box(box))
        self._failure_box = box
        # Not exec() (it would re-enter the qasync loop), nor open() (window-modal): the
        # window stays usable while the reasons are read.
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.status.notice(
            translate("CaptureTools", "Capture region did not work here: see the dialog."), 10000
        )
        return box

    def _forget_failure_box(self, box: QMessageBox) -> None:
        if self._failure_box is box:
            self._failure_box = None

    # -- quick prompts ---------------------------------------------------------------------------

    def use_prompt(self, text: str, wants_ocr: bool) -> None:
        """A quick prompt was chosen: its question goes into the question box (not sent).

        For an OCR prompt the status bar says which model will read it: the region's OCR model
        for that question only (the window's send picks it), or why not. The model in use
        stays — switching it would stick for the questions after.
        """
        prompt = self.prompt
        prompt.setPlainText(text)
        prompt.moveCursor(prompt.textCursor().MoveOperation.End)
        prompt.setFocus()
        if wants_ocr and self._wired:
            self._say_which_model_reads()

    def _say_which_model_reads(self) -> None:
        from qwenvl_desktop.core.documents.tasks import TASKS, model_for_task

        controller = self.controller
        offered = {model.name for model in controller.available_models()}
        choice = model_for_task(
            TASKS["ocr"],
            controller.model,
            controller.region,
            offered=offered,
            catalog=controller.settings.catalog(),
        )
        if choice.note:
            self.status.notice(choice.note, 8000)

    # -- window, tray, other instances -----------------------------------------------------------

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def handle_instance_message(self, message: str) -> None:
        """A request from another start of the app (see :mod:`~.platform.single_instance`)."""
        # Imported here: the single-instance module loads QtNetwork, which only app.main() needs.
        from qwenvl_desktop.platform.single_instance import (
            ASK_CLIPBOARD,
            CAPTURE,
            CAPTURE_TEXT,
            SHOW,
        )

        log.info("request from another instance: %s", message)
        if message == CAPTURE:
            self.start_capture()
        elif message == CAPTURE_TEXT:
            self.start_text_capture()
        elif message == SHOW:
            self.show_window()
        elif message == ASK_CLIPBOARD:
            self.ask_about_clipboard()
        else:
            log.warning("unknown request from another instance: %r", message)

    def attach_tray(self, tray: TrayIcon) -> None:
        """Connect the tray; from now on closing the window hides it, and the tray's Quit quits."""
        self.tray = tray
        # Closing to the tray. Only now: a filter written in Python sees (and pays for) every
        # event of the window, from its first frame on.
        self.window.installEventFilter(self)
        tray.captureRequested.connect(self.start_capture)
        tray.captureTextRequested.connect(self.start_text_capture)
        tray.askClipboardRequested.connect(self.ask_about_clipboard)
        tray.showRequested.connect(self.show_window)
        tray.quitRequested.connect(self.quit)
        tray.watchToggled.connect(self.set_watching)
        tray.set_watching(self.is_watching())

    def quit(self) -> None:
        """Really end the app (the tray's Quit): close the window, tray or not."""
        self._quitting = True
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit_menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            return False
        # With a tray, the window's close button hides the window; the app stays in the tray.
        # A close from the program (File ▸ Quit, the tray's Quit, Ctrl+C) is not spontaneous.
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.tray is not None
            and event.spontaneous()
            and not self._quitting
        ):
            event.ignore()
            self.window.hide()
            if not self._told_about_tray:
                from PySide6.QtWidgets import QSystemTrayIcon  # only with a tray, after start

                self._told_about_tray = True
                self.tray.showMessage(
                    "Qwen-VL Desktop",
                    QCoreApplication.translate(
                        "CaptureTools",
                        "Still running in the tray: Capture, Ask about clipboard, Quit.",
                    ),
                    QSystemTrayIcon.MessageIcon.Information,
                    4000,
                )
            return True
        return False

    def window_closed(self) -> None:
        """The window closed: cancel a capture, stop watching, let go of paste and the tray."""
        if self._capture is not None:
            self._capture.cancel()
        if self._wired:
            self.watcher.set_enabled(False)
            self.paste_catcher.remove()
        if self.tray is not None:
            self.tray.hide()


def _png_size(png: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header, without decoding it."""
    if len(png) < 24 or not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
