"""Paste anywhere in a window, and the whole "Capture region" flow (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.region_capture import RegionCapture
from qwenvl_desktop.platform.clipboard import ClipboardPayload, PasteCatcher, image_digest
from qwenvl_desktop.platform.screenshot import (
    Availability,
    CaptureCancelledError,
    CaptureError,
    ScreenGrab,
)

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.question = QLineEdit(self)
        self.button = QPushButton("Send", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.button)


@pytest.fixture
def window(qtbot: QtBot) -> Window:
    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def catcher(window: Window):
    catcher = PasteCatcher(window)
    catcher.payloads = []  # type: ignore[attr-defined]
    catcher.links = []  # type: ignore[attr-defined]
    catcher.pasted.connect(catcher.payloads.append)  # type: ignore[attr-defined]
    catcher.linksOffered.connect(catcher.links.append)  # type: ignore[attr-defined]
    yield catcher
    catcher.remove()
    QGuiApplication.clipboard().clear()


def red(width: int = 8, height: int = 6) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    return image


# Paste anywhere -------------------------------------------------------------------------------


def test_ctrl_v_on_any_widget_attaches_the_clipboard_image(
    qtbot: QtBot, window: Window, catcher: PasteCatcher
) -> None:
    QGuiApplication.clipboard().setImage(red())
    for widget in (window.question, window.button):
        qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)
    payloads: list[ClipboardPayload] = catcher.payloads  # type: ignore[attr-defined]
    assert len(payloads) == 2
    assert payloads[0].images[0].digest == image_digest(red())
    assert window.question.text() == ""  # the key press was consumed


def test_text_pastes_stay_text(qtbot: QtBot, window: Window, catcher: PasteCatcher) -> None:
    QGuiApplication.clipboard().setText("what is this?")
    qtbot.keyClick(window.question, Qt.Key.Key_V, CTRL)
    assert window.question.text() == "what is this?"
    assert catcher.payloads == [] and catcher.links == []  # type: ignore[attr-defined]


def test_an_image_link_is_offered_once_and_still_pasted_as_text(
    qtbot: QtBot, window: Window, catcher: PasteCatcher
) -> None:
    link = "https://example.com/chart.png"
    QGuiApplication.clipboard().setText(link)
    qtbot.keyClick(window.question, Qt.Key.Key_V, CTRL)
    assert window.question.text() == link
    qtbot.keyClick(window.button, Qt.Key.Key_V, CTRL)  # a button ignores it: it propagates up
    assert catcher.links == [(link,), (link,)]  # type: ignore[attr-defined]


def test_other_windows_are_left_alone(qtbot: QtBot, catcher: PasteCatcher) -> None:
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    QGuiApplication.clipboard().setImage(red())
    qtbot.keyClick(other, Qt.Key.Key_V, CTRL)
    assert catcher.payloads == []  # type: ignore[attr-defined]


def test_paste_action_reads_files_too(catcher: PasteCatcher, qapp: QApplication) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/shot.png")])
    QGuiApplication.clipboard().setMimeData(mime)
    payload = catcher.paste()
    assert payload.attachable() == [("/tmp/shot.png", "/tmp/shot.png")]
    assert catcher.payloads == [payload]  # type: ignore[attr-defined]


# The capture flow --------------------------------------------------------------------------------


class StubHandler:
    """A handler that 'reads the screen' as a known image (the real ones are tested elsewhere)."""

    name = "stub"

    def __init__(self, result: list[ScreenGrab] | Exception) -> None:
        self.result = result
        self.window_visible_during_grab: bool | None = None
        self.window: QWidget | None = None

    def is_available(self) -> Availability:
        return Availability(True, "stub")

    def grab(self) -> list[ScreenGrab]:
        if self.window is not None:
            self.window_visible_during_grab = self.window.isVisible()
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def quadrants() -> ScreenGrab:
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 255))
    for y in range(100):
        for x in range(200):
            image.setPixelColor(x, y, QColor(0, 200, 0))
    image.setDevicePixelRatio(2.0)
    return ScreenGrab(image, QRect(0, 0, 200, 100), 2.0, "stub")


def test_capture_hides_the_window_and_hands_over_the_crop_as_png(
    qtbot: QtBot, window: Window
) -> None:
    handler = StubHandler([quadrants()])
    handler.window = window
    flow = RegionCapture(hide=[window], settle_ms=10, handlers=[handler])
    assert flow.start()
    assert not flow.start()  # one at a time
    qtbot.waitUntil(lambda: flow._selector is not None and flow._selector.is_active())
    assert handler.window_visible_during_grab is False
    overlay = flow._selector.overlays()[0]  # type: ignore[union-attr]
    with qtbot.waitSignal(flow.captured, timeout=2000) as blocker:
        qtbot.mousePress(
            overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(90, 40)
        )
        qtbot.mouseMove(overlay, QPoint(110, 60))
        qtbot.mouseRelease(
            overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(110, 60)
        )
    png: bytes = blocker.args[0]
    crop = QImage.fromData(png)
    assert (crop.width(), crop.height()) == (40, 40)  # 20×20 logical at 2×
    assert crop.pixelColor(0, 0) == QColor(0, 200, 0)  # top-left quadrant
    assert crop.pixelColor(39, 39) == QColor(0, 0, 255)
    assert window.isVisible() and not flow.is_running()


@pytest.mark.parametrize(
    ("error", "signal"),
    [(CaptureCancelledError("no"), "cancelled"), (CaptureError("broken"), "failed")],
)
def test_capture_that_cannot_start_brings_the_window_back(
    qtbot: QtBot, window: Window, error: Exception, signal: str
) -> None:
    flow = RegionCapture(hide=[window], settle_ms=10, handlers=[StubHandler(error)])
    with qtbot.waitSignal(getattr(flow, signal), timeout=2000) as blocker:
        flow.start()
    if signal == "failed":
        assert "stub: broken" in blocker.args[0]
    assert window.isVisible() and not flow.is_running()


def test_escape_in_the_overlay_cancels_the_capture(qtbot: QtBot, window: Window) -> None:
    flow = RegionCapture(hide=[window], settle_ms=10, handlers=[StubHandler([quadrants()])])
    flow.start()
    qtbot.waitUntil(lambda: flow._selector is not None and flow._selector.is_active())
    with qtbot.waitSignal(flow.cancelled, timeout=2000):
        qtbot.keyClick(flow._selector.overlays()[0], Qt.Key.Key_Escape)  # type: ignore[union-attr]
    assert window.isVisible()


def test_cancel_before_the_grab_ends_the_capture_without_reading_the_screen(
    qtbot: QtBot, window: Window
) -> None:
    handler = StubHandler([quadrants()])
    handler.window = window
    flow = RegionCapture(hide=[window], settle_ms=50, handlers=[handler])
    flow.start()
    with qtbot.waitSignal(flow.cancelled, timeout=2000):
        flow.cancel()  # still waiting for the compositor to repaint
    assert handler.window_visible_during_grab is None  # never asked
    assert window.isVisible() and not flow.is_running()
    flow.cancel()  # nothing running: nothing happens
    assert flow.start()  # and a new capture can begin
    qtbot.waitUntil(lambda: flow._selector is not None and flow._selector.is_active())
    with qtbot.waitSignal(flow.cancelled, timeout=2000):
        flow.cancel()
    assert window.isVisible() and not flow.is_running()
