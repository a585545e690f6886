"""The command line never loads Qt: real ``qwenvl-desktop`` processes report what they imported.

Scripts and terminals start ``qwenvl-desktop ask`` many times; loading PySide6 (and qasync) would
cost them start-up time and a display library they do not need. Each test runs the console
script's function (:func:`qwenvl_desktop.launcher.run`) in a fresh interpreter, and that process
writes, once the command is done, which Qt or window-side modules are in ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.support.dashscope_server import LoopbackDashScope

#: Runs ``qwenvl-desktop ARGS`` as the console script does, after importing PRELOAD (if any), then
#: writes the exit status and the forbidden modules it finds to REPORT. argv: REPORT PRELOAD ARGS…
PROBE = """
import importlib, json, sys
report, preload, args = sys.argv[1], sys.argv[2], sys.argv[3:]
if preload:
    importlib.import_module(preload)
sys.argv = ["qwenvl-desktop", *args]
code = None
try:
    from qwenvl_desktop.launcher import run
    run()
except SystemExit as done:
    code = done.code
finally:
    window_side = ("PySide6", "shiboken6", "qasync", "qwenvl_desktop.app", "qwenvl_desktop.gui",
                   "qwenvl_desktop.services", "qwenvl_desktop.platform")
    loaded = sorted(m for m in sys.modules if m.startswith(window_side))
    with open(report, "w") as out:
        json.dump({"code": code, "loaded": loaded}, out)
"""


def run_probe(
    tmp_path: Path, *args: str, preload: str = "", env: dict[str, str] | None = None
) -> tuple[int, list[str], subprocess.CompletedProcess[str]]:
    report = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), preload, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )
    outcome = json.loads(report.read_text())
    return outcome["code"], outcome["loaded"], result


@pytest.mark.parametrize(
    "command",
    [["--version"], ["models", "--region", "intl"], ["key", "status"], ["config", "show"]],
    ids=["version", "models", "key-status", "config-show"],
)
def test_given_a_command_when_it_runs_then_no_qt_module_is_imported(
    tmp_path: Path, command: list[str]
) -> None:
    code, loaded, result = run_probe(tmp_path, *command)
    assert code == 0, result.stderr
    assert result.stdout  # the command really ran and printed its answer
    assert loaded == []


def test_given_ask_with_an_image_when_it_streams_an_answer_then_no_qt_module_is_imported(
    tmp_path: Path, threaded_server: LoopbackDashScope, test_key: str
) -> None:
    picture = tmp_path / "picture.png"
    Image.new("RGB", (64, 48), "teal").save(picture)
    code, loaded, result = run_probe(
        tmp_path,
        "ask",
        "--base-url",
        threaded_server.base_url("seed"),
        "--image",
        str(picture),
        "What is this",
        env={"DASHSCOPE_API_KEY": test_key},
    )
    assert code == 0, result.stderr
    assert result.stdout.startswith("In the picture,")  # streamed from the loopback server
    assert len(threaded_server.chat_requests()) == 1
    assert loaded == []


def test_given_qt_loaded_before_the_command_when_it_runs_then_the_probe_reports_it(
    tmp_path: Path,
) -> None:
    """The probe itself can fail: a process that did import Qt is reported as such."""
    code, loaded, result = run_probe(tmp_path, "--version", preload="PySide6.QtCore")
    assert code == 0, result.stderr
    assert "PySide6.QtCore" in loaded
