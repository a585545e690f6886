"""``python -m qwenvl_desktop``: the same entry point as the ``qwenvl-desktop`` command."""

from qwenvl_desktop.cli import run

run()
