"""The command line: ``ask``, ``batch``, ``jobs``, ``models``, ``key``, ``config`` script the app
without Qt.

:func:`main` parses (with :mod:`qwenvl_desktop.cli.options`), runs the command's module, and turns
whatever ends it into one line on stderr and an exit status from
:class:`~qwenvl_desktop.cli.exit_codes.ExitCode` — the contract scripts rely on (see README):

0 success · 2 usage error or unusable input · 3 authentication/permission or no key ·
4 rate limit or quota still failing after retries · 5 network failure, timeout or cut-off stream ·
6 any other API error · 7 content moderation · 8 some rows of a batch failed · 130 interrupted ·
141 stdout closed early.

``qwenvl-desktop`` without a command opens the window instead: :mod:`qwenvl_desktop.launcher`
decides that, so nothing here imports the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from qwenvl_desktop.cli.ask import run_ask
from qwenvl_desktop.cli.batch import run_batch_command
from qwenvl_desktop.cli.config import run_config_command
from qwenvl_desktop.cli.exit_codes import ExitCode, UsageProblem, exit_code_for
from qwenvl_desktop.cli.jobs import run_jobs_command
from qwenvl_desktop.cli.keys import run_key_command
from qwenvl_desktop.cli.language import use_interface_language
from qwenvl_desktop.cli.models import run_models
from qwenvl_desktop.cli.options import build_parser
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.errors import QwenVLError, scrub_secrets
from qwenvl_desktop.core.protocol.request import RequestError

__all__ = ["main", "run", "run_command"]

#: the module function that runs each command of :func:`~qwenvl_desktop.cli.options.build_parser`
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ask": run_ask,
    "batch": run_batch_command,
    "jobs": run_jobs_command,
    "models": run_models,
    "key": run_key_command,
    "config": run_config_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in ``argv`` (default: ``sys.argv[1:]``); its exit status.

    Without a command this is a usage error: the window is opened by
    :func:`qwenvl_desktop.launcher.main`, the ``qwenvl-desktop`` console script.
    """
    use_interface_language()
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.error(
            translate(
                "CliMain", "a command is needed here; `qwenvl-desktop` alone opens the window"
            )
        )
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command ``args.command``; what ends it becomes one line and a status."""
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\n" + translate("CliMain", "interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except (QwenVLError, UsageProblem, RequestError) as error:
        _report(error)
        return exit_code_for(error)
    except BrokenPipeError:
        # `qwenvl-desktop ask … | head`: the reader has all it wanted. Quietly, with the status
        # a shell reports for any command that SIGPIPE ends (`yes | head`).
        _discard_stdout()
        return ExitCode.BROKEN_PIPE
    except Exception as error:  # a bug: still one readable line, the traceback only on request
        if os.environ.get("QWENVL_DESKTOP_DEBUG"):
            raise
        line = translate(
            "CliMain", "internal error: %1: %2 (set QWENVL_DESKTOP_DEBUG=1 for the traceback)"
        )
        detail = line.replace("%1", type(error).__name__).replace("%2", scrub_secrets(str(error)))
        print(f"qwenvl-desktop: {detail}", file=sys.stderr)
        return ExitCode.API


def run() -> None:
    """Run the command in ``sys.argv`` and exit with its status."""
    sys.exit(main())


def _discard_stdout() -> None:
    """Point stdout at the null device: the interpreter's final flush of what is still buffered
    would otherwise fail again and print "Exception ignored … BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test's captured stdout)
        pass


def _report(error: BaseException) -> None:
    if isinstance(error, QwenVLError):
        line = error.one_line()
    else:
        line = translate("CliMain", "error: %1").replace("%1", str(error))
    print(f"qwenvl-desktop: {line}", file=sys.stderr)
