"""Benchmark: how long until the main window first appears, against a bare PySide6 window.

Run from the repository root (offscreen by default, no display needed)::

    .venv-test/bin/python bench/bench_startup.py [--runs N] [--platform offscreen|xcb]

``--platform xcb`` needs a display (e.g. ``xvfb-run -a .venv-test/bin/python bench/bench_startup.py
--platform xcb``).

Every run is a fresh Python process, started the same way for both contenders:

* ``app`` — ``qwenvl-desktop`` with no arguments, exactly as a person starts it:
  :func:`qwenvl_desktop.launcher.main` parses the command line and calls
  :func:`qwenvl_desktop.app.main`, which claims the single instance, builds the window, shows it
  and waits for its first frame (:func:`~qwenvl_desktop.gui.first_frame.show_first_frame`, here
  wrapped to watch the expose), then builds the asyncio loop and the services, wires them and
  runs :func:`~qwenvl_desktop.app.run_window` (here closing the window as soon as the loop runs).
  The configuration, history, cache and runtime folder (so the single-instance lock and socket)
  are in a throwaway ``HOME`` / ``XDG_*`` folder, and no key is in the environment (so the key is
  looked up in the OS keyring, as for most users); runs are one after the other, each releasing
  the instance before the next starts;
* ``bare`` — a PySide6 script that shows an empty ``QMainWindow`` and runs ``app.exec()``.

The time is from just before the process is started (``time.monotonic()`` in this process) to the
moment the window's native ``QWindow`` receives its first ``QEvent.Expose`` while exposed (the
child reads the same system-wide monotonic clock and prints it). ``first_idle`` is a zero-delay
timer started at that expose firing: the first frame painted and the loop idle again. Runs
alternate app/bare so a busy machine slows both alike; the figures are medians. Both run from
compiled bytecode, as an installed app does (one warm-up run each writes it, under the throwaway
folder). Human-readable lines first; the last line is one JSON object (``ratio`` = app median /
bare median; ``ratio_per_round_median`` = the median of each round's own ratio).
"""

from __future__ import annotations

import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# -- the children: only what each contender needs is imported -------------------------------------


def _watch_first_expose(window: object, done: object) -> None:
    """Print the monotonic time of the first expose of ``window``, then call ``done``."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    window.winId()  # create the native window now, so the filter sees its very first expose

    class FirstExpose(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
            ):
                self.seen = True
                exposed, cpu = time.monotonic(), time.process_time()
                QTimer.singleShot(0, lambda: self._idle(exposed, cpu))
            return False

        def _idle(self, exposed: float, cpu: float) -> None:
            print(f"EXPOSED {exposed!r} {time.monotonic()!r} {cpu!r}", flush=True)
            done()  # type: ignore[operator]

    handle = window.windowHandle()
    assert handle is not None
    watcher = FirstExpose(handle)
    handle.installEventFilter(watcher)


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("bare")
    _watch_first_expose(window, app.quit)
    window.show()
    return app.exec()


def child_app() -> int:
    sys.path.insert(0, ROOT)
    # Nothing of PySide6 before the app's own modules, as in the ``qwenvl-desktop`` script: the
    # parser and the settings load before PySide6 (see app.py). Importing PySide6 first, as this
    # did until Dec 2026, made them pay its import hook too (≈ 4 ms the app does not pay).
    import qwenvl_desktop.app as app
    from qwenvl_desktop.launcher import main as launch

    show_first_frame, run_window = app.show_first_frame, app.run_window

    def show_watched(window: object, *args: object, **kwargs: object) -> bool:
        _watch_first_expose(window, lambda: None)
        return show_first_frame(window, *args, **kwargs)  # type: ignore[arg-type]

    def run_then_close(window: object, loop: object) -> int:
        from PySide6.QtCore import QTimer

        # Close as soon as the loop runs: run_window then shuts down as the app does (stream
        # cancelled, HTTP client closed, history closed), which this also checks.
        QTimer.singleShot(0, window.close)  # type: ignore[attr-defined]
        return run_window(window, loop)  # type: ignore[arg-type]

    app.show_first_frame = show_watched  # type: ignore[assignment]
    app.run_window = run_then_close  # type: ignore[assignment]
    return launch([])


# -- the parent -----------------------------------------------------------------------------------


class Run:
    """One fresh process, in seconds from just before it was started.

    (A plain class: the children import this file, and the bare one must not pay for
    ``dataclasses``.)
    """

    def __init__(self, expose: float, idle: float, cpu: float) -> None:
        self.expose = expose
        #: the zero-delay timer started at the expose has fired: first frame painted, loop idle
        self.idle = idle
        #: the process's CPU time (all threads) at the expose: less sensitive to a busy machine
        self.cpu = cpu


def _one_run(kind: str, env: dict[str, str]) -> Run:
    import subprocess

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--child", kind],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("EXPOSED ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(
            f"{kind} run failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    _, exposed, idle, cpu = lines[0].split()
    return Run(float(exposed) - started, float(idle) - started, float(cpu))


def _throwaway_env(home: str, platform: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DASHSCOPE_API_KEY", "QWENVL_DESKTOP_LOG"):
        env.pop(name, None)
    env["HOME"] = home
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        path = os.path.join(home, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env["QT_QPA_PLATFORM"] = platform
    # An installed app runs from compiled bytecode (pip compiles on install): let the warm-up
    # runs write it, to a folder of their own rather than into the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
    return env


def main() -> int:
    import argparse
    import json
    import statistics
    import tempfile

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each (at least 7)")
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        help="Qt platform plugin (default: offscreen, or $QT_QPA_PLATFORM)",
    )
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs < 7:
        parser.error("--runs must be at least 7")

    results: dict[str, list[Run]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="qwenvl-startup-") as home:
        env = _throwaway_env(home, args.platform)
        for kind in ("app", "bare"):  # warm-up: the page cache, bytecode, fontconfig's cache
            _one_run(kind, env)
        for _ in range(args.runs):
            for kind in ("app", "bare"):
                results[kind].append(_one_run(kind, env))

    def ms(values: list[float]) -> float:
        return round(statistics.median(values) * 1000, 1)

    app, bare = results["app"], results["bare"]
    app_ms = ms([r.expose for r in app])
    bare_ms = ms([r.expose for r in bare])
    app_cpu_ms = ms([r.cpu for r in app])
    bare_cpu_ms = ms([r.cpu for r in bare])
    result = {
        "runs": args.runs,
        "app_expose_ms": app_ms,
        "bare_expose_ms": bare_ms,
        "ratio": round(app_ms / bare_ms, 3),
        # Each round runs both back to back: a busy machine slows the pair alike.
        "ratio_per_round_median": round(
            statistics.median(a.expose / b.expose for a, b in zip(app, bare, strict=True)), 3
        ),
        "app_first_idle_ms": ms([r.idle for r in app]),
        "bare_first_idle_ms": ms([r.idle for r in bare]),
        "app_cpu_ms": app_cpu_ms,
        "bare_cpu_ms": bare_cpu_ms,
        "cpu_ratio": round(app_cpu_ms / bare_cpu_ms, 3),
        "app_runs_ms": [round(r.expose * 1000, 1) for r in app],
        "bare_runs_ms": [round(r.expose * 1000, 1) for r in bare],
        "python": sys.version.split()[0],
        "qt_platform": args.platform,
    }
    print(f"{args.runs} interleaved runs of each, fresh processes, QT_QPA_PLATFORM={args.platform}")
    print(f"app  (the real window): median {app_ms:7.1f} ms  {result['app_runs_ms']}")
    print(f"bare (a QMainWindow)  : median {bare_ms:7.1f} ms  {result['bare_runs_ms']}")
    print(
        f"ratio                 : {result['ratio']:.2f}  (aim ≤ 1.5; median of per-round ratios "
        f"{result['ratio_per_round_median']:.2f})"
    )
    print(
        f"first frame, idle     : app {result['app_first_idle_ms']} ms, "
        f"bare {result['bare_first_idle_ms']} ms"
    )
    print(
        f"CPU time to expose    : app {app_cpu_ms} ms, bare {bare_cpu_ms} ms, "
        f"ratio {result['cpu_ratio']:.2f}"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.exit(child_app() if sys.argv[2] == "app" else child_bare())
    sys.exit(main())
