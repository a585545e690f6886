"""The per-turn action buttons of the transcript: small icons, drawn for the palette, that are
``qwenvl:`` links in the document.

Each button is an inline image (:class:`QTextImageFormat`) with an anchor, a tooltip naming the
action and its window shortcut, and an alternative text for screen readers. The icons are drawn
here with :class:`QPainter` rather than taken from the icon theme: a theme may lack them (the
Xvfb and minimal desktops the app runs on have none), and drawn glyphs take the transcript's
colours (:class:`.colours.TranscriptColours`, at WCAG AA against the base) in light and dark.
They are document resources under fixed names (``qwenvl-icon:copy``…), drawn with the screen's
device pixel ratio so they stay sharp on HiDPI screens; :func:`install_icons` draws them again
for a new palette, and every button already shown follows.

What a click does is the view's and the window's business (:mod:`.links`, :mod:`.view`); the
decisions (which reply is shown, what is dropped) are the chat service's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.gui.transcript.links import LinkAction, link_href

__all__ = [
    "ICON_SIZE",
    "TURN_ACTIONS",
    "TurnAction",
    "TurnActionName",
    "icon_resource",
    "insert_action",
    "insert_inactive",
    "install_icons",
    "paint_icon",
    "tooltip_for",
]

TurnActionName = Literal[
    "copy", "edit", "regenerate", "continue", "retry", "version-prev", "version-next"
]

#: Side of an action icon, in device-independent pixels.
ICON_SIZE = 16
#: Property holding the action a button stands for (tests and the restyle find them by it).
TURN_ACTION = int(QTextFormat.Property.UserProperty) + 31


@dataclass(frozen=True, slots=True)
class TurnAction:
    """One kind of button: its link action, its words, and the window action that does the same
    for the last turn (its shortcut goes into the tooltip)."""

    name: TurnActionName
    link: LinkAction
    #: what the button does, for the tooltip and the screen reader (English: translated with
    #: the context "TurnAction" where shown, :meth:`shown_label`)
    label: str
    #: the window action's key in :attr:`TranscriptView.action_shortcuts`, if it has one
    shortcut_key: str | None

    def shown_label(self) -> str:
        """The label in the interface's language."""
        return QCoreApplication.translate("TurnAction", self.label)


TURN_ACTIONS: dict[TurnActionName, TurnAction] = {
    "copy": TurnAction("copy", "copy", translatable("TurnAction", "Copy answer"), "copy"),
    "edit": TurnAction(
        "edit", "edit", translatable("TurnAction", "Edit and resend this question"), "edit"
    ),
    "regenerate": TurnAction(
        "regenerate",
        "regenerate",
        translatable("TurnAction", "Regenerate: ask again, keeping this answer"),
        "regenerate",
    ),
    "continue": TurnAction(
        "continue", "continue", translatable("TurnAction", "Continue this answer"), "continue"
    ),
    "retry": TurnAction("retry", "retry", translatable("TurnAction", "Retry"), "retry"),
    "version-prev": TurnAction(
        "version-prev", "version", translatable("TurnAction", "Previous version"), None
    ),
    "version-next": TurnAction(
        "version-next", "version", translatable("TurnAction", "Next version"), None
    ),
}


def icon_resource(name: TurnActionName, *, inactive: bool = False) -> str:
    return f"qwenvl-icon:{name}{'-inactive' if inactive else ''}"


def tooltip_for(action: TurnAction, shortcuts: dict[str, str]) -> str:
    """``Copy answer (Ctrl+Shift+C on the last answer)``: the shortcut acts on the last turn."""
    shortcut = shortcuts.get(action.shortcut_key or "", "")
    label = action.shown_label()
    if not shortcut:
        return label
    if action.name == "edit":
        sentence = QCoreApplication.translate("TurnAction", "%1 (%2 for the last question)")
    else:
        sentence = QCoreApplication.translate("TurnAction", "%1 (%2 for the last answer)")
    return sentence.replace("%2", shortcut).replace("%1", label)


def install_icons(document: QTextDocument, colour: QColor, device_pixel_ratio: float) -> None:
    """(Re)draw every action icon in ``colour`` as a resource of ``document``, and the ‹ ›
    that lead nowhere (the first or last version) faded."""
    faded = QColor(colour)
    faded.setAlphaF(0.3)  # an inactive control: no contrast minimum applies
    resource = QTextDocument.ResourceType.ImageResource
    for name in TURN_ACTIONS:
        image = paint_icon(name, colour, device_pixel_ratio)
        document.addResource(resource, QUrl(icon_resource(name)), image)
    for name in _INACTIVE:
        image = paint_icon(name, faded, device_pixel_ratio)
        document.addResource(resource, QUrl(icon_resource(name, inactive=True)), image)


def insert_action(
    cursor: QTextCursor,
    action: TurnAction,
    exchange_id: str,
    tooltip: str,
    *,
    argument: str | None = None,
) -> None:
    """A button at ``cursor``: the icon as a link, its tooltip and alternative text, and a
    space after it (plain, so the next text does not continue the link)."""
    image = QTextImageFormat()
    image.setName(icon_resource(action.name))
    image.setWidth(ICON_SIZE)
    image.setHeight(ICON_SIZE)
    image.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    href = link_href(action.link, exchange_id)
    image.setAnchor(True)
    image.setAnchorHref(f"{href}/{argument}" if argument is not None else href)
    image.setToolTip(tooltip)
    image.setProperty(QTextFormat.Property.ImageAltText, action.shown_label())
    image.setProperty(QTextFormat.Property.ImageTitle, tooltip)
    image.setProperty(TURN_ACTION, action.name)
    cursor.insertImage(image)
    cursor.insertText("  ", QTextCharFormat())


def insert_inactive(cursor: QTextCursor, name: TurnActionName) -> None:
    """A faded ‹ or › that is no link (there is no version before the first or after the last):
    the count between them keeps its place."""
    image = QTextImageFormat()
    image.setName(icon_resource(name, inactive=True))
    image.setWidth(ICON_SIZE)
    image.setHeight(ICON_SIZE)
    image.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    cursor.insertImage(image)
    cursor.insertText("  ", QTextCharFormat())


#: the buttons drawn faded as well (shown, but leading nowhere)
_INACTIVE: tuple[TurnActionName, ...] = ("version-prev", "version-next")


# -- drawing -------------------------------------------------------------------------------------


def paint_icon(name: TurnActionName, colour: QColor, device_pixel_ratio: float) -> QImage:
    """The icon ``name`` drawn in ``colour`` on a transparent square of :data:`ICON_SIZE`
    logical pixels (times ``device_pixel_ratio`` device pixels)."""
    dpr = max(device_pixel_ratio, 1.0)
    side = math.ceil(ICON_SIZE * dpr)
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        _GLYPHS[name](painter, colour)
    finally:
        painter.end()
    return image


def _copy(painter: QPainter, colour: QColor) -> None:
    painter.drawRoundedRect(QRectF(2.5, 5.5, 8, 8.5), 1.5, 1.5)
    painter.drawPolyline(
        QPolygonF([QPointF(5.5, 3.5), QPointF(5.5, 2.8), QPointF(6.3, 2), QPointF(12.7, 2)])
    )
    painter.drawPolyline(QPolygonF([QPointF(12.7, 2), QPointF(13.5, 2.8), QPointF(13.5, 10.5)]))


def _edit(painter: QPainter, colour: QColor) -> None:
    # A pencil from the lower left to the upper right, and a line to write on.
    body = QPolygonF(
        [QPointF(3, 11), QPointF(10.5, 3.5), QPointF(12.5, 5.5), QPointF(5, 13), QPointF(2.5, 13.5)]
    )
    painter.drawPolygon(body)
    painter.drawLine(QPointF(9, 5), QPointF(11, 7))
    painter.drawLine(QPointF(8.5, 14), QPointF(14, 14))


def _arc_with_head(painter: QPainter, colour: QColor, start: float, span: float) -> None:
    """A circle arc (degrees, counter-clockwise from 3 o'clock) ending in a filled arrow head."""
    centre, radius = QPointF(8, 8), 5.2
    path = QPainterPath()
    path.arcMoveTo(QRectF(8 - radius, 8 - radius, 2 * radius, 2 * radius), start)
    path.arcTo(QRectF(8 - radius, 8 - radius, 2 * radius, 2 * radius), start, span)
    painter.drawPath(path)
    end = math.radians(start + span)
    tip = QPointF(centre.x() + radius * math.cos(end), centre.y() - radius * math.sin(end))
    # The tangent at the end, in the direction of travel (counter-clockwise when span > 0).
    sign = 1 if span > 0 else -1
    tangent = QPointF(-math.sin(end) * sign, -math.cos(end) * sign)
    normal = QPointF(-tangent.y(), tangent.x())
    head = QPolygonF(
        [
            tip + tangent * 2.6,
            tip - tangent * 1.2 + normal * 2.4,
            tip - tangent * 1.2 - normal * 2.4,
        ]
    )
    painter.setBrush(colour)
    painter.drawPolygon(head)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _regenerate(painter: QPainter, colour: QColor) -> None:
    # Two arrows chasing each other: a new answer to the same question.
    _arc_with_head(painter, colour, 200, -150)
    _arc_with_head(painter, colour, 20, -150)


def _retry(painter: QPainter, colour: QColor) -> None:
    # One arrow coming round again.
    _arc_with_head(painter, colour, 120, -290)


def _continue(painter: QPainter, colour: QColor) -> None:
    # "Play on": a triangle and a bar.
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([QPointF(3.5, 3), QPointF(10.5, 8), QPointF(3.5, 13)]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(12.5, 3.5), QPointF(12.5, 12.5))


def _previous(painter: QPainter, colour: QColor) -> None:
    pen = painter.pen()
    pen.setWidthF(1.8)
    painter.setPen(pen)
    painter.drawPolyline(QPolygonF([QPointF(10, 3.5), QPointF(5.5, 8), QPointF(10, 12.5)]))


def _next(painter: QPainter, colour: QColor) -> None:
    pen = painter.pen()
    pen.setWidthF(1.8)
    painter.setPen(pen)
    painter.drawPolyline(QPolygonF([QPointF(6, 3.5), QPointF(10.5, 8), QPointF(6, 12.5)]))


_GLYPHS = {
    "copy": _copy,
    "edit": _edit,
    "regenerate": _regenerate,
    "continue": _continue,
    "retry": _retry,
    "version-prev": _previous,
    "version-next": _next,
}
