"""Screenshot handlers: who is available where and why, the dispatcher's order, the crop maths,
and the portal handler against a stand-in portal on a private D-Bus bus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage

from qwenvl_desktop.platform.screenshot import (
    Availability,
    CaptureCancelledError,
    CaptureError,
    NoScreenshotHandlerError,
    ScreenGrab,
    all_handlers,
    available_handlers,
    capture_screens,
    device_rect,
    handler_report,
    probes,
)
from qwenvl_desktop.platform.screenshot.desktop import split_desktop
from qwenvl_desktop.platform.screenshot.handlers import (
    GNOME_SCREENSHOT,
    GRIM,
    SPECTACLE,
    PortalHandler,
)
from qwenvl_desktop.platform.screenshot.handlers.qt_grab import QtGrabHandler
from tests.platform.pattern import pattern_image


@pytest.fixture
def wayland(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")


@pytest.fixture
def x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")


def no_tools(monkeypatch: pytest.MonkeyPatch, *present: str) -> None:
    monkeypatch.setattr(
        probes.shutil, "which", lambda tool: f"/usr/bin/{tool}" if tool in present else None
    )


# Availability: why not, and what to install -------------------------------------------------------


def test_handlers_are_tried_in_the_documented_order() -> None:
    assert [h.name for h in all_handlers()] == [
        "qt",
        "portal",
        "grim",
        "gnome-screenshot",
        "spectacle",
    ]


@pytest.mark.gui
def test_qt_grab_refuses_offscreen(qapp: QGuiApplication) -> None:
    availability = QtGrabHandler().is_available()
    assert not availability.ok
    assert "offscreen" in availability.reason
    assert availability.install_hint is None


@pytest.mark.parametrize(
    ("platform", "session", "ok", "words"),
    [
        ("xcb", "x11", True, "xcb"),
        ("windows", "", True, "windows"),
        ("wayland", "wayland", False, "Wayland"),
        ("xcb", "wayland", False, "XWayland"),
    ],
)
def test_qt_grab_by_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, session: str, ok: bool, words: str
) -> None:
    monkeypatch.setattr(probes, "qt_platform", lambda: platform)
    monkeypatch.setattr(probes, "is_wayland_session", lambda: session == "wayland")
    availability = QtGrabHandler().is_available()
    assert availability.ok is ok
    assert words in availability.reason


def test_grim_missing_says_how_to_install(monkeypatch: pytest.MonkeyPatch, wayland: None) -> None:
    no_tools(monkeypatch)
    availability = GRIM.is_available()
    assert not availability.ok
    assert availability.reason == "grim is not installed."
    assert availability.install_hint is not None
    assert "apt install grim" in availability.install_hint
    assert "apt install grim" in str(availability)


def test_grim_needs_wayland_even_when_installed(monkeypatch: pytest.MonkeyPatch, x11: None) -> None:
    no_tools(monkeypatch, "grim", "gnome-screenshot")
    assert not GRIM.is_available().ok
    assert "Wayland" in GRIM.is_available().reason
    assert GNOME_SCREENSHOT.is_available().ok  # works on X11 too
    assert "kde-spectacle" in (SPECTACLE.is_available().install_hint or "")


def test_external_tools_need_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    no_tools(monkeypatch, "gnome-screenshot")
    availability = GNOME_SCREENSHOT.is_available()
    assert not availability.ok and "display" in availability.reason


def test_probes_are_cached_until_reset(monkeypatch: pytest.MonkeyPatch, wayland: None) -> None:
    no_tools(monkeypatch)
    assert not GRIM.is_available().ok
    no_tools(monkeypatch, "grim")
    assert not GRIM.is_available().ok  # still the cached answer
    probes.reset_probes()
    assert GRIM.is_available().ok


def test_portal_only_on_wayland(x11: None) -> None:
    availability = PortalHandler().is_available()
    assert not availability.ok
    assert "Wayland" in availability.reason


def test_portal_without_a_session_bus(monkeypatch: pytest.MonkeyPatch, wayland: None) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    availability = PortalHandler().is_available()
    assert not availability.ok
    assert "D-Bus session bus" in availability.reason
    assert availability.install_hint


def test_portal_not_on_the_bus_names_the_packages(
    monkeypatch: pytest.MonkeyPatch, wayland: None
) -> None:
    monkeypatch.setattr(probes, "session_bus_error", lambda: None)
    monkeypatch.setattr(probes, "dbus_name_available", lambda name: False)
    availability = PortalHandler().is_available()
    assert not availability.ok
    assert "org.freedesktop.portal.Desktop" in availability.reason
    assert "xdg-desktop-portal-gnome" in (availability.install_hint or "")


# The dispatcher -----------------------------------------------------------------------------------


class FakeHandler:
    def __init__(self, name: str, ok: bool, result: list[ScreenGrab] | Exception) -> None:
        self.name, self.ok, self.result, self.calls = name, ok, result, 0

    def is_available(self) -> Availability:
        return Availability(self.ok, f"{self.name} says {'yes' if self.ok else 'no'}", "hint")

    def grab(self) -> list[ScreenGrab]:
        self.calls += 1
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def one_grab() -> list[ScreenGrab]:
    return [ScreenGrab(QImage(4, 4, QImage.Format.Format_RGB32), QRect(0, 0, 4, 4), 1.0)]


@pytest.mark.gui
def test_dispatcher_skips_unavailable_and_falls_through_failures(qapp: QGuiApplication) -> None:
    grabs = one_grab()
    unavailable = FakeHandler("a", False, grabs)
    failing = FakeHandler("b", True, CaptureError("b broke"))
    working = FakeHandler("c", True, grabs)
    never = FakeHandler("d", True, grabs)
    assert capture_screens([unavailable, failing, working, never]) is grabs
    assert (unavailable.calls, failing.calls, working.calls, never.calls) == (0, 1, 1, 0)
    assert [h.name for h in available_handlers([unavailable, failing, working])] == ["b", "c"]
    assert [a.ok for _, a in handler_report([unavailable, working])] == [False, True]


@pytest.mark.gui
def test_dispatcher_stops_when_the_person_cancels(qapp: QGuiApplication) -> None:
    later = FakeHandler("later", True, one_grab())
    with pytest.raises(CaptureCancelledError):
        capture_screens([FakeHandler("portal", True, CaptureCancelledError("no")), later])
    assert later.calls == 0


@pytest.mark.gui
def test_dispatcher_reports_every_reason_when_nothing_works(qapp: QGuiApplication) -> None:
    with pytest.raises(NoScreenshotHandlerError) as info:
        capture_screens([FakeHandler("a", False, []), FakeHandler("b", True, CaptureError("x"))])
    assert info.value.report == [("a", "a says no hint"), ("b", "x")]
    assert "a: a says no hint" in str(info.value)


# Crop maths ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logical", "ratio", "expected"),
    [
        ((10, 20, 30, 40), 1.0, (10, 20, 30, 40)),
        ((10, 20, 30, 30), 2.0, (20, 40, 60, 60)),
        # halves round up, as Qt's qRound does: 4.5 → 5
        ((3, 0, 1, 2), 1.5, (5, 0, 1, 3)),
        # 1.5: edges 1.5→2 and 6.0→6, so a 3-wide selection at 1 is 4 device pixels
        ((1, 1, 3, 3), 1.5, (2, 2, 4, 4)),
        # half logical pixels (a 2× pointer) land on device pixels
        ((10.5, 0.5, 1.0, 2.0), 2.0, (21, 1, 2, 4)),
        # clipped to the image
        ((-5, -5, 20, 20), 1.0, (0, 0, 15, 15)),
        ((90, 90, 50, 50), 1.0, (90, 90, 10, 10)),
    ],
)
def test_device_rect(
    logical: tuple[float, float, float, float], ratio: float, expected: tuple[int, ...]
) -> None:
    assert device_rect(logical, ratio, (100, 100)) == expected


def test_adjacent_selections_share_their_edge_at_fractional_ratios() -> None:
    for ratio in (1.25, 1.5, 1.75):
        left = device_rect((0, 0, 7, 1), ratio, (1000, 10))
        right = device_rect((7, 0, 5, 1), ratio, (1000, 10))
        assert left[0] + left[2] == right[0]


@pytest.mark.gui
def test_screen_grab_crop_keeps_the_ratio(qapp: QGuiApplication) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor(1, 2, 3))
    image.setPixelColor(20, 10, QColor(255, 0, 0))
    grab = ScreenGrab(image, QRect(100, 0, 100, 50), 2.0)
    crop = grab.crop(QRectF(10, 5, 10, 10))
    assert (crop.width(), crop.height(), crop.devicePixelRatio()) == (20, 20, 2.0)
    assert crop.pixelColor(0, 0) == QColor(255, 0, 0)
    assert grab.crop(QRectF(10, 5, 0, 10)).isNull()


# Whole-desktop screenshots cut per screen --------------------------------------------------------


@pytest.mark.gui
def test_split_desktop_cuts_each_screen_at_the_images_scale(qapp: QGuiApplication) -> None:
    screen = QGuiApplication.primaryScreen()
    geometry = screen.geometry()
    image = QImage(geometry.width() * 2, geometry.height() * 2, QImage.Format.Format_RGB32)
    image.fill(QColor(9, 9, 9))
    (grab,) = split_desktop(image, [screen])
    assert grab.device_pixel_ratio == 2.0
    assert grab.geometry == geometry
    assert (grab.image.width(), grab.image.height()) == (image.width(), image.height())
    squashed = QImage(geometry.width() * 2, geometry.height(), QImage.Format.Format_RGB32)
    with pytest.raises(CaptureError, match="cannot be matched"):
        split_desktop(squashed, [screen])
    with pytest.raises(CaptureError):
        split_desktop(QImage(), [screen])


# The portal handler against a stand-in portal ----------------------------------------------------


@pytest.mark.parametrize("mode", ["ok", "cancel"])
@pytest.mark.gui
def test_portal_handler_round_trip(
    spawn, helper_env: dict[str, str], private_bus: str, tmp_path: Path, mode: str
) -> None:
    pytest.importorskip("jeepney")
    env = dict(helper_env, DBUS_SESSION_BUS_ADDRESS=private_bus, WAYLAND_DISPLAY="wayland-test")
    env["QT_QPA_PLATFORM"] = "offscreen"
    # GIVEN a portal that answers with a 2× screenshot of the offscreen 800×800 screen
    portal = spawn("fake_portal.py", mode, "1600", "1600", env=env)
    folder = Path(portal.expect("ready").split(maxsplit=1)[1])
    # WHEN the app's portal handler takes a screenshot
    client = spawn("portal_client.py", str(tmp_path), env=env)
    report = json.loads(client.expect("{", timeout=20))
    request = portal.expect("request")

    # THEN it was available, asked non-interactively with its own handle token …
    assert report["available"], report
    assert "'handle_token': 'qwenvl_" in request and "'interactive': False" in request
    if mode == "cancel":
        assert report["cancelled"] == "The screenshot was cancelled."
        return
    # … got one grab per screen at the image's scale, with the portal's pixels …
    assert report["grabs"] == [{"size": [1600, 1600], "ratio": 2.0, "geometry": [0, 0, 800, 800]}]
    got = Image.open(tmp_path / "screen-0.png").convert("RGB")
    assert ImageChops.difference(got, pattern_image(1600, 1600)).getbbox() is None
    # … and removed the portal's file
    assert list(folder.iterdir()) == []


@pytest.mark.gui
def test_portal_that_never_answers_times_out(
    spawn, helper_env: dict[str, str], private_bus: str, tmp_path: Path
) -> None:
    pytest.importorskip("jeepney")
    env = dict(helper_env, DBUS_SESSION_BUS_ADDRESS=private_bus, WAYLAND_DISPLAY="wayland-test")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QWENVL_TEST_PORTAL_TIMEOUT_MS"] = "300"
    spawn("fake_portal.py", "silent", "800", "800", env=env).expect("ready")
    client = spawn("portal_client.py", str(tmp_path), env=env)
    report = json.loads(client.expect("{", timeout=20))
    assert "did not answer" in report["error"]
