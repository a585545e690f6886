"""``qwenvl-desktop models``: the catalog of a region, one model a line with its flags.

A heading says which region (and endpoint) the list is for and names the columns; a legend after
the list says what each flag shown means. The model lines themselves keep their shape (name,
family, flags separated by spaces), so ``awk '{print $1}'`` over the lines between the column
heading and the blank line still gives the names.
"""

from __future__ import annotations

import argparse

from qwenvl_desktop.cli.exit_codes import ExitCode
from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, ModelInfo
from qwenvl_desktop.core.protocol.regions import REGION_CITIES
from qwenvl_desktop.core.settings import Settings, load_settings

__all__ = ["FLAG_MEANINGS", "run_models"]

#: what each flag of :meth:`~qwenvl_desktop.core.protocol.ModelInfo.flags` means, in plain words
#: (``N`` stands for the number a flag carries), in the order the flags are printed
FLAG_MEANINGS = {
    "thinking": translatable(
        "CliModels", "always reasons step by step before it answers (slower, billed as output)"
    ),
    "thinking:optional": translatable(
        "CliModels", "can reason before it answers; --thinking switches that on"
    ),
    "stream-only": translatable("CliModels", "answers only as a stream; --no-stream is refused"),
    "ocr": translatable("CliModels", "made for reading the text in images"),
    "video": translatable("CliModels", "also takes video"),
    "grounding:relative-1000": translatable(
        "CliModels", "can point at things: boxes on a 0-1000 grid over the image"
    ),
    "grounding:absolute-resized": translatable(
        "CliModels", "can point at things: boxes in pixels of the image as the service resized it"
    ),
    "grid:N": translatable("CliModels", "each image token covers N x N pixels"),
    "context:N": translatable(
        "CliModels", "the most tokens one conversation can hold (questions, images, answers)"
    ),
    "max-output:N": translatable("CliModels", "the longest answer, in tokens"),
    "no-images": translatable("CliModels", "cannot read images"),
    "unlisted": translatable(
        "CliModels", "not in the built-in catalog: what it can do is guessed from its name"
    ),
    "like:NAME": translatable(
        "CliModels", 'a name from your configuration ([models."…"] like = NAME): it behaves as NAME'
    ),
}


def run_models(args: argparse.Namespace) -> int:
    """Print the models of ``--region`` (else the configured region): name, group, flags."""
    settings = load_settings().settings
    catalog = settings.catalog()  # with the configuration's model names (aliases)
    region = args.region or settings.effective_region  # a base_url makes it "custom"
    models = catalog.models_for_region(region)
    print(_heading(region, settings, len(models)))
    width = max(len("MODEL"), *(len(m.name) for m in models))
    print(f"{'MODEL':<{width}}  {'FAMILY':<8}  FLAGS")
    for model in models:
        print(f"{model.name:<{width}}  {model.group:<8}  {' '.join(model.flags())}")
    print()
    print(translate("CliModels", "Flags:"))
    shown = _flags_shown(models)
    key_width = max(len(flag) for flag in shown)
    for flag in shown:
        print(f"  {flag:<{key_width}}  {translate('CliModels', FLAG_MEANINGS[flag])}")
    return ExitCode.OK


def _heading(region: str, settings: Settings, count: int) -> str:
    if region == CUSTOM_REGION:
        return translate(
            "CliModels",
            "Every model of the built-in catalog (%1); a custom endpoint may serve others, "
            "which work with the defaults of the family their name resembles.",
        ).replace("%1", str(count))
    heading = translate("CliModels", "Models offered in %1 (%2, %3): %4")
    heading = heading.replace("%1", REGION_CITIES[region]).replace("%2", region)
    return heading.replace("%3", settings.region_base_url(region)).replace("%4", str(count))


def _legend_key(flag: str) -> str:
    """``grid:32`` → ``grid:N``; a flag without a number is its own key."""
    name, _, value = flag.partition(":")
    if name == "like":
        return "like:NAME"
    return f"{name}:N" if value.isdigit() else flag


def _flags_shown(models: list[ModelInfo]) -> list[str]:
    present = {_legend_key(flag) for model in models for flag in model.flags()}
    return [flag for flag in FLAG_MEANINGS if flag in present]
