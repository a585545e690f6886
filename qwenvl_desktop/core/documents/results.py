"""An answer turned into what the person takes away: plain text, CSV, LaTeX, Markdown, HTML.

Models wrap what they were asked for in Markdown fences (```` ```html ````), put a sentence
before a table, write a formula between ``$$`` or ``\\[ \\]``, answer a table as Markdown or as
HTML. These functions find the part that was asked for, so that "Copy CSV" pastes into a
spreadsheet and "Copy LaTeX" into an editor without hand-editing. :func:`result_actions` lists
the one-click results of an answer (the transcript's links); :func:`task_output` is what
``ask --output FILE`` writes. No Qt.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from qwenvl_desktop.core.documents.tasks import DocumentTask, ResultKind
from qwenvl_desktop.core.i18n import translate

__all__ = [
    "NoResultError",
    "ResultAction",
    "ResultKey",
    "extract_latex",
    "fenced_blocks",
    "has_boxes",
    "html_document",
    "html_tables",
    "markdown_document",
    "markdown_tables",
    "plain_text",
    "result_actions",
    "strip_fences",
    "table_to_csv",
    "tables_in",
    "task_output",
]

#: a table: rows of cells, the header first
Table = list[list[str]]
ResultKey = Literal[
    "copy-text", "copy-csv", "save-csv", "copy-latex", "save-markdown", "save-html", "show-boxes"
]

_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*$")
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WRAPPED = re.compile(r"^(\*\*|__|`)(.+)\1$", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.DOTALL)
_INLINE_MATH = re.compile(r"\\\((.+?)\\\)|(?<![\\$])\$([^$\n]+?)\$(?!\$)")
_BOX_ATTRIBUTE = re.compile(r"data-bbox\s*=", re.IGNORECASE)
_LATEX_LANGUAGES = ("latex", "tex", "math", "katex")
_HTML_LANGUAGES = ("html", "htm", "xml")
_MARKDOWN_LANGUAGES = ("", "markdown", "md")


# -- fences ----------------------------------------------------------------------------------------


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """Each fenced code block's ``(language, body)``, in order; an unclosed last block (an
    answer cut off) runs to the end."""
    blocks: list[tuple[str, str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE_OPEN.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, language = match.group(1), match.group(2).lower()
        end = index + 1
        while end < len(lines) and not _closes(lines[end], fence):
            end += 1
        blocks.append((language, "\n".join(lines[index + 1 : end])))
        index = end + 1
    return blocks


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0])


def strip_fences(text: str, languages: Sequence[str] | None = None) -> str:
    """The answer without the fence around it, when the whole answer is one fenced block (of
    one of ``languages``, when given); otherwise the answer, trimmed."""
    stripped = text.strip()
    lines = stripped.splitlines()
    match = _FENCE_OPEN.match(lines[0]) if lines else None
    if match is None:
        return stripped
    if languages is not None and match.group(2).lower() not in languages:
        return stripped
    fence = match.group(1)
    end = next((i for i in range(1, len(lines)) if _closes(lines[i], fence)), len(lines))
    if end < len(lines) - 1:  # text after the block: the fence is part of a longer answer
        return stripped
    return "\n".join(lines[1:end]).strip("\n")


def plain_text(answer: str) -> str:
    """Extract text's result: the text read, without a fence the model put around it."""
    return strip_fences(answer)


# -- tables ----------------------------------------------------------------------------------------


def _cells(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [_clean_cell(cell) for cell in _UNESCAPED_PIPE.split(row)]


def _clean_cell(cell: str) -> str:
    text = _BREAK.sub("\n", cell.strip().replace("\\|", "|"))
    wrapped = _WRAPPED.match(text)
    return wrapped.group(2).strip() if wrapped else text


def _is_delimiter(line: str) -> bool:
    if "-" not in line or ("|" not in line and not line.strip().startswith(":")):
        return False
    cells = [cell.strip() for cell in _UNESCAPED_PIPE.split(line.strip().strip("|"))]
    return bool(cells) and all(_DELIMITER_CELL.match(cell) for cell in cells)


def markdown_tables(text: str) -> list[Table]:
    """The Markdown (GFM) tables in ``text``: a header row, a ``|---|`` row, body rows. Each
    row has the header's number of cells (missing ones empty, extra ones dropped); escaped
    pipes and ``<br>`` become ``|`` and line breaks, and a cell's ``**bold**`` its text."""
    tables: list[Table] = []
    lines = text.splitlines()
    index = 0
    while index + 1 < len(lines):
        header, delimiter = lines[index], lines[index + 1]
        if "|" not in header or not _is_delimiter(delimiter):
            index += 1
            continue
        width = len(_cells(header))
        table = [_cells(header)]
        index += 2
        while index < len(lines) and "|" in lines[index] and lines[index].strip():
            table.append(_cells(lines[index]))
            index += 1
        tables.append([(row + [""] * width)[:width] for row in table])
    return tables


class _TableReader(HTMLParser):
    """Collects ``<table>`` rows: ``<tr>`` rows of ``<td>``/``<th>`` cells (spans not expanded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self._end_row()
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._depth == 1:
                self._end_row()
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag == "tr":
            self._end_row()
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = "".join(self._cell)
            self._row.append("\n".join(" ".join(line.split()) for line in text.split("\n")))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self.tables:
            self.tables[-1].append(self._row)
        self._row = None


def html_tables(text: str) -> list[Table]:
    """The HTML ``<table>`` tables in ``text`` (qwen-vl-ocr and "qwenvl html" answer tables so);
    rows padded to the widest."""
    if "<table" not in text.lower():
        return []
    reader = _TableReader()
    reader.feed(text)
    reader.close()
    tables = []
    for table in reader.tables:
        width = max((len(row) for row in table), default=0)
        if width:
            tables.append([row + [""] * (width - len(row)) for row in table])
    return tables


def tables_in(text: str) -> list[Table]:
    """The answer's Markdown tables, else its HTML tables."""
    return markdown_tables(text) or html_tables(text)


def table_to_csv(tables: Sequence[Table]) -> str:
    """CSV (RFC 4180 quoting, ``\\n`` line ends) of the tables, an empty line between two."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for number, table in enumerate(tables):
        if number:
            out.write("\n")
        writer.writerows(table)
    return out.getvalue()


# -- formulas --------------------------------------------------------------------------------------


def extract_latex(answer: str, *, bare: bool = False) -> str | None:
    """The LaTeX in an answer, without its delimiters: ```` ```latex ```` blocks, else display
    math (``$$…$$``, ``\\[…\\]``), else inline math (``$…$``, ``\\(…\\)``); several formulas one
    per line. ``bare``: an answer with none of these is taken as LaTeX itself (the Formula task
    asked for LaTeX only). None when there is nothing."""
    found = [body.strip() for lang, body in fenced_blocks(answer) if lang in _LATEX_LANGUAGES]
    if not found:
        found = [(a or b).strip() for a, b in _DISPLAY_MATH.findall(answer)]
    if not found:
        found = [(a or b).strip() for a, b in _INLINE_MATH.findall(answer)]
    found = [formula for formula in found if formula]
    if found:
        return "\n".join(found)
    if bare:
        return strip_fences(answer) or None
    return None


# -- pages -----------------------------------------------------------------------------------------


def html_document(answer: str) -> str:
    """QwenVL HTML's page: the ```` ```html ```` block, else the answer itself."""
    blocks = [body for lang, body in fenced_blocks(answer) if lang in _HTML_LANGUAGES]
    return (max(blocks, key=len) if blocks else strip_fences(answer)).strip()


def markdown_document(answer: str) -> str:
    """QwenVL Markdown's page: the answer without a ```` ```markdown ```` fence around it."""
    return strip_fences(answer, _MARKDOWN_LANGUAGES)


def has_boxes(answer: str) -> bool:
    """Whether the answer carries QwenVL HTML element boxes (``data-bbox``)."""
    return _BOX_ATTRIBUTE.search(answer) is not None


# -- the one-click results -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResultAction:
    """One result of an answer: a link's ``key`` and ``label``, the text it copies or saves,
    and for a save the file suffix."""

    key: ResultKey
    label: str
    content: str
    suffix: str | None = None


def result_actions(task: DocumentTask | None, answer: str) -> tuple[ResultAction, ...]:
    """The one-click results of ``answer`` (asked for ``task``, or for no task).

    A task offers what it was asked for — Extract text: copy the text; Table: copy CSV, save
    .csv; Formula: copy LaTeX; Document: save Markdown, or show the HTML's boxes and save the
    page — when the answer has it. Any answer with a table offers its CSV, and any answer with
    ``data-bbox`` boxes offers to show them.
    """
    if not answer.strip():
        return ()
    kind: ResultKind | None = task.result if task is not None else None
    actions: list[ResultAction] = []
    if kind == "text":
        label = translate("DocumentResult", "Copy text")
        actions.append(ResultAction("copy-text", label, plain_text(answer)))
    tables = tables_in(answer)
    if tables and kind in (None, "text", "table", "markdown"):
        if len(tables) > 1:
            copy_csv = translate("DocumentResult", "Copy CSV (%1 tables)")
            copy_csv = copy_csv.replace("%1", str(len(tables)))
        else:
            copy_csv = translate("DocumentResult", "Copy CSV")
        content = table_to_csv(tables)
        actions.append(ResultAction("copy-csv", copy_csv, content))
        save_csv = translate("DocumentResult", "Save .csv…")
        actions.append(ResultAction("save-csv", save_csv, content, ".csv"))
    if kind == "latex" and (latex := extract_latex(answer, bare=True)):
        actions.append(ResultAction("copy-latex", translate("DocumentResult", "Copy LaTeX"), latex))
    if kind == "markdown":
        actions.append(
            ResultAction(
                "save-markdown",
                translate("DocumentResult", "Save Markdown…"),
                markdown_document(answer),
                ".md",
            )
        )
    if has_boxes(answer):
        show_boxes = translate("DocumentResult", "Show boxes on the page")
        actions.append(ResultAction("show-boxes", show_boxes, answer))
    if kind == "html":
        save_html = translate("DocumentResult", "Save HTML…")
        actions.append(ResultAction("save-html", save_html, html_document(answer), ".html"))
    return tuple(actions)


class NoResultError(ValueError):
    """The answer has nothing of what was asked for (no table for a CSV file)."""


def task_output(task: DocumentTask | None, answer: str, suffix: str) -> str:
    """What ``ask --output FILE`` writes, chosen by the file's ``suffix`` first (``.csv``,
    ``.tex``, ``.md``, ``.html``), else by the task's result; ends with a newline.

    Raises :class:`NoResultError` when a ``.csv`` is asked of an answer without a table.
    """
    suffix = suffix.lower()
    kind: ResultKind | None = task.result if task is not None else None
    if suffix == ".csv" or (kind == "table" and suffix not in (".md", ".markdown", ".txt")):
        tables = tables_in(answer)
        if not tables:
            no_table = translate("DocumentResult", "the answer has no table to write as CSV")
            raise NoResultError(no_table)
        return table_to_csv(tables)
    if suffix == ".tex" or kind == "latex":
        text = extract_latex(answer, bare=True) or ""
    elif suffix in (".html", ".htm") or kind == "html":
        text = html_document(answer)
    elif suffix in (".md", ".markdown") or kind == "markdown":
        text = markdown_document(answer)
    else:
        text = plain_text(answer)
    return text.rstrip("\n") + "\n"
