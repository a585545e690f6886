"""Issue 11, defect 6: tokens per second, measured from the first token to the last.

GIVEN a reply's pieces at known times (the batcher's clock is replaced) THEN the live estimate and
the final figure agree, a pause after the last token does not lower the figure, and a reply that
arrived all at once shows no figure instead of an absurd one.
"""

from __future__ import annotations

import pytest

from qwenvl_desktop.services import text_batching
from qwenvl_desktop.services.text_batching import TextBatcher

pytestmark = pytest.mark.gui  # a QObject with a QTimer

PIECE = "The quick brown fox "  # 20 Latin characters: about 5 tokens


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(text_batching.time, "monotonic", fake)
    return fake


def test_given_a_steady_stream_then_live_and_final_rates_agree(qapp, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    batcher = TextBatcher(lambda _r, _a: None, lambda: None)
    for _ in range(50):
        batcher.add_answer(PIECE)
        clock.now += 0.1
    live = batcher.live_rate()
    clock.now += 3.0  # the usage and the end arrive later: not part of the stream's speed
    final = batcher.final_rate(250)  # 50 pieces of 5 tokens over 4.9 s
    assert live is not None and final is not None
    assert final == pytest.approx(50, rel=0.05)
    assert live == pytest.approx(final, rel=0.2)


def test_given_a_reply_that_arrives_at_once_then_no_rate_is_shown(qapp, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    batcher = TextBatcher(lambda _r, _a: None, lambda: None)
    for _ in range(200):
        batcher.add_answer(PIECE)
        clock.now += 0.00001
    clock.now += 0.01
    assert batcher.live_rate() is None
    assert batcher.final_rate(1000) is None
