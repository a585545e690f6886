"""Times written in answers, found for the transcript's links to frames."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.video import find_time_mentions, format_timestamp


def mentions_of(text: str, duration: float | None = None) -> list[tuple[str, float]]:
    return [(text[m.start : m.end], m.seconds) for m in find_time_mentions(text, duration=duration)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # clocks
        ("At 0:07 the ball drops.", [("0:07", 7.0)]),
        ("Between 12:34 and 1:02:03.", [("12:34", 754.0), ("1:02:03", 3723.0)]),
        ("the clip at 0:10.5 shows", [("0:10.5", 10.5)]),
        ("from 0:05-0:10 it waits", [("0:05", 5.0), ("0:10", 10.0)]),
        ("(0:42)", [("0:42", 42.0)]),
        ("at 100:00 into the recording", [("100:00", 6000.0)]),
        # English units
        ("at 75 seconds it turns", [("75 seconds", 75.0)]),
        ("at 75 s it turns", [("75 s", 75.0)]),
        ("at 75s it turns", [("75s", 75.0)]),
        ("it stops at 12.5s", [("12.5s", 12.5)]),
        ("about 2.5 sec in", [("2.5 sec", 2.5)]),
        ("at 1 second", [("1 second", 1.0)]),
        ("around 2 min 5 s, then 3m20s", [("2 min 5 s", 125.0), ("3m20s", 200.0)]),
        ("at 1 min 15 s the door opens", [("1 min 15 s", 75.0)]),
        ("at 1m15s the door opens", [("1m15s", 75.0)]),
        ("at 1 min. 15 sec. the door opens", [("1 min. 15 sec", 75.0)]),
        ("at 1 minute and 30 seconds", [("1 minute and 30 seconds", 90.0)]),
        ("at 1 minute, 30 seconds in", [("1 minute, 30 seconds", 90.0)]),
        ("after 2 minutes, and then", [("2 minutes", 120.0)]),
        ("At 1h2m3s exactly", [("1h2m3s", 3723.0)]),
        ("at 1 hour 2 minutes", [("1 hour 2 minutes", 3720.0)]),
        ("AT 10 SECONDS", [("10 SECONDS", 10.0)]),
        ("between 5 and 10 seconds", [("10 seconds", 10.0)]),
        # Chinese and Japanese
        ("球在75秒时落下", [("75秒", 75.0)]),
        ("第75秒出现了一只猫", [("第75秒", 75.0)]),
        ("在1分15秒处", [("1分15秒", 75.0)]),
        ("在 1分钟15秒 处", [("1分钟15秒", 75.0)]),
        ("1分鐘15秒的時候", [("1分鐘15秒", 75.0)]),
        ("大约2分钟后", [("2分钟", 120.0)]),
        ("1分半あたりで", [("1分半", 90.0)]),
        ("1時間2分3秒の場面", [("1時間2分3秒", 3723.0)]),
        ("1小时2分3秒的画面", [("1小时2分3秒", 3723.0)]),
        ("1小时零5秒", [("1小时零5秒", 3605.0)]),
        ("30秒間続く", [("30秒間", 30.0)]),
        ("30秒钟以后", [("30秒钟", 30.0)]),
        ("在 0:05 出现", [("0:05", 5.0)]),
        ("在0:05出现", [("0:05", 5.0)]),
        ("在0：05出现", [("0：05", 5.0)]),
        ("12.5秒时", [("12.5秒", 12.5)]),
        ("７５秒", [("７５秒", 75.0)]),
        ("从10秒到20秒", [("10秒", 10.0), ("20秒", 20.0)]),
    ],
)
def test_times_in_text(text: str, found: list[tuple[str, float]]) -> None:
    assert mentions_of(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "a meeting at 12:30 pm",
        "a meeting at 9:15 a.m.",
        "at 12:30PM sharp",
        "下午3:30开会",
        "午後3:30に",
        "3時30分に始まる",  # a clock hour, not a place in a clip
        "there are 3 cars 5 m apart",
        "it took 2 h",
        "大约2小时",
        "他得了3分",
        "Python 3.10 and version 1.2.3",
        "version 1.2.3 of 10:99",
        "a 3:2 win",
        "there were 75 people",
        "5 ms of latency",
        "3 sets of 10",
        "music of the 80s",
        "the '90s were loud",
        "in the 1990s",
        "a 30-second clip",
    ],
)
def test_not_times(text: str) -> None:
    assert mentions_of(text) == []


def test_a_clock_is_not_read_again_as_words() -> None:
    assert mentions_of("at 1:02:03 s") == [("1:02:03", 3723.0)]


def test_times_past_the_clip_are_left_out() -> None:
    assert [m.seconds for m in find_time_mentions("at 0:05 and at 9:00", duration=60)] == [5.0]
    assert mentions_of("第75秒和第90秒", duration=80) == [("第75秒", 75.0)]
    # A score or ratio that reads as a clock is past a short clip's end.
    assert mentions_of("they won 21:15 at 0:05", duration=30) == [("0:05", 5.0)]


def test_mentions_come_in_text_order() -> None:
    text = "75秒, then 0:10, then 2 min 5 s and 1分15秒"
    assert [m.seconds for m in find_time_mentions(text)] == [75.0, 10.0, 125.0, 75.0]


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (7.4, "0:07"), (754, "12:34"), (3723, "1:02:03")]
)
def test_format_timestamp(seconds: float, text: str) -> None:
    assert format_timestamp(seconds) == text
