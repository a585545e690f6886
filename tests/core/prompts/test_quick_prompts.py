"""The quick-prompt library (no Qt): defaults, saving and loading, the model an OCR prompt uses."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest

from qwenvl_desktop.core.prompts.quick_prompts import (
    DEFAULT_PROMPTS,
    QuickPrompt,
    QuickPrompts,
    QuickPromptsError,
    default_path,
    model_for_prompt,
    task_question,
)


@pytest.fixture
def config_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """platformdirs' user config folder, moved into the test's temporary folder."""
    folder = tmp_path / "config" / "qwenvl-desktop"
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(folder))
    return folder


# The model -------------------------------------------------------------------------------------


def test_defaults_are_the_documented_prompts() -> None:
    prompts = QuickPrompts()
    assert [p.label for p in prompts] == [
        "Describe",
        "Extract text",
        "Explain this error",
        "Translate to {language}",
        "Table → Markdown/CSV",
        "Formula → LaTeX",
        "Document → Markdown",
        "Document → HTML",
    ]
    assert [p.id for p in prompts if p.ocr] == ["extract-text"]
    assert [p.task for p in prompts if p.task] == [
        "ocr",
        "table",
        "formula",
        "document",
        "document-html",
    ]
    translate = prompts.get("translate")
    assert translate.uses_language
    assert translate.render_label("Japanese") == "Translate to Japanese"
    assert "into Japanese" in translate.render("Japanese")


def test_missing_file_gives_the_defaults_in_the_user_config_dir(config_dir: Path) -> None:
    assert default_path() == config_dir / "quick_prompts.json"
    prompts = QuickPrompts.load()
    assert prompts.prompts == DEFAULT_PROMPTS
    assert prompts.notices == []


def test_edit_save_load_round_trip(config_dir: Path) -> None:
    # GIVEN the defaults, edited: reworded, one added, one removed, reordered, a language set
    prompts = QuickPrompts.load()
    prompts.update("describe", label="What is it?", text="What is shown here?")
    added = prompts.add("Summarise the chart", "Summarise this chart in three bullets.")
    prompts.remove("explain-error")
    prompts.move(added.id, 0)
    prompts.set_language("Português")

    # WHEN saved and loaded again
    path = prompts.save()
    loaded = QuickPrompts.load()

    # THEN everything came back, in order, from the JSON file in the config folder
    assert path == config_dir / "quick_prompts.json"
    assert loaded.prompts == prompts.prompts
    assert [p.id for p in loaded] == [
        "summarise-the-chart",
        "describe",
        "extract-text",
        "translate",
        "table",
        "formula",
        "document",
        "document-html",
    ]
    assert loaded.get("table").task == "table"  # the task is saved with the prompt
    assert loaded.get("describe") == QuickPrompt("describe", "What is it?", "What is shown here?")
    assert loaded.language == "Português"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and "Português" in path.read_text(encoding="utf-8")
    assert list(config_dir.iterdir()) == [path]  # no temporary file left behind


def test_edits_that_would_break_a_prompt_are_refused() -> None:
    prompts = QuickPrompts()
    with pytest.raises(QuickPromptsError, match="label"):
        prompts.update("describe", label="  ")
    with pytest.raises(QuickPromptsError, match="no text"):
        prompts.add("Empty", "")
    with pytest.raises(QuickPromptsError, match="no quick prompt"):
        prompts.remove("nope")
    with pytest.raises(QuickPromptsError):
        prompts.set_language("")
    assert prompts.prompts == DEFAULT_PROMPTS  # nothing changed
    second = prompts.add("Describe", "Again")
    assert second.id == "describe-2"


def test_a_broken_file_falls_back_with_a_notice(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "quick_prompts.json").write_text("{not json", encoding="utf-8")
    prompts = QuickPrompts.load()
    assert prompts.prompts == DEFAULT_PROMPTS
    assert "not valid JSON" in prompts.notices[0]


def test_bad_entries_are_skipped_and_named(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "quick_prompts.json").write_text(
        json.dumps(
            {
                "language": 5,
                "prompts": [
                    {"id": "a", "label": "A", "text": "Ask A", "ocr": True},
                    {"label": "No text"},
                    "junk",
                    {"id": "a", "label": "Dup", "text": "x"},
                    {"label": "B", "text": "Ask B"},
                ],
            }
        ),
        encoding="utf-8",
    )
    prompts = QuickPrompts.load()
    assert [(p.id, p.ocr) for p in prompts] == [("a", True), ("prompt-5", False)]
    assert len(prompts.notices) == 4
    assert prompts.language == "English"


# The model an OCR prompt is asked with (the OCR model of a region: tests/core/protocol) ---------


def test_model_for_prompt_switches_only_for_ocr_prompts_where_possible() -> None:
    extract, describe = QuickPrompts().get("extract-text"), QuickPrompts().get("describe")
    assert model_for_prompt(extract, "qwen3-vl-plus", "intl").model == "qwen-vl-ocr"
    assert model_for_prompt(extract, "qwen3-vl-plus", "us").model == "qwen3-vl-plus"
    assert model_for_prompt(extract, "qwen3-vl-plus", "custom").model == "qwen3-vl-plus"
    assert model_for_prompt(describe, "qwen3-vl-plus", "intl").model == "qwen3-vl-plus"


def test_a_file_saved_before_tasks_keeps_extract_text_a_task(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "quick_prompts.json").write_text(
        json.dumps(
            {
                "prompts": [
                    {"id": "extract-text", "label": "Read", "text": "Read it.", "ocr": True},
                    {"id": "mine", "label": "Mine", "text": "Mine?", "task": "poem"},
                ]
            }
        ),
        encoding="utf-8",
    )
    prompts = QuickPrompts.load()
    assert [(p.id, p.task) for p in prompts] == [("extract-text", "ocr")]
    assert "'task' must be one of" in prompts.notices[0]
    assert prompts.asked_as() == [("Read it.", "ocr")]


def test_task_question_finds_saved_then_shipped_prompts() -> None:
    saved = QuickPrompts([QuickPrompt("extract-text", "Read", "Read it.", ocr=True, task="ocr")])
    prompt, question, choice = task_question(
        "ocr", saved, "qwen3-vl-plus", "intl", model_given=False
    )
    assert (prompt.id, question, choice.model) == ("extract-text", "Read it.", "qwen-vl-ocr")
    # not in the saved list: the shipped one
    _prompt, question, choice = task_question(
        "table", saved, "qwen3-vl-plus", "intl", model_given=False
    )
    assert "Markdown table" in question and choice.model == "qwen3-vl-plus"
    # --model given: kept
    *_rest, choice = task_question("ocr", saved, "qwen3-vl-plus", "intl", model_given=True)
    assert choice.model == "qwen3-vl-plus"
    with pytest.raises(QuickPromptsError, match="No task named 'poem'"):
        task_question("poem", saved, "qwen3-vl-plus", "intl", model_given=False)
