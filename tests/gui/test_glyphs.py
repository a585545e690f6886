"""Issue 11, defect 6: every symbol the transcript's notes use has a glyph in DejaVu Sans
(Debian's default font), so none renders as an empty box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

from qwenvl_desktop.core.conversation import words

pytestmark = pytest.mark.gui

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is not installed")
def test_every_state_note_has_glyphs_in_dejavu_sans(qapp) -> None:  # type: ignore[no-untyped-def]
    font = QRawFont(str(DEJAVU), 12)
    assert font.isValid()
    notes = [w.in_transcript for w in words._STATES.values() if w.in_transcript]
    missing = {ch for note in notes for ch in note if not font.supportsCharacter(ord(ch))}
    assert missing == set(), f"no glyph in DejaVu Sans for {sorted(missing)}"
