"""The Linux desktop entry, the AppStream metainfo and the icons agree with each other and with
the package (validated by the freedesktop tools when they are installed)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

import qwenvl_desktop

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
APP_ID = "io.github.qwenvl_desktop.QwenVLDesktop"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_an_installed_script_with_an_existing_icon() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    installed = set(scripts.get("scripts", {})) | set(scripts.get("gui-scripts", {}))
    assert entry["Exec"].split()[0] in installed
    assert entry["TryExec"] in installed
    icon = entry["Icon"]
    assert (ROOT / "resources" / f"{icon}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        png = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{icon}.png"
        with Image.open(png) as image:
            assert image.size == (size, size) and image.mode == "RGBA"


def test_metainfo_names_the_desktop_entry_license_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    license_ = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert root.findtext("project_license") == license_
    assert root.find("releases/release").get("version") == qwenvl_desktop.__version__  # type: ignore[union-attr]
    assert "No telemetry" in ET.tostring(root, encoding="unicode")


def test_windows_icon_exists() -> None:
    with Image.open(ROOT / "packaging" / "windows" / "qwenvl-desktop.ico") as ico:
        assert ico.format == "ICO"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_system_config_loads_without_problems() -> None:
    from qwenvl_desktop.core.settings import ConfigLocations, load_settings

    example = ROOT / "packaging" / "examples" / "system-config.toml"
    loaded = load_settings(
        environ={}, locations=ConfigLocations(example, example.with_name("absent.toml"))
    )
    assert loaded.problems == ()
    assert loaded.settings.locked == {"region", "base_url", "allowed_models", "history"}
    assert loaded.settings.model == "qwen3-vl-plus"
