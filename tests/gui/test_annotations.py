"""Grounding in the real window: Find… and Point at…, boxes on the thumbnails, the image viewer.

GIVEN the window against the loopback server, whose scenario answers with grounding JSON, WHEN
a person asks to find something in an image (or any answer carries boxes), THEN the question sent
is the family's grounding question with the draft's images, the boxes are drawn on the question's
thumbnail and — a click on it — in the viewer at the pixels of the original image, the label list
highlights its box, the toggle hides them, they move to another image of the turn, and the PNG and
JSON exports carry the same original-image pixels. At a device pixel ratio of 2 (a subprocess with
``QT_SCALE_FACTOR=2``) the drawn pixels land where the original's coordinates say.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsView,
    QInputDialog,
    QListWidget,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.grounding import find_prompt, label_colour, point_prompt
from qwenvl_desktop.core.protocol import load_catalog
from qwenvl_desktop.gui.annotations.viewer import ImageView, ImageViewerDialog
from qwenvl_desktop.gui.main_window import MainWindow
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    Scenario,
    chunk_json,
    usage_json,
)

from .conftest import WindowFactory, drop, file_mime

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

#: Qwen3-VL's 0–1000 grid: on a 1600×1200 original, box (400, 300)–(800, 720), point (1200, 600)
RELATIVE_ANSWER = (
    "Here they are:\n```json\n"
    '[{"bbox_2d": [250, 250, 500, 600], "label": "red square"},\n'
    ' {"point_2d": [750, 500], "label": "blue dot"}]\n```'
)
BOX = (400.0, 300.0, 800.0, 720.0)
#: the answer's labels, which pick the colours (core.grounding.label_colour)
LABELS = ("red square", "blue dot")
POINT = (1200.0, 600.0)


def answering(text: str) -> Scenario:
    """A scenario streaming ``text`` as the answer, in pieces of 23 characters."""

    async def scenario(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        await reply.start()
        await reply.send(chunk_json({"content": "", "role": "assistant"}))
        for i in range(0, len(text), 23):
            await reply.send(chunk_json({"content": text[i : i + 23]}))
        await reply.send(chunk_json({"content": ""}, "stop"))
        await reply.send(usage_json(1300, 60))
        await reply.send(DONE)
        await reply.end()

    return scenario


def scene_image(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    """White, with a red square and a blue dot where :data:`RELATIVE_ANSWER` says (scaled)."""
    w, h = size
    image = Image.new("RGB", size, "white")
    image.paste((220, 30, 30), (w // 4, h // 4, w // 2, h * 3 // 5))
    image.paste((30, 60, 220), (w * 3 // 4 - 10, h // 2 - 10, w * 3 // 4 + 10, h // 2 + 10))
    image.save(path)
    return path


def near(colour: QColor, rgb: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], rgb, strict=True))


def coloured_near(image: QImage, x: float, y: float, rgb: tuple[int, int, int]) -> bool:
    """Some pixel within one pixel of (x, y) has colour ``rgb`` (lines are antialiased)."""
    return any(
        near(image.pixelColor(round(x) + dx, round(y) + dy), rgb)
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
        if 0 <= round(x) + dx < image.width() and 0 <= round(y) + dy < image.height()
    )


def thumbnail_picture(window: MainWindow, exchange_id: str, index: int = 0) -> QImage:
    """The picture the transcript shows for a question's thumbnail now."""
    thumb = window.transcript.thumbnails(exchange_id)[index]
    resource = window.transcript.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(thumb.name)
    )
    assert isinstance(resource, QImage)
    return resource


def thumbnail_point(window: MainWindow, exchange_id: str, index: int = 0) -> QPoint:
    """The centre of a question's thumbnail in the transcript's viewport."""
    view = window.transcript
    name = window.transcript.thumbnails(exchange_id)[index].name
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and QTextImageFormat(fmt).name() == name:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                rect = view.cursorRect(cursor)
                width = QTextImageFormat(fmt).width()
                return QPoint(rect.left() + round(width / 2), rect.center().y())
            fragments += 1
        block = block.next()
    raise AssertionError("thumbnail not in the document")


@pytest.fixture
def grounded(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[MainWindow, Path]]:
    """A window on qwen3-vl-plus whose server answers :data:`RELATIVE_ANSWER`, a 1600×1200
    image in the draft."""
    server.add_scenario("ground", answering(RELATIVE_ANSWER))
    window = make_window("--base-url", server.base_url("ground"), "--model", "qwen3-vl-plus")
    image = scene_image(tmp_path / "scene.png")
    mime = file_mime(image)
    assert drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    yield window, image


def wait_annotated(qtbot: QtBot, window: MainWindow) -> str:
    """Wait until the last exchange's annotations are found; its id."""
    tool = window.annotations_tool

    def found() -> bool:
        last = window.controller.last_exchange()
        return last is not None and tool.store.get(last.id) is not None

    qtbot.waitUntil(found, timeout=8000)
    last = window.controller.last_exchange()
    assert last is not None
    return last.id


def open_viewer_by_click(qtbot: QtBot, window: MainWindow, exchange_id: str) -> ImageViewerDialog:
    view = window.transcript
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=thumbnail_point(window, exchange_id)
    )
    dialog = window.findChild(QDialog, "imageViewerDialog")
    assert isinstance(dialog, ImageViewerDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    qtbot.waitExposed(dialog)
    return dialog


# -- asking -------------------------------------------------------------------------------------


def test_find_asks_what_then_sends_the_family_question_with_the_drafts_image(
    grounded: tuple[MainWindow, Path], server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window, _image = grounded
    window.prompt.setPlainText("my own draft question")
    action = window.findChild(type(window.annotations_tool.find_action), "actionFind")
    assert action is not None and action.isEnabled()
    assert window.findChild(type(action), "actionPointAt") is not None
    assert action in window.capture_tools.tools_menu.actions()

    action.trigger()
    dialog = window.findChild(QInputDialog, "findDialog")
    assert isinstance(dialog, QInputDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.setTextValue("red square")
    dialog.accept()
    exchange_id = wait_annotated(qtbot, window)

    (request,) = server.chat_requests("ground")
    info = load_catalog().model("qwen3-vl-plus")
    content = request.body["messages"][-1]["content"]
    assert sorted(p["type"] for p in content) == ["image_url", "text"]
    (text,) = [p["text"] for p in content if p["type"] == "text"]
    assert text == find_prompt("red square", info)
    assert "0–1000" in text
    assert window.draft.count() == 0  # the images went with the question
    assert window.prompt.toPlainText() == "my own draft question"  # the typed text stays
    assert window.controller.exchange(exchange_id) is not None


def test_point_at_for_an_absolute_family_uses_its_wording(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    server.add_scenario("ground", answering('[{"point_2d": [10, 10], "label": "corner"}]'))
    window = make_window(
        "--base-url", server.base_url("ground"), "--model", "qwen2.5-vl-7b-instruct"
    )
    assert window.annotations_tool.send_grounding("point", "the corner") is False  # no image
    mime = file_mime(scene_image(tmp_path / "a.png", (640, 480)))
    assert drop(window.image_pane, mime)
    # Sent at once: it waits for the image being prepared.
    assert window.annotations_tool.send_grounding("point", "the corner")
    wait_annotated(qtbot, window)
    (request,) = server.chat_requests("ground")
    info = load_catalog().model("qwen2.5-vl-7b-instruct")
    content = request.body["messages"][-1]["content"]
    assert [p["text"] for p in content if p["type"] == "text"] == [point_prompt("the corner", info)]


# -- showing ------------------------------------------------------------------------------------


def test_boxes_on_the_thumbnail_and_in_the_viewer_at_original_pixels(
    grounded: tuple[MainWindow, Path], qtbot: QtBot
) -> None:
    window, _image = grounded
    assert window.annotations_tool.send_grounding("find", "red square")
    exchange_id = wait_annotated(qtbot, window)
    red, blue = label_colour("red square", LABELS), label_colour("blue dot", LABELS)

    # The thumbnail: the whole image scaled, the box's edges in the label's colour.
    thumb = thumbnail_picture(window, exchange_id)
    sx, sy = thumb.width() / 1600, thumb.height() / 1200
    x1, y1, x2, y2 = BOX[0] * sx, BOX[1] * sy, BOX[2] * sx, BOX[3] * sy
    assert coloured_near(thumb, x1, (y1 + y2) / 2, red)
    assert coloured_near(thumb, (x1 + x2) / 2, y2, red)
    assert coloured_near(thumb, POINT[0] * sx, POINT[1] * sy, blue)
    assert not coloured_near(thumb, x1 - 6, (y1 + y2) / 2, red)

    # A click on it opens the viewer; the scene is in pixels of the 1600×1200 original.
    dialog = open_viewer_by_click(qtbot, window, exchange_id)
    view = dialog.findChild(QGraphicsView, "imageViewer")
    assert isinstance(view, ImageView)
    assert view.sceneRect() == QRectF(0, 0, 1600, 1200)
    box, point = view.items_shown
    assert (box.label, box.rect()) == ("red square", QRectF(QPointF(400, 300), QPointF(800, 720)))
    assert (point.label, point.point) == ("blue dot", QPointF(*POINT))
    assert box.pen().color().getRgb()[:3] == red

    # Drawn where the original's coordinates say, at the zoom it fits in.
    dialog.resize(800, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 300, timeout=2000)
    view.fit()
    shown = view.viewport().grab().toImage()
    left = view.mapFromScene(QPointF(400, 510))
    assert coloured_near(shown, left.x(), left.y(), red)
    dot = view.mapFromScene(QPointF(*POINT))
    assert coloured_near(shown, dot.x(), dot.y(), blue)

    # Zoom: the wheel and the buttons change the scale, the box stays at its original pixels.
    before = view.zoom
    view.zoom_by(2)
    assert view.zoom == pytest.approx(before * 2)
    assert box.rect() == QRectF(QPointF(400, 300), QPointF(800, 720))
    assert view.mapFromScene(QPointF(400, 300)) != left


def test_label_list_highlights_the_box_hovered_and_the_toggle_hides_them(
    grounded: tuple[MainWindow, Path], qtbot: QtBot
) -> None:
    window, _image = grounded
    window.annotations_tool.send_grounding("find", "red square")
    exchange_id = wait_annotated(qtbot, window)
    dialog = open_viewer_by_click(qtbot, window, exchange_id)
    view = dialog.view
    labels = dialog.findChild(QListWidget, "annotationList")
    assert isinstance(labels, QListWidget)
    assert [labels.item(i).text() for i in range(labels.count())] == ["red square", "blue dot"]

    # The pointer over the first row (sent to the list itself: offscreen, QTest's pointer goes to
    # whichever window is first at that screen position, here the main window below).
    row = QPointF(labels.visualItemRect(labels.item(0)).center())
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        row,
        QPointF(labels.viewport().mapToGlobal(row.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(labels.viewport(), move)
    assert view.items_shown[0].pen().widthF() == 4
    assert view.items_shown[1].opacity() < 1  # the other one steps back
    QApplication.sendEvent(labels.viewport(), QEvent(QEvent.Type.Leave))
    assert [item.opacity() for item in view.items_shown] == [1.0, 1.0]

    toggle = dialog.findChild(QCheckBox, "showAnnotationsToggle")
    assert isinstance(toggle, QCheckBox)
    red = label_colour("red square", LABELS)
    thumb = thumbnail_picture(window, exchange_id)
    x = BOX[0] * thumb.width() / 1600
    y = (BOX[1] + BOX[3]) / 2 * thumb.height() / 1200
    assert coloured_near(thumb, x, y, red)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not any(item.isVisible() for item in view.items_shown)
    assert not window.annotations_tool.show_action.isChecked()
    assert not coloured_near(thumbnail_picture(window, exchange_id), x, y, red)
    window.annotations_tool.show_action.trigger()  # the Tools menu's switch brings them back
    assert toggle.isChecked() and all(item.isVisible() for item in view.items_shown)
    assert coloured_near(thumbnail_picture(window, exchange_id), x, y, red)


def test_boxes_move_to_another_image_of_the_turn(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    server.add_scenario("ground", answering(RELATIVE_ANSWER))
    window = make_window("--base-url", server.base_url("ground"), "--model", "qwen3-vl-plus")
    first = scene_image(tmp_path / "first.png", (1600, 1200))
    second = scene_image(tmp_path / "second.png", (800, 800))
    mime = file_mime(first, second)
    assert drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)
    window.annotations_tool.send_grounding("find", "red square")
    exchange_id = wait_annotated(qtbot, window)
    red = label_colour("red square", LABELS)

    # The answer names no image: the first gets them.
    dialog = window.annotations_tool.open_viewer(exchange_id, 1)
    assert dialog is not None
    picker = dialog.findChild(QComboBox, "viewerImagePicker")
    assert isinstance(picker, QComboBox) and picker.count() == 2
    assert picker.currentIndex() == 1 and dialog.view.items_shown == []
    assert "another image" in dialog.notes.text()
    move = dialog.findChild(QPushButton, "moveAnnotationsButton")
    assert isinstance(move, QPushButton) and move.isEnabled()

    qtbot.mouseClick(move, Qt.MouseButton.LeftButton)
    # Mapped again onto the 800×800 image: 0–1000 of it.
    box, point = dialog.view.items_shown
    assert box.rect() == QRectF(QPointF(200, 200), QPointF(400, 480))
    assert point.point == QPointF(600, 400)
    first_thumb = thumbnail_picture(window, exchange_id, 0)
    second_thumb = thumbnail_picture(window, exchange_id, 1)
    s1, s2 = first_thumb.height() / 1200, second_thumb.height() / 800
    assert not coloured_near(first_thumb, 400 * first_thumb.width() / 1600, 510 * s1, red)
    assert coloured_near(second_thumb, 200 * second_thumb.width() / 800, 340 * s2, red)

    picker.setCurrentIndex(0)
    assert dialog.view.items_shown == []
    assert dialog.view.sceneRect() == QRectF(0, 0, 1600, 1200)


def square_in_sent_pixels() -> Scenario:
    """Answers as Qwen2.5-VL does: the red square of :func:`scene_image` in pixels of the image
    it received (read from the request's data URI)."""

    async def scenario(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        (url,) = [
            part["image_url"]["url"]
            for part in req.body["messages"][-1]["content"]
            if part["type"] == "image_url"
        ]
        with Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))) as sent:
            w, h = sent.size
        box = [round(w / 4), round(h / 4), round(w / 2), round(h * 3 / 5)]
        await answering(json.dumps({"bbox_2d": box, "label": "square"}))(server, req, reply)

    return scenario


def test_an_absolute_family_answer_is_drawn_at_the_original_pixels(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    """Qwen2.5-VL answers in pixels of the image it saw (the one sent, reduced to its budget):
    the viewer puts the box on the original's pixels, around the square in the picture."""
    server.add_scenario("ground", square_in_sent_pixels())
    window = make_window(
        "--base-url", server.base_url("ground"), "--model", "qwen2.5-vl-7b-instruct"
    )
    mime = file_mime(scene_image(tmp_path / "big.png", (2400, 1800)))
    assert drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    (attachment,) = window.draft.attachments()
    assert attachment.sent_size is not None and attachment.sent_size[0] < 2400  # reduced
    window.annotations_tool.send_grounding("find", "square")
    exchange_id = wait_annotated(qtbot, window)

    dialog = window.annotations_tool.open_viewer(exchange_id)
    assert dialog is not None
    (box,) = dialog.view.items_shown
    rect = box.rect()
    got = (rect.left(), rect.top(), rect.right(), rect.bottom())
    assert got == pytest.approx((600, 450, 1200, 1080), abs=3)  # the square in the original
    # and the picture under it is the square's: the sent picture spans the original's pixels
    qtbot.waitExposed(dialog)
    dialog.view.fit()
    shown = dialog.view.viewport().grab().toImage()
    inside = dialog.view.mapFromScene(rect.center())
    outside = dialog.view.mapFromScene(QPointF(rect.left() - 60, rect.center().y()))
    assert near(shown.pixelColor(inside), (220, 30, 30))
    assert near(shown.pixelColor(outside), (255, 255, 255))


@pytest.mark.parametrize(
    ("answer", "boxes"),
    [
        # bare JSON, one object
        ('{"bbox_2d": [0, 0, 500, 500], "label": "a"}', [("a", (0, 0, 800, 600), 0)]),
        # cut mid-JSON: the complete item is kept
        (
            '```json\n[{"bbox_2d": [0, 0, 500, 500], "label": "a"}, {"bbox_2d": [10, 2',
            [("a", (0, 0, 800, 600), 0)],
        ),
        # several images: the one the answer names
        (
            'In image 2: [{"bbox_2d": [500, 500, 1000, 1000], "label": "b"}]',
            [("b", (400, 400, 800, 800), 1)],
        ),
    ],
)
def test_answers_of_each_shape_reach_the_viewer(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    tmp_path: Path,
    answer: str,
    boxes: list[tuple[str, tuple[float, ...], int]],
) -> None:
    server.add_scenario("ground", answering(answer))
    window = make_window("--base-url", server.base_url("ground"), "--model", "qwen3-vl-plus")
    mime = file_mime(
        scene_image(tmp_path / "one.png", (1600, 1200)),
        scene_image(tmp_path / "two.png", (800, 800)),
    )
    assert drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)
    window.annotations_tool.send_grounding("find", "things")
    exchange_id = wait_annotated(qtbot, window)
    shown = []
    for label, _box, image in boxes:
        dialog = window.annotations_tool.open_viewer(exchange_id, image)
        assert dialog is not None
        shown += [(item.label, item.rect(), image) for item in dialog.view.items_shown]
        assert [item.label for item in dialog.view.items_shown] == [label]
    assert shown == [
        (label, QRectF(QPointF(x1, y1), QPointF(x2, y2)), image)
        for label, (x1, y1, x2, y2), image in boxes
    ]


# -- exports ------------------------------------------------------------------------------------


def test_export_png_at_original_size_and_json_in_original_pixels(
    grounded: tuple[MainWindow, Path], qtbot: QtBot, tmp_path: Path
) -> None:
    window, _image = grounded
    window.annotations_tool.send_grounding("find", "red square")
    exchange_id = wait_annotated(qtbot, window)
    dialog = open_viewer_by_click(qtbot, window, exchange_id)

    png = tmp_path / "out" / "scene-annotated.png"
    png.parent.mkdir()
    save_through_the_dialog(qtbot, dialog, "exportAnnotatedPngButton", png)
    qtbot.waitUntil(lambda: "Saved" in dialog.notes.text(), timeout=8000)
    assert str(png) in dialog.notes.text()
    with Image.open(png) as drawn:
        assert drawn.size == (1600, 1200)  # the original's size, drawn on the original file
        rgb = drawn.convert("RGB")
        red = label_colour("red square", LABELS)
        # draw_annotations' outline starts at the box's corner pixel
        assert rgb.getpixel((400, 600)) == red
        assert rgb.getpixel((799, 600)) == red
        assert rgb.getpixel((200, 600)) == (255, 255, 255)
        assert rgb.getpixel((1200, 600)) == label_colour("blue dot", LABELS)

    exported = tmp_path / "out" / "scene-annotations.json"
    save_through_the_dialog(qtbot, dialog, "exportAnnotationsJsonButton", exported)
    qtbot.waitUntil(exported.exists, timeout=3000)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["boxes"] == [{"label": "red square", "bbox": [400, 300, 800, 720], "image": 1}]
    assert data["points"] == [{"label": "blue dot", "point": [1200, 600], "image": 1}]
    assert data["images"][0]["size"] == [1600, 1200]


def save_through_the_dialog(
    qtbot: QtBot, dialog: ImageViewerDialog, button: str, path: Path
) -> None:
    clicked = dialog.findChild(QPushButton, button)
    assert isinstance(clicked, QPushButton) and clicked.isEnabled()
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    files = dialog.findChild(QFileDialog, "annotationExportDialog")
    assert isinstance(files, QFileDialog)
    qtbot.waitUntil(files.isVisible, timeout=3000)
    files.selectFile(str(path))
    files.accept()


def test_a_reply_without_boxes_marks_nothing_and_the_viewer_still_zooms(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    mime = file_mime(scene_image(tmp_path / "plain.png", (640, 480)))
    assert drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    window.prompt.setPlainText("What is it?")
    window.send()
    qtbot.waitUntil(lambda: window.controller.last_exchange() is not None, timeout=3000)
    last = window.controller.last_exchange()
    assert last is not None
    qtbot.waitUntil(lambda: last.is_settled, timeout=5000)
    qtbot.waitUntil(lambda: bool(window.transcript.thumbnails(last.id)), timeout=3000)
    dialog = open_viewer_by_click(qtbot, window, last.id)
    assert window.annotations_tool.store.get(last.id) is None
    assert dialog.view.items_shown == []
    assert dialog.view.sceneRect() == QRectF(0, 0, 640, 480)
    assert not dialog.png_button.isEnabled() and not dialog.json_button.isEnabled()


# -- HiDPI --------------------------------------------------------------------------------------


def test_drawn_pixels_at_a_device_pixel_ratio_of_2(tmp_path: Path) -> None:
    """The whole flow in a process with ``QT_SCALE_FACTOR=2``: the thumbnail's and the viewer's
    device pixels carry the box where the original's coordinates, scaled, put it."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QWENVL_DESKTOP_CONFIG=str(tmp_path / "absent.toml"),
    )
    image = scene_image(tmp_path / "scene.png")
    out = subprocess.run(
        [sys.executable, "-m", "tests.gui.annotations_hidpi", str(image)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["dpr"] == 2.0
    # The thumbnail: twice the pixels of its logical size, the box at original × scale.
    assert report["thumb_pixels_per_logical"] >= 2.0
    assert report["thumb_left_edge_red"] and report["thumb_right_edge_red"]
    assert report["thumb_top_edge_red"] and not report["thumb_outside_red"]
    # The viewer: its grab has 2 device pixels per logical pixel; the box edge is at the scene
    # point mapped to the viewport, times 2.
    assert report["grab_dpr"] == 2.0
    assert report["viewer_rect"] == [400.0, 300.0, 800.0, 720.0]
    assert report["viewer_left_edge_red"] and report["viewer_right_edge_red"]
    assert report["viewer_top_edge_red"] and not report["viewer_outside_red"]
    assert report["viewer_dot_blue"]
    # the sent picture lies on the original's pixels: the square under the box, white outside
    assert report["viewer_square_inside"] and report["viewer_white_outside"]
