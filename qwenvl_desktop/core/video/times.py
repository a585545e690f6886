"""Times written in an answer about a video: ``12:34``, ``1:02:03``, "at 75 seconds", "1分15秒".

The window turns each into a link that shows the frame sent nearest to it
(:meth:`~.attachment.VideoAttachment.frame_at`). Qt-free so the rules are tested once.

What counts as a time:

- a clock, ``m:ss`` or ``h:mm:ss`` with an optional fraction (``0:07``, ``12:34``, ``1:02:03``,
  ``0:10.5``; a full-width colon ``0：05`` too) — but not a time of day (``12:30 pm``,
  ``下午3:30``);
- a number with a unit of time, in English (``75 seconds``, ``75 s``, ``12.5s``, ``2 min 5 s``,
  ``1 min. 15 sec``, ``1 minute, 30 seconds``, ``1m15s``, ``1h2m3s``) or in Chinese and Japanese
  (``75秒``, ``第75秒``, ``1分15秒``, ``1分钟15秒``, ``1分鐘``, ``1分半``, ``1小时2分3秒``,
  ``1時間2分3秒``).

What does not: a bare number (``3.10``), an hour alone (``2 h``, ``2小时``: a duration, rarely a
place in a clip), a lone ``m`` or ``分`` (metres, points: ``5 m``, ``得了3分``), decades
(``the 80s``, ``1990s``, ``'80s``), a score whose seconds are not two digits (``3:2``), a clock
hour (``3時30分``). Times written in words ("seventy-five seconds", ``七十五秒``) are not read.
A clock-like score or ratio (``21:15``, ``16:10``) cannot be told from a time; it is mostly past
the clip's end, and times past the end are dropped when ``duration`` is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TimeMention", "find_time_mentions"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time found in text: ``text[start:end]`` names ``seconds`` into the clip."""

    start: int
    end: int
    seconds: float


_COLON = "[:：]"
# h:mm:ss or m:ss (minutes may be 1–3 digits), optionally with a fraction: 0:07, 12:34, 1:02:03.5.
# Not inside longer digit runs or after another colon group, and not a clock time like "12:34 pm".
_CLOCK = re.compile(
    rf"(?<![\d:：.])(?:(\d{{1,2}}){_COLON}([0-5]\d){_COLON}([0-5]\d)|(\d{{1,3}}){_COLON}([0-5]\d))"
    rf"(\.\d{{1,3}})?(?![\d:：]|\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
#: Words before a clock that make it a time of day (Chinese, Japanese).
_TIME_OF_DAY = ("上午", "下午", "中午", "晚上", "凌晨", "早上", "傍晚", "午前", "午後")

_NUMBER = r"(\d+(?:\.\d+)?)"
# 75 seconds, 75 s, 75s, 2.5 sec, 1 minute 30 seconds, 1 min. 15 sec, 2 min, 3m20s, 1h2m3s.
# Not after a letter, digit or point (inside a word or a version), not before a letter.
_WORDS = re.compile(
    rf"(?<![\w.])(?:{_NUMBER}\s*(?:hours?|hrs?|h)(?![a-z])\s*,?\s*(?:and\s+)?)?"
    rf"(?:{_NUMBER}\s*(minutes?|mins?|m)(?![a-z])(?:\.(?=\s*\d))?\s*,?\s*(?:and\s+)?)?"
    rf"(?:{_NUMBER}(\s*)(?:seconds?|secs?|s)(?![a-z]))?",
    re.IGNORECASE,
)
# 75秒, 第75秒, 1分15秒, 1分钟15秒, 1分鐘, 1分半, 1小时2分3秒 (zh), 1時間2分3秒, 30秒間 (ja).
# CJK letters are word characters, so only digits and points may not come before.
_CJK = re.compile(
    rf"(?<![\d.])(第\s*)?"
    rf"(?:{_NUMBER}\s*(?:小时|小時|時間|钟头|鐘頭)\s*(?:又|零)?\s*)?"
    rf"(?:{_NUMBER}\s*(分钟|分鐘|分間|分)(半)?\s*(?:又|零)?\s*)?"
    rf"(?:{_NUMBER}\s*秒(?:钟|鐘|間)?)?"
)


def find_time_mentions(text: str, *, duration: float | None = None) -> list[TimeMention]:
    """Every time mentioned in ``text``, in order; with ``duration``, only those within the clip.

    A bare number is not a time; one with a unit (``75 seconds``, ``2 min 5 s``, ``75秒``) or
    written as a clock (``1:15``) is (the module's doc has the rules).
    """
    found: list[TimeMention] = []
    for mention in (*_clock_times(text), *_cjk_times(text), *_word_times(text)):
        # The first reading of a stretch of text wins (a clock over the words inside it).
        if not any(m.start < mention.end and mention.start < m.end for m in found):
            found.append(mention)
    found.sort(key=lambda m: m.start)
    if duration is not None:
        found = [m for m in found if m.seconds <= duration + 0.5]
    return found


def _clock_times(text: str) -> list[TimeMention]:
    found = []
    for match in _CLOCK.finditer(text):
        if text[: match.start()].rstrip().endswith(_TIME_OF_DAY):
            continue
        if match.group(1) is not None:
            seconds = int(match.group(1)) * 3600 + int(match.group(2)) * 60 + int(match.group(3))
        else:
            seconds = int(match.group(4)) * 60 + int(match.group(5))
        fraction = match.group(6)
        value = seconds + (float(fraction) if fraction else 0.0)
        found.append(TimeMention(match.start(), match.end(), value))
    return found


def _word_times(text: str) -> list[TimeMention]:
    found = []
    for match in _WORDS.finditer(text):
        hours, minutes, minute_unit, secs, gap = match.group(1, 2, 3, 4, 5)
        if hours is None and minutes is None and secs is None:
            continue
        if minutes is None and secs is None:
            continue  # "2 h" alone is more likely a duration than a place in a clip
        if minute_unit and minute_unit.lower() == "m" and secs is None:
            continue  # "5 m" alone is metres as often as minutes
        if secs is not None and hours is None and minutes is None and _is_decade(text, match, gap):
            continue
        value = float(hours or 0) * 3600 + float(minutes or 0) * 60 + float(secs or 0)
        found.append(TimeMention(match.start(), _trimmed_end(text, match), value))
    return found


def _is_decade(text: str, match: re.Match[str], gap: str) -> bool:
    """``the 80s``, ``'80s``, ``1990s``: a decade, not eighty seconds."""
    number = match.group(4)
    if gap or not number.isdigit() or not number.endswith("0"):
        return False
    if len(number) == 4:
        return True
    before = text[: match.start()]
    return before.endswith(("'", "’")) or before.lower().rstrip().endswith(("the", "early", "late"))


def _cjk_times(text: str) -> list[TimeMention]:
    found = []
    for match in _CJK.finditer(text):
        hours, minutes, minute_unit, half, secs = match.group(2, 3, 4, 5, 6)
        if minutes is None and secs is None:
            continue  # nothing, or "2小时" alone (a duration)
        if minute_unit == "分" and secs is None and half is None:
            continue  # "3分" alone is as often points or cents as minutes
        value = (
            float(hours or 0) * 3600
            + float(minutes or 0) * 60
            + (30.0 if half else 0.0)
            + float(secs or 0)
        )
        found.append(TimeMention(match.start(), _trimmed_end(text, match), value))
    return found


def _trimmed_end(text: str, match: re.Match[str]) -> int:
    """Where the mention ends, without what the pattern took after it to join the parts
    (spaces, a comma, "and", 又)."""
    start, end = match.start(), match.end()
    while True:
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",，又零"):
            end -= 1
        if text[start:end].lower().endswith(" and"):
            end -= 4
            continue
        return end
