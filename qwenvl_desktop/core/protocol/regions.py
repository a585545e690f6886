"""The catalog's region ids, known without reading the catalog.

The command line offers them as choices (``--region``) and the settings check them, both before
(or without) the catalog table being parsed; :mod:`.catalog` re-exports them, and its tests check
that the table lists exactly these regions.
"""

from __future__ import annotations

__all__ = ["CUSTOM_REGION", "REGION_CITIES", "REGION_IDS"]

REGION_IDS = ("intl", "us", "cn", "hk")
#: the city each region's endpoint is in: how Model Studio's console names its regions, and so
#: what a person looking for their key's region recognises
REGION_CITIES = {"intl": "Singapore", "us": "Virginia", "cn": "Beijing", "hk": "Hong Kong"}
#: not a catalog region: any OpenAI-compatible endpoint named by its base URL
CUSTOM_REGION = "custom"
