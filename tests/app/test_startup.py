"""Starting the app, in fresh processes: what the first frame loads, and ``main()``'s crash dialog.

GIVEN a fresh interpreter with a throwaway home, WHEN the window is built and shown as the app
does, THEN by its first expose none of the modules the first frame does not need is loaded (they
are what made the window appear about 4× later than a bare PySide6 window; see
``bench/bench_startup.py``). And WHEN a slot raises in the app started by ``main()``, THEN the
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

#: loaded only when first used: on the first request, image, capture, history open. (Not
#: ``keyring``: the key lookup starts on the event loop's first turn, in a worker thread, so
#: whether it has imported keyring by the first expose is a race.)
NOT_BEFORE_THE_FIRST_FRAME = (
    "httpx",
    "httpcore",
    "PIL",
    "urllib.request",
    "PySide6.QtNetwork",
    "qwenvl_desktop.core.history.store",
    "qwenvl_desktop.core.images.decode",
    "qwenvl_desktop.platform.screenshot.handlers",
    "qwenvl_desktop.platform.single_instance",
    "qwenvl_desktop.gui.crash_dialog",
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
        from qwenvl_desktop.app import create_main_window, run_window
        from qwenvl_desktop.services.event_loop import create_application

        _app, loop = create_application()
        window = create_main_window([])
        window.winId()

        class FirstExpose(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Expose and watched.isExposed():
                    watched.removeEventFilter(self)
                    print("LOADED", " ".join(sorted(sys.modules)), flush=True)
                    QTimer.singleShot(0, window.close)
                return False

        watch = FirstExpose()
        window.windowHandle().installEventFilter(watch)
        sys.exit(run_window(window, loop))
    """
    done = run_script(script, app_env(tmp_path))

    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    loaded = set(line.split()[1:])
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
