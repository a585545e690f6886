"""The theme: follow the desktop, or force light or dark (the setting ``theme``).

GIVEN the real window on Qt's offscreen platform or Xvfb — where the platform ignores a colour
scheme request (measured: ``colorScheme()`` stays Unknown), so forcing needs the app's own
Fusion palette — WHEN dark is forced (by the setting at start, or while a conversation is shown)
THEN the window's palette is dark, the transcript's text already shown takes the dark colours,
and going back to "system" gives the platform's light palette back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.theme import apply_theme, is_dark
from qwenvl_desktop.gui.transcript.colours import (
    COLOUR_ROLE,
    TranscriptColours,
    contrast_ratio,
)
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    """A forced theme never outlives its test."""
    yield
    apply_theme("system")


def link_colours(document: QTextDocument) -> set[str]:
    """The colours of the runs the transcript marked as links (Thinking, Retry, Copy…)."""
    found: set[str] = set()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char = fragments.fragment().charFormat()
            if char.property(COLOUR_ROLE) == "link":
                found.add(char.foreground().color().name())
            fragments += 1
        block = block.next()
    return found


def answered(qtbot: QtBot, window: MainWindow) -> None:
    window.prompt.setPlainText("Describe the picture")
    window.send()
    qtbot.waitUntil(
        lambda: not window.controller.busy and bool(link_colours(window.transcript.document())),
        timeout=10_000,
    )


def test_forcing_dark_darkens_the_window_and_restyles_the_transcript(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url())
    answered(qtbot, window)
    assert not is_dark(window.palette())
    light_links = link_colours(window.transcript.document())

    outcome = apply_theme("dark")

    assert outcome == "fusion"  # offscreen and Xvfb ignore the request: measured, not assumed
    # The widgets hear of the application's new palette through Qt's event queue.
    qtbot.waitUntil(lambda: is_dark(window.transcript.palette()), timeout=5000)
    assert is_dark(window.palette())
    assert is_dark(window.image_pane.palette()) and is_dark(window.prompt.palette())
    dark = TranscriptColours(window.transcript.palette())
    qtbot.waitUntil(
        lambda: link_colours(window.transcript.document()) == {dark.link.name()}, timeout=5000
    )
    assert light_links != {dark.link.name()}
    assert contrast_ratio(dark.link, dark.base) >= 4.5

    apply_theme("system")
    qtbot.waitUntil(lambda: not is_dark(window.transcript.palette()), timeout=5000)
    assert not is_dark(window.palette())
    light = TranscriptColours(window.transcript.palette())
    qtbot.waitUntil(
        lambda: link_colours(window.transcript.document()) == {light.link.name()}, timeout=5000
    )


def test_the_theme_setting_applies_before_the_first_frame(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QWENVL_DESKTOP_THEME", "dark")
    window = make_window()
    assert is_dark(window.palette())  # shown and settled: the first frame was dark
    base = window.transcript.palette().color(QPalette.ColorRole.Base)
    text = window.transcript.palette().color(QPalette.ColorRole.Text)
    assert contrast_ratio(text, base) >= 7

    monkeypatch.setenv("QWENVL_DESKTOP_THEME", "system")
    assert not is_dark(make_window().palette())  # a later window following the system


def test_forcing_light_on_a_light_platform_keeps_the_platforms_palette(
    qapp: QApplication,
) -> None:
    before = QColor(qapp.palette().color(QPalette.ColorRole.Window))
    assert apply_theme("light") == "platform"
    assert qapp.palette().color(QPalette.ColorRole.Window) == before
    assert apply_theme("dark") == "fusion"
    # From a forced dark to light: the platform's own light palette again, not the app's.
    assert apply_theme("light") == "platform"
    assert qapp.palette().color(QPalette.ColorRole.Window) == before
