"""The ``.nnstudio`` file format: versioned JSON, written atomically.

A project file is UTF-8 JSON with ``format_version`` (this module writes
:data:`FORMAT_VERSION`), the network (``layers``), the ``training`` settings,
the ``dataset`` choice (an imported CSV is embedded as text) and, once
trained, the ``state``: weights as base64 little-endian arrays with dtype and
shape, the training history and saved comparison runs. The JSON Schema is
shipped as ``resources/project.schema.json``.

Nothing read from a file is unpickled or evaluated; every malformed input
raises :class:`ProjectFileError` with a message that names the problem, and
the caller's open project is never touched by a failed load.
"""

from __future__ import annotations

import base64
import copy
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio import __version__
from nnstudio.project.document import (
    DEFAULT_DATASET,
    DEFAULT_TRAINING,
    LAYER_DEFAULTS,
    LayerSpec,
    Project,
)

FORMAT_VERSION = 1
SUFFIX = ".nnstudio"
MAX_FILE_BYTES = 512 * 1024 * 1024
_DTYPES = {"float32", "float64"}


class ProjectFileError(ValueError):
    """A project file could not be read; the message says why and what to do."""


# -- arrays ---------------------------------------------------------------
def encode_array(a: np.ndarray) -> dict[str, Any]:
    a = np.asarray(a)
    if a.dtype.name not in _DTYPES:
        a = a.astype(np.float64)
    le = a.astype(a.dtype.newbyteorder("<"), copy=False)
    return {
        "dtype": a.dtype.name,
        "shape": list(a.shape),
        "data": base64.b64encode(np.ascontiguousarray(le).tobytes()).decode("ascii"),
    }


def decode_array(d: Any, where: str) -> np.ndarray:
    if not isinstance(d, dict):
        raise ProjectFileError(f"{where}: expected an array object, found {type(d).__name__}")
    dtype, shape, data = d.get("dtype"), d.get("shape"), d.get("data")
    if dtype not in _DTYPES:
        raise ProjectFileError(f"{where}: unsupported dtype {dtype!r} (use float32 or float64)")
    if not isinstance(shape, list) or not all(isinstance(s, int) and s >= 0 for s in shape):
        raise ProjectFileError(f"{where}: 'shape' must be a list of non-negative integers")
    if not isinstance(data, str):
        raise ProjectFileError(f"{where}: 'data' must be a base64 string")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ProjectFileError(f"{where}: 'data' is not valid base64 ({exc})") from None
    dt = np.dtype(dtype).newbyteorder("<")
    expected = int(np.prod(shape, dtype=np.int64)) * dt.itemsize
    if len(raw) != expected:
        raise ProjectFileError(
            f"{where}: holds {len(raw)} bytes but shape {shape} of {dtype} needs {expected}"
        )
    return np.frombuffer(raw, dtype=dt).reshape(shape).astype(dtype)


# -- dict form ------------------------------------------------------------
def _finite_history(history: dict) -> dict:
    out = {}
    for key, values in history.items():
        out[str(key)] = [None if (v is None or not math.isfinite(float(v))) else float(v) for v in values]
    return out


def project_to_dict(project: Project) -> dict[str, Any]:
    """The JSON-ready dict of a project (what :func:`save_project` writes)."""
    d: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "app": f"nnstudio {__version__}",
        "name": project.name,
        "layers": [layer.to_dict() for layer in project.layers],
        "training": copy.deepcopy(project.training),
        "dataset": copy.deepcopy(project.dataset),
        "state": None,
    }
    if project.state is not None:
        st = project.state
        d["state"] = {
            "weights": [encode_array(w) for w in st.get("weights") or []],
            "history": _finite_history(st.get("history") or {}),
            "epochs_trained": int(st.get("epochs_trained", 0)),
            "iterations": int(st.get("iterations", 0)),
            "runs": [
                {"name": str(r.get("name", "")), "history": _finite_history(r.get("history") or {})}
                for r in st.get("runs") or []
            ],
        }
        for extra in ("stop_reason", "best_epoch"):
            if st.get(extra) is not None:
                d["state"][extra] = st[extra]
    return d


def _require(d: dict, key: str, types: tuple, where: str) -> Any:
    if key not in d:
        raise ProjectFileError(f"{where}: missing key '{key}'")
    value = d[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        names = "/".join(t.__name__ for t in types)
        raise ProjectFileError(f"{where}.{key}: expected {names}, found {type(value).__name__}")
    return value


def _check_value(value: Any, default: Any, where: str) -> Any:
    """Check a setting against its default's type (numbers are interchangeable)."""
    if default is None or value is None:
        return value
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ProjectFileError(f"{where}: expected true/false, found {value!r}")
    elif isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ProjectFileError(f"{where}: expected a number, found {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ProjectFileError(f"{where}: must be a finite number")
        if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, float):
            if not value.is_integer():
                raise ProjectFileError(f"{where}: expected a whole number, found {value!r}")
            value = int(value)
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise ProjectFileError(f"{where}: expected text, found {value!r}")
    elif isinstance(default, dict):
        if not isinstance(value, dict):
            raise ProjectFileError(f"{where}: expected an object, found {type(value).__name__}")
    return value


#: settings whose value is a free-form object (checked by the code that uses it)
_FREE_FORM = {"dataset.params", "dataset.csv", "training.metrics"}


def _merge_settings(defaults: dict, given: dict, where: str) -> dict:
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if key not in defaults:
            raise ProjectFileError(f"{where}: unknown setting '{key}'")
        if f"{where}.{key}" in _FREE_FORM:
            out[key] = copy.deepcopy(value)
        elif isinstance(defaults[key], dict):
            out[key] = _merge_settings(defaults[key], _check_value(value, {}, f"{where}.{key}"), f"{where}.{key}")
        else:
            out[key] = _check_value(value, defaults[key], f"{where}.{key}")
    return out


def project_from_dict(d: Any) -> Project:
    """Build a project from its dict form; :class:`ProjectFileError` if malformed."""
    if not isinstance(d, dict):
        raise ProjectFileError(f"a project must be a JSON object, found {type(d).__name__}")
    version = _require(d, "format_version", (int,), "project")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"this project was saved in format version {version} by a newer nnstudio "
            f"({d.get('app', 'unknown')}); this nnstudio reads up to version {FORMAT_VERSION}. "
            "Update nnstudio to open it."
        )
    if version < 1:
        raise ProjectFileError(f"format_version {version} is not a valid nnstudio format version")
    p = Project()
    p.name = str(d.get("name") or "Untitled")
    layers = _require(d, "layers", (list,), "project")
    specs = []
    for i, ld in enumerate(layers):
        where = f"layers[{i}]"
        if not isinstance(ld, dict):
            raise ProjectFileError(f"{where}: expected an object")
        type_ = _require(ld, "type", (str,), where)
        if type_ not in LAYER_DEFAULTS:
            raise ProjectFileError(
                f"{where}: unknown layer type {type_!r}; nnstudio knows {', '.join(LAYER_DEFAULTS)}"
            )
        params = {}
        for key, value in ld.items():
            if key in ("type", "id", "name"):
                continue
            if key not in LAYER_DEFAULTS[type_]:
                raise ProjectFileError(f"{where}: {type_} layer has no parameter '{key}'")
            params[key] = _check_value(value, LAYER_DEFAULTS[type_][key], f"{where}.{key}")
        spec = LayerSpec.make(type_, **params)
        if isinstance(ld.get("name"), str):
            spec.name = ld["name"]
        lid = ld.get("id")
        if isinstance(lid, str) and lid and all(lid != s.id for s in specs):
            spec.id = lid
        specs.append(spec)
    p.layers = specs
    training = _require(d, "training", (dict,), "project")
    p.training = _merge_settings(DEFAULT_TRAINING, training, "training")
    dataset = _require(d, "dataset", (dict,), "project")
    p.dataset = _merge_settings(DEFAULT_DATASET, dataset, "dataset")
    if p.dataset["source"] not in ("builtin", "csv"):
        raise ProjectFileError(f"dataset.source must be 'builtin' or 'csv', found {p.dataset['source']!r}")
    if not isinstance(p.dataset.get("params"), dict):
        raise ProjectFileError("dataset.params: expected an object of generator parameters")
    if p.training.get("metrics") is not None and not (
        isinstance(p.training["metrics"], list) and all(isinstance(m, str) for m in p.training["metrics"])
    ):
        raise ProjectFileError("training.metrics: expected a list of metric names or null")
    if p.dataset["source"] == "csv":
        csv = p.dataset.get("csv")
        if not isinstance(csv, dict) or not isinstance(csv.get("text"), str):
            raise ProjectFileError("dataset.csv: an imported dataset must embed its CSV text")
    state = d.get("state")
    if state is not None:
        if not isinstance(state, dict):
            raise ProjectFileError("state: expected an object or null")
        weights = [decode_array(w, f"state.weights[{i}]") for i, w in enumerate(state.get("weights") or [])]
        hist = state.get("history") or {}
        if not isinstance(hist, dict) or not all(isinstance(v, list) for v in hist.values()):
            raise ProjectFileError("state.history: expected an object of lists")
        runs = state.get("runs") or []
        if not isinstance(runs, list):
            raise ProjectFileError("state.runs: expected a list")
        p.state = {
            "weights": weights,
            "history": {k: [float("nan") if v is None else float(v) for v in vals] for k, vals in hist.items()},
            "epochs_trained": int(state.get("epochs_trained", 0)),
            "iterations": int(state.get("iterations", 0)),
            "runs": [
                {"name": str(r.get("name", "")), "history": {k: [float("nan") if v is None else float(v) for v in vals] for k, vals in (r.get("history") or {}).items()}}
                for r in runs if isinstance(r, dict)
            ],
        }
        for extra in ("stop_reason", "best_epoch"):
            if state.get(extra) is not None:
                p.state[extra] = state[extra]
    return p


# -- files ----------------------------------------------------------------
def dumps(project: Project) -> str:
    return json.dumps(project_to_dict(project), indent=1, ensure_ascii=False, allow_nan=False)


def loads(text: str | bytes) -> Project:
    """Parse project JSON text; :class:`ProjectFileError` on anything malformed."""
    if isinstance(text, bytes):
        if b"\x00" in text[:4096]:
            raise ProjectFileError("this is a binary file, not an nnstudio project (JSON text)")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProjectFileError(f"the file is not UTF-8 text (byte {exc.start}); is it an nnstudio project?") from None
    if not text.strip():
        raise ProjectFileError("the file is empty")

    def _no_constants(name: str) -> Any:
        raise ProjectFileError(f"the file contains {name}, which is not valid JSON")

    try:
        data = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise ProjectFileError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}"
        ) from None
    except RecursionError:
        raise ProjectFileError("the JSON is nested too deeply to be a project") from None
    return project_from_dict(data)


def save_project(project: Project, path: str | os.PathLike) -> Path:
    """Write ``project`` to ``path`` atomically (temp file in the same folder + rename)."""
    path = Path(path)
    text = dumps(project)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file; :class:`ProjectFileError` names any problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ProjectFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if path.is_dir():
        raise ProjectFileError(f"{path} is a folder, not a project file")
    if size > MAX_FILE_BYTES:
        raise ProjectFileError(f"{path} is {size / 2**20:.0f} MB, too large for an nnstudio project")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return loads(raw)
    except ProjectFileError as exc:
        raise ProjectFileError(f"{path.name}: {exc}") from None
