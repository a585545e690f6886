"""Screenshot programs run as a subprocess into a temporary file: grim, gnome-screenshot, spectacle.

The last resort, for a Wayland desktop without a working portal (a bare wlroots compositor has
grim but often no portal backend) or an X11 setup where Qt's grab fails. Each program is a
handler of its own, so the window can say exactly which one is missing and how to install it.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from qwenvl_desktop.platform.screenshot import probes
from qwenvl_desktop.platform.screenshot.desktop import split_desktop
from qwenvl_desktop.platform.screenshot.models import Availability, CaptureError, ScreenGrab

__all__ = ["GNOME_SCREENSHOT", "GRIM", "SPECTACLE", "TOOLS", "ExternalToolHandler"]

_TIMEOUT_S = 20


@dataclass(frozen=True, slots=True)
class ExternalToolHandler:
    """One screenshot program. ``command`` has ``{path}`` where the PNG should be written."""

    name: str
    command: tuple[str, ...]
    install_hint: str
    #: grim speaks only the wlroots screencopy protocol: it cannot work on X11
    wayland_only: bool = False

    def is_available(self) -> Availability:
        if not probes.has_display():
            return Availability(False, f"{self.name} needs a display, and there is none.")
        if self.wayland_only and not probes.is_wayland_session():
            return Availability(False, f"{self.name} works only in a Wayland session.")
        if probes.which(self.command[0]) is None:
            return Availability(False, f"{self.command[0]} is not installed.", self.install_hint)
        return Availability(True, f"{self.command[0]} can take screenshots.")

    def grab(self) -> list[ScreenGrab]:
        executable = probes.which(self.command[0]) or self.command[0]
        with tempfile.TemporaryDirectory(prefix="qwenvl-capture-") as folder:
            path = Path(folder) / "screen.png"
            argv = [executable, *(part.format(path=path) for part in self.command[1:])]
            try:
                done = subprocess.run(
                    argv, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise CaptureError(f"{self.name} could not take a screenshot: {exc}") from exc
            if done.returncode != 0 or not path.exists():
                detail = (done.stderr or done.stdout).strip().splitlines()
                why = f": {detail[-1]}" if detail else f" (exit status {done.returncode})"
                raise CaptureError(f"{self.name} could not take a screenshot{why}")
            image = QImage(str(path))
        if image.isNull():
            raise CaptureError(f"{self.name} wrote a file that is not a readable image.")
        return split_desktop(image)


GRIM = ExternalToolHandler(
    name="grim",
    command=("grim", "{path}"),
    install_hint=(
        "Install grim (Debian/Ubuntu: sudo apt install grim; Fedora: sudo dnf install grim; "
        "Arch: sudo pacman -S grim). It works with wlroots compositors such as Sway and Hyprland."
    ),
    wayland_only=True,
)
GNOME_SCREENSHOT = ExternalToolHandler(
    name="gnome-screenshot",
    command=("gnome-screenshot", "-f", "{path}"),
    install_hint=(
        "Install gnome-screenshot (Debian/Ubuntu: sudo apt install gnome-screenshot; "
        "Fedora: sudo dnf install gnome-screenshot; Arch: sudo pacman -S gnome-screenshot)."
    ),
)
SPECTACLE = ExternalToolHandler(
    name="spectacle",
    # background, no notification, full screen, output file
    command=("spectacle", "-b", "-n", "-f", "-o", "{path}"),
    install_hint=(
        "Install KDE's Spectacle (Debian/Ubuntu: sudo apt install kde-spectacle; "
        "Fedora: sudo dnf install spectacle; Arch: sudo pacman -S spectacle)."
    ),
)

#: in preference order: grim is the native tool where it applies and never shows UI
TOOLS: tuple[ExternalToolHandler, ...] = (GRIM, GNOME_SCREENSHOT, SPECTACLE)
