"""Crash safety: a real app process killed with SIGKILL while a reply streams.

GIVEN the app (its own process, its own event loop) asking a question of the loopback server,
WHEN the reply has partly arrived and been written, and the process is killed without warning,
THEN the history file passes SQLite's integrity check, and the next start shows the question
and the partial reply marked incomplete, with a Retry that completes it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.history import HISTORY_FILENAME, HistoryStore
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    usage_json,
)

from .conftest import WindowFactory
from .test_window import transcript_text, wait_idle
from .turn_buttons import click_button, turn_buttons

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "What is on the whiteboard in this photo?"
PARTIAL = ["The whiteboard shows ", "a sketch of a bridge ", "with three arches"]
REST = [" and a list of materials.", "\n\nSteel and concrete are circled."]


async def sc_stall_once(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """The first request sends part of an answer and then stalls (until the server stops);
    later requests (a Retry) get the whole answer."""
    await reply.start()
    await reply.send(chunk_json({"content": "", "role": "assistant"}))
    first = server.count(req.scenario) == 1
    for part in PARTIAL if first else PARTIAL + REST:
        await reply.send(chunk_json({"content": part}))
    if first:
        await asyncio.sleep(120)  # cancelled when the server stops
    await reply.send(chunk_json({"content": ""}, "stop"))
    await reply.send(usage_json(900, 30))
    await reply.send(DONE)
    await reply.end()


def stored_reply(db: Path) -> tuple[str, str] | None:
    """(state, answer) of the stored exchange, read the way another program would (read-only)."""
    if not db.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            row = conn.execute("SELECT state, answer FROM exchanges").fetchone()
    except sqlite3.Error:
        return None  # not created yet
    return (row[0], row[1]) if row else None


def test_a_killed_app_leaves_a_sound_file_and_the_next_start_offers_retry(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    server.add_scenario("stall", sc_stall_once)
    data_home = Path(os.environ["XDG_DATA_HOME"])  # the test's own folder (conftest)
    db = data_home / "qwenvl-desktop" / HISTORY_FILENAME
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DASHSCOPE_API_KEY=TEST_KEY,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    stderr = (tmp_path / "app.stderr").open("w+")
    # GIVEN the app in its own process, asking a question of a server that stalls mid-answer
    command = [sys.executable, "-m", "tests.gui.app_process", QUESTION]
    process = subprocess.Popen(
        [*command, "--base-url", server.base_url("stall")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    try:
        # WHEN the partial answer has been written to the history (the app writes streamed text
        # at most every 2 s, and once more after a pause)…
        deadline = time.monotonic() + 20
        stored = stored_reply(db)
        while not (stored and stored[1] == "".join(PARTIAL)):
            assert process.poll() is None, stderr.seek(0) or stderr.read()
            assert time.monotonic() < deadline, f"not written in time: {stored}"
            time.sleep(0.1)
            stored = stored_reply(db)
        assert stored[0] == "streaming"
        # … and the process is killed without any chance to clean up
        process.send_signal(signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        stderr.close()

    # THEN the file is sound, and the cut-off reply reads back as incomplete
    store = HistoryStore.open(db)
    try:
        assert store.check_integrity() == []
        (summary,) = store.list_conversations()
        (exchange,) = store.load_conversation(summary.id).exchanges
        assert exchange.question == QUESTION
        assert exchange.answer == "".join(PARTIAL)
        assert exchange.state == "incomplete"
    finally:
        store.close(purge=False)

    # WHEN the app starts again (same user data folder), in this process
    window = make_window("--base-url", server.base_url("stall"))
    # THEN it shows the question and the partial answer, marked incomplete, with Retry
    qtbot.waitUntil(lambda: "Incomplete" in transcript_text(window), timeout=5000)
    text = transcript_text(window)
    assert QUESTION in text
    assert "".join(PARTIAL) in text
    assert window.controller.conversation.id == summary.id
    assert window.history_sidebar.rows()[0][0] == summary.id
    assert turn_buttons(window.transcript, "retry")
    # WHEN Retry is clicked, THEN the same question is asked again and the answer completes
    click_button(qtbot, window.transcript, "retry")
    qtbot.waitUntil(lambda: len(server.chat_requests("stall")) == 2, timeout=5000)
    wait_idle(qtbot, window)
    first, second = server.chat_requests("stall")
    assert second.body["messages"] == first.body["messages"]
    full = "".join(PARTIAL + REST)
    assert window.controller.conversation.exchanges[0].state == "done"
    assert "Incomplete" not in transcript_text(window)
    assert "Steel and concrete are circled." in transcript_text(window)
    # AND the history holds the completed reply
    assert stored_reply(db) == ("done", full)
