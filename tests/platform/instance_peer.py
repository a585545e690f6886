"""Another app process, as far as the single-instance lock is concerned.

    python instance_peer.py listen APP_ID    # be the running instance; print what arrives
    python instance_peer.py forward APP_ID MESSAGE   # what `qwenvl-desktop --capture` does

``listen`` prints ``listening`` (or ``refused``), then ``got MESSAGE`` per message, and exits
after the message ``quit``. ``forward`` prints ``forwarded`` or ``listening`` and exits.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from qwenvl_desktop.platform.single_instance import SingleInstance
from tests.platform.helper_io import StdinCommands, say


def main() -> int:
    mode, app_id = sys.argv[1], sys.argv[2]
    app = QCoreApplication(sys.argv[:1])
    instance = SingleInstance(app_id)
    if mode == "forward":
        say(instance.forward_or_listen(sys.argv[3]))
        instance.close()
        return 0
    if not instance.listen():
        say("refused")
        return 1

    def received(message: str) -> None:
        say("got", message)
        if message == "quit":
            app.quit()

    instance.messageReceived.connect(received)
    commands = StdinCommands()
    commands.line.connect(lambda line: app.quit() if line == "quit" else None)
    say("listening", instance.name)
    code = app.exec()
    instance.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
