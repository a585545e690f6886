"""What the app does with an exception nobody caught: log it, show it, keep running.

Vorta's pattern: a ``sys.excepthook`` that logs the traceback and opens a dialog. PySide6 hands an
exception raised in a slot or a Qt virtual method to ``sys.excepthook`` and then carries on, so
the window stays usable; an exception in an asyncio callback or a forgotten task reaches the
event loop's exception handler instead, which is routed to the same place.

The report never holds the API key (:func:`~qwenvl_desktop.core.crash_report.crash_report`
scrubs it), neither in the log nor on the clipboard. The dialog is not modal: a modal dialog
would start a nested event loop inside whatever slot failed, which the asyncio loop does not
survive. Further exceptions while it is open are added to the same dialog, not stacked as new
ones (a failing paint handler would otherwise open a dialog per frame).

:func:`qwenvl_desktop.app.main` installs the reporter; ``create_main_window`` does not, so tests
that build windows keep pytest-qt's own exception capture (a slot that raises fails the test).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from qwenvl_desktop.core.crash_report import CrashReport, crash_report, scrub_known_secrets

__all__ = ["CrashDialog", "CrashReporter", "install_crash_reporter"]

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
LoopExceptionHandler = Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object]

_SEPARATOR = "\n" + "-" * 72 + "\n\n"


class CrashDialog(QDialog):
    """The non-modal window that says something went wrong, with the details to copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(640, 420)
        self._reports: list[CrashReport] = []

        self.summary = QLabel(self)
        self.summary.setObjectName("crashSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._explanation = explanation = QLabel(self)
        explanation.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self)
        self._copied = False
        self.copy_button.setObjectName("copyDetailsButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)

        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(explanation)
        column.addWidget(self.details, 1)
        column.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The dialog's words in the interface language (again on each language change)."""
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("CrashDialog", "Qwen-VL Desktop — something went wrong"))
        self._explanation.setText(
            translate(
                "CrashDialog",
                "The app keeps running, but what you just did may not have finished. If it"
                " happens again, please report it with the details below (they contain no API"
                " key).",
            )
        )
        self.copy_button.setText(
            translate("CrashDialog", "Copied")
            if self._copied
            else translate("CrashDialog", "Copy details")
        )
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_summary(self) -> None:
        if not self._reports:
            return
        translate = QCoreApplication.translate
        count = len(self._reports)
        latest = self._reports[-1].summary
        self.summary.setText(
            translate("CrashDialog", "An unexpected error occurred: %1").replace("%1", latest)
            if count == 1
            else translate("CrashDialog", "%1 unexpected errors occurred; the latest: %2")
            .replace("%2", latest)
            .replace("%1", str(count))
        )

    def add_report(self, report: CrashReport) -> None:
        """Show ``report``; an open dialog keeps the earlier ones above it."""
        if self.isHidden():
            self._reports.clear()
        self._reports.append(report)
        self._show_summary()
        self.details.setPlainText(_SEPARATOR.join(r.details for r in self._reports))

    def details_text(self) -> str:
        return self.details.toPlainText()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self._copied = True
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", "Copied"))


class CrashReporter:
    """Routes uncaught exceptions (``sys.excepthook``, the asyncio loop) to the log and a dialog.

    A plain object, not a QObject: ``sys.excepthook`` may still point at it after its window is
    gone, and it must then log rather than touch a deleted widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._dialog: CrashDialog | None = None
        self._previous_hook: ExceptHook | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_loop_handler: LoopExceptionHandler | None = None
        self._installed = False
        self._reporting = False

    @property
    def dialog(self) -> CrashDialog | None:
        """The dialog, once an exception has been shown (None before, or once it is deleted)."""
        if self._dialog is not None and not isValid(self._dialog):
            self._dialog = None
        return self._dialog

    # -- installing ------------------------------------------------------------------------------

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Become ``sys.excepthook`` and, given a ``loop``, its exception handler."""
        if self._installed:
            return
        self._previous_hook = sys.excepthook
        sys.excepthook = self._excepthook
        if loop is not None:
            self._loop = loop
            self._previous_loop_handler = loop.get_exception_handler()
            loop.set_exception_handler(self._loop_exception)
        self._installed = True

    def uninstall(self) -> None:
        """Put back the hook and the loop handler found by :meth:`install`."""
        if not self._installed:
            return
        if sys.excepthook == self._excepthook and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if self._loop is not None and not self._loop.is_closed():
            self._loop.set_exception_handler(self._previous_loop_handler)
        self._loop = None
        self._previous_hook = None
        self._previous_loop_handler = None
        self._installed = False

    # -- reporting -------------------------------------------------------------------------------

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str = "",
    ) -> CrashReport:
        """Log the exception (scrubbed) and show it in the dialog; return the report."""
        report = crash_report(
            exc_type,
            exc,
            tb,
            where=where,
            versions={"PySide6": pyside_version, "Qt": qVersion()},
        )
        log.error("%s", report.details)
        if self._reporting:  # the dialog itself failed: the log line has to do
            return report
        self._reporting = True
        try:
            self._show(report)
        except Exception:  # never let the reporter raise into Qt's or asyncio's machinery
            log.exception("the crash dialog could not be shown")
        finally:
            self._reporting = False
        return report

    def _show(self, report: CrashReport) -> None:
        if QGuiApplication.instance() is None:
            return
        dialog = self.dialog
        if dialog is None:
            parent = self._parent if self._parent is not None and isValid(self._parent) else None
            dialog = self._dialog = CrashDialog(parent)
        dialog.add_report(report)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            (self._previous_hook or sys.__excepthook__)(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb)

    def _loop_exception(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message") or "")
        if isinstance(exc, BaseException):
            self.report(type(exc), exc, exc.__traceback__, where=f"in the event loop ({message})")
            return
        # No exception (e.g. "Task was destroyed but it is pending!"): worth a log line, not a
        # dialog. asyncio's default handler would log the reprs unscrubbed, so format them here.
        extra = ", ".join(f"{k}={v!r}" for k, v in context.items() if k != "message")
        log.warning("%s", scrub_known_secrets(f"event loop: {message} {extra}".rstrip()))


def install_crash_reporter(
    parent: QWidget | None, loop: asyncio.AbstractEventLoop | None = None
) -> CrashReporter:
    """A :class:`CrashReporter` showing its dialog over ``parent``, installed (see ``install``)."""
    reporter = CrashReporter(parent)
    reporter.install(loop)
    return reporter
