"""packaging/install.sh without installing anything heavy: which Python it takes (on a PATH of
stand-in interpreters), and what the launcher, menu entry and icons add to a throwaway HOME and
what --uninstall takes away again. The real install (pip, PySide6) is proven by .ci/run.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "install.sh"
APP_ID = "io.github.qwenvl_desktop.QwenVLDesktop"
ICONS = sorted(
    p.relative_to(ROOT / "resources" / "icons" / "hicolor").as_posix()
    for p in (ROOT / "resources" / "icons" / "hicolor").glob("*/apps/qwenvl-desktop.*")
)
BASH = shutil.which("bash") or "/bin/bash"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a POSIX shell script")


def run_script(
    *args: str, env: dict[str, str], expect: int = 0
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [BASH, str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == expect, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


# -- which Python ----------------------------------------------------------------------------------


def stand_in_python(path: Path, version: str, executable: str, level: str = "final") -> Path:
    """A script that answers the install script's probe as a Python of ``version`` would; it has
    no ensurepip when ``executable`` says so."""
    major, minor, micro = version.split(".")
    path.parent.mkdir(parents=True, exist_ok=True)
    no_ensurepip = "no-ensurepip" in executable
    path.write_text(
        "#!/bin/sh\n"
        + ('case "$*" in *ensurepip*) exit 1 ;; esac\n' if no_ensurepip else "")
        + f'echo "{major} {minor} {micro} {level} {executable}"\n'
    )
    path.chmod(0o755)
    return path


def broken_shim(path: Path) -> None:
    """What a pyenv shim does outside the folder that selects its version."""
    path.write_text('#!/bin/sh\necho "pyenv: python3.13: command not found" >&2\nexit 127\n')
    path.chmod(0o755)


def builtins_only_env(home: Path, bindir: Path, **extra: str) -> dict[str, str]:
    """Nothing on PATH but the stand-ins: the choice uses shell builtins only."""
    return {"HOME": str(home), "PATH": str(bindir), **extra}


def test_the_newest_final_python_is_taken_from_path_or_pyenv_and_named_in_one_line(
    tmp_path: Path,
) -> None:
    # GIVEN Debian's 3.11, a 3.12, a 3.10, a pyenv shim that fails here, a 3.14 alpha, a
    # python3.12-config that is no interpreter, and pyenv's 3.13 off PATH
    bindir = tmp_path / "bin"
    stand_in_python(bindir / "python3", "3.11.2", "/usr/bin/python3.11")
    stand_in_python(bindir / "python3.11", "3.11.2", "/usr/bin/python3.11")
    stand_in_python(bindir / "python3.12", "3.12.3", "/usr/bin/python3.12")
    stand_in_python(bindir / "python3.10", "3.10.12", "/usr/bin/python3.10")
    stand_in_python(bindir / "python3.14", "3.14.0", "/opt/py314/bin/python3.14", level="alpha")
    stand_in_python(bindir / "python3.12-config", "3.99.0", "/not/an/interpreter")
    broken_shim(bindir / "python3.13")
    home = tmp_path / "home"
    stand_in_python(
        home / ".pyenv" / "versions" / "3.13.1" / "bin" / "python3",
        "3.13.1",
        "/home/u/.pyenv/versions/3.13.1/bin/python3.13",
    )

    # WHEN the script is asked which Python an install would use
    result = run_script("--which-python", env=builtins_only_env(home, bindir))

    # THEN pyenv's 3.13.1 (the newest final release), with the others named once
    assert result.stdout == "/home/u/.pyenv/versions/3.13.1/bin/python3.13\n"
    assert result.stderr == (
        "Using Python 3.13.1 (/home/u/.pyenv/versions/3.13.1/bin/python3.13): the newest found "
        "(also found: 3.11.2, 3.12.3); PySide6 6.12\n"
    )


def test_on_stock_debian_12_the_system_311_is_taken_and_the_line_says_pyside6_611(
    tmp_path: Path,
) -> None:
    bindir = tmp_path / "bin"
    stand_in_python(bindir / "python3", "3.11.2", "/usr/bin/python3.11")
    stand_in_python(bindir / "python3.11", "3.11.2", "/usr/bin/python3.11")

    result = run_script("--which-python", env=builtins_only_env(tmp_path / "home", bindir))

    assert result.stdout == "/usr/bin/python3.11\n"
    assert result.stderr == (
        "Using Python 3.11.2 (/usr/bin/python3.11): the newest found; "
        "on 3.11 the dependency markers choose PySide6 6.11 (6.12 is for 3.12+)\n"
    )


def test_python_set_by_the_user_wins_over_a_newer_one(tmp_path: Path) -> None:
    bindir = tmp_path / "bin"
    stand_in_python(bindir / "python3.13", "3.13.1", "/usr/bin/python3.13")
    chosen = stand_in_python(tmp_path / "py" / "python3.11", "3.11.9", "/opt/py/python3.11")

    env = builtins_only_env(tmp_path / "home", bindir, PYTHON=str(chosen))
    result = run_script("--which-python", env=env)

    assert result.stdout == "/opt/py/python3.11\n"
    assert f"Using Python 3.11.9 (/opt/py/python3.11): set by PYTHON={chosen}" in result.stderr


def test_python_older_than_311_is_refused_with_the_version(tmp_path: Path) -> None:
    old = stand_in_python(tmp_path / "py" / "python3.10", "3.10.12", "/usr/bin/python3.10")

    env = builtins_only_env(tmp_path / "home", tmp_path / "bin", PYTHON=str(old))
    result = run_script("--which-python", env=env, expect=1)

    assert "is Python 3.10.12; 3.11 or newer is needed" in result.stderr
    assert result.stdout == ""


def test_no_python_at_all_says_what_to_install(tmp_path: Path) -> None:
    bindir = tmp_path / "bin"
    stand_in_python(bindir / "python3", "3.9.2", "/usr/bin/python3.9")

    result = run_script(
        "--which-python", env=builtins_only_env(tmp_path / "home", bindir), expect=1
    )

    assert "no Python 3.11 or newer found" in result.stderr
    assert "apt install python3 python3-venv" in result.stderr


def test_a_python_without_ensurepip_names_the_debian_package_and_makes_nothing(
    tmp_path: Path,
) -> None:
    # GIVEN Debian 12's Python without python3.11-venv, and no apt allowed
    bindir = tmp_path / "bin"
    stand_in_python(bindir / "python3.11", "3.11.2", "/usr/bin/python3.11-no-ensurepip")
    venv = tmp_path / "venv"
    env = builtins_only_env(tmp_path / "home", bindir, QWENVL_VENV=str(venv), QWENVL_NO_APT="1")

    # WHEN installing
    result = run_script(env=env, expect=1)

    # THEN the choice, then one sentence with the package to install; no environment
    assert result.stdout.startswith("Using Python 3.11.2 (/usr/bin/python3.11-no-ensurepip)")
    assert "cannot make virtual environments (no ensurepip)" in result.stderr
    assert "sudo apt install python3.11-venv" in result.stderr
    assert not venv.exists()


@pytest.mark.parametrize("args", [["--bogus"], ["--purge"], ["--desktop-only", "--purge"]])
def test_unknown_or_lone_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = run_script(*args, env=builtins_only_env(tmp_path, tmp_path), expect=2)
    assert "usage:" in result.stderr or "--purge goes with --uninstall" in result.stderr


# -- launcher, menu entry, icons, uninstall ------------------------------------------------------


def fake_environment(venv: Path) -> Path:
    """A virtual environment's outline whose qwenvl-desktop records what it is asked."""
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n")
    calls = venv.parent / "calls.log"
    for name in ("qwenvl-desktop", "qwenvl-desktop-gui"):
        script = venv / "bin" / name
        script.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\necho "qwenvl-desktop 0.0"\n')
        script.chmod(0o755)
    return calls


def user_home(tmp_path: Path) -> Path:
    """A HOME with another app's launcher, menu entry and icon, and this app's settings and
    history from earlier use."""
    home = tmp_path / "home"
    files = {
        ".local/bin/other-tool": "#!/bin/sh\n",
        ".local/share/applications/org.example.Other.desktop": "[Desktop Entry]\n",
        ".local/share/icons/hicolor/48x48/apps/other.png": "png",
        ".config/qwenvl-desktop/config.toml": 'region = "intl"\n',
        ".local/share/qwenvl-desktop/history.db": "sqlite",
    }
    for relative, text in files.items():
        path = home / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return home


def tree(home: Path) -> dict[str, bytes]:
    """Every file and link below ``home``: a link maps to its target, a file to its bytes."""
    found = {}
    for path in sorted(home.rglob("*")):
        if path.is_symlink():
            found[path.relative_to(home).as_posix()] = b"-> " + os.fsencode(os.readlink(path))
        elif path.is_file():
            found[path.relative_to(home).as_posix()] = path.read_bytes()
    return found


def desktop_env(home: Path, venv: Path, **extra: str) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QWENVL_VENV": str(venv),
        **extra,
    }


def test_desktop_integration_adds_launcher_entry_and_icons_and_uninstall_removes_exactly_them(
    tmp_path: Path,
) -> None:
    # GIVEN an environment in a folder with a space, and a HOME already in use
    venv = tmp_path / "my apps" / "qwenvl"
    calls = fake_environment(venv)
    home = user_home(tmp_path)
    before = tree(home)
    env = desktop_env(home, venv)

    # WHEN the launcher, menu entry and icons are installed
    run_script("--desktop-only", env=env)

    # THEN exactly those were added
    after = tree(home)
    added = sorted(set(after) - set(before))
    assert added == sorted(
        [
            ".local/bin/qwenvl-desktop",
            f".local/share/applications/{APP_ID}.desktop",
            *(f".local/share/icons/hicolor/{icon}" for icon in ICONS),
        ]
    )
    assert {k: after[k] for k in before} == before
    assert len(ICONS) >= 8 and "scalable/apps/qwenvl-desktop.svg" in ICONS
    # the launcher runs the environment's command from anywhere
    assert after[".local/bin/qwenvl-desktop"] == os.fsencode(f"-> {venv}/bin/qwenvl-desktop")
    for icon in ICONS:
        shipped_icon = ROOT / "resources" / "icons" / "hicolor" / icon
        assert after[f".local/share/icons/hicolor/{icon}"] == shipped_icon.read_bytes()
    version = subprocess.run(
        [str(home / ".local/bin/qwenvl-desktop"), "--version"], capture_output=True, text=True
    )
    assert version.stdout == "qwenvl-desktop 0.0\n"
    # the menu entry starts the environment's window script by its absolute path (quoted: a space)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(after[f".local/share/applications/{APP_ID}.desktop"].decode())
    template = configparser.ConfigParser(interpolation=None)
    template.optionxform = str  # type: ignore[assignment,method-assign]
    template.read(ROOT / "resources" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    installed, shipped = dict(entry["Desktop Entry"]), dict(template["Desktop Entry"])
    assert installed.pop("Exec") == f'"{venv}/bin/qwenvl-desktop-gui"'
    assert installed.pop("TryExec") == f"{venv}/bin/qwenvl-desktop-gui"
    assert {k: v for k, v in shipped.items() if k not in ("Exec", "TryExec")} == installed
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(home / f".local/share/applications/{APP_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout

    # WHEN uninstalled
    result = run_script("--uninstall", env=env)

    # THEN HOME holds what it held before (settings and history kept), the environment is gone,
    # and no key was touched (the one call is the --version above)
    assert tree(home) == before
    assert not venv.exists()
    assert calls.read_text() == "--version\n"
    assert "Kept: the settings in" in result.stdout and "the history in" in result.stdout


def test_uninstall_purge_also_deletes_settings_history_and_each_regions_key(
    tmp_path: Path,
) -> None:
    venv = tmp_path / "venv"
    calls = fake_environment(venv)
    home = user_home(tmp_path)
    env = desktop_env(home, venv)
    run_script("--desktop-only", env=env)

    run_script("--uninstall", "--purge", env=env)

    assert calls.read_text().splitlines() == [
        f"key delete --region {region}" for region in ("intl", "us", "cn", "hk")
    ]
    assert sorted(tree(home)) == [
        ".local/bin/other-tool",
        ".local/share/applications/org.example.Other.desktop",
        ".local/share/icons/hicolor/48x48/apps/other.png",
    ]
    assert not venv.exists()


def test_xdg_folders_are_honoured_and_another_installs_files_are_left_alone(
    tmp_path: Path,
) -> None:
    # GIVEN XDG folders elsewhere, a qwenvl-desktop launcher that is a real file (another
    # install's), and a menu entry that starts another environment
    venv = tmp_path / "venv"
    fake_environment(venv)
    home = tmp_path / "home"
    bin_home, data_home = tmp_path / "xdg-bin", tmp_path / "xdg-data"
    other_launcher = bin_home / "qwenvl-desktop"
    other_launcher.parent.mkdir(parents=True)
    other_launcher.write_text("#!/bin/sh\n# pipx\n")
    env = desktop_env(home, venv, XDG_BIN_HOME=str(bin_home), XDG_DATA_HOME=str(data_home))

    installed = run_script("--desktop-only", env=env)
    assert "is not a link made by this script; left as it is" in installed.stdout
    assert other_launcher.read_text() == "#!/bin/sh\n# pipx\n"
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert f"TryExec={venv}/bin/qwenvl-desktop-gui\n" in entry.read_text()
    assert (data_home / "icons" / "hicolor" / ICONS[0]).is_file()
    assert not (home / ".local").exists()

    # WHEN another environment's uninstall runs
    other_venv = tmp_path / "other-venv"
    fake_environment(other_venv)
    result = run_script("--uninstall", env={**env, "QWENVL_VENV": str(other_venv)})

    # THEN the launcher and menu entry it did not make stay
    assert other_launcher.is_file() and entry.is_file()
    assert "kept" in result.stdout and "starts another installation" in result.stdout
