"""Takes a screenshot through :class:`PortalHandler` and prints what came back, as JSON.

Runs offscreen with a private session bus (DBUS_SESSION_BUS_ADDRESS) where fake_portal.py owns
the portal name. Writes each screen's grab to OUTDIR/screen-N.png.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from qwenvl_desktop.platform.screenshot import CaptureCancelledError, CaptureError, capture_screens
from qwenvl_desktop.platform.screenshot.handlers.portal import PortalHandler


def main() -> int:
    outdir = Path(sys.argv[1])
    app = QGuiApplication(sys.argv[:1])
    timeout = int(os.environ.get("QWENVL_TEST_PORTAL_TIMEOUT_MS", "5000"))
    handler = PortalHandler(response_timeout_ms=timeout)
    availability = handler.is_available()
    report: dict[str, object] = {
        "available": availability.ok,
        "reason": availability.reason,
        "screens": [
            [s.geometry().x(), s.geometry().y(), s.geometry().width(), s.geometry().height()]
            for s in app.screens()
        ],
    }
    try:
        # Through the dispatcher: offscreen Qt is unavailable, so the portal is the first to run.
        grabs = capture_screens([handler])
    except CaptureCancelledError as exc:
        report["cancelled"] = str(exc)
    except CaptureError as exc:
        report["error"] = str(exc)
    else:
        report["grabs"] = []
        for index, grab in enumerate(grabs):
            grab.image.save(str(outdir / f"screen-{index}.png"))
            report["grabs"].append(  # type: ignore[union-attr]
                {
                    "size": [grab.image.width(), grab.image.height()],
                    "ratio": grab.device_pixel_ratio,
                    "geometry": [
                        grab.geometry.x(),
                        grab.geometry.y(),
                        grab.geometry.width(),
                        grab.geometry.height(),
                    ],
                }
            )
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
