"""Lazy package APIs: a name a package exports is imported from its module on first use.

The sub-packages of `index.attribution` read each other's modules, so an `__init__` that
imported its modules eagerly would import in a circle; and `index.attribution` itself must not
import spaCy (about 2 s) for code that never extracts claims.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` that loads each exported name from its module.

    Args:
        package: The package's `__name__`.
        homes: Each exported name → the module of the package that defines it.

    Returns:
        The function to assign to the package's `__getattr__`.
    """

    def __getattr__(name: str) -> Any:
        if name in homes:
            return getattr(import_module(f"{package}.{homes[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
