"""The image pane, the model bar, the quick prompts, the prompt box and the status bar follow the
interface language live (issue 12).

GIVEN the real widgets in English, WHEN a translator is installed (Qt sends LanguageChange, as a
change in Preferences does), THEN their words change at once — the fixed ones and those made from
their state (flags, totals, the endpoint) — while model names, shortcuts and the person's own
words stay. The translator marks every text of these contexts (``«Region»``) instead of loading a
catalog, and the core's catalog is a small Japanese one made here: the test holds the wiring,
whatever the shipped catalogs hold at the time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core import i18n
from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.gui.image_pane import ImagePane
from qwenvl_desktop.gui.model_picker import SECONDARY_ROLE, ModelPicker
from qwenvl_desktop.gui.prompt_edit import PromptEdit
from qwenvl_desktop.gui.quick_prompts_bar import QuickPromptsBar, QuickPromptsEditor
from qwenvl_desktop.gui.status import StatusPanel

pytestmark = pytest.mark.gui

_MARKED = (
    "ImagePane",
    "ImageCard",
    "VideoCard",
    "ModelPicker",
    "StatusPanel",
    "PromptEdit",
    "QuickPromptsBar",
    "QuickPromptsEditor",
    "LocaleFormat",
)


class MarkingTranslator(QTranslator):
    """Every text of the marked contexts, between « and »."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context in _MARKED else ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[MarkingTranslator]:
    translator = MarkingTranslator()
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def japanese_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's sentences (the quick prompts' words) in a small Japanese catalog."""
    messages = {
        ("QuickPrompts", "Describe", ""): ("説明",),
        ("QuickPrompts", "Describe this image in detail.", ""): ("詳しく説明してください。",),
        ("QuickPrompts", "Translate to {language}", ""): ("{language}に翻訳",),
        ("QuickPrompts", "English", ""): ("英語",),
    }
    monkeypatch.setattr(i18n._State, "language", "ja")
    monkeypatch.setattr(i18n._State, "catalog", i18n.Catalog("ja", messages))


def test_the_pane_the_picker_and_the_prompt_follow_a_language_change(
    qtbot: QtBot, marking: MarkingTranslator
) -> None:
    # GIVEN the English widgets, the picker filled from the catalog
    pane, picker, prompt = ImagePane(), ModelPicker(), PromptEdit()
    for widget in (pane, picker, prompt):
        qtbot.addWidget(widget)
    catalog = load_catalog()
    picker.set_regions([("cn", "Beijing")])
    models = catalog.models_for_region("cn")
    picker.set_models(models, models[0].name)
    pane.set_model_support("qwen-plus", False, "qwen3-vl-plus")
    assert pane.add_button.text() == "Add images…"
    assert picker.thinking.text() == "Thinking"
    assert prompt.placeholderText() == "Ask about the images…  (Ctrl+Enter to send, Esc to stop)"
    flags_before = picker.flags.text()

    # WHEN the language changes
    QCoreApplication.installTranslator(marking)

    # THEN the fixed words follow at once
    qtbot.waitUntil(lambda: pane.add_button.text() == "«Add images…»")
    assert pane.paste_button.toolTip() == "«Paste an image from the clipboard (Ctrl+V)»"
    assert pane.empty_hint.text().startswith("«Drop images")
    assert picker.region_label.text() == "«Region»" and picker.thinking.text() == "«Thinking»"
    assert prompt.placeholderText() == "«Ask about the images…  (Ctrl+Enter to send, Esc to stop)»"
    # and the words made from the state are said again: the banner (model names kept), the
    # flags, the custom region's description
    assert (
        pane.banner_text.text()
        == "«%1 cannot read images. Your images are kept; switch to "
        "a model that can to send them.»".replace("%1", "qwen-plus")
    )
    assert pane.banner_button.text() == "«Use qwen3-vl-plus»"
    assert flags_before and "«" in picker.flags.text() and "«" not in flags_before
    custom = picker.region.findData("custom")
    assert picker.region.itemData(custom, SECONDARY_ROLE) == "«any compatible endpoint URL»"
    assert picker.current_model() == models[0].name  # the choice survives the refill
    # and switching the send key keeps the language
    prompt.set_send_with("enter")
    assert prompt.placeholderText().startswith("«Ask about the images…  (Enter to send")


def test_the_status_bar_says_its_words_again(qtbot: QtBot, marking: MarkingTranslator) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = StatusPanel.for_window(window)
    panel.set_endpoint("https://dashscope.aliyuncs.com/compatible-mode/v1", None)
    panel.set_rate(12.0)
    assert panel.state.text() == "Ready" and panel.rate.text() == "12 tok/s"
    QCoreApplication.installTranslator(marking)
    qtbot.waitUntil(lambda: panel.state.text() == "«Ready»")
    assert panel.endpoint.text().endswith("«key: looking…»")
    assert panel.endpoint.text().startswith("https://dashscope.aliyuncs.com")  # URLs stay
    assert panel.rate.text() == "«12 tok/s»"
    # a state the window set (in its own words) is not replaced by "Ready"
    panel.set_state("Streaming…")
    QCoreApplication.removeTranslator(marking)
    qtbot.waitUntil(lambda: panel.endpoint.text().endswith("key: looking…"))
    assert panel.state.text() == "Streaming…"


def test_quick_prompts_show_the_shipped_words_in_the_language_and_keep_the_persons(
    qtbot: QtBot, marking: MarkingTranslator, japanese_core: None, tmp_path: Path
) -> None:
    # GIVEN the bar with the shipped prompts, in Japanese
    prompts = QuickPrompts(path=tmp_path / "quick_prompts.json")
    bar = QuickPromptsBar(prompts)
    qtbot.addWidget(bar)
    assert bar.button("describe").text() == "説明"
    assert bar.button("translate").text() == "英語に翻訳"
    asked: list[str] = []
    bar.promptChosen.connect(lambda text, _ocr: asked.append(text))
    bar.button("describe").click()
    assert asked == ["詳しく説明してください。"]
    QCoreApplication.installTranslator(marking)
    qtbot.waitUntil(lambda: bar.edit_button.text() == "«Edit…»")

    # WHEN the person edits only the label of one prompt in the editor
    editor = QuickPromptsEditor(bar.prompts, bar)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "«Quick prompts»"
    assert editor.label_edit.text() == "説明"  # the shipped words, as the person sees them
    editor.label_edit.setText("見て")
    editor.label_edit.textEdited.emit("見て")
    edited = editor.edited.get("describe")
    # THEN the label is theirs, and the question they did not touch keeps the shipped words
    # (saved in English, shown in the language)
    assert edited.label == "見て" and edited.text == "Describe this image in detail."
    assert editor.language_edit.text() == "英語"
    editor.language_edit.setText("英語")
    editor.language_edit.textEdited.emit("英語")
    assert editor.edited.language == "English"  # the listed language, saved by its name


def test_the_totals_read_as_before_in_english_and_each_piece_is_in_the_catalog(
    qapp: QApplication, marking: MarkingTranslator
) -> None:
    from qwenvl_desktop.gui.image_pane import _summary_words

    totals = {"unusable": 1, "tokens": 1234, "upload": 12 * 1024, "high": True, "pending": 1}
    assert _summary_words(2, 1, **totals) == (
        "2 images, 1 video (1 not sent), ≈1,234 tokens, 12 KiB to send, high resolution on "
        "(1 preparing)"
    )
    assert _summary_words(1, 0, unusable=0, tokens=0, upload=0, high=False, pending=0) == (
        "1 image"
    )
    QCoreApplication.installTranslator(marking)
    marked = _summary_words(1, 0, unusable=0, tokens=5, upload=2048, high=False, pending=0)
    assert marked == "«1 image»«, »«≈5 image tokens, «2 KiB» to send»"
