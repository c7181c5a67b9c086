"""Export a project as code and files, and import Keras model JSON (no Qt).

* :func:`keras_script` / :func:`export_keras`: a runnable Keras 3 script
  (plus ``<stem>_data.csv`` and ``<stem>_weights.npz`` beside it);
* :func:`torch_script` / :func:`export_torch`: the same network and training
  in PyTorch;
* :func:`export_keras_json` / :func:`import_keras_json`: Keras 3
  ``model.to_json()`` format (Keras 2 files import too);
  :class:`KerasImportError` lists everything unsupported;
* :func:`save_weights` / :func:`load_weights`: ``.npz`` with ``w0, w1, ...``
  in Keras order, never pickled;
* :func:`history_csv` / :func:`save_history`: one row per epoch;
* :class:`ExportError`: the project cannot be exported as asked.
"""

from nnstudio.export.bundle import companion_names, data_csv, write_bundle
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
from nnstudio.export.weights import load_weights, project_weights, save_weights

__all__ = [
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
    "keras_script",
    "load_weights",
    "project_weights",
    "save_history",
    "save_weights",
    "torch_script",
    "write_bundle",
]
