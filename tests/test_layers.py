"""The Qt-free modules stay Qt-free when imported on their own, in a fresh interpreter.

``lint-imports`` (pyproject's ``[tool.importlinter]``) checks the import graph as written; this
checks what really loads: a package ``__init__`` that re-exports a Qt module eagerly would make
importing the Qt-free module beside it load PySide6, which no static rule about that module sees.
Each module is imported alone in a new process, which then reports the Qt modules it holds.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import qwenvl_desktop.core

#: Qt-free modules outside ``core`` (where they live is their layer's business, not Qt's).
QT_FREE_ELSEWHERE = [
    "qwenvl_desktop",
    "qwenvl_desktop.launcher",
    "qwenvl_desktop.cli",
    "qwenvl_desktop.cli.main",
    "qwenvl_desktop.cli.options",
    "qwenvl_desktop.platform.clipboard.dedup",
    "qwenvl_desktop.gui.transcript.markdown_stream",
]
QT = ("PySide6", "shiboken6", "qasync")

#: Imports argv[1]..., then prints the Qt modules and the heavy libraries it holds, as JSON.
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules
                        if m.split(".")[0] in ("PySide6", "shiboken6", "qasync", "httpx"))))
"""


def core_modules() -> list[str]:
    return [
        "qwenvl_desktop.core",
        *sorted(
            info.name
            for info in pkgutil.walk_packages(
                qwenvl_desktop.core.__path__, prefix="qwenvl_desktop.core."
            )
        ),
    ]


def loaded_after_importing(*modules: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("module", core_modules() + QT_FREE_ELSEWHERE)
def test_given_a_qt_free_module_when_imported_alone_then_no_qt_is_loaded(module: str) -> None:
    assert loaded_after_importing(module).isdisjoint(QT)


def test_the_core_is_found_whole() -> None:
    """The list above cannot silently shrink to nothing (a wrong path would pass every check)."""
    modules = core_modules()
    assert "qwenvl_desktop.core.protocol.sse" in modules
    assert "qwenvl_desktop.core.history.store" in modules
    assert len(modules) > 40


def test_given_the_protocol_package_when_imported_then_httpx_is_not_loaded() -> None:
    # The catalog, requests and errors are what the window's first frame and --help need;
    # httpx (about 0.1 s) waits for the first request.
    assert "httpx" not in loaded_after_importing("qwenvl_desktop.core.protocol")


def test_given_a_qt_module_when_imported_then_the_probe_reports_qt() -> None:
    """The probe can fail: a module that loads Qt is reported as such."""
    assert "PySide6" in loaded_after_importing("qwenvl_desktop.platform.clipboard.reading")
