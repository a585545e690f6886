"""Extract the interface's words into the catalogs, and compile the catalogs (docs/translations.md).

    python packaging/translations.py            # extract, then compile
    python packaging/translations.py extract    # source → resources/translations/*.ts
    python packaging/translations.py compile    # *.ts → *.qm (what the app loads)
    python packaging/translations.py check      # exit 1 if a catalog is behind the code
    python packaging/translations.py fill SHEET…  # sheets (JSON) in; then extract, compile

``extract`` runs PySide6's ``lupdate`` over every Python file of the package: it finds
``translate("Context", "Text")`` (``QCoreApplication.translate`` in widgets, the core's
:func:`qwenvl_desktop.core.i18n.translate` elsewhere) and ``translatable("Context", "Text")``
(told to lupdate as an alias of ``QT_TRANSLATE_NOOP``), adds new texts as unfinished and drops
texts the code no longer has (``-no-obsolete``; lupdate first carries a translation over to a
text that only changed a little, marked unfinished for review). No source locations are written,
so the catalogs change only when words do. ``compile`` runs ``lrelease`` (unfinished entries are
left out: English shows until they are translated). Both tools come with PySide6.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qwenvl_desktop"
CATALOGS = ROOT / "resources" / "translations"
#: the shipped translations (English is the source language)
LANGUAGES = ("ja", "zh_CN")

__all__ = [
    "LANGUAGES",
    "catalog",
    "check",
    "compile_catalogs",
    "extract",
    "fill",
    "main",
    "tool",
    "unfinished",
]


def tool(name: str) -> Path:
    """``lupdate`` or ``lrelease`` from the installed PySide6 wheel."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{name} is not in {folder}: install PySide6 (pip install -e '.[test]')")


def catalog(language: str, suffix: str = ".ts", folder: Path = CATALOGS) -> Path:
    return folder / f"qwenvl_desktop_{language}{suffix}"


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def extract(folder: Path = CATALOGS, *, quiet: bool = False) -> None:
    """Bring the ``.ts`` catalogs in ``folder`` up to date with the code."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(path) for path in sources()))
    try:
        for language in LANGUAGES:
            _run(
                [
                    str(tool("lupdate")),
                    "-tr-function-alias",
                    "QT_TRANSLATE_NOOP+=translatable",
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    f"@{lst.name}",
                    "-ts",
                    str(catalog(language, folder=folder)),
                ],
                quiet=quiet,
            )
    finally:
        Path(lst.name).unlink()
    for language in LANGUAGES:
        _drop_extracomments(catalog(language, folder=folder))


def _drop_extracomments(path: Path) -> None:
    """lupdate reads ``#:`` comments as notes for translators, but here ``#:`` documents
    attributes (Sphinx): those notes would be noise. A note for translators goes into the
    third argument of ``translate`` (the disambiguation) instead."""
    import re

    text = path.read_text(encoding="utf-8")
    cleaned = re.sub(r"\n\s*<extracomment>.*?</extracomment>", "", text, flags=re.DOTALL)
    if cleaned != text:
        path.write_text(cleaned, encoding="utf-8")


def compile_catalogs(
    folder: Path = CATALOGS, out: Path | None = None, *, quiet: bool = False
) -> None:
    """``lrelease`` each ``.ts`` in ``folder`` to its ``.qm`` (in ``out``, default beside it)."""
    for language in LANGUAGES:
        _run(
            [
                str(tool("lrelease")),
                str(catalog(language, folder=folder)),
                "-qm",
                str(catalog(language, ".qm", out or folder)),
            ],
            quiet=quiet,
        )


def check() -> list[str]:
    """What is behind: texts in the code missing from a catalog, a ``.qm`` older than its
    ``.ts`` (compiled again into a temporary folder and compared)."""
    import shutil

    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp)
        for language in LANGUAGES:
            shutil.copy(catalog(language), catalog(language, folder=fresh))
        extract(fresh, quiet=True)
        for language in LANGUAGES:
            if catalog(language, folder=fresh).read_bytes() != catalog(language).read_bytes():
                problems.append(f"{catalog(language).name} is behind the code: run extract")
        compile_catalogs(CATALOGS, fresh, quiet=True)
        for language in LANGUAGES:
            shipped = catalog(language, ".qm")
            if (
                not shipped.is_file()
                or shipped.read_bytes() != catalog(language, ".qm", fresh).read_bytes()
            ):
                problems.append(f"{shipped.name} is behind {catalog(language).name}: run compile")
    return problems


def fill(sheets: Sequence[Path], folder: Path = CATALOGS) -> list[str]:
    """Put the translations of ``sheets`` into the catalogs; what did not fit, as sentences.

    A sheet is a JSON list of ``{"context", "source", "comment", "ja", "zh_CN"}``: a way for
    several people (or a translation service) to work on parts of the interface at once without
    editing the same XML. Entries whose text the code does not have (yet) are reported, not
    added: the catalog holds only what extract found. Run extract before (new texts) and after
    (lupdate's own layout), then compile: :func:`main` does.
    """
    import json
    import xml.etree.ElementTree as ET

    wanted: dict[tuple[str, str, str], dict[str, str]] = {}
    problems: list[str] = []
    for sheet in sheets:
        for entry in json.loads(Path(sheet).read_text(encoding="utf-8")):
            key = (entry["context"], entry["source"], entry.get("comment") or "")
            wanted[key] = {
                language: entry[language] for language in LANGUAGES if entry.get(language)
            }
    used: set[tuple[str, str, str]] = set()
    for language in LANGUAGES:
        path = catalog(language, folder=folder)
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                text = wanted.get(key, {}).get(language)
                translation = message.find("translation")
                if text is None or translation is None:
                    continue
                used.add(key)
                translation.text = text
                translation.attrib.pop("type", None)
        body = ET.tostring(tree.getroot(), encoding="unicode")
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
            encoding="utf-8",
        )
    for context, source, _ in sorted(set(wanted) - used):
        problems.append(f"not in the code: [{context}] {source!r}")
    return problems


def unfinished(folder: Path = CATALOGS) -> list[str]:
    """Each catalog's entries still without a translation, as ``language [context] source``."""
    import xml.etree.ElementTree as ET

    left = []
    for language in LANGUAGES:
        for context in ET.parse(catalog(language, folder=folder)).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished":
                    left.append(
                        f"{language} [{context.findtext('name')}] {message.findtext('source')!r}"
                    )
    return left


def _run(command: list[str], *, quiet: bool) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed:\n{result.stdout}{result.stderr}")
    if not quiet:
        print(result.stdout.strip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", nargs="?", choices=("all", "extract", "compile", "check", "fill"), default="all"
    )
    parser.add_argument("sheets", nargs="*", type=Path, help="fill: JSON translation sheets")
    options = parser.parse_args(argv)
    step = options.step
    if step == "fill":
        extract(quiet=True)
        problems = fill(options.sheets)
        extract(quiet=True)
        compile_catalogs(quiet=True)
        for line in problems + [f"unfinished: {left}" for left in unfinished()]:
            print(line, file=sys.stderr)
        return 0
    if step == "check":
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if step in ("all", "extract"):
        extract()
    if step in ("all", "compile"):
        compile_catalogs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
