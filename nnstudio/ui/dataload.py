"""Loading the document's dataset without freezing the window.

A small dataset is generated (or parsed) at once in the GUI thread, as it
always was. A large one — more than :data:`DatasetLoader.background_cells`
values, e.g. 100,000 two-feature points or any Keras-example set of more than
a few thousand rows — is generated, split and scaled in a worker thread
(:func:`nnstudio.ui.threads.run_worker`): the window keeps repainting, the
views say "Preparing the data…" and Train stays disabled until it is ready.

The worker gets only plain data (the dataset choice and a copy of the few
project settings the split needs) and sends back plain data (a
:class:`Loaded`); the thread and worker objects are released in the GUI
thread. Every load has a serial number: a result that arrives after the
choice changed again (an undo during preparation) is not shown, but it is
kept in a small cache, so a redo is instant. The data is exactly what the
synchronous path produces (the same functions run, only elsewhere).
"""

from __future__ import annotations

import copy
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.ui import threads


def dataset_key(choice: dict) -> tuple:
    """What the loaded data depends on: the same key gives the same data."""
    csv = choice.get("csv") or {}
    return (
        choice.get("source"),
        choice.get("name"),
        repr(sorted((choice.get("params") or {}).items())),
        hash(csv.get("text")),
        repr(csv.get("options")),
    )


def prepared_settings(project) -> tuple:
    """The document settings a split/scaled :class:`PreparedData` depends on (besides the dataset)."""
    return (
        project.training.get("validation_split"),
        project.training.get("dtype"),
        project.dataset.get("split_seed"),
        project.dataset.get("standardize"),
        project.dataset.get("one_hot"),
        repr(project.layers[0].params.get("features")) if project.layers else None,
    )


def estimated_cells(choice: dict) -> int:
    """About how many numbers loading ``choice`` makes (rows × columns); 0 if unknown (small)."""
    if choice.get("source") == "csv":
        text = (choice.get("csv") or {}).get("text") or ""
        return len(text) // 4 if isinstance(text, str) else 0  # "0.25," is about one value per 4-5 characters
    try:
        from nnstudio.data.registry import get_generator

        gen = get_generator(choice.get("name"))
    except Exception:
        return 0
    params = gen.defaults()
    params.update(choice.get("params") or {})
    try:
        if "n_samples" in params:
            rows = int(params["n_samples"])
        elif "repeat" in params:
            rows = 4 * int(params["repeat"])
        else:
            return 0  # fixed files (Iris, digits): small
    except (TypeError, ValueError, OverflowError):
        return 0  # the loader reports the bad value
    return max(0, rows) * _width(gen.name)


_WIDTHS: dict[str, int] = {}


def _width(name: str) -> int:
    """Feature count of a built-in dataset (from a tiny sample, remembered)."""
    if name not in _WIDTHS:
        from nnstudio.data.registry import get_generator, make

        gen = get_generator(name)
        small = {}
        for p in gen.params:
            if p.name in ("n_samples", "repeat"):
                small[p.name] = int(p.minimum or 1)
        try:
            _WIDTHS[name] = make(name, **small).n_features
        except Exception:
            _WIDTHS[name] = 1
    return _WIDTHS[name]


_stats_memo: tuple = (None, None)


def column_stats(dataset) -> list:
    """``describe_columns`` of the dataset's features, worked out once per dataset (the worker makes it)."""
    global _stats_memo
    ref, stats = _stats_memo
    if ref is None or ref() is not dataset:
        from nnstudio.data import describe_columns

        stats = describe_columns(dataset.x, dataset.feature_names)
        _stats_memo = (weakref.ref(dataset), stats)
    return stats


@dataclass
class Loaded:
    """What one load produced (plain data, no Qt)."""

    serial: int
    key: tuple
    dataset: Any = None
    error: str | None = None
    #: the split/scaled data for ``settings`` (None if it could not be made)
    prepared: Any = None
    settings: tuple | None = None


def settings_snapshot(project):
    """A private copy of what :func:`nnstudio.project.build.prepare_data` reads (no CSV text, no weights)."""
    from nnstudio.project import Project

    p = Project()
    p.training = copy.deepcopy(project.training)
    p.dataset = {k: copy.deepcopy(v) for k, v in project.dataset.items() if k != "csv"}
    p.layers = copy.deepcopy(project.layers[:1])
    return p


def load(serial: int, key: tuple, choice: dict, snapshot=None) -> Loaded:
    """Load ``choice`` (and split it as ``snapshot`` says, if given); errors become ``Loaded.error``."""
    from nnstudio.project.build import load_dataset, prepare_data

    out = Loaded(serial, key)
    try:
        out.dataset = load_dataset(choice)
    except Exception as exc:  # a user-caused problem (bad CSV, bad params): shown, never raised
        out.error = str(exc)
        return out
    if out.dataset.n_features == 2:  # the views' plane box: one pass over the points, made here
        from nnstudio.project.planes import plane_extent

        plane_extent(out.dataset.x)
    elif out.dataset.n_features > 2:  # the data view's table of column statistics
        column_stats(out.dataset)
    if snapshot is not None:
        try:
            out.prepared = prepare_data(snapshot, out.dataset)
            out.settings = prepared_settings(snapshot)
        except Exception:  # e.g. a split that leaves no rows: the GUI reports it when asked
            out.prepared = None
    return out


class _LoadWorker(QObject):
    """Runs :func:`load` in its thread; holds only plain data."""

    loaded = Signal(object)
    finished = Signal()

    def __init__(self, serial: int, key: tuple, choice: dict, snapshot) -> None:
        super().__init__()
        self.serial = serial
        self.args = (serial, key, copy.deepcopy(choice), snapshot)

    @Slot()
    def run(self) -> None:
        try:
            result = load(*self.args)
        except BaseException as exc:  # MemoryError and the like: reported, never lost
            result = Loaded(self.args[0], self.args[1], error=f"{type(exc).__name__}: {exc}")
        self.args = None
        self.loaded.emit(result)
        self.finished.emit()


#: (worker, thread) of every load not yet released, held here (not by a window): released in the GUI thread
_jobs: list[tuple] = []


def _reap() -> None:
    """Release the finished jobs' thread and worker objects (GUI thread only)."""
    _jobs[:] = [(w, t) for w, t in _jobs if not t.isFinished()]


def wait_all(timeout_ms: int = 10000) -> bool:
    """Join every running load (tests, shutdown). True if all ended."""
    ok = all(t.wait(int(timeout_ms)) for _w, t in list(_jobs))
    _reap()
    return ok


class DatasetLoader(QObject):
    """Loads dataset choices for one :class:`AppState`: at once when small, in a worker when large.

    ``loaded(Loaded)`` fires in the GUI thread for a background result that is
    still wanted (its serial is the latest).
    """

    loaded = Signal(object)

    #: loads making more numbers than this go to a worker thread (None: never)
    background_cells: int | None = 50_000
    #: recently loaded datasets (with their last split) kept for undo/redo, the current one included
    CACHE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetLoader")
        self.serial = 0
        self.pending_key: tuple | None = None
        self._cache: OrderedDict[tuple, Any] = OrderedDict()

    @property
    def pending(self) -> bool:
        """True while a background load for the latest choice runs."""
        return self.pending_key is not None

    def request(self, choice: dict, project=None) -> Loaded | None:
        """Load ``choice``: a :class:`Loaded` now, or None when it goes to a worker (``loaded`` follows)."""
        self.serial += 1
        key = dataset_key(choice)
        self.pending_key = None
        _reap()
        if key in self._cache:
            self._cache.move_to_end(key)
            dataset, prepared, settings = self._cache[key]
            return Loaded(self.serial, key, dataset, prepared=prepared, settings=settings)
        limit = self.background_cells
        if limit is None or estimated_cells(choice) <= limit:
            result = load(self.serial, key, choice)
            self._remember(result)
            return result
        self.pending_key = key
        worker = _LoadWorker(self.serial, key, choice, settings_snapshot(project) if project is not None else None)
        worker.loaded.connect(self._on_loaded)
        thread = threads.run_worker(worker, "datasetThread")
        _jobs.append((worker, thread))
        return None

    def offer(self, choice: dict, dataset) -> None:
        """Remember ``dataset`` as what ``choice`` loads (the CSV import has parsed the file already)."""
        csv = choice.get("csv") or {}
        if choice.get("source") == "csv" and csv.get("filename"):
            dataset.source = f"imported from {csv['filename']}"  # as load_dataset names it
        self._remember(Loaded(0, dataset_key(choice), dataset))

    def remember_prepared(self, dataset, prepared, settings: tuple) -> None:
        """Keep the split made for ``dataset`` with it (an undo back to it needs no new split)."""
        for key, (ds, _p, _s) in self._cache.items():
            if ds is dataset:
                self._cache[key] = (ds, prepared, settings)

    def forget(self) -> None:
        """Drop the cache (a new document)."""
        self._cache.clear()

    def _remember(self, result: Loaded) -> None:
        if result.dataset is None:
            return
        self._cache[result.key] = (result.dataset, result.prepared, result.settings)
        self._cache.move_to_end(result.key)
        while len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)

    @Slot(object)
    def _on_loaded(self, result: Loaded) -> None:
        self._remember(result)
        for worker, thread in list(_jobs):
            if worker.serial == result.serial:
                thread.wait(1000)  # it is ending: its worker has sent its last result
        _reap()
        if result.serial != self.serial:
            return  # the choice changed meanwhile (undo): kept in the cache only
        self.pending_key = None
        self.loaded.emit(result)
