"""The command line's language: chosen before the parser is built, so ``--help`` and argparse's
errors are already in it.

The ``language`` setting (``QWENVL_DESKTOP_LANGUAGE``, the settings files), else the system's
languages (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English — as the window
chooses (docs/translations.md). Qt-free: :mod:`qwenvl_desktop.core.i18n` reads the ``.qm``
itself, and only when the first sentence is translated.
"""

from __future__ import annotations

from qwenvl_desktop.core.i18n import Language, resolve_language, set_language, system_languages

__all__ = ["use_interface_language"]


def use_interface_language() -> Language:
    """Translate the command line's words into the interface language from now on; which one.

    The settings are loaded quietly here: their problems are reported by the command that loads
    them again (a bad file never stops the help from being shown).
    """
    from qwenvl_desktop.core.settings import load_settings

    try:
        setting = load_settings().settings.language
    except Exception:
        setting = None
    language = resolve_language(setting, system_languages())
    set_language(language)
    return language
