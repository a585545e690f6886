"""Help ▸ Keyboard shortcuts lists what the keys do (read from the window's actions); Help ▸
About says the version, the Qt it runs on and where the settings and history are (issue 11:
"About is one line", no shortcuts list)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop import __version__

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


def test_keyboard_shortcuts_lists_every_shortcut_of_the_window(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    action = window.findChild(QAction, "actionKeyboardShortcuts")
    assert action is not None and action in window.help_menu.actions()
    action.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.findChild(QTableWidget)
    assert table is not None
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown["Send"] and shown["Stop"] == "Esc" and "Keyboard shortcuts" not in shown
    assert "Ctrl+Shift+S" in shown.values()  # capture region, from the capture tools
    expected = {
        a.text().replace("&", "").rstrip(".…").strip()
        for a in window.findChildren(QAction)
        if any(not s.isEmpty() for s in a.shortcuts()) and a.text()
    }
    assert set(shown) == expected


def test_about_says_version_qt_and_where_the_files_are(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.about_action.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    label = dialog.findChild(QLabel, "aboutText")
    assert label is not None
    text = label.text()
    assert __version__ in text and qVersion() in text
    assert os.environ["QWENVL_DESKTOP_CONFIG"] in text  # the user file this test uses
    assert "history.db" in text and "Apache-2.0" in text


def test_the_automation_names_of_the_actions(make_window: WindowFactory) -> None:
    """Issue 11's automation contract: scripts find these actions by name."""
    window = make_window()
    assert window.findChild(QAction, "actionRegenerate") is window.regenerate_action
    assert window.findChild(QAction, "actionKeyboardShortcuts") is window.shortcuts_action
