"""Asking for the API key of a region that has none.

The dialog only collects the key and says where it will be kept; storing it is the controller's
job (the OS keyring, or this session's memory when there is no keyring — never a file). It is
opened with ``open()``, not ``exec()``: a nested event loop would re-enter the qasync loop.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
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
        self, region: str, base_url: str, problem: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyDialog")
        self.setWindowTitle("API key needed")
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        where = (
            f"the endpoint <b>{base_url}</b>"
            if region == CUSTOM_REGION
            else f"region <b>{region}</b> ({base_url})"
        )
        intro = QLabel(
            f"There is no Model Studio API key for {where}.<br>"
            "Keys are bound to their region: a Beijing key does not work in Singapore and the "
            "other way round.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setAccessibleName("keyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("sk-…")
        self.key_edit.textChanged.connect(self._validate)
        form.addRow("API key", self.key_edit)
        self.show_key = QCheckBox("Show the key", self)
        self.show_key.toggled.connect(
            lambda on: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        form.addRow("", self.show_key)
        layout.addLayout(form)

        status = keyring_status()
        env = " or ".join(env_var_names(region))
        if status.available:
            where_text = f"The key is saved in the OS keyring ({status.backend}), nowhere else."
        else:
            where_text = (
                "<b>No OS keyring is available</b>"
                + (f" ({status.reason})" if status.reason else "")
                + ". The key is kept in memory for this session only and is forgotten when the "
                f"app quits. To keep using it, set the environment variable {env}."
            )
        if problem:
            where_text += f"<br>The keyring reported: {problem}"
        self.storage_note = QLabel(where_text, self)
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
        self._region = region
        self._validate()

    def _validate(self) -> None:
        text = self.key_edit.text().strip()
        usable = bool(text) and not any(ch.isspace() for ch in text)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(usable)
        if text and not usable:
            self.hint.setText("A key is one word without spaces.")
        elif text and self._region != CUSTOM_REGION and not looks_like_dashscope_key(text):
            self.hint.setText(
                "Model Studio keys usually look like sk-… followed by letters and digits."
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
