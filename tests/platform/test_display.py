"""A ``DISPLAY`` that is set but cannot be reached: one sentence and exit status 1, not Qt's abort.

GIVEN a display number no X server listens on (or a TCP "X server" that is not one), WHEN the
window command starts, THEN it exits 1 with one line on stderr naming DISPLAY — never SIGABRT and
Qt's "xcb-cursor0 is needed … Reinstalling the application may fix this".
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.platform.display import X11_SOCKET_DIR, X11_TCP_BASE_PORT, unreachable_display

REPO = Path(__file__).resolve().parents[2]


def _listening(address: str | tuple[str, int], family: int) -> bool:
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        try:
            probe.connect(address)
        except OSError:
            return False
    return True


def dead_display_number() -> int:
    """A display number with no X server: no socket file, no abstract name, no TCP port."""
    for number in range(170, 400):
        path = f"{X11_SOCKET_DIR}/X{number}"
        if (
            not os.path.exists(path)
            and not _listening(f"\0{path}", socket.AF_UNIX)
            and not _listening(("127.0.0.1", X11_TCP_BASE_PORT + number), socket.AF_INET)
        ):
            return number
    pytest.skip("every display number tried is in use")


@pytest.fixture
def not_an_x_server() -> Iterator[int]:
    """A TCP listener on an X port that hangs up on every connection: reachable, but no X
    server. Yields its display number (port 6000 + n)."""
    for number in range(4000, 4200):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind(("127.0.0.1", X11_TCP_BASE_PORT + number))
        except OSError:
            listener.close()
            continue
        listener.listen(8)
        stop = threading.Event()

        def hang_up(server: socket.socket = listener, stop: threading.Event = stop) -> None:
            server.settimeout(0.2)
            while not stop.is_set():
                try:
                    peer, _ = server.accept()
                except OSError:
                    continue
                peer.close()

        thread = threading.Thread(target=hang_up, daemon=True)
        thread.start()
        try:
            yield number
        finally:
            stop.set()
            thread.join(5)
            listener.close()
        return
    pytest.skip("no free TCP port for a fake X server")


def test_given_a_display_nobody_listens_on_then_the_sentence_names_it_and_its_socket() -> None:
    number = dead_display_number()
    sentence = unreachable_display({"DISPLAY": f":{number}"}, "linux")
    assert sentence is not None
    assert f"':{number}' named by DISPLAY cannot be reached" in sentence
    assert f"{X11_SOCKET_DIR}/X{number}" in sentence
    assert "xvfb-run" in sentence and "\n" not in sentence


def test_given_a_listener_that_is_not_an_x_server_then_the_connection_is_refused(
    not_an_x_server: int,
) -> None:
    sentence = unreachable_display({"DISPLAY": f"127.0.0.1:{not_an_x_server}"}, "linux")
    assert sentence is not None and "refused the connection" in sentence


def test_given_a_listener_that_never_answers_then_the_probe_gives_up_and_lets_qt_try() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        for number in range(4200, 4400):
            try:
                silent.bind(("127.0.0.1", X11_TCP_BASE_PORT + number))
                break
            except OSError:
                continue
        else:
            pytest.skip("no free TCP port for a silent listener")
        silent.listen(8)  # connections complete in the kernel; nobody ever reads or writes
        started = time.monotonic()
        assert unreachable_display({"DISPLAY": f"127.0.0.1:{number}"}, "linux") is None
        assert time.monotonic() - started < 10


def test_given_a_tcp_display_on_an_unknown_host_then_it_says_so() -> None:
    sentence = unreachable_display({"DISPLAY": "no-such-host.invalid:0"}, "linux")
    assert sentence is not None and "unknown host" in sentence


@pytest.mark.parametrize(
    "extra",
    [
        {"QT_QPA_PLATFORM": "offscreen"},  # the user chose a platform without X
        {"QT_QPA_PLATFORM": "wayland;xcb"},  # Wayland first: X is only the fallback
        {"WAYLAND_DISPLAY": "wayland-0"},  # Qt may choose Wayland
    ],
)
def test_given_qt_would_not_use_x_then_display_is_not_judged(extra: dict[str, str]) -> None:
    environ = {"DISPLAY": f":{dead_display_number()}", **extra}
    assert unreachable_display(environ, "linux") is None


def test_given_xcb_chosen_explicitly_then_display_is_judged_despite_wayland() -> None:
    environ = {
        "DISPLAY": f":{dead_display_number()}",
        "QT_QPA_PLATFORM": "xcb",
        "WAYLAND_DISPLAY": "wayland-0",
    }
    assert unreachable_display(environ, "linux") is not None


def test_given_no_display_or_an_unknown_form_or_another_os_then_nothing_is_said() -> None:
    assert unreachable_display({}, "linux") is None  # the offscreen fallback handles it
    assert unreachable_display({"DISPLAY": "not a display"}, "linux") is None
    assert unreachable_display({"DISPLAY": ":0"}, "darwin") is None


@pytest.fixture
def own_x_server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """A private Xvfb that admits only holders of its cookie: (display number, cookie file)."""
    if not (shutil.which("Xvfb") and shutil.which("xauth")):
        pytest.skip("needs Xvfb and xauth (apt-get install xvfb xauth)")
    number = dead_display_number()
    cookies = tmp_path / "Xauthority"
    subprocess.run(
        ["xauth", "-f", str(cookies), "add", f":{number}", ".", secrets.token_hex(16)],
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-nolisten", "tcp", "-auth", str(cookies)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not _listening(f"{X11_SOCKET_DIR}/X{number}", socket.AF_UNIX):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip("the private Xvfb did not start")
            time.sleep(0.05)
        yield number, cookies
    finally:
        server.terminate()
        server.wait(10)


def test_given_an_x_server_and_its_cookie_then_it_is_reachable_and_without_then_refused(
    own_x_server: tuple[int, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    number, cookies = own_x_server
    # libxcb reads XAUTHORITY from the process environment, as Qt's xcb plugin will.
    monkeypatch.setenv("XAUTHORITY", str(cookies))
    assert unreachable_display({"DISPLAY": f":{number}"}, "linux") is None
    monkeypatch.setenv("XAUTHORITY", str(tmp_path / "no-cookies"))
    sentence = unreachable_display({"DISPLAY": f":{number}"}, "linux")
    assert sentence is not None and "refused the connection" in sentence
    assert "XAUTHORITY" in sentence


def test_given_an_unreachable_display_when_the_window_command_starts_then_it_exits_1_in_a_line(
    tmp_path: Path,
) -> None:
    number = dead_display_number()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DASHSCOPE_", "QWENVL_"))}
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        DISPLAY=f":{number}",
        QT_QPA_PLATFORM="",
        HOME=str(tmp_path),
        XDG_RUNTIME_DIR=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop"],
        cwd=tmp_path,  # a core file, if one were written, would land here
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"qwenvl-desktop: the X display ':{number}' named by DISPLAY")
    assert "xcb-cursor0" not in result.stderr and result.stdout == ""
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("core")]
