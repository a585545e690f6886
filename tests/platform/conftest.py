"""Fixtures of the capture tests: helper processes, the X display, a private D-Bus bus.

Tests that need a real X server run Qt in helper processes with ``QT_QPA_PLATFORM=xcb``: this
process is offscreen (tests/conftest.py), and the X11 clipboard only works between processes
anyway. They are skipped, saying why, when ``DISPLAY`` is unset (run them under ``xvfb-run``,
as tests/run.sh and CI do).
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.platform.screenshot import reset_probes

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def fresh_probes() -> Iterator[None]:
    """Every test sees the environment it sets up, not a cached answer from another test."""
    reset_probes()
    yield
    reset_probes()


class Peer:
    """A helper process spoken to by lines: commands on stdin, reports on stdout."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.argv = argv
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._stderr: list[str] = []
        self._threads = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.lines), daemon=True),
            threading.Thread(target=self._drain, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _pump(self, stream: object, out: queue.Queue[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            out.put(line.rstrip("\n"))

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def expect(self, prefix: str, timeout: float = 10.0) -> str:
        """The next line starting with ``prefix`` (earlier lines are kept in :attr:`seen`)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                line = self.lines.get(timeout=min(remaining, 0.2))
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(
            f"{Path(self.argv[1]).name}: no line starting with {prefix!r} within {timeout} s; "
            f"exit status {self.proc.poll()}; lines {self.seen}; stderr:\n{self.stderr}"
        )

    def finish(self, timeout: float = 10.0) -> int:
        if self.proc.poll() is None and self.proc.stdin is not None:
            try:
                self.send("quit")
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(timeout)
        self._close()
        return code

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)
        self._close()

    def _close(self) -> None:
        for thread in self._threads:
            thread.join(5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None and not stream.closed:
                stream.close()


@pytest.fixture
def helper_env() -> dict[str, str]:
    """The environment of a helper process: this repo importable, output unbuffered."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.fixture
def spawn(helper_env: dict[str, str]) -> Iterator[object]:
    """``spawn(script, *args, env=None)`` starts a helper in tests/capture; all end at teardown."""
    peers: list[Peer] = []

    def start(script: str, *args: str, env: dict[str, str] | None = None) -> Peer:
        peer = Peer([sys.executable, str(HERE / script), *args], env or helper_env)
        peers.append(peer)
        return peer

    yield start
    for peer in reversed(peers):
        peer.finish()


@pytest.fixture
def x11_env(helper_env: dict[str, str]) -> dict[str, str]:
    """A helper environment that uses the real X server; skips without one."""
    if not os.environ.get("DISPLAY"):
        pytest.skip("needs an X server: DISPLAY is unset (run under xvfb-run, as CI does)")
    env = dict(helper_env)
    env["QT_QPA_PLATFORM"] = "xcb"
    for var in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "WAYLAND_DISPLAY"):
        env.pop(var, None)
    return env


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """The address of a fresh D-Bus session bus daemon, gone after the test."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("needs dbus-daemon (Debian: apt install dbus)")
    config = tmp_path / "bus.conf"
    config.write_text(
        "<!DOCTYPE busconfig PUBLIC '-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN'\n"
        " 'http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd'>\n"
        "<busconfig><type>session</type>"
        f"<listen>unix:dir={tmp_path}</listen><auth>EXTERNAL</auth>"
        "<policy context='default'><allow send_destination='*' eavesdrop='true'/>"
        "<allow eavesdrop='true'/><allow own='*'/></policy></busconfig>\n"
    )
    proc = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        assert address.startswith("unix:"), f"dbus-daemon printed {address!r}"
        yield address
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()
