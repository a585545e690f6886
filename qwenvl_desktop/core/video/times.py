"""Times written in an answer about a video: ``12:34``, ``1:02:03``, "at 75 seconds", "0.5s".

The window turns each into a link that shows the frame sent nearest to it
(:meth:`~.attachment.VideoAttachment.frame_at`). Qt-free so the rules are tested once.
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


# h:mm:ss or m:ss (minutes may be 1–3 digits), optionally with a fraction: 0:07, 12:34, 1:02:03.5.
# Not inside longer digit runs or after another colon group, and not a clock time like "12:34 pm".
_CLOCK = re.compile(
    r"(?<![\d:.])(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,3}):([0-5]\d))(\.\d{1,3})?(?![\d:]|\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
# 75 seconds, 75 s, 75s, 2.5 sec, 1 minute 30 seconds, 2 min, 3m20s — with the unit written out.
_WORDS = re.compile(
    r"(?<![\w.])(?:(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\s*)?"
    r"(?:(\d+(?:\.\d+)?)\s*(minutes?|mins?|m)(?![a-z])\s*(?:and\s+)?)?"
    r"(?:(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)(?![a-z]))?",
    re.IGNORECASE,
)


def find_time_mentions(text: str, *, duration: float | None = None) -> list[TimeMention]:
    """Every time mentioned in ``text``, in order; with ``duration``, only those within the clip.

    A bare number is not a time; one with a unit (``75 seconds``, ``2 min 5 s``) or written as a
    clock (``1:15``) is.
    """
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for match in _CLOCK.finditer(text):
        if match.group(1) is not None:
            seconds = int(match.group(1)) * 3600 + int(match.group(2)) * 60 + int(match.group(3))
        else:
            seconds = int(match.group(4)) * 60 + int(match.group(5))
        fraction = match.group(6)
        value = seconds + (float(fraction) if fraction else 0.0)
        found.append(TimeMention(match.start(), match.end(), value))
        taken.append(match.span())
    for match in _WORDS.finditer(text):
        hours, minutes, minute_unit, secs = match.group(1, 2, 3, 4)
        if not match.group(0).strip() or (hours is None and minutes is None and secs is None):
            continue
        if hours is not None and minutes is None and secs is None:
            continue  # "2 h" alone is more likely a duration than a place in a clip
        if minute_unit and minute_unit.lower() == "m" and secs is None:
            continue  # "5 m" alone is metres as often as minutes
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        value = float(hours or 0) * 3600 + float(minutes or 0) * 60 + float(secs or 0)
        end = match.end()
        while end > match.start() and text[end - 1].isspace():
            end -= 1
        found.append(TimeMention(match.start(), end, value))
    found.sort(key=lambda m: m.start)
    if duration is not None:
        found = [m for m in found if m.seconds <= duration + 0.5]
    return found
