"""The model and region catalog, read from the ``catalog.toml`` table shipped in this package.

The service's ``GET /models`` carries no capability flags, so what each model can do (thinking,
stream-only, OCR, grounding, pixel grid, limits) comes from this local table. Unknown names still
work: they take the defaults of the family their name looks like.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION, REGION_CITIES, REGION_IDS

__all__ = [
    "CUSTOM_REGION",
    "REGION_IDS",
    "Catalog",
    "ModelInfo",
    "Region",
    "image_capable_alternative",
    "load_catalog",
    "model_allowed",
]

Thinking = Literal["none", "hybrid", "always"]
Grounding = Literal["none", "relative-1000", "absolute-resized"]


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    base_url: str
    deployments: tuple[str, ...]
    #: the console page where this region's API keys are created
    key_console: str = ""
    #: the models this region's Batch API takes (empty: the region has no Batch API)
    batch_models: tuple[str, ...] = ()
    #: the model chosen on switching to this region when the one in use has no equivalent here
    #: (empty: the region's first model)
    default_model: str = ""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What one model can do. ``known`` is False for a name the catalog does not list."""

    name: str
    group: str
    thinking: Thinking = "none"
    stream_only: bool = False
    ocr: bool = False
    video: bool = False
    grounding: Grounding = "none"
    grid: int = 28
    context: int | None = None
    max_output: int | None = None
    default_image_tokens: int = 1280
    high_res_image_tokens: int = 16384
    ignores_system_prompt: bool = False
    accepts_images: bool = True
    deployments: tuple[str, ...] = ()
    known: bool = True
    #: for a name the configuration gives (``[models."gw-vision"] like = "qwen3-vl-plus"``): the
    #: catalog model it behaves like
    like: str | None = None

    @property
    def high_resolution_supported(self) -> bool:
        """Whether the family takes ``vl_high_resolution_images`` (the catalog's budget is > 0)."""
        return self.high_res_image_tokens > 0

    @property
    def must_stream(self) -> bool:
        """Stream-only and thinking models are always streamed (non-stream calls answer 400)."""
        return self.stream_only or self.thinking == "always"

    def thinking_switch(self, preference: bool | None) -> bool | None:
        """What a standing on/off preference (the window's switch) asks of this model.

        Only a hybrid model can be switched; the others are asked nothing (None), so a
        preference set for one model never makes a request to another fail.
        """
        return preference if self.thinking == "hybrid" else None

    def flags(self) -> list[str]:
        out: list[str] = []
        if self.thinking == "always":
            out.append("thinking")
        elif self.thinking == "hybrid":
            out.append("thinking:optional")
        if self.stream_only:
            out.append("stream-only")
        if self.ocr:
            out.append("ocr")
        if self.video:
            out.append("video")
        if self.grounding != "none":
            out.append(f"grounding:{self.grounding}")
        out.append(f"grid:{self.grid}")
        if self.context:
            out.append(f"context:{self.context}")
        if self.max_output:
            out.append(f"max-output:{self.max_output}")
        if not self.accepts_images:
            out.append("no-images")
        if self.like:
            out.append(f"like:{self.like}")
        elif not self.known:
            out.append("unlisted")
        return out


_MODEL_FIELDS = set(ModelInfo.__dataclass_fields__) - {"name", "known", "deployments", "like"}


@dataclass(frozen=True)
class Catalog:
    regions: dict[str, Region]
    families: dict[str, dict[str, Any]]
    patterns: list[dict[str, Any]]
    models: dict[str, ModelInfo] = field(default_factory=dict)

    def region(self, region_id: str) -> Region:
        try:
            return self.regions[region_id]
        except KeyError:
            raise KeyError(
                f"unknown region {region_id!r}; choose one of {', '.join(self.regions)}"
            ) from None

    def models_for_region(self, region_id: str) -> list[ModelInfo]:
        """The models a region offers, in catalog order. A custom endpoint offers them all."""
        if region_id == CUSTOM_REGION:
            return list(self.models.values())
        wanted = set(self.region(region_id).deployments)
        return [m for m in self.models.values() if wanted.intersection(m.deployments)]

    def offered_models(
        self, region_id: str, allowed: Collection[str] = (), keep: ModelInfo | None = None
    ) -> list[ModelInfo]:
        """The models a person may choose in a region: its models, as ``allowed`` permits.

        ``keep`` (the model in use) stays choosable even when the region or the list leaves it
        out: a model named on the command line or in the configuration is never taken away.
        """
        models = [m for m in self.models_for_region(region_id) if model_allowed(m.name, allowed)]
        if keep is not None and keep.name not in {m.name for m in models}:
            models.append(keep)
        return models

    def equivalent_model(
        self, name: str, region_id: str, allowed: Collection[str] = ()
    ) -> str | None:
        """The model to use in ``region_id`` instead of ``name`` when switching region.

        ``name`` itself when the region offers it; else the same snapshot under the region's
        name (``qwen3-vl-flash`` → ``qwen3-vl-flash-us``); else the same tier of the same
        group (``qwen-vl-max-2025-01-25`` → ``qwen-vl-max``; the undated name first); else
        the region's default model; else its first. None when the region offers nothing
        ``allowed`` permits.
        """
        offered = [m for m in self.models_for_region(region_id) if model_allowed(m.name, allowed)]
        if not offered:
            return None
        if name in {m.name for m in offered}:
            return name
        group = self.model(name).group
        same_group = [m for m in offered if m.group == group]
        snapshot = _without_region_suffix(name, self.regions)
        for model in same_group:
            if _without_region_suffix(model.name, self.regions) == snapshot:
                return model.name
        tier = _tier(name, self.regions)
        same_tier = [m.name for m in same_group if _tier(m.name, self.regions) == tier]
        if same_tier:
            undated = [n for n in same_tier if _without_region_suffix(n, self.regions) == tier]
            return (undated or same_tier)[0]
        default = self.regions[region_id].default_model if region_id in self.regions else ""
        if default in {m.name for m in offered}:
            return default
        return offered[0].name

    def ocr_model(self, region_id: str) -> str | None:
        """The first OCR model the region offers (catalog order), or None where there is none.

        ``region_id`` is a catalog region or ``custom``; an unknown id raises ``KeyError`` with
        the valid choices.
        """
        return next((m.name for m in self.models_for_region(region_id) if m.ocr), None)

    def batch_available(self, region_id: str, model: str) -> bool:
        """Whether ``region_id``'s Batch API takes ``model`` (an alias: the model it is like).

        A custom endpoint is not known here: it is given the benefit of the doubt, and the
        gateway's own answer says whether it has a Batch API.
        """
        if region_id == CUSTOM_REGION:
            return True
        return bool(self._batch_names(model) & set(self.region(region_id).batch_models))

    def batch_refusal(self, region_id: str, model: str) -> str | None:
        """Why the Batch API of ``region_id`` cannot run ``model``, naming where it can; None
        when it can."""
        if self.batch_available(region_id, model):
            return None
        region = self.region(region_id)
        names = self._batch_names(model)
        elsewhere = [r for r in self.regions.values() if names & set(r.batch_models)]
        city = REGION_CITIES.get(region.id, region.label)
        if not region.batch_models:
            here = f"{city} ({region.id}) has no Batch API"
        else:
            here = f"{city}'s Batch API ({region.id}) does not take {model}"
        if elsewhere:
            where = " or ".join(
                f"{REGION_CITIES.get(r.id, r.label)} (--region {r.id})" for r in elsewhere
            )
            return (
                f"{here}; {where} runs {model} as a batch, with a key of that region "
                "(or drop --via-batch-api to ask about each image directly)."
            )
        takers = [r for r in self.regions.values() if r.batch_models]
        offers = "; ".join(
            f"{REGION_CITIES.get(r.id, r.label)} ({r.id}): {', '.join(r.batch_models)}"
            for r in takers
        )
        return (
            f"{here}, and no region's Batch API takes it ({offers}); choose one of those models "
            "or drop --via-batch-api to ask about each image directly."
        )

    def _batch_names(self, model: str) -> set[str]:
        info = self.models.get(model)
        return {model, info.like} if info is not None and info.like else {model}

    def with_aliases(
        self, aliases: Mapping[str, str], gateway_regions: Collection[str] = ()
    ) -> Catalog:
        """This catalog plus the configuration's model names: each alias behaves like the
        catalog model it names.

        Gateways often rename models (``gw-vision``); without this such a name would get the
        generic defaults (a 28 px grid, no stream-only rule) instead of its model's. An alias
        is offered on a custom endpoint and in ``gateway_regions`` (regions whose endpoint the
        configuration replaced): the service's own endpoints do not know the name.
        """
        if not aliases:
            return self
        reachable = {d for rid in gateway_regions for d in self.region(rid).deployments}
        models = dict(self.models)
        for alias, like in aliases.items():
            base = self.model(like)
            deployments = tuple(d for d in base.deployments if d in reachable)
            models[alias] = replace(
                base, name=alias, like=base.name, known=True, deployments=deployments
            )
        return replace(self, models=models)

    def model(self, name: str) -> ModelInfo:
        """Capabilities of ``name``; an unlisted name gets its look-alike family's defaults."""
        if name in self.models:
            return self.models[name]
        for pattern in self.patterns:
            if fnmatch.fnmatchcase(name.lower(), pattern["match"]):
                overrides = {k: v for k, v in pattern.items() if k not in ("match", "family")}
                return _build(name, self.families, pattern["family"], overrides, known=False)
        return _build(name, self.families, "unknown", {}, known=False)


def model_allowed(name: str, allowed: Collection[str]) -> bool:
    """Whether an ``allowed_models`` list (empty: no restriction) lets ``name`` be used."""
    return not allowed or name in allowed


_SNAPSHOT_DATE = re.compile(r"-\d{4}-\d{2}-\d{2}$")


def _without_region_suffix(name: str, regions: Mapping[str, Region]) -> str:
    """``qwen3-vl-flash-2025-10-15-us`` → ``qwen3-vl-flash-2025-10-15``: the service names a
    region's own deployment of a model by appending the region's id."""
    for region_id in regions:
        if name.endswith(f"-{region_id}"):
            return name[: -len(region_id) - 1]
    return name


def _tier(name: str, regions: Mapping[str, Region]) -> str:
    """The model's name without region suffix or snapshot date: ``qwen3-vl-flash``."""
    return _SNAPSHOT_DATE.sub("", _without_region_suffix(name, regions))


def image_capable_alternative(info: ModelInfo, offered: Sequence[ModelInfo]) -> str | None:
    """A model of ``offered`` that reads images, preferring ``info``'s own group; None if none.

    What the window proposes when the model in use cannot read the images of a question.
    """
    same_group = [m for m in offered if m.accepts_images and m.group == info.group]
    any_group = [m for m in offered if m.accepts_images]
    for candidates in (same_group, any_group):
        if candidates:
            return candidates[0].name
    return None


def _build(
    name: str,
    families: dict[str, dict[str, Any]],
    family: str,
    overrides: dict[str, Any],
    *,
    known: bool,
) -> ModelInfo:
    values: dict[str, Any] = {**families[family], **overrides}
    deployments = tuple(values.pop("deployments", ()))
    unknown = set(values) - _MODEL_FIELDS
    if unknown:
        raise ValueError(f"catalog: model {name!r} has unknown fields {sorted(unknown)}")
    return ModelInfo(name=name, deployments=deployments, known=known, **values)


def parse_catalog(data: dict[str, Any]) -> Catalog:
    regions = {
        rid: Region(
            id=rid,
            label=str(r["label"]),
            base_url=str(r["base_url"]).rstrip("/"),
            deployments=tuple(r["deployments"]),
            key_console=str(r.get("key_console", "")),
            batch_models=tuple(r.get("batch_models", ())),
            default_model=str(r.get("default_model", "")),
        )
        for rid, r in data["regions"].items()
    }
    families: dict[str, dict[str, Any]] = data["families"]
    models = {}
    for name, entry in data["models"].items():
        entry = dict(entry)
        family = entry.pop("family")
        models[name] = _build(name, families, family, entry, known=True)
    patterns = data.get("patterns", [])
    return Catalog(regions=regions, families=families, patterns=patterns, models=models)


@cache
def load_catalog() -> Catalog:
    """The catalog shipped with the package (read once)."""
    beside = Path(__file__).with_name("catalog.toml")
    if beside.is_file():  # a checkout, a wheel, a PyInstaller bundle: read it directly
        text = beside.read_text(encoding="utf-8")
    else:  # a zipped package: importlib.resources finds it (and costs ~4 ms more to import)
        from importlib import resources

        text = resources.files(__package__).joinpath("catalog.toml").read_text(encoding="utf-8")
    return parse_catalog(tomllib.loads(text))
