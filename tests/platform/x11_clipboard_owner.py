"""Puts known images on the X11 clipboard and stays alive to serve them (QT_QPA_PLATFORM=xcb).

Commands on stdin: ``set A`` / ``set B`` (two different test pictures), ``quit``. Each ``set``
takes the clipboard anew — also when the picture is the same — and prints ``set NAME DIGEST``.
X11 clipboard content lives in its owner, so this process must outlive the reads.
"""

from __future__ import annotations

import sys

from PIL import Image
from PySide6.QtGui import QGuiApplication, QImage

from qwenvl_desktop.platform.clipboard import image_digest
from tests.platform.helper_io import StdinCommands, say
from tests.platform.pattern import pattern_image

SIZE = (96, 64)


def picture(name: str) -> Image.Image:
    """A is the pattern; B the same pattern mirrored (same colours, other pixels)."""
    image = pattern_image(*SIZE)
    return image if name == "A" else image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)


def to_qimage(image: Image.Image) -> QImage:
    data = image.convert("RGB").tobytes()
    w, h = image.size
    return QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    clipboard = app.clipboard()
    commands = StdinCommands()

    def run(line: str) -> None:
        if line == "quit":
            app.quit()
        elif line.startswith("set "):
            name = line.split()[1]
            image = to_qimage(picture(name))
            clipboard.setImage(image)
            say("set", name, image_digest(image))

    commands.line.connect(run)
    say("ready", app.platformName())
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
