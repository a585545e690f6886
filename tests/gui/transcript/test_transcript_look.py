"""How answers look in the transcript (issue 11): highlighted code with a language label and a
copy button per block, quotes that look like quotes, the block being written shown rendered
mid-stream, the Thinking clock, and a readable line length on wide windows.

GIVEN a real :class:`TranscriptView` fed through its API (``add_exchange``, ``append_text`` in
batches, ``finish_reply``) as the window feeds it, WHEN an answer arrives, THEN the document holds
what a person sees: formats, colours, tables, code blocks; clicks copy the right block.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.gui.transcript.code_blocks import QUOTE_INDENT, highlight_roles
from qwenvl_desktop.gui.transcript.colours import (
    CODE_ROLES,
    COLOUR_ROLE,
    MIN_CONTRAST,
    TranscriptColours,
    contrast_ratio,
)
from qwenvl_desktop.gui.transcript.turn_style import MAX_LINE_CHARACTERS
from qwenvl_desktop.gui.transcript.view import TranscriptView

from ..test_transcript_view import dark_palette, light_palette

pytestmark = pytest.mark.gui

TWO_BLOCKS = """Here is the code.

```python
def load(path):
    return open(path).read()  # all of it
```

And the shell part:

```sh
ls -l /tmp
```

> Close the file when done.

| Step | Command |
|---|---|
| list | `ls` |

Done.
"""


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[None]:
    previous = QPalette(qapp.palette())
    yield
    qapp.setPalette(previous)


def finished(view: TranscriptView, answer: str, step: int = 0, reasoning: str = "") -> Exchange:
    """An exchange whose answer streamed in batches of ``step`` characters (0: all at once)."""
    exchange = Exchange("Show me")
    view.add_exchange(exchange)
    if reasoning:
        view.append_text(exchange.id, reasoning, "")
    for start in range(0, len(answer), step or len(answer)):
        view.append_text(exchange.id, "", answer[start : start + (step or len(answer))])
    exchange.answer, exchange.reasoning, exchange.state = answer, reasoning, "done"
    view.finish_reply(exchange)
    view._drain_renders()
    return exchange


def block_of(view: TranscriptView, text: str) -> QTextBlock:
    found = view.document().find(text)
    assert not found.isNull(), text
    return found.block()


def label(header: QTextBlock) -> str:
    """A code block header's words (its copy button is an image: U+FFFC in the text)."""
    return header.text().replace("\ufffc", "").strip()


def role_at(view: TranscriptView, text: str) -> tuple[str | None, QColor]:
    """The colour role and colour of the first character of ``text`` in the document."""
    found = view.document().find(text)
    assert not found.isNull(), text
    probe = QTextCursor(view.document())
    probe.setPosition(found.selectionStart() + 1)  # the format of the character before
    char = probe.charFormat()
    return char.property(COLOUR_ROLE), char.foreground().color()


def copy_buttons(view: TranscriptView) -> list[int]:
    """Document positions of the code blocks' copy buttons, in order."""
    positions = []
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char = fragments.fragment().charFormat()
            if char.isImageFormat() and char.anchorHref().startswith("qwenvl:copy-code/"):
                positions.append(fragments.fragment().position())
            fragments += 1
        block = block.next()
    return positions


def click_at_position(qtbot: QtBot, view: TranscriptView, position: int) -> None:
    probe = QTextCursor(view.document())
    probe.setPosition(position)
    view.setTextCursor(probe)
    view.ensureCursorVisible()
    rect = view.cursorRect(probe)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.right() + 8, rect.center().y())
    )


# -- code blocks -----------------------------------------------------------------------------------


def test_code_is_highlighted_in_the_palette_colours_under_a_language_label(
    view: TranscriptView,
) -> None:
    finished(view, TWO_BLOCKS, step=7)
    colours = TranscriptColours(view.palette())
    role, colour = role_at(view, "def load")
    assert role == "code-keyword" and colour == colours.of("code-keyword")
    assert role_at(view, "load(path)")[0] == "code-function"
    assert role_at(view, "# all of it")[0] == "code-comment"
    assert role_at(view, "open(path)")[0] == "code-builtin"
    # The label above each block names its language; the block is shaded, in monospace.
    code = block_of(view, "def load")
    assert label(code.previous()) == "python"
    assert code.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence)
    assert code.blockFormat().background().style() != Qt.BrushStyle.NoBrush
    assert label(block_of(view, "ls -l /tmp").previous()) == "sh"
    text = view.toPlainText()
    assert "```" not in text and "Copy code" not in text


def test_each_code_block_has_a_copy_button_that_copies_that_block(
    view: TranscriptView, qtbot: QtBot
) -> None:
    finished(view, TWO_BLOCKS, step=11)
    buttons = copy_buttons(view)
    assert len(buttons) == 2
    probe = QTextCursor(view.document())
    probe.setPosition(buttons[1] + 1)
    assert probe.charFormat().toolTip() == "Copy this code block"
    copied: list[str] = []
    view.copied.connect(copied.append)
    click_at_position(qtbot, view, buttons[1])
    assert QGuiApplication.clipboard().text() == "ls -l /tmp"
    click_at_position(qtbot, view, buttons[0])
    assert QGuiApplication.clipboard().text() == (
        "def load(path):\n    return open(path).read()  # all of it"
    )
    assert copied == ["Code copied", "Code copied"]


def test_code_in_a_language_pygments_does_not_know_is_shown_plain() -> None:
    assert list(highlight_roles("no-such-language", "def x(): pass")) == []
    roles = {role for _start, _length, role in highlight_roles("py", "def f():\n    return 1")}
    assert {"code-keyword", "code-function", "code-number"} <= roles


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_every_code_colour_reaches_wcag_aa_on_the_code_shade(
    palette: object, qapp: QApplication
) -> None:
    colours = TranscriptColours(palette())  # type: ignore[operator]
    for role in (*CODE_ROLES, "code-label", "link"):
        ratio = contrast_ratio(colours.of(role), colours.code_base)  # type: ignore[arg-type]
        if role == "link":  # links are not drawn on code; the copy icon is a graphic (3:1)
            assert ratio >= 3.0
        else:
            assert ratio >= MIN_CONTRAST, (role, ratio)


def test_highlighted_code_follows_a_palette_switch(
    view: TranscriptView, qtbot: QtBot, qapp: QApplication, app_palette: None
) -> None:
    qapp.setPalette(light_palette())
    finished(view, TWO_BLOCKS)
    light = role_at(view, "def load")[1]
    qapp.setPalette(dark_palette())
    qtbot.waitUntil(lambda: role_at(view, "def load")[1] != light)
    dark_colours = TranscriptColours(view.palette())
    assert role_at(view, "def load")[1] == dark_colours.of("code-keyword")
    ratio = contrast_ratio(role_at(view, "def load")[1], dark_colours.code_base)
    assert ratio >= MIN_CONTRAST


# -- quotes ----------------------------------------------------------------------------------------


def test_a_quote_is_indented_muted_and_has_a_bar(view: TranscriptView, qtbot: QtBot) -> None:
    finished(view, TWO_BLOCKS)
    quote = block_of(view, "Close the file")
    assert quote.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) == 1
    assert quote.blockFormat().leftMargin() == QUOTE_INDENT
    colours = TranscriptColours(view.palette())
    role, colour = role_at(view, "Close the file")
    assert role == "quote" and colour == colours.muted
    # The bar is painted left of the quote's text, in the bar colour.
    view.verticalScrollBar().setValue(0)
    layout = view.document().documentLayout()
    rect = layout.blockBoundingRect(quote)
    left = view.document().rootFrame().frameFormat().leftMargin()
    image = view.viewport().grab().toImage()
    y = int(rect.center().y()) - view.verticalScrollBar().value()
    assert image.pixelColor(int(left) + 5, y) == colours.quote_bar
    assert image.pixelColor(int(left) + 5, y) != image.pixelColor(int(left) + 12, y)


# -- the block being written -----------------------------------------------------------------------


def test_an_unfinished_table_is_shown_as_a_table_mid_stream(view: TranscriptView) -> None:
    exchange = Exchange("Table please")
    view.add_exchange(exchange)
    view.append_text(exchange.id, "", "The figures:\n\n| Quarter | Val")
    # Only the header has arrived: it is a table already, not a line of pipes.
    assert "|" not in view.toPlainText()
    assert QTextCursor(view.document().find("Quarter")).currentTable() is not None
    view.append_text(exchange.id, "", "ue |\n|---|---|\n| Q1 | 4")
    assert "|" not in view.toPlainText()
    cell = QTextCursor(view.document().find("Q1"))
    table = cell.currentTable()
    assert table is not None and table.rows() == 2 and table.columns() == 2
    view.append_text(exchange.id, "", "2 |\n| Q2 | 58 |\n\nAfter the table.")
    table = QTextCursor(view.document().find("Q2")).currentTable()
    assert table is not None and table.rows() == 3
    assert "|" not in view.toPlainText()
    assert "After the table." in view.toPlainText()


def test_an_open_code_fence_is_shown_as_a_code_block_mid_stream(view: TranscriptView) -> None:
    exchange = Exchange("Code please")
    view.add_exchange(exchange)
    view.append_text(exchange.id, "", "Like this:\n\n```python\nimport csv\nrows = li")
    text = view.toPlainText()
    assert "```" not in text and "rows = li" in text
    code = block_of(view, "import csv")
    assert code.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence)
    assert label(code.previous()) == "python"  # its label, and a copy button already
    assert role_at(view, "import csv")[0] == "code-keyword"  # short: highlighted as it comes
    view.append_text(exchange.id, "", "st(csv.reader(f))\n```\n\nThat reads it.")
    assert "rows = list(csv.reader(f))" in view.toPlainText()
    assert "```" not in view.toPlainText()
    # Emphasis being written is shown emphasised, not as asterisks.
    view.append_text(exchange.id, "", " It is **fa")
    assert "**" not in view.toPlainText()
    bold = view.document().find("fa", QTextCursor(block_of(view, "That reads it.")))
    assert bold.charFormat().fontWeight() >= 600


def test_the_whole_answer_reads_the_same_streamed_or_at_once(qtbot: QtBot) -> None:
    texts = []
    for step in (0, 1, 5, 13):
        widget = TranscriptView()
        qtbot.addWidget(widget)
        finished(widget, TWO_BLOCKS, step=step)
        texts.append(widget.toPlainText())
    assert texts[1:] == texts[:1] * 3
    assert "Close the file when done." in texts[0] and "Done." in texts[0]


# -- thinking --------------------------------------------------------------------------------------


def test_the_thinking_header_counts_seconds_and_says_how_long_once_the_answer_starts(
    view: TranscriptView, qtbot: QtBot
) -> None:
    exchange = Exchange("Think about it")
    view.add_exchange(exchange)
    view.append_text(exchange.id, "Let me see. ", "")
    assert "▾ Thinking… 0 s" in view.toPlainText()
    qtbot.waitUntil(lambda: "▾ Thinking… 1 s" in view.toPlainText(), timeout=3000)
    view.append_text(exchange.id, "More thought.", "")
    view.append_text(exchange.id, "", "The answer.")
    text = view.toPlainText()
    assert "▸ Thought for 1 s (25 characters)" in text or "▸ Thought for 2 s (" in text
    assert "Thinking…" not in text


def test_a_replayed_reply_without_a_duration_just_says_thinking(view: TranscriptView) -> None:
    exchange = Exchange("Asked before")
    view.add_exchange(exchange)
    # A reply from the history: its reasoning and answer handed over together.
    view.append_text(exchange.id, "Stored reasoning.", "The answer.")
    exchange.answer, exchange.reasoning, exchange.state = "The answer.", "Stored reasoning.", "done"
    view.finish_reply(exchange)
    view._drain_renders()
    text = view.toPlainText()
    assert "▸ Thinking (17 characters)" in text
    assert "Thought for" not in text and "Thinking…" not in text


# -- line length -----------------------------------------------------------------------------------


def test_lines_stay_readable_on_a_wide_window_and_use_the_width_of_a_narrow_one(
    view: TranscriptView, qtbot: QtBot
) -> None:
    finished(view, "word " * 400)
    metrics = QFontMetricsF(view.document().defaultFont())
    widest = metrics.averageCharWidth() * MAX_LINE_CHARACTERS
    view.resize(1600, 900)
    qtbot.waitUntil(lambda: view.viewport().width() > 1500)
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 200  # centred
    paragraph = block_of(view, "word word").layout()
    assert paragraph.lineCount() > 3
    assert paragraph.lineAt(0).naturalTextWidth() <= widest + 1
    view.resize(500, 700)
    qtbot.waitUntil(lambda: view.document().rootFrame().frameFormat().leftMargin() == 12)
    assert block_of(view, "word word").layout().lineAt(0).naturalTextWidth() < widest


def test_a_table_right_after_a_code_block_keeps_its_header_cell(view: TranscriptView) -> None:
    # Qt's Markdown import alone puts the first header cell in an extra, unbolded paragraph.
    finished(view, "```sh\nls\n```\n\n| Quarter | Value |\n|---|---|\n| Q1 | 42 |\n\nEnd.\n")
    cell = block_of(view, "Quarter")
    assert QTextCursor(cell).currentTable() is not None
    assert cell.charFormat().fontWeight() == block_of(view, "Value").charFormat().fontWeight()
    # No empty paragraph in the cell before it: the block before is outside the table.
    assert QTextCursor(cell.previous()).currentTable() is None


def test_latin_text_is_laid_out_without_shaping_and_other_scripts_with_it(
    view: TranscriptView,
) -> None:
    no_shaping = QFont.StyleStrategy.PreferNoShaping
    # Streamed: each paragraph is a piece of its own (the choice is made per piece).
    finished(view, "Plain Latin prose, café.\n\nمرحبا بالعالم\n\nMore prose.\n", step=10)
    latin = QTextCursor(view.document().find("Plain Latin"))
    assert latin.charFormat().fontStyleStrategy() & no_shaping
    # Arabic joins its letters: shaping stays on for it.
    arabic = QTextCursor(view.document().find("مرحبا"))
    assert not arabic.charFormat().fontStyleStrategy() & no_shaping
