"""Numbers, sizes, times and dates as the window shows them: in the format of the locale.

One place for the window's figures (token counts, KiB/MiB, tok/s, the history's dates), so a
German reader sees ``1.322``, a Japanese reader ``12月2日`` and an English one ``1,322`` and
``Dec 2``. Every function reads ``QLocale()`` — the default locale — when it is called: choosing
a language sets that default (``QLocale.setDefault``), and the next figure drawn follows it.

The command line and the core do not use this: their output (JSON, plain figures, files) stays
the same whatever the locale.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

__all__ = ["day_month", "day_month_year", "decimal", "number", "size", "time_of_day"]


def _locale() -> QLocale:
    """The default locale; the C/POSIX one (``LANG=C``, containers, CI) with its digits grouped
    as the English interface it gets shows them (``1,322``), where Qt's C locale omits them."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale


def number(value: int) -> str:
    """A whole number with the locale's digit grouping: ``1,322`` / ``1.322`` / ``1 322``."""
    return _locale().toString(int(value))


def decimal(value: float, places: int = 1) -> str:
    """A number with ``places`` decimals, grouped, with the locale's decimal sign."""
    return _locale().toString(float(value), "f", places)


def size(byte_count: int) -> str:
    """A file or upload size: whole KiB under a MiB (at least 1), else MiB with one decimal."""
    # The units are in the catalog too: some languages write them their own way (Kio, Мбайт).
    if byte_count >= 1024 * 1024:
        megabytes = decimal(byte_count / 2**20, 1)
        return QCoreApplication.translate("LocaleFormat", "%1 MiB").replace("%1", megabytes)
    kilobytes = number(max(1, round(byte_count / 1024)))
    return QCoreApplication.translate("LocaleFormat", "%1 KiB").replace("%1", kilobytes)


def time_of_day(moment: dt.datetime) -> str:
    """Hours and minutes in the locale's short form (``14:05``, ``2:05 PM``)."""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def day_month(moment: dt.date) -> str:
    """The day and month without the year (``Dec 2``, ``2. Dez.``, ``12月2日``)."""
    return QLocale().toString(_qdate(moment), _date_pattern(with_year=False))


def day_month_year(moment: dt.date) -> str:
    """The day, month and year (``Dec 2, 2025``, ``2. Dez. 2025``, ``2025年12月2日``)."""
    return QLocale().toString(_qdate(moment), _date_pattern(with_year=True))


def _qdate(moment: dt.date) -> QDate:
    return QDate(moment.year, moment.month, moment.day)


def _date_pattern(*, with_year: bool) -> str:
    """The locale's long date format without the weekday, the month abbreviated, and for
    ``with_year=False`` without the year: Qt has no "day and month" format of its own, and the
    long format is the one that keeps each language's order and its marks (年, 月, 日, ``d.``)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    # The weekday with what separates it from the rest (", ", " ", "、").
    pattern = re.sub(r"[,，、\s]*d{4}[,，、\s]*", " ", pattern).strip()
    pattern = re.sub(r"M{4}", "MMM", pattern)
    if not with_year:
        # The year with the word that leads to it ("'de' yyyy") or its own mark after it
        # ("yyyy年", "yyyy년", "yyyy 'г'.").
        year = r"(?:[\s,，.]*'[^']*')?[\s,，.]*y+(?:\s*'[^']*'\.?|年|년|\.)?"
        pattern = re.sub(year, " ", pattern)
    return pattern.strip(" ,，")
