"""The tray icon: Capture, Capture and extract text, Ask about clipboard, Show, Quit — the app
within reach while hidden.

The tray only emits intent; the window decides what each request does. Not every desktop has a
tray (GNOME without the AppIndicator extension, a bare Wayland compositor, the offscreen platform
in tests): where :meth:`QSystemTrayIcon.isSystemTrayAvailable` is false the app creates no tray
(:meth:`TrayIcon.create_if_available` returns None) and closing the window quits as usual,
because nothing else would bring it back. ``--capture`` and the window's own actions work either
way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.assets import app_icon_path

__all__ = ["TrayIcon"]

_THEME_ICON = APP_ID


class TrayIcon(QSystemTrayIcon):
    """A tray icon whose menu and click emit requests; see the module doc for when to create it."""

    captureRequested = Signal()
    #: "Capture and extract text": a region's text to the clipboard, with a notification
    captureTextRequested = Signal()
    askClipboardRequested = Signal()
    showRequested = Signal()
    quitRequested = Signal()
    #: the menu's "Watch clipboard" was toggled (keep it in step with :meth:`set_watching`)
    watchToggled = Signal(bool)

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setIcon(icon if icon is not None and not icon.isNull() else _default_icon())
        self._watching = False
        # The menu has no parent widget to own it (the tray is not a widget): keep it here.
        self._menu = QMenu()
        # The words come from retranslate() (and again on each language change).
        self.capture_action = self._action(self.captureRequested)
        self.capture_text_action = self._action(self.captureTextRequested)
        self.ask_clipboard_action = self._action(self.askClipboardRequested)
        self.watch_action = QAction(self._menu)
        self.watch_action.setCheckable(True)
        self.watch_action.toggled.connect(self.watchToggled)
        self._menu.addAction(self.watch_action)
        self._menu.addSeparator()
        self.show_action = self._action(self.showRequested)
        self.quit_action = self._action(self.quitRequested)
        self.setContextMenu(self._menu)
        self.activated.connect(self._on_activated)
        # The tray is not a widget: its menu (a top-level widget) hears of a language change.
        self._menu.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """The menu's words and the tooltip in the interface language."""
        translate = QCoreApplication.translate
        self.capture_action.setText(translate("TrayIcon", "Capture region"))
        self.capture_text_action.setText(translate("TrayIcon", "Capture and extract text"))
        self.ask_clipboard_action.setText(translate("TrayIcon", "Ask about clipboard"))
        self.watch_action.setText(translate("TrayIcon", "Watch clipboard"))
        self.show_action.setText(translate("TrayIcon", "Show window"))
        self.quit_action.setText(translate("TrayIcon", "Quit"))
        self._show_tooltip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def _show_tooltip(self) -> None:
        self.setToolTip(
            QCoreApplication.translate("TrayIcon", "Qwen-VL Desktop — watching the clipboard")
            if self._watching
            else "Qwen-VL Desktop"
        )

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @classmethod
    def create_if_available(
        cls, icon: QIcon | None = None, parent: QObject | None = None
    ) -> TrayIcon | None:
        """A shown tray icon, or None where the desktop has no tray."""
        if not cls.available():
            return None
        tray = cls(icon, parent)
        tray.show()
        return tray

    def set_watching(self, watching: bool) -> None:
        """Show whether watch mode is on (menu check mark and tooltip) without emitting."""
        blocked = self.watch_action.blockSignals(True)
        self.watch_action.setChecked(watching)
        self.watch_action.blockSignals(blocked)
        self._watching = watching
        self._show_tooltip()

    def menu(self) -> QMenu:
        return self._menu

    def _action(self, signal: SignalInstance) -> QAction:
        action = QAction(self._menu)
        action.triggered.connect(lambda _checked=False: signal.emit())
        self._menu.addAction(action)
        return action

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.showRequested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.captureRequested.emit()


def _default_icon() -> QIcon:
    """The application's icon, else the shipped one, else the theme's, else a drawn placeholder."""
    app_icon = QGuiApplication.windowIcon()
    if not app_icon.isNull():
        return app_icon
    try:
        shipped = QIcon(str(app_icon_path()))
    except FileNotFoundError:
        shipped = QIcon()
    if not shipped.isNull():
        return shipped
    themed = QIcon.fromTheme(_THEME_ICON)
    if not themed.isNull():
        return themed
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(97, 92, 237))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(38)
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255))
    painter.drawText(QRectF(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, "Q")
    painter.end()
    return QIcon(pixmap)
