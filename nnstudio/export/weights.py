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


HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
#: what to do with weights saved by Keras itself
KERAS_WEIGHTS_HINT = (
    "nnstudio reads weights as .npz (w0, w1, ... in model.get_weights() order, never pickled). "
    "In Keras, write them with: np.savez('weights.npz', **{f'w{i}': w for i, w in "
    "enumerate(model.get_weights())}); or bring the whole model as Keras JSON (model.to_json())"
)


def _keras_file_kind(path: Path) -> str | None:
    """'HDF5' or 'Keras archive' when ``path`` is a file Keras wrote, else None."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return None
    if head == HDF5_SIGNATURE or path.suffix.lower() in (".h5", ".hdf5"):
        return "HDF5"
    if path.suffix.lower() == ".keras":
        return "Keras archive"
    return None


def load_weights(path: str | os.PathLike) -> list[np.ndarray]:
    """Read a weights file written by :func:`save_weights` (``allow_pickle=False``).

    Raises :class:`ExportError` naming the problem for anything else (for a Keras
    ``.weights.h5`` / ``.keras`` file it says how to get an ``.npz`` instead).
    """
    path = Path(path)
    kind = _keras_file_kind(path)
    if kind is not None:
        raise ExportError(f"{path.name} is a Keras {kind} file, not an .npz weights file. {KERAS_WEIGHTS_HINT}.")
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


def imported_state(project, weights: list[np.ndarray], dataset=None) -> dict:
    """The ``Project.state`` for ``weights`` trained elsewhere (Keras order, e.g. a script's
    ``<stem>_trained_weights.npz``): the weights in the project's dtype, an empty history
    (nnstudio did not train them), the saved comparison runs kept.

    Raises :class:`ExportError` naming the first array whose shape does not fit the network.
    """
    from nnstudio.project.build import build_model
    from nnstudio.session.record import TrainedState

    try:
        model = build_model(project, dataset, compile=False)
    except Exception as exc:  # engine errors name the problem
        raise ExportError(f"the network cannot be built: {exc}") from None
    expected = model.get_weights()
    names = [f"{layer.name} {part}" for layer in model.layers if getattr(layer, "kind", "") == "Dense"
             for part in (("kernel", "bias") if getattr(layer, "use_bias", True) else ("kernel",))]
    if len(weights) != len(expected):
        raise ExportError(f"the file has {len(weights)} arrays but this network has {len(expected)} "
                          f"({', '.join(names)}): was it saved from another network?")
    out = []
    for i, (w, e) in enumerate(zip(weights, expected)):
        w = np.asarray(w)
        if w.shape != e.shape:
            what = names[i] if i < len(names) else f"array {i}"
            raise ExportError(f"w{i} has shape {w.shape} but {what} of this network is {e.shape}")
        if not np.all(np.isfinite(w)):
            raise ExportError(f"w{i} contains NaN or infinity")
        out.append(w.astype(e.dtype))
    old = TrainedState.from_state(getattr(project, "state", None))
    return TrainedState(runs=old.runs).to_state(out)
