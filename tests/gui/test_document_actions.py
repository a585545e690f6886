"""OCR and document parsing as actions, in the real window against the loopback server.

Extract text goes to the region's OCR model for that question only (never on a custom endpoint);
the answers of the document tasks get one-click results under them (Copy text, Copy CSV, Save
.csv…, Copy LaTeX, Save Markdown…, Show boxes on the page); an image's context menu asks a task
about it at once; Capture and extract text puts a region's text on the clipboard.
"""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.documents.tasks import TASKS
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.tray import TrayIcon
from qwenvl_desktop.platform.single_instance import CAPTURE_TEXT
from tests.support.dashscope_server import LoopbackDashScope, RecordedRequest
from tests.support.document_answers import DOCUMENTS, documents_scenario, question_of

from .conftest import WindowFactory, make_image
from .test_capture_wiring import PatternHandler
from .test_window import click_link, replies_settled

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture(autouse=True)
def empty_clipboard():
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def documents(server: LoopbackDashScope) -> LoopbackDashScope:
    server.add_scenario(DOCUMENTS, documents_scenario)
    return server


def intl_window(
    make_window: WindowFactory, server: LoopbackDashScope, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """A window on region intl (which offers qwen-vl-ocr), served by the loopback server."""
    monkeypatch.setenv("QWENVL_DESKTOP_REGION_URLS", f"intl={server.base_url(DOCUMENTS)}")
    return make_window("--region", "intl", "--model", "qwen3-vl-plus")


def add_images(qtbot: QtBot, window: MainWindow, *paths: Path) -> None:
    window.image_pane.sourcesOffered.emit([(str(p), None) for p in paths])
    qtbot.waitUntil(
        lambda: len(window.draft.attachments()) == len(paths) and not window.draft.pending_count(),
        timeout=10000,
    )


def send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.prompt.setPlainText(text)
    qtbot.mouseClick(window.send_button, LEFT)


def wait_idle(qtbot: QtBot, window: MainWindow, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(window.controller.conversation.exchanges) == count and replies_settled(window),
        timeout=10000,
    )


def last_request(server: LoopbackDashScope) -> RecordedRequest:
    return server.chat_requests(DOCUMENTS)[-1]


def sent_image(request: RecordedRequest) -> Image.Image:
    (part,) = [p for p in request.body["messages"][-1]["content"] if p.get("type") == "image_url"]
    return Image.open(io.BytesIO(base64.b64decode(part["image_url"]["url"].split(",", 1)[1])))


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def test_extract_text_asks_the_ocr_model_for_that_question_only(
    make_window: WindowFactory,
    documents: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # GIVEN a window on intl with qwen3-vl-plus and a 3000×2000 screenshot (6 MP: more than
    # qwen3-vl-plus's 2.6 MP default, less than the OCR model's 8.4 MP)
    window = intl_window(make_window, documents, monkeypatch)
    add_images(qtbot, window, make_image(tmp_path / "page.png", (3000, 2000), "white"))
    assert window.draft.attachments()[0].sent_size != (3000, 2000)

    # WHEN Extract text is chosen and sent
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("extract-text"), LEFT)
    qtbot.mouseClick(window.send_button, LEFT)
    wait_idle(qtbot, window, 1)

    # THEN the OCR model read it, at the pixels that model uses…
    request = last_request(documents)
    assert request.body["model"] == "qwen-vl-ocr"
    width, height = sent_image(request).size
    assert width * height > 5_900_000  # the 28 px grid's sides: 2996×1988
    assert window.controller.conversation.exchanges[0].model == "qwen-vl-ocr"
    # …while the model in use, and the picker, stayed
    assert window.controller.model == "qwen3-vl-plus"
    picker = window.findChild(QComboBox, "modelPicker")
    assert isinstance(picker, QComboBox) and picker.currentText() == "qwen3-vl-plus"
    assert window.draft.model.name == "qwen3-vl-plus"

    # AND its answer has a one-click Copy text, without the fence the model put around it
    click_link(qtbot, window, "Copy text")
    assert clipboard() == "INVOICE 2024-117\nTotal: 42.00 EUR"
    assert window.statusBar().currentMessage() == "Text copied"

    # AND the next question goes to the model in use; a Retry of the OCR one to the OCR model
    send(qtbot, window, "What is this?")
    wait_idle(qtbot, window, 2)
    assert last_request(documents).body["model"] == "qwen3-vl-plus"
    first = window.controller.conversation.exchanges[0]
    assert window.controller.retry(first.id)
    wait_idle(qtbot, window, 2)
    assert last_request(documents).body["model"] == "qwen-vl-ocr"


def test_extract_text_on_a_custom_endpoint_keeps_the_model(
    make_window: WindowFactory, documents: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", documents.base_url(DOCUMENTS), "--model", "gateway-vl")
    add_images(qtbot, window, make_image(tmp_path / "a.png"))
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("extract-text"), LEFT)
    assert "custom endpoint keeps the chosen model" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.send_button, LEFT)
    wait_idle(qtbot, window, 1)
    assert last_request(documents).body["model"] == "gateway-vl"
    assert window.controller.model == "gateway-vl"


def test_table_answer_copies_and_saves_csv(
    make_window: WindowFactory, documents: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", documents.base_url(DOCUMENTS))
    add_images(qtbot, window, make_image(tmp_path / "a.png"))
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("table"), LEFT)
    qtbot.mouseClick(window.send_button, LEFT)
    wait_idle(qtbot, window, 1)

    click_link(qtbot, window, "Copy CSV")
    rows = list(csv.reader(io.StringIO(clipboard())))
    assert rows == [
        ["Item", "Price", "Note"],
        ["Tea, green", "3.50", "hot"],
        ["Cake", "4", "a | b"],
    ]

    click_link(qtbot, window, "Save .csv…")
    dialog = window.findChild(QFileDialog, "saveResultDialog")
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "out" / "prices.csv"
    dialog.fileSelected.emit(str(target))
    dialog.reject()
    with target.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == rows
    assert window.statusBar().currentMessage() == f"Saved {target}"


def test_formula_and_document_results(
    make_window: WindowFactory, documents: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", documents.base_url(DOCUMENTS))
    add_images(qtbot, window, make_image(tmp_path / "a.png"))
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("formula"), LEFT)
    qtbot.mouseClick(window.send_button, LEFT)
    wait_idle(qtbot, window, 1)
    click_link(qtbot, window, "Copy LaTeX")
    assert clipboard() == "\\frac{a}{b} = \\sqrt{c}"

    send(qtbot, window, TASKS["document"].prompt)  # a follow-up: the same image, resent
    wait_idle(qtbot, window, 2)
    exchange = window.controller.conversation.exchanges[1]
    target = tmp_path / "page.md"
    assert window.document_actions.save(exchange.id, "save-markdown", target)
    assert target.read_text(encoding="utf-8") == "# Report\n\nSome text.\n"
    # an ordinary answer gets no task results
    assert window.transcript.results_of(exchange) != ()
    send(qtbot, window, "Anything else?")
    wait_idle(qtbot, window, 3)
    assert window.transcript.results_of(window.controller.conversation.exchanges[2]) == ()


def test_qwenvl_html_shows_its_boxes_on_the_page(
    make_window: WindowFactory, documents: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", documents.base_url(DOCUMENTS))
    add_images(qtbot, window, make_image(tmp_path / "a.png", (800, 600), "white"))
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("document-html"), LEFT)
    assert window.prompt.toPlainText() == "qwenvl html"
    qtbot.mouseClick(window.send_button, LEFT)
    wait_idle(qtbot, window, 1)

    click_link(qtbot, window, "Show boxes on the page")
    viewer = window.annotations_tool.viewer
    assert viewer is not None and viewer.isVisible()
    turn = window.annotations_tool.store.get(window.controller.conversation.exchanges[0].id)
    assert turn is not None
    assert [b.label for b in turn.annotations.boxes] == ["Report", "Some text."]
    # relative 0–1000 on an 800×600 page: "100 50 900 150" → 80, 30, 720, 90
    assert turn.annotations.boxes[0].box == pytest.approx((80, 30, 720, 90))


def test_the_image_context_menu_asks_a_task_about_that_image_alone(
    make_window: WindowFactory,
    documents: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = intl_window(make_window, documents, monkeypatch)
    add_images(
        qtbot,
        window,
        make_image(tmp_path / "receipt.png", color="white"),
        make_image(tmp_path / "other.png", color="blue"),
    )
    first, second = window.draft.items()
    card = window.image_pane._cards[first.id]

    menu = window.image_pane.task_menu(first.id, card)
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions() if a.text()] == [
        *(task.label for task in TASKS.values()),
        "Remove",
    ]
    (extract,) = [a for a in menu.actions() if a.objectName() == "imageTask-ocr"]
    extract.trigger()
    wait_idle(qtbot, window, 1)

    request = last_request(documents)
    assert request.body["model"] == "qwen-vl-ocr"
    assert question_of(request.body) == TASKS["ocr"].prompt
    assert sent_image(request).getpixel((0, 0)) == (255, 255, 255)  # the receipt, alone
    assert [item.id for item in window.draft.items()] == [second.id]  # the other one stays
    assert window.controller.model == "qwen3-vl-plus"
    assert "Copy text" in window.transcript.toPlainText()


def test_capture_and_extract_text_puts_the_text_on_the_clipboard(
    make_window: WindowFactory,
    documents: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = intl_window(make_window, documents, monkeypatch)
    tools = window.capture_tools
    tools.capture.handlers = [PatternHandler(window)]
    tools.capture.settle_ms = 10
    tray = TrayIcon(parent=window)  # offscreen has no tray; its messages are still asked for
    tools.attach_tray(tray)
    messages: list[str] = []
    monkeypatch.setattr(tray, "showMessage", lambda _title, text, *_rest: messages.append(text))
    window.hide()  # in the tray, as a shortcut finds it

    tools.handle_instance_message(CAPTURE_TEXT)  # qwenvl-desktop --capture-text
    qtbot.waitUntil(lambda: tools.capture._selector is not None, timeout=3000)
    (overlay,) = tools.capture._selector.overlays()  # type: ignore[union-attr]
    qtbot.mousePress(overlay, LEFT, NO_MOD, QPoint(30, 20))
    qtbot.mouseMove(overlay, QPoint(60, 40))
    qtbot.mouseRelease(overlay, LEFT, NO_MOD, QPoint(80, 45))

    qtbot.waitUntil(lambda: clipboard() == "INVOICE 2024-117\nTotal: 42.00 EUR", timeout=10000)
    assert messages[-1] == "Text copied (33 characters): INVOICE 2024-117 Total: 42.00 EUR"
    assert not window.isVisible()  # the window stayed in the tray
    assert window.draft.count() == 0  # nothing attached
    request = last_request(documents)
    assert request.body["model"] == "qwen-vl-ocr"
    (attachment,) = window.controller.conversation.exchanges[0].attachments
    assert attachment.original_size == (100, 50)  # the dragged region, 50×25 at 2×
    assert window.controller.model == "qwen3-vl-plus"
