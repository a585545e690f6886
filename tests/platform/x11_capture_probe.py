"""Run under a real X server (QT_QPA_PLATFORM=xcb): show a known pattern full screen, grab the
screen with the Qt handler, drive the RegionSelector with simulated mouse events, save the crop.

    python x11_capture_probe.py OUTDIR X0 Y0 X1 Y1

X0 Y0 X1 Y1 are the press and release points in logical pixels of the first screen. Writes
``OUTDIR/crop.png`` and ``OUTDIR/overlay.png`` (the screen while the selection is being dragged,
for a person to look at) and prints one JSON line about the grab and the crop.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from qwenvl_desktop.gui.region_overlay import RegionSelector
from qwenvl_desktop.platform.screenshot import reset_probes
from qwenvl_desktop.platform.screenshot.handlers.qt_grab import QtGrabHandler
from tests.platform.pattern import pattern_image, pattern_pixel


class PatternWindow(QWidget):
    def __init__(self, image: QImage, geometry: QRect) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.image = image
        self.setGeometry(geometry)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self.image)
        painter.end()


def main() -> int:
    outdir = Path(sys.argv[1])
    x0, y0, x1, y1 = (int(v) for v in sys.argv[2:6])
    app = QApplication(sys.argv[:1])
    reset_probes()
    screen = app.primaryScreen()
    ratio = screen.devicePixelRatio()
    geometry = screen.geometry()
    width, height = round(geometry.width() * ratio), round(geometry.height() * ratio)
    pil = pattern_image(width, height)
    data = pil.tobytes()
    image = QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
    image.setDevicePixelRatio(ratio)
    window = PatternWindow(image, geometry)
    window.show()
    if not QTest.qWaitForWindowExposed(window, 5000):
        print("pattern window never exposed", file=sys.stderr)
        return 2

    handler = QtGrabHandler()
    availability = handler.is_available()
    if not availability.ok:
        print(f"qt handler unavailable: {availability}", file=sys.stderr)
        return 2
    # The X server shows the window once Qt has flushed its backing store; wait for the pattern
    # to be on screen (corners checked) rather than sleeping a fixed time.
    for _ in range(100):
        grabs = handler.grab()
        shot = grabs[0].image
        corners = [(0, 0), (width - 1, height - 1), (width // 2, height // 3)]
        if all(shot.pixelColor(x, y).getRgb()[:3] == pattern_pixel(x, y) for x, y in corners):
            break
        QTest.qWait(20)
    else:
        print("the pattern never appeared on screen", file=sys.stderr)
        return 2

    selector = RegionSelector(grabs)
    results: list[QImage] = []
    selector.regionSelected.connect(results.append)
    selector.start()
    overlay = selector.overlays()[0]
    if not QTest.qWaitForWindowExposed(overlay, 5000):
        print("overlay never exposed", file=sys.stderr)
        return 2
    QTest.qWait(100)
    handler.grab()[0].image.save(str(outdir / "overlay-idle.png"))
    QTest.mousePress(
        overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x0, y0)
    )
    QTest.mouseMove(overlay, QPoint((x0 + x1) // 2, (y0 + y1) // 2))
    QTest.mouseMove(overlay, QPoint(x1, y1))
    QTest.qWait(150)
    handler.grab()[0].image.save(str(outdir / "overlay.png"))
    QTest.mouseRelease(
        overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x1, y1)
    )
    if len(results) != 1:
        print(f"expected one regionSelected, got {len(results)}", file=sys.stderr)
        return 3
    crop = results[0]
    crop.save(str(outdir / "crop.png"))
    info = {
        "ratio": ratio,
        "grab_ratio": grabs[0].device_pixel_ratio,
        "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "grab_size": [grabs[0].image.width(), grabs[0].image.height()],
        "crop_size": [crop.width(), crop.height()],
        "crop_ratio": crop.devicePixelRatio(),
        "overlays": len(selector.overlays()),
    }
    print(json.dumps(info), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
