"""The first key: checked at the endpoint, then stored; with consent, its region found.

The welcome (:mod:`qwenvl_desktop.gui.welcome`) shows :attr:`KeySetup.state` and calls
:meth:`KeySetup.submit` and :meth:`KeySetup.find_region`; nothing here touches a widget.

- A key is checked with ``GET {base}/models`` (:func:`~qwenvl_desktop.core.keys.check_key`, the
  check ``qwenvl-desktop key check`` makes) *before* it is stored, so a key the endpoint rejects
  is never kept. Model Studio keys are bound to the region whose console made them: a rejected
  key that has their form most likely belongs to another region.
- When the check cannot be made (the endpoint is unreachable, or answers it with another error),
  the key is stored anyway and the sentence says it was not checked: the first question will
  tell.
- Storing goes through :meth:`KeyService.store <qwenvl_desktop.services.keys.KeyService.store>`,
  the one way a typed key is kept (the OS keyring, else this session's memory; never a file).
- Trying the other regions sends the key to their hosts, so it happens only on
  :meth:`KeySetup.find_region` — a button that says so. The region that accepts it becomes the
  region in use, and the key is stored for it.

The key itself is never kept here: it goes to the check and the store, and is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.keys import (
    KeyCheck,
    UnusableKey,
    check_key,
    env_var_names,
    keyring_status,
    masked,
    normalize_key,
)
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS
from qwenvl_desktop.core.protocol.errors import scrub_secrets
from qwenvl_desktop.services.keys import region_city

if TYPE_CHECKING:
    from qwenvl_desktop.core.keys import StoredKey
    from qwenvl_desktop.services.chat import ChatController

__all__ = ["KeySetup", "KeySetupPhase", "KeySetupState", "RegionChoice"]

log = logging.getLogger(__name__)

KeySetupPhase = Literal["idle", "checking", "rejected", "searching", "failed"]


@dataclass(frozen=True, slots=True)
class RegionChoice:
    """A catalog region as the welcome offers it."""

    id: str
    city: str
    #: the catalog's description, e.g. "Singapore (international)"
    label: str
    #: the console page where this region's keys are created
    key_console: str
    #: the host its requests go to
    host: str


@dataclass(frozen=True, slots=True)
class KeySetupState:
    """What the welcome shows about the key being entered (never the key)."""

    phase: KeySetupPhase = "idle"
    #: one or two sentences: what is happening, or what went wrong and what to do
    message: str = ""
    #: the key was rejected and may belong to another region: the welcome offers to find it
    can_search: bool = False
    #: where finding its region would send the key: "Virginia (dashscope-us.aliyuncs.com)", …
    search_targets: tuple[str, ...] = ()

    @property
    def busy(self) -> bool:
        return self.phase in ("checking", "searching")


class KeySetup(QObject):
    """Checks and stores the key typed into the welcome, for the chat service's region."""

    #: :attr:`state` changed
    changed = Signal()
    #: a key went in (stored, and checked or not): one sentence for the status bar — by then the
    #: welcome has gone
    keyAccepted = Signal(str)

    def __init__(self, chat: ChatController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chat = chat
        self._state = KeySetupState()
        self._task: asyncio.Task[None] | None = None
        self._store_failure = ""
        chat.endpointChanged.connect(self._endpoint_changed)
        chat.keys.keyStoreFailed.connect(self._remember_store_failure)

    # -- what the welcome reads ------------------------------------------------------------------

    @property
    def state(self) -> KeySetupState:
        return self._state

    @property
    def region_locked(self) -> bool:
        """The system configuration fixes the region (and so the welcome cannot change it)."""
        settings = self._chat.settings
        return settings.is_locked("region") or settings.is_locked("base_url")

    def region_choices(self) -> list[RegionChoice]:
        catalog = self._chat.settings.catalog()
        return [
            RegionChoice(
                region,
                region_city(region),
                catalog.region(region).label,
                catalog.region(region).key_console,
                self._host(region),
            )
            for region in REGION_IDS
        ]

    def storage_note(self) -> str:
        """Where a key typed in the welcome will be kept, and what takes precedence over it."""
        region = self._chat.region
        env = translate("KeySetup", " or ").join(env_var_names(region))
        status = keyring_status()
        if status.available:
            note = translate(
                "KeySetup",
                "Saved in the OS keyring (%1), nowhere else. A key in %2 is used without asking.",
            ).replace("%1", status.backend)
        else:
            note = translate(
                "KeySetup",
                "No OS keyring is available (%1), so the key is kept in memory for this session "
                "only; to keep it, set %2 before starting the app. A key in %2 is used without "
                "asking.",
            ).replace("%1", str(status.reason))
        return note.replace("%2", env)

    # -- intent --------------------------------------------------------------------------------

    def submit(self, text: str) -> None:
        """Check the typed key at the endpoint in use; store it when it is accepted (or when
        the check cannot be made)."""
        self._start(self._submit(text))

    def find_region(self, text: str) -> None:
        """The person agreed to send the key to the other regions: find the one that accepts
        it, switch to it and store the key there."""
        if self.region_locked or self._chat.region == CUSTOM_REGION:
            return
        self._start(self._find_region(text))

    async def aclose(self) -> None:
        """Cancel a check that is still running. Safe to call more than once."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # -- the work ------------------------------------------------------------------------------

    def _start(self, work: Coroutine[Any, Any, None]) -> None:
        if self._state.busy:
            work.close()
            return
        self._task = asyncio.get_event_loop().create_task(self._guarded(work))

    async def _guarded(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work``; a failure nobody expected still ends the "checking" state (the welcome
        would stay disabled) and is logged, never with the key."""
        try:
            await work
        except Exception as error:
            sentence = scrub_secrets(f"{type(error).__name__}: {error}")
            log.warning("checking or storing the key failed: %s", sentence)
            self._set(
                KeySetupState(
                    "failed",
                    translate("KeySetup", "The key could not be checked: %1").replace(
                        "%1", sentence
                    ),
                )
            )

    async def _submit(self, text: str) -> None:
        key = self._usable(text)
        if key is None:
            return
        chat = self._chat
        region, base_url = chat.region, chat.base_url
        custom_url = chat.custom_url if region == CUSTOM_REGION else None
        host = urlsplit(base_url).netloc or base_url
        checking = (
            translate("KeySetup", "Checking the key %1 with %2…")
            .replace("%1", masked(key))
            .replace("%2", host)
        )
        self._set(KeySetupState("checking", checking))
        result = await self._check(key, region, base_url, try_other_regions=False)
        if result.outcome in ("invalid", "region-mismatch"):
            self._set(self._rejected(result, region))
            return
        stored = await chat.keys.store(region, custom_url, key)
        if stored is None:
            self._set(KeySetupState("failed", self._store_failure))
            return
        self._set(KeySetupState())
        self.keyAccepted.emit(self._accepted_sentence(result, stored))

    async def _find_region(self, text: str) -> None:
        key = self._usable(text)
        if key is None:
            return
        chat = self._chat
        region = chat.region
        others = [region_city(r) for r in REGION_IDS if r != region]
        trying = translate("KeySetup", "Trying the key in %1…").replace(
            "%1", translate("KeySetup", ", ").join(others)
        )
        self._set(KeySetupState("searching", trying))
        result = await self._check(key, region, chat.base_url, try_other_regions=True)
        if result.outcome == "valid":  # it works here after all (the first check was unlucky)
            home = region
        elif result.works_in:
            home = result.works_in[0]
        else:
            self._set(self._rejected(result, region, searched=True))
            return
        # Switched before storing: the new region's lookup then finds the stored key, or is
        # overtaken by it (KeyService keeps a stored key over a lookup that ran meanwhile).
        chat.set_region(home)
        stored = await chat.keys.store(home, None, key)
        if stored is None:
            self._set(KeySetupState("failed", self._store_failure))
            return
        self._set(KeySetupState())
        city = region_city(home)
        if home != region:
            accepted = translate(
                "KeySetup",
                "The key %1 belongs to %2: the region is now %2 (%3), and it is saved in the %4.",
            ).replace("%3", home)
            accepted = accepted.replace("%4", stored.description)
        else:
            accepted = translate(
                "KeySetup", "The key %1 works in %2, and it is saved in the %3."
            ).replace("%3", stored.description)
        self.keyAccepted.emit(accepted.replace("%1", stored.masked).replace("%2", city))

    async def _check(
        self, key: str, region: str, base_url: str, *, try_other_regions: bool
    ) -> KeyCheck:
        settings = self._chat.settings
        return await check_key(
            key,
            region,
            base_url,
            settings.client_settings(),
            region_urls={r: settings.region_base_url(r) for r in REGION_IDS},
            try_other_regions=try_other_regions,
        )

    # -- words ---------------------------------------------------------------------------------

    def _usable(self, text: str) -> str | None:
        try:
            return normalize_key(text)
        except UnusableKey as error:
            self._set(KeySetupState("failed", error.user_message))
            return None

    def _where(self, region: str) -> str:
        """``Singapore (intl)``, or ``the endpoint https://…``."""
        if region == CUSTOM_REGION:
            return translate("KeySetup", "the endpoint %1").replace("%1", self._chat.base_url)
        return f"{region_city(region)} ({region})"

    def _rejected(self, result: KeyCheck, region: str, *, searched: bool = False) -> KeySetupState:
        where = self._where(region)
        where = where[0].upper() + where[1:]
        if searched:
            return KeySetupState(
                "rejected",
                translate(
                    "KeySetup",
                    "No region accepted the key %1: it is not a valid Model Studio "
                    "key (deleted, mistyped, or from another service). Create one in the console "
                    "of your region (link above) and paste it here.",
                ).replace("%1", result.masked),
            )
        searchable = (
            result.outcome == "region-mismatch"
            and region != CUSTOM_REGION
            and not self.region_locked
        )
        if not searchable:
            return KeySetupState(
                "rejected",
                translate("KeySetup", "%1 rejected the key %2. Check that it was copied whole.")
                .replace("%2", result.masked)
                .replace("%1", where),
            )
        targets = tuple(f"{region_city(r)} ({self._host(r)})" for r in REGION_IDS if r != region)
        return KeySetupState(
            "rejected",
            translate(
                "KeySetup",
                "%1 rejected the key %2. A key works only in the region whose "
                "console made it: choose that region above and save again, or let the app find "
                "it.",
            )
            .replace("%2", result.masked)
            .replace("%1", where),
            can_search=True,
            search_targets=targets,
        )

    def _accepted_sentence(self, result: KeyCheck, stored: StoredKey) -> str:
        if result.outcome == "valid":
            if result.region == CUSTOM_REGION:
                works = translate(
                    "KeySetup", "The key %1 works with %2 (%3 models) and is saved in the %4."
                )
            else:
                works = translate(
                    "KeySetup", "The key %1 works in %2 (%3 models) and is saved in the %4."
                )
            return (
                works.replace("%1", stored.masked)
                .replace("%2", self._where(result.region))
                .replace("%3", str(result.models))
                .replace("%4", stored.description)
            )
        why = result.error.user_message if result.error is not None else result.message
        return (
            translate(
                "KeySetup",
                "The key %1 is saved in the %2 for %3, but it could not be checked now: %4",
            )
            .replace("%1", stored.masked)
            .replace("%2", stored.description)
            .replace("%3", self._where(result.region))
            .replace("%4", why)
        )

    def _host(self, region: str) -> str:
        url = self._chat.settings.region_base_url(region)
        return urlsplit(url).netloc or url

    # -- state ---------------------------------------------------------------------------------

    def _set(self, state: KeySetupState) -> None:
        self._state = state
        self.changed.emit()

    def _endpoint_changed(self) -> None:
        # A message about the previous region's key no longer applies.
        if not self._state.busy and self._state != KeySetupState():
            self._set(KeySetupState())

    def _remember_store_failure(self, sentence: str) -> None:
        self._store_failure = sentence
