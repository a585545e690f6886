"""Catalog policy, no Qt: what a region offers, the OCR model of a region, allowed models, image
support, the thinking switch, and the one request builder.

GIVEN the shipped catalog (or a model made to differ from it) WHEN the window or ``ask`` asks a
policy question THEN the catalog answers it the same way for both.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from qwenvl_desktop.core.protocol import ImageInput, Turn, build_body, chat_request, load_catalog
from qwenvl_desktop.core.protocol.catalog import image_capable_alternative, model_allowed

CATALOG = load_catalog()


# The OCR model of a region ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "expected"),
    [("intl", "qwen-vl-ocr"), ("cn", "qwen-vl-ocr"), ("us", None), ("custom", "qwen-vl-ocr")],
)
def test_ocr_model_for_region(region: str, expected: str | None) -> None:
    assert CATALOG.ocr_model(region) == expected


def test_unknown_region_names_the_choices() -> None:
    with pytest.raises(KeyError, match="intl"):
        CATALOG.ocr_model("mars")


# Allowed and offered models -----------------------------------------------------------------------


def test_an_empty_allowed_list_allows_every_model() -> None:
    assert model_allowed("anything", ())
    assert model_allowed("qwen3-vl-plus", ("qwen3-vl-plus",))
    assert not model_allowed("qwen-vl-max", ("qwen3-vl-plus",))


def test_given_a_region_then_it_offers_its_own_models_in_catalog_order() -> None:
    offered = CATALOG.offered_models("us")
    assert offered == CATALOG.models_for_region("us")
    assert {m.name for m in offered} >= {"qwen3-vl-flash-us"}
    assert "qwen3-vl-plus" not in {m.name for m in offered}


def test_given_an_allowed_list_then_only_those_are_offered() -> None:
    offered = CATALOG.offered_models("intl", ("qwen-vl-max", "qwen3-vl-flash", "not-a-model"))
    assert [m.name for m in offered] == [
        m.name
        for m in CATALOG.models_for_region("intl")
        if m.name in {"qwen-vl-max", "qwen3-vl-flash"}
    ]


def test_given_the_model_in_use_is_left_out_then_it_stays_offered_once() -> None:
    in_use = CATALOG.model("qwen3-vl-plus")
    us = CATALOG.offered_models("us", keep=in_use)
    assert us[-1] is in_use and [m.name for m in us].count("qwen3-vl-plus") == 1
    intl = CATALOG.offered_models("intl", keep=in_use)
    assert [m.name for m in intl].count("qwen3-vl-plus") == 1
    allowed = CATALOG.offered_models("intl", ("qwen-vl-max",), keep=in_use)
    assert [m.name for m in allowed] == ["qwen-vl-max", "qwen3-vl-plus"]


# Images -------------------------------------------------------------------------------------------


def test_the_alternative_for_images_prefers_the_same_group() -> None:
    plus = CATALOG.model("qwen3-vl-plus")
    blind = replace(plus, name="blind-vl", accepts_images=False)
    offered = [blind, CATALOG.model("qwen-vl-max"), CATALOG.model("qwen3-vl-flash")]
    assert image_capable_alternative(blind, offered) == "qwen3-vl-flash"


def test_the_alternative_for_images_falls_back_to_any_group_then_none() -> None:
    blind = replace(CATALOG.model("qwen3-vl-plus"), name="blind-vl", accepts_images=False)
    assert image_capable_alternative(blind, [blind, CATALOG.model("qwen-vl-max")]) == "qwen-vl-max"
    assert image_capable_alternative(blind, [blind]) is None


# Thinking and the request -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "preference", "expected"),
    [
        ("qwen3-vl-plus", True, True),  # hybrid: the switch applies
        ("qwen3-vl-plus", False, False),
        ("qwen3-vl-plus", None, None),
        ("qvq-max", False, None),  # always thinks: nothing to switch
        ("qwen-vl-max", True, None),  # never thinks: nothing to switch
    ],
)
def test_the_thinking_switch_reaches_only_hybrid_models(
    name: str, preference: bool | None, expected: bool | None
) -> None:
    assert CATALOG.model(name).thinking_switch(preference) is expected


def test_chat_request_maps_the_image_detail_and_keeps_everything_else() -> None:
    turns = [Turn("user", "What is this?", (ImageInput("https://example.org/a.png"),))]
    request = chat_request(
        "qwen3-vl-plus",
        turns,
        system="Be brief.",
        image_detail="high",
        thinking=True,
        thinking_budget=300,
        temperature=0.5,
        seed=7,
    )
    assert request.turns == tuple(turns) and request.model == "qwen3-vl-plus"
    assert request.high_resolution and request.stream and request.system == "Be brief."
    body = build_body(request, CATALOG.model("qwen3-vl-plus"))
    assert body["vl_high_resolution_images"] is True
    assert body["enable_thinking"] is True and body["thinking_budget"] == 300
    assert body["temperature"] == 0.5 and body["seed"] == 7
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    standard = chat_request("qwen3-vl-plus", turns)
    assert not standard.high_resolution and standard.thinking is None
    assert "vl_high_resolution_images" not in build_body(standard, CATALOG.model("qwen3-vl-plus"))


@pytest.mark.parametrize(
    ("model", "region", "expected"),
    [
        ("qwen3-vl-flash", "us", "qwen3-vl-flash-us"),  # the same model under Virginia's name
        ("qwen3-vl-flash-2025-10-15", "us", "qwen3-vl-flash-2025-10-15-us"),  # same snapshot
        ("qwen3-vl-flash-us", "intl", "qwen3-vl-flash"),  # and back
        ("qwen-vl-max-2025-01-25", "intl", "qwen-vl-max"),  # same tier, the undated name
        ("qwen3-vl-plus", "us", "qwen3-vl-flash-us"),  # no plus in Virginia: its default
        ("qvq-max", "us", "qwen3-vl-flash-us"),
        ("qwen3-vl-plus", "cn", "qwen3-vl-plus"),  # offered: unchanged
        ("qwen3-vl-plus", "custom", "qwen3-vl-plus"),
    ],
)
def test_switching_region_finds_the_equivalent_model_else_the_default(
    model: str, region: str, expected: str
) -> None:
    assert load_catalog().equivalent_model(model, region) == expected


def test_the_equivalent_model_respects_the_allowed_list() -> None:
    catalog = load_catalog()
    assert catalog.equivalent_model("qwen3-vl-plus", "us", ["qwen3-vl-flash-2025-10-15-us"]) == (
        "qwen3-vl-flash-2025-10-15-us"
    )
    assert catalog.equivalent_model("qwen3-vl-plus", "us", ["qwen3-vl-plus"]) is None
