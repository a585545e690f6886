"""The window's menus, sidebar, tray and dialogs follow a language change while they are open.

A real ``QTranslator`` whose ``translate`` marks every text of the contexts under test
(``⟦text⟧``) stands in for a catalog: installing it makes Qt send ``LanguageChange`` to every
widget, exactly as a language chosen in Preferences does; removing it brings English back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.crash_dialog import CrashDialog
from qwenvl_desktop.gui.key_dialog import KeyDialog
from qwenvl_desktop.gui.tray import TrayIcon

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

#: the contexts this wave made translatable in the window's own parts
CONTEXTS = frozenset(
    {
        "CaptureTools",
        "CrashDialog",
        "HistoryPanel",
        "HistorySidebar",
        "KeyDialog",
        "TrayIcon",
        "TurnActionsTool",
        "BatchTool",
    }
)


class MarkingTranslator(QTranslator):
    """Every text of :data:`CONTEXTS`, marked: ``⟦&Edit⟧``."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del disambiguation, n
        return f"⟦{source}⟧" if context in CONTEXTS else ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp: QApplication, qtbot: QtBot) -> Iterator[MarkingTranslator]:
    translator = MarkingTranslator()
    yield translator
    QCoreApplication.removeTranslator(translator)
    qtbot.wait(10)


def switch(qtbot: QtBot, translator: MarkingTranslator, on: bool) -> None:
    if on:
        QCoreApplication.installTranslator(translator)
    else:
        QCoreApplication.removeTranslator(translator)
    qtbot.wait(20)  # LanguageChange is posted to every widget


def test_menus_and_sidebar_follow_a_language_change_and_come_back(
    make_window: WindowFactory, qtbot: QtBot, marking: MarkingTranslator
) -> None:
    window = make_window()
    tools = window.capture_tools
    history = window.history_panel
    english = (
        tools.edit_menu.title(),
        tools.capture_action.text(),
        history.toggle_action.text(),
        history.export_json_action.text(),
        window.history_sidebar.search_box.placeholderText(),
        window.turn_actions.edit_action.text(),
    )
    assert english == (
        "&Edit",
        "Capture &region…",
        "&History sidebar",
        "Export as &JSON…",
        "Search conversations",
        "&Edit last question",
    )

    switch(qtbot, marking, on=True)
    assert tools.edit_menu.title() == "⟦&Edit⟧"
    assert tools.tools_menu.title() == "⟦&Tools⟧"
    assert tools.capture_action.text() == "⟦Capture &region…⟧"
    assert tools.watch_indicator.text() == "⟦● Watching clipboard⟧"
    # The dock names its action after its title; the action keeps its own words.
    assert window.history_sidebar.windowTitle() == "⟦History⟧"
    assert history.toggle_action.text() == "⟦&History sidebar⟧"
    assert history.export_json_action.text() == "⟦Export as &JSON…⟧"
    assert window.history_sidebar.search_box.placeholderText() == "⟦Search conversations⟧"
    assert window.turn_actions.edit_action.text() == "⟦&Edit last question⟧"

    switch(qtbot, marking, on=False)
    assert (
        tools.edit_menu.title(),
        tools.capture_action.text(),
        history.toggle_action.text(),
        history.export_json_action.text(),
        window.history_sidebar.search_box.placeholderText(),
        window.turn_actions.edit_action.text(),
    ) == english


def test_tray_crash_and_key_dialogs_follow_a_language_change(
    qtbot: QtBot, marking: MarkingTranslator
) -> None:
    tray = TrayIcon()
    crash = CrashDialog()
    qtbot.addWidget(crash)
    key = KeyDialog("beijing", "https://dashscope.aliyuncs.com/compatible-mode/v1")
    qtbot.addWidget(key)
    assert next(a.text() for a in tray.menu().actions() if a.text()) == "Capture region"
    assert crash.copy_button.text() == "Copy details"
    assert key.windowTitle() == "API key needed"

    switch(qtbot, marking, on=True)
    assert [a.text() for a in tray.menu().actions() if a.text()] == [
        "⟦Capture region⟧",
        "⟦Capture and extract text⟧",
        "⟦Ask about clipboard⟧",
        "⟦Watch clipboard⟧",
        "⟦Show window⟧",
        "⟦Quit⟧",
    ]
    tray.set_watching(True)
    assert tray.toolTip() == "⟦Qwen-VL Desktop — watching the clipboard⟧"
    assert crash.windowTitle() == "⟦Qwen-VL Desktop — something went wrong⟧"
    assert crash.copy_button.text() == "⟦Copy details⟧"
    assert key.windowTitle() == "⟦API key needed⟧"
    # The region goes into the translated sentence (itself translated), not beside it.
    assert key.intro.text().startswith(
        "⟦There is no Model Studio API key for ⟦region <b>beijing</b> (https://"
    )

    switch(qtbot, marking, on=False)
    assert tray.toolTip() == "Qwen-VL Desktop — watching the clipboard"
    assert key.windowTitle() == "API key needed"
    assert key.intro.text().startswith("There is no Model Studio API key for region <b>beijing</b>")
    tray.deleteLater()
