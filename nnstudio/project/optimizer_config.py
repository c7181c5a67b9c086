"""Optimizer settings Keras-style: ``{"name": "adam", "config": {...}}`` (no Qt).

The engine registry says which parameters each optimizer takes and their
Keras defaults (``registry.get("optimizer", name).params``); weight decay is
taken by every optimizer. Project files (format 2) store the chosen
optimizer this way, with only its own parameters; in the document the same
values live in ``Project.training`` beside the other settings. Switching the
optimizer gives the new one its Keras defaults (Adam -> SGD: learning rate
0.01), as choosing another optimizer in Keras does.
"""

from __future__ import annotations

from typing import Any

from nnstudio.engine import registry

#: parameters every optimizer takes besides its registry params
COMMON_KEYS = ("weight_decay",)
COMMON_DEFAULTS = {"weight_decay": 0.0}


def keys(name: str) -> tuple[str, ...]:
    """The settings optimizer ``name`` takes (its registry params, then :data:`COMMON_KEYS`)."""
    return tuple(registry.get("optimizer", name).params) + COMMON_KEYS


def all_keys() -> tuple[str, ...]:
    """Every optimizer setting of any optimizer (the keys a format-1 file kept flat in ``training``)."""
    out: list[str] = []
    for entry in registry.entries("optimizer"):
        out += [k for k in entry.params if k not in out]
    return tuple(out) + COMMON_KEYS


def defaults(name: str) -> dict[str, Any]:
    """Keras' defaults for optimizer ``name``."""
    return {**dict(registry.get("optimizer", name).params), **COMMON_DEFAULTS}


def to_config(training: dict[str, Any]) -> dict[str, Any]:
    """``{"name", "config"}`` of the document's chosen optimizer (only its own settings)."""
    name = training["optimizer"]
    return {"name": name, "config": {k: training[k] for k in keys(name) if k in training}}


def from_config(optimizer: Any) -> tuple[str, dict[str, Any]]:
    """(name, settings) from a stored optimizer: ``{"name", "config"}`` or a bare name."""
    if isinstance(optimizer, dict):
        return str(optimizer.get("name")), dict(optimizer.get("config") or {})
    return str(optimizer), {}
