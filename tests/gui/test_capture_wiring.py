"""Issue 6 in the real window: paste anywhere, image links offered, watch mode, capture region,
quick prompts, tray and requests from another start — offscreen, against the loopback server.

The X11 side (another process's clipboard, ``--capture`` between two app processes) is in
tests/platform/test_window_x11.py.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.prompts.quick_prompts import DEFAULT_PROMPTS
from qwenvl_desktop.gui.capture_actions import CAPTURE_SHORTCUT
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.tray import TrayIcon
from qwenvl_desktop.platform.screenshot import Availability, ScreenGrab
from qwenvl_desktop.platform.single_instance import ASK_CLIPBOARD, CAPTURE, SHOW
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory
from .test_window import replies_settled

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def empty_clipboard():
    yield
    QGuiApplication.clipboard().clear()


def solid(width: int, height: int, rgb: tuple[int, int, int]) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(*rgb))
    return image


def transcript(window: MainWindow) -> str:
    return window.transcript.toPlainText()


def ask(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.prompt.setPlainText(text)
    qtbot.mouseClick(window.send_button, LEFT)


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: replies_settled(window), timeout=5000)


def focus(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is widget, timeout=2000)


def sent_images(body: dict) -> list[str]:
    return [
        part["image_url"]["url"]
        for message in body["messages"]
        if isinstance(message["content"], list)
        for part in message["content"]
        if part["type"] == "image_url"
    ]


def decoded(data_uri: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))


def menu_texts(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions() if a.menu()]


# -- menus -----------------------------------------------------------------------------------------


def test_edit_and_tools_menus_sit_in_the_usual_places(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    names = menu_texts(window)
    assert names[:2] == ["File", "Edit"]
    assert names[-2:] == ["Tools", "Help"]
    tools = window.capture_tools
    assert tools.paste_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    assert tools.capture_action.shortcut() == QKeySequence(CAPTURE_SHORTCUT)
    assert tools.watch_action.isCheckable() and not tools.watch_action.isChecked()
    assert tools.tools_menu.actions()[:3] == [
        tools.capture_action,
        tools.capture_text_action,
        tools.watch_action,
    ]
    # No other action of the window claims these shortcuts (an ambiguous shortcut never fires).
    claimed = [a.shortcut() for a in window.actions() if not a.shortcut().isEmpty()]
    for mine in (tools.paste_action, tools.capture_action, tools.capture_text_action):
        assert claimed.count(mine.shortcut()) == 1, mine.text()


# -- paste anywhere ----------------------------------------------------------------------------


def test_ctrl_v_anywhere_and_edit_paste_attach_clipboard_images_that_are_sent(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    clipboard = QGuiApplication.clipboard()

    # Ctrl+V with the focus in the transcript (not the question box, not the image pane)
    clipboard.setImage(solid(320, 200, (200, 40, 40)))
    focus(qtbot, window, window.transcript)
    qtbot.keyClick(window.transcript, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)

    # Edit ▸ Paste with the focus in the question box: the image, not text, is added
    clipboard.setImage(solid(64, 48, (40, 40, 200)))
    focus(qtbot, window, window.prompt)
    window.capture_tools.paste_action.trigger()
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)
    assert window.prompt.toPlainText() == ""
    attachments = window.draft.attachments()
    assert [a.original_size for a in attachments] == [(320, 200), (64, 48)]

    ask(qtbot, window, "What colours?")
    qtbot.waitUntil(lambda: "images=2" in transcript(window), timeout=5000)
    wait_idle(qtbot, window)
    # Flat captures go lossless, as WebP (smaller than PNG for flat colours).
    assert "[image/webp, image/webp]" in transcript(window)
    (request,) = server.chat_requests("echo")
    first, second = (decoded(uri).convert("RGB") for uri in sent_images(request.body))
    # the pipeline fits each image to the model's pixel grid; the pixels are the copied ones
    assert first.size == attachments[0].sent_size and first.getpixel((5, 5)) == (200, 40, 40)
    assert second.size == attachments[1].sent_size and second.getpixel((5, 5)) == (40, 40, 200)


def test_edit_paste_with_text_on_the_clipboard_pastes_text_into_the_question(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    QGuiApplication.clipboard().setText("what does this say?")
    focus(qtbot, window, window.prompt)
    window.capture_tools.paste_action.trigger()
    assert window.prompt.toPlainText() == "what does this say?"
    assert window.image_pane.count() == 0
    # …and elsewhere it says there is no image
    focus(qtbot, window, window.send_button)
    window.capture_tools.paste_action.trigger()
    assert window.statusBar().currentMessage() == "The clipboard holds no image."


def test_image_link_in_clipboard_text_is_offered_and_sent_as_that_url(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    link = "https://images.example/dogs/corgi.jpg"
    QGuiApplication.clipboard().setText(link)
    offer = window.capture_tools.link_offer
    assert not offer.isVisible()

    focus(qtbot, window, window.prompt)
    qtbot.keyClick(window.prompt, Qt.Key.Key_V, CTRL)
    assert window.prompt.toPlainText() == link  # the text paste went on
    assert offer.isVisible() and offer.links() == (link,)
    assert link in offer.text.text()
    assert window.image_pane.count() == 0  # offered, not attached

    qtbot.mouseClick(offer.attach_button, LEFT)
    assert not offer.isVisible()
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    (attachment,) = window.draft.attachments()
    assert attachment.kind == "url" and attachment.url == link

    ask(qtbot, window, "Which breed?")
    qtbot.waitUntil(lambda: "images=1" in transcript(window), timeout=5000)
    wait_idle(qtbot, window)
    assert f"[{link}]" in transcript(window)
    (request,) = server.chat_requests("echo")
    assert sent_images(request.body) == [link]


def test_dismissed_link_offer_attaches_nothing(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    QGuiApplication.clipboard().setText("https://images.example/a.png")
    window.capture_tools.paste()  # Edit ▸ Paste with the focus on no text box
    offer = window.capture_tools.link_offer
    assert offer.isVisible()
    qtbot.mouseClick(offer.dismiss_button, LEFT)
    assert not offer.isVisible() and window.image_pane.count() == 0


# -- watch mode --------------------------------------------------------------------------------


def test_watch_mode_attaches_each_new_image_once_with_a_notice_and_an_indicator(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    tools = window.capture_tools
    clipboard = QGuiApplication.clipboard()
    clipboard.setImage(solid(30, 30, (1, 2, 3)))  # already there: not attached by watch mode
    assert not tools.watch_indicator.isVisible()

    tools.watch_action.trigger()  # Tools ▸ Watch clipboard
    assert tools.is_watching() and tools.watch_indicator.isVisible()
    assert window.statusBar().isAncestorOf(tools.watch_indicator)
    assert tools.watch_indicator.text().endswith("Watching clipboard")

    image_a = solid(120, 90, (10, 180, 30))
    clipboard.setImage(image_a)
    qtbot.waitUntil(lambda: window.image_pane.count() == 1, timeout=3000)
    assert "attached (watching the clipboard)" in window.statusBar().currentMessage()
    assert "120×90" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    clipboard.setImage(image_a.copy())  # the same pixels again, copied anew
    qtbot.wait(300)  # several settle intervals: the copy was read and ignored
    assert window.image_pane.count() == 1
    assert window.statusBar().currentMessage() == ""

    clipboard.setImage(solid(60, 40, (200, 200, 0)))
    qtbot.waitUntil(lambda: window.image_pane.count() == 2, timeout=3000)

    tools.watch_action.trigger()  # off again
    assert not tools.is_watching() and not tools.watch_indicator.isVisible()
    clipboard.setImage(solid(50, 50, (0, 0, 0)))
    qtbot.wait(300)
    assert window.image_pane.count() == 2

    qtbot.waitUntil(lambda: window.draft.pending_count() == 0, timeout=5000)
    sizes = [a.original_size for a in window.draft.attachments()]
    assert sizes == [(120, 90), (60, 40)]


def test_the_indicator_turns_watch_mode_off(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    tools = window.capture_tools
    tools.set_watching(True)
    assert tools.watch_action.isChecked() and tools.watch_indicator.isVisible()
    qtbot.mouseClick(tools.watch_indicator, LEFT)
    assert not tools.is_watching() and not tools.watch_action.isChecked()
    assert not tools.watch_indicator.isVisible()


# -- quick prompts ---------------------------------------------------------------------------


def test_quick_prompts_sit_beside_the_images_and_fill_the_question(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"), "--model", "qwen3-vl-plus")
    bar = window.capture_tools.quick_prompts
    pane = window.image_pane
    assert bar.isVisible()
    bar_box = QRect(bar.mapTo(window, QPoint(0, 0)), bar.size())
    pane_box = QRect(pane.mapTo(window, QPoint(0, 0)), pane.size())
    assert bar_box.left() >= pane_box.right()  # to the right of the image pane…
    assert bar_box.top() < pane_box.bottom() and pane_box.top() < bar_box.bottom()  # …beside it

    qtbot.mouseClick(bar.button("describe"), LEFT)
    assert window.prompt.toPlainText() == DEFAULT_PROMPTS[0].text
    assert window.controller.model == "qwen3-vl-plus"  # not an OCR prompt: the model stays


@pytest.mark.parametrize(
    ("region", "notice"),
    [
        ("intl", "Extract text is asked of qwen-vl-ocr"),
        ("us", "Region us has no OCR model"),
    ],
)
def test_extract_text_says_which_model_reads_and_keeps_the_model_in_use(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    region: str,
    notice: str,
) -> None:
    monkeypatch.setenv(
        "QWENVL_DESKTOP_REGION_URLS",
        f"intl={server.base_url('echo-intl')},us={server.base_url('echo-us')}",
    )
    window = make_window("--region", region)
    before = window.controller.model
    qtbot.mouseClick(window.capture_tools.quick_prompts.button("extract-text"), LEFT)

    assert window.prompt.toPlainText().startswith("Extract all the text in this image.")
    # The OCR model is for that question only (tests/gui/test_document_actions.py): the model
    # in use, and the picker, stay.
    assert window.controller.model == before
    picker = window.findChild(QComboBox, "modelPicker")
    assert isinstance(picker, QComboBox) and picker.currentText() == before
    assert window.statusBar().currentMessage().startswith(notice)
    # the notice has room: it takes the endpoint label's place for a few seconds
    assert not window.status.endpoint.isVisible()


def test_saved_quick_prompts_are_the_ones_shown(
    make_window: WindowFactory, server: LoopbackDashScope, tmp_path: Path, qtbot: QtBot
) -> None:
    # isolated_settings points XDG_CONFIG_HOME at tmp_path/config
    saved = tmp_path / "config" / "qwenvl-desktop" / "quick_prompts.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(
        json.dumps(
            {
                "version": 1,
                "language": "German",
                "prompts": [{"id": "alt", "label": "Alt text", "text": "Write alt text."}],
            }
        )
    )
    window = make_window("--base-url", server.base_url("echo"))
    bar = window.capture_tools.quick_prompts
    assert [p.id for p in bar.prompts] == ["alt"]
    qtbot.mouseClick(bar.button("alt"), LEFT)
    assert window.prompt.toPlainText() == "Write alt text."


# -- capture region --------------------------------------------------------------------------


class PatternHandler:
    """A screenshot handler that 'reads' a 200×100 logical screen at 2×: a pattern we know."""

    name = "pattern"

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.window_visible_during_grab: bool | None = None

    def is_available(self) -> Availability:
        return Availability(True, "always")

    def grab(self) -> list[ScreenGrab]:
        self.window_visible_during_grab = self.window.isVisible()
        image = QImage(400, 200, QImage.Format.Format_RGB32)
        for y in range(200):
            for x in range(400):
                image.setPixelColor(x, y, QColor(x % 256, y, (x // 256) * 100))
        image.setDevicePixelRatio(2.0)
        return [ScreenGrab(image, QRect(0, 0, 200, 100), 2.0, "pattern")]


class UnavailableHandler:
    name = "nothing"

    def is_available(self) -> Availability:
        return Availability(False, "No screen here.", "Install a screen.")

    def grab(self) -> list[ScreenGrab]:
        raise AssertionError("an unavailable handler is never asked")


def pattern_capture_window(make_window: WindowFactory, server: LoopbackDashScope) -> MainWindow:
    """A window whose capture grabs the known pattern, with almost no settle delay."""
    window = make_window("--base-url", server.base_url("echo"))
    window.capture_tools.capture.handlers = [PatternHandler(window)]
    window.capture_tools.capture.settle_ms = 10
    return window


def test_capture_region_ends_in_an_attachment_of_the_dragged_pixels(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    tools = window.capture_tools
    handler = PatternHandler(window)
    tools.capture.handlers = [handler]
    tools.capture.settle_ms = 10

    crops: list[bytes] = []
    tools.capture.captured.connect(crops.append)

    tools.capture_action.trigger()  # Tools ▸ Capture region…
    qtbot.waitUntil(lambda: tools.capture._selector is not None, timeout=3000)
    assert handler.window_visible_during_grab is False  # the window is not in the picture
    (overlay,) = tools.capture._selector.overlays()  # type: ignore[union-attr]
    qtbot.mousePress(overlay, LEFT, NO_MOD, QPoint(30, 20))
    qtbot.mouseMove(overlay, QPoint(60, 40))
    qtbot.mouseRelease(overlay, LEFT, NO_MOD, QPoint(80, 45))

    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert window.isVisible()  # back after the capture
    (attachment,) = window.draft.attachments()
    assert attachment.original_size == (100, 50)  # 50×25 logical pixels at 2×
    assert attachment.source == "screen capture"
    assert window.statusBar().currentMessage() == "Screen capture 100×50 attached."
    # What the image pipeline was given: the device pixels under the selection, exactly
    (png,) = crops
    crop = Image.open(io.BytesIO(png)).convert("RGB")
    for x, y in [(0, 0), (99, 49), (37, 11)]:  # device pixel (60 + x, 40 + y) of the pattern
        assert crop.getpixel((x, y)) == ((60 + x) % 256, 40 + y, 0)

    ask(qtbot, window, "What is this?")
    qtbot.waitUntil(lambda: "images=1" in transcript(window), timeout=5000)
    wait_idle(qtbot, window)
    (request,) = server.chat_requests("echo")
    (sent,) = sent_images(request.body)
    assert decoded(sent).size == attachment.sent_size


def test_escape_cancels_the_capture_and_brings_the_window_back(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = pattern_capture_window(make_window, server)
    tools = window.capture_tools
    assert tools.start_capture()
    assert not tools.start_capture()  # one at a time
    qtbot.waitUntil(lambda: tools.capture._selector is not None, timeout=3000)
    qtbot.keyClick(tools.capture._selector.overlays()[0], Qt.Key.Key_Escape)  # type: ignore[union-attr]
    qtbot.waitUntil(window.isVisible, timeout=3000)
    assert window.statusBar().currentMessage() == "Capture cancelled."
    assert window.image_pane.count() == 0


def test_closing_the_window_ends_a_running_capture(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = pattern_capture_window(make_window, server)
    tools = window.capture_tools
    tools.start_capture()
    qtbot.waitUntil(lambda: tools.capture._selector is not None, timeout=3000)
    overlay = tools.capture._selector.overlays()[0]  # type: ignore[union-attr]
    window.close()
    assert not tools.capture.is_running() and not overlay.isVisible()


@pytest.mark.parametrize("handlers", ["real", "unavailable"])
def test_capture_that_cannot_work_says_why_in_a_non_modal_dialog(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, handlers: str
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    tools = window.capture_tools
    if handlers == "unavailable":
        tools.capture.handlers = [UnavailableHandler()]
    tools.capture.settle_ms = 10
    tools.capture_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "captureFailedDialog") is not None)
    box = window.findChild(QMessageBox, "captureFailedDialog")
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=3000)
    assert box.windowModality() == Qt.WindowModality.NonModal and not box.isModal()
    if handlers == "unavailable":
        assert "nothing: No screen here. Install a screen." in box.informativeText()
    else:
        # offscreen: every real handler says why it cannot run, in preference order
        text = box.informativeText()
        assert "qt: Qt runs on its 'offscreen' platform" in text
        assert text.index("qt:") < text.index("portal:") < text.index("grim:")
    assert window.isVisible() and not tools.capture.is_running()
    box.close()


# -- tray and other starts -------------------------------------------------------------------


def test_requests_from_another_start_capture_show_and_ask_about_the_clipboard(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = pattern_capture_window(make_window, server)
    tools = window.capture_tools

    window.hide()
    tools.handle_instance_message(SHOW)
    assert window.isVisible()

    QGuiApplication.clipboard().setImage(solid(90, 70, (5, 5, 5)))
    window.hide()
    tools.handle_instance_message(ASK_CLIPBOARD)
    assert window.isVisible()
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert window.draft.attachments()[0].original_size == (90, 70)

    tools.handle_instance_message(CAPTURE)
    assert tools.capture.is_running()
    qtbot.waitUntil(lambda: tools.capture._selector is not None, timeout=3000)
    tools.capture.cancel()
    qtbot.waitUntil(window.isVisible, timeout=3000)
    tools.handle_instance_message("no-such-request")  # logged, nothing else


def test_tray_mirrors_watch_mode_and_its_quit_really_closes(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    tools = window.capture_tools
    tray = TrayIcon(parent=window)  # offscreen has no tray; the icon still works as an object
    tools.attach_tray(tray)

    tray.watch_action.trigger()  # the tray's "Watch clipboard"
    assert tools.is_watching() and tools.watch_indicator.isVisible()
    tools.watch_action.trigger()  # the window's: the tray follows
    assert not tray.watch_action.isChecked()
    assert tray.toolTip() == "Qwen-VL Desktop"

    # The window manager's close button hides the window to the tray…
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    title_bar_close = TitleBarClose()
    QApplication.sendEvent(window, title_bar_close)
    assert not title_bar_close.isAccepted()
    assert not window.isVisible() and closed == []
    tray.showRequested.emit()
    assert window.isVisible()
    QApplication.sendEvent(window, TitleBarClose())
    assert not window.isVisible() and closed == []
    # …and the tray's Quit closes it for real, also while it is hidden.
    tray.quitRequested.emit()
    assert closed == [True] and not window.isVisible()


def test_with_a_tray_file_quit_still_quits(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    window.capture_tools.attach_tray(TrayIcon(parent=window))
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.quit_action.trigger()  # File ▸ Quit (and Ctrl+C in the terminal) call close()
    assert closed == [True]


def test_without_a_tray_the_close_button_closes(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    QApplication.sendEvent(window, TitleBarClose())
    assert closed == [True]


class TitleBarClose(QCloseEvent):
    """A close from the window manager's close button: Qt marks those spontaneous.

    Qt has no public way to send a spontaneous event; the window's filter asks the event
    object, which is this Python object, so the override is what it sees.
    """

    def spontaneous(self) -> bool:
        return True
