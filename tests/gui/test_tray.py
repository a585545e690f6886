"""The tray icon's menu emits the requests the window acts on."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.tray import TrayIcon

pytestmark = pytest.mark.gui


@pytest.fixture
def tray(qapp: QApplication):
    tray = TrayIcon()
    yield tray
    tray.hide()
    tray.deleteLater()


def test_menu_actions_emit_their_signals(qtbot: QtBot, tray: TrayIcon) -> None:
    assert [a.text() for a in tray.menu().actions() if a.text()] == [
        "Capture region",
        "Capture and extract text",
        "Ask about clipboard",
        "Watch clipboard",
        "Show window",
        "Quit",
    ]
    for action, signal in (
        (tray.capture_action, tray.captureRequested),
        (tray.capture_text_action, tray.captureTextRequested),
        (tray.ask_clipboard_action, tray.askClipboardRequested),
        (tray.show_action, tray.showRequested),
        (tray.quit_action, tray.quitRequested),
    ):
        with qtbot.waitSignal(signal, timeout=500):
            action.trigger()


def test_click_shows_and_middle_click_captures(qtbot: QtBot, tray: TrayIcon) -> None:
    with qtbot.waitSignal(tray.showRequested, timeout=500):
        tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.waitSignal(tray.captureRequested, timeout=500):
        tray.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)


def test_watch_state_is_shown_without_echo(qtbot: QtBot, tray: TrayIcon) -> None:
    toggled: list[bool] = []
    tray.watchToggled.connect(toggled.append)
    tray.set_watching(True)
    assert tray.watch_action.isChecked() and "watching" in tray.toolTip()
    assert toggled == []  # the app told us; no echo back
    tray.watch_action.trigger()  # the person unticks it in the menu
    assert toggled == [False]
    assert not tray.icon().isNull()


def test_no_tray_no_icon(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert TrayIcon.create_if_available() is None
