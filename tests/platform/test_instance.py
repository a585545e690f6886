"""Single instance: forwarding a request to the running app, in one process and across two."""

from __future__ import annotations

import os
import socket
import sys
import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.platform.single_instance import (
    CAPTURE,
    SHOW,
    InstanceError,
    SingleInstance,
    server_name,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def app_id() -> str:
    return f"qwenvl-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def instances(qapp: QCoreApplication):
    made: list[SingleInstance] = []

    def make(app_id: str) -> SingleInstance:
        instance = SingleInstance(app_id, timeout_ms=2000)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.close()


def forward_in_thread(instance: SingleInstance, message: str) -> list[bool]:
    """try_forward blocks on the reply, which this thread's event loop must produce."""
    result: list[bool] = []
    threading.Thread(target=lambda: result.append(instance.try_forward(message))).start()
    return result


@posix_only
def test_name_is_per_user_and_private(runtime_dir: Path) -> None:
    name = server_name("qwenvl desktop/x")
    assert name == str(runtime_dir / f"qwenvl-desktop-x-{os.getuid()}.sock")


@pytest.mark.gui
def test_second_instance_forwards_to_the_first(
    qtbot: QtBot, runtime_dir: Path, app_id: str, instances
) -> None:
    # GIVEN a running instance
    first = instances(app_id)
    assert first.try_forward(SHOW) is False  # nobody there yet
    assert first.listen()
    received: list[str] = []
    first.messageReceived.connect(received.append)

    # WHEN a second one starts with --capture
    second = instances(app_id)
    assert second.listen() is False  # the first holds the name
    result = forward_in_thread(second, CAPTURE)

    # THEN the first receives "capture" and the second learns it was delivered
    qtbot.waitUntil(lambda: bool(result), timeout=5000)
    assert result == [True]
    assert received == [CAPTURE]


@pytest.mark.gui
def test_several_messages_on_separate_connections(
    qtbot: QtBot, runtime_dir: Path, app_id: str, instances
) -> None:
    first = instances(app_id)
    assert first.listen()
    received: list[str] = []
    first.messageReceived.connect(received.append)
    for message in (SHOW, CAPTURE, "ask-clipboard"):
        result = forward_in_thread(instances(app_id), message)
        qtbot.waitUntil(lambda result=result: bool(result), timeout=5000)
        assert result == [True]
    assert received == [SHOW, CAPTURE, "ask-clipboard"]


@posix_only
@pytest.mark.gui
def test_a_stale_socket_file_is_replaced(
    qtbot: QtBot, runtime_dir: Path, app_id: str, instances
) -> None:
    # GIVEN the socket file a crashed instance left behind (bound, never listening, not removed)
    path = server_name(app_id)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)
    stale.close()
    assert Path(path).exists()
    instance = instances(app_id)
    assert instance.try_forward(SHOW) is False

    # WHEN the next start listens, THEN it takes the name and works
    assert instance.listen()
    received: list[str] = []
    instance.messageReceived.connect(received.append)
    result = forward_in_thread(instances(app_id), CAPTURE)
    qtbot.waitUntil(lambda: bool(result), timeout=5000)
    assert result == [True] and received == [CAPTURE]


@pytest.mark.gui
def test_close_releases_the_name(runtime_dir: Path, app_id: str, instances) -> None:
    first = instances(app_id)
    assert first.listen()
    first.close()
    second = instances(app_id)
    assert second.listen()


@pytest.mark.gui
def test_messages_are_one_short_line(app_id: str, instances) -> None:
    instance = instances(app_id)
    with pytest.raises(ValueError):
        instance.try_forward("two\nlines")
    with pytest.raises(ValueError):
        instance.try_forward("x" * 5000)


# Across processes: what `qwenvl-desktop --capture` does ----------------------------------------


@pytest.mark.gui
def test_capture_reaches_a_running_instance_in_another_process(
    spawn, helper_env: dict[str, str], tmp_path: Path, app_id: str
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(helper_env, XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen")
    # GIVEN the app running in one process
    running = spawn("instance_peer.py", "listen", app_id, env=env)
    running.expect("listening")

    # WHEN another process starts with the capture request
    starter = spawn("instance_peer.py", "forward", app_id, CAPTURE, env=env)

    # THEN it hands the request over and exits; the running app receives it
    assert starter.expect("forwarded") == "forwarded"
    assert starter.finish() == 0
    assert running.expect("got") == f"got {CAPTURE}"

    # WHEN the running app is killed (no clean-up), THEN the next start becomes the instance
    running.kill()
    assert Path(str(runtime / f"{app_id}-{os.getuid()}.sock")).exists()  # stale file left
    successor = spawn("instance_peer.py", "listen", app_id, env=env)
    successor.expect("listening")
    again = spawn("instance_peer.py", "forward", app_id, SHOW, env=env)
    assert again.expect("forwarded") == "forwarded"
    assert successor.expect("got") == f"got {SHOW}"


@pytest.mark.gui
def test_forward_or_listen_when_the_holder_does_not_answer(
    runtime_dir: Path, app_id: str, instances
) -> None:
    # GIVEN a process that holds the lock but whose loop never runs (this thread never spins)
    holder = instances(app_id)
    assert holder.listen()
    # WHEN another start cannot get an answer in time, THEN it says so instead of hanging
    late = SingleInstance(app_id, timeout_ms=200)
    with pytest.raises(InstanceError, match="does not answer"):
        late.forward_or_listen(CAPTURE)
