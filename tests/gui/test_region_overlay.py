"""The region overlay driven with simulated mouse and keys (offscreen Qt, synthetic grabs)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.region_overlay import RegionOverlay, RegionSelector
from qwenvl_desktop.platform.screenshot import ScreenGrab
from tests.platform.pattern import pattern_image

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def pattern_grab(geometry: QRect, ratio: float) -> tuple[ScreenGrab, Image.Image]:
    width, height = round(geometry.width() * ratio), round(geometry.height() * ratio)
    pil = pattern_image(width, height)
    image = QImage(pil.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    image.setDevicePixelRatio(ratio)
    return ScreenGrab(image, QRect(geometry), ratio, "test"), pil


def to_pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = b"".join(bytes(rgb.constScanLine(y))[: 3 * rgb.width()] for y in range(rgb.height()))
    return Image.frombytes("RGB", (rgb.width(), rgb.height()), data)


def drag(qtbot: QtBot, overlay: RegionOverlay, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(overlay, LEFT, NO_MOD, start)
    qtbot.mouseMove(overlay, (start + end) / 2)
    qtbot.mouseMove(overlay, end)
    qtbot.mouseRelease(overlay, LEFT, NO_MOD, end)


@pytest.fixture
def selector_for(qapp: QApplication):
    made: list[RegionSelector] = []

    def make(*grabs: ScreenGrab) -> RegionSelector:
        selector = RegionSelector(list(grabs))
        made.append(selector)
        selector.start()
        return selector

    yield make
    for selector in made:
        selector.cancel()


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_drag_emits_the_device_pixels_under_the_selection(
    qtbot: QtBot, selector_for, ratio: float
) -> None:
    # GIVEN one screen's grab at 1× or 2×
    grab, pil = pattern_grab(QRect(0, 0, 400, 300), ratio)
    selector = selector_for(grab)
    (overlay,) = selector.overlays()
    assert overlay.geometry() == grab.geometry

    # WHEN a rectangle is dragged from (30, 40) to (130, 90), backwards
    with qtbot.waitSignal(selector.regionSelected, timeout=2000) as blocker:
        drag(qtbot, overlay, QPoint(130, 90), QPoint(30, 40))

    # THEN the crop is the grab's device pixels under that rectangle, and the overlay is gone
    crop: QImage = blocker.args[0]
    r = ratio
    box = (round(30 * r), round(40 * r), round(130 * r), round(90 * r))
    assert (crop.width(), crop.height()) == (box[2] - box[0], box[3] - box[1])
    assert crop.devicePixelRatio() == ratio
    assert ImageChops.difference(to_pil(crop), pil.crop(box)).getbbox() is None
    assert not selector.is_active()
    assert not overlay.isVisible()


def test_escape_cancels(qtbot: QtBot, selector_for) -> None:
    grab, _ = pattern_grab(QRect(0, 0, 200, 100), 1.0)
    selector = selector_for(grab)
    selected: list[QImage] = []
    selector.regionSelected.connect(selected.append)
    (overlay,) = selector.overlays()
    qtbot.mousePress(overlay, LEFT, NO_MOD, QPoint(10, 10))
    qtbot.mouseMove(overlay, QPoint(50, 50))
    with qtbot.waitSignal(selector.cancelled, timeout=1000):
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    qtbot.mouseRelease(overlay, LEFT, NO_MOD, QPoint(50, 50))
    assert selected == []
    assert not selector.is_active()


def test_right_click_cancels(qtbot: QtBot, selector_for) -> None:
    grab, _ = pattern_grab(QRect(0, 0, 200, 100), 1.0)
    selector = selector_for(grab)
    with qtbot.waitSignal(selector.cancelled, timeout=1000):
        qtbot.mouseClick(selector.overlays()[0], Qt.MouseButton.RightButton, NO_MOD, QPoint(5, 5))


def test_a_click_without_a_drag_keeps_the_overlay(qtbot: QtBot, selector_for) -> None:
    grab, _ = pattern_grab(QRect(0, 0, 200, 100), 2.0)
    selector = selector_for(grab)
    emitted: list[object] = []
    selector.regionSelected.connect(emitted.append)
    selector.cancelled.connect(lambda: emitted.append("cancelled"))
    (overlay,) = selector.overlays()
    drag(qtbot, overlay, QPoint(50, 50), QPoint(51, 51))  # 2×2 device pixels: a slip
    assert emitted == []
    assert selector.is_active() and overlay.selection.isEmpty()


def test_selection_follows_the_pointer_and_is_clamped_to_the_screen(
    qtbot: QtBot, selector_for
) -> None:
    grab, _ = pattern_grab(QRect(0, 0, 200, 100), 1.0)
    selector = selector_for(grab)
    (overlay,) = selector.overlays()
    qtbot.mousePress(overlay, LEFT, NO_MOD, QPoint(150, 60))
    qtbot.mouseMove(overlay, QPoint(120, 30))
    assert overlay.selection == QRectF(120, 30, 30, 30)
    with qtbot.waitSignal(selector.regionSelected, timeout=1000) as blocker:
        qtbot.mouseRelease(overlay, LEFT, NO_MOD, QPoint(400, 300))  # beyond the edge
    assert (blocker.args[0].width(), blocker.args[0].height()) == (50, 40)


def test_one_overlay_per_screen_and_the_crop_comes_from_the_screen_used(
    qtbot: QtBot, selector_for
) -> None:
    # GIVEN two screens side by side, the second at 2×
    left, _ = pattern_grab(QRect(0, 0, 300, 200), 1.0)
    right, right_pil = pattern_grab(QRect(300, 0, 200, 150), 2.0)
    right_pil = right_pil.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    right_image = QImage(right_pil.tobytes(), 400, 300, 1200, QImage.Format.Format_RGB888).copy()
    right = ScreenGrab(right_image, right.geometry, 2.0, "right")
    selector = selector_for(left, right)
    first, second = selector.overlays()
    assert [o.screen_grab for o in (first, second)] == [left, right]

    # WHEN a selection starts on the first screen, then one is made on the second
    qtbot.mousePress(first, LEFT, NO_MOD, QPoint(10, 10))
    qtbot.mouseMove(first, QPoint(60, 60))
    assert not first.selection.isEmpty()
    with qtbot.waitSignal(selector.regionSelected, timeout=1000) as blocker:
        qtbot.mousePress(second, LEFT, NO_MOD, QPoint(20, 10))
        assert first.selection.isEmpty()  # one selection at a time
        qtbot.mouseMove(second, QPoint(70, 60))
        qtbot.mouseRelease(second, LEFT, NO_MOD, QPoint(70, 60))

    # THEN the crop is the second screen's pixels (screen-relative, × 2)
    box = (40, 20, 140, 120)
    assert ImageChops.difference(to_pil(blocker.args[0]), right_pil.crop(box)).getbbox() is None
    assert not first.isVisible() and not second.isVisible()


def test_signals_fire_once(qtbot: QtBot, selector_for) -> None:
    grab, _ = pattern_grab(QRect(0, 0, 200, 100), 1.0)
    selector = selector_for(grab)
    events: list[str] = []
    selector.regionSelected.connect(lambda _image: events.append("selected"))
    selector.cancelled.connect(lambda: events.append("cancelled"))
    drag(qtbot, selector.overlays()[0], QPoint(10, 10), QPoint(50, 50))
    selector.cancel()
    selector.start()  # a finished selector does not reopen
    assert events == ["selected"]
    assert selector.overlays() == []


def test_needs_a_grab(qapp: QApplication) -> None:
    with pytest.raises(ValueError):
        RegionSelector([])
