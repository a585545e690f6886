"""``python -m qwenvl_desktop``: the same entry point as the ``qwenvl-desktop`` command."""

from .cli import run

run()
