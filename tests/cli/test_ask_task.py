"""``ask --task`` and ``--output``: a real process against the loopback server."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_ask import run_cli
from tests.support.dashscope_server import LoopbackDashScope
from tests.support.document_answers import DOCUMENTS, documents_scenario, question_of


@pytest.fixture
def documents(threaded_server: LoopbackDashScope) -> LoopbackDashScope:
    threaded_server.add_scenario(DOCUMENTS, documents_scenario)
    return threaded_server


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.png"
    Image.new("RGB", (400, 300), "white").save(path)
    return path


def ask_task(
    server: LoopbackDashScope, key: str, page: Path, *extra: str, region: str | None = None
) -> tuple[int, str, str]:
    if region is None:
        where = ["--base-url", server.base_url(DOCUMENTS)]
        env = {}
    else:
        where = ["--region", region]
        env = {"QWENVL_DESKTOP_REGION_URLS": f"{region}={server.base_url(DOCUMENTS)}"}
    result = run_cli("ask", *where, "--image", str(page), *extra, key=key, env=env)
    return result.returncode, result.stdout, result.stderr


def test_table_task_writes_csv(documents: LoopbackDashScope, test_key: str, page: Path) -> None:
    out = page.with_name("prices.csv")
    status, stdout, stderr = ask_task(
        documents, test_key, page, "--task", "table", "--output", str(out)
    )
    assert status == 0, stderr
    assert "| Tea, green | 3.50 |" in stdout  # the answer still streams
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["Item", "Price", "Note"],
        ["Tea, green", "3.50", "hot"],
        ["Cake", "4", "a | b"],
    ]
    assert "Markdown table" in question_of(documents.chat_requests(DOCUMENTS)[-1].body)


def test_formula_to_tex_and_document_to_markdown(
    documents: LoopbackDashScope, test_key: str, page: Path
) -> None:
    tex = page.with_name("f.tex")
    assert ask_task(documents, test_key, page, "--task", "formula", "--output", str(tex))[0] == 0
    assert tex.read_text(encoding="utf-8") == "\\frac{a}{b} = \\sqrt{c}\n"
    md = page.with_name("page.md")
    assert ask_task(documents, test_key, page, "--task", "document", "--output", str(md))[0] == 0
    assert md.read_text(encoding="utf-8") == "# Report\n\nSome text.\n"
    assert question_of(documents.chat_requests(DOCUMENTS)[-1].body) == "qwenvl markdown"


def test_ocr_uses_the_regions_ocr_model_unless_a_model_is_given(
    documents: LoopbackDashScope, test_key: str, page: Path
) -> None:
    out = page.with_name("text.txt")
    status, _stdout, stderr = ask_task(
        documents, test_key, page, "--task", "ocr", "--output", str(out), region="intl"
    )
    assert status == 0, stderr
    assert out.read_text(encoding="utf-8") == "INVOICE 2024-117\nTotal: 42.00 EUR\n"  # no fence
    assert documents.chat_requests(DOCUMENTS)[-1].body["model"] == "qwen-vl-ocr"
    assert "qwen-vl-ocr, the region's model for reading text" in stderr

    status, _stdout, stderr = ask_task(
        documents, test_key, page, "--task", "ocr", "--model", "qwen3-vl-flash", region="intl"
    )
    assert status == 0 and stderr == ""
    assert documents.chat_requests(DOCUMENTS)[-1].body["model"] == "qwen3-vl-flash"


def test_ocr_on_a_custom_endpoint_keeps_the_model(
    documents: LoopbackDashScope, test_key: str, page: Path
) -> None:
    status, stdout, stderr = ask_task(
        documents, test_key, page, "--task", "ocr", "--model", "gateway-vl"
    )
    assert status == 0 and "INVOICE" in stdout
    assert documents.chat_requests(DOCUMENTS)[-1].body["model"] == "gateway-vl"
    status, _stdout, stderr = ask_task(documents, test_key, page, "--task", "ocr")
    assert documents.chat_requests(DOCUMENTS)[-1].body["model"] == "qwen3-vl-plus"
    assert "custom endpoint keeps the chosen model" in stderr


def test_prompt_adds_to_the_task_question(
    documents: LoopbackDashScope, test_key: str, page: Path
) -> None:
    status, *_ = ask_task(documents, test_key, page, "--task", "table", "Only the prices.")
    assert status == 0
    text = question_of(documents.chat_requests(DOCUMENTS)[-1].body)
    assert text.startswith("Extract the table") and text.endswith("\n\nOnly the prices.")


def test_csv_of_an_answer_without_a_table_writes_nothing(
    documents: LoopbackDashScope, test_key: str, page: Path
) -> None:
    out = page.with_name("none.csv")
    status, _stdout, stderr = ask_task(documents, test_key, page, "--output", str(out), "Hi?")
    assert status == 0
    assert stderr == f"note: the answer has no table to write as CSV; nothing written to {out}\n"
    assert not out.exists()


def test_no_prompt_and_no_task_is_a_usage_error(test_key: str) -> None:
    result = run_cli("ask", "--base-url", "http://127.0.0.1:9/v1", key=test_key)
    assert result.returncode == 2
    assert "Give a question (PROMPT) or a task" in result.stderr
    result = run_cli("ask", "--task", "poem", key=test_key)
    assert result.returncode == 2 and "invalid choice: 'poem'" in result.stderr
