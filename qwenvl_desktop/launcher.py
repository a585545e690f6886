"""The ``qwenvl-desktop`` command: with a command, the command line; without one, the window.

This is the one module that knows both sides, so neither imports the other: the command line
(:mod:`qwenvl_desktop.cli`) never loads Qt, and the window (:mod:`qwenvl_desktop.app`) only
borrows the parser (:mod:`qwenvl_desktop.cli.options`). Each side is imported only when chosen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from qwenvl_desktop.cli.options import build_parser, empty_command_line

__all__ = ["main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qwenvl-desktop`` with ``argv`` (default: ``sys.argv[1:]``); the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # --help, --version and usage errors end here. No arguments at all (how the window is nearly
    # always started) need no parser: the start-up is spared building it. With arguments, the
    # language is chosen first, so the help and argparse's errors are in it.
    if arguments:
        from qwenvl_desktop.cli.language import use_interface_language

        use_interface_language()
    args = build_parser().parse_args(arguments) if arguments else empty_command_line()
    if args.command is None:
        from qwenvl_desktop.app import main as open_window  # Qt is loaded only for the window

        return open_window(arguments, options=args)
    from qwenvl_desktop.cli.main import run_command

    return run_command(args)


def run() -> None:
    """The ``qwenvl-desktop`` console script."""
    sys.exit(main())
