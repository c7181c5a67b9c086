"""The one table of built-in datasets (house rule 3).

The dataset drop-down, the inspector's parameter editors, the project
validator and the lessons all read :func:`builtins`; adding a dataset is one
entry in ``_TABLE``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import partial
from typing import Callable

from . import digits as _digits
from . import generators as g
from .dataset import Dataset

KINDS = ("int", "float", "bool")


@dataclass(frozen=True)
class Param:
    """One user-settable parameter of a generator, with its inclusive range."""

    name: str
    label: str
    default: object
    minimum: float | None = None
    maximum: float | None = None
    kind: str = "float"
    help: str = ""


@dataclass(frozen=True)
class Generator:
    """A built-in dataset: name, texts, task at default params, parameters, function."""

    name: str
    title: str
    description: str
    task: str
    params: list = field(default_factory=list)
    fn: Callable[..., Dataset] = None

    def param(self, name: str) -> Param:
        """The :class:`Param` called ``name`` (ValueError if there is none)."""
        for p in self.params:
            if p.name == name:
                return p
        valid = ", ".join(p.name for p in self.params) or "none"
        raise ValueError(f"dataset {self.name!r} has no parameter {name!r} (valid: {valid})")

    def defaults(self) -> dict:
        """``{param name: default}``."""
        return {p.name: p.default for p in self.params}


def _seed():
    return Param("seed", "Seed", 0, 0, 2**31 - 1, "int",  # the largest a Qt spin box shows
                 "Random seed: the same seed gives the same data.")


def _n(default, lo=4, hi=100_000):
    return Param("n_samples", "Samples", default, lo, hi, "int", "Number of points.")


def _noise(default, hi=2.0, help="Standard deviation of the Gaussian noise."):
    return Param("noise", "Noise", default, 0.0, hi, "float", help)


def _gate(name, title, desc):
    return Generator(
        name, title, desc, "binary",
        [Param("repeat", "Repeat", 1, 1, 10_000, "int",
               "Copies of the 4-row table (for mini-batch lessons)."),
         _noise(0.0, 1.0, "Gaussian jitter added to the inputs (0 = exact table)."),
         _seed()],
        partial(g.logic_gate, name))


def _curve(curve, title, desc):
    return Generator(f"above_{curve}", title, desc, "binary", [_n(200), _noise(0.05), _seed()],
                     partial(g.function_split, curve))


_TABLE = [
    _gate("and", "AND gate", "The AND truth table: output 1 only when both inputs are 1."),
    _gate("nand", "NAND gate", "The NAND truth table: output 0 only when both inputs are 1."),
    _gate("or", "OR gate", "The OR truth table: output 1 when at least one input is 1."),
    _gate("xor", "XOR gate",
          "The XOR truth table: output 1 when the inputs differ; no single line separates it."),
    Generator("circle", "Circle", "One class inside a disc, the other on a ring around it.",
              "binary", [_n(200), _noise(0.1), _seed()], g.circle),
    Generator("xor_quadrants", "XOR quadrants",
              "Points in four quadrants labelled like XOR: a hidden layer is needed.",
              "binary", [_n(200), _noise(0.1), _seed()], g.xor_quadrants),
    Generator("gaussians", "Two Gaussians",
              "Two round point clouds; a straight line separates them.",
              "binary", [_n(200), _noise(0.5, 3.0, "Spread (std) of each cloud."), _seed()],
              g.gaussians),
    Generator("spiral", "Spiral",
              "Interleaved spiral arms, one class per arm: hard without hidden layers.",
              "binary", [_n(300, 20), _noise(0.1),
                         Param("arms", "Arms", 2, 2, 8, "int",
                               "Number of arms (= classes; more than 2 is multiclass)."),
                         _seed()], g.spiral),
    Generator("spiral_multi", "Spiral, 3+ classes",
              "Three (or more) interleaved spiral arms, one class each: a multi-class decision map.",
              "multiclass", [_n(300, 20), _noise(0.05),
                             Param("arms", "Arms", 3, 3, 8, "int", "Number of arms (= classes)."),
                             _seed()], g.spiral),
    _curve("sine", "Above/below a sine", "Class 1 above the wave x₂ = 0.8·sin(π·x₁), class 0 below it."),
    _curve("cubic", "Above/below a cubic", "Class 1 above the curve x₂ = x₁³ − x₁, class 0 below it."),
    _curve("abs", "Above/below |x|", "Class 1 above the V x₂ = |x₁| − 0.5, class 0 below it."),
    Generator("moons", "Moons", "Two interleaving half circles.",
              "binary", [_n(200), _noise(0.1), _seed()], g.moons),
    Generator("blobs", "Blobs", "Gaussian blobs, one class each, around a circle.",
              "multiclass", [_n(300), _noise(0.5, 3.0, "Spread (std) of each blob."),
                             Param("classes", "Classes", 3, 2, 10, "int",
                                   "Number of blobs (= classes)."), _seed()], g.blobs),
    Generator("sine", "Sine wave", "One input, y = sin(x) plus noise: fit a curve.",
              "regression", [_n(100), _noise(0.1), _seed()], g.sine),
    Generator("plane", "Plane", "Two inputs, y a linear plane plus noise: linear regression.",
              "regression", [_n(200), _noise(0.1), _seed()], g.plane),
    Generator("bump", "Gaussian bump", "Two inputs, y a smooth bump in the middle.",
              "regression", [_n(200), _noise(0.05), _seed()], g.bump),
    Generator("keras_example", "Keras example (32 → 5)",
              "The lesson's Keras example shape: 32 features, 5 classes with integer labels.",
              "multiclass", [_n(1000, 10), _noise(1.0, 5.0, "Spread around each class centre."),
                             _seed()], g.keras_example),
    Generator("iris", "Iris flowers",
              "Fisher's Iris: 150 flowers, 4 measurements in cm, 3 species.",
              "multiclass", [], g.iris),
    Generator("digits", "Handwritten digits (8×8)",
              "1,797 handwritten digits 0–9 as 8×8 images of ink counts 0–16 (UCI).",
              "multiclass", [], _digits.digits),
    Generator("overfit_small", "Small noisy sine (overfitting)",
              "Only a few noisy points: a big network memorises the noise; try regularization.",
              "regression", [_n(30, 5, 200), _noise(0.3), _seed()], g.overfit_small),
]
_BY_NAME = {gen.name: gen for gen in _TABLE}
assert len(_BY_NAME) == len(_TABLE), "duplicate dataset name"


def builtins() -> list[Generator]:
    """Every built-in dataset in display order."""
    return list(_TABLE)


def names() -> list[str]:
    """Names of every built-in dataset in display order."""
    return [gen.name for gen in _TABLE]


def get_generator(name: str) -> Generator:
    """The generator called ``name``; unknown names -> ValueError listing the valid ones."""
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown dataset {name!r}; choose one of: {', '.join(names())}") from None


def _coerce(gen: Generator, p: Param, value):
    where = f"{gen.name}: {p.name}"
    if p.kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{where} must be true or false, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:  # numpy scalars
            import numpy as np
            if isinstance(value, np.generic) and not isinstance(value, np.bool_):
                value = value.item()
            else:
                raise TypeError
        except TypeError:
            raise ValueError(f"{where} must be a number, got {value!r}") from None
    if p.kind == "int":
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"{where} must be a whole number, got {value!r}")
            value = int(value)
    else:
        value = float(value)
        if math.isnan(value):
            raise ValueError(f"{where} must be a number, got NaN")
    if p.minimum is not None and value < p.minimum:
        raise ValueError(f"{where} = {value} is too small; use a value from "
                         f"{p.minimum} to {p.maximum}")
    if p.maximum is not None and value > p.maximum:
        raise ValueError(f"{where} = {value} is too large; use a value from "
                         f"{p.minimum} to {p.maximum}")
    return value


def make(name: str, **params) -> Dataset:
    """Build the built-in dataset ``name`` with ``params`` (others at default).

    Unknown parameters, wrong types and out-of-range values raise
    ``ValueError`` with a message naming the parameter and the valid range.
    Identical parameters always give identical data.
    """
    gen = get_generator(name)
    values = gen.defaults()
    for key, value in params.items():
        values[key] = _coerce(gen, gen.param(key), value)
    return gen.fn(**values)
