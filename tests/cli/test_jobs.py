"""``batch --via-batch-api`` and ``jobs`` as scripts use them: real processes, loopback Batch API.

GIVEN images made at run time, WHEN a batch goes to the service's Batch API, THEN its id is
printed early, its rows land in the same format as the local engine's, and ``jobs`` follows,
cancels and fetches it later — also from a machine that never saw the inputs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image

from tests.cli.test_ask import run_cli
from tests.support.dashscope_server import LoopbackDashScope

PROMPT = "What is the total?"
FIRST = "batch_loopback_0001"


def images(folder: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        path = folder / f"receipt-{index}.png"
        Image.new("RGB", (40 + index, 30), (200, index * 60, 10)).save(path)
        paths.append(str(path))
    return paths


def data_home(tmp_path: Path, machine: str = "this-machine") -> dict[str, str]:
    """Each "machine" keeps its own local job records."""
    return {"XDG_DATA_HOME": str(tmp_path / machine)}


def jobs(
    server: LoopbackDashScope, scenario: str, *args: str, key: str, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return run_cli("jobs", *args, "--base-url", server.base_url(scenario), key=key, env=env)


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_batch_via_the_service_then_jobs_from_another_machine(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    paths = images(tmp_path, 4)
    output = tmp_path / "results.jsonl"
    base = threaded_server.base_url("batch-partial")
    here = data_home(tmp_path)

    result = run_cli(
        "batch",
        PROMPT,
        *paths,
        "--via-batch-api",
        "--output",
        str(output),
        "--base-url",
        base,
        key=test_key,
        env=here,
    )

    assert result.returncode == 8, result.stderr  # the 2nd and 4th lines: moderation errors
    assert f"Batch {FIRST} created" in result.stderr
    assert f"jobs results {FIRST} --output FILE" in result.stderr
    assert f"Batch {FIRST}: completed, 2 of 4 done, 2 failed" in result.stderr
    written = {row["input"]: row for row in rows(output)}
    assert set(written) == set(paths)
    # A flat-colour PNG: lossless, and lossless WebP of it is smaller than PNG.
    assert written[paths[0]]["content"] == f"turns=1 images=1 [image/webp] text={PROMPT!r}"
    error = written[paths[1]]["error"]
    assert isinstance(error, dict) and error["kind"] == "moderation"

    elsewhere = data_home(tmp_path, "another-machine")
    listed = jobs(threaded_server, "batch-partial", "list", key=test_key, env=elsewhere)
    assert listed.returncode == 0, listed.stderr
    header, line = listed.stdout.splitlines()
    assert header.split() == ["ID", "STATUS", "DONE", "FAILED", "CREATED", "MODEL"]
    assert line.split()[:4] == [FIRST, "completed", "2/4", "2"]
    assert line.split()[-1] == "qwen3-vl-plus"

    status = jobs(threaded_server, "batch-partial", "status", FIRST, key=test_key, env=elsewhere)
    assert status.returncode == 0
    assert status.stdout.splitlines()[0] == f"{FIRST}: completed, 2 of 4 done, 2 failed"

    fetched = tmp_path / "fetched.csv"
    again = jobs(
        threaded_server,
        "batch-partial",
        "results",
        FIRST,
        "--output",
        str(fetched),
        key=test_key,
        env=elsewhere,
    )
    assert again.returncode == 8, again.stderr
    assert again.stdout == f"{FIRST} (completed): 2 rows answered, 2 failed, in {fetched}\n"
    csv_text = fetched.read_text()
    assert PROMPT in csv_text and "data_inspection_failed" in csv_text
    # No trace of the key anywhere it could leak.
    everything = result.stdout + result.stderr + listed.stdout + status.stdout + again.stdout
    records = "".join(p.read_text() for p in (tmp_path / "this-machine").rglob("*.jsonl"))
    assert test_key not in everything + output.read_text() + csv_text + records


def test_ctrl_c_leaves_the_job_running_and_jobs_finishes_it(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    paths = images(tmp_path, 2)
    output = tmp_path / "results.jsonl"
    here = data_home(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    env.update(here, DASHSCOPE_API_KEY=test_key)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    base = threaded_server.base_url("batch-slow")
    with subprocess.Popen(
        [sys.executable, "-m", "qwenvl_desktop", "batch", PROMPT, *paths, "--via-batch-api",
         "--output", str(output), "--base-url", base],
        stderr=subprocess.PIPE, text=True, env=env,
    ) as process:  # fmt: skip
        assert process.stderr is not None
        seen = ""
        deadline = time.monotonic() + 30
        while "in_progress" not in seen and time.monotonic() < deadline:
            seen += process.stderr.readline()
        process.send_signal(signal.SIGINT)  # while it waits between two polls
        seen += process.stderr.read()
        assert process.wait(10) == 130, seen
    assert f"Stopped waiting; batch {FIRST} keeps running" in seen
    assert f"jobs results {FIRST} --output FILE" in seen
    assert threaded_server.batch_api.batches[FIRST].obj["status"] == "in_progress"

    early = jobs(threaded_server, "batch-slow", "results", FIRST, key=test_key, env=here)
    assert early.returncode == 2
    assert f"{FIRST} is still in_progress, 0 of 2 done; nothing was written" in early.stderr

    cancel = jobs(threaded_server, "batch-slow", "cancel", FIRST, key=test_key, env=here)
    assert cancel.returncode == 0, cancel.stderr
    assert cancel.stdout.startswith(f"{FIRST}: cancelling")

    fetched = tmp_path / "cancelled.jsonl"
    late = jobs(
        threaded_server,
        "batch-slow",
        "results",
        FIRST,
        "--wait",
        "--output",
        str(fetched),
        key=test_key,
        env=here,
    )
    assert late.returncode == 8, late.stderr
    cancelled = rows(fetched)
    assert {row["input"] for row in cancelled} == set(paths)  # the local record maps them back
    assert {row["error"]["kind"] for row in cancelled} == {"batch-cancelled"}  # type: ignore[index]


def test_refused_before_upload_where_the_region_has_no_such_batch_model(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[region_urls]\nintl = "{threaded_server.base_url("batch")}"\n')
    env = {"QWENVL_DESKTOP_CONFIG": str(config), **data_home(tmp_path)}

    result = run_cli(
        "batch",
        PROMPT,
        *images(tmp_path, 1),
        "--via-batch-api",
        "--region",
        "intl",
        "--output",
        str(tmp_path / "o.jsonl"),
        key=test_key,
        env=env,
    )

    assert result.returncode == 2
    assert "Singapore's Batch API (intl) does not take qwen3-vl-plus; Beijing (--region cn)" in (
        result.stderr
    )
    assert threaded_server.requests == []

    # The same configuration reaches the loopback for jobs: an unknown id is one clear line.
    unknown = run_cli("jobs", "status", "batch_nope", "--region", "intl", key=test_key, env=env)
    assert unknown.returncode == 6
    assert "No batch job batch_nope at this endpoint for this key" in unknown.stderr
