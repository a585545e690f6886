"""The interface in Japanese and Simplified Chinese: the first slice (the window's menus and
actions, Send/Stop, the prompt's placeholder, Preferences), chosen by the setting and switched
live from Preferences; Qt's own buttons follow; Qt reads the catalogs as the core does.

GIVEN the real window (settings and keyring isolated by tests/gui/conftest.py) WHEN the language
comes from the environment or is chosen in Preferences THEN the open window says its words in it,
without a restart. Every test puts English back.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.i18n import catalog_path, current_language
from qwenvl_desktop.gui.i18n import install_language, installed_language
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.preferences import PreferencesDialog
from qwenvl_desktop.gui.preferences.fields import ChoiceEditor
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory
from .test_window import ask, wait_idle

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

#: what the slice shows, per language: menu titles, some actions, Send and Stop
EXPECTED = {
    "ja": {
        "menus": ["ファイル(&F)", "会話(&C)", "表示(&V)", "ヘルプ(&H)"],
        "preferences": "設定(&F)…",
        "new": "新しい会話(&N)",
        "send": "送信",
        "stop": "停止",
        "placeholder": "画像について質問を入力…",
        "dialog": "設定",
        "cancel": "キャンセル",
        "general": "一般(&G)",
        "language_label": "表示言語",
    },
    "zh_CN": {
        "menus": ["文件(&F)", "对话(&C)", "视图(&V)", "帮助(&H)"],
        "preferences": "首选项(&F)…",
        "new": "新建对话(&N)",
        "send": "发送",
        "stop": "停止",
        "placeholder": "输入关于图片的问题…",
        "dialog": "首选项",
        "cancel": "取消",
        "general": "常规(&G)",
        "language_label": "界面语言",
    },
}


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication, qtbot: QtBot) -> Iterator[None]:
    locale = QLocale()
    yield
    # never outlives the test: the rest of the suite reads English, in the locale it had
    install_language("en")
    QLocale.setDefault(locale)


def menu_titles(window: MainWindow) -> list[str]:
    return [
        window.file_menu.title(),
        window.conversation_menu.title(),
        window.view_menu.title(),
        window.help_menu.title(),
    ]


def assert_window_in(window: MainWindow, language: str) -> None:
    expected = EXPECTED[language]
    assert menu_titles(window) == expected["menus"]
    assert window.preferences_action.text() == expected["preferences"]
    assert window.new_action.text() == expected["new"]
    assert window.send_button.text() == expected["send"]
    assert window.stop_button.text() == expected["stop"]
    assert window.prompt.placeholderText().startswith(expected["placeholder"])
    assert "Ctrl+Enter" in window.send_button.toolTip()  # the key's name stays as it is


def open_preferences(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    action = window.findChild(QAction, "actionPreferences")
    assert isinstance(action, QAction)
    action.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def button_text(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> str:
    button = dialog.buttons.button(which)
    assert button is not None
    return button.text()


@pytest.mark.parametrize("language", ["ja", "zh_CN"])
def test_the_environment_setting_builds_the_window_in_its_language(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("QWENVL_DESKTOP_LANGUAGE", language)
    window = make_window()
    assert installed_language() == language and current_language() == language
    assert_window_in(window, language)
    # figures and dates follow the chosen language (gui/locale_format.py reads QLocale())
    assert QLocale().name() == QLocale(language).name()


@pytest.mark.parametrize("language", ["ja", "zh_CN"])
def test_preferences_is_shown_in_the_language_with_qts_own_buttons(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("QWENVL_DESKTOP_LANGUAGE", language)
    window = make_window()
    dialog = open_preferences(qtbot, window)
    expected = EXPECTED[language]
    assert dialog.windowTitle() == expected["dialog"]
    assert dialog.tabs.tabText(0) == expected["general"]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert expected["language_label"] in labels
    # Qt's catalog (qtbase_<language>.qm) translates the standard buttons
    assert button_text(dialog, QDialogButtonBox.StandardButton.Cancel) == expected["cancel"]
    # the language names stay in their own language
    language_editor = dialog.editors["language"]
    assert isinstance(language_editor, ChoiceEditor)
    names = [language_editor.combo.itemText(i) for i in range(language_editor.combo.count())]
    assert names[1:] == ["English", "日本語", "简体中文"]


def test_choosing_a_language_in_preferences_retranslates_the_open_window(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the window in English with Preferences open
    monkeypatch.delenv("QWENVL_DESKTOP_LANGUAGE", raising=False)
    window = make_window()
    dialog = open_preferences(qtbot, window)
    assert window.file_menu.title() == "&File"
    assert button_text(dialog, QDialogButtonBox.StandardButton.Cancel) == "Cancel"
    language = dialog.editors["language"]

    # WHEN Japanese is chosen and applied
    language.set_value("ja")
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    assert apply is not None
    apply.click()

    # THEN the open window, the dialog and Qt's buttons switch, without a restart
    qtbot.waitUntil(lambda: window.file_menu.title() == "ファイル(&F)", timeout=5000)
    assert_window_in(window, "ja")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "設定", timeout=5000)
    assert button_text(dialog, QDialogButtonBox.StandardButton.Cancel) == "キャンセル"
    assert dialog.editors["language"].note.text().startswith("設定を保存すると")
    settings_file = Path(os.environ["QWENVL_DESKTOP_CONFIG"])
    assert 'language = "ja"' in settings_file.read_text(encoding="utf-8")

    # WHEN Simplified Chinese, then English, are chosen
    language.set_value("zh_CN")
    apply.click()
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)", timeout=5000)
    assert_window_in(window, "zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "首选项", timeout=5000)
    language.set_value("en")
    apply.click()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5000)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Preferences", timeout=5000)
    assert window.send_button.text() == "Send"
    assert button_text(dialog, QDialogButtonBox.StandardButton.Cancel) == "Cancel"
    assert QLocale().name() == QLocale("en").name()  # chosen: its figures

    # WHEN the system's language is chosen again THEN the figures follow the system's locale
    language.set_value(None)
    apply.click()
    qtbot.waitUntil(lambda: QLocale().name() == QLocale.system().name(), timeout=5000)


@pytest.mark.parametrize("language", ["ja", "zh_CN"])
def test_qt_reads_every_message_as_the_catalog_says(qapp: QApplication, language: str) -> None:
    translator = QTranslator()
    assert translator.load(str(catalog_path(language)))
    root = ET.parse(ROOT / "resources" / "translations" / f"qwenvl_desktop_{language}.ts").getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment")
            got = translator.translate(name, source, comment)
            assert got == message.findtext("translation"), (name, source)


def test_the_turns_already_shown_are_written_again_in_the_new_language(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    # GIVEN a question asked and answered in the English window
    window = make_window("--base-url", server.base_url("echo"))
    ask(qtbot, window, "What is in the picture?")
    wait_idle(qtbot, window)
    assert "You" in window.transcript.toPlainText()
    # WHEN the interface switches to Japanese
    install_language("ja")
    # THEN the turn is written again in Japanese: its labels, with the question kept as asked
    qtbot.waitUntil(lambda: "あなた" in window.transcript.toPlainText(), timeout=5000)
    text = window.transcript.toPlainText()
    assert "What is in the picture?" in text and "\nYou\n" not in f"\n{text}"
    # AND back in English when switched back
    install_language("en")
    qtbot.waitUntil(lambda: "あなた" not in window.transcript.toPlainText(), timeout=5000)
    assert window.transcript.toPlainText().startswith("You")
