"""The region ids the command line and the settings know without reading the catalog
(``core.protocol.regions``) are exactly the regions the shipped catalog table lists."""

from __future__ import annotations

from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION, REGION_CITIES, REGION_IDS


def test_given_the_shipped_catalog_when_its_regions_are_read_then_they_are_the_known_ids() -> None:
    regions = load_catalog().regions
    assert tuple(regions) == REGION_IDS
    assert CUSTOM_REGION not in regions


def test_given_each_region_then_its_label_names_its_city_and_it_has_a_key_console() -> None:
    for region in load_catalog().regions.values():
        assert region.label.startswith(REGION_CITIES[region.id]), region.id
        assert region.key_console.startswith("https://"), region.id
