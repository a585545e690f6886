"""The status bar: endpoint and key, model, streaming state, tokens per second; notices.

Every text here gives way when the window is narrow instead of running into its neighbour: the
labels are :class:`ElidedLabel` (cut with "…", the whole text in the tooltip, a small minimum
width, so the bar never holds the window wider than it is), and a notice is drawn cut to the room
it has, with the whole sentence in the bar's tooltip and on screen for as long as it takes to
read. While a notice shows, the state and the model shrink to a compact width and the tokens per
second step aside, so the notice gets most of the bar (issue 11: "status-bar texts overlap at
narrow widths and notices are cut").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizeGrip,
    QSizePolicy,
    QStatusBar,
    QWidget,
)

from qwenvl_desktop.gui import locale_format

if TYPE_CHECKING:  # the key service comes after the window's first frame
    from qwenvl_desktop.services.keys import KeyState

__all__ = ["ElidedLabel", "NoticeBar", "StatusPanel", "notice_timeout_ms"]

#: a notice stays at least this long per character (about 15 characters read per second)
_MS_PER_CHARACTER = 65
_LONGEST_NOTICE_MS = 30_000


def notice_timeout_ms(text: str, asked_ms: int) -> int:
    """How long a notice stays: what the caller asked, or long enough to read it all."""
    if asked_ms <= 0:
        return asked_ms  # 0: until the next message
    return max(asked_ms, min(len(text) * _MS_PER_CHARACTER, _LONGEST_NOTICE_MS))


class ElidedLabel(QLabel):
    """A one-line label cut with "…" when it has less room than its text needs.

    :meth:`text` stays the whole text; the tooltip shows it whole while it is cut (unless the
    label was given a tooltip of its own). ``compact_width`` caps the width it asks for while
    :meth:`set_compact` is on.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        minimum_width: int = 40,
        compact_width: int | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._minimum_width = minimum_width
        self._compact_width = compact_width
        self._compact = False
        self._own_tooltip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def setToolTip(self, text: str) -> None:
        self._own_tooltip = text
        super().setToolTip(text)
        self._update_tooltip()

    def set_compact(self, compact: bool) -> None:
        """Ask for at most ``compact_width`` (a notice needs the room)."""
        if compact != self._compact and self._compact_width is not None:
            self._compact = compact
            self.updateGeometry()

    def displayed_text(self) -> str:
        """The text as drawn now: whole, or cut with "…" to the label's width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def is_elided(self) -> bool:
        return self.displayed_text() != self.text()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._compact and self._compact_width is not None:
            hint.setWidth(min(hint.width(), self._compact_width))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), self._minimum_width))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # with the first paint, after the first expose

        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.displayed_text(),
            self.foregroundRole(),
        )

    def _update_tooltip(self) -> None:
        if self._own_tooltip:
            return
        QLabel.setToolTip(self, self.text() if self.is_elided() else "")


class NoticeBar(QStatusBar):
    """A status bar whose notices (``showMessage``) are cut with "…" to the room they have —
    Qt draws them whole, clipped where the first permanent label begins, so they ran into it —
    with the whole notice in the bar's tooltip."""

    #: the interface language changed (the :class:`StatusPanel` retranslates its labels)
    languageChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.messageChanged.connect(self._message_changed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.languageChanged.emit()
        super().changeEvent(event)

    def message_rect(self) -> QRect:
        """Where the notice is drawn: from the left to the first permanent label."""
        left, right = 6, self.width() - 12
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for child in self._permanent_widgets():
            if rtl:
                left = max(left, child.x() + child.width() + 2)
            else:
                right = min(right, child.x() - 2)
        return QRect(left, 0, max(right - left, 0), self.height())

    def displayed_message(self) -> str:
        """The notice as drawn now (cut with "…" when it does not fit), or ""."""
        message = " ".join(self.currentMessage().split())
        if not message:
            return ""
        width = self.message_rect().width()
        return self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, width)

    def _permanent_widgets(self) -> list[QWidget]:
        # Under a notice Qt hides the normal widgets: the visible ones are the permanent ones.
        return [
            child
            for child in self.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible() and not isinstance(child, QSizeGrip)
        ]

    def _message_changed(self, text: str) -> None:
        self.setToolTip(" ".join(text.split()))
        self.setAccessibleDescription(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # Here, not at the top: QStyle's Python type (≈ 4 ms of enums) is not needed before the
        # window's first frame, which shows no message.
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QStyle, QStyleOption

        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for child in self._permanent_widgets():
            frame = QStyleOption()
            frame.rect = child.geometry().adjusted(-2, -1, 2, 1)
            frame.palette = self.palette()
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, child
            )
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_rect(),
            int(
                Qt.AlignmentFlag.AlignLeading
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextSingleLine
            ),
            self.displayed_message(),
        )


class StatusPanel:
    """Labels in a :class:`QStatusBar`; transient notices use ``showMessage``."""

    @classmethod
    def for_window(cls, window: QMainWindow) -> StatusPanel:
        """The window's status bar (a :class:`NoticeBar`) with its labels."""
        window.setStatusBar(NoticeBar(window))
        return cls(window.statusBar(), window)

    def __init__(self, bar: QStatusBar, parent: QWidget | None = None) -> None:
        self.bar = bar
        self.state = ElidedLabel(
            QCoreApplication.translate("StatusPanel", "Ready"),
            parent,
            minimum_width=60,
            compact_width=90,
        )
        #: "Ready" shows until the window sets a state of its own (which it translates itself)
        self._ready = True
        self._endpoint: tuple[str, KeyState | None] | None = None
        self._rate: float | None = None
        self.state.setObjectName("streamState")
        self.rate = ElidedLabel("", parent, minimum_width=50)
        self.rate.setObjectName("tokenRate")
        self.model = ElidedLabel("", parent, minimum_width=60, compact_width=90)
        self.model.setObjectName("statusModel")
        self.endpoint = ElidedLabel("", parent, minimum_width=80)
        self.endpoint.setObjectName("statusEndpoint")
        # The endpoint (a long URL) gives way first when the window is narrow.
        self.endpoint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The endpoint is a normal widget: a notice (showMessage) takes its place for a few
        # seconds. Were every label permanent, the notices would have no room and never show.
        bar.addWidget(self.endpoint, 1)
        # QStatusBar hides its normal widgets under a message only once it is on screen; a
        # notice given while the window is still being built was drawn over the endpoint.
        bar.messageChanged.connect(self._message_changed)
        for label in (self.state, self.rate, self.model):
            bar.addPermanentWidget(label)
        if isinstance(bar, NoticeBar):
            bar.languageChanged.connect(self.retranslate)

    def retranslate(self) -> None:
        """Say the texts made here again in the interface language (the window's own states
        and notices it says again itself)."""
        if self._ready:
            self.state.setText(QCoreApplication.translate("StatusPanel", "Ready"))
        if self._endpoint is not None:
            self.set_endpoint(*self._endpoint)
        self.set_rate(self._rate)

    def _message_changed(self, text: str) -> None:
        self.endpoint.setVisible(not text)
        # The notice needs the room more than the tokens per second, for its few seconds.
        self.rate.setVisible(not text)
        for label in (self.state, self.model):
            label.set_compact(bool(text))

    def set_endpoint(self, base_url: str, key: KeyState | None) -> None:
        """The endpoint and what is known of its key (None: the key service has not started)."""
        self._endpoint = (base_url, key)
        translate = QCoreApplication.translate
        if key is None or key.present is None:
            key_text = translate("StatusPanel", "key: looking…")
        elif key.present:
            # the key store pulls in the HTTP client: imported once a key is known, after the
            # first frame
            from qwenvl_desktop.core.keys.store import shown_source

            key_text = (
                translate("StatusPanel", "key %1 (%2)")
                .replace("%1", key.masked)
                .replace("%2", shown_source(key.source))
            )
        else:
            key_text = translate("StatusPanel", "no key")
        shown_url = base_url or translate("StatusPanel", "(no endpoint)")
        self.endpoint.setText(f"{shown_url}  ·  {key_text}")
        self.endpoint.setToolTip(
            translate("StatusPanel", "Requests go to %1\nKey: %2")
            .replace("%1", f"{base_url}/chat/completions")
            .replace("%2", key_text)
        )

    def set_model(self, model: str) -> None:
        self.model.setText(model)

    def set_state(self, text: str) -> None:
        self._ready = False
        self.state.setText(text)

    def set_rate(self, tokens_per_second: float | None) -> None:
        self._rate = tokens_per_second
        self.rate.setText(
            QCoreApplication.translate("StatusPanel", "%1 tok/s").replace(
                "%1", locale_format.decimal(tokens_per_second, 0)
            )
            if tokens_per_second
            else ""
        )

    def notice(self, text: str, timeout_ms: int = 6000) -> None:
        """A notice in the endpoint's place, long enough to be read; whole in the tooltip."""
        self.bar.showMessage(text, notice_timeout_ms(text, timeout_ms))
