"""The real window against the loopback DashScope server.

GIVEN a window built by ``create_main_window`` (the automation contract), WHEN a person drops,
pastes, types, sends, stops, retries, switches region…, THEN the transcript shows it and the
server received the right request.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QComboBox, QPushButton, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import CN_KEY, WindowFactory, drop, file_mime, make_image
from .turn_buttons import click_button

pytestmark = pytest.mark.gui

SEED_ANSWER_START = "In the picture, a woman and her dog are interacting on the beach."
SEED_ANSWER_END = "a moment of friendship between a person and a pet."


def contract_widget(window: MainWindow, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    assert widget.accessibleName() == name
    return widget


def transcript_text(window: MainWindow) -> str:
    return contract_widget(window, "transcriptView").toPlainText()  # type: ignore[attr-defined]


def rendered_replies(view: QTextEdit) -> set[str]:
    """Exchange ids whose reply shows its footer ("Copy as curl", the last thing a reply gets,
    once its Markdown is rendered)."""
    found: set[str] = set()
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            href = fragments.fragment().charFormat().anchorHref()
            if href.startswith("qwenvl:curl/"):
                found.add(href.split("/", 1)[1])
            fragments += 1
        block = block.next()
    return found


def replies_settled(window: MainWindow) -> bool:
    """No answer streams, and every reply of the conversation is rendered with its footer."""
    if window.controller.busy:
        return False
    wanted = {exchange.id for exchange in window.controller.conversation.exchanges}
    return wanted <= rendered_replies(window.transcript)


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: replies_settled(window), timeout=timeout)


def link_center(view: QTextEdit, text: str) -> QPoint | None:
    """Viewport coordinates of the last link (or text) reading ``text`` in the transcript."""
    document = view.document()
    found = document.find(text, document.characterCount(), QTextDocument.FindFlag.FindBackward)
    if found.isNull():
        return None
    probe = QTextCursor(found)
    probe.setPosition(found.selectionStart() + 1)
    return view.cursorRect(probe).center()


def ask(qtbot: QtBot, window: MainWindow, text: str) -> None:
    prompt = contract_widget(window, "promptEdit")
    prompt.setFocus()
    qtbot.keyClicks(prompt, text)
    send = contract_widget(window, "sendButton")
    assert isinstance(send, QPushButton)
    qtbot.mouseClick(send, Qt.MouseButton.LeftButton)


def click_link(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click a link inside the transcript where a person would."""
    view = window.transcript
    point = link_center(view, text)
    assert point is not None, f"no link {text!r}"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def image_parts(body: dict) -> list[dict]:
    return [
        part
        for message in body["messages"]
        if isinstance(message["content"], list)
        for part in message["content"]
        if part["type"] == "image_url"
    ]


# -- the contract ---------------------------------------------------------------------------------


def test_contract_widgets_exist_and_window_builds_without_showing(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("seed"), "--model", "qwen3-vl-flash")
    for name in (
        "imagePane",
        "promptEdit",
        "sendButton",
        "stopButton",
        "transcriptView",
        "regionPicker",
        "modelPicker",
    ):
        contract_widget(window, name)
    picker = contract_widget(window, "modelPicker")
    assert isinstance(picker, QComboBox)
    assert picker.currentText() == "qwen3-vl-flash"
    region = contract_widget(window, "regionPicker")
    assert isinstance(region, QComboBox)
    assert region.currentText() == "custom"
    assert window.controller.base_url == server.base_url("seed")


# -- images in, answer out ------------------------------------------------------------------------


def test_drop_two_images_type_send_and_watch_the_answer_stream(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    pane = contract_widget(window, "imagePane")
    photo = make_image(tmp_path / "photo.jpg", (640, 480), "green")
    chart = make_image(tmp_path / "chart.png", (300, 200), "white")

    mime = file_mime(photo, chart)  # kept alive for the whole drop
    assert drop(pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)
    captions = [c.caption.text() for c in pane.findChildren(QWidget, "thumbnailCard")]  # type: ignore[attr-defined]
    # Each card shows the size sent (on the 32-px grid) and its format and tokens.
    assert captions[0].startswith("640×480 JPEG") and "tokens" in captions[0]
    assert captions[1].startswith("288×192 WebP")  # 300/32 = 9.4 → 288, 200/32 = 6.25 → 192

    ask(qtbot, window, "What is in these two images?")
    qtbot.waitUntil(lambda: "images=2" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    text = transcript_text(window)
    assert "What is in these two images?" in text
    assert "[image/jpeg, image/webp]" in text  # the echo of what the server received, in order
    (request,) = server.chat_requests("echo")
    parts = image_parts(request.body)
    assert [p["image_url"]["url"].split(";")[0] for p in parts] == [
        "data:image/jpeg",
        "data:image/webp",
    ]
    assert request.body["stream"] is True
    assert window.image_pane.count() == 0  # the images went with the question


def test_answer_streams_in_batches_and_renders_markdown_when_done(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("slow"))
    batches: list[str] = []
    window.controller.textBatch.connect(lambda _id, _r, answer: batches.append(answer))
    ask(qtbot, window, "Describe the picture")
    qtbot.waitUntil(lambda: "woman" in transcript_text(window), timeout=5000)
    assert window.controller.busy  # visible before the reply has ended: it streams
    # The window stays usable meanwhile: the next question can be typed.
    qtbot.keyClicks(window.prompt, "and the dog?")
    assert window.prompt.toPlainText() == "and the dog?"
    wait_idle(qtbot, window)
    assert len(batches) > 3  # the slow scenario spaces events 50 ms apart
    text = transcript_text(window)
    assert SEED_ANSWER_START in text and SEED_ANSWER_END in text
    assert "Tokens: prompt" in text and "first token" in text
    assert "tok/s" in window.status.rate.text()


def test_browser_drags_thumbnails_preview_and_remove(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    from .conftest import png_bytes

    window = make_window("--base-url", server.base_url("echo"))
    pane = window.image_pane
    # A browser drag with the image's bytes and its URL: the bytes are used, named by the URL.
    with_bytes = QMimeData()
    with_bytes.setUrls([QUrl("https://images.example/cats/tabby.png")])
    with_bytes.setData("image/png", png_bytes((400, 300)))
    drop(pane, with_bytes)
    # A drag that carries only a link: passed on for the service to fetch (not downloaded here).
    link_only = QMimeData()
    link_only.setUrls([QUrl("https://images.example/dogs/corgi.jpg")])
    drop(pane, link_only)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 2, timeout=5000)
    first, second = window.draft.attachments()
    assert first.kind == "data" and first.original_size == (400, 300)
    assert "tabby.png" in first.source
    assert second.kind == "url" and second.url == "https://images.example/dogs/corgi.jpg"
    cards = pane.findChildren(QWidget, "thumbnailCard")
    assert cards[1].caption.text().startswith("link")  # type: ignore[attr-defined]

    picture = cards[0].findChild(QWidget, "thumbnailPicture")
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton)
    preview = window.findChild(QWidget, "imagePreview")
    assert preview is not None and preview.isVisible()
    preview.close()

    qtbot.mouseClick(cards[1].findChild(QWidget, "removeImageButton"), Qt.MouseButton.LeftButton)
    assert [a.kind for a in window.draft.attachments()] == ["data"]


def spy_on_image_codecs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every image decoder and encoder the app can reach, counted (from any thread)."""
    import PIL.Image
    from PySide6.QtCore import QMimeData as MimeData
    from PySide6.QtGui import QImageReader

    calls: dict[str, list[str]] = {"decode": [], "encode": []}

    def spy(owner: object, name: str, kind: str, static: bool = False) -> None:
        original = getattr(owner, name)

        def counted(*args: object, **kwargs: object) -> object:
            result = original(*args, **kwargs)
            # Pillow's images say their size: the image saved (self), or the one opened.
            image = args[0] if kind == "encode" and args else result
            size = getattr(image, "size", None)
            at = f" {size[0]}x{size[1]}" if isinstance(size, tuple) else ""
            calls[kind].append(f"{getattr(owner, '__name__', owner)}.{name}{at}")
            return result

        monkeypatch.setattr(owner, name, staticmethod(counted) if static else counted)

    spy(PIL.Image, "open", "decode")
    spy(PIL.Image.Image, "save", "encode")
    spy(QImage, "fromData", "decode", static=True)
    spy(QImage, "loadFromData", "decode")
    spy(QImageReader, "read", "decode")
    spy(MimeData, "imageData", "decode")
    spy(QImage, "save", "encode")
    return calls


@pytest.mark.parametrize(
    ("picture", "sent_as", "encoder_runs"),
    [
        # A photo is written once, as JPEG (its quality measured on a 512×128 sample first).
        ("photo", "image/jpeg", 1),
        # A screenshot is written as lossless WebP and as PNG, and the smaller is sent: two
        # encodes of the same pixels, never a decode-encode round trip.
        ("screenshot", "image/webp", 2),
    ],
)
def test_browser_drop_of_png_bytes_is_decoded_once_and_encoded_once(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    picture: str,
    sent_as: str,
    encoder_runs: int,
) -> None:
    import io

    from PIL import Image

    # GIVEN a browser drag carrying PNG bytes and the image's link, and every codec counted
    window = make_window("--base-url", server.base_url("echo"))
    size = (400, 300)
    if picture == "photo":
        noise = Image.effect_noise(size, 60)
        pixels = Image.merge("RGB", (noise, Image.linear_gradient("L").resize(size), noise))
    else:
        pixels = Image.new("RGB", size, "white")
        pixels.paste((20, 40, 200), (40, 40, 360, 80))
    encoded = io.BytesIO()
    pixels.save(encoded, "PNG")
    mime = QMimeData()
    mime.setUrls([QUrl("https://images.example/beach.png")])
    mime.setData("image/png", encoded.getvalue())
    codecs = spy_on_image_codecs(monkeypatch)

    # WHEN it is dropped on the image pane and the question is sent
    drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    ask(qtbot, window, "What is this?")
    qtbot.waitUntil(lambda: "images=1" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    # THEN Pillow decoded it once, the pipeline's encoding step ran once at the size sent (400×300
    # on the 32-px grid: 384×288), and Qt did neither. Anything else is the photo's quality
    # measurement: trial JPEGs of the 512×128 sample, written and read back.
    sample = ["PIL.Image.open 512x128", "Image.save 512x128"]
    assert [c for c in codecs["decode"] if c not in sample] == ["PIL.Image.open 400x300"]
    assert [c for c in codecs["encode"] if c not in sample] == ["Image.save 384x288"] * encoder_runs
    assert (len(codecs["decode"]) > 1) == (picture == "photo")
    (request,) = server.chat_requests("echo")
    (part,) = image_parts(request.body)
    assert part["image_url"]["url"].startswith(f"data:{sent_as};base64,")


def test_paste_a_clipboard_screenshot_with_ctrl_v(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    screenshot = QImage(800, 450, QImage.Format.Format_ARGB32)
    screenshot.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(screenshot)

    prompt = contract_widget(window, "promptEdit")
    prompt.setFocus()
    qtbot.keyClick(prompt, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert prompt.toPlainText() == ""  # the image did not land in the text box
    attachment = window.draft.attachments()[0]
    assert attachment.original_size == (800, 450)

    ask(qtbot, window, "What app is this?")
    qtbot.waitUntil(lambda: "images=1 [image/webp]" in transcript_text(window), timeout=5000)


def test_unusable_drops_get_an_inline_message(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    good = make_image(tmp_path / "ok.png")
    mime = file_mime(notes, good)
    drop(window.image_pane, mime)
    qtbot.waitUntil(lambda: window.draft.pending_count() == 0, timeout=5000)
    assert len(window.draft.attachments()) == 1
    assert any("notes.txt" in m for m in window.image_pane.messages())
    assert window.image_pane.message_label.isVisible()

    text_mime = QMimeData()
    text_mime.setText("just some words")
    drop(window.image_pane, text_mime)
    assert "not an image" in window.image_pane.messages()[-1]

    empty = QMimeData()
    empty.setData("application/x-unknown", b"\x00\x01")
    drop(window.image_pane, empty)
    assert "Nothing in that was an image" in window.image_pane.messages()[-1]
    assert len(window.draft.attachments()) == 1


# -- stop, errors, retry --------------------------------------------------------------------------


def test_stop_mid_stream_keeps_what_arrived(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("slow"))
    ask(qtbot, window, "Describe slowly")
    qtbot.waitUntil(lambda: "woman" in transcript_text(window), timeout=5000)
    stop = contract_widget(window, "stopButton")
    assert stop.isEnabled()
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    exchange = window.controller.last_exchange()
    assert exchange is not None and exchange.state == "stopped"
    text = transcript_text(window)
    assert "Stopped" in text
    assert exchange.answer and exchange.answer.split()[0] in text
    assert SEED_ANSWER_END not in text
    kept = exchange.answer
    qtbot.wait(200)  # nothing more arrives after the stop
    assert exchange.answer == kept
    assert contract_widget(window, "sendButton").isEnabled()


def test_esc_in_the_prompt_stops(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("slow"))
    ask(qtbot, window, "Describe slowly")
    qtbot.waitUntil(lambda: "woman" in transcript_text(window), timeout=5000)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    exchange = window.controller.last_exchange()
    assert exchange is not None and exchange.state == "stopped"


def test_error_turn_shows_sentence_details_and_retry_resends_the_same_turn(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.support.dashscope_server import error_body, sc_seed

    async def fail_once(srv: LoopbackDashScope, req, reply) -> None:  # type: ignore[no-untyped-def]
        if srv.count(req.scenario) == 1:
            await reply.json(400, error_body("invalid_parameter_error", "<400> bad value"))
        else:
            await sc_seed(srv, req, reply)

    server.add_scenario("failonce", fail_once)
    window = make_window("--base-url", server.base_url("failonce"))
    window.draft.add_sources([make_image(tmp_path / "a.png")])
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    ask(qtbot, window, "Why does this fail?")
    qtbot.waitUntil(lambda: "refused the request" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)

    document = window.transcript.document()
    details = document.find("request id: req-err-42")
    assert not details.isNull() and not details.block().isVisible()
    click_link(qtbot, window, "Details")
    assert details.block().isVisible()
    assert "code: invalid_parameter_error" in transcript_text(window)

    click_button(qtbot, window.transcript, "retry")  # the Retry icon button
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    first, second = server.chat_requests("failonce")
    assert first.body["messages"] == second.body["messages"]
    assert len(image_parts(second.body)) == 1
    text = transcript_text(window)
    assert "refused the request" not in text  # the error was replaced by the answer
    assert text.count("Why does this fail?") == 1


def test_mid_stream_error_keeps_the_partial_answer(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("mid-stream-error"))
    ask(qtbot, window, "Go")
    qtbot.waitUntil(lambda: "content check" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    exchange = window.controller.last_exchange()
    assert exchange is not None and exchange.state == "failed" and exchange.answer
    assert exchange.answer.strip()[:20] in transcript_text(window)


# -- regions, keys, models ------------------------------------------------------------------------


def test_region_switch_changes_key_and_endpoint(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The catalog endpoints are replaced through the region_urls setting (what a gateway uses).
    monkeypatch.setenv(
        "QWENVL_DESKTOP_REGION_URLS",
        f"intl={server.base_url('seed-intl')},cn={server.base_url('seed-cn')}",
    )
    monkeypatch.setenv("DASHSCOPE_API_KEY_INTL", TEST_KEY)
    monkeypatch.setenv("DASHSCOPE_API_KEY_CN", CN_KEY)
    window = make_window("--region", "intl", key=None)
    ask(qtbot, window, "First, in Singapore")
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    assert "seed-intl" in window.status.endpoint.text()

    region = contract_widget(window, "regionPicker")
    assert isinstance(region, QComboBox)
    region.setCurrentIndex(region.findText("cn"))
    qtbot.waitUntil(lambda: window.controller.key_state.present is True, timeout=5000)
    assert window.controller.base_url == server.base_url("seed-cn")
    assert "seed-cn" in window.status.endpoint.text()
    models = contract_widget(window, "modelPicker")
    assert isinstance(models, QComboBox)
    assert models.findText("qwen-vl-max-2024-11-19") >= 0  # a Beijing-only snapshot is offered

    ask(qtbot, window, "Then, in Beijing")
    qtbot.waitUntil(lambda: transcript_text(window).count(SEED_ANSWER_END) == 2, timeout=5000)
    (intl,) = server.chat_requests("seed-intl")
    (cn,) = server.chat_requests("seed-cn")
    assert intl.authorization == f"Bearer {TEST_KEY}"
    assert cn.authorization == f"Bearer {CN_KEY}"


def test_missing_key_shows_the_welcome_and_the_key_goes_to_the_keyring(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    # No modal dialog: the welcome in the transcript's place takes the key (tests/gui/
    # test_welcome.py follows it further); the key dialog stays for File ▸ Set API key….
    window = make_window("--base-url", server.base_url("seed"), key=None)
    assert window.controller.key_state.present is False
    ask(qtbot, window, "Hello without a key")
    assert window.findChild(QWidget, "keyDialog") is None
    welcome = window.findChild(QWidget, "welcomePanel")
    assert welcome is not None and welcome.isVisible()
    assert window.prompt.toPlainText() == "Hello without a key"  # kept until it can be sent
    key_edit = welcome.findChild(QWidget, "welcomeKeyEdit")
    qtbot.keyClicks(key_edit, TEST_KEY)
    qtbot.keyClick(key_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    target = f"endpoint:{server.base_url('seed')}"
    assert memory_keyring.entries[("qwenvl-desktop", target)] == TEST_KEY
    (request,) = server.chat_requests("seed")
    assert request.authorization == f"Bearer {TEST_KEY}"


def test_model_without_image_support_keeps_images_and_offers_another(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from qwenvl_desktop.core.protocol import load_catalog

    catalog = load_catalog()
    text_only = replace(catalog.model("qwen-vl-max"), name="text-only-vl", accepts_images=False)
    monkeypatch.setitem(catalog.models, "text-only-vl", text_only)
    window = make_window("--base-url", server.base_url("echo"), "--model", "text-only-vl")
    window.draft.add_sources([make_image(tmp_path / "x.png")])
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert window.image_pane.banner.isVisible()
    assert "cannot read images" in window.image_pane.banner_text.text()
    ask(qtbot, window, "Look")
    assert server.chat_requests() == []  # not sent, and the image is still there
    assert len(window.draft.attachments()) == 1
    qtbot.mouseClick(window.image_pane.banner_button, Qt.MouseButton.LeftButton)
    assert window.controller.model_info.accepts_images
    assert not window.image_pane.banner.isVisible()
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "images=1" in transcript_text(window), timeout=5000)


# -- thinking -------------------------------------------------------------------------------------


def test_thinking_model_streams_reasoning_into_a_section_that_folds(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("qvq"), "--model", "qvq-max")
    assert "thinks" in window.picker.flags.text()
    assert not window.picker.thinking.isVisible()  # always-on thinking has no switch
    ask(qtbot, window, "What is this?")
    qtbot.waitUntil(lambda: "A dog on a beach." in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    exchange = window.controller.last_exchange()
    assert exchange is not None
    text = transcript_text(window)
    # "Thought for 1 s" when the reasoning came in a batch before the answer, else "Thinking".
    title = "Thinking" if "▸ Thinking" in text else "Thought for"
    assert text.index(title) < text.index("I see a dog.") < text.index("A dog on a beach.")
    assert f"▸ {title}" in text and " characters)" in text  # folded, with its length
    reasoning_block = window.transcript.document().find("I see a dog.").block()
    assert not reasoning_block.isVisible()
    click_link(qtbot, window, title)
    assert f"▾ {title}" in transcript_text(window)
    assert f"▸ {title}" not in transcript_text(window)
    assert reasoning_block.isVisible()
    assert "reasoning 20" in text and "image 1,250" in text


def test_hybrid_thinking_switch_and_budget_go_into_the_request(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("reasoning"), "--model", "qwen3-vl-plus")
    assert window.picker.thinking.isVisible() and window.picker.budget.isVisible()
    window.picker.thinking.setChecked(True)
    window.picker.budget.setValue(4096)
    ask(qtbot, window, "How many r in strawberry?")
    qtbot.waitUntil(lambda: "Thinking" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    (request,) = server.chat_requests("reasoning")
    assert request.body["enable_thinking"] is True
    assert request.body["thinking_budget"] == 4096
    document = window.transcript.document()
    # Markdown rendered once finished: "**3**" is bold text, not asterisks.
    assert "**" not in transcript_text(window).split("Tokens:")[0].split("strawberry?")[-1]
    cursor = document.find("instances of the letter")
    assert not cursor.isNull()


# -- conversation ---------------------------------------------------------------------------------


def test_follow_up_question_carries_history_and_earlier_images(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    window.draft.add_sources([make_image(tmp_path / "beach.webp")])
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    ask(qtbot, window, "What is in the picture?")
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    ask(qtbot, window, "And what is the dog doing?")
    qtbot.waitUntil(lambda: len(server.chat_requests("seed")) == 2, timeout=5000)
    wait_idle(qtbot, window)
    messages = server.chat_requests("seed")[1].body["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    first_parts = messages[0]["content"]
    assert first_parts[0] == {"type": "text", "text": "What is in the picture?"}
    assert first_parts[1]["image_url"]["url"].startswith("data:image/")
    assert messages[1]["content"].startswith(SEED_ANSWER_START)
    assert messages[2]["content"] == "And what is the dog doing?"


def test_regenerate_copy_and_new_conversation(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    ask(qtbot, window, "Describe")
    qtbot.waitUntil(lambda: SEED_ANSWER_END in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    window.regenerate_action.trigger()
    qtbot.waitUntil(lambda: len(server.chat_requests("seed")) == 2, timeout=5000)
    wait_idle(qtbot, window)
    first, second = server.chat_requests("seed")
    assert first.body["messages"] == second.body["messages"]
    assert transcript_text(window).count(SEED_ANSWER_END) == 1  # replaced, not appended

    click_button(qtbot, window.transcript, "copy")  # the Copy answer icon button
    assert QGuiApplication.clipboard().text().startswith(SEED_ANSWER_START)

    window.new_action.trigger()
    assert transcript_text(window).strip() == ""
    assert window.controller.conversation.exchanges == []


def test_closing_the_window_during_a_stream_cancels_it_cleanly(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, qloop
) -> None:
    window = make_window("--base-url", server.base_url("slow"))
    ask(qtbot, window, "Long answer please")
    qtbot.waitUntil(lambda: "woman" in transcript_text(window), timeout=5000)
    window.close()
    closing = qloop.create_task(window.aclose())
    qtbot.waitUntil(closing.done, timeout=3000)
    assert closing.exception() is None
    assert window.controller.is_closed
    exchange = window.controller.last_exchange()
    assert exchange is not None and exchange.state == "incomplete"
    assert exchange.answer  # what arrived before the close is kept
