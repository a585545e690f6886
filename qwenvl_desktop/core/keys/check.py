"""Checking a key against the service: ``GET {base}/models``.

A 401 from a region's endpoint means "not a key of this region": Model Studio keys are bound to
their region, so a well-formed key that one region rejects most likely belongs to another. Trying
the other regions would send the key to those hosts too, so it happens only when asked
(``try_other_regions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx

from qwenvl_desktop.core.keys.targets import looks_like_dashscope_key, masked
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS
from qwenvl_desktop.core.protocol.client import ChatClient, ClientSettings, Endpoint
from qwenvl_desktop.core.protocol.errors import AuthenticationError, NetworkError, QwenVLError

__all__ = ["KeyCheck", "KeyCheckOutcome", "check_key"]

KeyCheckOutcome = Literal["valid", "invalid", "region-mismatch", "unreachable", "error"]


@dataclass(frozen=True, slots=True)
class KeyCheck:
    outcome: KeyCheckOutcome
    region: str
    base_url: str
    masked: str
    #: one or two sentences for the user
    message: str
    models: int | None = None
    #: regions whose endpoint accepted the key (only when other regions were tried)
    works_in: tuple[str, ...] = ()
    error: QwenVLError | None = None


async def _models(client: ChatClient, base_url: str, key: str, region: str) -> int:
    return len(await client.list_models(Endpoint(base_url, key, region)))


async def check_key(
    key: str,
    region: str,
    base_url: str,
    client_settings: ClientSettings,
    *,
    region_urls: dict[str, str] | None = None,
    try_other_regions: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
) -> KeyCheck:
    """Check ``key`` at ``base_url`` (the endpoint of ``region``, or a custom one).

    ``region_urls`` gives the endpoint of every catalog region, used with ``try_other_regions``.
    """
    shown = masked(key)
    where = f"the endpoint {base_url}" if region == CUSTOM_REGION else f"region {region}"
    async with ChatClient(client_settings, transport=transport) as client:
        try:
            count = await _models(client, base_url, key, region)
        except AuthenticationError as exc:
            rejected = exc
        except NetworkError as exc:
            return KeyCheck(
                "unreachable",
                region,
                base_url,
                shown,
                f"Could not reach {where} ({base_url}) to check the key: {exc.one_line()}",
                error=exc,
            )
        except QwenVLError as exc:
            return KeyCheck(
                "error",
                region,
                base_url,
                shown,
                f"{where.capitalize()} answered the key check with an error: {exc.one_line()}",
                error=exc,
            )
        else:
            return KeyCheck(
                "valid",
                region,
                base_url,
                shown,
                f"The key {shown} is valid for {where} ({count} models listed).",
                models=count,
            )

        if region == CUSTOM_REGION or not looks_like_dashscope_key(key):
            return KeyCheck(
                "invalid",
                region,
                base_url,
                shown,
                f"The key {shown} was rejected by {where} (401). Check that it was copied whole.",
                error=rejected,
            )
        if not try_other_regions:
            return KeyCheck(
                "region-mismatch",
                region,
                base_url,
                shown,
                f"The key {shown} was rejected by {where} (401). It has the form of a Model "
                "Studio key, so it most likely belongs to another region: keys are bound to the "
                "region they were created in. Check the region in the console, or run the check "
                "again with --try-other-regions (this sends the key to the other regions' "
                "endpoints of the same service).",
                error=rejected,
            )
        works: list[str] = []
        urls = region_urls or {}
        for other in REGION_IDS:
            if other == region or other not in urls:
                continue
            try:
                await _models(client, urls[other], key, other)
            except QwenVLError:
                continue
            works.append(other)
    if works:
        return KeyCheck(
            "region-mismatch",
            region,
            base_url,
            shown,
            f"The key {shown} is not valid for {where} but works in region "
            f"{', '.join(works)}: store it there with "
            f"`qwenvl-desktop key set --region {works[0]}`, or switch the region to {works[0]}.",
            works_in=tuple(works),
            error=rejected,
        )
    return KeyCheck(
        "invalid",
        region,
        base_url,
        shown,
        f"The key {shown} was rejected by {where} and by every other region's endpoint: it is "
        "not a valid key (deleted, mistyped, or not a Model Studio key).",
        error=rejected,
    )
