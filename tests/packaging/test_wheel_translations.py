"""The compiled catalogs ship in the wheel and load from an installed copy: the core reads them
without Qt in a fresh environment, and Qt's ``QTranslator`` loads the installed files.

Builds the wheel alone (``pip wheel --no-deps``: hatchling from pip's cache or the index) and
installs it with ``--no-deps --no-index`` into a fresh virtual environment: the core needs no
dependency to read a catalog.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from qwenvl_desktop.core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


def test_the_installed_wheel_carries_and_loads_the_catalogs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QWENVL_"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    # GIVEN the wheel, with a compiled catalog per translated language
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        env=env,
        timeout=300,
    )
    [wheel] = tmp_path.glob("qwenvl_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    translated = [language for language in LANGUAGES if language != "en"]
    for language in translated:
        assert f"qwenvl_desktop/resources/translations/qwenvl_desktop_{language}.qm" in names

    # WHEN it is installed alone into a fresh environment
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], env=env, timeout=120)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], env=env
    ).stdout.strip()
    run(
        [
            sys.executable,
            *["-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target"],
            site,
            str(wheel),
        ],
        env=env,
        timeout=300,
    )

    # THEN the installed core (not this checkout) translates from the installed catalogs
    probe = (
        "import qwenvl_desktop.core.i18n as i18n\n"
        "for language in ('ja', 'zh_CN'):\n"
        "    i18n.set_language(language)\n"
        "    print(i18n.catalog_path(language), i18n.translate('MainWindow', '&File'))\n"
    )
    lines = run([str(python), "-c", probe], env=env, cwd=tmp_path, timeout=60).stdout.splitlines()
    paths = [Path(line.split()[0]) for line in lines]
    assert [line.split()[1] for line in lines] == ["ファイル(&F)", "文件(&F)"]
    assert all(path.is_relative_to(venv) for path in paths)
    # and Qt loads the same installed files
    for path in paths:
        translator = QTranslator()
        assert translator.load(str(path))
        assert translator.translate("MainWindow", "&Quit") in ("終了(&Q)", "退出(&Q)")
