"""The app's own processes under a real X server: ``--capture`` handed to the running app, and
watch mode in the real window attaching an image another process copied.

Every process runs with the xcb platform, a private ``XDG_RUNTIME_DIR`` (its own
single-instance socket) and private configuration and data folders; skipped without
``DISPLAY`` (see conftest.py). The running app's side is observed through its log on stderr
(``QWENVL_DESKTOP_LOG=info``), which names each request it receives and each capture it opens.
"""

from __future__ import annotations

import base64
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from tests.conftest import TEST_KEY
from tests.platform.conftest import REPO, Peer
from tests.platform.x11_clipboard_owner import picture
from tests.support.dashscope_server import LoopbackDashScope

pytestmark = pytest.mark.gui


@pytest.fixture
def app_env(x11_env: dict[str, str], tmp_path: Path, threaded_server: LoopbackDashScope):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    return dict(
        x11_env,
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QWENVL_DESKTOP_CONFIG=str(tmp_path / "config" / "absent.toml"),
        DASHSCOPE_API_KEY=TEST_KEY,
        QWENVL_DESKTOP_LOG="info",
    )


def app_argv(server: LoopbackDashScope, *extra: str) -> list[str]:
    return [sys.executable, "-m", "qwenvl_desktop", "--base-url", server.base_url("echo"), *extra]


def wait_for_log(peer: Peer, text: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in peer.stderr:
        if peer.proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(
                f"no {text!r} in the app's log within {timeout} s "
                f"(exit status {peer.proc.poll()}):\n{peer.stderr}"
            )
        time.sleep(0.05)


def start_again(server: LoopbackDashScope, env: dict[str, str], *extra: str):
    started = time.monotonic()
    done = subprocess.run(
        app_argv(server, *extra), env=env, cwd=REPO, capture_output=True, text=True, timeout=30
    )
    return done, time.monotonic() - started


def interrupt(peer: Peer) -> int:
    peer.proc.send_signal(signal.SIGINT)  # Ctrl+C in the terminal closes the window
    code = peer.proc.wait(15)
    peer.finish()
    return code


def test_a_second_start_hands_capture_and_show_to_the_running_app(
    app_env: dict[str, str], threaded_server: LoopbackDashScope
) -> None:
    # GIVEN the app running
    first = Peer(app_argv(threaded_server), app_env)
    try:
        wait_for_log(first, "single instance: listening on")

        # WHEN it is started again with nothing to do, THEN the running app shows its window
        done, seconds = start_again(threaded_server, app_env)
        assert done.returncode == 0, done.stderr
        assert "handed 'show' to the running instance" in done.stderr
        wait_for_log(first, "request from another instance: show")

        # WHEN `qwenvl-desktop --capture` runs (what an OS shortcut starts)
        done, seconds = start_again(threaded_server, app_env, "--capture")
        # THEN it exits 0 at once, without a window of its own…
        assert done.returncode == 0, done.stderr
        assert "handed 'capture' to the running instance" in done.stderr
        assert "listening" not in done.stderr
        assert seconds < 10, f"the forwarding start took {seconds:.1f} s"
        # …and the running app opens the capture overlay on the screen
        wait_for_log(first, "request from another instance: capture")
        wait_for_log(first, "capture overlay open on 1 screen(s)")
    finally:
        code = interrupt(first)
    assert code == 0, first.stderr
    assert "Traceback" not in first.stderr


def test_capture_without_a_running_app_starts_it_and_opens_capture(
    app_env: dict[str, str], threaded_server: LoopbackDashScope
) -> None:
    app = Peer(app_argv(threaded_server, "--capture"), app_env)
    try:
        wait_for_log(app, "single instance: listening on")
        wait_for_log(app, "capture overlay open on 1 screen(s)")
    finally:
        code = interrupt(app)
    assert code == 0, app.stderr
    assert "Traceback" not in app.stderr


def closeness(sent: Image.Image, expected: Image.Image) -> float:
    """Mean difference per channel (the pipeline may re-encode a photo-like picture as JPEG)."""
    a = sent.convert("RGB").resize(expected.size)
    return sum(ImageStat.Stat(ImageChops.difference(a, expected.convert("RGB"))).mean) / 3


def test_watch_mode_in_the_real_window_attaches_what_another_process_copies(
    spawn, app_env: dict[str, str], x11_env: dict[str, str], threaded_server: LoopbackDashScope
) -> None:
    # GIVEN the real window with Tools ▸ Watch clipboard switched on
    window = spawn("x11_window_watch.py", threaded_server.base_url("echo"), env=app_env)
    assert window.expect("ready", timeout=20).split()[1:] == ["xcb", "watching=1", "indicator=1"]
    owner = spawn("x11_clipboard_owner.py", env=x11_env)
    owner.expect("ready")

    # WHEN another process copies picture A, THEN the window attaches it with a notice
    owner.send("set A")
    window.expect("notice Copied 96×64 image attached (watching the clipboard).")
    window.expect("images 1 0")
    # WHEN A is copied again (a new clipboard owner, the same pixels), THEN nothing more…
    owner.send("set A")
    owner.expect("set A")
    time.sleep(0.5)
    # …and a different picture B is attached as the second image
    owner.send("set B")
    window.expect("images 2 0")

    # WHEN the question is sent, THEN both copied pictures reach the server, in order
    window.send("send what changed?")
    answer = window.expect("answer", timeout=15)
    assert "images=2" in answer
    window.send("quit")
    assert window.finish() == 0, window.stderr
    # never more than the two pictures in the pane: the second copy of A was ignored
    counts = [line.split()[1:] for line in window.seen if line.startswith("images")]
    assert max(int(ready) + int(pending) for ready, pending in counts) == 2, window.seen

    (request,) = threaded_server.chat_requests("echo")
    parts = [p for p in request.body["messages"][-1]["content"] if p["type"] == "image_url"]
    assert len(parts) == 2
    sent = [
        Image.open(io.BytesIO(base64.b64decode(p["image_url"]["url"].split(",", 1)[1])))
        for p in parts
    ]
    a, b = picture("A"), picture("B")
    assert closeness(sent[0], a) < 8 < closeness(sent[0], b)
    assert closeness(sent[1], b) < 8 < closeness(sent[1], a)
