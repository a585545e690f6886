"""The offline path, end to end: build the wheelhouse, install it into a fresh virtual environment
with ``--no-index``, then run the installed command against the loopback server, configured by a
system-wide file.

Building the wheelhouse needs PyPI (pip's cache makes reruns fast); the install must not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import qwenvl_desktop
from tests.support.dashscope_server import LoopbackDashScope

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def offline_env(**extra: str) -> dict[str, str]:
    """The environment without any pip configuration that could reach an index or other wheels."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PIP_", "DASHSCOPE_API_KEY", "QWENVL_DESKTOP_", "PYTHON"))
        and k not in ("VIRTUAL_ENV",)
    }
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


def test_offline_install_runs_version_and_ask(
    tmp_path: Path, threaded_server: LoopbackDashScope, test_key: str
) -> None:
    started = time.monotonic()
    wheelhouse = tmp_path / "wheelhouse"
    build = run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_wheelhouse.py"),
            "--dest",
            str(wheelhouse),
        ],
        cwd=tmp_path,
        timeout=600,
    )
    assert "project wheel qwenvl_desktop-" in build.stdout

    # GIVEN the wheel: it carries every runtime asset
    [wheel] = wheelhouse.glob("qwenvl_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "qwenvl_desktop/core/protocol/catalog.toml" in names
    assets = {
        "qwenvl_desktop/resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    assert "qwenvl_desktop/resources/qwenvl-desktop.svg" in assets
    assert assets <= names, sorted(assets - names)
    assert not any(n.startswith(("tests/", "packaging/")) for n in names)

    # WHEN it is installed into a fresh environment with no index
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], env=offline_env(), timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(wheelhouse),
            "qwenvl-desktop",
        ],
        env=offline_env(),
        cwd=tmp_path,
        timeout=600,
    )

    # THEN the installed package (not this checkout) runs, with its assets
    home = tmp_path / "home"
    etc = tmp_path / "etc-xdg"
    (etc / "qwenvl-desktop").mkdir(parents=True)
    home.mkdir()
    (etc / "qwenvl-desktop" / "config.toml").write_text(
        f'base_url = "{threaded_server.base_url("echo")}"\n'
        'model = "qwen3-vl-flash"\n'
        'locked = ["base_url"]\n'
    )
    env = offline_env(
        HOME=str(home),
        XDG_CONFIG_DIRS=str(etc),
        XDG_CONFIG_HOME=str(home / ".config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    probe = run(
        [
            str(python),
            "-c",
            "import qwenvl_desktop, importlib.resources as r;"
            "print(qwenvl_desktop.__file__);"
            "print(r.files('qwenvl_desktop').joinpath('resources/qwenvl-desktop.svg').is_file())",
        ],
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    location, has_icon = probe.stdout.split()
    assert Path(location).is_relative_to(venv) and has_icon == "True"

    command = str(bindir / "qwenvl-desktop")
    version = run([command, "--version"], env=env, cwd=tmp_path, timeout=60)
    assert version.stdout.strip() == f"qwenvl-desktop {qwenvl_desktop.__version__}"

    paths = run([command, "config", "path"], env=env, cwd=tmp_path, timeout=60)
    assert f"{etc / 'qwenvl-desktop' / 'config.toml'}  (read)" in paths.stdout

    env["DASHSCOPE_API_KEY"] = test_key
    asked = run([command, "ask", "What is in the image?"], env=env, cwd=tmp_path, timeout=120)
    assert "turns=1 images=0" in asked.stdout
    assert "What is in the image?" in asked.stdout
    [request] = threaded_server.chat_requests("echo")
    assert request.body["model"] == "qwen3-vl-flash"  # from the system file
    assert request.authorization == f"Bearer {test_key}"
    assert test_key not in asked.stdout + asked.stderr
    print(f"offline install path: {time.monotonic() - started:.1f} s")
