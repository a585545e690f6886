"""The Preferences dialog (``preferencesDialog``): pages of settings and the keys per region.

It shows what :class:`~qwenvl_desktop.services.preferences.PreferencesService` says (values,
origins, locks, key rows) and emits what the person asks for: :attr:`saveRequested` with the
values of its widgets, :attr:`setKeyRequested`, :attr:`checkKeyRequested`,
:attr:`deleteKeyRequested`. It never reads or writes a file or the keyring; the typed key goes
out with the signal and the field is emptied at once.

Its words follow the interface language live: :meth:`PreferencesDialog.retranslate` (from
``__init__`` and each ``QEvent.LanguageChange``) sets them from English source texts marked with
``translatable("PreferencesDialog", …)``; each editor retranslates its own
(:mod:`.fields`). The OK / Apply / Cancel buttons are Qt's, translated by Qt's own catalog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.settings.schema import MAX_FONT_SIZE, MAX_TIMEOUT, MIN_FONT_SIZE
from qwenvl_desktop.gui.preferences.fields import (
    ChoiceEditor,
    FieldEditor,
    FlagEditor,
    LongTextEditor,
    ModelEditor,
    OptionalNumberEditor,
    ProxyEditor,
    SecondsEditor,
    TextEditor,
    words,
)
from qwenvl_desktop.services.preferences import KeyRow, PreferenceField, SaveOutcome

__all__ = [
    "CONNECTION_NOTE",
    "HISTORY_NOTE",
    "IMAGE_DETAIL_NOTE",
    "LANGUAGE_CHOICES",
    "LANGUAGE_NOTE",
    "PreferencesDialog",
]

#: the interface languages offered (None: the system's); each named in its own language
LANGUAGE_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, translatable("PreferencesDialog", "System language")),
    ("en", "English"),
    ("ja", "日本語"),
    ("zh_CN", "简体中文"),
)

#: what the language setting does, said plainly
LANGUAGE_NOTE = translatable(
    "PreferencesDialog",
    "The window switches as soon as the setting is saved. System language: the operating "
    "system's, when it is Japanese or Chinese; otherwise English.",
)

#: what turning the history on or off does, and that the file stays (%1: the file)
HISTORY_NOTE = translatable(
    "PreferencesDialog",
    "Kept in %1. Turned off: nothing more is saved and the file is closed; it stays on "
    "disk with its conversations, which come back when the history is turned on again (the "
    "conversation shown is then saved too).",
)

#: when the connection settings apply
CONNECTION_NOTE = translatable(
    "PreferencesDialog",
    "Proxy, certificates and timeouts apply from the next request; an answer being written "
    "finishes on the connection it started with.",
)

#: what the image detail setting changes in the images being attached
IMAGE_DETAIL_NOTE = translatable(
    "PreferencesDialog",
    "New images get it, and so do the images attached now whose detail was not chosen on their "
    "card (prepared again: the token estimate follows).",
)

_BASE_URL_NOTE = translatable("PreferencesDialog", "A custom endpoint replaces the region's.")

_KEYS_INTRO = translatable(
    "PreferencesDialog",
    "A key belongs to one region (or endpoint). Keys are kept in the OS keyring, never in a "
    "file, and only shown masked. DASHSCOPE_API_KEY_<REGION> and DASHSCOPE_API_KEY in the "
    "environment win over the keyring.",
)

_LABELS = {
    "language": translatable("PreferencesDialog", "Interface language"),
    "send_with": translatable("PreferencesDialog", "Send the question with"),
    "history": translatable("PreferencesDialog", "History"),
    "region": translatable("PreferencesDialog", "Region"),
    "base_url": translatable("PreferencesDialog", "Custom endpoint"),
    "proxy": translatable("PreferencesDialog", "Proxy"),
    "ca_bundle": translatable("PreferencesDialog", "CA certificates"),
    "connect_timeout": translatable("PreferencesDialog", "Connect timeout"),
    "read_timeout": translatable("PreferencesDialog", "Answer timeout"),
    "stream_read_timeout": translatable("PreferencesDialog", "Longest silence in a stream"),
    "model": translatable("PreferencesDialog", "Default model"),
    "image_detail": translatable("PreferencesDialog", "Image detail"),
    "system_prompt": translatable("PreferencesDialog", "System prompt"),
    "temperature": translatable("PreferencesDialog", "Temperature"),
    "top_p": "top_p",  # the API's parameter name
    "max_tokens": translatable("PreferencesDialog", "Max tokens"),
    "theme": translatable("PreferencesDialog", "Theme"),
    "font_size": translatable("PreferencesDialog", "Font size"),
}

#: the pages' titles, in order (the Keys page last)
_PAGE_TITLES = (
    translatable("PreferencesDialog", "&General"),
    translatable("PreferencesDialog", "&Connection"),
    translatable("PreferencesDialog", "&Model"),
    translatable("PreferencesDialog", "&Appearance"),
    translatable("PreferencesDialog", "&Keys"),
)


class PreferencesDialog(QDialog):
    """Settings in pages (General, Connection, Model, Appearance, Keys); OK / Apply / Cancel."""

    #: name -> value read from the widgets (the service keeps what differs, checks and saves)
    saveRequested = Signal(dict)
    #: region, custom URL or None, the key typed (sent once, the field emptied)
    setKeyRequested = Signal(str, object, str)
    checkKeyRequested = Signal(str, object)
    deleteKeyRequested = Signal(str, object)

    def __init__(
        self,
        fields: Mapping[str, PreferenceField],
        *,
        regions: Sequence[tuple[str, str]],
        models: Sequence[str],
        user_file: Path,
        history_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setAccessibleName("preferencesDialog")
        self._close_when_saved = False
        self._history_path = history_path
        self._user_file = user_file
        self.editors: dict[str, FieldEditor] = {}
        #: each setting's label (its words set by retranslate)
        self._labels: dict[str, QLabel] = {}
        #: the notes above the pages' settings: label -> English source
        self._intros: list[tuple[QLabel, str]] = []

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesTabs")
        self.tabs.setDocumentMode(True)
        self._build_general()
        self._build_connection(regions)
        self._build_model(models)
        self._build_appearance()
        self._build_keys()

        self.message = QLabel(self)
        self.message.setObjectName("preferencesMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = QLabel(self)
        where.setObjectName("preferencesUserFile")
        self._where = where
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.setObjectName("preferencesButtons")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        apply = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setObjectName("preferencesApply")
        apply.clicked.connect(self.apply)
        self.buttons = buttons

        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.message)
        column.addWidget(where)
        column.addWidget(buttons)
        self.show_fields(fields)
        self.retranslate()
        self.resize(640, 560)

    def retranslate(self) -> None:
        """The dialog's words in the interface language (from __init__ and on LanguageChange);
        the editors retranslate their own (choices, placeholders, units)."""
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        for index, title in enumerate(_PAGE_TITLES):
            self.tabs.setTabText(index, words(title))
        for name, label in self._labels.items():
            label.setText(words(_LABELS[name]))
        for label, source in self._intros:
            label.setText(words(source))
        self._where.setText(
            translate("PreferencesDialog", "Your settings file: %1").replace(
                "%1", str(self._user_file)
            )
        )
        for name, editor in self.editors.items():
            editor.set_extra_note(self._extra_note(name))
        self.keys_table.setHorizontalHeaderLabels(
            [
                translate("PreferencesDialog", "Region or endpoint"),
                translate("PreferencesDialog", "Key in use"),
                translate("PreferencesDialog", "In the keyring"),
            ]
        )
        self.key_edit.setPlaceholderText(
            translate("PreferencesDialog", "Paste a new key for the selected row")
        )
        self.key_edit.setAccessibleName(translate("PreferencesDialog", "New API key"))
        self.set_key_button.setText(translate("PreferencesDialog", "&Save key"))
        self.check_key_button.setText(translate("PreferencesDialog", "C&heck"))
        self.check_key_button.setToolTip(
            translate(
                "PreferencesDialog", "Ask the endpoint whether the key in use works (GET /models)"
            )
        )
        self.delete_key_button.setText(translate("PreferencesDialog", "&Delete"))
        self.delete_key_button.setToolTip(
            translate("PreferencesDialog", "Remove the key from the OS keyring")
        )
        if self._key_rows:
            self.show_keys(self._key_rows, self._keys_busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- pages -----------------------------------------------------------------------------------

    def _page(
        self, object_name: str, title: str, names: Sequence[str], intro: str = ""
    ) -> QFormLayout:
        content = QWidget()
        column = QVBoxLayout(content)
        if intro:
            note = QLabel(content)
            note.setObjectName(f"{object_name}Intro")
            note.setWordWrap(True)
            column.addWidget(note)
            self._intros.append((note, intro))
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # rows keep their height; the room left stays below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in names:
            editor = self.editors[name]
            label = QLabel(content)
            label.setBuddy(editor.editor)
            self._labels[name] = label
            form.addRow(label, editor)
        scroll = QScrollArea()
        scroll.setObjectName(object_name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.tabs.addTab(scroll, title)
        return form

    def _add(self, editor: FieldEditor) -> None:
        self.editors[editor.name] = editor

    def _build_general(self) -> None:
        self._add(ChoiceEditor("language", LANGUAGE_CHOICES))
        self._add(
            ChoiceEditor(
                "send_with",
                (
                    (
                        "ctrl_enter",
                        translatable("PreferencesDialog", "Ctrl+Enter (Enter starts a new line)"),
                    ),
                    (
                        "enter",
                        translatable("PreferencesDialog", "Enter (Shift+Enter starts a new line)"),
                    ),
                ),
            )
        )
        self._add(
            FlagEditor(
                "history",
                translatable(
                    "PreferencesDialog", "Keep a history of the conversations on this computer"
                ),
            )
        )
        self._page("preferencesGeneral", _PAGE_TITLES[0], ("language", "send_with", "history"))

    def _build_connection(self, regions: Sequence[tuple[str, str]]) -> None:
        self._add(ChoiceEditor("region", [(r, f"{label} — {r}") for r, label in regions]))
        self._add(
            TextEditor(
                "base_url", translatable("PreferencesDialog", "Empty: the region's endpoint")
            )
        )
        self._add(
            ProxyEditor(
                "proxy",
                translatable(
                    "PreferencesDialog", "Empty: the environment's proxy settings, else direct"
                ),
            )
        )
        self._add(
            TextEditor(
                "ca_bundle",
                translatable("PreferencesDialog", "system, certifi, or the path of a PEM file"),
            )
        )
        for name in ("connect_timeout", "read_timeout", "stream_read_timeout"):
            self._add(SecondsEditor(name, MAX_TIMEOUT))
        self._page(
            "preferencesConnection",
            _PAGE_TITLES[1],
            (
                "region",
                "base_url",
                "proxy",
                "ca_bundle",
                "connect_timeout",
                "read_timeout",
                "stream_read_timeout",
            ),
            CONNECTION_NOTE,
        )

    def _build_model(self, models: Sequence[str]) -> None:
        self._add(ModelEditor("model", models))
        self._add(
            ChoiceEditor(
                "image_detail",
                (
                    (
                        "standard",
                        translatable("PreferencesDialog", "Standard (the model's usual budget)"),
                    ),
                    (
                        "high",
                        translatable("PreferencesDialog", "High (more pixels, more tokens)"),
                    ),
                    ("economy", translatable("PreferencesDialog", "Economy (fewer tokens)")),
                ),
            )
        )
        self._add(
            LongTextEditor(
                "system_prompt", translatable("PreferencesDialog", "Empty: no system prompt")
            )
        )
        self._add(
            OptionalNumberEditor(
                "temperature",
                lowest=0.0,
                highest=1.99,
                step=0.1,
                decimals=2,
                unset_words=translatable("PreferencesDialog", "Model's default"),
            )
        )
        self._add(
            OptionalNumberEditor(
                "top_p",
                lowest=0.05,
                highest=1.0,
                step=0.05,
                decimals=2,
                unset_words=translatable("PreferencesDialog", "Model's default"),
            )
        )
        self._add(
            OptionalNumberEditor(
                "max_tokens",
                lowest=1,
                highest=1_000_000,
                step=256,
                decimals=0,
                unset_words=translatable("PreferencesDialog", "Model's limit"),
                suffix=translatable("PreferencesDialog", " tokens"),
            )
        )
        self._page(
            "preferencesModel",
            _PAGE_TITLES[2],
            ("model", "image_detail", "system_prompt", "temperature", "top_p", "max_tokens"),
        )

    def _build_appearance(self) -> None:
        self._add(
            ChoiceEditor(
                "theme",
                (
                    ("system", translatable("PreferencesDialog", "Follow the system")),
                    ("light", translatable("PreferencesDialog", "Light")),
                    ("dark", translatable("PreferencesDialog", "Dark")),
                ),
            )
        )
        self._add(
            OptionalNumberEditor(
                "font_size",
                lowest=MIN_FONT_SIZE,
                highest=MAX_FONT_SIZE,
                step=1,
                decimals=0,
                unset_words=translatable("PreferencesDialog", "System"),
                suffix=translatable("PreferencesDialog", " pt"),
            )
        )
        self._page("preferencesAppearance", _PAGE_TITLES[3], ("theme", "font_size"))

    def _build_keys(self) -> None:
        page = QWidget()
        page.setObjectName("preferencesKeys")
        column = QVBoxLayout(page)
        intro = QLabel(page)
        intro.setObjectName("preferencesKeysIntro")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self._intros.append((intro, _KEYS_INTRO))
        table = QTableWidget(0, 3, page)
        table.setObjectName("keysTable")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._key_row_chosen)
        column.addWidget(table, 1)
        self.keys_table = table
        self.keyring_problem = QLabel(page)
        self.keyring_problem.setObjectName("keyringProblem")
        self.keyring_problem.setWordWrap(True)
        self.keyring_problem.hide()
        column.addWidget(self.keyring_problem)

        row = QHBoxLayout()
        self.key_edit = QLineEdit(page)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.returnPressed.connect(self._set_key)
        row.addWidget(self.key_edit, 1)
        self.set_key_button = QPushButton(page)
        self.set_key_button.setObjectName("setKeyButton")
        self.set_key_button.clicked.connect(self._set_key)
        self.check_key_button = QPushButton(page)
        self.check_key_button.setObjectName("checkKeyButton")
        self.check_key_button.clicked.connect(self._check_key)
        self.delete_key_button = QPushButton(page)
        self.delete_key_button.setObjectName("deleteKeyButton")
        self.delete_key_button.clicked.connect(self._delete_key)
        for button in (self.set_key_button, self.check_key_button, self.delete_key_button):
            row.addWidget(button)
        column.addLayout(row)
        self.key_message = QLabel(page)
        self.key_message.setObjectName("keyMessage")
        self.key_message.setWordWrap(True)
        self.key_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.key_message)
        self._key_rows: list[KeyRow] = []
        self._keys_busy = False
        self.tabs.addTab(page, _PAGE_TITLES[4])
        self._key_row_chosen()

    # -- what the glue calls ---------------------------------------------------------------------

    def show_fields(self, fields: Mapping[str, PreferenceField]) -> None:
        """Show each setting's value, origin, lock and override (after opening or saving)."""
        for name, editor in self.editors.items():
            field = fields.get(name)
            if field is None:
                editor.setEnabled(False)
                continue
            editor.show_field(field, self._extra_note(name))

    def _extra_note(self, name: str) -> str:
        """What a change of the setting ``name`` does, in the interface language ("": nothing
        to say)."""
        if name == "history":
            return words(HISTORY_NOTE).replace("%1", str(self._history_path))
        source = {
            "language": LANGUAGE_NOTE,
            "image_detail": IMAGE_DETAIL_NOTE,
            "base_url": _BASE_URL_NOTE,
        }.get(name)
        return words(source) if source else ""

    def values(self) -> dict[str, Any]:
        """What the widgets say, for the settings that can be changed here."""
        return {name: editor.value() for name, editor in self.editors.items() if editor.editable}

    def show_outcome(self, outcome: SaveOutcome) -> None:
        """A save's result: the sentence, and under each setting what it cannot take."""
        problems = dict(outcome.problems or {})
        for name, editor in self.editors.items():
            editor.show_problem(problems.get(name))
        self.message.setText(outcome.message)
        if problems:
            self._close_when_saved = False
            first = next((name for name in self.editors if name in problems), None)
            if first is not None:
                self._reveal(self.editors[first])
            return
        if self._close_when_saved:
            self._close_when_saved = False
            self.accept()

    def show_keys(self, rows: Sequence[KeyRow], busy: bool) -> None:
        """The key of each region and endpoint (masked), and whether a key operation runs."""
        chosen = self._chosen_key_row()
        self._key_rows = list(rows)
        self._keys_busy = busy
        table = self.keys_table
        table.setRowCount(len(rows))
        problems = []
        for index, row in enumerate(rows):
            none = QCoreApplication.translate("PreferencesDialog", "none", "no key")
            in_use = f"{row.masked} ({row.in_use})" if row.present else none
            stored = {
                True: QCoreApplication.translate("PreferencesDialog", "stored", "a key"),
                False: none,
                None: QCoreApplication.translate("PreferencesDialog", "cannot be read", "a key"),
            }[row.stored]
            if row.problem and row.problem not in problems:
                problems.append(row.problem)
            for column, text in enumerate((row.label, in_use, stored)):
                item = QTableWidgetItem(text)
                item.setToolTip(row.problem if column == 2 and row.problem else text)
                table.setItem(index, column, item)
        self.keyring_problem.setText(
            QCoreApplication.translate(
                "PreferencesDialog", "The OS keyring cannot be read: %1"
            ).replace("%1", "; ".join(problems))
            if problems
            else ""
        )
        self.keyring_problem.setVisible(bool(problems))
        target = 0
        if chosen is not None:
            for index, row in enumerate(rows):
                if (row.region, row.base_url) == (chosen.region, chosen.base_url):
                    target = index
        if rows:
            table.selectRow(target)
        self._key_row_chosen()

    def show_key_message(self, sentence: str) -> None:
        self.key_message.setText(sentence)

    def show_page(self, title: str) -> None:
        """Bring the page whose title (without "&") is ``title`` to the front."""
        for index in range(self.tabs.count()):
            english = _PAGE_TITLES[index] if index < len(_PAGE_TITLES) else ""
            if title in (self.tabs.tabText(index).replace("&", ""), english.replace("&", "")):
                self.tabs.setCurrentIndex(index)

    # -- intent ----------------------------------------------------------------------------------

    def apply(self) -> None:
        self.message.setText(QCoreApplication.translate("PreferencesDialog", "Saving…"))
        self.saveRequested.emit(self.values())

    def _ok(self) -> None:
        self._close_when_saved = True
        self.apply()

    def _chosen_key_row(self) -> KeyRow | None:
        rows = self.keys_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._key_rows):
            return None
        return self._key_rows[rows[0].row()]

    def _key_row_chosen(self) -> None:
        row = self._chosen_key_row()
        usable = row is not None and not self._keys_busy
        self.key_edit.setEnabled(usable)
        self.set_key_button.setEnabled(usable)
        self.check_key_button.setEnabled(usable and row is not None and row.present)
        self.delete_key_button.setEnabled(usable and row is not None and bool(row.stored))

    def _set_key(self) -> None:
        row = self._chosen_key_row()
        key = self.key_edit.text()
        self.key_edit.clear()  # the key leaves the dialog at once
        if row is None or not key.strip():
            self.show_key_message(
                QCoreApplication.translate(
                    "PreferencesDialog", "Paste a key for the selected region first."
                )
            )
            return
        self.setKeyRequested.emit(row.region, row.base_url, key)

    def _check_key(self) -> None:
        row = self._chosen_key_row()
        if row is not None:
            self.checkKeyRequested.emit(row.region, row.base_url)

    def _delete_key(self) -> None:
        row = self._chosen_key_row()
        if row is not None:
            self.deleteKeyRequested.emit(row.region, row.base_url)

    def _reveal(self, editor: FieldEditor) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(editor):
                self.tabs.setCurrentIndex(index)
                if isinstance(page, QScrollArea):
                    page.ensureWidgetVisible(editor)
        editor.editor.setFocus()
