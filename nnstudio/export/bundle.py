"""Files written beside an exported script: the data CSV and the weights.

An exported ``model.py`` reads ``model_data.csv`` (header row, then the
features, the target column(s) and an ``is_validation`` column marking the
rows nnstudio held out with its seeded split) and ``model_weights.npz``
(the trained weights, or the seeded initial weights of an untrained project,
so both frameworks start from the very same network).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.export.names import ExportError, csv_header_cell
from nnstudio.export.weights import project_weights, save_weights


def companion_names(script_path: str | os.PathLike) -> dict[str, str]:
    """File names (not paths) of the data, weights and predictions files of a script."""
    stem = Path(script_path).stem or "model"
    return {
        "data": f"{stem}_data.csv",
        "weights": f"{stem}_weights.npz",
        "predictions": f"{stem}_predictions.csv",
        "trained": f"{stem}_trained_weights.npz",
    }


def data_csv(project, dataset, split_column: bool = True) -> str:
    """CSV text of ``dataset`` in original row order: features, targets and (``split_column``)
    ``is_validation`` (0/1). Without it the file is the data alone, as File > Import > CSV reads it."""
    from nnstudio.project.build import prepare_data

    is_val = np.zeros(dataset.n_samples, dtype=np.int64)
    if split_column:
        try:
            prepared = prepare_data(project, dataset)
        except ValueError as exc:
            raise ExportError(f"the data cannot be split as the project says: {exc}") from None
        is_val[prepared.val_idx] = 1
    x = np.asarray(dataset.x, dtype=np.float64)
    y = np.asarray(dataset.y)
    y = y.reshape(len(y), -1)
    names = [csv_header_cell(n) for n in dataset.feature_names]
    targets = [csv_header_cell(n) for n in (dataset.target_names or [])]
    if len(targets) != y.shape[1]:
        targets = [f"target{j}" for j in range(y.shape[1])] if y.shape[1] > 1 else ["target"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names + targets + (["is_validation"] if split_column else []))
    integer_y = dataset.task != "regression"
    for i in range(dataset.n_samples):
        row = [repr(float(v)) for v in x[i]]
        row += [str(int(v)) if integer_y else repr(float(v)) for v in y[i]]
        if split_column:
            row.append(str(int(is_val[i])))
        w.writerow(row)
    return buf.getvalue()


def save_data(project, dataset, path: str | os.PathLike) -> Path:
    """Write the project's data (a drawn, imported or built-in set) as a CSV file at ``path``:
    the feature columns, then the target column(s); class labels as class numbers."""
    if dataset is None:
        raise ExportError("the project's dataset is not loaded")
    path = Path(path)
    path.write_text(data_csv(project, dataset, split_column=False), encoding="utf-8", newline="")
    return path


def write_bundle(script: str, path: str | os.PathLike, project, dataset: Any = None) -> list[Path]:
    """Write ``script`` to ``path`` plus its data CSV and weights; return the paths written."""
    from nnstudio.project.build import load_dataset

    path = Path(path)
    if dataset is None:
        try:
            dataset = load_dataset(project)
        except Exception as exc:  # bad CSV or parameters: say so
            raise ExportError(f"the project's dataset cannot be loaded: {exc}") from None
    names = companion_names(path)
    folder = path.parent
    data_text = data_csv(project, dataset)
    weights = project_weights(project, dataset)
    path.write_text(script, encoding="utf-8")
    data_path = folder / names["data"]
    data_path.write_text(data_text, encoding="utf-8")
    weights_path = save_weights(weights, folder / names["weights"])
    return [path, data_path, weights_path]
