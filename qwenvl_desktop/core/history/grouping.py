"""The sidebar's date groups (Today, Yesterday, This week, Earlier this month, then months) and
the mark of a conversation whose last answer did not finish.

Qt-free: the window passes the conversations (newest first, as the store lists them), the moment
to count from and the first day of the week of the person's locale; tests inject all three.

The groups, by the day of a conversation's last activity in the local time zone (the zone of
``now`` when it carries one, else the system's):

- **Today**, **Yesterday**;
- **This week**: earlier days of the current week (from its first day, Monday unless the locale
  says otherwise);
- **Earlier this month**: earlier days of the current month;
- then one group per month, named by the month (``November``), with the year when it is not the
  current one (``December 2025``).

A timestamp after ``now`` (a clock set back) counts as today. Days are calendar days, so a
conversation at 23:59 yesterday is "Yesterday" even a minute later, and a daylight-saving change
does not move a day to the neighbouring group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from qwenvl_desktop.core.i18n import translatable, translate

__all__ = [
    "EARLIER_THIS_MONTH",
    "THIS_WEEK",
    "TODAY",
    "YESTERDAY",
    "DateGroup",
    "group_by_date",
    "group_label",
    "unfinished_note",
]

# The English words (what the tests compare); group_label() gives them in the interface language.
TODAY = translatable("HistoryGroups", "Today")
YESTERDAY = translatable("HistoryGroups", "Yesterday")
THIS_WEEK = translatable("HistoryGroups", "This week")
EARLIER_THIS_MONTH = translatable("HistoryGroups", "Earlier this month")

_MONTHS = (
    translatable("HistoryGroups", "January"),
    translatable("HistoryGroups", "February"),
    translatable("HistoryGroups", "March"),
    translatable("HistoryGroups", "April"),
    translatable("HistoryGroups", "May"),
    translatable("HistoryGroups", "June"),
    translatable("HistoryGroups", "July"),
    translatable("HistoryGroups", "August"),
    translatable("HistoryGroups", "September"),
    translatable("HistoryGroups", "October"),
    translatable("HistoryGroups", "November"),
    translatable("HistoryGroups", "December"),
)


class _Dated(Protocol):
    @property
    def updated_at(self) -> float: ...


_Item = TypeVar("_Item", bound=_Dated)
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class DateGroup(Generic[_T]):
    """One header of the sidebar and the conversations under it, newest first."""

    label: str
    items: tuple[_T, ...]


def _local_day(timestamp: float, now: dt.datetime) -> dt.date:
    # An aware "now" fixes the zone (tests); a naive one means the system's local zone.
    if now.tzinfo is not None:
        return dt.datetime.fromtimestamp(timestamp, tz=now.tzinfo).date()
    return dt.datetime.fromtimestamp(timestamp).date()


def group_label(timestamp: float, now: dt.datetime, *, week_starts_on: int = 0) -> str:
    """The group of a conversation last active at ``timestamp`` (seconds since the epoch).

    ``week_starts_on``: the first day of the week, 0 = Monday … 6 = Sunday.
    """
    today = now.date()
    day = min(_local_day(timestamp, now), today)
    if day == today:
        return translate("HistoryGroups", TODAY)
    if day == today - dt.timedelta(days=1):
        return translate("HistoryGroups", YESTERDAY)
    week_start = today - dt.timedelta(days=(today.weekday() - week_starts_on) % 7)
    if day >= week_start:
        return translate("HistoryGroups", THIS_WEEK)
    if (day.year, day.month) == (today.year, today.month):
        return translate("HistoryGroups", EARLIER_THIS_MONTH)
    month = translate("HistoryGroups", _MONTHS[day.month - 1])
    if day.year == today.year:
        return month
    # "March 2024"; Japanese and Chinese put the year first ("2024年3月").
    pattern = translate("HistoryGroups", "%1 %2", "a month (%1) and its year (%2)")
    return pattern.replace("%2", str(day.year)).replace("%1", month)


def group_by_date(
    items: Iterable[_Item],
    now: dt.datetime | None = None,
    *,
    week_starts_on: int = 0,
) -> list[DateGroup[_Item]]:
    """``items`` (newest first) under their date headers, in the order they come.

    An item out of order (older before newer) opens its group again rather than being moved:
    the list shows the store's order.
    """
    moment = now if now is not None else dt.datetime.now()
    groups: list[DateGroup[_Item]] = []
    label: str | None = None
    pending: list[_Item] = []
    for item in items:
        this = group_label(item.updated_at, moment, week_starts_on=week_starts_on)
        if this != label and pending:
            assert label is not None
            groups.append(DateGroup(label, tuple(pending)))
            pending = []
        label = this
        pending.append(item)
    if pending and label is not None:
        groups.append(DateGroup(label, tuple(pending)))
    return groups


_UNFINISHED = {
    "failed": translatable("HistoryGroups", "The last answer failed"),
    "stopped": translatable("HistoryGroups", "The last answer was stopped before its end"),
    "incomplete": translatable(
        "HistoryGroups", "The last answer was cut off: the app ended while it arrived"
    ),
}


def unfinished_note(last_state: str) -> str | None:
    """What the sidebar's mark says of a conversation whose last exchange ended in
    ``last_state``; None when it finished (or is still streaming in this session)."""
    note = _UNFINISHED.get(last_state)
    return None if note is None else translate("HistoryGroups", note)
