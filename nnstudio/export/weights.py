"""Weights as ``.npz`` files without pickle.

Keys are ``w0``, ``w1``, ... in Keras order (``model.get_weights()``: for
each Dense layer its kernel ``(in, out)`` then its bias ``(out,)``), so a
Keras script loads them with ``model.set_weights([f[f'w{i}'] ...])`` and a
PyTorch script transposes each kernel (``weight = kernel.T``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.export.names import ExportError

_KEY = re.compile(r"w(0|[1-9][0-9]*)")


def save_weights(weights: list[Any], path: str | os.PathLike) -> Path:
    """Write ``weights`` (a list of arrays) to ``path`` as ``w0``, ``w1``, ... (float arrays only)."""
    path = Path(path)
    arrays = {}
    for i, w in enumerate(weights):
        a = np.asarray(w)
        if a.dtype.kind != "f":
            raise ExportError(f"weight {i} is not a float array (dtype {a.dtype})")
        arrays[f"w{i}"] = np.ascontiguousarray(a)
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def load_weights(path: str | os.PathLike) -> list[np.ndarray]:
    """Read a weights file written by :func:`save_weights` (``allow_pickle=False``).

    Raises :class:`ExportError` naming the problem for anything else.
    """
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as f:
            keys = list(f.files)
            bad = [k for k in keys if not _KEY.fullmatch(k)]
            if bad:
                raise ExportError(f"{path.name}: unexpected array name(s) {', '.join(map(repr, bad[:5]))}; "
                                  "expected w0, w1, ...")
            idx = sorted(int(k[1:]) for k in keys)
            if idx != list(range(len(idx))):
                raise ExportError(f"{path.name}: the arrays must be numbered w0..w{len(idx) - 1} without gaps")
            out = [np.array(f[f"w{i}"]) for i in idx]
    except ExportError:
        raise
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path.name} is not a readable .npz weights file ({exc})") from None
    for i, a in enumerate(out):
        if a.dtype.kind != "f":
            raise ExportError(f"{path.name}: w{i} is not a float array (dtype {a.dtype})")
    return out


def project_weights(project, dataset=None) -> list[np.ndarray]:
    """The project's trained weights, or (untrained) the seeded initial weights nnstudio would start from."""
    from nnstudio.project.build import build_model

    try:
        model = build_model(project, dataset, compile=False)
    except Exception as exc:  # engine errors name the problem
        raise ExportError(f"the network cannot be built: {exc}") from None
    return [np.array(w) for w in model.get_weights()]
