"""``qwenvl-desktop batch`` as scripts use it: a real process against the loopback server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_ask import run_cli
from tests.support.dashscope_server import (
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    error_body,
    sc_echo,
)


def make_images(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"scan-{number:02d}.png"
        Image.new("RGB", (48 + number, 32), (number * 9 % 256, 120, 40)).save(path)
        paths.append(path)
    return paths


def batch(
    server: LoopbackDashScope, scenario: str, *args: str, key: str
) -> subprocess.CompletedProcess[str]:
    return run_cli("batch", "--base-url", server.base_url(scenario), *args, key=key)


def rows_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def sc_judged(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """The echo answer, or a moderation block for a question that mentions "blocked"."""
    if "blocked" in json.dumps(req.body["messages"]):
        await reply.json(400, error_body("data_inspection_failed", "Input data may be …"))
    else:
        await sc_echo(server, req, reply)


async def sc_slow_echo(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await asyncio.sleep(0.25)
    await sc_echo(server, req, reply)


def test_a_folder_becomes_one_row_per_image_and_a_rerun_skips_them(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    images = make_images(tmp_path / "scans" / "2024", 5)
    output = tmp_path / "results.jsonl"

    first = batch(
        threaded_server,
        "echo",
        "What is it?",
        str(tmp_path / "scans"),
        "--output",
        str(output),
        key=test_key,
    )

    assert first.returncode == 0, first.stderr
    assert first.stdout == ""  # the rows are in the file, the progress on stderr
    rows = rows_of(output)
    assert sorted(r["input"] for r in rows) == [str(p) for p in images]
    # Flat-colour PNGs: lossless, and lossless WebP of them is smaller than PNG.
    assert all(r["error"] is None and "images=1 [image/webp]" in str(r["content"]) for r in rows)
    assert "5 inputs: 5 succeeded, 0 failed" in first.stderr and "75 tokens" in first.stderr

    again = batch(
        threaded_server,
        "echo",
        "What is it?",
        str(tmp_path / "scans"),
        "--output",
        str(output),
        key=test_key,
    )

    assert again.returncode == 0, again.stderr
    assert "resuming: 5 rows already in" in again.stderr
    assert "0 succeeded, 0 failed, 5 skipped (done before)" in again.stderr
    assert len(rows_of(output)) == 5 and len(threaded_server.chat_requests("echo")) == 5


def test_failed_rows_exit_8_the_rest_go_on_and_a_rerun_asks_only_those_again(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    threaded_server.add_scenario("judged", sc_judged)
    images = make_images(tmp_path / "in", 3)
    (tmp_path / "in" / "broken.png").write_text("not an image")
    work = tmp_path / "work.csv"
    work.write_text(
        "path,prompt\n"
        + "".join(f"in/{p.name},\n" for p in images)
        + "in/broken.png,\nin/scan-00.png,Is this blocked?\n",
        encoding="utf-8",
    )
    output = tmp_path / "results.csv"

    result = batch(
        threaded_server, "judged", "Describe", str(work), "--output", str(output), key=test_key
    )

    assert result.returncode == 8, result.stderr
    assert "failed: " in result.stderr and "broken.png" in result.stderr
    assert "5 inputs: 3 succeeded, 2 failed" in result.stderr
    from qwenvl_desktop.core.batch.results import read_results

    rows = {(r.input, r.prompt): r for r in read_results(output)}
    assert len(rows) == 5
    assert rows[(str(tmp_path / "in/broken.png"), "Describe")].error["kind"] == "image"  # type: ignore[index]
    blocked = rows[(str(images[0]), "Is this blocked?")]
    assert blocked.error is not None and blocked.error["code"] == "data_inspection_failed"

    rerun = batch(
        threaded_server, "judged", "Describe", str(work), "--output", str(output), key=test_key
    )

    assert rerun.returncode == 8
    assert "resuming: 3 rows already in" in rerun.stderr and "asking again the 2" in rerun.stderr
    assert len(read_results(output)) == 5  # still one row per input


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["Q", "{tmp}/empty"], "No images found in"),
        (["Q", "{tmp}/list.csv"], "has no 'path' column"),
        (["Q", "{tmp}/typo.png"], "no such file or folder"),
        (["Q", "{tmp}/empty", "--concurrency", "0"], "0 is below 1"),
        (["Q"], "No inputs given"),
    ],
)
def test_usage_errors_exit_2_with_a_sentence(
    threaded_server: LoopbackDashScope,
    test_key: str,
    tmp_path: Path,
    args: list[str],
    sentence: str,
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "list.csv").write_text("file\na.png\n")

    result = batch(threaded_server, "echo", *(a.format(tmp=tmp_path) for a in args), key=test_key)

    assert result.returncode == 2 and sentence in result.stderr, result.stderr
    assert threaded_server.chat_requests() == []


def test_without_output_rows_are_json_lines_on_stdout_and_task_names_the_prompt(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    make_images(tmp_path, 2)

    result = batch(threaded_server, "echo", "--task", "ocr", str(tmp_path), key=test_key)

    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and rows[0]["prompt"].startswith("Extract all the text in this image.")
    assert "text='Extract all the text" in rows[0]["content"]


def start_batch(
    server: LoopbackDashScope, folder: Path, output: Path, key: str
) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    env |= {"DASHSCOPE_API_KEY": key, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    command = [sys.executable, "-m", "qwenvl_desktop", "batch", "Q", str(folder)]
    command += ["--output", str(output), "--concurrency", "2"]
    command += ["--base-url", server.base_url("slow-echo")]
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)


def wait_for_rows(output: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the batch wrote no rows in time")


def test_kill_9_midway_never_corrupts_and_the_rerun_completes_each_input_once(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    threaded_server.add_scenario("slow-echo", sc_slow_echo)
    images = make_images(tmp_path / "in", 12)
    output = tmp_path / "results.jsonl"
    process = start_batch(threaded_server, tmp_path / "in", output, test_key)
    wait_for_rows(output, 3, process)

    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)

    killed = rows_of(output)  # every line parses
    assert 3 <= len(killed) < 12
    rerun = batch(
        threaded_server,
        "slow-echo",
        "Q",
        str(tmp_path / "in"),
        "--output",
        str(output),
        "--concurrency",
        "4",
        key=test_key,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"resuming: {len(killed)} rows already in" in rerun.stderr
    final = rows_of(output)
    assert sorted(r["input"] for r in final) == [str(p) for p in images]  # each exactly once
    assert final[: len(killed)] == killed


def test_ctrl_c_stops_with_130_and_keeps_the_rows_done(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    threaded_server.add_scenario("slow-echo", sc_slow_echo)
    make_images(tmp_path / "in", 12)
    output = tmp_path / "results.jsonl"
    process = start_batch(threaded_server, tmp_path / "in", output, test_key)
    wait_for_rows(output, 2, process)

    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)

    assert process.returncode == 130, stderr
    assert "stopped; the rows done are in" in stderr and "interrupted" in stderr
    assert "Traceback" not in stderr
    kept = rows_of(output)
    assert 2 <= len(kept) < 12 and all(r["error"] is None for r in kept)
