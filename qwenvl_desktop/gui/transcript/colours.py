"""The transcript's colours, taken from the widget's palette and made readable on its base.

A platform theme may pair a dark base with the default link blue (``#0000FF`` on ``#323232`` is
1.5:1 under GTK's Adwaita-dark), and fixed greys or reds read on only one of light and dark. Each
colour the transcript sets is therefore derived from a palette role and, where it falls short of
WCAG AA (4.5:1) against the base it is drawn on, moved in lightness (keeping its hue) until it
reaches it.

Text carries its colour *role* as a format property (:data:`COLOUR_ROLE`), and Markdown links
(whose colour Qt fixes at import) are recognised as anchors, so :func:`restyle` can give text
already shown the colours of a new palette. Highlighted code (:mod:`.code_blocks`) has roles of
its own (``code-keyword``…): a hue each, made readable on the code block's shade over the base.
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
    "CODE_ROLES",
    "CODE_SHADE",
    "COLOUR_ROLE",
    "MIN_CONTRAST",
    "ColourRole",
    "TranscriptColours",
    "contrast_ratio",
    "readable_on",
    "restyle",
    "restyle_tables",
]

#: WCAG 2.x AA for body text.
MIN_CONTRAST = 4.5
#: Char-format property naming a run's colour role ("link", "muted", "reasoning", "error",
#: "quote", or one of :data:`CODE_ROLES`).
COLOUR_ROLE = int(QTextFormat.Property.UserProperty) + 11

ColourRole = Literal[
    "link",
    "muted",
    "reasoning",
    "error",
    "quote",
    "code-label",
    "code-keyword",
    "code-string",
    "code-comment",
    "code-number",
    "code-function",
    "code-builtin",
    "code-inserted",
    "code-deleted",
]

#: The error colour's hue: a red that reads as an error in light and dark.
_ERROR_HUE = QColor(214, 69, 65)
#: A code block's background: a translucent grey, so it reads on light and dark bases alike.
CODE_SHADE = QColor(127, 127, 127, 36)
#: The hue of each kind of code token (GitHub's light theme); each is moved in lightness until
#: it reads on the code shade, so a dark palette gets light versions of the same hues.
CODE_ROLES: dict[ColourRole, QColor] = {
    "code-keyword": QColor(207, 34, 46),
    "code-string": QColor(10, 48, 105),
    "code-comment": QColor(110, 119, 129),
    "code-number": QColor(5, 80, 174),
    "code-function": QColor(130, 80, 223),
    "code-builtin": QColor(149, 56, 0),
    "code-inserted": QColor(17, 99, 41),
    "code-deleted": QColor(130, 7, 30),
}
_ROLES: tuple[ColourRole, ...] = (
    "link",
    "muted",
    "reasoning",
    "error",
    "quote",
    "code-label",
    *CODE_ROLES,
)


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
        #: what code is drawn on: the shade over the base
        self.code_base = over(CODE_SHADE, self.base)
        self._code = {role: readable_on(hue, self.code_base) for role, hue in CODE_ROLES.items()}
        # Text in a code block that is not a token of its own (and the block's language label).
        self.code_muted = readable_on(
            palette.color(QPalette.ColorRole.PlaceholderText), self.code_base
        )
        #: a quote's left bar: a clear mid grey (a bar, not text: 3:1 is the aim for graphics)
        self.quote_bar = readable_on(
            palette.color(QPalette.ColorRole.PlaceholderText), self.base, 3.0
        )

    def of(self, role: ColourRole) -> QColor:
        if role == "link":
            return self.link
        if role == "error":
            return self.error
        if role == "code-label":
            return self.code_muted
        code = self._code.get(role)
        if code is not None:
            return code
        return self.muted  # "muted", "reasoning", "quote"

    def char(self, role: ColourRole) -> QTextCharFormat:
        """A format that draws in ``role``'s colour and remembers the role."""
        char = QTextCharFormat()
        char.setForeground(self.of(role))
        char.setProperty(COLOUR_ROLE, role)
        return char


def _role_of(char: QTextCharFormat) -> ColourRole | None:
    if char.isImageFormat():
        return None  # an icon: drawn from its resource, in colours of its own
    role = char.property(COLOUR_ROLE)
    if role in _ROLES:
        return role  # type: ignore[no-any-return]
    if char.isAnchor() and char.anchorHref():
        return "link"  # a link in an answer's Markdown: Qt gave it the palette's link colour
    return None


def restyle(
    document: QTextDocument,
    colours: TranscriptColours,
    start: int = 0,
    end: int | None = None,
    *,
    tables: bool = True,
) -> None:
    """Give the text from ``start`` to ``end`` (all of it by default) its role's colour, and
    (unless ``tables`` is False: a new piece's tables have theirs already) the tables in it a
    border in the muted colour."""
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
    if tables:
        restyle_tables(document, colours.muted, start, stop)


def restyle_tables(
    document: QTextDocument, border: QColor, start: int = 0, stop: int | None = None
) -> None:
    """Give the tables from ``start`` to ``stop`` (all by default) a ``border``. (Inside an edit
    block the document does not list its new tables yet.)"""
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if frame.lastPosition() < start or (stop is not None and frame.firstPosition() > stop):
            continue
        table = frame.format()
        if table.borderBrush().color() != border:
            table.setBorderBrush(border)
            frame.setFormat(table)
