"""Installing the interface language into Qt: the app's catalog and Qt's own (``qtbase``).

:func:`install_language` replaces the translators of the previous language; Qt then sends
``QEvent.LanguageChange`` to every widget, and each widget that shows words sets them again in
its ``retranslate()`` (called from ``__init__`` and from ``changeEvent``) — the window follows a
change made in Preferences without a restart. The core's sentences switch with it
(:func:`qwenvl_desktop.core.i18n.set_language`: the same catalog, read without Qt).

English loads nothing (the source texts are English), so the common start costs no file read.
Qt's ``qtbase_<language>.qm`` from PySide6's translations folder translates Qt's standard buttons
(OK, Cancel, Apply) and dialogs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qwenvl_desktop.core.i18n import (
    ENGLISH,
    Language,
    catalog_path,
    current_language,
    resolve_language,
    set_language,
    system_languages,
)

__all__ = [
    "apply_language_setting",
    "install_language",
    "installed_language",
    "language_for_setting",
]

log = logging.getLogger(__name__)

#: the translators installed now (kept referenced: Qt does not own them)
_installed: list[QTranslator] = []
_language: list[Language] = [ENGLISH]


def language_for_setting(setting: str | None) -> Language:
    """The language the ``language`` setting asks for; when it says "system", the first shipped
    one of the system's UI languages (``QLocale.system()``: LANGUAGE/LC_MESSAGES/LANG on Linux,
    the user's list on Windows and macOS), else English."""
    system = [*QLocale.system().uiLanguages(), *system_languages()]
    return resolve_language(setting, system)


def apply_language_setting(setting: str | None) -> Language:
    """The ``language`` setting, applied: the translators of the language it resolves to
    (:func:`language_for_setting`), and the default ``QLocale`` the window's figures and dates
    follow (``gui/locale_format.py``) — the chosen language's, or the system's when the setting
    says "system" (a German desktop with the English interface keeps German figures)."""
    language = language_for_setting(setting)
    install_language(language)
    chosen = setting is not None and setting.strip().lower() != "system"
    QLocale.setDefault(QLocale(language) if chosen else QLocale.system())
    return language


def installed_language() -> Language:
    """The language the interface shows now."""
    return _language[0]


def install_language(language: Language) -> bool:
    """Show the interface in ``language`` from now on; True when anything changed.

    A catalog that cannot be loaded leaves the interface in English (logged): words in English
    beat a window that does not start.
    """
    if language == _language[0] and language == current_language():
        return False
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != ENGLISH:
        try:
            set_language(language)
            _installed.extend(_load_translators(language))
        except (OSError, ValueError) as error:
            log.warning(
                "the %s translation cannot be loaded (%s): English is shown", language, error
            )
            set_language(ENGLISH)
            language = ENGLISH
    else:
        set_language(ENGLISH)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    _language[0] = language
    return True


def _load_translators(language: Language) -> list[QTranslator]:
    ours = QTranslator()
    path = catalog_path(language)
    if not ours.load(str(path)):
        raise OSError(f"{path} is not a translation file Qt can load")
    translators = [ours]
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    # Missing in a slimmed bundle: our own words still show; Qt's buttons stay English.
    if qtbase.load(f"qtbase_{language}", qt_folder):
        translators.append(qtbase)
    else:
        log.info("Qt's own %s translation is not in %s", language, qt_folder)
    return translators
