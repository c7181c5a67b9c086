"""Input features: the raw columns plus features derived from them (no Qt).

The one place derived features are computed. Training, prediction, the
decision and neuron maps, the CLI and the exported Keras/PyTorch scripts all
call :func:`derive` (the scripts carry a copy of :data:`SCRIPT_SOURCE`, the
same formulas), so every part of nnstudio feeds the network the same numbers.

A feature is named by a short key over the raw columns, counted from 1:

============  =================================  ===========================
key           value                              shown as
============  =================================  ===========================
``x1``        column 1 as it is                  the column's name
``x1^2``      column 1 squared                   ``x₁²``
``x1*x2``     column 1 times column 2            ``x₁·x₂``
``sin(x1)``   sine of column 1 (radians)         ``sin x₁``
``cos(x1)``   cosine of column 1                 ``cos x₁``
``r``         √(x₁² + x₂²) (2 columns only)      ``r``
``theta``     atan2(x₂, x₁) in (−π, π] (2 only)  ``θ``
============  =================================  ===========================

The Input layer's ``features`` parameter lists the keys the network sees, in
order (``None``: the raw columns only). Standardisation, when the project
asks for it, is applied *after* the features are derived: each derived
column gets its own mean and scale from the training rows.
"""

from __future__ import annotations

import re

import numpy as np

#: more raw columns than this offer no derived features (the list would be too long to tick)
MAX_DERIVED_COLUMNS = 8

_RAW = re.compile(r"^x([1-9][0-9]*)$")
_SQUARE = re.compile(r"^x([1-9][0-9]*)\^2$")
_PRODUCT = re.compile(r"^x([1-9][0-9]*)\*x([1-9][0-9]*)$")
_TRIG = re.compile(r"^(sin|cos)\(x([1-9][0-9]*)\)$")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class FeatureError(ValueError):
    """A feature key that is malformed or does not fit the data's columns."""


def raw_keys(n_raw: int) -> list[str]:
    """The keys of the raw columns: ``['x1', ..., 'x<n>']``."""
    return [f"x{i + 1}" for i in range(int(n_raw))]


def available(n_raw: int) -> list[str]:
    """Every feature offered for ``n_raw`` raw columns, in display order."""
    n = int(n_raw)
    keys = raw_keys(n)
    if n < 1 or n > MAX_DERIVED_COLUMNS:
        return keys
    keys += [f"x{i}^2" for i in range(1, n + 1)]
    keys += [f"x{i}*x{j}" for i in range(1, n + 1) for j in range(i + 1, n + 1)]
    keys += [f"sin(x{i})" for i in range(1, n + 1)]
    keys += [f"cos(x{i})" for i in range(1, n + 1)]
    if n == 2:
        keys += ["r", "theta"]
    return keys


def _parse(key: str) -> tuple:
    """``(kind, column indices from 0)`` for a key; malformed -> :class:`FeatureError`."""
    if not isinstance(key, str):
        raise FeatureError(f"a feature must be text, got {key!r}")
    if key in ("r", "theta"):
        return key, (0, 1)
    m = _RAW.match(key)
    if m:
        return "raw", (int(m.group(1)) - 1,)
    m = _SQUARE.match(key)
    if m:
        return "square", (int(m.group(1)) - 1,)
    m = _PRODUCT.match(key)
    if m:
        return "product", (int(m.group(1)) - 1, int(m.group(2)) - 1)
    m = _TRIG.match(key)
    if m:
        return m.group(1), (int(m.group(2)) - 1,)
    raise FeatureError(f"unknown feature {key!r}; features look like x1, x1^2, x1*x2, sin(x1), "
                       "cos(x1), r, theta")


def resolve(features, n_raw: int) -> list[str]:
    """The keys the network sees: ``features`` itself, or the raw columns when it is ``None``."""
    return raw_keys(n_raw) if features is None else [str(k) for k in features]


def problems(features, n_raw: int) -> list[str]:
    """Keys of ``features`` that do not fit ``n_raw`` columns (unknown, out of range, r/θ without 2 columns)."""
    if features is None:
        return []
    bad = []
    for key in features:
        try:
            kind, cols = _parse(key)
        except FeatureError:
            bad.append(str(key))
            continue
        if kind in ("r", "theta") and n_raw != 2:
            bad.append(key)
        elif any(c >= n_raw for c in cols):
            bad.append(key)
    return bad


def malformed(features) -> list:
    """Entries of ``features`` that are not feature keys at all (whatever the data)."""
    bad = []
    for key in features:
        try:
            _parse(key)
        except FeatureError:
            bad.append(key)
    return bad


def width(features, n_raw: int | None) -> int | None:
    """How many numbers the network gets per sample (``None`` if unknown)."""
    if features is None:
        return n_raw
    return len(features)


def uses_derived(features) -> bool:
    """True when ``features`` is more than the raw columns in their order."""
    if features is None:
        return False
    return any(_RAW.match(str(k)) is None for k in features)


def is_identity(features, n_raw: int) -> bool:
    """True when the network sees exactly the raw columns, in order (nothing to derive)."""
    return features is None or list(features) == raw_keys(n_raw)


def derive(x, features) -> np.ndarray:
    """``(n, len(features))`` float64 values of ``features`` for raw rows ``x`` (``(n, d)``).

    ``features=None`` returns ``x`` as float64. A key that does not fit ``x``
    raises :class:`FeatureError`.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        x = x.reshape(1, -1)
    if features is None:
        return x
    bad = problems(features, x.shape[1])
    if bad:
        raise FeatureError(f"feature(s) {', '.join(bad)} do not fit data with {x.shape[1]} column(s)")
    out = np.empty((x.shape[0], len(features)), dtype=np.float64)
    for j, key in enumerate(features):
        kind, cols = _parse(key)
        a = x[:, cols[0]]
        if kind == "raw":
            out[:, j] = a
        elif kind == "square":
            out[:, j] = a * a
        elif kind == "product":
            out[:, j] = a * x[:, cols[1]]
        elif kind == "sin":
            out[:, j] = np.sin(a)
        elif kind == "cos":
            out[:, j] = np.cos(a)
        elif kind == "r":
            out[:, j] = np.sqrt(a * a + x[:, 1] * x[:, 1])
        else:  # theta
            out[:, j] = np.arctan2(x[:, 1], a)
    return out


def _sym(i: int, names) -> str:
    if names is not None and 0 <= i < len(names) and names[i] and not _RAW.match(str(names[i])):
        return str(names[i])
    return f"x{i + 1}".translate(_SUB)


def label(key: str, names=None) -> str:
    """How a feature is shown (``x₁²``, ``sin x₂``, ``θ``); raw columns use the dataset's column names."""
    kind, cols = _parse(key)
    if kind == "raw":
        return _sym(cols[0], names)
    if kind == "square":
        return f"{_sym(cols[0], names)}²"
    if kind == "product":
        return f"{_sym(cols[0], names)}·{_sym(cols[1], names)}"
    if kind in ("sin", "cos"):
        return f"{kind} {_sym(cols[0], names)}"
    return "r" if kind == "r" else "θ"


def formula(key: str, names=None) -> str:
    """The feature's formula as readable text (for tooltips)."""
    kind, cols = _parse(key)
    a = _sym(cols[0], names)
    if kind == "raw":
        return f"{a} (the column as it is)"
    if kind == "square":
        return f"{a}² = {a} · {a}"
    if kind == "product":
        return f"{a}·{_sym(cols[1], names)}"
    if kind in ("sin", "cos"):
        return f"{kind}({a}), {a} in radians"
    b = _sym(1, names)
    if kind == "r":
        return f"r = √({a}² + {b}²), the distance from the origin"
    return f"θ = atan2({b}, {a}), the angle in radians, −π < θ ≤ π"


def labels(features, names) -> list[str]:
    """Display labels of the features the network sees (``names``: the dataset's column names)."""
    return [label(k, names) for k in resolve(features, len(names))]


#: The same formulas as :func:`derive`, as source code the exported scripts carry
#: (numpy for Keras, torch for PyTorch share this text through ``np`` / ``torch``).
SCRIPT_SOURCE = '''\
def derive_features(x, features=FEATURES):
    """The input features nnstudio derives from the raw columns (x: (n, d) array)."""
    cols = []
    for key in features:
        if key == "r":
            cols.append(np.sqrt(x[:, 0] ** 2 + x[:, 1] ** 2))
        elif key == "theta":
            cols.append(np.arctan2(x[:, 1], x[:, 0]))
        elif key.endswith("^2"):
            a = x[:, int(key[1:-2]) - 1]
            cols.append(a * a)
        elif "*" in key:
            i, j = (int(part[1:]) - 1 for part in key.split("*"))
            cols.append(x[:, i] * x[:, j])
        elif key.startswith(("sin(", "cos(")):
            a = x[:, int(key[5:-1]) - 1]
            cols.append(np.sin(a) if key.startswith("sin") else np.cos(a))
        else:
            cols.append(x[:, int(key[1:]) - 1])
    return np.stack(cols, axis=1)
'''
