"""The catalogs (resources/translations): complete, current with the code, well formed, and read
by the core exactly as written.

A new ``translate(...)`` in the code without a translation fails here (the catalog is behind: run
``python packaging/translations.py``, translate, compile); so does an entry left unfinished or
obsolete, a lost ``%1`` or a lost keyboard accelerator.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from qwenvl_desktop.core.i18n import catalog_path, read_qm

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    """packaging/translations.py, the extract/compile script (not a package module)."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script()

LANGUAGES = ("ja", "zh_CN")


def messages(language: str) -> list[tuple[str, str, str, ET.Element]]:
    """(context, source, comment, <translation>) of each message of the ``.ts``."""
    root = ET.parse(translations.catalog(language)).getroot()
    assert root.get("language") == language and root.get("sourcelanguage") == "en"
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            source = message.findtext("source") or ""
            found.append((name, source, message.findtext("comment") or "", translation))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_unfinished_obsolete_or_empty(language: str) -> None:
    entries = messages(language)
    assert len(entries) > 90
    bad = [
        (context, source, translation.get("type"))
        for context, source, _comment, translation in entries
        if translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]
    assert bad == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_accelerators_survive_translation(language: str) -> None:
    for context, source, _comment, element in messages(language):
        text = element.text or ""
        where = f"{context}: {source!r} → {text!r}"
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), where
        if re.search(r"&[^&\s]", source):
            assert len(re.findall(r"&[^&\s]", text)) == 1, where
        # no English sentence left standing in place of a translation
        if len(source) > 12 and source.strip()[0].isalpha():
            assert text != source, where


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_core_reads_every_message_as_the_catalog_says(language: str) -> None:
    catalog = read_qm(catalog_path(language).read_bytes(), language)
    for context, source, comment, element in messages(language):
        assert catalog.lookup(context, source, comment) == element.text, (context, source)


def test_the_catalogs_are_current_with_the_code_and_compiled() -> None:
    # extract into a copy and compile into a temporary folder: nothing may differ
    assert translations.check() == []
