"""The model and region catalog, read from the ``catalog.toml`` table shipped in this package.

The service's ``GET /models`` carries no capability flags, so what each model can do (thinking,
stream-only, OCR, grounding, pixel grid, limits) comes from this local table. Unknown names still
work: they take the defaults of the family their name looks like.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "CUSTOM_REGION",
    "REGION_IDS",
    "Catalog",
    "ModelInfo",
    "Region",
    "load_catalog",
]

Thinking = Literal["none", "hybrid", "always"]
Grounding = Literal["none", "relative-1000", "absolute-resized"]

REGION_IDS = ("intl", "us", "cn", "hk")
CUSTOM_REGION = "custom"


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    base_url: str
    deployments: tuple[str, ...]


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

    @property
    def must_stream(self) -> bool:
        """Stream-only and thinking models are always streamed (non-stream calls answer 400)."""
        return self.stream_only or self.thinking == "always"

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
        if not self.known:
            out.append("unlisted")
        return out


_MODEL_FIELDS = set(ModelInfo.__dataclass_fields__) - {"name", "known", "deployments"}


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

    def model(self, name: str) -> ModelInfo:
        """Capabilities of ``name``; an unlisted name gets its look-alike family's defaults."""
        if name in self.models:
            return self.models[name]
        for pattern in self.patterns:
            if fnmatch.fnmatchcase(name.lower(), pattern["match"]):
                overrides = {k: v for k, v in pattern.items() if k not in ("match", "family")}
                return _build(name, self.families, pattern["family"], overrides, known=False)
        return _build(name, self.families, "unknown", {}, known=False)


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
    text = resources.files(__package__).joinpath("catalog.toml").read_text(encoding="utf-8")
    return parse_catalog(tomllib.loads(text))
