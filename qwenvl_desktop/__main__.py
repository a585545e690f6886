"""``python -m qwenvl_desktop``: the same entry point as the ``qwenvl-desktop`` command."""

from qwenvl_desktop.launcher import run

run()
