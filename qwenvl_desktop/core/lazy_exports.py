"""Package re-exports that import their module on first use.

A package ``__init__`` that imports its modules eagerly makes every import of any one of them
pay for all: importing the Qt-free ``platform.clipboard.dedup`` loaded PySide6 through its
package, and ``import qwenvl_desktop.core.protocol`` loaded httpx for the catalog alone. With
these, ``from package import Name`` keeps working, and the module behind ``Name`` is imported
only when ``Name`` is first used (PEP 562). The package lists the same names under
``TYPE_CHECKING`` so that type checkers and readers still see where each comes from.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, which re-exports ``exports``.

    ``exports`` maps each public name to the submodule (relative to ``package``) defining it.
    Use: ``__getattr__, __dir__ = lazy_exports(__name__, {"Name": "module", ...})``.
    """

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # the next lookup is a plain attribute
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *exports})

    return __getattr__, __dir__
