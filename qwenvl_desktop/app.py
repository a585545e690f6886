"""Building the window (:func:`create_main_window`) and running it (:func:`main`).

The two are separate so a test or a script can build the real, fully wired window on its own
QApplication and event loop, drive it, and close it, without ``exec()``.

Only :func:`main` makes the app one per user (:mod:`.platform.single_instance`): a second start
hands its request (``--capture``, or just "show") to the running app and exits 0 at once; it also
adds the tray icon where the desktop has a tray. ``QWENVL_DESKTOP_LOG=info`` (or ``debug``) logs
to stderr, e.g. "request from another instance: capture".

An exception nobody catches while the window runs is logged (without the key) and shown in a
non-modal dialog with "Copy details" (:mod:`.gui.crash_dialog`); the app keeps running. Only
:func:`main` installs that; a test building the window keeps pytest-qt's own exception capture.

Start-up: the window's first frame should come within 1.5× of a bare PySide6 window's
(``bench/bench_startup.py``). So :func:`main` builds the window in two steps: the widgets, menus and
configured region and model (:class:`~.gui.main_window.MainWindow`), shown and painted on a plain
Qt event loop; only then the asyncio loop, the services (chat, keys, draft, history) and
:meth:`~.gui.main_window.MainWindow.wire`. What no frame needs is imported where it is first used
— httpx on the first request, keyring in the key lookup, Pillow with the first image, the tray,
the single-instance socket and the crash dialog after the first frame.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

# No PySide6 name here: the Qt-free modules below (the parser, the settings) load before PySide6,
# which, once imported, wraps every later import and reads each new module's source (its
# ``__feature__`` check) — ≈ 4 ms of the first frame for these. The gui modules bring PySide6.
from qwenvl_desktop.cli.options import (  # the command line's parser: one grammar
    build_parser,
    empty_command_line,
)
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.settings import COMMAND_LINE, LoadedSettings, load_settings
from qwenvl_desktop.gui.first_frame import show_first_frame
from qwenvl_desktop.gui.i18n import apply_language_setting
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.theme import apply_theme
from qwenvl_desktop.platform.display import unreachable_display
from qwenvl_desktop.services.application import qt_application

if TYPE_CHECKING:
    # asyncio, qasync and the services: after the first frame (see main).
    from qwenvl_desktop.gui.crash_dialog import CrashReporter
    from qwenvl_desktop.platform.single_instance import SingleInstance
    from qwenvl_desktop.services.event_loop import AppEventLoop

__all__ = ["create_main_window", "main", "run_window"]

log = logging.getLogger(__name__)


def create_main_window(argv: list[str]) -> MainWindow:
    """The fully wired window on the current QApplication and (qasync) event loop, not shown.

    ``argv`` takes the top-level options of ``qwenvl-desktop`` (``--region``, ``--base-url``,
    ``--model``); the key is found as ``ask`` finds it (environment, then the OS keyring).
    """
    loaded = window_settings(build_parser().parse_args(list(argv)))
    window = build_window(loaded)
    wire_window(window, loaded)
    return window


def window_settings(options: argparse.Namespace) -> LoadedSettings:
    """The settings of the window: configuration files and environment, then the command line's
    ``--region``, ``--base-url`` and ``--model``.

    The interface language is one of them, so it is applied here; when loading found problems,
    the settings are read once more so their sentences are in that language (a few ms, and
    only when there is something to say).
    """
    overrides = {"region": options.region, "base_url": options.base_url, "model": options.model}
    loaded = load_settings(overrides)
    if apply_language_setting(loaded.settings.language) != "en" and loaded.problems:
        loaded = load_settings(overrides)
    return loaded


def build_window(loaded: LoadedSettings) -> MainWindow:
    """Step 1: the window as its first frame shows it (no event loop, no services yet)."""
    # The interface language before any widget: the window is built in it (English, the
    # source language, loads no catalog). See docs/translations.md.
    apply_language_setting(loaded.settings.language)
    # The light or dark look first, so the first frame is drawn in it (and a theme forced by an
    # earlier window of this process is undone when this one follows the system).
    apply_theme(loaded.settings.theme)
    window = MainWindow(loaded.settings)
    for problem in loaded.problems:
        window.status.notice(translate("App", "Configuration: %1").replace("%1", problem), 15000)
    return window


def wire_window(window: MainWindow, loaded: LoadedSettings) -> None:
    """Step 2: the services on the current event loop, connected to ``window``.

    The key lookup starts at once (in a worker thread, on the loop's next turn); the history file
    opens after the window's first frame.
    """
    from qwenvl_desktop.services.chat import ChatController
    from qwenvl_desktop.services.draft import DraftAttachments
    from qwenvl_desktop.services.history import HistorySync
    from qwenvl_desktop.services.image_intake import ImageIntake

    # The history file lives in the user data directory (platformdirs: $XDG_DATA_HOME on Linux).
    history = HistorySync.open_later(loaded.settings.history)
    from_command_line = loaded.sources.get("model") == COMMAND_LINE
    controller = ChatController(
        loaded.settings, history=history, model_from_command_line=from_command_line
    )
    draft = DraftAttachments(ImageIntake(), controller.model_info, loaded.settings.image_detail)
    window.wire(controller, draft)
    controller.setParent(window)
    draft.setParent(window)
    from qwenvl_desktop.services.remembered_choices import RememberedChoices

    window.remembered_choices = RememberedChoices(controller, loaded, parent=controller)
    from qwenvl_desktop.services.preferences import PreferencesService

    window.attach_preferences(PreferencesService(loaded, controller=controller, parent=controller))


def run_window(window: MainWindow, loop: AppEventLoop) -> int:
    """Show ``window`` and run the loop until it is closed, then shut down cleanly.

    Closing the window cancels a running stream; the HTTP client is closed and abandoned async
    generators are finalised on the loop before it closes, so nothing is left for the garbage
    collector (no "ignored GeneratorExit", no unclosed-socket warnings).
    """
    import asyncio
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The loop, not Qt, decides when to stop: cleanup still needs it after the last window.
    app.setQuitOnLastWindowClosed(False)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    # Ctrl+C in the terminal closes the window. Python only sees signals when it runs, so a slow
    # timer gives it a chance while Qt is idle.
    previous = signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window.close))
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)

    async def until_closed() -> None:
        await closed.wait()
        await window.aclose()
        await loop.shutdown_asyncgens()

    window.show()
    try:
        loop.run_until_complete(until_closed())
    finally:
        wake.stop()
        signal.signal(signal.SIGINT, previous)
        loop.close()
    return 0


def _fall_back_to_offscreen_without_a_display() -> None:
    """On Linux with no display at all, run on Qt's offscreen platform instead of aborting.

    Qt aborts the process (SIGABRT, a page of plugin messages) when it cannot reach an X or
    Wayland display. A headless machine — a server, a container, a CI box — then gets a crash
    where a sentence would do; the app still works there for ``--capture`` forwarding and for
    automation, so say what is happening and carry on without a visible window.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    print(
        "qwenvl-desktop: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window "
        "runs on Qt's offscreen platform and is not visible. Start it from a desktop session, "
        "or under `xvfb-run -a` on a headless machine. Ctrl+C quits.",
        file=sys.stderr,
    )
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: Sequence[str] | None = None, *, options: argparse.Namespace | None = None) -> int:
    """``qwenvl-desktop`` without a command, and ``python -m qwenvl_desktop``: open the window.

    When the app already runs for this user, the request (``--capture``: capture a region;
    ``--capture-text``: capture one and put its text on the clipboard; otherwise: show the
    window) goes to it and this process exits 0 without a window.
    ``options`` is ``argv`` already parsed (the launcher's: the parser is not built twice).

    The window is shown and painted first (:func:`build_window`, :func:`show_first_frame`); the
    asyncio loop, the services (:func:`wire_window`), the crash reporter, the single-instance
    socket and the tray follow. Input that arrives meanwhile waits in Qt's queue, or finds the
    actions that need a service disabled for those few milliseconds.

    A ``DISPLAY`` that is set but cannot be reached ends it before Qt starts: one sentence on
    stderr and exit status 1 (:mod:`.platform.display`), where Qt would abort.
    """
    from qwenvl_desktop.platform.single_instance import (
        CAPTURE,
        CAPTURE_TEXT,
        SHOW,
        InstanceError,
        SingleInstance,
    )

    arguments = list(sys.argv[1:] if argv is None else argv)
    _configure_logging()
    if options is None:
        options = build_parser().parse_args(arguments) if arguments else empty_command_line()
    capture = bool(options.capture)
    capture_text = bool(getattr(options, "capture_text", False))
    request = CAPTURE_TEXT if capture_text else CAPTURE if capture else SHOW
    _fall_back_to_offscreen_without_a_display()
    if (unreachable := unreachable_display()) is not None:
        # Qt would abort (SIGABRT) blaming a library; one sentence and exit 1 instead.
        print(f"qwenvl-desktop: {unreachable}", file=sys.stderr)
        return 1
    qt_application()
    instance = SingleInstance()
    try:
        # Before any window: a second start hands its request over and never shows one.
        if instance.claim_or_forward(request) == "forwarded":
            log.info("handed %r to the running instance", request)
            return 0
    except InstanceError as error:  # a hung instance, an unusable runtime folder
        print(f"qwenvl-desktop: {error} Opening a separate window.", file=sys.stderr)
    reporter = None
    try:
        loaded = window_settings(options)
        window = build_window(loaded)
        show_first_frame(window)
        if not window.isVisible():  # closed before its first frame was out: nothing to run
            return 0
        loop, reporter = _start_services(
            window, loaded, instance, capture=capture, capture_text=capture_text
        )
        return run_window(window, loop)
    finally:
        if reporter is not None:
            reporter.uninstall()
        instance.close()


def _start_services(
    window: MainWindow,
    loaded: LoadedSettings,
    instance: SingleInstance,
    *,
    capture: bool,
    capture_text: bool = False,
) -> tuple[AppEventLoop, CrashReporter]:
    """After the first frame: the event loop, the services, and what one app per user adds."""
    from PySide6.QtCore import QTimer

    from qwenvl_desktop.gui.crash_dialog import install_crash_reporter
    from qwenvl_desktop.gui.tray import TrayIcon
    from qwenvl_desktop.platform.single_instance import InstanceError
    from qwenvl_desktop.services.event_loop import create_event_loop

    loop = create_event_loop(qt_application())
    wire_window(window, loaded)
    # From here on an uncaught exception shows a dialog over the window instead of only a
    # traceback on a terminal the user may not have.
    reporter = install_crash_reporter(window, loop)
    tools = window.capture_tools
    instance.messageReceived.connect(tools.handle_instance_message)
    try:
        if instance.listen():
            log.info("single instance: listening on %s", instance.name)
    except InstanceError as error:
        print(f"qwenvl-desktop: {error}", file=sys.stderr)
    tray = TrayIcon.create_if_available(parent=window)
    if tray is not None:
        tools.attach_tray(tray)
    if capture:
        QTimer.singleShot(0, tools.start_capture)  # once the loop runs
    elif capture_text:
        QTimer.singleShot(0, tools.start_text_capture)
    return loop, reporter


def _configure_logging() -> None:
    """``QWENVL_DESKTOP_LOG=debug|info|warning|error``: log lines on stderr."""
    level = os.environ.get("QWENVL_DESKTOP_LOG", "").strip().upper()
    if not level:
        return
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        print(
            f"qwenvl-desktop: QWENVL_DESKTOP_LOG={level.lower()!r} is not debug, info, warning "
            "or error; ignored.",
            file=sys.stderr,
        )
        return
    logging.basicConfig(
        level=getattr(logging, level),
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
