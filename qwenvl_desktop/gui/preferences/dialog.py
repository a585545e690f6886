"""The Preferences dialog (``preferencesDialog``): pages of settings and the keys per region.

It shows what :class:`~qwenvl_desktop.services.preferences.PreferencesService` says (values,
origins, locks, key rows) and emits what the person asks for: :attr:`saveRequested` with the
values of its widgets, :attr:`setKeyRequested`, :attr:`checkKeyRequested`,
:attr:`deleteKeyRequested`. It never reads or writes a file or the keyring; the typed key goes
out with the signal and the field is emptied at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
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

#: the interface languages offered (None: the system's)
LANGUAGE_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, "System language"),
    ("en", "English"),
    ("ja", "日本語"),
    ("zh_CN", "简体中文"),
)

#: what the language setting does today, said plainly
LANGUAGE_NOTE = (
    "Saved in your settings for the interface translations; the window itself is shown in "
    "English until they are added."
)

#: what turning the history on or off does, and that the file stays
HISTORY_NOTE = (
    "Kept in {path}. Turned off: nothing more is saved and the file is closed; it stays on "
    "disk with its conversations, which come back when the history is turned on again (the "
    "conversation shown is then saved too)."
)

#: when the connection settings apply
CONNECTION_NOTE = (
    "Proxy, certificates and timeouts apply from the next request; an answer being written "
    "finishes on the connection it started with."
)

#: what the image detail setting changes in the images being attached
IMAGE_DETAIL_NOTE = (
    "New images get it, and so do the images attached now whose detail was not chosen on their "
    "card (prepared again: the token estimate follows)."
)

_LABELS = {
    "language": "Interface language",
    "send_with": "Send the question with",
    "history": "History",
    "region": "Region",
    "base_url": "Custom endpoint",
    "proxy": "Proxy",
    "ca_bundle": "CA certificates",
    "connect_timeout": "Connect timeout",
    "read_timeout": "Answer timeout",
    "stream_read_timeout": "Longest silence in a stream",
    "model": "Default model",
    "image_detail": "Image detail",
    "system_prompt": "System prompt",
    "temperature": "Temperature",
    "top_p": "top_p",
    "max_tokens": "Max tokens",
    "theme": "Theme",
    "font_size": "Font size",
}


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
        self.setWindowTitle("Preferences")
        self.setAccessibleName("preferencesDialog")
        self._close_when_saved = False
        self._history_path = history_path
        self.editors: dict[str, FieldEditor] = {}

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
        where = QLabel(f"Your settings file: {user_file}", self)
        where.setObjectName("preferencesUserFile")
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
        self.resize(640, 560)

    # -- pages -----------------------------------------------------------------------------------

    def _page(
        self, object_name: str, title: str, names: Sequence[str], intro: str = ""
    ) -> QFormLayout:
        content = QWidget()
        column = QVBoxLayout(content)
        if intro:
            note = QLabel(intro, content)
            note.setObjectName(f"{object_name}Intro")
            note.setWordWrap(True)
            column.addWidget(note)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # rows keep their height; the room left stays below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in names:
            editor = self.editors[name]
            label = QLabel(_LABELS[name], content)
            label.setBuddy(editor.editor)
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
                    ("ctrl_enter", "Ctrl+Enter (Enter starts a new line)"),
                    ("enter", "Enter (Shift+Enter starts a new line)"),
                ),
            )
        )
        self._add(FlagEditor("history", "Keep a history of the conversations on this computer"))
        self._page("preferencesGeneral", "&General", ("language", "send_with", "history"))

    def _build_connection(self, regions: Sequence[tuple[str, str]]) -> None:
        self._add(ChoiceEditor("region", [(r, f"{label} — {r}") for r, label in regions]))
        self._add(TextEditor("base_url", "Empty: the region's endpoint"))
        self._add(ProxyEditor("proxy", "Empty: the environment's proxy settings, else direct"))
        self._add(TextEditor("ca_bundle", "system, certifi, or the path of a PEM file"))
        for name in ("connect_timeout", "read_timeout", "stream_read_timeout"):
            self._add(SecondsEditor(name, MAX_TIMEOUT))
        self._page(
            "preferencesConnection",
            "&Connection",
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
                    ("standard", "Standard (the model's usual budget)"),
                    ("high", "High (more pixels, more tokens)"),
                    ("economy", "Economy (fewer tokens)"),
                ),
            )
        )
        self._add(LongTextEditor("system_prompt", "Empty: no system prompt"))
        self._add(
            OptionalNumberEditor(
                "temperature",
                lowest=0.0,
                highest=1.99,
                step=0.1,
                decimals=2,
                unset_words="Model's default",
            )
        )
        self._add(
            OptionalNumberEditor(
                "top_p",
                lowest=0.05,
                highest=1.0,
                step=0.05,
                decimals=2,
                unset_words="Model's default",
            )
        )
        self._add(
            OptionalNumberEditor(
                "max_tokens",
                lowest=1,
                highest=1_000_000,
                step=256,
                decimals=0,
                unset_words="Model's limit",
                suffix=" tokens",
            )
        )
        self._page(
            "preferencesModel",
            "&Model",
            ("model", "image_detail", "system_prompt", "temperature", "top_p", "max_tokens"),
        )

    def _build_appearance(self) -> None:
        self._add(
            ChoiceEditor(
                "theme",
                (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")),
            )
        )
        self._add(
            OptionalNumberEditor(
                "font_size",
                lowest=MIN_FONT_SIZE,
                highest=MAX_FONT_SIZE,
                step=1,
                decimals=0,
                unset_words="System",
                suffix=" pt",
            )
        )
        self._page("preferencesAppearance", "&Appearance", ("theme", "font_size"))

    def _build_keys(self) -> None:
        page = QWidget()
        page.setObjectName("preferencesKeys")
        column = QVBoxLayout(page)
        intro = QLabel(
            "A key belongs to one region (or endpoint). Keys are kept in the OS keyring, never "
            "in a file, and only shown masked. DASHSCOPE_API_KEY_<REGION> and DASHSCOPE_API_KEY "
            "in the environment win over the keyring.",
            page,
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        table = QTableWidget(0, 3, page)
        table.setObjectName("keysTable")
        table.setHorizontalHeaderLabels(["Region or endpoint", "Key in use", "In the keyring"])
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
        self.key_edit.setPlaceholderText("Paste a new key for the selected row")
        self.key_edit.setAccessibleName("New API key")
        self.key_edit.returnPressed.connect(self._set_key)
        row.addWidget(self.key_edit, 1)
        self.set_key_button = QPushButton("&Save key", page)
        self.set_key_button.setObjectName("setKeyButton")
        self.set_key_button.clicked.connect(self._set_key)
        self.check_key_button = QPushButton("C&heck", page)
        self.check_key_button.setObjectName("checkKeyButton")
        self.check_key_button.setToolTip(
            "Ask the endpoint whether the key in use works (GET /models)"
        )
        self.check_key_button.clicked.connect(self._check_key)
        self.delete_key_button = QPushButton("&Delete", page)
        self.delete_key_button.setObjectName("deleteKeyButton")
        self.delete_key_button.setToolTip("Remove the key from the OS keyring")
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
        self.tabs.addTab(page, "&Keys")
        self._key_row_chosen()

    # -- what the glue calls ---------------------------------------------------------------------

    def show_fields(self, fields: Mapping[str, PreferenceField]) -> None:
        """Show each setting's value, origin, lock and override (after opening or saving)."""
        for name, editor in self.editors.items():
            field = fields.get(name)
            if field is None:
                editor.setEnabled(False)
                continue
            extra = ""
            if name == "language":
                extra = LANGUAGE_NOTE
            elif name == "history":
                extra = HISTORY_NOTE.format(path=self._history_path)
            elif name == "image_detail":
                extra = IMAGE_DETAIL_NOTE
            elif name == "base_url":
                extra = "A custom endpoint replaces the region's."
            editor.show_field(field, extra)

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
            in_use = f"{row.masked} ({row.in_use})" if row.present else "none"
            stored = {True: "stored", False: "none", None: "cannot be read"}[row.stored]
            if row.problem and row.problem not in problems:
                problems.append(row.problem)
            for column, text in enumerate((row.label, in_use, stored)):
                item = QTableWidgetItem(text)
                item.setToolTip(row.problem if column == 2 and row.problem else text)
                table.setItem(index, column, item)
        self.keyring_problem.setText(
            "The OS keyring cannot be read: " + "; ".join(problems) if problems else ""
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
            if self.tabs.tabText(index).replace("&", "") == title:
                self.tabs.setCurrentIndex(index)

    # -- intent ----------------------------------------------------------------------------------

    def apply(self) -> None:
        self.message.setText("Saving…")
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
            self.show_key_message("Paste a key for the selected region first.")
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
