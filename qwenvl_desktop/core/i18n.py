"""The interface language: which one (:func:`resolve_language`) and the core's translated sentences
(:func:`translate`), without Qt.

One catalog per language serves the whole app (docs/decisions/0018-translations.md): the Qt
Linguist source ``resources/translations/qwenvl_desktop_<language>.ts`` is where a translator
works; ``pyside6-lrelease`` compiles it to the ``.qm`` next to it. The window loads that ``.qm``
into a ``QTranslator`` (:mod:`qwenvl_desktop.gui.i18n`); the Qt-free core and the command line
read the same file here — the ``.qm`` format is a flat list of tagged records (context, source
text, comment, UTF-16 translation), a few dozen lines to read, and a test holds this reader equal
to ``QTranslator`` for every message.

Code marks a sentence with ``translate("Context", "Source text")`` — the name ``pyside6-lupdate``
extracts, in the core as in the widgets (``QCoreApplication.translate``). A sentence made before
the language is known (a module constant) is marked with ``QT_TRANSLATE_NOOP``-style
:func:`translatable` and translated where it is shown.

English is the source language: nothing is loaded for it.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final, Literal

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "Catalog",
    "CatalogError",
    "Language",
    "catalog_path",
    "current_language",
    "language_from_tag",
    "read_qm",
    "resolve_language",
    "set_language",
    "system_languages",
    "translatable",
    "translate",
]

Language = Literal["en", "ja", "zh_CN"]

ENGLISH: Final[Language] = "en"
#: the interface languages shipped: English (the source) and the two catalogs
LANGUAGES: Final[tuple[Language, ...]] = ("en", "ja", "zh_CN")
#: each language in its own words (what a language menu shows; never translated)
LANGUAGE_NAMES: Final[Mapping[Language, str]] = {
    "en": "English",
    "ja": "日本語",
    "zh_CN": "简体中文",
}

#: the environment variables the C library consults for the messages' language, in its order
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: Traditional Chinese scripts and regions: not Simplified Chinese (no catalog yet), so English
_TRADITIONAL_CHINESE = frozenset({"tw", "hk", "mo", "hant"})


def language_from_tag(tag: str) -> Language | None:
    """The shipped language a locale or language tag asks for, or None for one not shipped.

    ``ja_JP.UTF-8`` and ``ja-JP`` → ``ja``; ``zh_CN``, ``zh-Hans``, ``zh_SG`` and a bare ``zh`` →
    ``zh_CN``; ``en_GB`` and ``C``/``POSIX`` → ``en``; ``zh_TW``, ``zh-Hant``, ``fr`` → None.
    """
    text = tag.strip().split(".", 1)[0].split("@", 1)[0]
    if text in ("C", "POSIX"):
        return ENGLISH
    parts = [part.lower() for part in text.replace("-", "_").split("_") if part]
    if not parts:
        return None
    if parts[0] == "ja":
        return "ja"
    if parts[0] == "en":
        return ENGLISH
    if parts[0] == "zh":
        return None if _TRADITIONAL_CHINESE.intersection(parts[1:]) else "zh_CN"
    return None


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The person's languages as the OS says, most wanted first (locale tags, not yet mapped).

    Unix: ``LANGUAGE`` (a colon list), ``LC_ALL``, ``LC_MESSAGES``, ``LANG``. Windows adds the
    user's UI language. (The window asks Qt instead: ``QLocale.system().uiLanguages()`` also
    knows macOS's list.)
    """
    environ = os.environ if environ is None else environ
    found: list[str] = []
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            found.extend(part for part in value.split(":") if part)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        found.extend(_windows_ui_languages())
    return found


def _windows_ui_languages() -> list[str]:  # pragma: no cover - Windows only
    import ctypes
    import locale

    lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    name = locale.windows_locale.get(int(lcid))
    return [name] if name else []


def resolve_language(setting: str | None, system: Iterable[str]) -> Language:
    """The language to show: the ``language`` setting (from the command line, the environment's
    ``QWENVL_DESKTOP_LANGUAGE`` or a settings file; None or ``"system"``: not set), else the first
    of the system's languages (``system``) that is shipped, else English."""
    if setting is not None and setting.strip().lower() != "system":
        chosen = language_from_tag(setting)
        if chosen is not None:
            return chosen
    for tag in system:
        chosen = language_from_tag(tag)
        if chosen is not None:
            return chosen
    return ENGLISH


# -- the compiled catalog ------------------------------------------------------------------------


class CatalogError(ValueError):
    """A ``.qm`` file that is not one (or is cut short)."""


_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_SECTION_MESSAGES = 0x69
# record tags inside the messages section (qtranslator.cpp)
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 6, 7, 8


class Catalog:
    """One language's translations: (context, source text, disambiguation) → translation forms
    (one for Japanese and Chinese, which have no plural forms). A plain class: dataclasses is
    not otherwise imported before the first frame."""

    __slots__ = ("language", "messages")

    def __init__(
        self, language: str, messages: Mapping[tuple[str, str, str], tuple[str, ...]]
    ) -> None:
        self.language = language
        self.messages = messages

    def lookup(self, context: str, source: str, disambiguation: str = "") -> str | None:
        """The translation, as ``QTranslator`` finds it: lrelease keeps a disambiguation only
        where it tells two messages apart, so a message is also looked up without it."""
        forms = self.messages.get((context, source, disambiguation))
        if forms is None and disambiguation:
            forms = self.messages.get((context, source, ""))
        return forms[0] if forms and forms[0] else None


def read_qm(data: bytes, language: str = "") -> Catalog:
    """The messages of a ``.qm`` file written by ``lrelease`` (which keeps each message's context
    and source text, so no hash table is needed here)."""
    if not data.startswith(_QM_MAGIC):
        raise CatalogError("not a Qt translation file (.qm)")
    offset = len(_QM_MAGIC)
    messages: dict[tuple[str, str, str], tuple[str, ...]] = {}
    try:
        while offset < len(data):
            tag = data[offset]
            (length,) = struct.unpack_from(">I", data, offset + 1)
            start = offset + 5
            if start + length > len(data):  # cut short: slicing would quietly read less
                raise IndexError("a section runs past the end of the file")
            if tag == _SECTION_MESSAGES:
                _read_messages(data[start : start + length], messages)
            offset = start + length
    except (struct.error, IndexError, UnicodeDecodeError) as error:
        raise CatalogError(f"the translation file is damaged ({error})") from None
    return Catalog(language, messages)


def _read_messages(block: bytes, into: dict[tuple[str, str, str], tuple[str, ...]]) -> None:
    offset = 0
    forms: list[str] = []
    context = source = comment = ""
    while offset < len(block):
        tag = block[offset]
        offset += 1
        if tag == _TAG_END:
            into[(context, source, comment)] = tuple(forms)
            forms, context, source, comment = [], "", "", ""
        elif tag == _TAG_OBSOLETE1:
            offset += 4
        elif tag in (_TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
            (length,) = struct.unpack_from(">I", block, offset)
            offset += 4
            if length != 0xFFFFFFFF and offset + length > len(block):
                raise IndexError("a message runs past the end of its section")
            if tag == _TAG_TRANSLATION:
                if length == 0xFFFFFFFF:  # a null translation
                    continue
                forms.append(block[offset : offset + length].decode("utf-16-be"))
            else:
                text = block[offset : offset + length].decode("utf-8")
                if tag == _TAG_SOURCE:
                    source = text
                elif tag == _TAG_CONTEXT:
                    context = text
                else:
                    comment = text
            offset += length
        else:
            raise CatalogError(f"unknown record {tag} in the translation file")


def catalog_path(language: Language) -> Path:
    """The compiled catalog of ``language`` (``ja``, ``zh_CN``) shipped with the app."""
    from qwenvl_desktop.core.assets import asset_path

    return asset_path(f"translations/qwenvl_desktop_{language}.qm")


# -- the language in use -------------------------------------------------------------------------


class _State:
    language: Language = ENGLISH
    #: read at the first translate() (None: not yet, or English)
    catalog: Catalog | None = None


def set_language(language: Language) -> None:
    """Translate the core's sentences into ``language`` from now on (English: none loaded).

    The window calls this with the translators it installs; the command line at its start. The
    catalog is read when the first sentence is translated, not before the window's first frame.
    """
    if language != _State.language:
        _State.language = language
        _State.catalog = None


def _catalog() -> Catalog | None:
    language = _State.language
    if language == ENGLISH:
        return None
    if _State.catalog is None or _State.catalog.language != language:
        try:
            _State.catalog = read_qm(catalog_path(language).read_bytes(), language)
        except (OSError, CatalogError) as error:
            # English words beat no words: say so once, then keep to the source texts.
            import logging

            logging.getLogger(__name__).warning(
                "the %s translation cannot be read (%s): English is shown", language, error
            )
            _State.catalog = Catalog(language, {})
    return _State.catalog


def current_language() -> Language:
    return _State.language


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the current language (itself when English or not translated yet), like
    ``QCoreApplication.translate``: ``%n`` becomes ``n`` when ``n`` is given."""
    catalog = _catalog()
    text = None if catalog is None else catalog.lookup(context, source, disambiguation or "")
    text = source if text is None else text
    return text.replace("%n", str(n)) if n >= 0 else text


def translatable(context: str, source: str) -> str:
    """Marks ``source`` for the catalog (``lupdate`` reads ``QT_TRANSLATE_NOOP``, which
    ``packaging/translations.py`` maps to this name) and returns it unchanged: translate it with
    :func:`translate` (same context) where it is shown."""
    del context
    return source
