"""Chinese and Japanese text renders with real glyphs, not "missing glyph" boxes.

GIVEN the application's default font (which, like DejaVu Sans on Debian, may have no CJK
glyphs), WHEN a label shows 日本語 and 简体中文 text, THEN Qt's font fallback finds a font that
has every character (fontconfig's, once a CJK font such as fonts-wqy-microhei is installed —
packaging/install.sh and tests/run.sh install one on Debian and Ubuntu), and the drawn text
differs from a row of missing-glyph boxes.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

JAPANESE = "日本語の請求書を読んでください"
CHINESE = "请描述这张简体中文发票"
#: a code point no font has a glyph for (unassigned): what "missing" renders as
MISSING = "\U000e01f0"


def cjk_font_installed() -> bool:
    """Any installed family writing both Japanese and Simplified Chinese."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))
    return bool(
        families & set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    )


def fonts_drawing(text: str, font: QFont) -> list[QRawFont]:
    """The fonts Qt resolved (with fallback) to draw ``text``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont() for run in layout.glyphRuns()]


def missing_characters(text: str, font: QFont) -> list[str]:
    """Characters of ``text`` no resolved font has a glyph for."""
    fonts = fonts_drawing(text, font)
    # By code point: PySide's str overload goes through a 16-bit QChar and misses some.
    return [c for c in text if not any(raw.supportsCharacter(ord(c)) for raw in fonts)]


def rendered(label: QLabel) -> QImage:
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    return image


@pytest.fixture
def needs_cjk_font(qapp: QApplication) -> None:
    if not cjk_font_installed():
        pytest.skip(
            "no font with Chinese and Japanese glyphs is installed "
            "(Debian/Ubuntu: apt-get install fonts-wqy-microhei; tests/run.sh does as root)"
        )


@pytest.mark.parametrize("text", [JAPANESE, CHINESE], ids=["ja", "zh_CN"])
def test_every_character_has_a_glyph_in_the_resolved_fonts(needs_cjk_font: None, text: str) -> None:
    font = QApplication.font()
    assert missing_characters(text, font) == []
    # The check can fail: an unassigned code point has no glyph anywhere.
    assert missing_characters(MISSING, font) == [MISSING]


def test_a_label_draws_glyphs_not_boxes(needs_cjk_font: None, qtbot: QtBot) -> None:
    label = QLabel(f"{JAPANESE}\n{CHINESE}")
    qtbot.addWidget(label)
    label.adjustSize()
    boxes = QLabel("\n".join(MISSING * len(line) for line in label.text().splitlines()))
    qtbot.addWidget(boxes)
    boxes.resize(label.size())
    drawn, missing = rendered(label), rendered(boxes)
    assert drawn != missing
    # Each distinct character draws differently: boxes would all look the same.
    glyph_images = set()
    for character in "日本語简体中文":
        single = QLabel(character)
        qtbot.addWidget(single)
        single.adjustSize()
        glyph_images.add(bytes(rendered(single).constBits()))
    assert len(glyph_images) == 7
