"""The welcome: in the transcript's place while the region in use has no API key.

Not a dialog: the window stays usable around it (images can be added, a question typed), and it
goes as soon as a key is there. It says what the app does, offers the regions by city with a link
to each one's key page in the Model Studio console, takes the key, shows how the check went
(:class:`~qwenvl_desktop.services.key_setup.KeySetupState`), offers — as a button that says it
sends the key to the other regions' hosts — to find the region a rejected key belongs to, and a
sample picture to try.

It only shows state and emits intent; checking and storing the key is
:class:`~qwenvl_desktop.services.key_setup.KeySetup`'s work, switching region the chat service's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION
from qwenvl_desktop.gui.transcript.colours import TranscriptColours

if TYPE_CHECKING:
    from qwenvl_desktop.services.key_setup import KeySetupState, RegionChoice

__all__ = ["SAMPLE_QUESTION", "WelcomePanel", "sample_question"]

WELCOME_TITLE = translatable("WelcomePanel", "Welcome to Qwen-VL Desktop")
KEY_ONLY_TITLE = translatable("WelcomePanel", "This region needs its own API key")
#: the question the sample picture comes with (English; :func:`sample_question` translates it)
SAMPLE_QUESTION = translatable(
    "WelcomePanel", "What is on this table? Read me the receipt's total."
)

_INTRO = translatable(
    "WelcomePanel",
    "Ask Alibaba Cloud's Qwen vision-language models about images: drop or paste a picture, type"
    " a question, press %1, and the answer streams in here. First, a Model Studio API key:",
)


def sample_question() -> str:
    """:data:`SAMPLE_QUESTION` in the interface language."""
    return QCoreApplication.translate("WelcomePanel", SAMPLE_QUESTION)


#: the widest the welcome's text runs, in pixels: wider lines are hard to read
MAX_COLUMN_WIDTH = 680


class WelcomePanel(QScrollArea):
    """The first-start guide: region, key, sample picture. ``objectName`` ``welcomePanel``."""

    #: the person chose a region (a catalog region id)
    regionChosen = Signal(str)
    #: the key as typed, to check and store
    keySubmitted = Signal(str)
    #: the person agreed to send the typed key to the other regions to find its own
    findRegionRequested = Signal(str)
    #: attach the sample picture and its question
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAccessibleName("welcomePanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._choices: list[RegionChoice] = []
        self._custom_url: str | None = None
        self._region: str | None = None
        self._region_locked = False
        self._problem_shown = False
        self._send_keys = "Ctrl+Enter"
        self._mid_conversation = False
        self._search_targets: list[str] = []
        # A palette change (the theme switched while the welcome is shown) restyles the link,
        # the problem sentence and the dim notes once it has settled: several events arrive.
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)

        page = self._page = QWidget(self)
        page.setBackgroundRole(QPalette.ColorRole.Base)
        page.setAutoFillBackground(True)
        outer = QHBoxLayout(page)
        outer.setContentsMargins(16, 10, 16, 10)
        body = QWidget(page)
        body.setMaximumWidth(MAX_COLUMN_WIDTH)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        outer.addStretch(1)
        outer.addWidget(body, 100, Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)
        self.setWidget(page)

        column.addLayout(self._build_title_row(body))
        self.intro = _wrapped("", body)
        self.intro.setObjectName("welcomeIntro")
        column.addWidget(self.intro)
        column.addLayout(self._build_region_step(body))
        column.addLayout(self._build_key_step(body))
        column.addStretch(1)
        self.retranslate()
        self._restyle()

    def retranslate(self) -> None:
        """The welcome's words in the interface language (again on each language change)."""
        translate = QCoreApplication.translate
        self.title.setText(
            translate("WelcomePanel", KEY_ONLY_TITLE)
            if self._mid_conversation
            else translate("WelcomePanel", WELCOME_TITLE)
        )
        self.intro.setText(translate("WelcomePanel", _INTRO).replace("%1", self._send_keys))
        self.sample_button.setText(translate("WelcomePanel", "Try a sample picture"))
        self.sample_button.setToolTip(
            translate(
                "WelcomePanel",
                "Adds a picture (a café table with a receipt) and a question to ask about it;"
                " they are sent as soon as the key is in.",
            )
        )
        self.region.setAccessibleDescription(
            translate("WelcomePanel", "The region whose console made your key")
        )
        self._region_label.setText(translate("WelcomePanel", "The region of your key:"))
        self.key_edit.setPlaceholderText(translate("WelcomePanel", "Paste the API key (sk-…)"))
        self.show_key.setText(translate("WelcomePanel", "Show"))
        self.save_button.setText(translate("WelcomePanel", "Save and check"))
        self.find_button.setText(
            translate("WelcomePanel", "Find its region (sends the key to them)")
        )
        self._show_search_targets()
        self.region.setToolTip(
            translate("WelcomePanel", "Set by the system configuration")
            if self._region_locked
            else ""
        )
        custom_index = self.region.findData(CUSTOM_REGION)
        if custom_index >= 0:
            self.region.setItemText(custom_index, translate("WelcomePanel", "Your own endpoint"))
        if self._region is not None:
            self.region_hint.setText(self._region_hint(self._region))

    # -- construction --------------------------------------------------------------------------

    def _build_title_row(self, page: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = QLabel(WELCOME_TITLE, page)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        row.addWidget(self.title)
        row.addStretch(1)
        # Up here, where a small window shows it too.
        self.sample_button = QPushButton(page)
        self.sample_button.setObjectName("welcomeSampleButton")
        self.sample_button.setAccessibleName("welcomeSampleButton")
        self.sample_button.clicked.connect(self.sampleRequested)
        row.addWidget(self.sample_button)
        return row

    def _build_region_step(self, page: QWidget) -> QGridLayout:
        grid = _step_grid()
        grid.addWidget(_step_label("1", page), 0, 0)
        self.region = QComboBox(page)
        self.region.setObjectName("welcomeRegion")
        self.region.setAccessibleName("welcomeRegion")
        self.region.activated.connect(self._region_activated)
        row = QHBoxLayout()
        row.setSpacing(8)
        self._region_label = QLabel(page)
        row.addWidget(self._region_label)
        row.addWidget(self.region)
        row.addStretch(1)
        grid.addLayout(row, 0, 1)
        self.region_hint = _wrapped("", page)
        self.region_hint.setObjectName("welcomeRegionHint")
        self.region_hint.setTextFormat(Qt.TextFormat.RichText)
        self.region_hint.setOpenExternalLinks(True)
        grid.addWidget(self.region_hint, 1, 1)
        return grid

    def _build_key_step(self, page: QWidget) -> QGridLayout:
        grid = _step_grid()
        grid.addWidget(_step_label("2", page), 0, 0)
        row = QHBoxLayout()
        self.key_edit = QLineEdit(page)
        self.key_edit.setObjectName("welcomeKeyEdit")
        self.key_edit.setAccessibleName("welcomeKeyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setMinimumWidth(180)
        self.key_edit.returnPressed.connect(self._submit)
        self.key_edit.textChanged.connect(self._key_edited)
        row.addWidget(self.key_edit, 1)
        self.show_key = QCheckBox(page)
        self.show_key.toggled.connect(self._show_key_toggled)
        row.addWidget(self.show_key)
        self.save_button = QPushButton(page)
        self.save_button.setObjectName("welcomeSaveButton")
        self.save_button.setAccessibleName("welcomeSaveButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._submit)
        row.addWidget(self.save_button)
        grid.addLayout(row, 0, 1)

        self.storage_note = _wrapped("", page, dim=True)
        self.storage_note.setObjectName("welcomeStorageNote")
        grid.addWidget(self.storage_note, 1, 1)
        self.status = _wrapped("", page)
        self.status.setObjectName("welcomeKeyStatus")
        self.status.setAccessibleName("welcomeKeyStatus")
        self.status.hide()
        grid.addWidget(self.status, 2, 1)

        self.find_region = QWidget(page)
        self.find_region.setObjectName("welcomeFindRegion")
        find_row = QHBoxLayout(self.find_region)
        find_row.setContentsMargins(0, 0, 0, 0)
        self.find_button = QPushButton(page)
        self.find_button.setObjectName("welcomeFindRegionButton")
        self.find_button.setAccessibleName("welcomeFindRegionButton")
        self.find_button.clicked.connect(
            lambda: self.findRegionRequested.emit(self.key_edit.text())
        )
        find_row.addWidget(self.find_button)
        self.find_targets = _wrapped("", page, dim=True)
        self.find_targets.setObjectName("welcomeFindTargets")
        find_row.addWidget(self.find_targets, 1)
        self.find_region.hide()
        grid.addWidget(self.find_region, 3, 1)
        return grid

    # -- what it shows ---------------------------------------------------------------------------

    def set_regions(self, choices: Sequence[RegionChoice]) -> None:
        """The catalog regions, by city."""
        self._choices = list(choices)
        self.region.blockSignals(True)
        self.region.clear()
        for choice in self._choices:
            self.region.addItem(f"{choice.city} ({choice.id})", choice.id)
            self.region.setItemData(
                self.region.count() - 1, choice.label, Qt.ItemDataRole.ToolTipRole
            )
        self.region.blockSignals(False)

    def set_send_keys(self, keys: str) -> None:
        """The key that sends a question (the ``send_with`` setting), as the intro says it."""
        self._send_keys = keys
        self.intro.setText(QCoreApplication.translate("WelcomePanel", _INTRO).replace("%1", keys))

    def set_region(self, region: str, custom_url: str | None) -> None:
        """The region (or custom endpoint) whose key is missing."""
        self._region = region
        self._custom_url = custom_url if region == CUSTOM_REGION else None
        self.region.blockSignals(True)
        custom_index = self.region.findData(CUSTOM_REGION)
        if region == CUSTOM_REGION and custom_index < 0:
            self.region.addItem(
                QCoreApplication.translate("WelcomePanel", "Your own endpoint"), CUSTOM_REGION
            )
        elif region != CUSTOM_REGION and custom_index >= 0:
            self.region.removeItem(custom_index)
        self.region.setCurrentIndex(max(self.region.findData(region), 0))
        self.region.blockSignals(False)
        self.region_hint.setText(self._region_hint(region))

    def set_mid_conversation(self, mid_conversation: bool) -> None:
        """Above a conversation (a region without a key was chosen) it only asks for the key:
        no greeting, no introduction, no sample."""
        self._mid_conversation = mid_conversation
        title = KEY_ONLY_TITLE if mid_conversation else WELCOME_TITLE
        self.title.setText(QCoreApplication.translate("WelcomePanel", title))
        self.intro.setVisible(not mid_conversation)
        self.sample_button.setVisible(not mid_conversation)

    def set_region_locked(self, locked: bool) -> None:
        self._region_locked = locked
        self.region.setEnabled(not locked)
        self.region.setToolTip(
            QCoreApplication.translate("WelcomePanel", "Set by the system configuration")
            if locked
            else ""
        )

    def set_storage_note(self, text: str) -> None:
        self.storage_note.setText(text)

    def show_state(self, state: KeySetupState) -> None:
        """How the check of the typed key goes (never the key itself)."""
        self.status.setVisible(bool(state.message))
        self.status.setText(state.message)
        self._problem_shown = state.phase in ("rejected", "failed")
        self._colour_status()
        searchable = state.can_search and not state.busy
        self.find_region.setVisible(searchable)
        self._search_targets = list(state.search_targets)
        self._show_search_targets()
        for widget in (self.key_edit, self.find_button):
            widget.setEnabled(not state.busy)
        self.region.setEnabled(not state.busy and not self._region_locked)
        self.save_button.setEnabled(not state.busy and bool(self.key_edit.text().strip()))
        if state.message:  # in a small window the sentence may be below the fold: bring it up
            below = self.find_region if searchable else self.status
            QTimer.singleShot(0, lambda: self.ensureWidgetVisible(below))

    def focus_key(self) -> None:
        self.ensureWidgetVisible(self.key_edit)
        self.key_edit.setFocus()

    def forget_key(self) -> None:
        """Empty the key field (the key went in)."""
        self.key_edit.clear()
        self.show_key.setChecked(False)

    def colours(self) -> TranscriptColours:
        """The colours the welcome draws its link, problem and notes in: the palette's, each
        made readable (WCAG AA) on the page's base."""
        return TranscriptColours(self._page.palette())

    # -- internals -----------------------------------------------------------------------------

    def _show_search_targets(self) -> None:
        translate = QCoreApplication.translate
        targets = translate("WelcomePanel", ", ").join(self._search_targets)
        self.find_targets.setText(translate("WelcomePanel", "Tries %1.").replace("%1", targets))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle_timer.start()

    def _restyle(self) -> None:
        """The link, the problem sentence and the dim notes in the current palette's colours.

        A rich-text label keeps the link colour it was given when its text was set (Qt's
        default blue, 1.5:1 on a dark base), so the link carries a colour of its own, set again
        here on every palette change."""
        colours = self.colours()
        if self._region is not None:
            self.region_hint.setText(self._region_hint(self._region))
        for label in (self.storage_note, self.find_targets):
            palette = label.palette()
            palette.setColor(label.foregroundRole(), colours.muted)
            label.setPalette(palette)
        self._colour_status()

    def _colour_status(self) -> None:
        error = self.colours().error.name()
        self.status.setStyleSheet(f"color: {error}" if self._problem_shown else "")

    def _region_hint(self, region: str) -> str:
        translate = QCoreApplication.translate
        if region == CUSTOM_REGION:
            return translate(
                "WelcomePanel",
                "Requests go to your own endpoint, %1: paste the key it expects. Choose a region"
                " above to use Model Studio's endpoints instead.",
            ).replace("%1", self._custom_url or translate("WelcomePanel", "(none set)"))
        choice = next((c for c in self._choices if c.id == region), None)
        if choice is None:
            return ""
        link = self.colours().link.name()
        return (
            translate(
                "WelcomePanel",
                "Create one on the %1%2 API key page%3 of the Model Studio console. A key works"
                " only in the region whose console made it (a Beijing key is refused in"
                " Singapore).",
            )
            .replace("%1", f'<a href="{choice.key_console}" style="color: {link}">')
            .replace("%2", choice.city)
            .replace("%3", "</a>")
        )

    def _region_activated(self, index: int) -> None:
        region = self.region.itemData(index)
        if isinstance(region, str) and region != CUSTOM_REGION:
            self.regionChosen.emit(region)

    def _submit(self) -> None:
        text = self.key_edit.text()
        if text.strip() and self.save_button.isEnabled():
            self.keySubmitted.emit(text)

    def _key_edited(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()) and self.key_edit.isEnabled())

    def _show_key_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.key_edit.setEchoMode(mode)


def _wrapped(text: str, parent: QWidget, *, dim: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    if dim:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _step_label(number: str, parent: QWidget) -> QLabel:
    label = QLabel(number, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    label.setMinimumWidth(22)
    return label


def _step_grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setContentsMargins(0, 8, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(4)
    grid.setColumnStretch(1, 1)
    return grid
