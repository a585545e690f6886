"""The quick prompt buttons beside the image pane, and the dialog that edits them.

:class:`QuickPromptsBar` shows one button per :class:`~.quick_prompts.QuickPrompt` and emits
:attr:`~QuickPromptsBar.promptChosen` with the question to ask and whether it wants an OCR model;
the window puts the text in the question box (or sends it) and, for OCR, picks
:func:`~.quick_prompts.model_for_prompt`. A prompt with ``{language}`` gets a drop-down of
languages; choosing one saves it as the new default and asks at once. "Edit…" opens
:class:`QuickPromptsEditor`; its OK saves the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.prompts.quick_prompts import (
    TRANSLATION_LANGUAGES,
    QuickPrompt,
    QuickPrompts,
    QuickPromptsError,
    language_name,
    translation_languages,
)

__all__ = [
    "LANGUAGES",
    "QuickPromptsBar",
    "QuickPromptsEditor",
    "saved_language",
    "translate_choices",
]

#: offered in the "Translate to…" drop-down (the interface's language first:
#: :func:`translate_choices`)
LANGUAGES = TRANSLATION_LANGUAGES


def saved_language(typed: str) -> str:
    """The name to save for a language the person typed: a listed language's English name when
    they typed it as the interface names it (``日本語`` → ``Japanese``), else as typed."""
    typed = typed.strip()
    for language in TRANSLATION_LANGUAGES:
        if typed in (language, language_name(language)):
            return language
    return typed


def translate_choices() -> tuple[str, ...]:
    """The "Translate to…" languages, the interface's first: read from the default locale when
    asked, which choosing the interface language sets (``QLocale.setDefault``)."""
    return translation_languages(QLocale().name())


class QuickPromptsBar(QWidget):
    """A column (or row) of quick prompt buttons and an "Edit…" button."""

    #: (question text with ``{language}`` filled in, wants an OCR model)
    promptChosen = Signal(str, bool)
    #: the list or the language changed and was saved (other views may want to refresh)
    promptsChanged = Signal()
    #: saving failed; a sentence for the status bar (the change stays in memory)
    saveFailed = Signal(str)

    def __init__(
        self,
        prompts: QuickPrompts | None = None,
        parent: QWidget | None = None,
        *,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
    ) -> None:
        super().__init__(parent)
        self.prompts = prompts if prompts is not None else QuickPrompts.load()
        direction = (
            QBoxLayout.Direction.TopToBottom
            if orientation == Qt.Orientation.Vertical
            else QBoxLayout.Direction.LeftToRight
        )
        self._layout = QBoxLayout(direction, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._buttons: dict[str, QToolButton] = {}
        self._editor: QuickPromptsEditor | None = None
        self.edit_button = QToolButton(self)
        self.edit_button.setAutoRaise(True)
        self.edit_button.clicked.connect(self.open_editor)
        self.rebuild()
        self.retranslate()

    def retranslate(self) -> None:
        """The edit button's words; the prompts' buttons are rebuilt on a language change."""
        translate = QCoreApplication.translate
        self.edit_button.setText(translate("QuickPromptsBar", "Edit…"))
        self.edit_button.setToolTip(
            translate("QuickPromptsBar", "Change, add or reorder the quick prompts")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._relabel()  # the shipped prompts' labels and questions follow the language
        super().changeEvent(event)

    def _relabel(self) -> None:
        """The buttons' words in the new language, the buttons kept: deleting them here (with
        their language menus) during Qt's LanguageChange made PySide take the window's own menus
        for deleted on the next switch (a wrapper for a reused address)."""
        for prompt in self.prompts:
            button = self._buttons.get(prompt.id)
            if button is None:
                self.rebuild()
                return
            button.setText(prompt.render_label(self.prompts.language))
            button.setToolTip(prompt.render(self.prompts.language))

    def button(self, prompt_id: str) -> QToolButton:
        """The button of one prompt (tests, and the window's keyboard shortcuts)."""
        return self._buttons[prompt_id]

    def rebuild(self) -> None:
        """Recreate the buttons from :attr:`prompts` (after an edit or a language change)."""
        while self._layout.count():
            self._layout.takeAt(0)  # buttons, the edit button and the stretch
        for button in self._buttons.values():
            button.deleteLater()
        self._buttons.clear()
        for prompt in self.prompts:
            button = self._make_button(prompt)
            self._buttons[prompt.id] = button
            self._layout.addWidget(button)
        self._layout.addWidget(self.edit_button)
        self._layout.addStretch(1)

    def choose(self, prompt_id: str, language: str | None = None) -> None:
        """Act as if the prompt's button was pressed; ``language`` first becomes the default."""
        if language is not None and language != self.prompts.language:
            self.prompts.set_language(language)
            self._save()
            self.rebuild()
        prompt = self.prompts.get(prompt_id)
        self.promptChosen.emit(prompt.render(self.prompts.language), prompt.ocr)

    def open_editor(self) -> None:
        """Open the editor (non-blocking: ``open()``, not ``exec()``, so it is safe on qasync)."""
        if self._editor is not None:
            self._editor.raise_()
            return
        editor = QuickPromptsEditor(self.prompts, self)
        editor.finished.connect(lambda result: self._editor_closed(editor, result))
        self._editor = editor
        editor.open()

    def _editor_closed(self, editor: QuickPromptsEditor, result: int) -> None:
        self._editor = None
        editor.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.prompts.replace_with(editor.edited.prompts, editor.edited.language)
            self._save()
            self.rebuild()

    def _make_button(self, prompt: QuickPrompt) -> QToolButton:
        button = QToolButton(self)
        button.setText(prompt.render_label(self.prompts.language))
        button.setToolTip(prompt.render(self.prompts.language))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda _checked=False, pid=prompt.id: self.choose(pid))
        if prompt.uses_language:
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            button.setMenu(self._language_menu(prompt.id, button))
        return button

    def _language_menu(self, prompt_id: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setObjectName("translateLanguageMenu")
        # Filled as it opens: the interface language may have changed since the button was made.
        menu.aboutToShow.connect(lambda: self._fill_language_menu(menu, prompt_id))
        self._fill_language_menu(menu, prompt_id)
        return menu

    def _fill_language_menu(self, menu: QMenu, prompt_id: str) -> None:
        menu.clear()
        for language in translate_choices():
            action = QAction(language_name(language), menu)
            action.setCheckable(True)
            action.setChecked(language == self.prompts.language)
            action.triggered.connect(
                lambda _checked=False, lang=language: self.choose(prompt_id, lang)
            )
            menu.addAction(action)
        menu.addSeparator()
        other = QAction(QCoreApplication.translate("QuickPromptsBar", "Other…"), menu)
        other.triggered.connect(lambda _checked=False: self._ask_language(prompt_id))
        menu.addAction(other)

    def _ask_language(self, prompt_id: str) -> None:
        from PySide6.QtWidgets import QInputDialog

        translate = QCoreApplication.translate
        language, ok = QInputDialog.getText(
            self,
            translate("QuickPromptsBar", "Translate to"),
            translate("QuickPromptsBar", "Language:"),
            text=language_name(self.prompts.language),
        )
        if ok and language.strip():
            try:
                self.choose(prompt_id, saved_language(language))
            except QuickPromptsError as exc:
                self.saveFailed.emit(str(exc))

    def _save(self) -> None:
        try:
            self.prompts.save()
        except OSError as exc:
            self.saveFailed.emit(
                QCoreApplication.translate(
                    "QuickPromptsBar", "The quick prompts could not be saved: %1"
                ).replace("%1", str(exc))
            )
            return
        self.promptsChanged.emit()


class QuickPromptsEditor(QDialog):
    """Edits a copy of the prompts; :attr:`edited` holds the result when the dialog is accepted."""

    def __init__(self, prompts: QuickPrompts, parent: QWidget | None = None) -> None:
        # Imported with the first editor: no widget of the window's first frame needs their
        # Python types (≈ 2 ms of enums before it).
        from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFormLayout, QListWidget

        super().__init__(parent)
        self.edited = prompts.copy()
        self._loading = False

        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show_row)
        self.label_edit = QLineEdit(self)
        self.text_edit = QPlainTextEdit(self)
        self.ocr_check = QCheckBox(self)
        self.language_edit = QLineEdit(language_name(self.edited.language), self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: white; background: #b3261e; padding: 3px")
        self.error.hide()
        for signal in (self.label_edit.textEdited, self.text_edit.textChanged):
            signal.connect(self._apply_fields)
        self.ocr_check.toggled.connect(self._apply_fields)
        self.language_edit.textEdited.connect(self._apply_language)

        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self)
        self.down_button.clicked.connect(lambda: self._move(1))
        self.defaults_button = QPushButton(self)
        self.defaults_button.clicked.connect(self._restore_defaults)
        row_buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row_buttons.addWidget(widget)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.defaults_button)

        self.label_caption = QLabel(self)
        self.question_caption = QLabel(self)
        self.language_caption = QLabel(self)
        form = QFormLayout()
        form.addRow(self.label_caption, self.label_edit)
        form.addRow(self.question_caption, self.text_edit)
        form.addRow("", self.ocr_check)
        form.addRow(self.language_caption, self.language_edit)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(form, 2)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._reload(0)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("QuickPromptsEditor", "Quick prompts"))
        self.text_edit.setPlaceholderText(
            translate("QuickPromptsEditor", "The question to ask. {language} is replaced.")
        )
        self.ocr_check.setText(
            translate("QuickPromptsEditor", "Use the region's OCR model when there is one")
        )
        self.add_button.setText(translate("QuickPromptsEditor", "Add"))
        self.remove_button.setText(translate("QuickPromptsEditor", "Remove"))
        self.up_button.setText(translate("QuickPromptsEditor", "Up"))
        self.down_button.setText(translate("QuickPromptsEditor", "Down"))
        self.defaults_button.setText(translate("QuickPromptsEditor", "Restore defaults"))
        self.label_caption.setText(translate("QuickPromptsEditor", "Label"))
        self.question_caption.setText(translate("QuickPromptsEditor", "Question"))
        self.language_caption.setText(translate("QuickPromptsEditor", "Translate to"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._reload(self.list.currentRow())  # shipped labels follow the language
        super().changeEvent(event)

    def _current(self) -> QuickPrompt | None:
        row = self.list.currentRow()
        prompts = self.edited.prompts
        return prompts[row] if 0 <= row < len(prompts) else None

    def _reload(self, row: int) -> None:
        self._loading = True
        self.list.clear()
        for prompt in self.edited:
            self.list.addItem(prompt.render_label(self.edited.language))
        self._loading = False
        if len(self.edited):
            self.list.setCurrentRow(max(0, min(row, len(self.edited) - 1)))
        else:
            self._show_row(-1)

    def _show_row(self, row: int) -> None:
        if self._loading:
            return
        prompt = self._current()
        self._loading = True
        # Shipped words show in the interface language; saved as typed only once edited.
        self.label_edit.setText(prompt.shown_label if prompt else "")
        self.text_edit.setPlainText(prompt.shown_text if prompt else "")
        self.ocr_check.setChecked(prompt.ocr if prompt else False)
        for widget in (self.label_edit, self.text_edit, self.ocr_check, self.remove_button):
            widget.setEnabled(prompt is not None)
        self._loading = False
        self._set_error(None)

    def _apply_fields(self) -> None:
        prompt = self._current()
        if self._loading or prompt is None:
            return
        label, text = self.label_edit.text(), self.text_edit.toPlainText()
        try:
            updated = self.edited.update(
                prompt.id,
                # a field still showing the shipped words keeps them (and their translations)
                label=None if label == prompt.shown_label else label,
                text=None if text == prompt.shown_text else text,
                ocr=self.ocr_check.isChecked(),
            )
        except QuickPromptsError as exc:
            self._set_error(str(exc))
            return
        self._set_error(None)
        item = self.list.currentItem()
        if item is not None:
            item.setText(updated.render_label(self.edited.language))

    def _apply_language(self, text: str) -> None:
        try:
            self.edited.set_language(saved_language(text))
        except QuickPromptsError as exc:
            self._set_error(str(exc))
            return
        self._set_error(None)
        self._reload(self.list.currentRow())

    def _add(self) -> None:
        self.edited.add("New prompt", "Describe this image.")
        self._reload(len(self.edited) - 1)
        self.label_edit.setFocus()
        self.label_edit.selectAll()

    def _remove(self) -> None:
        prompt = self._current()
        if prompt is not None:
            row = self.list.currentRow()
            self.edited.remove(prompt.id)
            self._reload(row)

    def _move(self, step: int) -> None:
        prompt = self._current()
        if prompt is not None:
            row = self.list.currentRow() + step
            self.edited.move(prompt.id, row)
            self._reload(row)

    def _restore_defaults(self) -> None:
        self.edited.reset()
        self.language_edit.setText(language_name(self.edited.language))
        self._reload(0)

    def _set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(message is not None)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(message is None)
