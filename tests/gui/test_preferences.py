"""Preferences in the window: File ▸ Preferences… (Ctrl+,; the application menu on macOS) opens
``preferencesDialog``; what it saves goes to the user file with its comments, and what can change
while the window runs changes at once (theme, font size, the send key, region and model).

GIVEN the real window with real settings files in the test's folder and the in-memory keyring
WHEN the person opens Preferences, changes values and presses OK or Apply THEN the file, the
window and the dialog show it; a value a setting cannot take, or a locked one, is refused with a
sentence and nothing is written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.images.budget import ECONOMY_TOKENS
from qwenvl_desktop.core.keys import KEYRING_SERVICE
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.preferences import PreferencesDialog
from qwenvl_desktop.gui.preferences.fields import (
    ChoiceEditor,
    OptionalNumberEditor,
    TextEditor,
)
from qwenvl_desktop.gui.theme import apply_theme, is_dark
from qwenvl_desktop.gui.transcript.colours import contrast_ratio
from tests.conftest import TEST_KEY
from tests.core.keys.support import MemoryKeyring
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory, make_image

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


# -- what used to wait for the next start --------------------------------------------------------


def saved(qtbot: QtBot, dialog: PreferencesDialog, **values: object) -> None:
    """Set ``values`` in the dialog's editors and press Apply; wait for the saved message."""
    for name, value in values.items():
        dialog.editors[name].set_value(value)
    press(dialog, QDialogButtonBox.StandardButton.Apply)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Saved to"), timeout=5000)


def test_the_dialog_says_no_setting_waits_for_the_next_start(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "next start" not in notes
    connection = dialog.findChild(QLabel, "preferencesConnectionIntro")
    assert connection is not None and "from the next request" in connection.text()
    history = dialog.editors["history"].note.text()
    assert str(window.controller.history.path) in history and "stays on disk" in history
    assert "switches as soon as" in dialog.editors["language"].note.text()
    assert "token estimate" in dialog.editors["image_detail"].note.text()


def test_history_off_and_on_in_preferences_shows_in_the_sidebar_and_keeps_the_file(
    make_window: WindowFactory, qtbot: QtBot, server: LoopbackDashScope
) -> None:
    # GIVEN the window with its history on, one conversation in the real SQLite file
    window = make_window("--base-url", server.base_url())
    sync, side = window.controller.history, window.history_sidebar
    path = sync.path
    assert path is not None
    window.prompt.setPlainText("first, kept")
    window.send()
    qtbot.waitUntil(lambda: not window.controller.busy and side.list.count() > 0, timeout=10_000)
    size = path.stat().st_size

    # WHEN history is turned off in Preferences
    dialog = open_dialog(qtbot, window)
    saved(qtbot, dialog, history=False)

    # THEN the sidebar says so, nothing more is written, and the file stays
    qtbot.waitUntil(lambda: side.message.isVisible() and not side.list.isVisible(), timeout=5000)
    assert "History is off" in side.message.text()
    assert not sync.enabled and path.exists()
    window.prompt.setPlainText("second, not saved")
    window.send()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10_000)
    with contextlib.closing(sqlite3.connect(path)) as db:
        questions = [row[0] for row in db.execute("SELECT question FROM exchanges")]
    assert questions == ["first, kept"] and path.stat().st_size >= size

    # WHEN it is turned on again THEN the list is back, with the conversation shown saved whole
    saved(qtbot, dialog, history=True)
    qtbot.waitUntil(lambda: side.list.isVisible() and side.list.count() > 0, timeout=5000)
    assert sync.enabled and sync.path == path
    with contextlib.closing(sqlite3.connect(path)) as db:
        questions = [row[0] for row in db.execute("SELECT question FROM exchanges")]
    assert sorted(questions) == ["first, kept", "second, not saved"]


def test_image_detail_in_preferences_prepares_the_draft_again_and_new_images_use_it(
    make_window: WindowFactory, qtbot: QtBot, server: LoopbackDashScope, tmp_path: Path
) -> None:
    # GIVEN two images attached at the standard detail, one of them set to High on its card
    window = make_window("--base-url", server.base_url("echo"), "--model", "qwen3-vl-plus")
    draft, pane = window.draft, window.image_pane
    draft.add_sources([make_image(tmp_path / f"{n}.png", (3000, 2000), "white") for n in "ab"])
    qtbot.waitUntil(
        lambda: len(draft.attachments()) == 2 and not draft.pending_count(), timeout=10_000
    )
    chosen = draft.items()[1]
    draft.set_detail(chosen.id, "high")
    qtbot.waitUntil(lambda: not draft.pending_count(), timeout=10_000)
    before = draft.image_tokens()
    assert f"≈{before:,} image tokens" in pane.summary.text()

    # WHEN Preferences set the image detail to Economy
    dialog = open_dialog(qtbot, window)
    saved(qtbot, dialog, image_detail="economy")

    # THEN the image nobody chose a detail for is prepared again, the chosen one stays, and the
    # pane's estimate follows
    qtbot.waitUntil(
        lambda: not draft.pending_count() and draft.attachments()[0].detail == "economy",
        timeout=10_000,
    )
    economy, high = draft.attachments()
    assert high.detail == "high" and economy.estimated_tokens <= ECONOMY_TOKENS + 2
    assert draft.image_tokens() < before
    assert f"≈{draft.image_tokens():,} image tokens" in pane.summary.text()

    # AND a new image comes in at Economy
    draft.add_sources([make_image(tmp_path / "c.png", (3000, 2000), "white")])
    qtbot.waitUntil(
        lambda: len(draft.attachments()) == 3 and not draft.pending_count(), timeout=10_000
    )
    assert draft.attachments()[2].detail == "economy"


def link_colours_of(label: QLabel) -> list[QColor]:
    """The colours of a rich-text label's links, as its text gives them."""
    document = QTextDocument()
    document.setHtml(label.text())
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char = fragments.fragment().charFormat()
            if char.isAnchor() and char.foreground().style() != Qt.BrushStyle.NoBrush:
                found.append(char.foreground().color())
            fragments += 1
        block = block.next()
    return found


def test_the_welcome_link_is_readable_after_the_theme_changes_while_it_is_shown(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    # GIVEN the welcome (no key anywhere) in the light theme
    window = make_window(key=None)
    qtbot.waitUntil(lambda: window.welcome is not None and window.welcome.isVisible(), timeout=5000)
    welcome = window.welcome
    assert welcome is not None
    hint = welcome.findChild(QLabel, "welcomeRegionHint")
    assert isinstance(hint, QLabel)

    def readable() -> bool:
        colours = welcome.colours()
        links = link_colours_of(hint)
        return bool(links) and all(
            contrast_ratio(colour, colours.base) >= 4.5 and colour == colours.link
            for colour in links
        )

    assert readable()
    light = link_colours_of(hint)[0].name()

    # WHEN dark is chosen in Preferences THEN the link takes a colour readable on the dark base
    dialog = open_dialog(qtbot, window)
    dialog.editors["theme"].set_value("dark")
    press(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: is_dark(welcome.palette()), timeout=5000)
    qtbot.waitUntil(readable, timeout=5000)
    assert link_colours_of(hint)[0].name() not in (light, "#0000ff")
    dim = welcome.findChild(QLabel, "welcomeStorageNote")
    assert isinstance(dim, QLabel)
    colours = welcome.colours()
    assert contrast_ratio(dim.palette().color(dim.foregroundRole()), colours.base) >= 4.5


def test_the_placeholders_name_the_send_key_chosen_in_preferences(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(key=None)
    qtbot.waitUntil(lambda: window.welcome is not None, timeout=5000)
    welcome = window.welcome
    assert welcome is not None
    assert "press Ctrl+Enter" in window.transcript.placeholderText()
    assert "press Ctrl+Enter" in welcome.intro.text()

    dialog = open_dialog(qtbot, window)
    saved(qtbot, dialog, send_with="enter")

    assert "press Enter." in window.transcript.placeholderText()
    assert "Ctrl+Enter" not in window.transcript.placeholderText()
    assert "press Enter," in welcome.intro.text()
    assert window.prompt.placeholderText().startswith("Ask about the images…  (Enter to send")
    assert window.send_button.toolTip() == "Send (Enter)"


def test_the_batch_tool_and_key_checks_take_the_saved_connection(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """The chat service's client is not the only one: a batch run and the welcome's key check
    make their own from the chat service's settings, so those carry the saved connection."""
    window = make_window()
    dialog = open_dialog(qtbot, window)
    saved(qtbot, dialog, proxy="http://proxy.example:3128", connect_timeout=3.0)
    wanted = (window.controller.settings.proxy, window.controller.settings.connect_timeout)
    assert wanted == ("http://proxy.example:3128", 3.0)
    batch = window.batch_tool.settings_for(window.controller.model).client_settings()
    assert (batch.proxy, batch.connect_timeout) == wanted
