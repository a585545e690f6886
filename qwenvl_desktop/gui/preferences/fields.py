"""One editor per setting: the widget, what it reads back, and the notes under it.

Each :class:`FieldEditor` shows a :class:`~qwenvl_desktop.services.preferences.PreferenceField`
(its value, where it came from, a lock or an override) and gives back the
value the person chose, in the form the setting's parser takes (None: "not set", the model's or
the system's own default). Optional numbers use a spin box whose lowest step reads "Model's
default" (or "System"), so the keyboard reaches every choice.

Words given to an editor (choices, placeholders, suffixes) are English source texts marked for
the catalog where they are written (``translatable("PreferencesDialog", …)``); the editor
shows them translated, again on each language change (:meth:`FieldEditor.retranslate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.protocol.proxy import mask_proxy_urls_in
from qwenvl_desktop.services.preferences import PreferenceField

__all__ = [
    "ChoiceEditor",
    "FieldEditor",
    "FlagEditor",
    "LongTextEditor",
    "ModelEditor",
    "OptionalNumberEditor",
    "ProxyEditor",
    "SecondsEditor",
    "TextEditor",
    "words",
]

#: the catalog context of the Preferences dialog's words
CONTEXT = "PreferencesDialog"


def words(source: str) -> str:
    """``source`` (marked with ``translatable("PreferencesDialog", …)``) translated."""
    return QCoreApplication.translate(CONTEXT, source)


class FieldEditor(QWidget):
    """A setting's widget with its notes (origin, lock, override, what a change does) and the
    sentence of a value it cannot take."""

    def __init__(self, name: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        editor.setObjectName(f"pref_{name}")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        self.note = QLabel(self)
        self.note.setObjectName(f"pref_{name}_note")
        self.note.setWordWrap(True)
        small = self.note.font()
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        self.note.setFont(small)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.note)
        self.problem = QLabel(self)
        self.problem.setObjectName(f"pref_{name}_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        column.addWidget(self.problem)
        self._field: PreferenceField | None = None
        self._extra_note = ""
        self.retranslate()

    def retranslate(self) -> None:
        """The editor's own words in the interface language (subclasses add theirs)."""
        self._show_notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the dialog calls -------------------------------------------------------------------

    def show_field(self, field: PreferenceField, extra_note: str = "") -> None:
        self._field = field
        self._extra_note = extra_note
        self.set_value(field.value)
        self.editor.setEnabled(field.editable)
        self._show_notes()
        self.show_problem(None)

    def set_extra_note(self, extra_note: str) -> None:
        """What a change of this setting does (already in the interface language)."""
        self._extra_note = extra_note
        self._show_notes()

    def _show_notes(self) -> None:
        field, extra_note = self._field, self._extra_note
        if field is None:
            return
        notes = []
        if field.locked_by:
            notes.append(field.locked_by)
        elif field.overridden_by:
            notes.append(field.overridden_by)
        if extra_note:
            notes.append(extra_note)
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        translate = QCoreApplication.translate
        self.editor.setToolTip(
            translate("PreferencesDialog", "%1 — now from: %2")
            .replace("%1", field.name)
            .replace("%2", field.origin)
        )
        origin = translate("PreferencesDialog", "From: %1.").replace("%1", field.origin)
        self.editor.setAccessibleDescription(" ".join([origin, *notes]))

    def show_problem(self, sentence: str | None) -> None:
        """A value this setting cannot take (None: clear); said in the error colour."""
        self.problem.setText(sentence or "")
        self.problem.setVisible(bool(sentence))
        if sentence:
            from qwenvl_desktop.gui.transcript.colours import TranscriptColours

            colours = TranscriptColours(self.palette())
            palette = self.problem.palette()
            palette.setColor(self.problem.foregroundRole(), colours.error)
            self.problem.setPalette(palette)

    @property
    def editable(self) -> bool:
        return self._field is not None and self._field.editable

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class ChoiceEditor(FieldEditor):
    """A drop-down of (value, words) pairs; a value not offered is added as itself."""

    def __init__(
        self, name: str, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None
    ) -> None:
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._choices = tuple(choices)
        for value, text in self._choices:
            self.combo.addItem(text, value)
        super().__init__(name, self.combo, parent)

    def retranslate(self) -> None:
        for index, (_value, text) in enumerate(self._choices):
            self.combo.setItemText(index, words(text))
        super().retranslate()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0:
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class ModelEditor(FieldEditor):
    """The default model: the region's models, or any name typed (a gateway's)."""

    def __init__(self, name: str, models: Sequence[str], parent: QWidget | None = None) -> None:
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(models))
        super().__init__(name, self.combo, parent)

    def value(self) -> Any:
        return self.combo.currentText().strip()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentText(str(value))


class FlagEditor(FieldEditor):
    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        self.box = QCheckBox(text)
        self._text = text
        super().__init__(name, self.box, parent)

    def retranslate(self) -> None:
        self.box.setText(words(self._text))
        super().retranslate()

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class TextEditor(FieldEditor):
    """One line of text; empty means "not set"."""

    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        self.line = QLineEdit()
        self._placeholder = placeholder
        self.line.setClearButtonEnabled(True)
        super().__init__(name, self.line, parent)

    def retranslate(self) -> None:
        self.line.setPlaceholderText(words(self._placeholder))
        super().retranslate()

    def value(self) -> Any:
        return self.line.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class ProxyEditor(TextEditor):
    """The proxy URL; a password in it is shown masked, and kept unless the URL is edited."""

    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(name, placeholder, parent)
        self._original: str | None = None
        self._shown = ""

    def value(self) -> Any:
        text = self.line.text().strip()
        if self._original is not None and text == self._shown:
            return self._original
        return text or None

    def set_value(self, value: Any) -> None:
        self._original = None if value is None else str(value)
        self._shown = mask_proxy_urls_in(self._original) if self._original else ""
        self.line.setText(self._shown)


class LongTextEditor(FieldEditor):
    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        self.text = QPlainTextEdit()
        self._placeholder = placeholder
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(120)
        super().__init__(name, self.text, parent)

    def retranslate(self) -> None:
        self.text.setPlaceholderText(words(self._placeholder))
        super().retranslate()

    def value(self) -> Any:
        return self.text.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))


class SecondsEditor(FieldEditor):
    def __init__(self, name: str, maximum: float, parent: QWidget | None = None) -> None:
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.5, maximum)
        self.spin.setDecimals(1)
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        super().__init__(name, self.spin, parent)

    def retranslate(self) -> None:
        # the unit after the number of seconds
        self.spin.setSuffix(QCoreApplication.translate("PreferencesDialog", " s"))
        super().retranslate()

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(float(value))


class OptionalNumberEditor(FieldEditor):
    """A number, or "not set" at the spin box's lowest step (``unset_words``)."""

    def __init__(
        self,
        name: str,
        *,
        lowest: float,
        highest: float,
        step: float,
        decimals: int,
        unset_words: str,
        suffix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        self._whole = decimals == 0
        # The step below the lowest value means "not set" (for whole numbers: the number below,
        # so that max_tokens steps 0 ("Model's limit"), 256, 512…).
        self._unset = lowest - 1 if self._whole else lowest - step
        self.spin: QSpinBox | QDoubleSpinBox
        if self._whole:
            spin = QSpinBox()
            spin.setRange(int(self._unset), int(highest))
            spin.setSingleStep(int(step))
            self.spin = spin
        else:
            double = QDoubleSpinBox()
            double.setDecimals(decimals)
            double.setRange(self._unset, highest)
            double.setSingleStep(step)
            self.spin = double
        self._unset_words, self._suffix = unset_words, suffix
        super().__init__(name, self.spin, parent)

    def retranslate(self) -> None:
        self.spin.setSpecialValueText(words(self._unset_words))
        if self._suffix:
            self.spin.setSuffix(words(self._suffix))
        super().retranslate()

    def value(self) -> Any:
        number = self.spin.value()
        if number <= self._unset + 1e-9:
            return None
        return int(number) if self._whole else round(float(number), 4)

    def set_value(self, value: Any) -> None:
        if isinstance(self.spin, QSpinBox):
            self.spin.setValue(self.spin.minimum() if value is None else int(value))
        else:
            self.spin.setValue(self.spin.minimum() if value is None else float(value))
