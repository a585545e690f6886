"""Issue 11: "status-bar texts overlap at narrow widths and notices are cut".

GIVEN the status bar with long texts (a retry sentence, a dated model name, the endpoint with its
key, the watch indicator) WHEN the window is 800×600 or narrower and a long notice arrives THEN
no two texts share pixels, every text drawn fits the room it has (cut with "…" when it must be),
the whole of a cut text is in its tooltip, a notice gets most of the bar, and the bar never holds
the window wider than it is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.status import StatusPanel

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

RETRYING = "Rate limited — retrying in 3 s (attempt 2 of 4)"
MODEL = "qwen3-vl-plus-2025-09-23"
NOTICE = (
    "Configuration: user file /home/someone/.config/qwenvl-desktop/config.toml, line 3, key "
    "'proxy': proxy URL 'ftp://proxy.example' must start with http://, https://, socks5:// or "
    "socks5h://; ignored (the default stays)"
)


def shown(bar: QStatusBar) -> list[QWidget]:
    return [
        child
        for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and child.width() > 0 and type(child).__name__ != "QSizeGrip"
    ]


def drawn_text(label: QLabel) -> str:
    """What a label draws: its elided text when it elides, else all of it."""
    displayed = getattr(label, "displayed_text", None)
    return displayed() if callable(displayed) else label.text()


def assert_texts_fit(bar: QStatusBar) -> None:
    widgets = shown(bar)
    for widget in widgets:
        assert widget.x() >= 0 and widget.geometry().right() < bar.width(), widget.objectName()
    for index, one in enumerate(widgets):
        for other in widgets[index + 1 :]:
            assert not one.geometry().intersects(other.geometry()), (
                f"{one.objectName()} overlaps {other.objectName()}"
            )
    for label in (w for w in widgets if isinstance(w, QLabel) and w.text()):
        text = drawn_text(label)
        room = label.contentsRect().width()
        assert label.fontMetrics().horizontalAdvance(text) <= room + 1, (
            f"{label.objectName()} draws {text!r} in {room} px"
        )
        if text != label.text():  # cut: the whole of it is a hover away
            assert label.toolTip(), f"{label.objectName()} is cut and has no tooltip"


def fill(panel: StatusPanel) -> None:
    panel.set_state(RETRYING)
    panel.set_rate(1234.0)
    panel.set_model(MODEL)
    panel.endpoint.setText("https://dashscope-intl.aliyuncs.com/compatible-mode/v1  ·  no key")


def assert_notice_readable(qtbot: QtBot, panel: StatusPanel) -> None:
    bar = panel.bar
    panel.notice(NOTICE)
    qtbot.waitUntil(lambda: not panel.endpoint.isVisible(), timeout=2000)
    qtbot.wait(50)  # the labels shrink to their compact width
    assert bar.currentMessage() == NOTICE
    assert bar.toolTip() == NOTICE  # the whole notice, whatever the room
    first_label = min((w.x() for w in shown(bar)), default=bar.width())
    assert first_label >= bar.width() * 0.5, "the notice gets most of the bar"
    assert_texts_fit(bar)


def test_at_800_by_600_the_texts_fit_and_a_long_notice_is_readable(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.resize(800, 600)
    window.capture_tools.watch_indicator.setVisible(True)
    fill(window.status)
    qtbot.waitUntil(lambda: window.width() == 800, timeout=2000)
    qtbot.wait(50)
    bar = window.statusBar()
    assert_texts_fit(bar)
    assert window.status.endpoint.toolTip()  # the endpoint's own: where requests go

    assert_notice_readable(qtbot, window.status)


@pytest.mark.parametrize("width", [640, 480])
def test_narrower_the_bar_gives_way_instead_of_holding_the_window_wide(
    qtbot: QtBot, width: int
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = StatusPanel.for_window(window)
    window.setCentralWidget(QWidget())
    fill(panel)
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    bar = window.statusBar()
    assert bar.minimumSizeHint().width() <= width
    qtbot.waitUntil(lambda: window.width() == width, timeout=2000)
    assert_texts_fit(bar)
    if panel.state.is_elided():
        assert panel.state.toolTip() == RETRYING  # cut, and whole in its tooltip

    assert_notice_readable(qtbot, panel)


def test_a_long_notice_stays_long_enough_to_be_read() -> None:
    from qwenvl_desktop.gui.status import notice_timeout_ms

    assert notice_timeout_ms("Answer copied", 6000) == 6000
    assert notice_timeout_ms(NOTICE, 6000) > 12_000
    assert notice_timeout_ms(NOTICE * 20, 6000) == 30_000
    assert notice_timeout_ms(NOTICE, 0) == 0  # until the next message, as asked
