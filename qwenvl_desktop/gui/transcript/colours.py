"""The transcript's colours, taken from the widget's palette and made readable on its base.

A platform theme may pair a dark base with the default link blue (``#0000FF`` on ``#323232`` is
1.5:1 under GTK's Adwaita-dark), and fixed greys or reds read on only one of light and dark. Each
colour the transcript sets is therefore derived from a palette role and, where it falls short of
WCAG AA (4.5:1) against the base it is drawn on, moved in lightness (keeping its hue) until it
reaches it.

Text carries its colour *role* as a format property (:data:`COLOUR_ROLE`), and Markdown links
(whose colour Qt fixes at import) are recognised as anchors, so :func:`restyle` can give text
already shown the colours of a new palette.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

__all__ = [
    "COLOUR_ROLE",
    "MIN_CONTRAST",
    "ColourRole",
    "TranscriptColours",
    "contrast_ratio",
    "readable_on",
    "restyle",
]

#: WCAG 2.x AA for body text.
MIN_CONTRAST = 4.5
#: Char-format property naming a run's colour role ("link", "muted", "reasoning", "error").
COLOUR_ROLE = int(QTextFormat.Property.UserProperty) + 11

ColourRole = Literal["link", "muted", "reasoning", "error"]
_ROLES: tuple[ColourRole, ...] = ("link", "muted", "reasoning", "error")

#: The error colour's hue: a red that reads as an error in light and dark.
_ERROR_HUE = QColor(214, 69, 65)


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def _luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def over(colour: QColor, base: QColor) -> QColor:
    """``colour`` as seen drawn on the opaque ``base`` (a translucent placeholder grey)."""
    alpha = colour.alphaF()
    if alpha >= 1:
        return QColor(colour.red(), colour.green(), colour.blue())
    pairs = (
        (colour.red(), base.red()),
        (colour.green(), base.green()),
        (colour.blue(), base.blue()),
    )
    red, green, blue = (round(c * alpha + b * (1 - alpha)) for c, b in pairs)
    return QColor(red, green, blue)


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two colours (``foreground`` drawn over ``background``)."""
    lighter, darker = sorted(
        (_luminance(over(foreground, background)), _luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(colour: QColor, base: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``colour`` (as drawn on ``base``), made lighter or darker in steps until it reaches
    ``minimum`` against ``base``; its hue and saturation stay."""
    seen = over(colour, base)
    if contrast_ratio(seen, base) >= minimum:
        return seen
    towards_light = _luminance(base) < 0.5
    hue, saturation, lightness = seen.hslHue(), seen.hslSaturation(), seen.lightness()
    step = 8 if towards_light else -8
    while 0 <= lightness + step <= 255:
        lightness += step
        candidate = QColor.fromHsl(max(hue, 0), saturation, lightness)
        if contrast_ratio(candidate, base) >= minimum:
            return candidate
    return QColor("white") if towards_light else QColor("black")


class TranscriptColours:
    """The colour of each role for one palette."""

    def __init__(self, palette: QPalette) -> None:
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = over(palette.color(QPalette.ColorRole.Text), self.base)
        self.link = readable_on(palette.color(QPalette.ColorRole.Link), self.base)
        self.muted = readable_on(palette.color(QPalette.ColorRole.PlaceholderText), self.base)
        self.error = readable_on(_ERROR_HUE, self.base)

    def of(self, role: ColourRole) -> QColor:
        if role == "link":
            return self.link
        if role == "error":
            return self.error
        return self.muted  # "muted", "reasoning"

    def char(self, role: ColourRole) -> QTextCharFormat:
        """A format that draws in ``role``'s colour and remembers the role."""
        char = QTextCharFormat()
        char.setForeground(self.of(role))
        char.setProperty(COLOUR_ROLE, role)
        return char


def _role_of(char: QTextCharFormat) -> ColourRole | None:
    role = char.property(COLOUR_ROLE)
    if role in _ROLES:
        return role  # type: ignore[no-any-return]
    if char.isAnchor() and char.anchorHref():
        return "link"  # a link in an answer's Markdown: Qt gave it the palette's link colour
    return None


def restyle(
    document: QTextDocument, colours: TranscriptColours, start: int = 0, end: int | None = None
) -> None:
    """Give the text from ``start`` to ``end`` (all of it by default) its role's colour, and
    the tables in it a border in the muted colour."""
    stop = document.characterCount() if end is None else end
    runs: list[tuple[int, int, ColourRole]] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= stop:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            role = _role_of(fragment.charFormat())
            if role is not None and fragment.charFormat().foreground().color() != colours.of(role):
                runs.append((fragment.position(), fragment.length(), role))
            fragments += 1
        block = block.next()
    # Changing a run's format may merge fragments: collected first, applied after.
    cursor = QTextCursor(document)
    for position, length, role in runs:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(colours.char(role))
    _restyle_tables(document, colours, start, stop)


def _restyle_tables(
    document: QTextDocument, colours: TranscriptColours, start: int, stop: int
) -> None:
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if frame.lastPosition() < start or frame.firstPosition() > stop:
            continue
        table = frame.format()
        if table.borderBrush().color() != colours.muted:
            table.setBorderBrush(colours.muted)
            frame.setFormat(table)
