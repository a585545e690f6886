"""Asking for the API key of a region (or custom endpoint): none yet, or one to replace.

It says which key is in use — masked, and where it comes from: with ``DASHSCOPE_API_KEY`` set,
that variable wins over any key stored here, so the dialog says so instead of "no key".

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
        self.setWindowTitle("API key" if in_use_masked else "API key needed")
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.intro = QLabel(_intro(region, base_url, in_use_source, in_use_masked), self)
        self.intro.setObjectName("keyIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

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
        # The keyring's problem is usually the reason already given: say it once.
        if problem and problem not in where_text:
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


_ENVIRONMENT = "environment "


def _intro(region: str, base_url: str, source: str, masked_key: str) -> str:
    """Which key is in use for the target and where it comes from, or that there is none."""
    custom = region == CUSTOM_REGION
    where = f"the endpoint <b>{base_url}</b>" if custom else f"region <b>{region}</b> ({base_url})"
    if masked_key and source.startswith(_ENVIRONMENT):
        variable = source.removeprefix(_ENVIRONMENT)
        scope = "this endpoint" if custom else "this region"
        return (
            f"The key in use for {where} is <b>{masked_key}</b>, from the environment variable "
            f"<b>{variable}</b>. A key stored here is used for {scope} when that variable is "
            "unset."
        )
    if masked_key:
        return (
            f"The key in use for {where} is <b>{masked_key}</b> ({source}). "
            "A key saved here replaces it."
        )
    bound = (
        ""
        if custom
        else "<br>Keys are bound to their region: a Beijing key does not work in Singapore "
        "and the other way round."
    )
    return f"There is no Model Studio API key for {where}.{bound}"
