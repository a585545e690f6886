"""Answers turned into results: fences, tables → CSV, LaTeX, pages, the one-click actions."""

from __future__ import annotations

import csv
import io

import pytest

from qwenvl_desktop.core.documents.results import (
    NoResultError,
    extract_latex,
    fenced_blocks,
    html_document,
    html_tables,
    markdown_document,
    markdown_tables,
    plain_text,
    result_actions,
    strip_fences,
    table_to_csv,
    task_output,
)
from qwenvl_desktop.core.documents.tasks import TASKS
from tests.support.document_answers import HTML_ANSWER, MARKDOWN_ANSWER, TABLE_ANSWER

# -- fences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("```\nline 1\nline 2\n```", "line 1\nline 2"),
        ("  ```text\nline 1\n```  \n", "line 1"),
        ("~~~~markdown\n# T\n~~~~", "# T"),
        ("```\ncut off mid-answer", "cut off mid-answer"),  # the stream stopped
        ("no fence\n", "no fence"),
        # text after the block: the fence is part of a longer answer, kept
        ("```\na\n```\nMore words.", "```\na\n```\nMore words."),
        # a longer inner fence is not closed by a shorter one
        ("````\n```\ninner\n```\n````", "```\ninner\n```"),
    ],
)
def test_strip_fences(answer: str, expected: str) -> None:
    assert strip_fences(answer) == expected


def test_strip_fences_only_for_the_languages_asked() -> None:
    assert strip_fences("```python\nx = 1\n```", ("markdown",)) == "```python\nx = 1\n```"
    assert markdown_document("```md\n# Hi\n```") == "# Hi"


def test_fenced_blocks_in_order_with_languages() -> None:
    answer = "Intro\n```latex\nx^2\n```\ntext\n```HTML\n<p>a</p>\n```\n```\nunclosed"
    assert fenced_blocks(answer) == [("latex", "x^2"), ("html", "<p>a</p>"), ("", "unclosed")]


def test_plain_text_keeps_the_layout() -> None:
    assert plain_text("```\nA  B\n\n  C\n```") == "A  B\n\n  C"


# -- tables ------------------------------------------------------------------------------------


def test_markdown_table_to_csv_a_spreadsheet_reads_back() -> None:
    tables = markdown_tables(TABLE_ANSWER)
    assert tables == [
        [["Item", "Price", "Note"], ["Tea, green", "3.50", "hot"], ["Cake", "4", "a | b"]]
    ]
    text = table_to_csv(tables)
    assert text.splitlines()[1] == '"Tea, green",3.50,hot'
    assert list(csv.reader(io.StringIO(text))) == tables[0]


def test_markdown_tables_pad_and_cut_rows_and_keep_line_breaks() -> None:
    answer = (
        "Two tables:\n\nA | B\n--- | ---\n1 |\n2 | 3 | 4\n\n"
        "| x |\n|:-:|\n| one<br>two |\n| `code` |\n\nAfter."
    )
    assert markdown_tables(answer) == [
        [["A", "B"], ["1", ""], ["2", "3"]],
        [["x"], ["one\ntwo"], ["code"]],
    ]
    assert table_to_csv(markdown_tables(answer)) == 'A,B\n1,\n2,3\n\nx\n"one\ntwo"\ncode\n'


def test_pipes_without_a_delimiter_row_are_no_table() -> None:
    assert markdown_tables("a | b\nc | d\n") == []
    assert markdown_tables("---\n| a |") == []


def test_html_tables_as_the_ocr_model_writes_them() -> None:
    answer = (
        "<table><tr><th>Name</th><th>Qty</th></tr>"
        "<tr><td>Bolt &amp; nut</td><td>12</td></tr>"
        "<tr><td>Line<br/>two</td></tr></table>"
    )
    assert html_tables(answer) == [[["Name", "Qty"], ["Bolt & nut", "12"], ["Line\ntwo", ""]]]


# -- formulas ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("$$\n\\frac{a}{b}\n$$", "\\frac{a}{b}"),
        ("The formula is \\[ E = mc^2 \\] as shown.", "E = mc^2"),
        ("```latex\n\\int_0^1 x\\,dx\n```", "\\int_0^1 x\\,dx"),
        ("Inline $a^2 + b^2$ and \\(c^2\\).", "a^2 + b^2\nc^2"),
        ("$$x$$ and $$y$$", "x\ny"),
        ("It costs 5 dollars.", None),
    ],
)
def test_extract_latex(answer: str, expected: str | None) -> None:
    assert extract_latex(answer) == expected


def test_a_bare_answer_is_latex_when_the_task_asked_for_latex_only() -> None:
    assert extract_latex("\\alpha + \\beta", bare=True) == "\\alpha + \\beta"
    assert extract_latex("   ", bare=True) is None


# -- pages -------------------------------------------------------------------------------------


def test_html_document_is_the_fenced_page() -> None:
    page = html_document("Here it is:\n" + HTML_ANSWER)
    assert page.startswith("<html><body>") and page.endswith("</body></html>")


# -- the one-click results ---------------------------------------------------------------------


def keys(task: str | None, answer: str) -> list[str]:
    return [a.key for a in result_actions(TASKS[task] if task else None, answer)]


def test_each_task_offers_its_results() -> None:
    assert keys("ocr", "```\nHello\n```") == ["copy-text"]
    assert keys("table", TABLE_ANSWER) == ["copy-csv", "save-csv"]
    assert keys("formula", "$$x^2$$") == ["copy-latex"]
    assert keys("document", MARKDOWN_ANSWER) == ["save-markdown"]
    assert keys("document-html", HTML_ANSWER) == ["show-boxes", "save-html"]


def test_results_only_for_what_the_answer_has() -> None:
    assert keys("table", "I see no table here.") == []
    assert keys(None, "Plain words.") == []
    assert keys(None, "") == [] and keys("ocr", "  ") == []
    # any answer with a table offers its CSV; any with boxes offers to show them
    assert keys(None, TABLE_ANSWER) == ["copy-csv", "save-csv"]
    assert keys(None, HTML_ANSWER) == ["show-boxes"]
    assert keys("ocr", "Text\n\n| a | b |\n|---|---|\n| 1 | 2 |") == [
        "copy-text",
        "copy-csv",
        "save-csv",
    ]


def test_result_contents_and_suffixes() -> None:
    by_key = {a.key: a for a in result_actions(TASKS["document"], MARKDOWN_ANSWER)}
    assert by_key["save-markdown"].content == "# Report\n\nSome text."
    assert by_key["save-markdown"].suffix == ".md"
    formula = result_actions(TASKS["formula"], "$$\n\\frac{a}{b}\n$$")[0]
    assert formula.content == "\\frac{a}{b}" and formula.suffix is None
    two = result_actions(None, "|a|\n|-|\n|1|\n\n|b|\n|-|\n|2|")[0]
    assert two.label == "Copy CSV (2 tables)" and two.content == "a\n1\n\nb\n2\n"


# -- ask --output ------------------------------------------------------------------------------


def test_task_output_by_suffix_then_by_task() -> None:
    assert task_output(TASKS["table"], TABLE_ANSWER, ".csv").startswith("Item,Price,Note\n")
    assert task_output(TASKS["table"], TABLE_ANSWER, "").startswith("Item,Price,Note\n")
    assert task_output(TASKS["table"], TABLE_ANSWER, ".md").startswith("| Item |")
    assert task_output(TASKS["formula"], "$$x$$", ".txt") == "x\n"
    assert task_output(None, "$$x$$ is it", ".tex") == "x\n"
    assert task_output(TASKS["document"], MARKDOWN_ANSWER, ".txt") == "# Report\n\nSome text.\n"
    assert task_output(None, HTML_ANSWER, ".html").endswith("</body></html>\n")
    assert task_output(TASKS["ocr"], "```\nHi\n```", ".txt") == "Hi\n"


def test_task_output_without_a_table_for_csv() -> None:
    with pytest.raises(NoResultError, match="no table"):
        task_output(None, "No table.", ".csv")
