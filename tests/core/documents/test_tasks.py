"""The document tasks: names, the question a task was asked with, and the model each uses."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.documents.tasks import (
    TASKS,
    ModelChoice,
    model_for_task,
    task_for_question,
    task_named,
)


def test_tasks_by_name_and_alias() -> None:
    assert task_named("OCR") is TASKS["ocr"]
    assert task_named("extract-text") is TASKS["ocr"]
    assert task_named("html") is TASKS["document-html"]
    assert task_named("csv") is TASKS["table"]
    assert task_named("poem") is None


def test_the_document_prompts_are_the_cookbooks_words() -> None:
    assert TASKS["document"].prompt == "qwenvl markdown"
    assert TASKS["document-html"].prompt == "qwenvl html"


def test_task_for_question_matches_word_for_word() -> None:
    table = TASKS["table"]
    assert task_for_question(table.prompt) is table
    assert task_for_question("  " + table.prompt.replace(" ", "\n  ") + "\n") is table
    assert task_for_question(table.prompt + " Only the second one.") is None
    assert task_for_question("") is None
    # the person's edited quick prompt, with its task
    assert task_for_question("Read the receipt.", [("Read the receipt.", "ocr")]) is TASKS["ocr"]
    assert task_for_question("Read the receipt.", [("Read the receipt.", "bogus")]) is None


@pytest.mark.parametrize(
    ("region", "current", "expected", "note"),
    [
        ("intl", "qwen3-vl-plus", "qwen-vl-ocr", "is asked of qwen-vl-ocr"),
        ("cn", "qwen3-vl-plus", "qwen-vl-ocr", "this question only"),
        ("us", "qwen3-vl-flash-us", "qwen3-vl-flash-us", "Region us has no OCR model"),
        # a custom endpoint never switches (its gateway may not serve qwen-vl-ocr)
        ("custom", "my-gateway-vl", "my-gateway-vl", "custom endpoint keeps the chosen model"),
        ("intl", "qwen-vl-ocr-2025-11-20", "qwen-vl-ocr-2025-11-20", None),  # already OCR
    ],
)
def test_extract_text_model(region: str, current: str, expected: str, note: str | None) -> None:
    choice = model_for_task(TASKS["ocr"], current, region)
    assert choice.model == expected
    if note is None:
        assert choice.note is None
    else:
        assert choice.note is not None and note in choice.note


def test_the_ocr_model_only_when_the_person_may_choose_it() -> None:
    choice = model_for_task(TASKS["ocr"], "qwen3-vl-plus", "intl", offered={"qwen3-vl-plus"})
    assert choice.model == "qwen3-vl-plus" and not choice.switched_from("qwen3-vl-plus")


@pytest.mark.parametrize("name", ["table", "formula", "document", "document-html"])
def test_other_tasks_keep_the_model(name: str) -> None:
    assert model_for_task(TASKS[name], "qwen3-vl-plus", "intl") == ModelChoice("qwen3-vl-plus")
