"""The API keys the chat service sends with: looked up off the GUI thread, cached, saved.

A key belongs to a *target* — a catalog region (``region:cn``) or a custom endpoint
(``endpoint:https://…``), see :func:`~qwenvl_desktop.core.keys.key_target` — so switching
region switches key. The OS keyring is a D-Bus call that may wait for an unlock prompt, so every
lookup and every save runs in the executor; the window only ever sees :class:`KeyState` (never
the key itself) and the signals below.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.keys import (
    KeyLookup,
    KeyStoreError,
    StoredKey,
    key_target,
    lookup_key,
    store_key,
)

__all__ = ["KeyLookupFn", "KeyService", "KeyState", "region_city"]

log = logging.getLogger(__name__)

#: the regions' cities (core.protocol.regions.REGION_CITIES) marked for the catalog: a person
#: reads the city in their language ("シンガポール"), the region code stays as it is
_CITY_NAMES = {
    "intl": translatable("Regions", "Singapore"),
    "us": translatable("Regions", "Virginia"),
    "cn": translatable("Regions", "Beijing"),
    "hk": translatable("Regions", "Hong Kong"),
}


def region_city(region: str) -> str:
    """The city a catalog region's endpoint is in, in the interface language ("Singapore");
    an unknown region's code as it is."""
    city = _CITY_NAMES.get(region)
    return translate("Regions", city) if city is not None else region


#: ``lookup(region, custom_base_url)``: where the key of a target is found (blocking).
KeyLookupFn = Callable[[str, "str | None"], KeyLookup]


@dataclass(frozen=True, slots=True)
class KeyState:
    """What the window shows about the key in use: never the key itself."""

    region: str
    base_url: str | None
    present: bool | None  # None: still looking
    source: str = ""
    masked: str = ""
    problem: str | None = None


class KeyService(QObject):
    """Keys per target: one lookup each (cached for the session), and saving a typed key.

    ``base_url`` arguments are the custom endpoint's URL, or None for a catalog region.
    """

    #: a lookup finished or a key was stored (the window refreshes what it shows)
    keyChanged = Signal()
    #: a key the user entered was stored; the text says where ("OS keyring (…)", "session")
    keyStored = Signal(str)
    #: a key could not be stored; the sentence says why
    keyStoreFailed = Signal(str)

    def __init__(self, lookup: KeyLookupFn = lookup_key, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup_fn = lookup
        self._keys: dict[str, KeyLookup] = {}
        # A task per target while its lookup runs, so that two callers share one lookup.
        self._lookups: dict[str, asyncio.Task[KeyLookup]] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def known(self, region: str, base_url: str | None) -> KeyLookup | None:
        """The lookup's result for the target, or None while it has not finished."""
        return self._keys.get(key_target(region, base_url))

    def state(self, region: str, base_url: str | None) -> KeyState:
        found = self.known(region, base_url)
        if found is None:
            return KeyState(region, base_url, None)
        return KeyState(
            region,
            base_url,
            bool(found.key),
            source=found.source,
            masked=found.masked if found.key else "",
            problem=found.keyring_problem,
        )

    def start_lookup(self, region: str, base_url: str | None) -> asyncio.Task[KeyLookup] | None:
        """Look the target's key up in the background, once; None when already known."""
        target = key_target(region, base_url)
        if target in self._keys or target in self._lookups or self._closed:
            return self._lookups.get(target)
        task = asyncio.get_event_loop().create_task(self._lookup(target, region, base_url))
        self._lookups[target] = task
        return task

    async def key_for(self, region: str, base_url: str | None) -> KeyLookup:
        """The target's key, waiting for its lookup when it is still running."""
        target = key_target(region, base_url)
        if target in self._keys:
            return self._keys[target]
        task = self._lookups.get(target) or self.start_lookup(region, base_url)
        if task is None:  # closed: nothing is looked up any more
            return KeyLookup(None, "none")
        # Shielded: a stopped reply must not cancel a lookup others may be waiting for.
        return await asyncio.shield(task)

    async def _lookup(self, target: str, region: str, base_url: str | None) -> KeyLookup:
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(None, self._lookup_fn, region, base_url)
        except Exception as exc:  # a broken keyring backend must not take the window down
            log.warning("key lookup failed: %s", exc)
            found = KeyLookup(None, "none", keyring_problem=str(exc))
        finally:
            self._lookups.pop(target, None)
        # A key stored while the lookup ran is newer than what the lookup found.
        found = self._keys.setdefault(target, found)
        self.keyChanged.emit()
        return found

    def forget(self, region: str, base_url: str | None) -> None:
        """The target's key was deleted (Preferences): look it up again, so the window stops
        showing (and sending) the key it had found."""
        self._keys.pop(key_target(region, base_url), None)
        self.start_lookup(region, base_url)

    def save(self, region: str, base_url: str | None, key: str) -> None:
        """Store a key the user typed (keyring, else this session); a signal says how it went."""
        task = asyncio.get_event_loop().create_task(self.store(region, base_url, key))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def store(self, region: str, base_url: str | None, key: str) -> StoredKey | None:
        """:meth:`save`, awaited: where the key went, or None when it could not be stored (the
        signals are the same)."""
        loop = asyncio.get_running_loop()

        def store() -> StoredKey:
            return store_key(region, base_url, key, session_fallback=True)

        try:
            stored = await loop.run_in_executor(None, store)
        except KeyStoreError as error:
            self.keyStoreFailed.emit(error.user_message)
            return None
        except Exception as exc:
            log.exception("storing the key failed")
            self.keyStoreFailed.emit(
                translate("KeyService", "The key could not be stored: %1").replace("%1", str(exc))
            )
            return None
        self._keys[stored.target] = KeyLookup(key.strip(), stored.description, origin=stored.where)
        self.keyChanged.emit()
        self.keyStored.emit(stored.description)
        return stored

    async def aclose(self) -> None:
        """Cancel running lookups and saves. Safe to call more than once."""
        self._closed = True
        tasks = [*self._lookups.values(), *self._tasks]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
