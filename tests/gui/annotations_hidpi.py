"""The grounding flow in a process of its own, for ``QT_SCALE_FACTOR=2`` (test_annotations.py).

``python -m tests.gui.annotations_hidpi IMAGE``: the real window (offscreen) against a loopback
server answering :data:`~tests.gui.test_annotations.RELATIVE_ANSWER`, IMAGE (1600×1200) dropped
and *Find…* sent; then the question's thumbnail and the viewer are read back in device pixels. The
last line of stdout is JSON with what was measured; the test judges it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys

from PySide6.QtCore import QPointF, QUrl
from PySide6.QtGui import QImage, QTextDocument

from qwenvl_desktop.app import create_main_window
from qwenvl_desktop.core.grounding import label_colour
from qwenvl_desktop.services.event_loop import create_application
from tests.conftest import TEST_KEY
from tests.gui.test_annotations import BOX, LABELS, POINT, RELATIVE_ANSWER, answering, coloured_near
from tests.support.dashscope_server import LoopbackDashScope


async def measure(image_path: str, base_url: str) -> dict[str, object]:
    window = create_main_window(["--base-url", base_url, "--model", "qwen3-vl-plus"])
    window.show()
    try:
        return await _measure(window, image_path)
    finally:
        window.close()
        await window.aclose()


async def _wait(condition: object, seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.02)
    raise TimeoutError("condition not met")


async def _measure(window: object, image_path: str) -> dict[str, object]:
    from qwenvl_desktop.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    await _wait(lambda: window.is_wired and window.controller.key_state.present is not None)
    window.draft.add_sources([image_path])
    await _wait(lambda: len(window.draft.attachments()) == 1)
    tool = window.annotations_tool
    assert tool.send_grounding("find", "red square")
    await _wait(lambda: window.controller.last_exchange() is not None)
    last = window.controller.last_exchange()
    assert last is not None
    await _wait(lambda: tool.store.get(last.id) is not None)
    red, blue = label_colour("red square", LABELS), label_colour("blue dot", LABELS)
    dpr = window.transcript.devicePixelRatioF()

    thumb_ref = window.transcript.thumbnails(last.id)[0]
    thumb = window.transcript.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(thumb_ref.name)
    )
    assert isinstance(thumb, QImage)
    # device pixels of the thumbnail per original pixel
    sx, sy = thumb.width() / 1600, thumb.height() / 1200
    x1, y1, x2, y2 = BOX
    report: dict[str, object] = {
        "dpr": dpr,
        "thumb_pixels_per_logical": thumb.width() / _logical_width(window, thumb_ref.name),
        "thumb_left_edge_red": coloured_near(thumb, x1 * sx, (y1 + y2) / 2 * sy, red),
        "thumb_right_edge_red": coloured_near(thumb, x2 * sx, (y1 + y2) / 2 * sy, red),
        "thumb_top_edge_red": coloured_near(thumb, (x1 + x2) / 2 * sx, y1 * sy, red),
        "thumb_outside_red": coloured_near(thumb, x1 * sx - 8, (y1 + y2) / 2 * sy, red),
    }

    dialog = tool.open_viewer(last.id)
    assert dialog is not None
    dialog.resize(800, 600)
    await asyncio.sleep(0.2)
    view = dialog.view
    view.fit()
    grab = view.viewport().grab()
    shown = grab.toImage()
    box = view.items_shown[0].rect()
    edge = view.mapFromScene(QPointF(x1, (y1 + y2) / 2))
    right = view.mapFromScene(QPointF(x2, (y1 + y2) / 2))
    # the picture under the box: the square's colour just inside it, white a little outside
    inside = view.mapFromScene(QPointF(x1 + 20, (y1 + y2) / 2))
    outside = view.mapFromScene(QPointF(x1 - 40, (y1 + y2) / 2))
    top = view.mapFromScene(QPointF((x1 + x2) / 2, y1))
    dot = view.mapFromScene(QPointF(*POINT))
    ratio = grab.devicePixelRatio()
    report |= {
        "grab_dpr": ratio,
        "viewer_rect": [box.left(), box.top(), box.right(), box.bottom()],
        "viewer_left_edge_red": coloured_near(shown, edge.x() * ratio, edge.y() * ratio, red),
        "viewer_right_edge_red": coloured_near(shown, right.x() * ratio, right.y() * ratio, red),
        "viewer_top_edge_red": coloured_near(shown, top.x() * ratio, top.y() * ratio, red),
        "viewer_square_inside": coloured_near(
            shown, inside.x() * ratio, inside.y() * ratio, (220, 30, 30)
        ),
        "viewer_white_outside": coloured_near(
            shown, outside.x() * ratio, outside.y() * ratio, (255, 255, 255)
        ),
        "viewer_outside_red": coloured_near(shown, (edge.x() - 8) * ratio, edge.y() * ratio, red),
        "viewer_dot_blue": coloured_near(shown, dot.x() * ratio, dot.y() * ratio, blue),
    }
    return report


def _logical_width(window: object, name: str) -> float:
    """The width the transcript lays the thumbnail out at, in logical pixels."""
    from PySide6.QtGui import QTextImageFormat

    from qwenvl_desktop.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    block = window.transcript.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat() and QTextImageFormat(fmt).name() == name:
                return QTextImageFormat(fmt).width()
            fragments += 1
        block = block.next()
    raise AssertionError("thumbnail not in the document")


def main() -> int:
    image_path = sys.argv[1]
    with LoopbackDashScope.in_thread(api_keys={TEST_KEY}) as server:
        server.add_scenario("ground", answering(RELATIVE_ANSWER))
        os.environ["DASHSCOPE_API_KEY"] = TEST_KEY
        _app, loop = create_application()
        report = loop.run_until_complete(measure(image_path, server.base_url("ground")))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
