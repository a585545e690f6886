"""``qwenvl-desktop ask`` as scripts use it: a real process against the loopback server."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.support.dashscope_server import LoopbackDashScope

SEED_START = "In the picture, a woman and her dog are interacting on the beach."


def run_cli(
    *args: str, key: str | None = None, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    full_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if key is not None:
        full_env["DASHSCOPE_API_KEY"] = key
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        check=False,
    )


def ask(
    server: LoopbackDashScope, scenario: str, *extra: str, key: str, prompt: str = "What is this"
) -> subprocess.CompletedProcess[str]:
    return run_cli("ask", "--base-url", server.base_url(scenario), *extra, prompt, key=key)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("qwenvl-desktop 0.")


def test_streams_the_answer_to_stdout(threaded_server: LoopbackDashScope, test_key: str) -> None:
    result = ask(threaded_server, "seed", key=test_key)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(SEED_START) and result.stdout.endswith("a pet.\n")
    assert result.stderr == ""


def test_json_output(threaded_server: LoopbackDashScope, test_key: str) -> None:
    result = ask(threaded_server, "reasoning", "--json", key=test_key)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["finish_reason"] == "stop" and out["model"] == "qwen3-max"
    assert out["reasoning"].startswith("We are asked:") and "**3**" in out["content"]
    assert out["usage"]["reasoning_tokens"] == 1084
    assert out["image_tokens_estimate"] == 0


def test_show_reasoning_goes_to_stderr(threaded_server: LoopbackDashScope, test_key: str) -> None:
    result = ask(threaded_server, "qvq", "--model", "qvq-max", "--show-reasoning", key=test_key)
    assert result.returncode == 0
    assert result.stdout == "A dog on a beach.\n"
    assert result.stderr == "Looking at the image, I see a dog."


def test_request_options_reach_the_server(
    threaded_server: LoopbackDashScope, test_key: str
) -> None:
    result = ask(
        threaded_server,
        "seed",
        "--model",
        "qwen3-vl-flash",
        "--thinking",
        "--thinking-budget",
        "300",
        "--system",
        "Be brief.",
        "--image",
        "https://example.com/a.png",
        "--image",
        "https://example.com/b.png",
        key=test_key,
    )
    assert result.returncode == 0, result.stderr
    (sent,) = threaded_server.chat_requests()
    body = sent.body
    assert body["enable_thinking"] is True and body["thinking_budget"] == 300
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    urls = [
        p["image_url"]["url"] for p in body["messages"][1]["content"] if p["type"] == "image_url"
    ]
    assert urls == ["https://example.com/a.png", "https://example.com/b.png"]


def test_no_stream(threaded_server: LoopbackDashScope, test_key: str) -> None:
    result = ask(threaded_server, "seed", "--no-stream", "--model", "qwen-vl-max", key=test_key)
    assert result.returncode == 0
    assert result.stdout.startswith("In Figure 1, a woman")
    assert "stream" not in threaded_server.chat_requests()[0].body


def test_no_stream_is_refused_for_stream_only_models(test_key: str) -> None:
    result = run_cli("ask", "--model", "qvq-max", "--no-stream", "hi", key=test_key)
    assert result.returncode == 2
    assert "qvq-max only answers as a stream" in result.stderr


def test_missing_key_names_both_ways() -> None:
    result = run_cli("ask", "--region", "cn", "hi")
    assert result.returncode == 3
    assert "DASHSCOPE_API_KEY" in result.stderr and "key set --region cn" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("scenario", "code", "stdout_start", "stderr_has"),
    [
        ("e401-invalid_api_key", 3, "", "authentication: The API key was rejected"),
        ("e403-AccessDenied", 3, "", "permission:"),
        ("e429-Throttling.RateQuota", 4, "", "rate-limit:"),
        ("e429-insufficient_quota", 4, "", "quota:"),
        ("e400-invalid_parameter_error", 6, "", "code=invalid_parameter_error"),
        ("e404-model_not_found", 6, "", "not-found:"),
        ("e500-InternalError", 6, "", "server:"),
        ("e400-data_inspection_failed", 7, "", "moderation:"),
        ("mid-stream-error", 7, "In the picture, a woman", "request_id=req-mod-7"),
        ("mid-Throttling.RateQuota", 4, "In the picture,", "rate-limit:"),
        ("mid-insufficient_quota", 4, "In the picture,", "quota:"),
        ("mid-InternalError", 6, "In the picture,", "server:"),
        ("mid-invalid_parameter_error", 6, "In the picture,", "bad-request:"),
        ("mid-AccessDenied", 3, "In the picture,", "permission:"),
        ("no-done", 5, "In the picture, a woman and her dog are", "incomplete:"),
        ("cut-mid-event", 5, "In the picture, a woman", "incomplete:"),
        ("not-json", 6, "In the", "protocol:"),
    ],
)
def test_errors_map_to_exit_codes_and_keep_partial_output(
    threaded_server: LoopbackDashScope,
    test_key: str,
    scenario: str,
    code: int,
    stdout_start: str,
    stderr_has: str,
) -> None:
    result = ask(threaded_server, scenario, key=test_key)
    assert result.returncode == code, result.stderr
    assert result.stdout.startswith(stdout_start)
    if stdout_start:
        assert result.stdout.endswith("\n")  # the partial answer is finished off cleanly
    *notes, last = result.stderr.strip().splitlines()
    assert stderr_has in last
    # a retried error says so while it waits: "note: Rate limited — retrying in 1 s (attempt 2…"
    assert all(
        re.fullmatch(r"note: .+ — retrying (now|in \d+ s) \(attempt \d of 4\)", n) for n in notes
    )
    if scenario.startswith(("e429", "e500")):
        attempts = [n.rsplit("(", 1)[1] for n in notes]
        assert attempts == ["attempt 2 of 4)", "attempt 3 of 4)", "attempt 4 of 4)"]
    assert "Traceback" not in result.stderr and test_key not in result.stderr + result.stdout


def test_wrong_key_is_rejected_without_echoing_it(threaded_server: LoopbackDashScope) -> None:
    result = ask(threaded_server, "seed", key="sk-wrongwrongwrong123456")
    assert result.returncode == 3
    assert "wrongwrongwrong" not in result.stderr


def test_rate_limit_then_success(threaded_server: LoopbackDashScope, test_key: str) -> None:
    result = ask(threaded_server, "retry-after", key=test_key)
    assert result.returncode == 0 and result.stdout.startswith(SEED_START)


def test_json_on_error_keeps_partial_content(
    threaded_server: LoopbackDashScope, test_key: str
) -> None:
    result = ask(threaded_server, "mid-stream-error", "--json", key=test_key)
    assert result.returncode == 7
    out = json.loads(result.stdout)
    assert out["content"] == "In the picture, a woman"
    assert out["error"]["code"] == "data_inspection_failed"


def test_connection_refused_exits_5(test_key: str) -> None:
    result = run_cli("ask", "--base-url", "http://127.0.0.1:9/v1", "hi", key=test_key)
    assert result.returncode == 5 and "network:" in result.stderr


def test_unusable_image_exits_2(tmp_path: Path, test_key: str) -> None:
    missing = tmp_path / "nope.png"
    result = run_cli(
        "ask", "--base-url", "http://127.0.0.1:9/v1", "--image", str(missing), "hi", key=test_key
    )
    assert result.returncode == 2, result.stderr
    assert "nope.png" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_image_is_reported_before_a_missing_key(tmp_path: Path) -> None:
    """GIVEN no key anywhere and an image that does not exist, THEN the image is the problem
    reported (exit 2, usage), not the key (exit 3): it is the one to fix first."""
    missing = tmp_path / "missing.png"
    result = run_cli("ask", "--region", "cn", "--image", str(missing), "x")
    assert result.returncode == 2, result.stderr
    assert "missing.png" in result.stderr
    assert "DASHSCOPE_API_KEY" not in result.stderr and "Traceback" not in result.stderr
    # With the image fixed, the missing key is what is left.
    (tmp_path / "there.png").write_bytes(_tiny_png())
    result = run_cli("ask", "--region", "cn", "--image", str(tmp_path / "there.png"), "x")
    assert result.returncode == 3, result.stderr
    assert "DASHSCOPE_API_KEY" in result.stderr


def _tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_interrupt_exits_130(threaded_server: LoopbackDashScope, test_key: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    env["DASHSCOPE_API_KEY"] = test_key
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "qwenvl_desktop",
            "ask",
            "--base-url",
            threaded_server.base_url("slow"),
            "hi",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.read(6)  # wait until the answer is streaming
    assert first == "In the"
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130, err
    assert "Traceback" not in err


def test_models_lists_the_region_catalog() -> None:
    result = run_cli("models", "--region", "intl")
    assert result.returncode == 0
    heading, columns, *rest = result.stdout.splitlines()
    assert heading.startswith("Models offered in Singapore (intl, https://dashscope-intl.")
    assert heading.endswith(": 31")
    assert columns.split() == ["MODEL", "FAMILY", "FLAGS"]
    lines = rest[: rest.index("")]
    assert len(lines) == 31
    qvq = next(line for line in lines if line.startswith("qvq-max "))
    assert "stream-only" in qvq and "thinking" in qvq
    assert any(line.startswith("qwen-vl-ocr ") and " ocr " in line for line in lines)
