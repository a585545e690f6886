"""Starting the app, in fresh processes: what the first frame loads, and ``main()``'s crash dialog.

GIVEN a fresh interpreter with a throwaway home, WHEN ``app.main()`` shows the window, THEN by its
first frame none of the modules that frame does not need is loaded — asyncio, the services, the
HTTP client, keyring, the transcript's document machinery… (they are what made the window appear
about 3–4× later than a bare PySide6 window; see ``bench/bench_startup.py``) — and the window is
wired right after. And WHEN a slot raises in the app started by ``main()``, THEN the
crash dialog opens, the log line on stderr has the traceback but not the key, and the app goes on
to close normally with exit status 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui  # each test starts the real window (offscreen) in a subprocess

ROOT = Path(__file__).resolve().parents[2]
FAKE_KEY = "sk-startup0123456789abcdefXYZ"

#: loaded after the first frame (the event loop, the services, the key lookup, the single-instance
#: socket, the crash dialog) or when first used (the first request, image, exchange, capture,
#: history open). ``app.main()`` builds the services only once the first frame is painted, so
#: this is deterministic: keyring (imported by the key lookup's worker thread) cannot race it.
#: (``platform.single_instance`` itself is loaded: main() takes the instance lock before any
#: window shows, so that a second start never flashes one; its socket, QtNetwork, comes after.)
NOT_BEFORE_THE_FIRST_FRAME = (
    "asyncio",
    "qasync",
    "httpx",
    "httpcore",
    "keyring",
    "PIL",
    "urllib.request",
    "ssl",
    "PySide6.QtNetwork",
    "qwenvl_desktop.services.chat",
    "qwenvl_desktop.services.keys",
    "qwenvl_desktop.services.draft",
    "qwenvl_desktop.services.history",
    "qwenvl_desktop.services.event_loop",
    "qwenvl_desktop.core.conversation.model",
    "qwenvl_desktop.gui.transcript.document",
    "qwenvl_desktop.core.history.store",
    "qwenvl_desktop.core.images.decode",
    "qwenvl_desktop.platform.clipboard.reading",
    "qwenvl_desktop.platform.screenshot.handlers",
    "qwenvl_desktop.gui.crash_dialog",
    "qwenvl_desktop.gui.tray",
    # Not on the first frame: the capture (overlay, screenshot code) and the key dialog are
    # imported when first used.
    "qwenvl_desktop.platform.screenshot",
    "qwenvl_desktop.gui.region_capture",
    "qwenvl_desktop.gui.region_overlay",
    "qwenvl_desktop.gui.key_dialog",
    # The welcome and its key check come only when the key lookup finds no key.
    "qwenvl_desktop.gui.welcome",
    "qwenvl_desktop.services.key_setup",
    # Only an X display is probed with a socket (platform.display), and only a configured URL is
    # checked with urllib.parse (the settings): neither is needed here.
    "socket",
    "urllib.parse",
)


def app_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DASHSCOPE_", "QWENVL_"))}
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (home / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def run_script(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_given_a_fresh_process_when_the_window_first_shows_then_no_deferred_module_is_loaded(
    tmp_path: Path,
) -> None:
    script = """
        import sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        import qwenvl_desktop.app as app
        from qwenvl_desktop.launcher import main

        show_first_frame, run_window = app.show_first_frame, app.run_window

        class FirstExpose(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Expose and watched.isExposed():
                    watched.removeEventFilter(self)
                    print("EXPOSED", " ".join(sorted(sys.modules)), flush=True)
                return False

        watch = FirstExpose()

        def show_watched(window, *args, **kwargs):
            window.winId()
            window.windowHandle().installEventFilter(watch)
            painted = show_first_frame(window, *args, **kwargs)
            # The first frame is painted; the services do not exist yet.
            print("PAINTED", painted, "WIRED", window.is_wired, flush=True)
            print("LOADED", " ".join(sorted(sys.modules)), flush=True)
            return painted

        def run_then_close(window, loop):
            print("RUNNING WIRED", window.is_wired, flush=True)
            QTimer.singleShot(0, window.close)
            return run_window(window, loop)

        app.show_first_frame = show_watched
        app.run_window = run_then_close
        sys.exit(main([]))
    """
    done = run_script(script, app_env(tmp_path))

    assert done.returncode == 0, done.stderr
    assert "PAINTED True WIRED False" in done.stdout
    assert "RUNNING WIRED True" in done.stdout
    [exposed] = [line for line in done.stdout.splitlines() if line.startswith("EXPOSED ")]
    [line] = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    loaded = set(line.split()[1:])
    assert set(exposed.split()[1:]) <= loaded
    assert "qwenvl_desktop.gui.main_window" in loaded  # the probe saw the real window
    early = sorted(
        name
        for name in loaded
        for deferred in NOT_BEFORE_THE_FIRST_FRAME
        if name == deferred or name.startswith(deferred + ".")
    )
    assert early == []


def test_given_the_app_started_by_main_when_a_slot_raises_then_the_crash_dialog_shows_it(
    tmp_path: Path,
) -> None:
    script = """
        import os, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import qwenvl_desktop.app as app

        def failing_slot():
            raise RuntimeError("failed while holding " + os.environ["DASHSCOPE_API_KEY"])

        def check_then_close(window):
            dialogs = [
                w for w in QApplication.topLevelWidgets()
                if w.objectName() == "crashDialog" and w.isVisible()
            ]
            print("DIALOGS", len(dialogs), "WINDOW", window.isVisible(), flush=True)
            window.close()

        run_window = app.run_window

        def run_window_and_fail(window, loop):
            QTimer.singleShot(100, failing_slot)
            QTimer.singleShot(600, lambda: check_then_close(window))
            return run_window(window, loop)

        app.run_window = run_window_and_fail
        code = app.main([])
        print("HOOK RESTORED", sys.excepthook is sys.__excepthook__, flush=True)
        sys.exit(code)
    """
    done = run_script(script, app_env(tmp_path, DASHSCOPE_API_KEY=FAKE_KEY))

    assert done.returncode == 0, done.stderr
    assert "DIALOGS 1 WINDOW True" in done.stdout
    assert "HOOK RESTORED True" in done.stdout
    # The reporter's log line (logging's last-resort handler prints errors to stderr).
    assert "failing_slot" in done.stderr
    assert "RuntimeError: failed while holding …" in done.stderr
    assert FAKE_KEY not in done.stderr + done.stdout
    assert FAKE_KEY[:10] not in done.stderr + done.stdout
