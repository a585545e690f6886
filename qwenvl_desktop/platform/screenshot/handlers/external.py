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

from qwenvl_desktop.core.i18n import translatable, translate
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
            return Availability(
                False,
                translate("ExternalToolHandler", "%1 needs a display, and there is none.").replace(
                    "%1", self.name
                ),
            )
        if self.wayland_only and not probes.is_wayland_session():
            return Availability(
                False,
                translate("ExternalToolHandler", "%1 works only in a Wayland session.").replace(
                    "%1", self.name
                ),
            )
        if probes.which(self.command[0]) is None:
            return Availability(
                False,
                translate("ExternalToolHandler", "%1 is not installed.").replace(
                    "%1", self.command[0]
                ),
                translate("ExternalToolHandler", self.install_hint),
            )
        return Availability(
            True,
            translate("ExternalToolHandler", "%1 can take screenshots.").replace(
                "%1", self.command[0]
            ),
        )

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
                raise CaptureError(
                    translate("ExternalToolHandler", "%1 could not take a screenshot: %2")
                    .replace("%2", str(exc))
                    .replace("%1", self.name)
                ) from exc
            if done.returncode != 0 or not path.exists():
                detail = (done.stderr or done.stdout).strip().splitlines()
                if detail:
                    failed = translate(
                        "ExternalToolHandler", "%1 could not take a screenshot: %2"
                    ).replace("%2", detail[-1])
                else:
                    failed = translate(
                        "ExternalToolHandler", "%1 could not take a screenshot (exit status %2)"
                    ).replace("%2", str(done.returncode))
                raise CaptureError(failed.replace("%1", self.name))
            image = QImage(str(path))
        if image.isNull():
            raise CaptureError(
                translate(
                    "ExternalToolHandler", "%1 wrote a file that is not a readable image."
                ).replace("%1", self.name)
            )
        return split_desktop(image)


GRIM = ExternalToolHandler(
    name="grim",
    command=("grim", "{path}"),
    install_hint=translatable(
        "ExternalToolHandler",
        "Install grim (Debian/Ubuntu: sudo apt install grim; Fedora: sudo dnf install grim; "
        "Arch: sudo pacman -S grim). It works with wlroots compositors such as Sway and Hyprland.",
    ),
    wayland_only=True,
)
GNOME_SCREENSHOT = ExternalToolHandler(
    name="gnome-screenshot",
    command=("gnome-screenshot", "-f", "{path}"),
    install_hint=translatable(
        "ExternalToolHandler",
        "Install gnome-screenshot (Debian/Ubuntu: sudo apt install gnome-screenshot; "
        "Fedora: sudo dnf install gnome-screenshot; Arch: sudo pacman -S gnome-screenshot).",
    ),
)
SPECTACLE = ExternalToolHandler(
    name="spectacle",
    # background, no notification, full screen, output file
    command=("spectacle", "-b", "-n", "-f", "-o", "{path}"),
    install_hint=translatable(
        "ExternalToolHandler",
        "Install KDE's Spectacle (Debian/Ubuntu: sudo apt install kde-spectacle; "
        "Fedora: sudo dnf install spectacle; Arch: sudo pacman -S spectacle).",
    ),
)

#: in preference order: grim is the native tool where it applies and never shows UI
TOOLS: tuple[ExternalToolHandler, ...] = (GRIM, GNOME_SCREENSHOT, SPECTACLE)
