#!/usr/bin/env python3
"""Build a wheelhouse: the project's wheel plus every dependency wheel, for offline installs.

Run it from any folder with the Python the targets will use (the same minor version: wheels are
tied to OS, architecture and Python minor version), given by its path, e.g. ``.venv/bin/python``
after ``packaging/install.sh``, ``/usr/bin/python3.11``, ``~/.pyenv/versions/3.12.1/bin/python3``
(a pyenv shim such as ``python3.12`` works only inside a folder that selects that version)::

    python packaging/build_wheelhouse.py                      # this machine's platform and Python
    python packaging/build_wheelhouse.py --platform win_amd64 --python-version 3.12
    python packaging/build_wheelhouse.py --platform macosx_11_0_arm64 --python-version 3.12

Then, on a machine without network::

    python3.12 -m venv venv
    venv/bin/pip install --no-index --find-links wheelhouse qwenvl-desktop

Needs network (PyPI) while building, and only wheels are taken (``--only-binary=:all:``), so the
target needs no compiler. pip evaluates ``sys_platform`` markers for the machine it runs on, not
for ``--platform``; the dependencies that differ by OS are added here by hand (see
``PLATFORM_EXTRAS``). Building on the target OS is always exact.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Dependencies behind ``sys_platform`` markers (keyring's), added when building for another OS.
PLATFORM_EXTRAS = {
    "win": ["pywin32-ctypes>=0.2.0"],
    "macosx": [],
    "manylinux": ["SecretStorage>=3.2", "jeepney>=0.4.2"],
}


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def build(
    dest: Path,
    *,
    platform: str | None,
    python_version: str | None,
    extras: list[str],
    project: Path = ROOT,
) -> Path:
    """Fill ``dest`` and return the project's wheel."""
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="qwenvl-wheel-") as tmp:
        _pip("wheel", "--no-deps", "--wheel-dir", tmp, str(project))
        [wheel] = Path(tmp).glob("qwenvl_desktop-*.whl")
        for old in dest.glob("qwenvl_desktop-*.whl"):
            old.unlink()
        target = dest / wheel.name
        shutil.copy2(wheel, target)
    requirement = f"{target}[{','.join(extras)}]" if extras else str(target)
    download = ["download", "--dest", str(dest), "--only-binary=:all:"]
    if platform or python_version:
        download += ["--implementation", "cp"]
    if platform:
        download += ["--platform", platform]
    if python_version:
        download += ["--python-version", python_version]
    extra_reqs: list[str] = []
    if platform:
        for prefix, reqs in PLATFORM_EXTRAS.items():
            if platform.startswith(prefix):
                extra_reqs = reqs
    _pip(*download, requirement, *extra_reqs)
    return target


def target_description(platform: str | None, python_version: str | None) -> str:
    """What the wheelhouse installs on: its wheels are tied to OS, architecture and Python minor."""
    python = python_version or f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"CPython {python} on {platform or sysconfig.get_platform()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dest", type=Path, default=ROOT / "wheelhouse", help="output folder (default wheelhouse/)"
    )
    parser.add_argument(
        "--platform",
        help="target platform tag, e.g. manylinux_2_28_x86_64, win_amd64, macosx_11_0_arm64 "
        "(default: this machine)",
    )
    parser.add_argument(
        "--python-version", help="target Python, e.g. 3.12 (default: the running one)"
    )
    parser.add_argument(
        "--extra", action="append", default=[], help="optional extras to include, e.g. heic"
    )
    args = parser.parse_args(argv)
    if importlib.util.find_spec("pip") is None:
        print(
            f"{sys.executable} has no pip. Run this script with a virtual environment's Python "
            "(e.g. .venv/bin/python after packaging/install.sh), or install python3-pip.",
            file=sys.stderr,
        )
        return 1
    wheel = build(
        args.dest, platform=args.platform, python_version=args.python_version, extras=args.extra
    )
    count = len(list(args.dest.glob("*.whl")))
    print(f"wheelhouse {args.dest}: {count} wheels, project wheel {wheel.name}")
    print(
        f"for {target_description(args.platform, args.python_version)}: install it with that "
        "Python minor version on that OS and architecture (see packaging/README.md)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
