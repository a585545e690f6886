"""Light or dark: follow the desktop's colour scheme, or force one (the setting ``theme``).

Qt 6.8+ can ask the platform for a scheme (:meth:`QStyleHints.setColorScheme`); Windows, macOS
and the GTK/KDE platform themes honour it, and every widget's palette follows. Where the platform
does not — measured: Qt 6.12 on ``offscreen`` and on bare X11/Xvfb keeps
``colorScheme() == Unknown`` and the light palette — the app draws with the Fusion style and a
palette of its own, light or dark. Going back to "system" gives the platform's palette back.

Widgets take their colours from the palette (the transcript restyles what it already shows on
a palette change: :mod:`.transcript.colours`), so nothing else needs to know which way it went.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["Theme", "ThemeOutcome", "apply_theme", "dark_palette", "is_dark", "light_palette"]

Theme = Literal["system", "light", "dark"]

#: how the look was reached: the platform's own palette, or the app's Fusion palette
ThemeOutcome = Literal["platform", "fusion"]

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


@dataclass(slots=True)
class _Forced:
    """What the app changed to force a scheme the platform ignored, to undo it."""

    #: the style before the app first forced Fusion (read then: asking for the style before the
    #: window's first frame would make PySide create QStyle's Python type, ≈ 4 ms)
    style: str | None = None
    #: the scheme whose palette the app set, or None when the platform's palette is in use
    scheme: Theme | None = None


_forced: _Forced | None = None


def is_dark(palette: QPalette) -> bool:
    """The palette draws light text on a dark window."""
    window = palette.color(_Role.Window)
    text = palette.color(_Role.WindowText)
    return window.lightness() < text.lightness()


def _fill(palette: QPalette, colours: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText, _Role.HighlightedText):
        palette.setColor(_Group.Disabled, role, QColor(disabled))
    return palette


def dark_palette() -> QPalette:
    """A dark Fusion palette: text at least 7:1 on its backgrounds, links readable (AA)."""
    return _fill(
        QPalette(),
        {
            _Role.Window: "#2b2b2e",
            _Role.WindowText: "#e8e8ea",
            _Role.Base: "#1e1e20",
            _Role.AlternateBase: "#2b2b2e",
            _Role.ToolTipBase: "#3a3a3e",
            _Role.ToolTipText: "#e8e8ea",
            _Role.PlaceholderText: "#9a9aa0",
            _Role.Text: "#e8e8ea",
            _Role.Button: "#37373b",
            _Role.ButtonText: "#e8e8ea",
            _Role.BrightText: "#ff8a80",
            _Role.Light: "#4a4a4f",
            _Role.Midlight: "#404045",
            _Role.Mid: "#2f2f33",
            _Role.Dark: "#18181a",
            _Role.Shadow: "#000000",
            _Role.Highlight: "#3d74c4",
            _Role.HighlightedText: "#ffffff",
            _Role.Link: "#7ab4ff",
            _Role.LinkVisited: "#c3a6ff",
            _Role.Accent: "#3d74c4",
        },
        disabled="#7c7c82",
    )


def light_palette() -> QPalette:
    """A light Fusion palette (Fusion's own, with a link colour readable on white)."""
    return _fill(
        QPalette(),
        {
            _Role.Window: "#efefef",
            _Role.WindowText: "#000000",
            _Role.Base: "#ffffff",
            _Role.AlternateBase: "#f7f7f7",
            _Role.ToolTipBase: "#ffffdc",
            _Role.ToolTipText: "#000000",
            _Role.PlaceholderText: "#6e6e73",
            _Role.Text: "#000000",
            _Role.Button: "#efefef",
            _Role.ButtonText: "#000000",
            _Role.BrightText: "#ffffff",
            _Role.Light: "#ffffff",
            _Role.Midlight: "#cacaca",
            _Role.Mid: "#b8b8b8",
            _Role.Dark: "#9f9f9f",
            _Role.Shadow: "#767676",
            _Role.Highlight: "#308cc6",
            _Role.HighlightedText: "#ffffff",
            _Role.Link: "#0b57d0",
            _Role.LinkVisited: "#7b2fb5",
            _Role.Accent: "#308cc6",
        },
        disabled="#8c8c8c",
    )


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the theme needs the QApplication")
    return app


def apply_theme(theme: str) -> ThemeOutcome:
    """Follow the desktop (``"system"``) or force ``"light"`` / ``"dark"``, now.

    Returns how: ``"platform"`` when the platform's palette is used (it honoured the request, or
    the desktop is followed), ``"fusion"`` when the app set its own palette because the platform
    ignored the request.
    """
    global _forced
    app = _application()
    hints = QGuiApplication.styleHints()
    if _forced is None:
        _forced = _Forced()
    if theme != "light" and theme != "dark":
        hints.unsetColorScheme()
        _platform_palette_again(app)
        return "platform"
    forced: Theme = "dark" if theme == "dark" else "light"
    wanted = Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light
    if _forced.scheme is not None and _forced.scheme != theme:
        _platform_palette_again(app)
    hints.setColorScheme(wanted)
    if _forced.scheme is None and is_dark(app.palette()) == (theme == "dark"):
        return "platform"  # the platform's palette already is that way (or has just become it)
    if hints.colorScheme() != wanted:
        # The platform ignores the request (offscreen, bare X11): the app's own palette.
        _force_palette(app, forced)
        return "fusion"
    if is_dark(app.palette()) != (theme == "dark"):
        # Accepted, but the palette has not followed yet (it may arrive with the platform's
        # theme-change event): check once the event loop has turned.
        QTimer.singleShot(0, lambda: _ensure(forced))
    return "platform"


def _ensure(theme: Theme) -> None:
    app = _application()
    if _forced is not None and _forced.scheme == theme:
        return
    if is_dark(app.palette()) != (theme == "dark"):
        _force_palette(app, theme)


def _force_palette(app: QApplication, theme: Theme) -> None:
    assert _forced is not None
    if _forced.style is None:
        _forced.style = app.style().name()
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # native styles may ignore an application palette
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    _forced.scheme = theme


def _platform_palette_again(app: QApplication) -> None:
    """Undo a forced palette: an empty palette resolves against the platform's again, and the
    platform's later changes (the desktop switching to dark) reach the widgets."""
    if _forced is None or _forced.scheme is None:
        return
    if _forced.style is not None and app.style().name().lower() != _forced.style.lower():
        app.setStyle(_forced.style)
    app.setPalette(QPalette())
    _forced.scheme = None
