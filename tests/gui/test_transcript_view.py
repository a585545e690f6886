"""The transcript as a person sees it: a question sent while scrolled up, and its colours in
light and dark palettes (issue 11, defects 1 and 2).

GIVEN the real window against the loopback server, WHEN a question is sent or the palette
changes, THEN the question is in view and every colour in the document reads on the view's base.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.transcript.colours import MIN_CONTRAST, contrast_ratio, over
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    error_body,
    usage_json,
)

from .conftest import WindowFactory
from .test_window import ask, transcript_text, wait_idle

pytestmark = pytest.mark.gui

RICH_ANSWER = """## Findings

See [the docs](https://example.com/docs) and `inline code`.

| Quarter | Value |
|---|---|
| Q1 | 42 |
| Q2 | 58 |

```python
print("hello")
```

> A quoted line.
"""


async def sc_rich(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """Thinking, then a Markdown answer with a link, a table, code and a quote; the second
    request fails (an error turn with Details and Retry)."""
    if server.count(req.scenario) == 2:
        await reply.json(400, error_body("invalid_parameter_error", "<400> bad value"))
        return
    await reply.start()
    await reply.send(chunk_json({"content": None, "role": "assistant", "reasoning_content": ""}))
    await reply.send(chunk_json({"content": None, "reasoning_content": "Let me think."}))
    for start in range(0, len(RICH_ANSWER), 40):
        await reply.send(chunk_json({"content": RICH_ANSWER[start : start + 40]}))
    await reply.send(chunk_json({"content": "", "reasoning_content": None}, "stop"))
    await reply.send(usage_json(100, 40, completion_tokens_details={"reasoning_tokens": 5}))
    await reply.send(DONE)
    await reply.end()


def dark_palette() -> QPalette:
    """What GTK's Adwaita-dark gives Qt: a dark base, light text, and Qt's default link blue."""
    palette = QPalette(QColor("#353535"))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#323232"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#eeeeee"))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("#eeeeee"))
        palette.setColor(group, QPalette.ColorRole.Link, QColor("#0000ff"))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(128, 128, 128, 128))
    return palette


def light_palette() -> QPalette:
    palette = QPalette(QColor("#efefef"))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#000000"))
        palette.setColor(group, QPalette.ColorRole.Link, QColor("#0000ff"))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(0, 0, 0, 128))
    return palette


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[None]:
    previous = QPalette(qapp.palette())
    yield
    qapp.setPalette(previous)


def document_colours(document: QTextDocument) -> list[tuple[str, QColor, QColor | None]]:
    """(text, colour, block background or None) of every run with a colour of its own, and
    every table's border (its text "table")."""
    found: list[tuple[str, QColor, QColor | None]] = []
    block = document.begin()
    while block.isValid():
        background = block.blockFormat().background()
        shade = background.color() if background.style() != background.style().NoBrush else None
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            brush = fragment.charFormat().foreground()
            if brush.style() != brush.style().NoBrush:
                found.append((fragment.text(), brush.color(), shade))
            fragments += 1
        block = block.next()
    for frame in document.rootFrame().childFrames():
        border = frame.frameFormat().borderBrush()
        if border.style() != border.style().NoBrush:
            found.append(("table", border.color(), None))
    return found


def unreadable(window: MainWindow) -> list[str]:
    """The runs (and table borders) under WCAG AA on the transcript's base."""
    base = window.transcript.palette().color(QPalette.ColorRole.Base)
    poor = []
    for text, colour, shade in document_colours(window.transcript.document()):
        under = over(shade, base) if shade is not None else base
        ratio = contrast_ratio(colour, under)
        if ratio < MIN_CONTRAST:
            poor.append(f"{text!r} {colour.name()} on {under.name()}: {ratio:.2f}")
    return poor


def link_colour(window: MainWindow, text: str) -> str:
    document = window.transcript.document()
    found = document.find(text, document.characterCount(), QTextDocument.FindFlag.FindBackward)
    assert not found.isNull(), text
    return str(found.charFormat().foreground().color().name())


def finished_rich_conversation(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> MainWindow:
    server.add_scenario("rich", sc_rich)
    window = make_window("--base-url", server.base_url("rich"), "--model", "qvq-max")
    ask(qtbot, window, "Show me everything")
    qtbot.waitUntil(lambda: "A quoted line." in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    ask(qtbot, window, "And now fail")
    qtbot.waitUntil(lambda: "refused the request" in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    window.transcript.toggle_thinking(window.controller.conversation.exchanges[0].id)
    return window


def test_every_transcript_colour_reads_on_a_dark_base_and_follows_a_palette_switch(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    qapp: QApplication,
    app_palette: None,
) -> None:
    qapp.setPalette(dark_palette())
    window = finished_rich_conversation(make_window, server, qtbot)
    assert window.transcript.palette().color(QPalette.ColorRole.Base) == QColor("#323232")
    # (Retry and Copy answer are icon buttons now: test_turn_actions checks their colours.)
    # The Thinking header says "Thought for 1 s" when the answer came in a later batch.
    thinking = "Thought for" if "Thought for" in transcript_text(window) else "Thinking"
    labels = (thinking, "Details", "Copy as curl", "the docs")
    for label in labels:
        assert contrast_ratio(QColor(link_colour(window, label)), QColor("#323232")) >= 4.5
    assert unreadable(window) == []
    dark_links = {label: link_colour(window, label) for label in labels}

    qapp.setPalette(light_palette())
    qtbot.waitUntil(lambda: link_colour(window, "Copy as curl") != dark_links["Copy as curl"])
    assert window.transcript.palette().color(QPalette.ColorRole.Base) == QColor("#ffffff")
    for label in labels:
        assert link_colour(window, label) != dark_links[label], label
    assert unreadable(window) == []


def question_in_view(window: MainWindow, question: str) -> bool:
    view = window.transcript
    document = view.document()
    found = document.find(question, document.characterCount(), QTextDocument.FindFlag.FindBackward)
    if found.isNull():
        return False
    probe = QTextCursor(found)
    probe.setPosition(found.selectionStart())
    return view.viewport().rect().contains(view.cursorRect(probe))


def test_a_question_sent_while_scrolled_up_is_brought_into_view(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    window.resize(900, 600)
    bar = window.transcript.verticalScrollBar()
    for number in range(6):
        ask(qtbot, window, f"Question number {number}")
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bar.maximum() > window.transcript.viewport().height())
    bar.setValue(0)
    assert not question_in_view(window, "Question number 5")

    ask(qtbot, window, "The newest question")
    qtbot.waitUntil(lambda: "The newest question" in transcript_text(window), timeout=5000)
    qtbot.waitUntil(lambda: question_in_view(window, "The newest question"), timeout=2000)
