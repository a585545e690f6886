"""Asking for the API key of a region (or custom endpoint): none yet, or one to replace.

It says which key is in use — masked, and where it comes from: with ``DASHSCOPE_API_KEY`` set,
that variable wins over any key stored here, so the dialog says so instead of "no key".

The dialog only collects the key and says where it will be kept; storing it is the controller's
job (the OS keyring, or this session's memory when there is no keyring — never a file). It is
opened with ``open()``, not ``exec()``: a nested event loop would re-enter the qasync loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.keys import env_var_names, keyring_status, looks_like_dashscope_key
from qwenvl_desktop.core.protocol import CUSTOM_REGION

__all__ = ["KeyDialog"]


class KeyDialog(QDialog):
    #: the key as typed (whitespace trimmed); emitted on Save
    keyEntered = Signal(str)

    def __init__(
        self,
        region: str,
        base_url: str,
        problem: str | None = None,
        parent: QWidget | None = None,
        *,
        in_use_source: str = "",
        in_use_masked: str = "",
    ) -> None:
        """``in_use_source``/``in_use_masked``: the key in use now (``KeyState.source`` and
        ``.masked``: "environment DASHSCOPE_API_KEY", "sk-…f3a9"); empty when there is none."""
        super().__init__(parent)
        self.setObjectName("keyDialog")
        self._region = region
        self._base_url = base_url
        self._problem = problem
        self._in_use_source = in_use_source
        self._in_use_masked = in_use_masked
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("keyIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self._form = form = QFormLayout()
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setAccessibleName("keyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("sk-…")
        self.key_edit.textChanged.connect(self._validate)
        self._key_label = QLabel(self)
        form.addRow(self._key_label, self.key_edit)
        self.show_key = QCheckBox(self)
        self.show_key.toggled.connect(
            lambda on: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        form.addRow("", self.show_key)
        layout.addLayout(form)

        self.storage_note = QLabel(self)
        self.storage_note.setObjectName("keyStorageNote")
        self.storage_note.setWordWrap(True)
        layout.addWidget(self.storage_note)

        self.hint = QLabel("", self)
        self.hint.setObjectName("keyHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The dialog's words in the interface language (again on each language change)."""
        translate = QCoreApplication.translate
        self.setWindowTitle(
            translate("KeyDialog", "API key")
            if self._in_use_masked
            else translate("KeyDialog", "API key needed")
        )
        self.intro.setText(
            _intro(self._region, self._base_url, self._in_use_source, self._in_use_masked)
        )
        self._key_label.setText(translate("KeyDialog", "API key"))
        self.show_key.setText(translate("KeyDialog", "Show the key"))
        self.storage_note.setText(_storage_note(self._region, self._problem))
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _validate(self) -> None:
        translate = QCoreApplication.translate
        text = self.key_edit.text().strip()
        usable = bool(text) and not any(ch.isspace() for ch in text)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(usable)
        if text and not usable:
            self.hint.setText(translate("KeyDialog", "A key is one word without spaces."))
        elif text and self._region != CUSTOM_REGION and not looks_like_dashscope_key(text):
            self.hint.setText(
                translate(
                    "KeyDialog",
                    "Model Studio keys usually look like sk-… followed by letters and digits.",
                )
            )
        else:
            self.hint.setText("")

    def _save(self) -> None:
        key = self.key_edit.text().strip()
        if not key:
            return
        self.keyEntered.emit(key)
        self.key_edit.clear()
        self.accept()


_ENVIRONMENT = "environment "


def _storage_note(region: str, problem: str | None) -> str:
    """Where the key will be kept: the OS keyring, or (without one) this session's memory."""
    translate = QCoreApplication.translate
    status = keyring_status()
    if status.available:
        where_text = translate(
            "KeyDialog", "The key is saved in the OS keyring (%1), nowhere else."
        ).replace("%1", status.backend)
    else:
        env = translate("KeyDialog", " or ").join(env_var_names(region))
        title = (
            translate("KeyDialog", "<b>No OS keyring is available</b> (%1).").replace(
                "%1", status.reason
            )
            if status.reason
            else translate("KeyDialog", "<b>No OS keyring is available</b>.")
        )
        where_text = title + translate(
            "KeyDialog",
            " The key is kept in memory for this session only and is forgotten when the app"
            " quits. To keep using it, set the environment variable %1.",
        ).replace("%1", env)
    # The keyring's problem is usually the reason already given: say it once.
    if problem and problem not in where_text:
        where_text += translate("KeyDialog", "<br>The keyring reported: %1").replace("%1", problem)
    return where_text


def _intro(region: str, base_url: str, source: str, masked_key: str) -> str:
    """Which key is in use for the target and where it comes from, or that there is none."""
    translate = QCoreApplication.translate
    custom = region == CUSTOM_REGION
    where = (
        translate("KeyDialog", "the endpoint <b>%1</b>").replace("%1", base_url)
        if custom
        else translate("KeyDialog", "region <b>%1</b> (%2)")
        .replace("%2", base_url)
        .replace("%1", region)
    )
    if masked_key and source.startswith(_ENVIRONMENT):
        variable = source.removeprefix(_ENVIRONMENT)
        sentence = (
            translate(
                "KeyDialog",
                "The key in use for %1 is <b>%2</b>, from the environment variable <b>%3</b>. A"
                " key stored here is used for this endpoint when that variable is unset.",
            )
            if custom
            else translate(
                "KeyDialog",
                "The key in use for %1 is <b>%2</b>, from the environment variable <b>%3</b>. A"
                " key stored here is used for this region when that variable is unset.",
            )
        )
        return sentence.replace("%3", variable).replace("%2", masked_key).replace("%1", where)
    if masked_key:
        return (
            translate(
                "KeyDialog",
                "The key in use for %1 is <b>%2</b> (%3). A key saved here replaces it.",
            )
            .replace("%3", source)
            .replace("%2", masked_key)
            .replace("%1", where)
        )
    if custom:
        return translate("KeyDialog", "There is no Model Studio API key for %1.").replace(
            "%1", where
        )
    return translate(
        "KeyDialog",
        "There is no Model Studio API key for %1.<br>Keys are bound to their region: a Beijing"
        " key does not work in Singapore and the other way round.",
    ).replace("%1", where)
