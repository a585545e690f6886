"""Preferences in the window: File ▸ Preferences… (Ctrl+,; the application menu on macOS) opens
``preferencesDialog``; what it saves goes to the user file with its comments, and what can change
while the window runs changes at once (theme, font size, the send key, region and model).

GIVEN the real window with real settings files in the test's folder and the in-memory keyring
WHEN the person opens Preferences, changes values and presses OK or Apply THEN the file, the
window and the dialog show it; a value a setting cannot take, or a locked one, is refused with a
sentence and nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.keys import KEYRING_SERVICE
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.preferences import PreferencesDialog
from qwenvl_desktop.gui.preferences.fields import (
    ChoiceEditor,
    OptionalNumberEditor,
    TextEditor,
)
from qwenvl_desktop.gui.theme import apply_theme, is_dark
from tests.conftest import TEST_KEY
from tests.core.keys.support import MemoryKeyring
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

USER_TEXT = "# mine: keep this\nhistory = true  # and this\n"
CN_KEY = "sk-preferences0123456789abcd"


@pytest.fixture(autouse=True)
def user_file(qapp: QApplication) -> Path:
    path = Path(os.environ["QWENVL_DESKTOP_CONFIG"])  # the test's own (tests/gui/conftest.py)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(USER_TEXT, encoding="utf-8")
    yield path
    apply_theme("system")  # a forced theme never outlives its test


def open_dialog(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    action = window.findChild(QAction, "actionPreferences")
    assert isinstance(action, QAction)
    action.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: dialog.keys_table.rowCount() > 0, timeout=5000)
    return dialog


def press(dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> None:
    found = dialog.buttons.button(button)
    assert found is not None
    found.click()


def test_the_action_is_in_the_file_menu_with_ctrl_comma_and_the_preferences_role(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    action = window.findChild(QAction, "actionPreferences")
    assert isinstance(action, QAction) and action.isEnabled()
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    assert action in window.file_menu.actions()

    dialog = open_dialog(qtbot, window)
    titles = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert titles == ["General", "Connection", "Model", "Appearance", "Keys"]
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    press(dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "preferencesDialog") is None, timeout=5000)
    assert Path(os.environ["QWENVL_DESKTOP_CONFIG"]).read_text(encoding="utf-8") == USER_TEXT


def test_apply_without_a_change_writes_nothing(
    make_window: WindowFactory, qtbot: QtBot, user_file: Path
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    assert window.preferences is not None
    shown = dialog.values()
    assert shown == {name: field.value for name, field in window.preferences.fields.items()}
    press(dialog, QDialogButtonBox.StandardButton.Apply)
    qtbot.waitUntil(lambda: dialog.message.text() == "Nothing changed.", timeout=5000)
    assert user_file.read_text(encoding="utf-8") == USER_TEXT
    language = dialog.editors["language"].editor
    assert isinstance(language, QComboBox) and language.currentText() == "System language"


def test_ok_saves_to_the_user_file_and_applies_theme_font_and_send_key_at_once(
    make_window: WindowFactory, qtbot: QtBot, user_file: Path
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    theme, font, send_with = (dialog.editors[n] for n in ("theme", "font_size", "send_with"))
    assert isinstance(theme, ChoiceEditor) and isinstance(send_with, ChoiceEditor)
    assert isinstance(font, OptionalNumberEditor)
    theme.set_value("dark")
    font.set_value(15)
    send_with.set_value("enter")
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    qtbot.waitUntil(lambda: window.findChild(QDialog, "preferencesDialog") is None, timeout=5000)
    text = user_file.read_text(encoding="utf-8")
    assert text.startswith(USER_TEXT)
    assert 'theme = "dark"' in text and "font_size = 15" in text and 'send_with = "enter"' in text
    qtbot.waitUntil(lambda: is_dark(window.transcript.palette()), timeout=5000)
    assert window.prompt.font().pointSize() == 15 and window.transcript.font().pointSize() == 15

    sent: list[bool] = []
    window.prompt.sendRequested.connect(lambda: sent.append(True))
    window.prompt.setFocus()
    qtbot.keyClicks(window.prompt, "first line")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.prompt, "second line")
    assert window.prompt.toPlainText() == "first line\nsecond line" and not sent
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    assert sent == [True]


def test_a_value_that_cannot_be_used_is_said_under_its_field_and_nothing_is_written(
    make_window: WindowFactory, qtbot: QtBot, user_file: Path
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    url = dialog.editors["base_url"]
    assert isinstance(url, TextEditor)
    url.line.setText("ftp://gateway.example/v1")
    dialog.editors["theme"].set_value("dark")
    press(dialog, QDialogButtonBox.StandardButton.Ok)

    qtbot.waitUntil(lambda: url.problem.isVisible(), timeout=5000)
    assert "must start with http:// or https://" in url.problem.text()
    assert dialog.isVisible()  # nothing lost: the dialog stays with what was typed
    assert url.line.text() == "ftp://gateway.example/v1"
    assert dialog.tabs.currentWidget().isAncestorOf(url)  # its page is shown
    assert dialog.message.text().startswith("Nothing was saved")
    assert user_file.read_text(encoding="utf-8") == USER_TEXT
    assert not is_dark(window.palette())


def test_a_setting_the_system_file_locks_is_read_only_with_the_reason(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_dir = tmp_path / "etc-xdg"
    (system_dir / "qwenvl-desktop").mkdir(parents=True)
    (system_dir / "qwenvl-desktop" / "config.toml").write_text(
        'temperature = 0.1\nlocked = ["temperature", "region"]\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system_dir))
    window = make_window()
    dialog = open_dialog(qtbot, window)
    for name in ("temperature", "region"):
        editor = dialog.editors[name]
        assert not editor.editor.isEnabled()
        assert "Locked by the system-wide configuration" in editor.note.text()
        assert str(system_dir) in editor.note.text()
    assert dialog.editors["top_p"].editor.isEnabled()
    assert "temperature" not in dialog.values()


def test_keys_per_region_are_set_and_deleted_and_never_shown(
    make_window: WindowFactory, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    window = make_window(key=None)  # no DASHSCOPE_API_KEY: the keyring's key is the one used
    dialog = open_dialog(qtbot, window)
    dialog.show_page("Keys")
    rows = [dialog.keys_table.item(r, 0).text() for r in range(dialog.keys_table.rowCount())]
    assert rows[:4] == ["Singapore (intl)", "Virginia (us)", "Beijing (cn)", "Hong Kong (hk)"]
    dialog.keys_table.selectRow(2)  # Beijing
    dialog.key_edit.setText(CN_KEY)
    dialog.set_key_button.click()
    assert dialog.key_edit.text() == ""  # the key left the dialog at once

    qtbot.waitUntil(lambda: (KEYRING_SERVICE, "region:cn") in memory_keyring.entries, timeout=5000)
    assert memory_keyring.entries[(KEYRING_SERVICE, "region:cn")] == CN_KEY
    qtbot.waitUntil(lambda: dialog.keys_table.item(2, 2).text() == "stored", timeout=5000)

    def everything_shown() -> str:
        labels = " ".join(label.text() + label.toolTip() for label in dialog.findChildren(QLabel))
        table = dialog.keys_table
        cells = " ".join(table.item(r, c).text() for r in range(table.rowCount()) for c in range(3))
        edits = " ".join(edit.text() for edit in dialog.findChildren(QLineEdit))
        return f"{labels} {cells} {edits}"

    assert CN_KEY not in everything_shown() and TEST_KEY not in everything_shown()
    assert CN_KEY[-4:] in dialog.keys_table.item(2, 1).text()  # masked: sk-…abcd

    dialog.delete_key_button.click()
    qtbot.waitUntil(
        lambda: (KEYRING_SERVICE, "region:cn") not in memory_keyring.entries, timeout=5000
    )
    qtbot.waitUntil(lambda: "deleted" in dialog.key_message.text(), timeout=5000)


def test_by_default_enter_starts_a_new_line_and_ctrl_enter_sends(
    make_window: WindowFactory, qtbot: QtBot, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url())
    sent: list[bool] = []
    window.prompt.sendRequested.connect(lambda: sent.append(True))
    # Ctrl+Enter is also the window's Send shortcut, which takes the key first.
    window.send_action.triggered.connect(lambda: sent.append(True))
    window.prompt.setFocus()
    qtbot.keyClicks(window.prompt, "one")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    qtbot.keyClicks(window.prompt, "two")
    assert window.prompt.toPlainText() == "one\ntwo" and not sent
    assert "Ctrl+Enter to send" in window.prompt.placeholderText()
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent
    qtbot.waitUntil(lambda: len(server.chat_requests()) == 1, timeout=5000)
    assert server.chat_requests()[0].body["messages"][-1]["content"] == "one\ntwo"
