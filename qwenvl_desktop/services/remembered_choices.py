"""The region, model and custom endpoint the person picks, saved so that the next start opens on
them (issue 11: they reset at each start).

Not saved: a setting the system-wide file locks, and one given on the command line (``--region``,
``--base-url``, ``--model`` choose for that start only). The user file is edited with tomlkit
(:func:`~qwenvl_desktop.core.settings.save_user_settings`): the person's comments stay. Writing
happens off the GUI thread, a moment after the last change, so a burst of picks writes once.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from qwenvl_desktop.core.settings.loader import COMMAND_LINE

if TYPE_CHECKING:
    from qwenvl_desktop.core.settings import LoadedSettings
    from qwenvl_desktop.services.chat import ChatController

__all__ = ["RememberedChoices"]

log = logging.getLogger(__name__)

#: the settings this remembers; region and base_url go together (a base URL means "custom")
_ENDPOINT = ("region", "base_url")


class RememberedChoices(QObject):
    """Saves ``controller``'s region, model and custom URL to the user file when they change."""

    def __init__(
        self,
        controller: ChatController,
        loaded: LoadedSettings,
        *,
        delay_ms: int = 700,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        settings = loaded.settings

        def fixed(name: str) -> bool:
            return settings.is_locked(name) or loaded.sources.get(name) == COMMAND_LINE

        self._skip = {"model"} if fixed("model") else set()
        if any(fixed(name) for name in _ENDPOINT):
            self._skip.update(_ENDPOINT)
        self._saved = self._choices()
        self._pending: asyncio.Future[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save)
        controller.endpointChanged.connect(self._timer.start)

    def _choices(self) -> dict[str, Any]:
        c = self._controller
        return {"region": c.region, "base_url": c.custom_url, "model": c.model}

    def changes(self) -> dict[str, Any]:
        """What differs from what was last saved (or loaded), leaving out the fixed settings."""
        now = self._choices()
        return {
            name: value
            for name, value in now.items()
            if name not in self._skip and value != self._saved.get(name)
        }

    def _save(self) -> None:
        changes = self.changes()
        if not changes:
            return
        if "region" in changes and changes["region"] == "custom":
            del changes["region"]  # a custom endpoint is its base_url; the region stays as it was
        self._saved.update(self._choices())
        loop = asyncio.get_event_loop()
        self._pending = loop.run_in_executor(None, _write, changes)

    async def flush(self) -> None:
        """Save what is waiting now (the window closes) and wait for the write."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()
        if self._pending is not None:
            await self._pending


def _write(changes: dict[str, Any]) -> None:
    from qwenvl_desktop.core.settings import save_user_settings
    from qwenvl_desktop.core.settings.writer import ConfigError

    try:
        save_user_settings(changes)
    except ConfigError as error:  # locked since start, an unreadable file: the choice stays
        log.warning("could not remember %s: %s", ", ".join(changes), error.one_line())
