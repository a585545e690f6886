"""Issue 11, performance: a batch of streamed text is handed on early once it is large.

GIVEN text arriving faster than the window shows it (a replayed or very fast reply)
WHEN more than ``MAX_BATCH_CHARS`` characters are pending
THEN they are handed on at once, not after the 30 ms timer, so that no single batch (and the
pause its rendering causes) grows with the speed of the stream; nothing is lost or reordered,
and the rest follows with the timer.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.services.text_batching import MAX_BATCH_CHARS, TextBatcher

pytestmark = pytest.mark.gui  # a QObject with a QTimer


def test_a_large_pending_batch_is_handed_on_at_once_then_the_rest_with_the_timer(
    qtbot: QtBot,
) -> None:
    batches: list[tuple[str, str]] = []
    batcher = TextBatcher(
        lambda reasoning, answer: batches.append((reasoning, answer)), lambda: None
    )
    pieces = [f"piece {n:05d} of a fast reply. " for n in range(MAX_BATCH_CHARS // 20)]
    batcher.add_reasoning("thinking first. ")
    for piece in pieces:
        batcher.add_answer(piece)

    # Handed on while the pieces arrived: no event-loop turn (so no timer) has happened yet.
    assert batches and all(len(r) + len(a) <= MAX_BATCH_CHARS + 40 for r, a in batches)
    assert batches[0][0] == "thinking first. "
    qtbot.waitUntil(lambda: "".join(a for _r, a in batches) == "".join(pieces), timeout=2000)
    assert "".join(r for r, _a in batches) == "thinking first. "


def test_a_small_batch_waits_for_the_timer(qtbot: QtBot) -> None:
    batches: list[str] = []
    batcher = TextBatcher(lambda _reasoning, answer: batches.append(answer), lambda: None)
    batcher.add_answer("a few words")
    assert batches == []
    qtbot.waitUntil(lambda: batches == ["a few words"], timeout=2000)
