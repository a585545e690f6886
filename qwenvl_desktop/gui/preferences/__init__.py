"""Preferences (Ctrl+, — File ▸ Preferences…; the application menu on macOS).

:func:`open_preferences` makes the dialog (:mod:`.dialog`) for a
:class:`~qwenvl_desktop.services.preferences.PreferencesService` and connects the two: the
dialog's intents go to the service, the service's state back to the dialog. The connections live
in a small object owned by the dialog, so they end when it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from qwenvl_desktop.gui.preferences.dialog import PreferencesDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from qwenvl_desktop.services.preferences import PreferencesService, SaveOutcome

__all__ = ["PreferencesDialog", "open_preferences"]


class _Presenter(QObject):
    """The service's signals to the dialog; a child of the dialog, gone with it."""

    def __init__(self, dialog: PreferencesDialog, service: PreferencesService) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._service = service
        service.changed.connect(self.show_fields)
        service.saveFinished.connect(self.show_outcome)
        service.keysChanged.connect(self.show_keys)
        service.keyMessage.connect(self.show_key_message)
        dialog.saveRequested.connect(service.save)
        dialog.setKeyRequested.connect(service.set_key)
        dialog.checkKeyRequested.connect(service.check_key)
        dialog.deleteKeyRequested.connect(service.delete_key)
        # The service words the origins, locks and key rows: a language change asks it again.
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.LanguageChange:
            self._service.relabel()
        return False

    def show_fields(self) -> None:
        self._dialog.show_fields(self._service.fields)

    def show_outcome(self, outcome: SaveOutcome) -> None:
        self._dialog.show_outcome(outcome)

    def show_keys(self) -> None:
        self._dialog.show_keys(self._service.keys, self._service.key_work_running)

    def show_key_message(self, sentence: str) -> None:
        self._dialog.show_key_message(sentence)


def open_preferences(parent: QWidget, service: PreferencesService) -> PreferencesDialog:
    """The dialog for ``service``, connected and filled; the caller shows it."""
    dialog = PreferencesDialog(
        service.fields,
        regions=service.region_choices(),
        models=service.model_names(),
        user_file=service.user_file,
        history_path=service.history_path,
        parent=parent,
    )
    _Presenter(dialog, service)
    service.refresh_keys()
    return dialog
