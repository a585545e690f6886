"""The sentences the services make follow the interface language (issue 12).

GIVEN a catalog compiled at run time by ``pyside6-lrelease`` from a small ``.ts`` (so the test
does not depend on the shipped translations being merged yet) and the core set to Japanese WHEN
the preferences service says where a value comes from, what the save did and which region a key
belongs to, and the batch dialog is shown and told the language changed THEN the words come
from that catalog — and English again once the language is English.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core import i18n
from qwenvl_desktop.core.settings import ConfigLocations, Settings, load_settings
from qwenvl_desktop.gui.batch_dialog import BatchDialog
from qwenvl_desktop.services.batch import BatchRun
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.keys import KeyService, region_city
from qwenvl_desktop.services.preferences import PreferencesService

#: (context, English, the test's Japanese): a few of the services' own sentences
MESSAGES = (
    ("PreferencesService", "Environment variable %1", "環境変数 %1"),
    ("PreferencesService", "Default", "既定値"),
    ("PreferencesService", "Nothing changed.", "変更はありません。"),
    (
        "PreferencesService",
        "%1 is set in the environment and wins: a value saved here is used once it is unset.",
        "環境変数 %1 が優先されます。",
    ),
    ("Regions", "Singapore", "シンガポール"),
    ("BatchDialog", "Start", "開始"),
    ("BatchDialog", "Not started", "未開始"),
    ("ResultsModel", "Answer", "回答"),
)


def compile_catalog(folder: Path) -> Path:
    """A ``.qm`` with :data:`MESSAGES`, made by Qt's own compiler."""
    contexts: dict[str, list[tuple[str, str]]] = {}
    for context, source, translation in MESSAGES:
        contexts.setdefault(context, []).append((source, translation))
    body = "".join(
        f"<context><name>{escape(name)}</name>"
        + "".join(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(translation)}</translation></message>"
            for source, translation in messages
        )
        + "</context>"
        for name, messages in contexts.items()
    )
    ts = folder / "test_ja.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="ja" sourcelanguage="en">{body}</TS>',
        encoding="utf-8",
    )
    qm = folder / "test_ja.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return qm


@pytest.fixture
def japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The core reads the test's catalog for Japanese; English again afterwards."""
    qm = compile_catalog(tmp_path)
    monkeypatch.setattr(i18n, "catalog_path", lambda language: qm)
    i18n.set_language("ja")
    try:
        yield qm
    finally:
        i18n.set_language("en")


def service(tmp_path: Path, environ: dict[str, str]) -> PreferencesService:
    (tmp_path / "etc").mkdir(exist_ok=True)
    locations = ConfigLocations(tmp_path / "etc" / "config.toml", tmp_path / "user.toml")
    loaded = load_settings(None, environ, locations=locations)
    return PreferencesService(loaded, locations=locations, environ=environ)


@pytest.mark.gui
def test_the_preferences_service_words_origins_in_the_interface_language(
    japanese: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    prefs = service(tmp_path, {"QWENVL_DESKTOP_THEME": "dark"})
    theme = prefs.field("theme")
    assert theme.origin == "環境変数 QWENVL_DESKTOP_THEME"
    assert theme.overridden_by == "環境変数 QWENVL_DESKTOP_THEME が優先されます。"
    assert prefs.field("model").origin == "既定値"
    assert region_city("intl") == "シンガポール"
    assert region_city("cn") == "Beijing"  # not in the test's catalog: English
    i18n.set_language("en")
    assert prefs.field("theme").origin == "Environment variable QWENVL_DESKTOP_THEME"
    assert region_city("intl") == "Singapore"


@pytest.mark.gui
def test_saving_nothing_says_so_in_the_interface_language(
    japanese: Path, tmp_path: Path, qloop: AppEventLoop, qtbot: QtBot
) -> None:
    task = service(tmp_path, {}).save({})
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.result().message == "変更はありません。"


@pytest.mark.gui
def test_the_batch_dialog_retranslates_when_the_language_changes(
    japanese: Path, qapp: QApplication, qtbot: QtBot
) -> None:
    run = BatchRun(KeyService())
    dialog = BatchDialog(
        run,
        models=[],
        current_model="",
        region_label="",
        settings_for=lambda name: Settings(),
        open_result=lambda result: None,
    )
    qtbot.addWidget(dialog)
    assert dialog.start_button.text() == "Start"
    translator = QTranslator()
    assert translator.load(str(japanese))
    QCoreApplication.installTranslator(translator)  # Qt sends LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: dialog.start_button.text() == "開始", timeout=2000)
        assert dialog.progress_label.text() == "未開始"
        assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "回答"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.start_button.text() == "Start", timeout=2000)
    assert dialog.progress_label.text() == "Not started"
