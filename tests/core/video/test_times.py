"""Times written in answers, found for the transcript's links to frames."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.video import find_time_mentions, format_timestamp


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("At 0:07 the ball drops.", [("0:07", 7.0)]),
        ("Between 12:34 and 1:02:03.", [("12:34", 754.0), ("1:02:03", 3723.0)]),
        ("at 75 seconds it turns", [("75 seconds", 75.0)]),
        ("around 2 min 5 s, then 3m20s", [("2 min 5 s", 125.0), ("3m20s", 200.0)]),
        ("it stops at 12.5s", [("12.5s", 12.5)]),
        ("the clip at 0:10.5 shows", [("0:10.5", 10.5)]),
        ("a meeting at 12:30 pm", []),
        ("there are 3 cars 5 m apart", []),
        ("version 1.2.3 of 10:99", []),
    ],
)
def test_times_in_text(text: str, found: list[tuple[str, float]]) -> None:
    mentions = find_time_mentions(text)
    assert [(text[m.start : m.end], m.seconds) for m in mentions] == found


def test_times_past_the_clip_are_left_out() -> None:
    mentions = find_time_mentions("at 0:05 and at 9:00", duration=60)
    assert [m.seconds for m in mentions] == [5.0]


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (7.4, "0:07"), (754, "12:34"), (3723, "1:02:03")]
)
def test_format_timestamp(seconds: float, text: str) -> None:
    assert format_timestamp(seconds) == text
