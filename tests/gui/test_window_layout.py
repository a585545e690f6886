"""Issue 11, defect 5: the answer area can grow.

GIVEN the window at 800×600 WHEN no image is added THEN the image pane is a slim drop strip, the
transcript has most of the height and nothing scrolls sideways; images dropped on the strip grow
the pane, and when they are removed the height goes back to the transcript.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.image_pane import THUMB_SIDE
from qwenvl_desktop.gui.main_window import MainWindow

from .conftest import WindowFactory, drop, file_mime, make_image

pytestmark = pytest.mark.gui


def sideways_scroll_bars(window: MainWindow) -> list[QWidget]:
    return [
        bar
        for bar in window.findChildren(QScrollBar)
        if bar.orientation() == Qt.Orientation.Horizontal and bar.isVisible()
    ]


def settle(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=3000)
    qtbot.wait(50)  # the layouts' deferred passes


def test_given_no_images_at_800x600_then_the_transcript_has_most_of_the_height(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--region", "intl")
    settle(qtbot, window, (800, 600))
    central = window.splitter.height()
    assert window.image_pane.height() <= 50  # a strip, not a 190 px empty box
    assert window.transcript_area.height() >= 0.6 * central
    assert sideways_scroll_bars(window) == []

    # The splitter lets the transcript take nearly everything.
    window.splitter.setSizes([central, 0])
    assert window.transcript_area.height() >= 0.7 * central

    window.splitter.setSizes([central // 2, central // 2])
    before = window.transcript_area.height()
    images = [make_image(tmp_path / f"{name}.png") for name in ("one", "two")]
    assert drop(window.image_pane, file_mime(*images))  # the strip still takes drops
    qtbot.waitUntil(lambda: window.draft.pending_count() == 0 and window.image_pane.count() == 2)
    qtbot.wait(50)
    assert window.image_pane.height() >= THUMB_SIDE  # the thumbnails have their room
    assert sideways_scroll_bars(window) == []

    window.draft.clear()
    qtbot.waitUntil(lambda: window.image_pane.count() == 0)
    qtbot.wait(50)
    assert window.image_pane.height() <= 50
    assert window.transcript_area.height() >= before  # the freed height went back
