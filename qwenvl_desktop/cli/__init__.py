"""The command line: ``ask``, ``models``, ``key`` and ``config`` script the app without loading Qt.

Modules: ``options`` (the parser, shared with the window), ``main`` (dispatch and error
reporting), ``ask``, ``models``, ``keys``, ``config`` (one module per command), ``exit_codes``
(the one table of exit statuses). Importing this package loads nothing.
"""

from __future__ import annotations

__all__ = ["run"]


def run() -> None:
    """``python -m qwenvl_desktop.cli``, and the ``qwenvl-desktop`` script of older installs.

    Both always opened the window when given no command, so they stay the whole
    ``qwenvl-desktop`` command: :mod:`qwenvl_desktop.launcher`, which sits above this package.
    This function is the one place in the package that refers to it.
    """
    from qwenvl_desktop.launcher import run as run_launcher

    run_launcher()
