"""The one place that finds files in ``resources/``.

Three layouts are supported, tried in this order:

* a frozen app (PyInstaller): ``<bundle>/resources``
* an installed wheel: ``nnstudio/_resources`` (copied there by setup.py)
* the source tree / editable install: ``<repo>/resources``

Everything else in nnstudio asks this module for a path; nothing else
computes resource paths from ``__file__``.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


class ResourceNotFound(FileNotFoundError):
    """A resource file is missing from the installation."""


@lru_cache(maxsize=1)
def root() -> Path:
    """Return the folder that holds nnstudio's resources."""
    candidates = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_base:
        candidates.append(Path(frozen_base) / "resources")
    candidates.append(_PKG / "_resources")
    candidates.append(_PKG.parent / "resources")
    for c in candidates:
        if c.is_dir():
            return c
    raise ResourceNotFound(
        "nnstudio's resources folder was not found (looked in: "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall nnstudio."
    )


def path(*parts: str) -> Path:
    """Path of a resource, e.g. ``path('icons', 'dense.svg')``; must exist."""
    p = root().joinpath(*parts)
    if not p.exists():
        raise ResourceNotFound(f"missing resource: {'/'.join(parts)} (looked in {root()})")
    return p


def exists(*parts: str) -> bool:
    return root().joinpath(*parts).exists()


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


def lessons_dir() -> Path:
    return path("lessons")


def icon_path(name: str) -> Path:
    """An icon by file name (``'dense.svg'``) or stem (``'dense'``)."""
    if "." not in name:
        for ext in (".svg", ".png"):
            if exists("icons", name + ext):
                return path("icons", name + ext)
    return path("icons", name)


def translations_dir() -> Path:
    return path("translations")


def dataset_path(name: str) -> Path:
    return path("datasets", name)
