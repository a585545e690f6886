"""Fault injection: ``qwenvl-desktop ask`` as a real process against servers that misbehave.

Each case ends with the documented exit status (README, ``cli/exit_codes.py``) in bounded time,
with one readable error line (plus ``note:`` lines while it retries), no traceback, and whatever
part of the answer arrived kept on stdout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    error_body,
    sc_seed,
)

#: short timeouts so that every hang the server plays ends in seconds
FAST = {
    "QWENVL_DESKTOP_CONNECT_TIMEOUT": "2",
    "QWENVL_DESKTOP_STREAM_READ_TIMEOUT": "1",
    "QWENVL_DESKTOP_READ_TIMEOUT": "1",
}


def cli_env(key: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DASHSCOPE_", "HTTP"))}
    env = {k: v for k, v in env.items() if k.lower() not in ("https_proxy", "all_proxy")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["DASHSCOPE_API_KEY"] = key
    env.update(FAST)
    env.update(extra)
    return env


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def error_line(self) -> str:
        """The one line that is not a retry note."""
        lines = [ln for ln in self.stderr.splitlines() if not ln.startswith("note: ")]
        assert len(lines) == 1, self.stderr
        return lines[0]


def run_ask(base_url: str, key: str, *extra: str, timeout: float = 40, **env: str) -> Outcome:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", "ask", "--base-url", base_url, *extra, "Hello"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(key, **env),
        check=False,
    )
    outcome = Outcome(result.returncode, result.stdout, result.stderr, time.monotonic() - started)
    assert "Traceback" not in outcome.stderr and key not in outcome.stderr + outcome.stdout
    return outcome


# -- scenarios the shared loopback server does not have ------------------------------------------


async def never_answer(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """Reads the whole request, then says nothing."""
    await asyncio.sleep(3600)


async def slow_first_byte(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """The status line comes 3 s late: past a 1 s read timeout."""
    await asyncio.sleep(3)
    await sc_seed(server, req, reply)


async def stall_mid_stream(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await reply.start()
    await reply.send(chunk_json({"content": "The first words", "role": "assistant"}))
    await asyncio.sleep(3600)


async def proxy_502_page(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body>" + "x" * 4000 + "</body></html>"
    await reply.start(502, "text/html")
    await reply.send(page.encode())
    await reply.end()


async def empty_200(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await reply.start(200, "application/json")
    await reply.end()


async def text_200(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await reply.start(200, "text/plain")
    await reply.send(b"Service is up.")
    await reply.end()


async def rate_limited_once_per_question(
    server: LoopbackDashScope, req: RecordedRequest, reply: Reply
) -> None:
    """429 with ``Retry-After: 1`` the first time each question is asked, then the answer."""
    question = json.dumps(req.body["messages"][-1])
    same = [
        r
        for r in server.chat_requests(req.scenario)
        if json.dumps(r.body["messages"][-1]) == question
    ]
    if len(same) == 1:
        body = error_body("Throttling.RateQuota", "Requests rate limit exceeded")
        await reply.json(429, body, Retry_After="1")
    else:
        await sc_seed(server, req, reply)


async def rate_limited_long(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    body = error_body("Throttling.RateQuota", "Requests rate limit exceeded")
    await reply.json(429, body, Retry_After="30")


@pytest.fixture
def server() -> Iterator[LoopbackDashScope]:
    with LoopbackDashScope.in_thread() as srv:
        for name, scenario in {
            "never": never_answer,
            "late": slow_first_byte,
            "stall": stall_mid_stream,
            "page502": proxy_502_page,
            "empty200": empty_200,
            "text200": text_200,
            "limited": rate_limited_once_per_question,
            "limitedlong": rate_limited_long,
        }.items():
            srv.add_scenario(name, scenario)
        yield srv


@contextlib.contextmanager
def deaf_server() -> Iterator[int]:
    """A TCP server that accepts connections and never reads from them."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for conn in accepted:
            conn.close()
        listener.close()


# -- the cases -----------------------------------------------------------------------------------


def test_slow_first_byte_past_the_read_timeout_is_retried_then_a_timeout(
    server: LoopbackDashScope, test_key: str
) -> None:
    out = run_ask(server.base_url("late"), test_key)
    assert out.code == 5 and out.error_line.startswith("qwenvl-desktop: timeout: ")
    assert f"127.0.0.1:{server.port} did not answer in time" in out.error_line
    assert out.stderr.count("note: No answer in time — retrying") == 3
    assert len(server.chat_requests("late")) == 4 and out.seconds < 20


def test_a_server_that_reads_and_never_answers_ends_in_a_timeout(
    server: LoopbackDashScope, test_key: str
) -> None:
    out = run_ask(server.base_url("never"), test_key)
    assert out.code == 5 and "did not answer in time" in out.error_line and out.seconds < 20


def test_a_server_that_accepts_and_never_reads_ends_in_a_timeout(test_key: str) -> None:
    with deaf_server() as port:
        out = run_ask(f"http://127.0.0.1:{port}/v1", test_key)
    assert out.code == 5 and f"127.0.0.1:{port} did not answer in time" in out.error_line
    assert out.seconds < 20


def test_a_stall_mid_stream_keeps_the_partial_answer_and_is_not_retried(
    server: LoopbackDashScope, test_key: str
) -> None:
    out = run_ask(server.base_url("stall"), test_key)
    assert out.code == 5 and out.stdout == "The first words\n"
    assert "timeout:" in out.error_line and "note:" not in out.stderr
    assert len(server.chat_requests("stall")) == 1 and out.seconds < 10


def test_a_proxy_502_page_is_named_as_such_without_the_markup(
    server: LoopbackDashScope, test_key: str
) -> None:
    out = run_ask(server.base_url("page502"), test_key)
    assert out.code == 6 and out.error_line.startswith("qwenvl-desktop: server: A proxy or gateway")
    assert "502" in out.error_line and "a web page: 502 Bad Gateway" in out.error_line
    assert "<html" not in out.stderr and "xxxx" not in out.stderr
    assert out.stderr.count("note: ") == 3  # a 502 is worth retrying


@pytest.mark.parametrize("scenario", ["empty200", "text200"])
@pytest.mark.parametrize("stream", [True, False], ids=["stream", "no-stream"])
def test_a_200_that_is_not_the_protocol_is_a_protocol_error(
    server: LoopbackDashScope, test_key: str, scenario: str, stream: bool
) -> None:
    out = run_ask(server.base_url(scenario), test_key, *([] if stream else ["--no-stream"]))
    assert out.code == 6 and out.error_line.startswith("qwenvl-desktop: protocol: ")
    assert out.stdout == "" and "note:" not in out.stderr


def test_ten_concurrent_asks_against_429_then_ok_all_succeed(
    server: LoopbackDashScope, test_key: str
) -> None:
    env = cli_env(test_key)
    started = time.monotonic()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "qwenvl_desktop",
                "ask",
                "--base-url",
                server.base_url("limited"),
                f"Question {i}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(10)
    ]
    results = [(p, *p.communicate(timeout=60)) for p in procs]
    assert time.monotonic() - started < 45
    for proc, stdout, stderr in results:
        assert proc.returncode == 0, stderr
        assert stdout.startswith("In the picture")
        assert stderr == "note: Rate limited — retrying in 1 s (attempt 2 of 4)\n"
    assert len(server.chat_requests("limited")) == 20


def _start(base_url: str, key: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "qwenvl_desktop", "ask", "--base-url", base_url, *extra, "Hello"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(key),
    )


def test_ctrl_c_during_a_retry_after_wait_stops_at_once(
    server: LoopbackDashScope, test_key: str
) -> None:
    proc = _start(server.base_url("limitedlong"), test_key, "--json")
    assert proc.stderr is not None
    note = proc.stderr.readline()  # the client is now waiting the 30 s the server asked for
    assert note == "note: Rate limited — retrying in 30 s (attempt 2 of 4)\n"
    interrupted_at = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130 and time.monotonic() - interrupted_at < 3
    result = json.loads(out)
    assert result["content"] == "" and result["error"]["kind"] == "interrupted"
    assert "Traceback" not in err


def test_ctrl_c_with_json_prints_the_partial_answer(
    server: LoopbackDashScope, test_key: str
) -> None:
    """The audit's first finding: `ask --json` interrupted printed nothing."""
    proc = _start(server.base_url("slow"), test_key, "--json")
    while not any(r.scenario == "slow" for r in server.chat_requests()):
        time.sleep(0.02)
    time.sleep(0.6)  # some of the slow stream has arrived (an event every 50 ms)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130, err
    result = json.loads(out)
    assert result["content"].startswith("In the picture") and result["finish_reason"] is None
    assert result["error"]["kind"] == "interrupted"
    assert err.strip().splitlines() == [
        "qwenvl-desktop: interrupted: " + result["error"]["sentence"]
    ]


def test_stdout_closed_mid_answer_stops_quietly_with_141(
    server: LoopbackDashScope, test_key: str
) -> None:
    """`ask … | head -c 20`: no traceback, the stream closed, the status of a SIGPIPE."""
    proc = _start(server.base_url("slow"), test_key)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(20) == "In the picture, a wo"
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=10) == 141
    assert err == ""
    for _ in range(100):  # the stream was closed, not left open until the process ended
        if server.open_connections == 0:
            break
        time.sleep(0.02)
    assert server.open_connections == 0


def test_head_in_a_shell_pipeline(server: LoopbackDashScope, test_key: str) -> None:
    command = (
        f"set -o pipefail; {sys.executable} -m qwenvl_desktop ask "
        f"--base-url {server.base_url('big-20000')} Hello | head -c 20"
    )
    result = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        env=cli_env(test_key),
        timeout=30,
        check=False,
    )
    assert result.stdout == "\n\nParagraph 0 word1 " and result.stderr == ""
    assert result.returncode == 141


def test_a_redirect_within_the_origin_is_followed(server: LoopbackDashScope, test_key: str) -> None:
    async def moved(srv: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        await reply.start(308, "text/plain", Location="/seed/compatible-mode/v1/chat/completions")
        await reply.end()

    server.add_scenario("moved", moved)
    out = run_ask(server.base_url("moved"), test_key)
    assert out.code == 0 and out.stdout.startswith("In the picture")
    assert [r.scenario for r in server.chat_requests()] == ["moved", "seed"]


def test_a_redirect_to_another_origin_is_refused_and_names_the_host(
    server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    image = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), "teal").save(image)
    with LoopbackDashScope.in_thread() as elsewhere:

        async def away(srv: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
            target = elsewhere.base_url("seed") + "/chat/completions"
            await reply.start(307, "text/plain", Location=target)
            await reply.end()

        server.add_scenario("away", away)
        out = run_ask(server.base_url("away"), test_key, "--image", str(image))
        assert elsewhere.requests == []  # neither the question nor its image went there
    assert out.code == 6 and out.error_line.startswith("qwenvl-desktop: redirect: ")
    assert f"127.0.0.1:{elsewhere.port}" in out.error_line
    assert len(server.chat_requests("away")) == 1


def test_connection_refused_names_the_host(test_key: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = run_ask(f"http://127.0.0.1:{port}/v1", test_key)
    assert out.code == 5
    assert re.search(rf"network: Could not reach 127\.0\.0\.1:{port}\. ", out.error_line)
    assert out.stderr.count("note: Could not reach") == 3
