"""The key canary: after a whole session, the key is nowhere but in the Authorization header.

A distinctive key, new each run, is used for a full session — the command line (answers, error
turns, ``--json``, ``config``, every ``key`` command) and the window (a question with an image,
error turns, Markdown and JSON exports, Copy as curl, a crash report, a debug log). The loopback
server is a careless gateway: its error messages repeat the Authorization header it received.
Then every file the app wrote (HOME, the XDG folders, the temporary folder, the history database,
the exports, the log) and everything it printed or put on the clipboard is searched for the key
as it is, in base64 at each of the three byte alignments (standard and URL-safe alphabets), in
hex (lower and upper case) and in UTF-16 (LE and BE) — the key and its random part alone. The
server must have seen the key in the Authorization header of every request and nowhere else.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import io
import json
import logging
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
from PIL import Image

from qwenvl_desktop.cli.main import main as cli_main
from qwenvl_desktop.core.history import HISTORY_FILENAME
from qwenvl_desktop.core.keys import KEYRING_SERVICE, clear_session_keys
from tests.core.keys.support import FAIL_BACKEND, MemoryKeyring
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    error_body,
    sc_echo,
)

ROOT = Path(__file__).resolve().parents[1]


# -- the forms a key can leak in ------------------------------------------------------------------


def base64_cores(secret: bytes) -> dict[str, bytes]:
    """The base64 text of ``secret`` wherever it starts in a longer byte string.

    Encoded after 0, 1 or 2 other bytes, ``secret`` gives three different texts; of each, only
    the characters made entirely of its own bits are fixed (the first and last depend on the
    neighbours), so those are what is searched for.
    """
    cores = {}
    for shift in range(3):
        text = base64.b64encode(bytes(shift) + secret)
        first = -(-8 * shift // 6)  # the first character with no bit of the preceding bytes
        last = 8 * (shift + len(secret)) // 6  # past the last character with only its bits
        cores[f"base64@{shift}"] = text[first:last]
        cores[f"base64url@{shift}"] = text[first:last].translate(bytes.maketrans(b"+/", b"-_"))
    return cores


def leak_forms(secret: str) -> dict[str, bytes]:
    raw = secret.encode()
    forms = {
        "raw": raw,
        "hex": raw.hex().encode(),
        "HEX": raw.hex().upper().encode(),
        "utf-16-le": secret.encode("utf-16-le"),
        "utf-16-be": secret.encode("utf-16-be"),
    }
    forms.update(base64_cores(raw))
    return forms


@dataclass(frozen=True)
class Canary:
    """A key made for one test, so nothing left over from another can match or hide a leak."""

    key: str
    random_part: str

    @classmethod
    def new(cls, prefix: str) -> Canary:
        random_part = secrets.token_hex(16)
        return cls(prefix + random_part, random_part)

    @functools.cached_property
    def forms(self) -> dict[str, bytes]:
        """The whole key and its random part alone (what survives a tokeniser splitting at
        "-"), in every form."""
        return {
            f"{name} of the {what}": form
            for what, secret in (("key", self.key), ("key's random part", self.random_part))
            for name, form in leak_forms(secret).items()
        }

    def leaks_in(self, data: bytes) -> list[str]:
        return [name for name, form in self.forms.items() if form in data]


#: DashScope's keys start "sk-", and the app blanks anything of that shape in what it shows. A
#: gateway's key (a custom endpoint's) may have any shape: it is known only by its value.
KEY_SHAPES = [
    pytest.param("sk-canary", id="dashscope-key"),
    # known only by its value: errors forget the key that was sent (QwenVLError.forget)
    pytest.param("gw-canary", id="gateway-key"),
]


@dataclass
class Session:
    """Where the app may write (one folder), and everything it showed."""

    root: Path
    canary: Canary
    printed: list[tuple[str, str]] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        """The app's folders, all inside :attr:`root`."""
        folders = {
            "HOME": "home",
            "XDG_CONFIG_HOME": "config",
            "XDG_DATA_HOME": "data",
            "XDG_CACHE_HOME": "cache",
            "XDG_STATE_HOME": "state",
            "XDG_RUNTIME_DIR": "runtime",
            "TMPDIR": "tmp",
        }
        env = {}
        for variable, name in folders.items():
            (self.root / name).mkdir(mode=0o700, exist_ok=True)
            env[variable] = str(self.root / name)
        return env

    def show(self, where: str, text: str) -> None:
        self.printed.append((where, text))

    def assert_no_leak(self, *, wrote_files: bool) -> None:
        """No file under the root and nothing printed holds the key in any form.

        ``wrote_files``: the session must have written files (the window's history, exports and
        log), so that an empty search cannot pass for a clean one.
        """
        found = []
        files = 0
        for folder, _dirs, names in os.walk(self.root):
            for name in names:
                path = Path(folder, name)
                if path.is_symlink() or not path.is_file():
                    continue
                files += 1
                found += [
                    f"{path.relative_to(self.root)}: {leak}"
                    for leak in self.canary.leaks_in(path.read_bytes())
                ]
        for where, text in self.printed:
            found += [
                f"{where}: {leak}"
                for leak in self.canary.leaks_in(text.encode("utf-8", "surrogateescape"))
            ]
        assert not found, "the key leaked:\n" + "\n".join(found)
        assert files > 0 or not wrote_files, "the session wrote no file: nothing was checked"
        assert self.printed


def assert_key_only_in_authorization(
    server: LoopbackDashScope, canary: Canary, at_least: int
) -> None:
    assert len(server.requests) >= at_least
    for request in server.requests:
        assert request.authorization == f"Bearer {canary.key}", request.path
        rest = {k: v for k, v in request.headers.items() if k != "authorization"}
        sent = json.dumps([request.path, rest, request.body], ensure_ascii=False).encode()
        assert canary.leaks_in(sent) == [], f"{request.method} {request.path} carried the key"


# -- the careless gateway -------------------------------------------------------------------------


def question_of(body: Any) -> str:
    """The question just asked: a follow-up's last message also holds the unanswered questions
    before it, one paragraph each."""
    content = body["messages"][-1]["content"]
    if not isinstance(content, str):
        content = " ".join(part.get("text", "") for part in content if part["type"] == "text")
    return str(content).rsplit("\n\n", 1)[-1]


async def careless_gateway(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """Answers like ``echo``, or fails as the question asks, repeating the header it received."""
    header = req.headers.get("authorization", "")
    token = header.removeprefix("Bearer ")
    question = question_of(req.body)
    if "401" in question:
        body = error_body("invalid_api_key", f"Incorrect API key provided: {token}. ({header})")
        await reply.json(401, body)
    elif "500" in question:
        body = error_body("InternalError", f"<500> InternalError.Algo: upstream got {header}")
        await reply.json(500, body, Retry_After="0")
    elif "mid-stream" in question:
        error = error_body("data_inspection_failed", f"Output inspection failed for {header}")
        await reply.start()
        await reply.send(chunk_json({"content": "A partial answer "}))
        await reply.send(b"data: " + json.dumps(error).encode() + b"\n\n" + DONE)
        await reply.end()
    else:
        await sc_echo(server, req, reply)


@pytest.fixture(params=KEY_SHAPES)
def canary(request: pytest.FixtureRequest) -> Canary:
    return Canary.new(request.param)


@pytest.fixture
def server(canary: Canary) -> Iterator[LoopbackDashScope]:
    with LoopbackDashScope.in_thread(api_keys={canary.key}) as running:
        running.add_scenario("gateway", careless_gateway)
        yield running


@pytest.fixture
def session(canary: Canary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """This process and its children use only folders inside the session's root, and an
    in-memory keyring (children: none at all)."""
    current = Session(tmp_path / "root", canary)
    current.root.mkdir()
    for variable, value in current.env().items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr(tempfile, "tempdir", str(current.root / "tmp"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FAIL_BACKEND)
    for variable in [v for v in os.environ if v.startswith(("DASHSCOPE_API_KEY", "QWENVL_"))]:
        monkeypatch.delenv(variable)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    clear_session_keys()
    try:
        yield current
    finally:
        clear_session_keys()
        keyring.set_keyring(previous)


def test_the_search_finds_every_form_and_ignores_a_masked_key() -> None:
    canary = Canary.new("sk-canary")
    # A header encoded after 0, 1 and 2 other bytes puts the key at each base64 alignment.
    prefix = b"Authorization: Bearer "
    for shift in range(3):
        planted = base64.b64encode(b"x" * shift + prefix + canary.key.encode())
        assert f"base64@{(shift + len(prefix)) % 3} of the key" in canary.leaks_in(planted)
    for name, form in canary.forms.items():
        assert name in canary.leaks_in(b"\x89PNG\r\n" + form + b"IEND"), name
    assert canary.leaks_in(f"sk-…{canary.key[-4:]}".encode()) == []  # the masked form shown


# -- the command line -----------------------------------------------------------------------------


def image_file(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "receipt.png"
    Image.new("RGB", (320, 240), "orange").save(path)
    return path


def run_cli(
    session: Session, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **session.env(), "DASHSCOPE_API_KEY": session.canary.key}
    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )
    session.show(f"`{' '.join(args[:2])}` stdout", result.stdout)
    session.show(f"`{' '.join(args[:2])}` stderr", result.stderr)
    return result


def run_in_process(
    session: Session, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    status = cli_main(list(args))
    out = capsys.readouterr()
    session.show(f"in-process `{' '.join(args[:2])}` stdout", out.out)
    session.show(f"in-process `{' '.join(args[:2])}` stderr", out.err)
    return status, out.out, out.err


def test_a_command_line_session_leaves_the_key_nowhere(
    session: Session,
    server: LoopbackDashScope,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    key = session.canary.key
    url = server.base_url("gateway")
    image = str(image_file(tmp_path / "inputs"))
    ask = ["ask", "--base-url", url, "--image", image]
    # GIVEN the key in the environment: answers, error turns and JSON, in real processes
    assert run_cli(session, *ask, "What is on this receipt?").returncode == 0
    assert run_cli(session, *ask, "--json", "What is on it?").returncode == 0
    for question, status in (("Say 401", 3), ("Say 500", 6), ("Say mid-stream", 7)):
        plain = run_cli(session, *ask, question)
        assert plain.returncode == status, plain.stderr
        as_json = run_cli(session, *ask, "--json", question)
        assert as_json.returncode == status, as_json.stderr
        assert json.loads(as_json.stdout)["error"]
    # AND the settings, the key commands and the model list
    for command in (["config", "show"], ["config", "show", "--json"], ["config", "path"]):
        assert run_cli(session, *command).returncode == 0
    assert run_cli(session, "key", "status").returncode == 0
    assert run_cli(session, "key", "check", "--base-url", url).returncode == 0
    assert run_cli(session, "models").returncode == 0
    no_keyring = run_cli(session, "key", "set", "--region", "intl", stdin=key + "\n")
    assert no_keyring.returncode == 3  # no OS keyring here: refused, and never written to a file
    # AND with the key in the (in-memory) OS keyring instead, in this process
    monkeypatch.setattr("sys.stdin", io.StringIO(key + "\n"))
    assert run_in_process(session, capsys, "key", "set", "--base-url", url)[0] == 0
    assert keyring.get_password(KEYRING_SERVICE, f"endpoint:{url}") == key
    for args in (
        ["key", "status"],
        ["key", "status", "--json"],
        ["key", "check", "--base-url", url],
        ["ask", "--base-url", url, "--json", "Hello from the keyring"],
    ):
        assert run_in_process(session, capsys, *args)[0] == 0, args
    assert run_in_process(session, capsys, "ask", "--base-url", url, "Say 401")[0] == 3
    assert run_in_process(session, capsys, "key", "delete", "--base-url", url)[0] == 0

    # THEN the gateway did repeat the key in its errors, yet no output and no file holds it
    assert any("Say 401" in question_of(r.body) for r in server.chat_requests("gateway"))
    session.assert_no_leak(wrote_files=False)  # the command line keeps no files
    assert_key_only_in_authorization(server, session.canary, at_least=14)


# -- the window -----------------------------------------------------------------------------------


@pytest.fixture
def qloop(qapp: Any, qtbot: Any) -> Iterator[Any]:
    from qwenvl_desktop.services.event_loop import AppEventLoop

    loop = AppEventLoop(qapp)
    loop.attach()
    yield loop
    shutdown = loop.create_task(loop.shutdown_asyncgens())
    qtbot.waitUntil(shutdown.done, timeout=5000)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def debug_log(session: Session) -> Iterator[Path]:
    """Everything logged, at debug level, into a file of the session (``QWENVL_DESKTOP_LOG=debug``
    logs to stderr; a file keeps it for the search)."""
    path = session.root / "state" / "debug.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()


@pytest.mark.gui
def test_a_window_session_leaves_the_key_nowhere(
    session: Session,
    server: LoopbackDashScope,
    qloop: Any,
    qtbot: Any,
    debug_log: Path,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from qwenvl_desktop.app import create_main_window
    from qwenvl_desktop.gui.crash_dialog import install_crash_reporter
    from tests.gui.test_window import click_link, wait_idle

    key = session.canary.key
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(session.root / "config"))
    url = server.base_url("gateway")
    window = create_main_window(["--base-url", url])
    reporter = install_crash_reporter(window, qloop)
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.controller.key_state.present is False, timeout=5000)
        qtbot.waitUntil(lambda: window.controller.history.is_open, timeout=5000)

        def ask(question: str, state: str) -> None:
            window.prompt.setPlainText(question)
            window.send_button.click()
            qtbot.waitUntil(
                lambda: (
                    (e := window.controller.last_exchange()) is not None
                    and e.question == question
                    and e.is_settled
                ),
                timeout=10000,
            )
            wait_idle(qtbot, window)
            last = window.controller.last_exchange()
            assert last is not None and last.state == state, (question, last)

        # GIVEN no key anywhere: it is typed into the key dialog (File ▸ Set API key…)
        dialog = window.ask_for_key()
        assert dialog.isVisible()
        key_edit = dialog.findChild(QWidget, "keyEdit")
        qtbot.keyClicks(key_edit, key)
        qtbot.keyClick(key_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.controller.key_state.present is True, timeout=5000)
        # WHEN a question with an image is answered
        window.draft.add_sources([str(image_file(tmp_path / "inputs"))])
        qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
        ask("What is on this receipt?", "done")
        assert "images=1" in window.transcript.toPlainText()
        # AND the gateway fails in three ways, each repeating the key
        ask("Say 401", "failed")
        ask("Say 500", "failed")
        ask("Say mid-stream", "failed")
        ask("And now?", "done")
        # AND the conversation is exported, a turn copied as curl, and a slot crashes
        conversation_id = window.controller.conversation.id
        exports = session.root / "home" / "exports"
        markdown = window.export_markdown(conversation_id, exports / "markdown")
        as_json = window.export_json(conversation_id, exports / "conversation.json")
        assert markdown is not None and as_json is not None and as_json.exists()
        QGuiApplication.clipboard().clear()
        click_link(qtbot, window, "Copy as curl")
        curl = QGuiApplication.clipboard().text()
        assert '"Authorization: Bearer $DASHSCOPE_API_KEY"' in curl
        session.show("Copy as curl", curl)

        def failing_slot() -> None:
            headers = {"authorization": f"Bearer {key}"}
            raise RuntimeError(f"request to {url} failed with headers {headers}")

        QTimer.singleShot(0, failing_slot)
        qtbot.waitUntil(
            lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000
        )
        crash = reporter.dialog
        assert crash is not None and "RuntimeError" in crash.details_text()
        qtbot.mouseClick(crash.copy_button, Qt.MouseButton.LeftButton)
        session.show("crash details on the clipboard", QGuiApplication.clipboard().text())
        session.show("crash dialog", crash.details_text())
        session.show("transcript", window.transcript.toPlainText())
        session.show("status bar", window.statusBar().currentMessage())
        session.show("window title", window.windowTitle())
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()
        window.close()
        closing = qloop.create_task(window.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        QSettings.setPath(native, user, str(Path.home() / ".config"))

    # THEN the key reached the keyring and the Authorization header, and nothing else
    assert keyring.get_password(KEYRING_SERVICE, f"endpoint:{url}") == key
    assert list((session.root / "data").rglob(HISTORY_FILENAME)), "no history database written"
    assert "Traceback" in debug_log.read_text(encoding="utf-8")  # the crash was logged
    session.assert_no_leak(wrote_files=True)
    assert_key_only_in_authorization(server, session.canary, at_least=5)
