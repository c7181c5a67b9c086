"""The ``.nnstudio`` file format: versioned JSON, written atomically.

A project file is UTF-8 JSON with ``format_version`` (this module writes
:data:`FORMAT_VERSION`), the network (``layers``), the ``training`` settings,
the ``dataset`` choice (an imported CSV is embedded as text) and, once
trained, the ``state``: weights as base64 little-endian arrays with dtype and
shape, the training history and saved comparison runs, and optionally the
rewind timeline (``state.timeline``: per-epoch snapshots; see
:func:`timeline_included`). The JSON Schema is shipped as
``resources/project.schema.json``.

Nothing read from a file is unpickled or evaluated; every malformed input
raises :class:`ProjectFileError` with a message that names the problem, and
the caller's open project is never touched by a failed load.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from nnstudio import __version__
from nnstudio.project import optimizer_config, schema
from nnstudio.project.document import (
    DEFAULT_DATASET,
    DEFAULT_TRAINING,
    LAYER_DEFAULTS,
    LayerSpec,
    Project,
)

# arrays and the timeline's file form live in their own modules; their names stay importable from here
from nnstudio.project.filearrays import ProjectFileError, decode_array, encode_array  # noqa: F401
from nnstudio.project.limits import MAX_FILE_BYTES, MAX_PARAMS, network_params
from nnstudio.project.timelinefile import (  # noqa: F401
    TIMELINE_AUTO_BYTES,
    TIMELINE_MODES,
    check_timeline,
    timeline_file_bytes,
    timeline_included,
    timeline_to_file,
)

FORMAT_VERSION = 2
SUFFIX = ".nnstudio"


# -- dict form ------------------------------------------------------------
def _finite_history(history: dict) -> dict:
    out = {}
    for key, values in history.items():
        out[str(key)] = [None if (v is None or not math.isfinite(float(v))) else float(v) for v in values]
    return out


def project_to_dict(project: Project, *, timeline: str = "auto") -> dict[str, Any]:
    """The JSON-ready dict of a project (what :func:`save_project` writes).

    ``timeline``: whether the rewind timeline is written (see :func:`timeline_included`).
    """
    d: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "app": f"nnstudio {__version__}",
        "name": project.name,
        "layers": [layer.to_dict() for layer in project.layers],
        "training": _training_to_file(project.training),
        "dataset": copy.deepcopy(project.dataset),
        "state": None,
    }
    if project.trained is not None:
        st = project.trained
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
        if timeline_included(project, timeline):
            tl = timeline_to_file(st.get("timeline"))
            if tl is not None:
                d["state"]["timeline"] = tl
    return d


# -- versions -------------------------------------------------------------
def _training_to_file(training: dict) -> dict:
    """Format 2: the optimizer as ``{"name", "config"}`` with its own settings; the rest as they are."""
    out = {k: copy.deepcopy(v) for k, v in training.items() if k not in optimizer_config.all_keys()}
    try:
        out["optimizer"] = optimizer_config.to_config(training)
    except ValueError:  # an unknown optimizer name (the validator says so): keep every setting
        out = copy.deepcopy(training)
    return out


def _training_from_file(training: dict) -> dict:
    """The document's training settings from format 2 (the optimizer's config beside the other keys)."""
    flat = {k: copy.deepcopy(v) for k, v in training.items() if k != "optimizer"}
    if "optimizer" in training:
        name, config = optimizer_config.from_config(training["optimizer"])
        flat["optimizer"] = name
        try:  # a setting the file leaves out takes the optimizer's Keras default
            flat.update({k: v for k, v in optimizer_config.defaults(name).items() if k not in flat})
        except ValueError:
            pass
        flat.update(copy.deepcopy(config))
    return flat


def _v1_to_v2(d: dict) -> dict:
    """Format 1 kept every optimizer's settings flat in ``training``: nest the chosen optimizer's.

    The other optimizers' settings of a format-1 file are kept as well (beside
    the nested config), so a version-1 file opens with exactly its old values.
    """
    d = dict(d)
    training = dict(d.get("training") or {})
    name = training.get("optimizer", DEFAULT_TRAINING["optimizer"])
    if isinstance(name, str):
        own = optimizer_config.keys(name) if name in optimizer_config.registry.names("optimizer") else ()
        # a setting a format-1 file left out had the document default: keep it (not the Keras one)
        config = {k: training.pop(k) if k in training else copy.deepcopy(DEFAULT_TRAINING.get(k)) for k in own
                  if k in training or k in DEFAULT_TRAINING}
        training["optimizer"] = {"name": name, "config": config}
    d["training"] = training
    d["format_version"] = 2
    return d


#: ``MIGRATIONS[n]`` turns a format-``n`` project dict (already schema-checked) into format ``n + 1``
MIGRATIONS = {1: _v1_to_v2}


def migrate(d: dict) -> dict:
    """A checked project dict of any known format version brought to :data:`FORMAT_VERSION`."""
    version = d["format_version"]
    while version < FORMAT_VERSION:
        d = MIGRATIONS[version](d)
        version += 1
    return d


def _require(d: dict, key: str, types: tuple, where: str) -> Any:
    if key not in d:
        raise ProjectFileError(f"{where}: missing key '{key}'")
    value = d[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        names = "/".join(t.__name__ for t in types)
        raise ProjectFileError(f"{where}.{key}: expected {names}, found {type(value).__name__}")
    return value


def _merge(defaults: dict, given: dict) -> dict:
    """``defaults`` overridden by ``given`` (already checked by the schema), nested groups merged."""
    out = copy.deepcopy(defaults)
    for key, value in given.items():
        if isinstance(defaults.get(key), dict) and isinstance(value, dict):
            out[key] = _merge(defaults[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _check_dataset(ds: dict) -> None:
    """What the schema cannot say: a built-in dataset's name and parameters, CSV options."""
    from nnstudio.data import registry as data_registry

    if ds["source"] == "builtin":
        try:
            gen = data_registry.get_generator(ds["name"])
        except ValueError as exc:
            raise ProjectFileError(f"dataset.name: {exc}") from None
        for key, value in ds["params"].items():
            try:
                data_registry._coerce(gen, gen.param(key), value)
            except ValueError as exc:
                raise ProjectFileError(f"dataset.params.{key}: {exc}") from None
        return
    csv = ds.get("csv")
    if not isinstance(csv, dict):
        raise ProjectFileError("dataset.csv: an imported dataset must embed its CSV text")
    if csv.get("options") is not None:
        from nnstudio.data.csv import CsvError, CsvOptions

        try:
            CsvOptions.from_dict(csv["options"])
        except (CsvError, TypeError, ValueError) as exc:
            raise ProjectFileError(f"dataset.csv.options: {exc}") from None


def _check_weights(weights: list) -> None:
    total = 0
    for i, w in enumerate(weights):
        n = math.prod(w["shape"])
        total += n
        if n > MAX_PARAMS or total > MAX_PARAMS:
            raise ProjectFileError(f"state.weights[{i}]: shape {w['shape']} makes the weights larger than the "
                                   f"limit of {MAX_PARAMS:,} numbers")


def _history(h: dict) -> dict:
    return {k: [float("nan") if v is None else float(v) for v in vals] for k, vals in h.items()}


def project_from_dict(d: Any) -> Project:
    """Build a project from its dict form; :class:`ProjectFileError` if malformed.

    The dict is checked against the published schema first
    (:mod:`nnstudio.project.schema`), so every field has its type, range and size
    before anything is built or allocated; the error names the field.
    """
    if not isinstance(d, dict):
        raise ProjectFileError(f"a project must be a JSON object, found {type(d).__name__}")
    version = _require(d, "format_version", (int,), "project")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"this project was saved in format version {version} by a newer nnstudio "
            f"({str(d.get('app', 'unknown'))[:60]}); this nnstudio reads up to version {FORMAT_VERSION}. "
            "Update nnstudio to open it."
        )
    if version < 1:
        raise ProjectFileError(f"format_version {version} is not a valid nnstudio format version")
    try:
        d = schema.check(d)
    except schema.SchemaError as exc:
        raise ProjectFileError(str(exc)) from None
    d = migrate(d)
    p = Project()
    p.name = d.get("name") or "Untitled"
    specs = []
    for ld in d["layers"]:
        params = {k: v for k, v in ld.items() if k not in ("type", "id", "name")}
        spec = LayerSpec.make(ld["type"], **params)
        spec.name = ld.get("name", "")
        lid = ld.get("id")
        if lid and all(lid != s.id for s in specs):
            spec.id = lid
        specs.append(spec)
    p.layers = specs
    n_params = network_params(specs, None)
    if n_params > MAX_PARAMS:
        raise ProjectFileError(f"layers: the network has {n_params:,} weights and biases; the limit is "
                               f"{MAX_PARAMS:,} (docs/project-format.md)")
    p.training = _merge(DEFAULT_TRAINING, _training_from_file(d["training"]))
    p.dataset = _merge(DEFAULT_DATASET, d["dataset"])
    _check_dataset(p.dataset)
    state = d.get("state")
    if state is not None:
        raw_weights = state.get("weights") or []
        _check_weights(raw_weights)
        weights = [decode_array(w, f"state.weights[{i}]") for i, w in enumerate(raw_weights)]
        p.trained = {
            "weights": weights,
            "history": _history(state.get("history") or {}),
            "epochs_trained": state.get("epochs_trained", 0),
            "iterations": state.get("iterations", 0),
            "runs": [{"name": r.get("name", ""), "history": _history(r.get("history") or {})}
                     for r in state.get("runs") or []],
        }
        for extra in ("stop_reason", "best_epoch"):
            if state.get(extra) is not None:
                p.trained[extra] = state[extra]
        if state.get("timeline") is not None:
            p.trained["timeline"] = check_timeline(state["timeline"], weights)
    return p


# -- files ----------------------------------------------------------------
def dumps(project: Project, *, timeline: str = "auto") -> str:
    text = json.dumps(project_to_dict(project, timeline=timeline), indent=1, ensure_ascii=False, allow_nan=False)
    # a lone surrogate (from a paste) cannot be written as UTF-8: save U+FFFD in its place
    return re.sub("[\ud800-\udfff]", "\ufffd", text) if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


MAX_INT_DIGITS = 30


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_INT_DIGITS:
        raise ProjectFileError(f"the file holds an integer of {len(literal)} digits ({literal[:12]}...); "
                               "no project setting is that large")
    return int(literal)


def _parse_float(literal: str) -> float:
    if len(literal) > 400:
        raise ProjectFileError(f"the file holds a number written with {len(literal)} characters "
                               f"({literal[:12]}...); no project setting needs that")
    return float(literal)


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
        data = json.loads(text, parse_constant=_no_constants, parse_int=_parse_int, parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise ProjectFileError(
            f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}"
        ) from None
    except RecursionError:
        raise ProjectFileError("the JSON is nested too deeply to be a project") from None
    return project_from_dict(data)


def save_project(project: Project, path: str | os.PathLike, *, timeline: str = "auto") -> Path:
    """Write ``project`` to ``path`` atomically (temp file in the same folder + rename).

    ``timeline`` ('auto', 'always', 'never'): whether the rewind timeline is saved too.
    """
    path = Path(path)
    text = dumps(project, timeline=timeline)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def _current_umask() -> int:
    try:  # Linux: read it without changing it (os.umask is process-wide and not thread-safe)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _file_mode(path: Path) -> int | None:
    """The mode a saved file gets: an existing file keeps its own, a new one 0666 minus the umask."""
    if os.name != "posix":
        return None
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


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
