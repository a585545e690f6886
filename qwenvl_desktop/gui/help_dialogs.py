"""Help ▸ Keyboard shortcuts and Help ▸ About.

The shortcuts list is read from the window's own actions when it opens, so it cannot drift from
what the keys do. About says which versions run and where the app keeps its files — what a person
needs to report a problem or find their settings.
"""

from __future__ import annotations

import html
import platform
import re
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop import __version__

__all__ = ["about_html", "shortcut_rows", "show_about", "show_shortcuts"]

LICENCE = "Apache-2.0"

#: a Japanese or Chinese accelerator, "(&F)" at the end of the words: not part of the name
_CJK_ACCELERATOR = re.compile(r"\s*\(&[^)]\)")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` with a shortcut, sorted by what it does."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = [
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if not s.isEmpty()
        ]
        name = _CJK_ACCELERATOR.sub("", action.text()).replace("&", "").rstrip(".…").strip()
        if keys and name:
            rows[name] = ", ".join(keys)
    return sorted(rows.items(), key=lambda row: row[0].lower())


def show_shortcuts(window: QMainWindow) -> QDialog:
    """A non-modal dialog (``shortcutsDialog``) listing the window's keyboard shortcuts."""
    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    rows = shortcut_rows(window)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("ShortcutsDialog", "Action"),
            QCoreApplication.translate("ShortcutsDialog", "Keys"),
        ]
    )
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(480, min(640, 90 + 26 * len(rows)))
    dialog.show()
    return dialog


def about_html() -> str:
    """Version, the Qt it runs on, where the settings and history are, and the licence."""
    import PySide6
    from PySide6.QtCore import qVersion

    from qwenvl_desktop.core.history.database import default_path
    from qwenvl_desktop.core.settings.files import default_locations

    places = default_locations()
    translate = QCoreApplication.translate

    def row(name: str, value: str) -> str:
        return f"<tr><td>{name}</td><td>{html.escape(value)}</td></tr>"

    return (
        f"<p><b>Qwen-VL Desktop</b> {__version__}<br>"
        + translate(
            "AboutDialog",
            "Ask Alibaba Cloud Model Studio's Qwen vision-language models about images: drop,"
            " paste or capture them, ask, and watch the answer stream in.",
        )
        + "</p><table cellspacing='4'>"
        + row("Qt", qVersion())
        + row("PySide6", PySide6.__version__)
        + row("Python", f"{platform.python_version()} ({sys.platform})")
        + row(translate("AboutDialog", "User settings"), str(places.user))
        + row(translate("AboutDialog", "System settings"), str(places.system))
        + row(translate("AboutDialog", "History"), str(default_path()))
        + row(
            translate("AboutDialog", "Licence"),
            translate("AboutDialog", "%1; Qt and PySide6 under the LGPLv3").replace("%1", LICENCE),
        )
        + "</table><p>"
        + translate(
            "AboutDialog",
            "No telemetry, no update check: the app connects only to the endpoint you configure.",
        )
        + "</p>"
    )


def show_about(parent: QWidget) -> QDialog:
    """The About dialog (``aboutDialog``), non-modal."""
    dialog = QDialog(parent)
    dialog.setObjectName("aboutDialog")
    dialog.setWindowTitle(QCoreApplication.translate("AboutDialog", "About Qwen-VL Desktop"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    text = QLabel(about_html(), dialog)
    text.setObjectName("aboutText")
    text.setWordWrap(True)
    text.setOpenExternalLinks(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(560, dialog.sizeHint().height())
    dialog.show()
    return dialog
