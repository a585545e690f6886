"""Preferences: what the dialog shows about each setting, and saving what the person changes.

:class:`PreferencesService` reads the effective settings with, for each one, where its value came
from (default, the system or user file, the environment, the command line) and whether the
system-wide file locks it; it checks changes exactly as loading would, writes them to the user
file (:func:`~qwenvl_desktop.core.settings.save_user_settings`: tomlkit, comments and order kept,
replaced atomically), loads the settings again and applies what can change while the window
runs. It also manages the API key of each region and endpoint (set, check, delete), through the
OS keyring (:mod:`qwenvl_desktop.core.keys`) — the key never comes back out, only masked.

The dialog (:mod:`qwenvl_desktop.gui.preferences`) shows :attr:`PreferencesService.fields` and
:attr:`PreferencesService.keys`, and calls :meth:`save`, :meth:`set_key`, :meth:`check_key`,
:meth:`delete_key`; nothing here touches a widget. Files and the keyring are read and written in
the loop's executor.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.keys.store import shown_source
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS
from qwenvl_desktop.core.protocol.errors import scrub_secrets
from qwenvl_desktop.core.settings.files import ConfigLocations, default_locations
from qwenvl_desktop.core.settings.loader import COMMAND_LINE, DEFAULT, LoadedSettings, load_settings
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext
from qwenvl_desktop.core.settings.values import Settings

if TYPE_CHECKING:
    from qwenvl_desktop.core.keys import StoredKey
    from qwenvl_desktop.services.chat import ChatController

__all__ = [
    "AFTER_THE_ANSWER",
    "LIVE_SETTINGS",
    "PREFERENCE_NAMES",
    "SAVED_ONLY",
    "KeyRow",
    "PreferenceField",
    "PreferencesService",
    "SaveOutcome",
]

log = logging.getLogger(__name__)

#: the settings the dialog edits, in the order of its pages
PREFERENCE_NAMES: tuple[str, ...] = (
    "language",
    "send_with",
    "history",
    "region",
    "base_url",
    "proxy",
    "ca_bundle",
    "connect_timeout",
    "read_timeout",
    "stream_read_timeout",
    "model",
    "image_detail",
    "system_prompt",
    "temperature",
    "top_p",
    "max_tokens",
    "theme",
    "font_size",
)

#: saved for what is not there yet (nothing now: the language switches live, issue 12)
SAVED_ONLY: frozenset[str] = frozenset()

#: what waits for a streaming reply to end: the connection (a new HTTP client) and the history
#: file (opened or closed), so the reply finishes where it started (``ChatController.use_settings``)
AFTER_THE_ANSWER = frozenset(
    {"proxy", "ca_bundle", "connect_timeout", "read_timeout", "stream_read_timeout", "history"}
)

#: what changes while the window runs: everything
LIVE_SETTINGS = frozenset(PREFERENCE_NAMES) - SAVED_ONLY

#: the settings the chat service keeps (the region, endpoint and model switch through it)
_SERVICE_SETTINGS = tuple(n for n in PREFERENCE_NAMES if n not in ("region", "base_url", "model"))

#: "now"; "after the answer": once no reply is streaming (at once when none is); "saved only"
Applies = Literal["now", "after the answer", "saved only"]


@dataclass(frozen=True, slots=True)
class PreferenceField:
    """One setting as the dialog shows it."""

    name: str
    #: the effective value (a :class:`Settings` field's value)
    value: Any
    #: where the value comes from, in words: "Default", "Your settings file", …
    origin: str
    #: why it cannot be changed here (the system-wide file locks it), or None
    locked_by: str | None = None
    #: a higher layer (the environment, the command line) sets it: what is saved here waits
    overridden_by: str | None = None
    applies: Applies = "now"

    @property
    def editable(self) -> bool:
        return self.locked_by is None


@dataclass(frozen=True, slots=True)
class KeyRow:
    """A region's (or the custom endpoint's) key as the Keys page shows it: never the key."""

    region: str
    #: the custom endpoint's URL, None for a catalog region
    base_url: str | None
    #: "Singapore (intl)", "Custom endpoint https://…"
    label: str
    #: an entry in the OS keyring: True/False, None when the keyring cannot be read
    stored: bool | None
    #: where the key in use comes from ("environment DASHSCOPE_API_KEY", "OS keyring (…)"), or ""
    in_use: str = ""
    masked: str = ""
    #: why the keyring could not be read
    problem: str | None = None

    @property
    def present(self) -> bool:
        return bool(self.masked)


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What saving did: the settings written, or the problems (nothing is written then)."""

    saved: tuple[str, ...] = ()
    #: setting name (or "" for the file) -> a sentence saying what would be accepted
    problems: Mapping[str, str] | None = None
    #: one sentence for the dialog and the status bar
    message: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


class PreferencesService(QObject):
    """The settings the dialog edits, their origins and locks; saving; the keys per region."""

    #: :attr:`fields` changed (after a save, the settings were loaded again)
    changed = Signal()
    #: a save ended: its :class:`SaveOutcome`
    saveFinished = Signal(object)
    #: the settings in effect after a save (the window applies theme, font and send key)
    settingsApplied = Signal(object)
    #: :attr:`keys` changed
    keysChanged = Signal()
    #: one sentence about a key (set, checked, deleted, or why not); never the key
    keyMessage = Signal(str)

    def __init__(
        self,
        loaded: LoadedSettings,
        *,
        controller: ChatController | None = None,
        locations: ConfigLocations | None = None,
        environ: Mapping[str, str] | None = None,
        history_path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._environ: Mapping[str, str] = os.environ if environ is None else environ
        self._locations = locations or default_locations(self._environ)
        self._controller = controller
        self._loaded = loaded
        #: the command line's values, given again on each reload (they win for this start)
        self._overrides = {
            name: getattr(loaded.settings, name)
            for name, source in loaded.sources.items()
            if source == COMMAND_LINE and name in SPECS
        }
        self._history_path = history_path
        self._keys: list[KeyRow] = []
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy_keys = False

    # -- what the dialog reads -------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._loaded.settings

    @property
    def user_file(self) -> Path:
        return self._locations.user

    @property
    def system_file(self) -> Path:
        return self._locations.system

    @property
    def history_path(self) -> Path:
        """Where the conversation history is kept (when ``history`` is on)."""
        if self._history_path is None:
            from qwenvl_desktop.core.history.database import default_path

            self._history_path = default_path()
        return self._history_path

    @property
    def fields(self) -> dict[str, PreferenceField]:
        return {name: self.field(name) for name in PREFERENCE_NAMES}

    def field(self, name: str) -> PreferenceField:
        settings, sources = self._loaded.settings, self._loaded.sources
        source = sources.get(name, DEFAULT)
        locked = None
        if settings.is_locked(name):
            locked = translate(
                "PreferencesService",
                "Locked by the system-wide configuration (%1): "
                "ask whoever manages this computer to change it.",
            ).replace("%1", str(self.system_file))
        overridden = None
        if source.startswith("environment "):
            variable = source.removeprefix("environment ")
            overridden = translate(
                "PreferencesService",
                "%1 is set in the environment and wins: a value saved here is used "
                "once it is unset.",
            ).replace("%1", variable)
        elif source == COMMAND_LINE:
            overridden = translate(
                "PreferencesService",
                "Given on the command line for this start: a value saved here is used from "
                "the next start.",
            )
        return PreferenceField(
            name,
            getattr(settings, name),
            _origin_words(source),
            locked,
            overridden,
            _applies(name),
        )

    #: the catalog's region labels (core/protocol/catalog.toml), for the translators
    _REGION_LABELS = (
        translatable("Regions", "Singapore (international)"),
        translatable("Regions", "Virginia (US)"),
        translatable("Regions", "Beijing (mainland China)"),
        translatable("Regions", "Hong Kong"),
    )

    def region_choices(self) -> list[tuple[str, str]]:
        """Each catalog region and its description: ("intl", "Singapore (international)")."""
        catalog = self._loaded.settings.catalog()
        return [
            (region, translate("Regions", catalog.region(region).label)) for region in REGION_IDS
        ]

    def model_names(self) -> list[str]:
        """The models the region (or endpoint) in the settings offers, as allowed."""
        settings = self._loaded.settings
        catalog = settings.catalog()
        offered = catalog.offered_models(
            settings.effective_region, settings.allowed_models, keep=catalog.model(settings.model)
        )
        return [info.name for info in offered]

    @property
    def keys(self) -> list[KeyRow]:
        """Each region's key and the custom endpoint's (see :meth:`refresh_keys`)."""
        return list(self._keys)

    @property
    def key_work_running(self) -> bool:
        return self._busy_keys

    # -- settings --------------------------------------------------------------------------------

    def changes_from(self, wanted: Mapping[str, Any]) -> dict[str, Any]:
        """The entries of ``wanted`` (name -> value, as the dialog reads its widgets) that
        differ from the effective value: opening the dialog and pressing OK writes nothing."""
        current = self._loaded.settings
        return {
            name: None if isinstance(value, str) and not value.strip() else value
            for name, value in wanted.items()
            if name in PREFERENCE_NAMES and _normal(value) != _normal(getattr(current, name))
        }

    def problems(self, changes: Mapping[str, Any]) -> dict[str, str]:
        """Each change a setting cannot take, locked or invalid: name -> the sentence why."""
        found: dict[str, str] = {}
        ctx = ParseContext(base_dir=self.user_file.parent)
        for name, value in changes.items():
            spec = SPECS.get(name)
            if spec is None or name not in PREFERENCE_NAMES:
                found[name] = translate(
                    "PreferencesService", "%1 is not a setting the preferences change."
                ).replace("%1", name)
                continue
            if self._loaded.settings.is_locked(name):
                found[name] = translate(
                    "PreferencesService", "%1 is locked by the system-wide configuration."
                ).replace("%1", name)
                continue
            if value is None:
                continue
            try:
                spec.parse(value, ctx)
            except InvalidValue as exc:
                found[name] = _sentence(str(exc))
        return found

    def save(self, wanted: Mapping[str, Any]) -> asyncio.Task[SaveOutcome]:
        """Check and write what differs from the effective settings; :attr:`saveFinished` says
        how it went, then the settings are loaded again and applied."""
        return self._start(self.save_async(wanted))

    async def save_async(self, wanted: Mapping[str, Any]) -> SaveOutcome:
        """:meth:`save`, awaited."""
        changes = self.changes_from(wanted)
        problems = self.problems(changes)
        if problems:
            if len(problems) == 1:
                message = translate(
                    "PreferencesService", "Nothing was saved: 1 setting cannot take that value."
                )
            else:
                message = translate(
                    "PreferencesService", "Nothing was saved: %1 settings cannot take that value."
                ).replace("%1", str(len(problems)))
            outcome = SaveOutcome(problems=problems, message=message)
            self.saveFinished.emit(outcome)
            return outcome
        if not changes:
            outcome = SaveOutcome(message=translate("PreferencesService", "Nothing changed."))
            self.saveFinished.emit(outcome)
            return outcome
        loop = asyncio.get_running_loop()
        try:
            loaded = await loop.run_in_executor(None, self._write_and_reload, changes)
        except Exception as error:  # a locked-since-start setting, an unwritable file
            from qwenvl_desktop.core.settings.writer import ConfigError

            sentence = (
                error.one_line() if isinstance(error, ConfigError) else scrub_secrets(str(error))
            )
            outcome = SaveOutcome(
                problems={"": sentence},
                message=translate("PreferencesService", "Nothing was saved: %1").replace(
                    "%1", sentence
                ),
            )
            self.saveFinished.emit(outcome)
            return outcome
        self._loaded = loaded
        self._apply(changes)
        message = translate("PreferencesService", "Saved to %1.").replace("%1", str(self.user_file))
        controller = self._controller
        if controller is not None and controller.settings_pending:
            waiting = [name for name in PREFERENCE_NAMES if name in changes]
            waiting = [name for name in waiting if name in AFTER_THE_ANSWER]
            if waiting:
                message = (
                    translate(
                        "PreferencesService",
                        "Saved to %1. Used once the answer being written ends: %2.",
                    )
                    .replace("%1", str(self.user_file))
                    .replace("%2", _names(waiting))
                )
        outcome = SaveOutcome(saved=tuple(changes), message=message)
        self.changed.emit()
        self.saveFinished.emit(outcome)
        return outcome

    def _write_and_reload(self, changes: dict[str, Any]) -> LoadedSettings:
        from qwenvl_desktop.core.settings.writer import save_user_settings

        save_user_settings(changes, locations=self._locations)
        return load_settings(self._overrides, self._environ, locations=self._locations)

    def _apply(self, changes: Mapping[str, Any]) -> None:
        """Hand what changes while the window runs to the chat service and the window."""
        settings = self._loaded.settings
        controller = self._controller
        if controller is not None:
            # The request's options, the connection and the history (the service makes a new
            # client and opens or closes the file, when no reply is streaming); the endpoint
            # switches below, and the catalog stays as started.
            kept = {name: getattr(settings, name) for name in _SERVICE_SETTINGS}
            controller.use_settings(replace(controller.settings, **kept))
            if "region" in changes or "base_url" in changes:
                if settings.base_url:
                    controller.set_region(CUSTOM_REGION, settings.base_url)
                else:
                    controller.set_region(settings.region)
            if "model" in changes:
                controller.set_model(settings.model)
        self.settingsApplied.emit(settings)

    # -- keys ------------------------------------------------------------------------------------

    def key_targets(self) -> list[tuple[str, str | None]]:
        """The catalog regions, and the custom endpoint when one is configured or in use."""
        targets: list[tuple[str, str | None]] = [(region, None) for region in REGION_IDS]
        urls = []
        if self._controller is not None and self._controller.custom_url:
            urls.append(self._controller.custom_url)
        if self._loaded.settings.custom_url:
            urls.append(self._loaded.settings.custom_url)
        targets.extend((CUSTOM_REGION, url) for url in dict.fromkeys(urls))
        return targets

    def refresh_keys(self) -> asyncio.Task[None]:
        """Read each target's key status (the keyring, the environment) again."""
        return self._start(self._refresh_keys())

    async def _refresh_keys(self) -> None:
        from qwenvl_desktop.core.keys import key_statuses

        urls = [url for region, url in self.key_targets() if region == CUSTOM_REGION and url]
        environ = dict(self._environ)
        loop = asyncio.get_running_loop()
        statuses = await loop.run_in_executor(None, lambda: key_statuses(urls, environ))
        self._keys = [
            KeyRow(
                status.region,
                status.base_url,
                _target_words(status.region, status.base_url),
                status.stored,
                shown_source(status.in_use.source) if status.in_use.key else "",
                status.in_use.masked if status.in_use.key else "",
                status.problem,
            )
            for status in statuses
        ]
        self.keysChanged.emit()

    def relabel(self) -> None:
        """The interface language changed: the fields' sentences and the key rows' names are
        made again in it (nothing is read from disk or the keyring)."""
        self._keys = [
            replace(row, label=_target_words(row.region, row.base_url)) for row in self._keys
        ]
        self.changed.emit()
        self.keysChanged.emit()

    def set_key(self, region: str, base_url: str | None, key: str) -> asyncio.Task[None]:
        """Store ``key`` for the target in the OS keyring (else, without one, for this session);
        the key is not kept here."""
        return self._start(self._keys_work(self._set_key(region, base_url, key)))

    async def _set_key(self, region: str, base_url: str | None, key: str) -> None:
        from qwenvl_desktop.core.keys import UnusableKey, normalize_key, store_key

        where = _target_words(region, base_url)
        try:
            key = normalize_key(key)
        except UnusableKey as error:
            self.keyMessage.emit(error.user_message)
            return
        stored: StoredKey | None
        if self._controller is not None:
            stored = await self._controller.keys.store(region, base_url, key)
            if stored is None:
                self.keyMessage.emit(
                    translate("PreferencesService", "The key for %1 was not stored.").replace(
                        "%1", where
                    )
                )
                return
        else:
            loop = asyncio.get_running_loop()
            stored = await loop.run_in_executor(
                None, lambda: store_key(region, base_url, key, session_fallback=True)
            )
        if stored.where == "session":
            env = translate("PreferencesService", " or ").join(_env_names(region))
            self.keyMessage.emit(
                translate(
                    "PreferencesService",
                    "The key %1 for %2 is kept for this session only (no OS "
                    "keyring): set %3 to keep it.",
                )
                .replace("%1", stored.masked)
                .replace("%2", where)
                .replace("%3", env)
            )
        else:
            self.keyMessage.emit(
                translate("PreferencesService", "The key %1 for %2 is saved in the %3.")
                .replace("%1", stored.masked)
                .replace("%2", where)
                .replace("%3", stored.description)
            )

    def check_key(self, region: str, base_url: str | None) -> asyncio.Task[None]:
        """Check the target's key in use at its endpoint (``GET /models``)."""
        return self._start(self._keys_work(self._check_key(region, base_url)))

    async def _check_key(self, region: str, base_url: str | None) -> None:
        from qwenvl_desktop.core.keys import check_key, lookup_key

        settings = self._loaded.settings
        environ = dict(self._environ)
        loop = asyncio.get_running_loop()
        found = await loop.run_in_executor(None, lambda: lookup_key(region, base_url, environ))
        where = _target_words(region, base_url)
        if not found.key:
            self.keyMessage.emit(
                translate("PreferencesService", "No key for %1 to check: set one first.").replace(
                    "%1", where
                )
            )
            return
        endpoint = base_url if region == CUSTOM_REGION and base_url else None
        url = endpoint or settings.region_base_url(region)
        self.keyMessage.emit(
            translate("PreferencesService", "Checking the key %1 for %2…")
            .replace("%1", found.masked)
            .replace("%2", where)
        )
        result = await check_key(found.key, region, url, settings.client_settings())
        self.keyMessage.emit(result.message)

    def delete_key(self, region: str, base_url: str | None) -> asyncio.Task[None]:
        """Remove the target's key from the OS keyring (and this session's memory)."""
        return self._start(self._keys_work(self._delete_key(region, base_url)))

    async def _delete_key(self, region: str, base_url: str | None) -> None:
        from qwenvl_desktop.core.keys import KeyStoreError, delete_key

        where = _target_words(region, base_url)
        loop = asyncio.get_running_loop()
        try:
            deleted = await loop.run_in_executor(None, lambda: delete_key(region, base_url))
        except KeyStoreError as error:
            self.keyMessage.emit(
                translate("PreferencesService", "The key for %1 was not deleted: %2")
                .replace("%1", where)
                .replace("%2", error.user_message)
            )
            return
        if self._controller is not None:
            self._controller.keys.forget(region, base_url)
        if not deleted:
            self.keyMessage.emit(
                translate("PreferencesService", "There was no stored key for %1.").replace(
                    "%1", where
                )
            )
            return
        env = [name for name in _env_names(region) if self._environ.get(name, "").strip()]
        if env:
            message = (
                translate(
                    "PreferencesService",
                    "The key for %1 is deleted from the OS keyring. %2 in the environment is "
                    "still used.",
                )
                .replace("%1", where)
                .replace("%2", env[0])
            )
        else:
            message = translate(
                "PreferencesService", "The key for %1 is deleted from the OS keyring."
            ).replace("%1", where)
        self.keyMessage.emit(message)

    async def _keys_work(self, work: Coroutine[Any, Any, None]) -> None:
        """One key operation at a time; the list is read again after each."""
        if self._busy_keys:
            work.close()
            self.keyMessage.emit(
                translate("PreferencesService", "Wait for the key operation under way to finish.")
            )
            return
        self._busy_keys = True
        self.keysChanged.emit()
        try:
            await work
        except Exception as error:  # a broken keyring backend must not take the window down
            sentence = scrub_secrets(f"{type(error).__name__}: {error}")
            log.warning("key operation failed: %s", sentence)
            self.keyMessage.emit(
                translate("PreferencesService", "The key operation failed: %1").replace(
                    "%1", sentence
                )
            )
        finally:
            self._busy_keys = False
        await self._refresh_keys()

    # -- tasks -----------------------------------------------------------------------------------

    def _start(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def aclose(self) -> None:
        """Cancel key checks and saves still running. Safe to call more than once."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def _applies(name: str) -> Applies:
    if name in SAVED_ONLY:
        return "saved only"
    return "after the answer" if name in AFTER_THE_ANSWER else "now"


#: how the message after saving names a setting
_SETTING_WORDS = {
    "proxy": translatable("PreferencesService", "the proxy"),
    "ca_bundle": translatable("PreferencesService", "the CA certificates"),
    "connect_timeout": translatable("PreferencesService", "the connect timeout"),
    "read_timeout": translatable("PreferencesService", "the answer timeout"),
    "stream_read_timeout": translatable("PreferencesService", "the longest silence"),
    "history": translatable("PreferencesService", "the history"),
}


def _names(names: list[str]) -> str:
    words = [
        translate("PreferencesService", _SETTING_WORDS[name]) if name in _SETTING_WORDS else name
        for name in names
    ]
    if len(words) == 1:
        return words[0]
    return (
        translate("PreferencesService", "%1 and %2")
        .replace("%1", translate("PreferencesService", ", ").join(words[:-1]))
        .replace("%2", words[-1])
    )


def _origin_words(source: str) -> str:
    if source == DEFAULT or not source:
        return translate("PreferencesService", "Default")
    if source.startswith("user file "):
        return translate("PreferencesService", "Your settings file (%1)").replace(
            "%1", source.removeprefix("user file ")
        )
    if source.startswith("system file "):
        return translate("PreferencesService", "System-wide file (%1)").replace(
            "%1", source.removeprefix("system file ")
        )
    if source.startswith("environment "):
        return translate("PreferencesService", "Environment variable %1").replace(
            "%1", source.removeprefix("environment ")
        )
    if source == COMMAND_LINE:
        return translate("PreferencesService", "Command line (this start only)")
    return source[0].upper() + source[1:]


def _target_words(region: str, base_url: str | None) -> str:
    if region == CUSTOM_REGION:
        return translate("PreferencesService", "the custom endpoint %1").replace(
            "%1", base_url or ""
        )
    from qwenvl_desktop.services.keys import region_city

    return f"{region_city(region)} ({region})"


def _env_names(region: str) -> list[str]:
    from qwenvl_desktop.core.keys import env_var_names

    return list(env_var_names(region))


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "?", "!")) else text + "."


def _normal(value: Any) -> Any:
    """Values compared as the dialog and the settings hold them: "" and None alike, 12 and 12.0."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    return value
