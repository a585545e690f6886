"""The shipped quick prompts speak the interface language; the person's own words stay (issue 12).

GIVEN a Japanese catalog (a small one made here: the test holds the wiring, whatever the shipped
catalogs hold at the time), WHEN the quick prompts are shown and asked, THEN the shipped labels
and questions are in Japanese, naming the language in Japanese, while a prompt the person edited
is asked as written; the file keeps the English words, so the next language shows its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core import i18n
from qwenvl_desktop.core.documents.tasks import TASKS
from qwenvl_desktop.core.prompts import quick_prompts
from qwenvl_desktop.core.prompts.quick_prompts import DEFAULT_PROMPTS, QuickPrompts

_JAPANESE = {
    ("QuickPrompts", "Describe", ""): ("説明",),
    ("QuickPrompts", "Describe this image in detail.", ""): (
        "この画像について詳しく説明してください。",
    ),
    ("QuickPrompts", "Translate to {language}", ""): ("{language}に翻訳",),
    (
        "QuickPrompts",
        "Translate all the text in this image into {language}. Keep the layout, and note "
        "anything that cannot be translated.",
        "",
    ): ("この画像内のテキストをすべて{language}に翻訳してください。",),
    ("QuickPrompts", "Japanese", ""): ("日本語",),
    (
        "QuickPrompts",
        "Extract all the text in this image. Keep its layout: lines, lists and tables "
        "(as Markdown tables).",
        "",
    ): ("この画像内のテキストをすべて抽出してください。",),
    ("QuickPrompts", "a quick prompt needs a label", ""): ("クイックプロンプトには名前が必要です",),
}


@pytest.fixture
def japanese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n._State, "language", "ja")
    monkeypatch.setattr(i18n._State, "catalog", i18n.Catalog("ja", _JAPANESE))
    yield


def test_every_shipped_word_is_in_the_catalog_list() -> None:
    # GIVEN the shipped prompts (the document tasks' words come from core.documents.tasks)
    model_instructions = {TASKS["document"].prompt, TASKS["document-html"].prompt}
    for prompt in DEFAULT_PROMPTS:
        # THEN each label and question is marked for the catalog (else it would stay English),
        # except the models' own instructions ("qwenvl markdown"), which are never translated
        assert prompt.label in quick_prompts._SHIPPED_WORDS
        if prompt.text not in model_instructions:
            assert prompt.text in quick_prompts._SHIPPED_WORDS, prompt.text
    assert not model_instructions & quick_prompts._SHIPPED_WORDS


def test_shipped_prompts_are_shown_and_asked_in_the_interface_language(japanese: None) -> None:
    prompts = QuickPrompts(language="Japanese")
    describe, translate = prompts.get("describe"), prompts.get("translate")
    # THEN the labels and the questions are Japanese, the language named in Japanese
    assert describe.render_label(prompts.language) == "説明"
    assert describe.render(prompts.language) == "この画像について詳しく説明してください。"
    assert translate.render_label(prompts.language) == "日本語に翻訳"
    assert (
        translate.render(prompts.language)
        == "この画像内のテキストをすべて日本語に翻訳してください。"
    )
    # and a shipped prompt is found by the label the person sees
    assert prompts.find("説明") == describe
    # and a document task's answer is matched against the question as it was asked
    extract = prompts.get("extract-text")
    assert (extract.render(prompts.language), "ocr") in prompts.asked_as()
    assert extract.render(prompts.language) == "この画像内のテキストをすべて抽出してください。"


def test_an_edited_prompt_is_asked_as_written_and_the_file_keeps_english(
    japanese: None, tmp_path: Path
) -> None:
    prompts = QuickPrompts(language="Japanese", path=tmp_path / "quick_prompts.json")
    # WHEN the person rewrites one prompt
    prompts.update("translate", text="Put this into {language}, briefly.")
    prompts.save()
    loaded = QuickPrompts.load(tmp_path / "quick_prompts.json")
    # THEN their words are asked as written, with the language's saved name
    assert loaded.get("translate").render(loaded.language) == "Put this into Japanese, briefly."
    # while the untouched prompts keep their English words in the file (the next language
    # shows its own) and are shown in Japanese
    saved = (tmp_path / "quick_prompts.json").read_text(encoding="utf-8")
    assert '"label": "Describe"' in saved and "説明" not in saved
    assert loaded.get("describe").render_label(loaded.language) == "説明"


def test_a_language_typed_by_the_person_is_used_as_typed(japanese: None) -> None:
    prompts = QuickPrompts(language="Klingon")
    assert prompts.get("translate").render_label(prompts.language) == "Klingonに翻訳"


def test_the_edit_errors_are_in_the_interface_language(japanese: None) -> None:
    prompts = QuickPrompts()
    with pytest.raises(
        quick_prompts.QuickPromptsError, match="クイックプロンプトには名前が必要です"
    ):
        prompts.update("describe", label="  ")
