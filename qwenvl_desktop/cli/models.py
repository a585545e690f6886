"""``qwenvl-desktop models``: the catalog of a region, one model a line with its flags."""

from __future__ import annotations

import argparse

from qwenvl_desktop.cli.exit_codes import ExitCode
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.settings import load_settings

__all__ = ["run_models"]


def run_models(args: argparse.Namespace) -> int:
    """Print the models of ``--region`` (else the configured region): name, group, flags."""
    catalog = load_catalog()
    region = args.region or load_settings().settings.region
    models = catalog.models_for_region(region)
    width = max(len(m.name) for m in models)
    for model in models:
        print(f"{model.name:<{width}}  {model.group:<8}  {' '.join(model.flags())}")
    return ExitCode.OK
