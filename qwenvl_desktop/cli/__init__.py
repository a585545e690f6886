"""The command line: ``qwenvl-desktop`` opens the window; ``ask``, ``models``, ``key`` and
``config`` script it without loading Qt.

Importing this package loads nothing: :func:`run` imports the command line on first use.
"""

from __future__ import annotations

__all__ = ["run"]


def run() -> None:
    """The ``qwenvl-desktop`` console script."""
    from qwenvl_desktop.cli.main import run as run_cli

    run_cli()
