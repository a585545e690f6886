"""A stand-in for xdg-desktop-portal's Screenshot interface, on a private D-Bus session bus.

    python fake_portal.py MODE WIDTH HEIGHT

Written with jeepney (pure Python, exact D-Bus types) rather than QtDBus, so that the
``Response`` signal carries the real portal's ``u`` and ``a{sv}`` — what the Qt client must cope
with. Owns ``org.freedesktop.portal.Desktop``, answers ``Screenshot`` with the request handle the
client expects, writes the test pattern (WIDTH × HEIGHT) to a file and then emits ``Response``:
code 0 with the file's URI (MODE ``ok``), 1 (``cancel``), or nothing at all (``silent``).
Prints ``ready FOLDER`` once it owns the name, then ``request HANDLE OPTIONS`` per call.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.platform.pattern import pattern_image

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"


def main() -> int:
    mode, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    folder = Path(tempfile.mkdtemp(prefix="fake-portal-"))
    conn = open_dbus_connection("SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(SERVICE, 4))  # 4: do not queue
    if reply.body[0] != 1:
        print("cannot own", SERVICE, reply.body, flush=True)
        return 2
    print("ready", folder, flush=True)
    count = 0
    while True:
        msg = conn.receive()
        fields = msg.header.fields
        if msg.header.message_type != MessageType.method_call:
            continue
        if fields.get(HeaderFields.member) != "Screenshot":
            continue
        _parent, options = msg.body
        token = options["handle_token"][1]
        sender = fields[HeaderFields.sender].lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{token}"
        plain = {key: value for key, (_sig, value) in sorted(options.items())}
        print("request", handle, plain, flush=True)
        conn.send(new_method_return(msg, "o", (handle,)))
        if mode == "silent":
            continue
        count += 1
        path = folder / f"Screenshot-{count}.png"
        pattern_image(width, height).save(path)
        time.sleep(0.03)  # as a real portal: the answer comes after the reply
        code, results = (0, {"uri": ("s", path.as_uri())}) if mode == "ok" else (1, {})
        emitter = DBusAddress(handle, interface="org.freedesktop.portal.Request")
        conn.send(new_signal(emitter, "Response", "ua{sv}", (code, results)))


if __name__ == "__main__":
    sys.exit(main())
