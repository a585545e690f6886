"""The main window: composes the widgets and connects them to the controller's signals.

Layout: a model toolbar (region, model, thinking) on top; the transcript above a composer (image
pane, prompt, Send/Stop) in a splitter; a status bar; the history sidebar in the left dock area.
Images for the next question, from anywhere (a drop, a paste, a capture), go into
:attr:`MainWindow.draft` (:meth:`~qwenvl_desktop.services.draft.DraftAttachments.add_sources`);
:attr:`MainWindow.image_pane` shows it.

Built in two steps, so that the window is on the screen before the services exist (see
:func:`qwenvl_desktop.app.main`): the constructor makes every widget and menu and shows the
configured region and model (what the first frame draws: nothing here imports asyncio, httpx or a
service); :meth:`MainWindow.wire` then connects the chat service and the draft, the history and
the capture tools. Until then the actions that need a service are disabled and the widgets'
signals go nowhere, so input that arrives early is never half-handled.

Nothing here does I/O: files, keys and the network belong to the controller and the draft;
the history and exports to :class:`~qwenvl_desktop.services.history.HistorySync`, which the
:class:`~.history_panel.HistoryPanel` wires to the sidebar (the file opens after the first frame).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QGuiApplication, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.conversation.words import (
    status_line,
    still_streaming,
    streaming_label,
    waiting_label,
)
from qwenvl_desktop.core.protocol.catalog import (
    CUSTOM_REGION,
    REGION_IDS,
    ModelInfo,
    image_capable_alternative,
)
from qwenvl_desktop.gui.annotations.tool import AnnotationsTool
from qwenvl_desktop.gui.batch_tool import BatchTool
from qwenvl_desktop.gui.capture_actions import CapturePlaces, CaptureTools
from qwenvl_desktop.gui.document_actions import DocumentActions
from qwenvl_desktop.gui.first_frame import after_first_frame
from qwenvl_desktop.gui.history_panel import HistoryPanel
from qwenvl_desktop.gui.image_pane import THUMB_SIDE, ImagePane
from qwenvl_desktop.gui.model_picker import ModelPicker
from qwenvl_desktop.gui.prompt_edit import PromptEdit
from qwenvl_desktop.gui.status import StatusPanel
from qwenvl_desktop.gui.transcript.view import TranscriptView
from qwenvl_desktop.gui.turn_actions_tool import TurnActionsTool
from qwenvl_desktop.gui.video_links import VideoTimeLinks
from qwenvl_desktop.gui.window_actions import Shortcut, window_action

if TYPE_CHECKING:
    # Dialogs are not on the first frame: imported when first opened (see app.py on start-up).
    # The services come with MainWindow.wire, after the first frame.
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDragLeaveEvent,
        QDragMoveEvent,
        QDropEvent,
    )
    from PySide6.QtWidgets import QFileDialog, QMenu

    from qwenvl_desktop.core.conversation.model import Conversation
    from qwenvl_desktop.core.settings import Settings
    from qwenvl_desktop.gui.key_dialog import KeyDialog
    from qwenvl_desktop.gui.preferences import PreferencesDialog
    from qwenvl_desktop.gui.welcome import WelcomePanel
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments
    from qwenvl_desktop.services.key_setup import KeySetup
    from qwenvl_desktop.services.preferences import PreferencesService
    from qwenvl_desktop.services.remembered_choices import RememberedChoices

__all__ = ["MainWindow"]

_IMAGE_GLOBS = "*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff *.heic *.heif *.gif"
_VIDEO_GLOBS = "*.mp4 *.m4v *.mov *.webm *.mkv *.avi"
IMAGE_FILTER = (
    f"Images and videos ({_IMAGE_GLOBS} {_VIDEO_GLOBS});;Images ({_IMAGE_GLOBS});;"
    f"Videos ({_VIDEO_GLOBS});;All files (*)"
)


def image_filter() -> str:
    """:data:`IMAGE_FILTER` in the interface language (the patterns stay as they are)."""
    translate = QCoreApplication.translate
    return ";;".join(
        (
            translate("MainWindow", "Images and videos (%1)").replace(
                "%1", f"{_IMAGE_GLOBS} {_VIDEO_GLOBS}"
            ),
            translate("MainWindow", "Images (%1)").replace("%1", _IMAGE_GLOBS),
            translate("MainWindow", "Videos (%1)").replace("%1", _VIDEO_GLOBS),
            translate("MainWindow", "All files (%1)").replace("%1", "*"),
        )
    )


class MainWindow(QMainWindow):
    """The window. :func:`qwenvl_desktop.app.create_main_window` builds it fully wired.

    ``MainWindow(settings)`` is the window as the first frame shows it; :meth:`wire` gives it
    the services.
    """

    #: the window was closed (after the stream was told to stop); the app then awaits aclose()
    closed = Signal()

    #: the chat service (set by :meth:`wire`)
    controller: ChatController
    #: the images of the question being written (set by :meth:`wire`; the image pane shows them)
    draft: DraftAttachments
    #: the Conversation menu (send, stop, the per-turn actions)
    conversation_menu: QMenu

    def __init__(
        self,
        settings: Settings,
        *,
        qsettings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._wired = False
        from qwenvl_desktop.gui.i18n import installed_language

        #: the language the transcript's turns were written in (built again when it changes)
        self._transcript_language = installed_language()
        self._qsettings = qsettings or QSettings(APP_ID, APP_ID)
        self._send_when_ready = False
        self._send_after_key = False
        self._retry_after_key: str | None = None
        self._key_dialog: KeyDialog | None = None
        #: the first-start guide in the transcript's place, built when a region has no key
        self._welcome: WelcomePanel | None = None
        self._key_setup: KeySetup | None = None
        #: saves the region, model and endpoint picked here for the next start (set by app.py)
        self.remembered_choices: RememberedChoices | None = None
        #: what Preferences shows and saves (set by app.py: :meth:`attach_preferences`)
        self.preferences: PreferencesService | None = None
        self._preferences_dialog: PreferencesDialog | None = None
        self._file_dialog: QFileDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("Qwen-VL Desktop")
        self.setWindowIcon(QIcon.fromTheme("applications-science"))
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self._build_widgets()
        #: the history sidebar, its actions and the export dialogs
        self.history_panel = HistoryPanel(
            self,
            self.status,
            show_conversation=self.load_conversation,
            new_conversation=self.new_conversation,
            scroll_to_exchange=self.transcript.scroll_to_exchange,
            transcript=self.transcript,
        )
        self.history_sidebar = self.history_panel.sidebar
        self.history_sidebar.set_loading()  # until the history file opens, after the first frame
        self._build_actions()
        #: paste anywhere, watch mode, capture region, quick prompts (Edit and Tools menus)
        self.capture_tools = self._build_capture_tools()
        #: Tools ▸ Ask about many images… (its dialog and run are made when first opened)
        self.batch_tool = BatchTool(
            self,
            self.capture_tools.tools_menu,
            status=self.status,
            show_conversation=self.load_conversation,
            prompts=self.capture_tools.quick_prompts.prompts,
        )
        self.closed.connect(self.batch_tool.window_closed)
        #: Find…, Point at…, boxes on the thumbnails, the image viewer (gui/annotations)
        self.annotations_tool = AnnotationsTool(
            self,
            transcript=self.transcript,
            menu=self.capture_tools.tools_menu,
            status=self.status,
            image_pane=self.image_pane,
            prompt=self.prompt,
        )
        #: times in answers about a video link to its frames; the frame viewer (issue 14)
        self.video_links = VideoTimeLinks(self, self.transcript)
        #: Extract text, Table, Formula, Document: their questions' model, their answers' results
        self.document_actions = DocumentActions(
            self,
            prompts=self.capture_tools.quick_prompts.prompts,
            transcript=self.transcript,
            status=self.status,
            show_boxes=self.annotations_tool.open_viewer,
        )
        #: edit and resend, regenerate, continue, versions: the transcript's buttons and the
        #: Conversation menu's actions for the last turn
        self.turn_actions = TurnActionsTool(
            self,
            transcript=self.transcript,
            prompt=self.prompt,
            status=self.status,
            menu=self.conversation_menu,
            copy_action=self.copy_answer_action,
            regenerate_action=self.regenerate_action,
            retry_action=self.retry_action,
        )
        self._show_configured(settings)
        self._apply_text_settings(settings)
        for action in self._service_actions():
            action.setEnabled(False)  # until wire()
        self._restore_geometry()

    def wire(self, controller: ChatController, draft: DraftAttachments) -> None:
        """Connect the services: from now on the window sends, streams and keeps history.

        The history file opens right after the first frame (at once when the window is already
        on the screen); see :meth:`attach_history`.
        """
        if self._wired:
            raise RuntimeError("the window is already wired")
        self.controller = controller
        self.draft = draft
        self.image_pane.show_draft(draft)
        self.history_panel.wire(controller)
        self.capture_tools.wire(draft=draft, controller=controller)
        self.batch_tool.wire(controller)
        self.annotations_tool.wire(controller, draft)
        self.video_links.wire(controller)
        self.document_actions.wire(controller, draft)
        self.turn_actions.wire(controller, draft)
        self._connect()
        self._wired = True
        for action in self._service_actions():
            action.setEnabled(True)
        self._on_busy(controller.busy)
        self._refresh_endpoint()
        self.history_panel.start()
        after_first_frame(self, self.history_panel.attach)
        self.apply_tab_order()

    def apply_tab_order(self) -> None:
        """Tab follows what the eye reads: the model bar (region, model, thinking), the history
        sidebar, the transcript, the image pane and its buttons, the quick prompts, then the
        prompt, Send and Stop. Qt's default is the order widgets were made in, which jumped
        from Send to the history search and ended in the quick prompts."""
        composer_end = (self.prompt, self.send_button, self.stop_button)
        side = _tab_chain(self.side_column)
        composer = [
            widget
            for widget in _tab_chain(self._composer)
            if widget not in side and widget not in composer_end
        ]
        order = [
            *_tab_chain(self._model_toolbar),
            *_tab_chain(self.history_sidebar),
            *_tab_chain(self.transcript_area),
            *composer,
            *side,
            *composer_end,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _tab_order_later(self) -> None:
        # Not before wire(), which orders Tab itself: walking the focus chain before the first
        # frame would also make PySide create the Python type of every QWidget subclass (≈ 5 ms).
        if self._wired:
            self._tab_order_timer.start()

    @property
    def is_wired(self) -> bool:
        """:meth:`wire` has connected the services."""
        return self._wired

    # -- construction ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.picker = ModelPicker(self)
        toolbar = QToolBar(self)
        toolbar.setObjectName("modelToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.picker)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self._model_toolbar = toolbar

        self.transcript = TranscriptView(self)
        self.image_pane = ImagePane(self)
        self.prompt = PromptEdit(self)
        self.prompt.setMinimumHeight(60)
        # Their words, tooltips and descriptions: retranslate().
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName("sendButton")
        self.send_button.setDefault(False)
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setAccessibleName("stopButton")
        self.stop_button.setEnabled(False)

        composer = QWidget(self)
        composer.setObjectName("composer")
        self._composer = composer
        column = QVBoxLayout(composer)
        column.setContentsMargins(6, 0, 6, 0)
        # Other features add widgets above the images (composer_layout) and beside them
        # (image_row: the quick prompts, in a column that scrolls up and down, never sideways,
        # so the composer can be as short as the image strip and the prompt).
        self.composer_layout = column
        body = QHBoxLayout()
        writing = QVBoxLayout()
        writing.addWidget(self.image_pane)
        row = QHBoxLayout()
        row.addWidget(self.prompt, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        writing.addLayout(row, 1)
        body.addLayout(writing, 1)
        self.side_column = _SideColumn(self)
        # Quick prompts come and go (edited, a custom endpoint): their buttons join the Tab
        # order where they are seen, once the column has settled.
        self._tab_order_timer = QTimer(self)
        self._tab_order_timer.setSingleShot(True)
        self._tab_order_timer.timeout.connect(self.apply_tab_order)
        self.side_column.contentChanged.connect(self._tab_order_later)
        self.image_row = self.side_column.column
        body.addWidget(self.side_column)
        column.addLayout(body, 1)

        # The transcript's place: the welcome takes it while the region in use has no key.
        self.transcript_area = QWidget(self)
        self.transcript_area.setObjectName("transcriptArea")
        self._transcript_column = QVBoxLayout(self.transcript_area)
        self._transcript_column.setContentsMargins(0, 0, 0, 0)
        self._transcript_column.setSpacing(0)
        self._transcript_column.addWidget(self.transcript, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.transcript_area)
        self.splitter.addWidget(composer)
        # A taller window gives its height to the transcript; the composer keeps what it had.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        # When the images are sent or cleared the pane shrinks back to its strip: the height it
        # frees goes back to the transcript, not to an emptier prompt.
        self.image_pane.installEventFilter(self)

        self.status = StatusPanel.for_window(self)

    def _show_configured(self, settings: Settings) -> None:
        """The region, model and endpoint the settings choose, before the chat service exists.

        The same facts the service gives :meth:`_refresh_endpoint` later, from the same catalog
        policy, so the first frame already shows what the wired window will.
        """
        catalog = settings.catalog()
        self.picker.set_regions([(r, catalog.region(r).label) for r in REGION_IDS])
        self.picker.set_locked(settings.locked)
        self.picker.set_thinking(settings.thinking, None)
        region = settings.effective_region
        info = catalog.model(settings.model)
        offered = catalog.offered_models(region, settings.allowed_models, keep=info)
        alternative = image_capable_alternative(info, offered)
        self._show_endpoint(region, settings.custom_url, offered, info, alternative)
        self.status.set_endpoint(settings.endpoint_base_url(), None)

    def _build_capture_tools(self) -> CaptureTools:
        """Paste, watch mode, capture region, quick prompts; the Edit and Tools menus."""
        places = CapturePlaces(
            above_images=self.composer_layout,
            beside_images=self.image_row,
            status_bar=self.statusBar(),
            menu_bar=self.menuBar(),
            edit_after=self.file_menu,
            tools_before=self.help_menu,
        )
        tools = CaptureTools(
            self, places, status=self.status, image_pane=self.image_pane, prompt=self.prompt
        )
        self.closed.connect(tools.window_closed)
        return tools

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
    ) -> QAction:
        return window_action(self, text, slot, shortcut)

    def _build_actions(self) -> None:
        # The words come from retranslate() (and again on each language change).
        std = QKeySequence.StandardKey
        self.new_action = self._action("", self.new_conversation, std.New)
        self.add_images_action = self._action("", self.choose_files, std.Open)
        self.paste_image_action = self._action(
            "", self.image_pane.paste_from_clipboard, "Ctrl+Shift+V"
        )
        self.key_action = self._action("", self.ask_for_key)
        self.preferences_action = self._action("", self.show_preferences, "Ctrl+,")
        self.preferences_action.setObjectName("actionPreferences")  # the automation contract
        # macOS moves it to the application menu.
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action("", self.close, std.Quit)
        self.send_action = self._action("", self.send, "Ctrl+Return")
        self.stop_action = self._action("", self.stop_answer, "Esc")
        self.stop_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_answer_action = self._action("", self.copy_last_answer, "Ctrl+Shift+C")
        self.regenerate_action = self._action("", self.regenerate, "Ctrl+R")
        self.regenerate_action.setObjectName("actionRegenerate")  # the automation contract
        self.retry_action = self._action("", self.retry_last, "Ctrl+Shift+R")
        self.fold_action = self._action("", self.toggle_last_thinking, "Ctrl+Shift+T")
        self.focus_prompt_action = self._action("", self.prompt.setFocus, "Ctrl+L")
        self.about_action = self._action("", self.show_about)
        self.shortcuts_action = self._action("", self.show_shortcuts)
        self.shortcuts_action.setObjectName("actionKeyboardShortcuts")

        bar = self.menuBar()
        file_menu = bar.addMenu("")
        file_menu.addActions([self.new_action, self.add_images_action, self.paste_image_action])
        file_menu.addSeparator()
        history = self.history_panel
        file_menu.addActions([history.export_markdown_action, history.export_json_action])
        file_menu.addSeparator()
        file_menu.addActions([self.key_action, self.preferences_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        chat_menu = bar.addMenu("")
        chat_menu.addActions([self.send_action, self.stop_action])
        chat_menu.addSeparator()
        chat_menu.addActions([self.regenerate_action, self.retry_action, self.copy_answer_action])
        self.conversation_menu = chat_menu  # the per-turn actions add theirs (TurnActionsTool)
        view_menu = bar.addMenu("")
        self.view_menu = view_menu
        view_menu.addActions([self.fold_action, self.focus_prompt_action])
        view_menu.addSeparator()
        view_menu.addActions([history.toggle_action, history.search_action])
        #: Edit and Tools (from the capture tools) go between these
        self.file_menu, self.help_menu = file_menu, bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])
        self.retranslate()

    def retranslate(self) -> None:
        """The window's words in the interface language: from __init__, and again on each
        ``QEvent.LanguageChange`` (a language chosen in Preferences: :mod:`.i18n`)."""
        translate = QCoreApplication.translate
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.conversation_menu.setTitle(translate("MainWindow", "&Conversation"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self._model_toolbar.setWindowTitle(translate("MainWindow", "Model"))
        self.history_panel.retranslate()  # not a widget: no LanguageChange of its own
        words = (
            (self.new_action, translate("MainWindow", "&New conversation")),
            (self.add_images_action, translate("MainWindow", "&Add images…")),
            (self.paste_image_action, translate("MainWindow", "&Paste image")),
            (self.key_action, translate("MainWindow", "Set API &key…")),
            (self.preferences_action, translate("MainWindow", "Pre&ferences…")),
            (self.quit_action, translate("MainWindow", "&Quit")),
            (self.send_action, translate("MainWindow", "&Send")),
            (self.stop_action, translate("MainWindow", "S&top")),
            (self.copy_answer_action, translate("MainWindow", "&Copy last answer")),
            (self.regenerate_action, translate("MainWindow", "&Regenerate last reply")),
            (self.retry_action, translate("MainWindow", "Re&try failed reply")),
            (self.fold_action, translate("MainWindow", "Show/hide &thinking")),
            (self.focus_prompt_action, translate("MainWindow", "Focus the &question")),
            (self.about_action, translate("MainWindow", "&About")),
            (self.shortcuts_action, translate("MainWindow", "&Keyboard shortcuts")),
        )
        for action, text in words:
            action.setText(text)
        self.send_button.setText(translate("MainWindow", "Send"))
        self.stop_button.setText(translate("MainWindow", "Stop"))
        self.stop_button.setAccessibleDescription(translate("MainWindow", "Stop the answer (Esc)"))
        self.stop_button.setToolTip(translate("MainWindow", "Stop (Esc)"))
        self._retranslate_send_keys()

    def _service_actions(self) -> list[QAction]:
        """The actions that need a service: disabled until :meth:`wire`."""
        history, tools = self.history_panel, self.capture_tools
        return [
            self.new_action,
            self.add_images_action,
            self.paste_image_action,
            self.key_action,
            self.preferences_action,
            self.send_action,
            self.stop_action,
            self.copy_answer_action,
            self.regenerate_action,
            self.retry_action,
            *self.turn_actions.service_actions,
            self.fold_action,
            history.export_markdown_action,
            history.export_json_action,
            tools.paste_action,
            tools.capture_action,
            tools.capture_text_action,
            tools.watch_action,
        ]

    def _connect(self) -> None:
        self._connect_controller()
        self._connect_picker()
        self._connect_composer()
        c, draft, pane = self.controller, self.draft, self.image_pane
        pane.sourcesOffered.connect(draft.add_sources)
        pane.removeRequested.connect(draft.remove)
        pane.detailRequested.connect(draft.set_detail)
        pane.fpsRequested.connect(draft.set_fps)
        pane.cancelVideoRequested.connect(draft.cancel_video)
        pane.clearRequested.connect(draft.clear)
        pane.addFilesRequested.connect(self.choose_files)
        pane.useModelRequested.connect(c.set_model)
        documents = self.document_actions
        pane.taskRequested.connect(lambda item_id, task: documents.ask_task(task, [item_id]))
        self.capture_tools.textCaptured.connect(documents.extract_text_to_clipboard)
        documents.notified.connect(self.capture_tools.notify)
        draft.changed.connect(self._on_images_changed)
        draft.set_thumbnail_side(lambda: round(THUMB_SIDE * max(self.devicePixelRatioF(), 1.0)))
        c.endpointChanged.connect(lambda: draft.set_model(c.model_info))

        self._connect_transcript()

    def _connect_controller(self) -> None:
        """The exchange as it streams (transcript, status bar), busy state, endpoint and keys."""
        c = self.controller
        c.exchangeStarted.connect(self._on_exchange_started)
        c.textBatch.connect(self._on_text)
        c.exchangeFinished.connect(self._on_exchange_ended)
        c.exchangeFailed.connect(self._on_exchange_ended)
        c.conversationReset.connect(self.transcript.clear_conversation)
        c.conversationReset.connect(self._refresh_welcome)
        c.busyChanged.connect(self._on_busy)
        c.endpointChanged.connect(self._refresh_endpoint)
        c.keys.keyChanged.connect(self._refresh_key)
        c.keyMissing.connect(self._on_key_missing)
        c.keys.keyStored.connect(self._on_key_stored)
        c.keys.keyStoreFailed.connect(self._on_key_store_failed)
        c.throughputChanged.connect(lambda _id, rate: self.status.set_rate(rate))
        c.retrying.connect(lambda _id, sentence: self.status.set_state(sentence))
        c.notice.connect(self.status.notice)

    def _connect_picker(self) -> None:
        c = self.controller
        self.picker.regionChosen.connect(lambda region, url: c.set_region(region, url or None))
        self.picker.modelChosen.connect(c.set_model)
        self.picker.thinkingChanged.connect(lambda on, budget: c.set_thinking(on, budget))

    def _connect_composer(self) -> None:
        c = self.controller
        self.prompt.sendRequested.connect(self.send)
        self.prompt.stopRequested.connect(c.stop)
        self.prompt.imageMimeReceived.connect(lambda mime: self.image_pane.add_mime(mime, "pasted"))
        self.send_button.clicked.connect(self.send)
        self.stop_button.clicked.connect(c.stop)

    def _connect_transcript(self) -> None:
        """The links inside the transcript: Retry, Copy (a notice), Copy as curl."""
        self.transcript.retryRequested.connect(self.retry)
        self.transcript.copied.connect(self.status.notice)
        self.transcript.curlRequested.connect(self.copy_curl)
        self.transcript.setKeyRequested.connect(self.set_key_for)

    # -- sending ---------------------------------------------------------------------------------

    def send(self) -> None:
        """Send the question and the ready images (after the images still being prepared)."""
        if not self._wired:  # before the services exist nothing can be sent; the text stays
            return
        if self.controller.busy:
            self.status.notice(still_streaming())
            return
        text = self.prompt.toPlainText()
        # Extract text goes to the region's OCR model (this question only): its images are
        # prepared for that model first.
        if self.draft.pending_count() or not self.document_actions.draft_ready_for(text):
            self._send_when_ready = True
            self.status.set_state(QCoreApplication.translate("MainWindow", "Preparing images…"))
            return
        self._send_when_ready = False
        attachments = self.draft.media()  # images and videos, in the order added
        if not text.strip() and not attachments:
            self.status.notice(
                QCoreApplication.translate("MainWindow", "Type a question or add an image first.")
            )
            return
        # The transcript takes the thumbnails from the draft while the exchange starts
        # (_on_exchange_started), so the draft is emptied only after.
        if self.document_actions.send(text, attachments):
            self._send_after_key = False
            self.prompt.clear()
            self.draft.clear()
            self.document_actions.draft_back_to_model_in_use()
            self.image_pane.clear_messages()
        # Not sent: the text and images stay; a missing key has opened the key dialog, and the
        # question goes out once the key is stored.

    def stop_answer(self) -> None:
        """Esc, Conversation ▸ Stop: stop the answer that is streaming."""
        self.controller.stop()

    def retry(self, exchange_id: str) -> None:
        if not self.controller.retry(exchange_id):
            self.status.notice(
                QCoreApplication.translate(
                    "MainWindow", "Only a finished reply can be retried, one at a time."
                )
            )

    def retry_last(self) -> None:
        last = self.controller.last_exchange()
        if last is not None and last.state in ("failed", "stopped", "incomplete"):
            self.retry(last.id)

    def regenerate(self) -> None:
        if not self.controller.regenerate():
            self.status.notice(
                QCoreApplication.translate(
                    "MainWindow", "Nothing to regenerate yet (or an answer is still streaming)."
                )
            )

    def new_conversation(self) -> None:
        self.controller.new_conversation()
        self.status.set_rate(None)
        self.prompt.setFocus()

    def load_conversation(self, conversation: Conversation) -> None:
        """Show a stored conversation and continue it (for a history sidebar)."""
        self.controller.stop()
        self.controller.conversation = conversation
        self.transcript.load_exchanges(conversation.exchanges)
        self.history_sidebar.set_current(conversation.id)
        self.status.set_rate(None)
        self._refresh_welcome()

    def copy_last_answer(self) -> None:
        last = self.controller.last_exchange()
        if last is not None and last.answer:
            QGuiApplication.clipboard().setText(last.answer)
            self.status.notice(QCoreApplication.translate("MainWindow", "Answer copied"))

    def toggle_last_thinking(self) -> None:
        last = self.controller.last_exchange()
        if last is not None:
            self.transcript.toggle_thinking(last.id)

    # -- images ----------------------------------------------------------------------------------

    def _on_images_changed(self) -> None:
        if self._send_when_ready and not self.draft.pending_count():
            self.send()

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self._file_dialog is not None:
            self._file_dialog.raise_()
            return
        title = QCoreApplication.translate("MainWindow", "Add images or videos")
        dialog = QFileDialog(self, title, "", image_filter())
        dialog.setObjectName("imageFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.draft.add_sources(files))
        dialog.finished.connect(self._file_dialog_closed)
        self._file_dialog = dialog
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop

    def _file_dialog_closed(self) -> None:
        if self._file_dialog is not None:
            self._file_dialog.deleteLater()
        self._file_dialog = None

    # -- controller signals ------------------------------------------------------------------------

    def _on_exchange_started(self, exchange_id: str) -> None:
        exchange = self.controller.exchange(exchange_id)
        if exchange is None:
            return
        if self.transcript.has_reply(exchange_id):
            self.transcript.restart_reply(exchange)
            if exchange.answer or exchange.reasoning:  # Continue: the answer so far stays
                self.transcript.append_text(exchange_id, exchange.reasoning, exchange.answer)
        else:
            thumbnails = self.draft.thumbnails_for(exchange.attachments)
            self.transcript.add_exchange(exchange, thumbnails)
        self._refresh_welcome()
        self.status.set_state(waiting_label())
        self.status.set_rate(None)

    def _on_text(self, exchange_id: str, reasoning: str, answer: str) -> None:
        self.transcript.append_text(exchange_id, reasoning, answer)
        self.status.set_state(streaming_label(reasoning, answer))

    def _on_exchange_ended(self, exchange_id: str) -> None:
        exchange = self.controller.exchange(exchange_id)
        if exchange is None:
            return
        self.transcript.finish_reply(exchange)
        self.status.set_state(status_line(exchange))

    def _on_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.send_action.setEnabled(not busy)
        self.regenerate_action.setEnabled(not busy)
        self.retry_action.setEnabled(not busy)

    def _refresh_endpoint(self) -> None:
        c = self.controller
        offered, alternative = c.available_models(), c.image_capable_alternative()
        self._show_endpoint(c.region, c.custom_url, offered, c.model_info, alternative)
        self._refresh_key()

    def _show_endpoint(
        self,
        region: str,
        custom_url: str | None,
        offered: list[ModelInfo],
        info: ModelInfo,
        alternative: str | None,
    ) -> None:
        self.picker.set_region(region, custom_url)
        self.picker.set_models(offered, info.name)
        self.image_pane.set_model_support(info.name, info.accepts_images, alternative)
        self.status.set_model(info.name)

    def _refresh_key(self) -> None:
        self.status.set_endpoint(self.controller.base_url, self.controller.key_state)
        self._refresh_welcome()

    # -- keys ------------------------------------------------------------------------------------

    def _on_key_missing(self, _region: str) -> None:
        """A question could not go out for want of a key: it waits, and the welcome (already
        in the transcript's place) takes the key; the question goes once the key is stored."""
        last = self.controller.last_exchange()
        no_key = last is not None and last.error is not None and last.error.kind == "no-key"
        if last is not None and last.state == "failed" and no_key:
            self._retry_after_key = last.id
        else:
            self._send_after_key = True
        self._refresh_welcome()
        if self._welcome is not None:
            self._welcome.focus_key()
        self.status.notice(
            QCoreApplication.translate(
                "MainWindow", "No API key for this region yet: paste one in the welcome above."
            )
        )

    def ask_for_key(self) -> KeyDialog:
        """Open the key dialog for the current region (File ▸ Set API key…; non-blocking)."""
        return self.ask_for_key_of(self.controller.region)

    def ask_for_key_of(self, region: str) -> KeyDialog:
        """Open the key dialog for ``region`` (a failed turn's, which may not be the current
        one; ``custom``: the custom endpoint); the key entered is stored for that target."""
        from qwenvl_desktop.gui.key_dialog import KeyDialog

        if self._key_dialog is not None:
            self._key_dialog.raise_()
            return self._key_dialog
        c = self.controller
        custom_url = c.custom_url if region == CUSTOM_REGION else None
        if region == c.region:
            base_url = c.base_url
        else:
            base_url = custom_url or c.settings.region_base_url(region)
        state = c.keys.state(region, custom_url)
        dialog = KeyDialog(
            region,
            base_url,
            state.problem,
            self,
            in_use_source=state.source,
            in_use_masked=state.masked,
        )
        dialog.keyEntered.connect(lambda key: c.keys.save(region, custom_url, key))
        dialog.rejected.connect(self._key_dialog_cancelled)
        dialog.finished.connect(self._key_dialog_closed)
        self._key_dialog = dialog
        dialog.open()
        return dialog

    def _key_dialog_cancelled(self) -> None:
        self._send_after_key = False
        self._retry_after_key = None
        self.status.notice(
            QCoreApplication.translate(
                "MainWindow", "No key entered: nothing was sent. File ▸ Set API key… to add one."
            )
        )

    def _key_dialog_closed(self) -> None:
        if self._key_dialog is not None:
            self._key_dialog.deleteLater()
        self._key_dialog = None

    def set_key_for(self, exchange_id: str) -> KeyDialog | None:
        """A rejected key's turn: the key dialog for the region (or endpoint) it went to; once
        a key is stored the turn is sent again when that is still the region in use."""
        exchange = self.controller.exchange(exchange_id)
        if exchange is None:
            return None
        if exchange.region == self.controller.region:
            self._retry_after_key = exchange.id
        return self.ask_for_key_of(exchange.region or self.controller.region)

    def _on_key_stored(self, where: str) -> None:
        from qwenvl_desktop.core.keys.store import SESSION_SOURCE

        if where == SESSION_SOURCE:
            # Not "saved": without a keyring the key lives in memory until the app quits.
            self.status.notice(
                QCoreApplication.translate(
                    "MainWindow",
                    "Key kept for this session only (no OS keyring): set DASHSCOPE_API_KEY to keep"
                    " it.",
                )
            )
        else:
            saved = QCoreApplication.translate("MainWindow", "Key saved in the %1.")
            self.status.notice(saved.replace("%1", where))
        if self._retry_after_key is not None:
            exchange_id, self._retry_after_key = self._retry_after_key, None
            self.controller.retry(exchange_id)
        elif self._send_after_key:
            self._send_after_key = False
            self.send()

    def _on_key_store_failed(self, sentence: str) -> None:
        self.status.notice(sentence, 15000)
        self._send_after_key = False
        self._retry_after_key = None

    # -- first start: the welcome ------------------------------------------------------------------

    def _refresh_welcome(self) -> None:
        """The welcome shows while the region in use has no key, in the transcript's place — and
        above the transcript when the conversation already has turns (a region switched to)."""
        if not self._wired:
            return
        present = self.controller.key_state.present
        if present is False and self._welcome is None:
            self._build_welcome()
        welcome, setup = self._welcome, self._key_setup
        if welcome is None or setup is None:
            return
        # While a region's key is still being looked up (None) the welcome stays as it is: no
        # flicker when switching between regions that both have no key.
        missing = not welcome.isHidden() if present is None else not present
        conversing = bool(self.controller.conversation.exchanges)
        if missing:
            welcome.set_region(self.controller.region, self.controller.custom_url)
            welcome.set_storage_note(setup.storage_note())
            welcome.set_mid_conversation(conversing)
        elif not welcome.isHidden():
            welcome.forget_key()  # the key went in
        welcome.setVisible(missing)
        self.transcript.setVisible(not missing or conversing)

    def _build_welcome(self) -> None:
        from qwenvl_desktop.gui.welcome import WelcomePanel
        from qwenvl_desktop.services.key_setup import KeySetup

        setup = KeySetup(self.controller, parent=self)
        welcome = WelcomePanel(self.transcript_area)
        welcome.set_send_keys(self._send_keys())
        welcome.set_regions(setup.region_choices())
        welcome.set_region_locked(setup.region_locked)
        welcome.show_state(setup.state)
        welcome.regionChosen.connect(self.controller.set_region)
        welcome.keySubmitted.connect(setup.submit)
        welcome.findRegionRequested.connect(setup.find_region)
        welcome.sampleRequested.connect(self.use_sample_image)
        setup.changed.connect(lambda: welcome.show_state(setup.state))
        setup.keyAccepted.connect(lambda sentence: self.status.notice(sentence, 12000))
        self._transcript_column.insertWidget(0, welcome, 1)
        self._welcome, self._key_setup = welcome, setup

    @property
    def welcome(self) -> WelcomePanel | None:
        """The first-start guide, once a region without a key has been shown (else None)."""
        return self._welcome

    def use_sample_image(self) -> None:
        """The welcome's sample: its picture into the draft and its question into an empty
        prompt; without a key yet, it is sent as soon as one is stored."""
        from qwenvl_desktop.core.assets import sample_image_path
        from qwenvl_desktop.gui.welcome import sample_question

        self.draft.add_sources([str(sample_image_path())])
        if not self.prompt.toPlainText().strip():
            self.prompt.setPlainText(sample_question())
        if self.controller.key_state.present is False and self._welcome is not None:
            self._send_after_key = True
            self._welcome.focus_key()
            self.status.notice(
                QCoreApplication.translate(
                    "MainWindow", "The sample picture and its question go out once the key is in."
                )
            )
        else:
            self.prompt.setFocus()

    # -- history -------------------------------------------------------------------------------

    def attach_history(self) -> None:
        """Open the history now if it still waits for the first frame (the sidebar fills).

        The window opens it by itself right after its first frame; a script that needs it
        earlier (or never shows the window) calls this, or simply uses ``controller.history``,
        which opens it on first use.
        """
        self.history_panel.attach()

    def open_history_conversation(self, conversation_id: str, exchange_id: str = "") -> bool:
        """Open a stored conversation (at ``exchange_id`` for a search hit) to read or continue."""
        return self.history_panel.open_conversation(conversation_id, exchange_id)

    def export_markdown(
        self, conversation_id: str | None = None, folder: Path | None = None
    ) -> Path | None:
        """See :meth:`.history_panel.HistoryPanel.export_markdown`."""
        return self.history_panel.export_markdown(conversation_id, folder)

    def export_json(
        self, conversation_id: str | None = None, path: Path | None = None
    ) -> Path | None:
        """See :meth:`.history_panel.HistoryPanel.export_json`."""
        return self.history_panel.export_json(conversation_id, path)

    def copy_curl(self, exchange_id: str) -> bool:
        """Copy one turn as a runnable ``curl`` command (the key stays ``$DASHSCOPE_API_KEY``)."""
        command = self.controller.curl_command(exchange_id)
        if command is None:
            return False
        QGuiApplication.clipboard().setText(command)
        self.status.notice(
            QCoreApplication.translate(
                "MainWindow", "curl command copied: it reads the key from $DASHSCOPE_API_KEY"
            )
        )
        return True

    # -- window conventions ------------------------------------------------------------------------

    def show_about(self) -> None:
        from qwenvl_desktop.gui.help_dialogs import show_about

        show_about(self)

    # -- preferences -------------------------------------------------------------------------------

    def attach_preferences(self, service: PreferencesService) -> None:
        """What Preferences shows and saves; its saved settings apply here at once."""
        self.preferences = service
        service.settingsApplied.connect(self.apply_appearance)
        # New images (and those whose detail nobody chose) are prepared at the new detail.
        service.settingsApplied.connect(
            lambda settings: self.draft.set_default_detail(settings.image_detail)
        )

    def show_preferences(self) -> PreferencesDialog | None:
        """File ▸ Preferences… (Ctrl+,): the dialog ``preferencesDialog``, window-modal."""
        if self.preferences is None:
            return None
        if self._preferences_dialog is not None:
            self._preferences_dialog.raise_()
            self._preferences_dialog.activateWindow()
            return self._preferences_dialog
        from qwenvl_desktop.gui.preferences import open_preferences

        dialog = open_preferences(self, self.preferences)
        dialog.finished.connect(self._preferences_closed)
        self._preferences_dialog = dialog
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop
        return dialog

    def _preferences_closed(self) -> None:
        if self._preferences_dialog is not None:
            self._preferences_dialog.deleteLater()
        self._preferences_dialog = None

    def apply_appearance(self, settings: Settings) -> None:
        """The language, the theme, the font size and the send key of ``settings``, now."""
        from qwenvl_desktop.gui.i18n import apply_language_setting
        from qwenvl_desktop.gui.theme import apply_theme

        # Qt then sends LanguageChange: every open widget retranslates itself; figures and
        # dates follow the language's locale.
        apply_language_setting(settings.language)
        apply_theme(settings.theme)
        self._apply_text_settings(settings)

    def _apply_text_settings(self, settings: Settings) -> None:
        font = QFont()  # nothing set: the widget's font follows the application's
        if settings.font_size is not None:
            font.setPointSize(settings.font_size)
        for widget in (self.transcript, self.prompt):
            widget.setFont(font)
        self.prompt.set_send_with(settings.send_with)
        self._retranslate_send_keys()
        keys = self._send_keys()
        self.transcript.set_send_keys(keys)
        if self._welcome is not None:
            self._welcome.set_send_keys(keys)

    def _retranslate_send_keys(self) -> None:
        """Send's tooltip: it names the key that sends (the prompt says its placeholder itself:
        ``PromptEdit.retranslate``)."""
        translate = QCoreApplication.translate
        keys = self._send_keys()
        self.send_button.setToolTip(translate("MainWindow", "Send (%1)").replace("%1", keys))
        self.send_button.setAccessibleDescription(
            translate("MainWindow", "Send the question (%1)").replace("%1", keys)
        )

    def _send_keys(self) -> str:
        """The key that sends a question now, in words ("Enter", "Ctrl+Enter")."""
        return "Enter" if self.prompt.enter_sends else "Ctrl+Enter"

    def show_shortcuts(self) -> None:
        from qwenvl_desktop.gui.help_dialogs import show_shortcuts

        show_shortcuts(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.image_pane and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            freed = event.oldSize().height() - event.size().height()
            if event.oldSize().height() > 0 and freed > 0:
                transcript, composer = self.splitter.sizes()
                self.splitter.setSizes([transcript + freed, max(composer - freed, 0)])
        return super().eventFilter(watched, event)

    def _restore_geometry(self) -> None:
        geometry = self._qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 820)
        state = self._qsettings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self._qsettings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            # The transcript takes what the composer (image strip and prompt) does not need.
            self.splitter.setSizes([10_000, self._composer.minimumSizeHint().height()])

    def save_geometry(self) -> None:
        self._qsettings.setValue("window/geometry", self.saveGeometry())
        self._qsettings.setValue("window/state", self.saveState())
        self._qsettings.setValue("window/splitter", self.splitter.saveState())
        self._qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        if self._wired:
            self.controller.shutdown()  # cancels a running stream now; aclose() finishes
        for dialog in (self._key_dialog, self._file_dialog, self._preferences_dialog):
            if dialog is not None:
                dialog.close()
        self.history_panel.close_dialogs()
        event.accept()
        self.closed.emit()

    async def aclose(self) -> None:
        """Finish closing: cancel image work, stop the stream, close the HTTP client."""
        if not self._wired:
            return
        if self._key_setup is not None:
            await self._key_setup.aclose()
        await self.draft.aclose()
        await self.batch_tool.aclose()
        if self.remembered_choices is not None:
            await self.remembered_choices.flush()  # a pick made just before closing is kept
        if self.preferences is not None:
            await self.preferences.aclose()
        await self.controller.aclose()

    def changeEvent(self, event: QEvent) -> None:
        # The platform switched between light and dark: new text picks up the new palette;
        # repaint so the widgets follow at once.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.transcript.viewport().update()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # a translator was installed or removed (gui/i18n.py)
            # The turns already shown are words of the old language: built again (one switch
            # sends several LanguageChange events, hence a zero-delay timer), unless a reply is
            # streaming into them — then they stay, and new turns follow the new language.
            QTimer.singleShot(0, self._rebuild_transcript_words)
        super().changeEvent(event)

    def _rebuild_transcript_words(self) -> None:
        from qwenvl_desktop.gui.i18n import installed_language

        if not self._wired or self.controller.busy:
            return
        language = installed_language()
        if self._transcript_language == language:
            return
        self._transcript_language = language
        exchanges = self.controller.conversation.exchanges
        if exchanges:
            self.transcript.load_exchanges(exchanges)

    # -- drops anywhere in the window go to the image pane ----------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction()
        self.image_pane.set_drop_highlight(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.image_pane.set_drop_highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.image_pane.set_drop_highlight(False)
        self.image_pane.add_mime(event.mimeData())
        event.acceptProposedAction()


def _tab_chain(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops at, in their present focus order."""
    found: list[QWidget] = []
    if container.focusPolicy() & Qt.FocusPolicy.TabFocus:
        found.append(container)
    widget = container.nextInFocusChain()
    while widget is not container and widget is not None:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


class _SideColumn(QScrollArea):
    """The column beside the image pane and the prompt (the quick prompts): as wide as its
    widest button, as tall as the composer is — scrolling up and down when that is less."""

    #: a widget came or went inside the column (the window puts it in the Tab order)
    contentChanged = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("composerSideColumn")
        # Its buttons take the focus; the column itself is no Tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        content = QWidget(self)
        #: where features add their widgets, top to bottom
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a button came or went: the column's width follows
            self.contentChanged.emit()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        # Room for the widest button and a vertical scroll bar, so one never covers the other.
        content = self.column.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.width() + bar, 60)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 40)
