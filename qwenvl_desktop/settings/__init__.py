"""Effective settings of the app: built-in defaults, overridden by the environment and flags.

The layered TOML configuration (system < user < environment < flags, locks) builds on this.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from ..protocol.catalog import CUSTOM_REGION, load_catalog
from ..protocol.client import ClientSettings

__all__ = ["LoadedSettings", "Settings", "load_settings"]

DEFAULT_MODEL = "qwen3-vl-plus"


@dataclass(frozen=True, slots=True)
class Settings:
    region: str = "intl"
    base_url: str | None = None
    model: str = DEFAULT_MODEL
    proxy: str | None = None
    ca_bundle: str = "system"
    connect_timeout: float = 10.0
    read_timeout: float = 310.0
    stream_read_timeout: float = 120.0
    image_detail: Literal["standard", "high"] = "standard"
    thinking: bool | None = None
    history: bool = True
    language: str | None = None
    allowed_models: tuple[str, ...] = ()
    locked: frozenset[str] = frozenset()

    @property
    def effective_region(self) -> str:
        """``custom`` when a base URL is set, else the catalog region."""
        return CUSTOM_REGION if self.base_url else self.region

    def endpoint_base_url(self) -> str:
        if self.base_url:
            return self.base_url.rstrip("/")
        return load_catalog().region(self.region).base_url

    def client_settings(self) -> ClientSettings:
        return ClientSettings(
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            stream_read_timeout=self.stream_read_timeout,
            proxy=self.proxy,
            ca_bundle=self.ca_bundle,
        )


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    settings: Settings
    #: setting name -> the layer it came from ("default", "environment", "command line", …)
    sources: dict[str, str] = field(default_factory=dict)
    #: readable problems found while loading (bad values); loading still succeeds
    problems: tuple[str, ...] = ()


_ENV = {
    "QWENVL_DESKTOP_REGION": "region",
    "QWENVL_DESKTOP_BASE_URL": "base_url",
    "QWENVL_DESKTOP_MODEL": "model",
    "QWENVL_DESKTOP_PROXY": "proxy",
    "QWENVL_DESKTOP_CA_BUNDLE": "ca_bundle",
}


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> LoadedSettings:
    """Defaults < environment < ``overrides`` (the command line's flags; ``None`` values skipped)."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    sources = {f.name: "default" for f in fields(Settings)}
    for var, name in _ENV.items():
        if environ.get(var):
            changes: dict[str, Any] = {name: environ[var]}
            settings = replace(settings, **changes)
            sources[name] = f"environment {var}"
    for name, value in (overrides or {}).items():
        if value is not None:
            change: dict[str, Any] = {name: value}
            settings = replace(settings, **change)
            sources[name] = "command line"
    return LoadedSettings(settings, sources)
