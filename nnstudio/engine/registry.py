"""THE list of every name a user can choose (see docs/CONTRACTS.md).

Built from the definition tables of each module — :data:`activations.ACTIVATIONS`,
:data:`initializers.INITIALIZERS`, :data:`losses.LOSSES`,
:data:`optimizers.OPTIMIZERS`, :data:`regularizers.REGULARIZERS`,
:data:`constraints.CONSTRAINTS`, :data:`layers.LAYERS`, :data:`metrics.METRICS`
— so adding an entry there is enough for every UI list, the validator and
the exporters to pick it up.

    registry.entries(kind) -> list[Entry]   # display order
    registry.names(kind)   -> list[str]
    registry.get(kind, name) -> Entry       # aliases resolved; unknown -> ValueError listing valid names
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import lru_cache

from . import activations, constraints, initializers, layers, losses, metrics, optimizers, regularizers
from .errors import unknown_name

KINDS = ("activation", "initializer", "loss", "optimizer", "regularizer", "constraint", "layer", "metric")


@dataclass(frozen=True)
class Entry:
    """One choosable name with its documentation and Keras default params."""

    kind: str
    name: str
    obj: object
    summary: str
    formula: str
    derivative: str
    aliases: tuple = ()
    params: dict = field(default_factory=dict)


def _defaults(cls, skip=("self", "name", "seed")):
    try:
        sig = inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        return {}
    return {k: p.default for k, p in sig.parameters.items()
            if k not in skip and p.default is not inspect.Parameter.empty and p.kind == p.POSITIONAL_OR_KEYWORD}


@lru_cache(maxsize=None)
def _table():
    t = {k: [] for k in KINDS}
    for name, fn in activations.ACTIVATIONS.items():
        t["activation"].append(Entry("activation", name, fn, fn.summary, fn.formula, fn.derivative_text,
                                     tuple(fn.aliases), {}))
    for name, (cls, summary, formula, aliases) in initializers.INITIALIZERS.items():
        t["initializer"].append(Entry("initializer", name, cls, summary, formula, "", tuple(aliases), _defaults(cls)))
    for name, cls in losses.LOSSES.items():
        params = _defaults(cls)
        t["loss"].append(Entry("loss", name, cls, cls.summary, cls.formula, cls.derivative_text,
                               tuple(cls.aliases), params))
    for name, (cls, summary, formula, params) in optimizers.OPTIMIZERS.items():
        t["optimizer"].append(Entry("optimizer", name, cls, summary, formula, "", (cls.__name__,), dict(params)))
    for name, (cls, summary, formula) in regularizers.REGULARIZERS.items():
        t["regularizer"].append(Entry("regularizer", name, cls, summary, formula, "", (cls.__name__,), _defaults(cls)))
    for name, (cls, summary, formula) in constraints.CONSTRAINTS.items():
        t["constraint"].append(Entry("constraint", name, cls, summary, formula, "", (cls.__name__,), _defaults(cls)))
    for name, (cls, summary) in layers.LAYERS.items():
        t["layer"].append(Entry("layer", name, cls, summary, "", "", (), _defaults(cls, ("self", "name"))))
    for name, (cls, summary) in metrics.METRICS.items():
        aliases = ("acc",) if name == "accuracy" else ()
        formula = cls.formula if cls is not None else ""
        t["metric"].append(Entry("metric", name, cls, summary, formula, "", aliases, {}))
    return t


def _check_kind(kind):
    if kind not in KINDS:
        raise unknown_name("registry kind", kind, KINDS)


def entries(kind):
    """All entries of ``kind`` in display order."""
    _check_kind(kind)
    return list(_table()[kind])


def names(kind):
    """Canonical names of ``kind`` in display order."""
    return [e.name for e in entries(kind)]


def get(kind, name):
    """The entry for ``name`` (canonical, alias or case variant); unknown -> ValueError."""
    _check_kind(kind)
    if isinstance(name, str):
        for e in _table()[kind]:
            if name == e.name or name in e.aliases:
                return e
        low = name.lower()
        for e in _table()[kind]:
            if low == e.name.lower() or low in (a.lower() for a in e.aliases):
                return e
    raise unknown_name(kind, name, names(kind))
