"""How replies are shown: Markdown rendered once per piece, code copy links, HiDPI thumbnails,
remembered geometry, and the app entry points."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.transcript import markdown_render
from tests.support.dashscope_server import DONE, LoopbackDashScope, Reply, chunk_json, usage_json

from .conftest import WindowFactory
from .test_window import transcript_text, wait_idle

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

MARKDOWN_ANSWER = (
    "# Findings\n\nThe chart shows **three** series.\n\n"
    "| series | trend |\n|---|---|\n| A | up |\n| B | down |\n\n"
    "```python\nimport csv\n\nrows = list(csv.reader(open('data.csv')))\n```\n\n"
    "- first point\n- second point\n\nDone."
)


def code_copy_buttons(view: QTextEdit) -> list[QTextCursor]:
    """The copy buttons of the code blocks shown, in order: cursors selecting each icon."""
    found = []
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char = fragment.charFormat()
            if char.isImageFormat() and char.anchorHref().startswith("qwenvl:copy-code/"):
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + 1, QTextCursor.MoveMode.KeepAnchor)
                found.append(cursor)
            fragments += 1
        block = block.next()
    return found


def click_code_copy(qtbot: QtBot, window: MainWindow, index: int) -> None:
    """Click the copy button of code block ``index`` where a person would (its icon's middle)."""
    view = window.transcript
    button = code_copy_buttons(view)[index]
    view.ensureCursorVisible()
    probe = QTextCursor(button)
    probe.setPosition(button.selectionStart())
    view.setTextCursor(probe)
    view.ensureCursorVisible()
    rect = view.cursorRect(probe)
    point = QPoint(rect.right() + 8, rect.center().y())  # the icon is 16 px wide after the caret
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def add_markdown_scenario(server: LoopbackDashScope, text: str, step: int = 3) -> None:
    async def scenario(srv: LoopbackDashScope, req: object, reply: Reply) -> None:
        await reply.start()
        await reply.send(chunk_json({"content": "", "role": "assistant"}))
        for i in range(0, len(text), step):
            await reply.send(chunk_json({"content": text[i : i + step]}))
            await asyncio.sleep(0.001)
        await reply.send(chunk_json({"content": ""}, "stop"))
        await reply.send(usage_json(20, len(text) // step))
        await reply.send(DONE)
        await reply.end()

    server.add_scenario("markdown", scenario)  # type: ignore[arg-type]


def test_finished_answer_is_markdown_with_headings_tables_lists_and_code_copy(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    add_markdown_scenario(server, MARKDOWN_ANSWER)
    window = make_window("--base-url", server.base_url("markdown"))
    window.prompt.setPlainText("Summarise the chart")
    window.send()
    qtbot.waitUntil(lambda: "Done." in transcript_text(window), timeout=5000)
    wait_idle(qtbot, window)
    document = window.transcript.document()
    text = transcript_text(window)
    assert "**" not in text and "```" not in text and "|---|" not in text

    heading = document.find("Findings").block()
    assert heading.blockFormat().headingLevel() == 1
    table_cell = QTextCursor(document.find("trend"))
    assert table_cell.currentTable() is not None
    code = document.find("import csv").block()
    assert code.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence)
    assert document.find("first point").block().textList() is not None

    # The code block's header: its language and a copy button (an icon with a tooltip).
    assert document.find("python").block().next() == code
    click_code_copy(qtbot, window, 0)
    assert QGuiApplication.clipboard().text() == (
        "import csv\n\nrows = list(csv.reader(open('data.csv')))"
    )


def test_each_answer_character_is_rendered_once(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered: list[int] = []
    real = markdown_render.insert_markdown

    def counting(cursor: QTextCursor, markdown: str, **options: object) -> int:
        rendered.append(len(markdown))
        return real(cursor, markdown, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown_render, "insert_markdown", counting)
    window = make_window("--base-url", server.base_url("big-3000"))
    batches: list[str] = []
    window.controller.textBatch.connect(lambda _id, _r, answer: batches.append(answer))
    window.prompt.setPlainText("Long please")
    window.send()
    qtbot.waitUntil(lambda: "word2999" in transcript_text(window), timeout=10000)
    wait_idle(qtbot, window)
    exchange = window.controller.last_exchange()
    assert exchange is not None and len(exchange.answer) > 25000
    # Linear: the Markdown parsed adds up to the answer once (not once per batch).
    assert len(exchange.answer) <= sum(rendered) <= len(exchange.answer) * 1.01 + 64
    assert len(rendered) > 1  # and it was rendered in pieces while streaming
    assert len(batches) < 300  # 3,000 events reached the widget in far fewer batches


def test_window_geometry_is_remembered(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    first = make_window("--base-url", server.base_url("seed"))
    # A size the window can take on any screen here (offscreen screens are 800×800).
    hint = first.minimumSizeHint()
    wanted = (hint.width() + 24, hint.height() + 40)
    first.resize(*wanted)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == wanted, timeout=2000)
    first.close()
    second = make_window("--base-url", server.base_url("seed"))
    assert (second.width(), second.height()) == wanted


def test_thumbnails_are_sharp_on_a_hidpi_screen(tmp_path: Path) -> None:
    """At a device pixel ratio of 2 the thumbnail bitmap has twice the pixels of its size."""
    script = (
        "import asyncio, sys\n"
        "from PIL import Image\n"
        "from PySide6.QtWidgets import QLabel\n"
        "from qwenvl_desktop.services.event_loop import create_application\n"
        "from qwenvl_desktop.app import create_main_window\n"
        "app, loop = create_application()\n"
        f"Image.new('RGB', (1200, 900), 'orange').save(r'{tmp_path / 'big.png'}')\n"
        "async def main():\n"
        "    w = create_main_window(['--base-url', 'http://127.0.0.1:9/v1'])\n"
        "    w.show()\n"
        f"    w.draft.add_sources([r'{tmp_path / 'big.png'}'])\n"
        "    for _ in range(200):\n"
        "        await asyncio.sleep(0.02)\n"
        "        if w.draft.attachments(): break\n"
        "    label = w.image_pane.findChildren(QLabel, 'thumbnailPicture')[0]\n"
        "    pixmap = label.pixmap()\n"
        "    print(w.devicePixelRatioF(), pixmap.devicePixelRatio(), pixmap.width())\n"
        "    w.close(); await w.aclose(); await loop.shutdown_asyncgens()\n"
        "loop.run_until_complete(main())\n"
        "loop.close()\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        DASHSCOPE_API_KEY="sk-x",
        XDG_CONFIG_HOME=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    screen_ratio, pixmap_ratio, pixmap_width = out.stdout.split()
    assert float(screen_ratio) == 2.0
    assert float(pixmap_ratio) == 2.0
    assert int(pixmap_width) == 2 * 96  # THUMB_SIDE logical pixels, drawn 1:1 on the screen


@pytest.mark.parametrize("command", [["-m", "qwenvl_desktop"], ["-m", "qwenvl_desktop.cli"]])
def test_the_entry_points_open_the_window_and_exit_cleanly(
    command: list[str], threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DASHSCOPE_API_KEY=test_key,
        XDG_CONFIG_HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(tmp_path),  # its own single-instance socket: no other app answers
        PYTHONDEVMODE="1",  # unclosed resources and unawaited coroutines are reported
    )
    process = subprocess.Popen(
        [sys.executable, *command, "--base-url", threaded_server.base_url("seed")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.5)
    assert process.poll() is None, process.communicate()  # the window is up, the loop runs
    process.send_signal(signal.SIGINT)  # Ctrl+C closes the window
    _out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "GeneratorExit" not in err
    assert "ResourceWarning" not in err
    assert not list(tmp_path.glob("qwenvl-desktop-*"))  # the instance socket and lock are gone
