"""Export a project as code and files, and import Keras model JSON (no Qt).

* :func:`keras_script` / :func:`export_keras`: a runnable Keras 3 script
  (plus ``<stem>_data.csv`` and ``<stem>_weights.npz`` beside it);
* :func:`torch_script` / :func:`export_torch`: the same network and training
  in PyTorch;
* :func:`export_keras_json` / :func:`import_keras_json`: Keras 3
  ``model.to_json()`` format (Keras 2 files import too);
  :class:`KerasImportError` lists everything unsupported;
* :func:`save_weights` / :func:`load_weights`: ``.npz`` with ``w0, w1, ...``
  in Keras order, never pickled; :func:`imported_state`: weights trained
  elsewhere as a project's state (to look at them in the studio);
* :func:`history_csv` / :func:`save_history`: one row per epoch;
* :func:`save_data`: the project's data as a CSV file (a drawn set, for instance);
* :func:`export_network`: one of the network formats above by name
  (what File > Export and ``nnstudio export`` both call);
* :class:`ExportError`: the project cannot be exported as asked.
"""

from nnstudio.export.bundle import companion_names, data_csv, save_data, write_bundle
from nnstudio.export.history import history_csv, save_history
from nnstudio.export.keras_code import export_keras, keras_script
from nnstudio.export.keras_json import (
    KerasImportError,
    export_keras_json,
    import_keras_json,
)
from nnstudio.export.names import ExportError
from nnstudio.export.spec import ExportSpec, export_spec
from nnstudio.export.torch_code import export_torch, torch_script
from nnstudio.export.weights import imported_state, load_weights, project_weights, save_weights

NETWORK_FORMATS = ("keras", "pytorch", "keras-json")
#: Other names accepted for a format (``--format torch`` is ``pytorch``).
FORMAT_ALIASES = {"torch": "pytorch"}


def export_network(fmt: str, project, path, dataset, *, nnstudio_order: bool = True) -> list:
    """Write ``project`` as ``fmt`` ('keras', 'pytorch' or 'keras-json') at ``path``;
    returns the files written (scripts bring their data and weights files along).

    ``nnstudio_order`` (scripts only): the script trains on nnstudio's batch order
    (see :mod:`nnstudio.export.order`) instead of its framework's own shuffle."""
    from pathlib import Path

    path = Path(path)
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    if fmt == "keras-json":
        path.write_text(export_keras_json(project, dataset), encoding="utf-8")
        return [path]
    if fmt == "keras":
        return export_keras(project, path, dataset, nnstudio_order=nnstudio_order)
    if fmt == "pytorch":
        return export_torch(project, path, dataset, nnstudio_order=nnstudio_order)
    raise ExportError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")


__all__ = [
    "FORMAT_ALIASES",
    "NETWORK_FORMATS",
    "export_network",
    "ExportError",
    "ExportSpec",
    "KerasImportError",
    "companion_names",
    "data_csv",
    "export_keras",
    "export_keras_json",
    "export_spec",
    "export_torch",
    "history_csv",
    "import_keras_json",
    "imported_state",
    "keras_script",
    "load_weights",
    "project_weights",
    "save_data",
    "save_history",
    "save_weights",
    "torch_script",
    "write_bundle",
]
