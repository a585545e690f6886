"""A stored conversation reopened: the region and model to continue it with, and what to say
when that cannot be.

The history keeps the region and model of every exchange (the ``exchanges`` table since schema
version 1), so a conversation's choice is its last exchange's — skipping a one-off question to a
text-reading (OCR) model, which Extract text asks without changing the model in use. No
migration is needed, and a file from any earlier version reopens the same way.

:func:`plan_reopen` decides; the window applies the plan to its pickers (the chat service's
``set_region`` and ``set_model``) and shows the notices. Qt-free.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.core.protocol.catalog import Catalog, model_allowed
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION

__all__ = ["ReopenPlan", "conversation_choice", "plan_reopen"]

_LOCKED = "it is locked by the system-wide configuration"


@dataclass(frozen=True, slots=True)
class ReopenPlan:
    """What to switch to (None: keep what is in use) and the sentences for the status bar."""

    region: str | None = None
    model: str | None = None
    notices: tuple[str, ...] = ()


def conversation_choice(exchanges: Sequence[Exchange], catalog: Catalog) -> tuple[str, str] | None:
    """``(region, model)`` the conversation was last asked with; None when nothing says."""
    asked = [e for e in exchanges if e.model and e.region]
    if not asked:
        return None
    chosen = [e for e in asked if not catalog.model(e.model).ocr] or asked
    last = chosen[-1]
    return last.region, last.model


def _where(region: str, catalog: Catalog) -> str:
    if region == CUSTOM_REGION:
        return "the custom endpoint"
    try:
        return catalog.region(region).label
    except KeyError:
        return f"region “{region}”"


def plan_reopen(
    exchanges: Sequence[Exchange],
    catalog: Catalog,
    *,
    region: str,
    model: str,
    custom_url: str | None,
    allowed: Collection[str] = (),
    region_locked: bool = False,
    model_locked: bool = False,
) -> ReopenPlan:
    """The plan to continue a conversation of ``exchanges`` from the ``region`` and ``model``
    in use now (``custom_url``: the custom endpoint set now, if any)."""
    choice = conversation_choice(exchanges, catalog)
    if choice is None:
        return ReopenPlan()
    wanted_region, wanted_model = choice
    notices: list[str] = []
    target = region
    if wanted_region != region:
        asked_in = f"This conversation was asked in {_where(wanted_region, catalog)}"
        staying = f"it continues in {_where(region, catalog)}"
        if region_locked:
            notices.append(f"{asked_in}; {staying}: {_LOCKED}.")
        elif wanted_region == CUSTOM_REGION and not custom_url:
            notices.append(f"{asked_in}, and none is set now: {staying}.")
        elif wanted_region != CUSTOM_REGION and wanted_region not in catalog.regions:
            notices.append(f"{asked_in}, which this version does not know: {staying}.")
        else:
            target = wanted_region
    offered = {m.name for m in catalog.offered_models(target, allowed)}
    # The model in use once the region has switched (the chat service follows the region).
    after = model
    if target != region and not model_locked and model not in offered:
        after = catalog.equivalent_model(model, target, allowed) or model
    switch_model: str | None = None
    if wanted_model != after:
        asked_of = f"This conversation was asked of {wanted_model}"
        if model_locked:
            notices.append(f"{asked_of}; it continues with {after}: {_LOCKED}.")
        elif wanted_model not in offered:
            if wanted_model not in catalog.models:
                reason = "which is no longer in the list of models"
            elif not model_allowed(wanted_model, allowed):
                reason = "which the configuration no longer allows"
            else:
                reason = f"which {_where(target, catalog)} does not offer"
            notices.append(f"{asked_of}, {reason}: it continues with {after}.")
        else:
            switch_model = wanted_model
    return ReopenPlan(target if target != region else None, switch_model, tuple(notices))
