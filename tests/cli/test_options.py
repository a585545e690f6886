"""The one parser: shared by the window and the commands, cheap to import, honest in its help."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qwenvl_desktop.cli.main import main
from qwenvl_desktop.cli.options import build_parser
from qwenvl_desktop.core.keys import KEYRING_SERVICE


def test_given_the_window_options_when_parsed_then_there_is_no_command() -> None:
    args = build_parser().parse_args(["--region", "cn", "--model", "qwen-vl-max", "--capture"])
    assert args.command is None
    assert (args.region, args.model, args.capture) == ("cn", "qwen-vl-max", True)


def test_given_the_window_starting_when_it_imports_the_parser_then_no_command_is_loaded() -> None:
    """The window imports ``cli.options`` on every start: it must not bring the keyring along."""
    probe = (
        "import sys, qwenvl_desktop.cli.options; "
        "print(sorted(m for m in sys.modules if m.startswith(('keyring', 'PySide6', 'PIL', "
        "'qwenvl_desktop.cli.', 'qwenvl_desktop.core.keys'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "['qwenvl_desktop.cli.options']"


def test_given_no_command_when_the_command_line_runs_then_it_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Opening the window is the launcher's decision; ``cli.main`` only runs commands."""
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    assert "alone opens the window" in capsys.readouterr().err


def test_given_key_help_when_shown_then_it_names_the_keyring_service(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["key", "--help"])
    assert f"(service {KEYRING_SERVICE!r}," in " ".join(capsys.readouterr().out.split())
