"""Entry point of the PyInstaller bundle: the same as the ``qwenvl-desktop`` command (no arguments
opens the window, ``ask``/``key``/``config``… run the command line)."""

from qwenvl_desktop.launcher import run

run()
