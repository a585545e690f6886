"""Can the X display that Qt is about to use be reached? Asked before the QApplication exists.

When Qt's xcb plugin cannot connect to the X server that ``DISPLAY`` names, Qt aborts the process
(SIGABRT, a core dump where they are on) after blaming a library: "xcb-cursor0 is needed to load
the Qt xcb platform plugin … Reinstalling the application may fix this". That sends people to
reinstall when the cause is a stale ``DISPLAY`` (an SSH session without forwarding, a closed
Xvfb, a desktop that was logged out of). Connecting to the X server's socket, as Xlib would,
answers the real question in a millisecond and lets the app exit with a sentence instead.

Only the cases where Qt is sure to use X are judged: ``QT_QPA_PLATFORM`` unset (or empty) and no
``WAYLAND_DISPLAY`` (Qt may choose Wayland then), or ``QT_QPA_PLATFORM=xcb`` given explicitly. Any
other platform the user chose (offscreen, wayland, vnc…) is Qt's business, and so is a
``DISPLAY`` of a form this module does not know.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator, Mapping

from qwenvl_desktop.core.i18n import translate

# socket and threading are imported where a display is probed: only an X session needs them,
# and this module is on the path to the window's first frame.

__all__ = ["unreachable_display"]

#: where X servers listen locally: ``/tmp/.X11-unix/X<n>`` (and the same name in Linux's
#: abstract socket namespace); over TCP on port 6000 + n
X11_SOCKET_DIR = "/tmp/.X11-unix"
X11_TCP_BASE_PORT = 6000
TCP_TIMEOUT = 2.0
XCB_TIMEOUT = 3.0


def unreachable_display(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> str | None:
    """Why Qt could not reach the X display it would use, in one sentence; None when it can (or
    when Qt would not use X, or the answer is not knowable here)."""
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux") or not _qt_would_use_x(environ):
        return None
    display = environ.get("DISPLAY", "").strip()
    if not display:
        return None  # no display at all: the window falls back to the offscreen platform
    why = _why_unreachable(display)
    if why is None:
        return None
    return (
        translate(
            "DisplayProbe",
            "the X display %1 named by DISPLAY cannot be reached (%2); start the app "
            "from a desktop session, under `xvfb-run -a`, or with QT_QPA_PLATFORM=offscreen to run "
            "it without a visible window.",
        )
        .replace("%2", why)
        .replace("%1", repr(display))
    )


def _qt_would_use_x(environ: Mapping[str, str]) -> bool:
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "xcb", "xcb:option=…", or a fallback list "wayland;xcb": only the first is sure to run.
        first = chosen.split(";", 1)[0].split(":", 1)[0].strip()
        return first == "xcb"
    return not environ.get("WAYLAND_DISPLAY", "").strip()


def _why_unreachable(display: str) -> str | None:
    """What went wrong connecting to ``display``'s X server; None when it answered, or when
    ``display`` is of a form not handled here."""
    host, colon, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not colon or not number.isdigit() or host.startswith("/"):
        return None  # not [host]:n[.screen] (e.g. a macOS launchd socket path)
    host = host.removeprefix("tcp/").strip("[]")
    if host in ("", "unix"):
        problem = _unix_socket_problem(int(number))
    else:
        problem = _tcp_problem(host, X11_TCP_BASE_PORT + int(number))
    return problem or _xcb_problem(display)


def _xcb_problem(display: str) -> str | None:
    """Connect as Qt will, through libxcb (the same library, the same authorisation from
    XAUTHORITY): a server that listens may still refuse this client. None when libxcb is not
    there to ask (Qt's xcb plugin cannot load then either, and says so itself)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")  # the soname Qt's plugin links (find_library forks)
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]

    def handshake() -> int:
        connection = xcb.xcb_connect(display.encode(), None)
        try:
            return int(xcb.xcb_connection_has_error(connection)) if connection else 1
        finally:
            if connection:
                xcb.xcb_disconnect(connection)

    # libxcb has no timeout: a peer that accepts and never answers would hold the start for
    # ever. Past XCB_TIMEOUT the answer is "not knowable here", and Qt is left to try.
    import threading

    outcome: list[int] = []
    with _stderr_silenced():  # libxcb prints its own "Authorization required…" line
        worker = threading.Thread(
            target=lambda: outcome.append(handshake()), name="x-display-probe", daemon=True
        )
        worker.start()
        worker.join(XCB_TIMEOUT)
    if not outcome or outcome[0] == 0:
        return None
    return translate(
        "DisplayProbe",
        "the X server refused the connection: check that XAUTHORITY names its cookie",
    )


def _unix_socket_problem(number: int) -> str | None:
    path = f"{X11_SOCKET_DIR}/X{number}"
    # Xorg, Xvfb and Xwayland also listen on the same name in the abstract namespace, which a
    # container may share without the file.
    if _connect_unix(f"\0{path}") is None:
        return None
    failure = _connect_unix(path)
    if failure is None:
        return None
    return (
        translate("DisplayProbe", "no X server listens at %1: %2")
        .replace("%2", failure)
        .replace("%1", path)
    )


def _connect_unix(address: str) -> str | None:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(TCP_TIMEOUT)
        try:
            probe.connect(address)
        except OSError as exc:
            return _reason(exc)
    return None


def _tcp_problem(host: str, port: int) -> str | None:
    import socket

    try:
        with socket.create_connection((host, port), timeout=TCP_TIMEOUT):
            return None
    except OSError as exc:
        return (
            translate("DisplayProbe", "no X server answers at %1 port %2: %3")
            .replace("%3", _reason(exc))
            .replace("%2", str(port))
            .replace("%1", host)
        )


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 goes to /dev/null for the block (C libraries write there directly)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _reason(exc: OSError) -> str:
    import socket  # loaded already: only a probe's failure is explained

    if isinstance(exc, socket.gaierror):
        return translate("DisplayProbe", "unknown host")
    if isinstance(exc, TimeoutError):
        return translate("DisplayProbe", "no answer")
    if exc.errno is not None and exc.errno in errno.errorcode:
        return os.strerror(exc.errno).lower()
    return str(exc) or type(exc).__name__
