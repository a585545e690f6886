"""The effective settings of the app, as one typed, immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, Catalog, load_catalog

if TYPE_CHECKING:
    from qwenvl_desktop.core.protocol.client import ClientSettings

__all__ = ["DEFAULT_MODEL", "Settings"]

DEFAULT_MODEL = "qwen3-vl-plus"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every field is a setting of the same name in the configuration files (see ``schema``)."""

    region: str = "intl"
    base_url: str | None = None
    model: str = DEFAULT_MODEL
    proxy: str | None = None
    #: ``"system"`` (OS trust store), ``"certifi"``, or an absolute path to a PEM bundle
    ca_bundle: str = "system"
    connect_timeout: float = 10.0
    read_timeout: float = 310.0
    stream_read_timeout: float = 120.0
    image_detail: Literal["standard", "high", "economy"] = "standard"
    #: None: the model's own default
    thinking: bool | None = None
    history: bool = True
    #: None: the system's language
    language: str | None = None
    #: "system" follows the desktop's light or dark scheme; "light"/"dark" force one
    theme: Literal["system", "light", "dark"] = "system"
    #: points for the transcript and the question box; None: the system font's size
    font_size: int | None = None
    #: which key sends the question: Enter (Shift+Enter: new line) or Ctrl+Enter
    send_with: Literal["enter", "ctrl_enter"] = "ctrl_enter"
    #: sent as the system message of every request (None: none)
    system_prompt: str | None = None
    #: sampling options sent with every request (None: the model's own)
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    #: empty: every model may be chosen (the rule: :func:`~.catalog.model_allowed`)
    allowed_models: tuple[str, ...] = ()
    #: (region, base URL) pairs that replace the catalog's endpoint of a region
    region_urls: tuple[tuple[str, str], ...] = ()
    #: (alias, catalog model) pairs: ``[models."gw-vision"] like = "qwen3-vl-plus"``
    models: tuple[tuple[str, str], ...] = ()
    #: settings the system-wide file fixed; the UI shows them read-only
    locked: frozenset[str] = frozenset()

    @property
    def effective_region(self) -> str:
        """``custom`` when a base URL is set, else the catalog region."""
        return CUSTOM_REGION if self.base_url else self.region

    def region_base_url(self, region: str) -> str:
        """The endpoint of a catalog region, after ``region_urls`` replacements."""
        for rid, url in self.region_urls:
            if rid == region:
                return url
        return load_catalog().region(region).base_url

    def catalog(self) -> Catalog:
        """The built-in catalog with the configuration's model names (``models``) added."""
        gateways = [region for region, _ in self.region_urls]
        return load_catalog().with_aliases(dict(self.models), gateways)

    @property
    def custom_url(self) -> str | None:
        """The custom endpoint (``base_url`` without a trailing slash), or None for a region."""
        return self.base_url.rstrip("/") if self.base_url else None

    def endpoint_base_url(self) -> str:
        return self.custom_url or self.region_base_url(self.region)

    def is_locked(self, name: str) -> bool:
        return name in self.locked

    def client_settings(self) -> ClientSettings:
        # Imported here: the client module loads httpx, which reading settings does not need.
        from qwenvl_desktop.core.protocol.client import ClientSettings

        return ClientSettings(
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            stream_read_timeout=self.stream_read_timeout,
            proxy=self.proxy,
            ca_bundle=self.ca_bundle,
        )
