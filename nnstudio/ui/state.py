"""The application state every view shares: the document, its undo stack,
the resolved dataset, the current problems, the selection and training state.

Views read from :class:`AppState` and listen to its signals; they change the
document only through :meth:`AppState.push` (an undoable command, pushed by
the one :class:`~nnstudio.ui.editor.Editor`, ``state.editor``, whose
``refused`` signal says why an edit was refused). The project layer below
knows nothing of Qt: :class:`AppState` re-emits the document's plain-Python
change notifications as typed Qt signals, one per kind of change
(``layerInserted``, ``layerChanged``, ``trainingChanged`` ...); the dataset is
reloaded and the problems revalidated once per undo command (:meth:`batch`).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nnstudio.project import Project, validate
from nnstudio.project.document import invalidates_data
from nnstudio.ui.editor import Editor

IDLE, RUNNING, PAUSED = "idle", "running", "paused"


class AppState(QObject):
    """Shared state of one main window (see module docstring)."""

    #: any document change: (event, info) as sent by :class:`Project` (kept for listeners that only need
    #: "something changed"; a listener that cares what changed connects to the typed signals below)
    documentChanged = Signal(str, dict)
    #: typed document changes, one per kind (napari-style events), emitted as the document changes
    layerInserted = Signal(str, int)  # layer id, its index
    layerRemoved = Signal(str, int)  # layer id, the index it had
    layerMoved = Signal(str, int, int)  # layer id, from, to
    layerChanged = Signal(str, str)  # layer id, parameter key ('name' for its name)
    layersReplaced = Signal()  # the whole network was replaced
    #: the network changed in any of the five ways above (structure or a layer parameter)
    networkChanged = Signal()
    trainingChanged = Signal(str)  # training setting key ('early_stopping.patience')
    trainedChanged = Signal()  # Project.trained (weights / history) was replaced
    nameChanged = Signal()  # the project's name
    #: a different document was loaded (New / Open / import)
    projectReplaced = Signal()
    #: the dataset (or its split/scaling) changed; ``dataset`` may be None with ``dataset_error`` set
    datasetChanged = Signal()
    #: the list of validation problems was recomputed
    problemsChanged = Signal(list)
    #: the selected layer index (or None for "no selection": model settings)
    selectionChanged = Signal(object)
    #: the sample whose activations the canvas shows (index into the dataset)
    sampleChanged = Signal(int)
    #: 'idle' | 'running' | 'paused'
    trainingStateChanged = Signal(str)
    #: live activations for the selected sample during/after training:
    #: a list (one entry per project layer) of 1-D numpy arrays (or None)
    neuronValuesChanged = Signal(object)
    #: live weights (list of numpy arrays, Keras order) during/after training
    weightsChanged = Signal(object)
    #: the file path or the clean state changed (title bar)
    fileStateChanged = Signal()
    #: a weight line was clicked on the canvas: (project layer index of the Dense layer, from-neuron, to-neuron)
    weightSelected = Signal(int, int, int)
    #: dataset indices of the mini-batch being trained (for highlighting), or None
    batchChanged = Signal(object)

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.project: Project = project or Project.default()
        self.file_path: Path | None = None
        self.dataset: Any = None
        self.dataset_error: str | None = None
        self.problems: list = []
        #: the selected layer by id (None: model settings); ``selected_layer`` is its index now
        self.selected_id: str | None = None
        self._selected_index: int | None = None
        self.selected_sample: int = 0
        self.training_state: str = IDLE
        self._prepared = None
        self._prepared_key = None
        self._dataset_key = None
        #: the one caller of undo_stack.push (AppState.push hands edits to it); ``editor.refused(str)``
        self.editor = Editor(self)
        self._batch_depth = 0
        self._pending: dict = {}
        #: latest live values: per project layer a (z, a) pair of 1-D arrays for the selected sample
        self.live_values: list | None = None
        #: latest live weights (Keras order list of arrays) or None
        self.live_weights: list | None = None
        self.project.subscribe(self._on_document)
        from nnstudio.ui.dataload import DatasetLoader

        self.loader = DatasetLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self._reload_dataset()

    # -- document -------------------------------------------------------
    def push(self, edits: list[tuple], text: str, merge_key: str | None = None) -> bool:
        """Apply ``edits`` as one undoable command titled ``text`` (through :attr:`editor`).

        Returns False (and changes nothing) while training runs or when an edit
        cannot be carried out; ``editor.refused`` says why. Only the training
        speed can be set while training runs (it does not change what is learned).
        """
        return self.editor.push(edits, text, merge_key)

    def add_edit_hook(self, hook) -> None:
        """Call ``hook(edits)`` before every pushed edit (the training controller ends a paused run there)."""
        self.editor.add_hook(hook)

    @contextmanager
    def batch(self):
        """Edits made inside reload the dataset and revalidate once, at the end (one undo command)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                pending, self._pending = self._pending, {}
                if pending.get("reload"):
                    self._reload_dataset(emit=False)
                    self.datasetChanged.emit()
                self._revalidate()

    def edit_blocked_reason(self) -> str | None:
        if self.training_state == RUNNING:
            return self.tr("Training is running: pause or stop it before editing the network.")
        return None

    def set_project(self, project: Project, path: Path | None = None) -> None:
        """Replace the document (New / Open); clears undo history."""
        self.project.unsubscribe(self._on_document)
        self.project = project
        self.project.subscribe(self._on_document)
        self.file_path = Path(path) if path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.selected_id = self._selected_index = None
        self.selected_sample = 0
        self._reload_dataset(emit=False)
        self.projectReplaced.emit()
        self.datasetChanged.emit()
        self.selectionChanged.emit(None)
        self._revalidate()
        self.fileStateChanged.emit()

    def mark_saved(self, path: Path) -> None:
        self.file_path = Path(path)
        self.undo_stack.setClean()
        self.fileStateChanged.emit()

    def _on_clean_changed(self, _clean: bool) -> None:
        self.fileStateChanged.emit()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def _on_document(self, event: str, info: dict) -> None:
        """One document change: tell the views (typed signal + ``documentChanged``); reload the data if it
        depends on it and validate, once per batch (undo command) or at once outside one.

        A new dataset choice reaches the views as ``datasetChanged`` only (after
        the reload), not also as ``documentChanged('dataset_changed')``.
        """
        reload = invalidates_data(event, info)
        if self._batch_depth:
            self._pending["validate"] = True
            self._pending["reload"] = self._pending.get("reload", False) or reload
        elif reload:
            self._reload_dataset(emit=False)
        if event != "dataset_changed":
            self._emit_typed(event, info)
            self.documentChanged.emit(event, info)
        if not self._batch_depth and reload:
            self.datasetChanged.emit()
        if self.selected_id is not None and event in ("layer_inserted", "layer_removed", "layer_moved",
                                                      "layers_replaced"):
            self._follow_selection(event)
        if not self._batch_depth:
            self._revalidate()

    def _emit_typed(self, event: str, info: dict) -> None:
        if event == "training_changed":
            self.trainingChanged.emit(str(info.get("key")))
        elif event == "state_changed":
            self.trainedChanged.emit()
        elif event == "name_changed":
            self.nameChanged.emit()
        else:
            lid = str(info.get("id") or "")
            if event == "layer_inserted":
                self.layerInserted.emit(lid, int(info["index"]))
            elif event == "layer_removed":
                self.layerRemoved.emit(lid, int(info["index"]))
            elif event == "layer_moved":
                self.layerMoved.emit(lid, int(info["src"]), int(info["dst"]))
            elif event == "layer_changed":
                self.layerChanged.emit(lid, str(info.get("key")))
            elif event == "layers_replaced":
                self.layersReplaced.emit()
            else:
                return
            self.networkChanged.emit()

    # -- dataset ----------------------------------------------------------
    def _reload_dataset(self, emit: bool = True) -> None:
        """Load the document's dataset: at once when small, in a worker when large (see ``ui/dataload.py``).

        While a large one is prepared ``dataset`` is None and ``dataset_pending``
        True; ``datasetChanged`` fires again when it is ready.
        """
        from nnstudio.ui.dataload import dataset_key

        self._prepared = None
        key = dataset_key(self.project.dataset)
        if key == self._dataset_key and (self.dataset is not None or self.loader.pending):
            if emit:
                self.datasetChanged.emit()
                self._revalidate()
            return
        self._dataset_key = key
        result = self.loader.request(self.project.dataset, self.project)
        if result is None:  # a large dataset: a worker prepares it (_on_loaded follows)
            self.dataset, self.dataset_error = None, None
        else:
            self._install(result)
        if emit:
            self.datasetChanged.emit()
            self._revalidate()

    @property
    def dataset_pending(self) -> bool:
        """True while a large dataset is prepared off the GUI thread (Train waits for it)."""
        return self.loader.pending

    def _install(self, result) -> None:
        from nnstudio.ui.dataload import prepared_settings

        self.dataset, self.dataset_error = result.dataset, result.error
        if result.prepared is not None and result.settings == prepared_settings(self.project):
            self._prepared, self._prepared_key = result.prepared, (id(self.dataset),) + result.settings
        if self.dataset is not None and self.selected_sample >= self.dataset.n_samples:
            self.selected_sample = 0

    def _on_loaded(self, result) -> None:
        """A large dataset is ready (the latest choice): show it everywhere."""
        self._install(result)
        self.datasetChanged.emit()
        self._revalidate()

    def prepared(self):
        """Split/scaled arrays for training (cached until dataset or split changes)."""
        from nnstudio.project.build import prepare_data

        if self.dataset is None:
            return None
        from nnstudio.ui.dataload import prepared_settings

        key = (id(self.dataset),) + prepared_settings(self.project)
        if self._prepared is None or self._prepared_key != key:
            self._prepared = prepare_data(self.project, self.dataset)
            self._prepared_key = key
            self.loader.remember_prepared(self.dataset, self._prepared, key[1:])
        return self._prepared

    def prepared_or_none(self):
        """:meth:`prepared`, or None when these settings cannot split/scale the data (the validator says why)."""
        try:
            return self.prepared()
        except ValueError:
            return None

    # -- problems -------------------------------------------------------
    def _revalidate(self) -> None:
        self.problems = validate(self.project, self.dataset)
        if self.dataset_error:
            from nnstudio.project import Problem

            self.problems.insert(0, Problem("error", "dataset", f"The dataset could not be loaded: {self.dataset_error}"))
        self.problemsChanged.emit(self.problems)

    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    # -- selection --------------------------------------------------------
    @property
    def selected_layer(self) -> int | None:
        """The index of the selected layer now (it follows the layer when layers move), or None."""
        if self.selected_id is None:
            return None
        for i, layer in enumerate(self.project.layers):
            if layer.id == self.selected_id:
                return i
        return None

    def select_layer(self, index: int | None) -> None:
        """Select the layer at ``index`` (None or out of range: no selection)."""
        layers = self.project.layers
        self.select_layer_id(layers[index].id if index is not None and 0 <= index < len(layers) else None)

    def select_layer_id(self, layer_id: str | None) -> None:
        """Select a layer by its id (None: no selection); ``selectionChanged`` carries its index."""
        if layer_id == self.selected_id:
            return
        self.selected_id = layer_id
        self._selected_index = self.selected_layer
        if self._selected_index is None:
            self.selected_id = None
        self.selectionChanged.emit(self._selected_index)

    def _follow_selection(self, event: str) -> None:
        """Keep the selection on the same layer when the document moves layers (undo included)."""
        index = self.selected_layer
        if index is None:  # the selected layer is gone
            old = self._selected_index
            if event == "layers_replaced" and old is not None and old < len(self.project.layers):
                self.selected_id, self._selected_index = self.project.layers[old].id, old  # same place
                self.selectionChanged.emit(old)
            else:
                self.select_layer_id(None)
        elif index != self._selected_index:
            self._selected_index = index
            self.selectionChanged.emit(index)

    def select_sample(self, index: int) -> None:
        if self.dataset is None:
            return
        index = int(index) % max(1, self.dataset.n_samples)
        if index != self.selected_sample:
            self.selected_sample = index
            self.sampleChanged.emit(index)

    def set_live(self, values: list | None = None, weights: list | None = None) -> None:
        """Publish live activations and/or weights (GUI thread only)."""
        if weights is not None:
            self.live_weights = weights
            self.weightsChanged.emit(weights)
        if values is not None:
            self.live_values = values
            self.neuronValuesChanged.emit(values)

    def clear_live(self) -> None:
        self.live_values = None
        self.live_weights = None
        self.neuronValuesChanged.emit(None)
        self.weightsChanged.emit(None)

    def set_training_state(self, state: str) -> None:
        if state != self.training_state:
            self.training_state = state
            self.trainingStateChanged.emit(state)
