"""File > Export and File > Import (Keras model JSON, weights) actions.

Each action asks for a path and calls a method that takes the path
(:meth:`CodeActions.export_to`, :meth:`CodeActions.export_plots`,
:meth:`CodeActions.import_keras_json_file`, :meth:`CodeActions.import_weights_file`),
so tests drive them without
file dialogs. Errors are shown in a message box that says what went wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.ui.i18n import tr_problem
from nnstudio.ui.plaintext import plain

class _LazyExport:
    """``nnstudio.export``, imported the first time an export or import runs (not at start-up)."""

    def __getattr__(self, name):
        from nnstudio import export

        return getattr(export, name)


ex = _LazyExport()


def safe_identifier(*args):
    from nnstudio.export.names import safe_identifier as safe

    return safe(*args)


#: format -> (action objectName, default file suffix)
FORMATS = {
    "keras": ("exportKerasAction", ".py"),
    "pytorch": ("exportTorchAction", ".py"),
    "keras-json": ("exportKerasJsonAction", ".json"),
    "weights": ("exportWeightsAction", ".npz"),
    "history": ("exportHistoryAction", ".csv"),
    "data": ("exportDataAction", ".csv"),
}


class CodeActions(QObject):
    """The export / import commands of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("codeActions")
        self.window = window
        self.state = window.state
        labels = {
            "keras": self.tr("Keras script…"),
            "pytorch": self.tr("PyTorch script…"),
            "keras-json": self.tr("Keras model JSON…"),
            "weights": self.tr("Weights (.npz)…"),
            "history": self.tr("Training history (.csv)…"),
            "data": self.tr("Data (.csv)…"),
        }
        self.actions: dict[str, QAction] = {}
        for fmt, (name, _suffix) in FORMATS.items():
            act = QAction(labels[fmt], window)
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False, f=fmt: self.ask_export(f))
            if fmt == "data":
                act.setStatusTip(self.tr("Save the project's data (drawn by hand, imported or built in) as a "
                                         "CSV file: the feature columns, then the target; File > Import reads it"))
            window.export_menu.addAction(act)
            self.actions[fmt] = act
            if fmt == "pytorch":
                self._add_order_action(window)
        plots = QAction(self.tr("Plots as PNG…"), window)
        plots.setObjectName("exportPlotsAction")
        plots.triggered.connect(self.ask_export_plots)
        window.export_menu.addAction(plots)
        self.actions["plots"] = plots
        imp = QAction(self.tr("Keras model JSON…"), window)
        imp.setObjectName("importKerasJsonAction")
        imp.setStatusTip(self.tr("Open a Keras Sequential model (model.to_json()) as a new project"))
        imp.triggered.connect(self.ask_import)
        window.import_menu.addAction(imp)
        self.actions["import-keras-json"] = imp
        weights = QAction(self.tr("Weights (.npz)…"), window)
        weights.setObjectName("importWeightsAction")
        weights.setStatusTip(self.tr("Load weights trained elsewhere (an exported script's "
                                     "*_trained_weights.npz) into this network to look at them"))
        weights.triggered.connect(self.ask_import_weights)
        window.import_menu.addAction(weights)
        self.actions["import-weights"] = weights

    def _add_order_action(self, window) -> None:
        """The export option: scripts take nnstudio's batch order (on by default)."""
        act = QAction(self.tr("Scripts use nnstudio's batch order"), window)
        act.setObjectName("exportNnstudioOrderAction")
        act.setCheckable(True)
        act.setChecked(True)
        act.setToolTip(self.tr(
            "On: the exported Keras and PyTorch scripts draw each epoch's batch order from nnstudio's "
            "seeded generator (order = rng.permutation(n)), so their loss curve follows nnstudio's "
            "(the PyTorch script also uses nnstudio's dropout masks). Off: they shuffle their own way."))
        act.setStatusTip(act.toolTip())
        window.export_menu.addAction(act)
        self.actions["nnstudio-order"] = act

    # -- helpers ------------------------------------------------------------------
    def _status(self, text: str) -> None:
        if hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(text, 6000)

    def _error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, plain(text))  # the text quotes file content

    def _start_dir(self) -> str:
        path = getattr(self.state, "file_path", None)
        if path is not None:
            return str(Path(path).parent)
        return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)

    def proposed_path(self, fmt: str) -> Path:
        """What the export dialog proposes: the project's name, made safe, in the start folder."""
        from nnstudio.ui.fileactions import proposed_path

        name = self.state.project.name
        if fmt in ("data", "history"):  # two CSV files of one project get different names
            name = f"{name or 'model'}_{fmt}"
        return proposed_path(self._start_dir(), name, FORMATS[fmt][1], "model")

    # -- export ----------------------------------------------------------------------
    def ask_export(self, fmt: str) -> None:
        """Ask where to save ``fmt`` and export it."""
        suffix = FORMATS[fmt][1]
        default = str(self.proposed_path(fmt))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), default,
                                              self.tr("{suffix} files (*{suffix});;All files (*)").format(suffix=suffix))
        if path:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str | Path) -> list[Path]:
        """Export ``fmt`` to ``path``; returns the files written ([] after showing an error)."""
        path = Path(path)
        project, dataset = self.state.project, self.state.dataset
        st = project.trained or {}
        try:
            if fmt == "weights":
                if not st.get("weights"):
                    raise ex.ExportError(self.tr("The network has not been trained yet: train it first."))
                written = [ex.save_weights(st["weights"], path)]
            elif fmt == "history":
                if not st.get("history"):
                    raise ex.ExportError(self.tr("There is no training history yet: train the network first."))
                written = [ex.save_history(st["history"], path)]
            elif fmt == "data":
                if dataset is None:
                    raise ex.ExportError(self.tr("The data is not ready yet: wait until it is prepared, or "
                                                 "choose a dataset that loads."))
                written = [ex.save_data(project, dataset, path)]
            else:
                if dataset is None:
                    raise ex.ExportError(self.tr("The dataset could not be loaded: {reason}").format(
                        reason=getattr(self.state, "dataset_error", "") or "?"))
                errors = [tr_problem(p) for p in self.state.problems if p.is_error]
                if errors and fmt != "keras-json":
                    raise ex.ExportError(self.tr("Fix these problems first:") + "\n• " + "\n• ".join(errors))
                order = self.actions["nnstudio-order"].isChecked()
                written = ex.export_network(fmt, project, path, dataset, nnstudio_order=order)
        except ex.ExportError as exc:
            self._error(self.tr("Cannot export"), str(exc))
            return []
        except OSError as exc:
            self._error(self.tr("Cannot export"), self.tr("{path} could not be written: {reason}").format(
                path=path, reason=exc.strerror or exc))
            return []
        self._status(self.tr("Exported {files}").format(files=", ".join(p.name for p in written)))
        return written

    def plot_widgets(self) -> list[tuple[str, object]]:
        """Every pyqtgraph PlotWidget in the window's docks, as (file stem, widget)."""
        import pyqtgraph as pg

        found, seen = [], set()
        for name, dock in getattr(self.window, "docks", {}).items():
            widget = dock.widget()
            if widget is None:
                continue
            candidates = ([widget] if isinstance(widget, pg.PlotWidget) else []) + widget.findChildren(pg.PlotWidget)
            for k, plot in enumerate(candidates):
                if id(plot) in seen:
                    continue
                seen.add(id(plot))
                label = safe_identifier(plot.objectName() or f"plot{k + 1}", "plot")
                found.append((f"{safe_identifier(name, 'dock')}_{label}", plot))
        return found

    def ask_export_plots(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export plots to folder"), self._start_dir())
        if folder:
            self.export_plots(folder)

    def export_plots(self, folder: str | Path) -> list[Path]:
        """Save each plot as ``<dock>_<plot>.png`` in ``folder``; returns the files written."""
        from pyqtgraph.exporters import ImageExporter

        folder = Path(folder)
        written, failed, used = [], [], set()
        for stem, plot in self.plot_widgets():
            name = stem
            k = 2
            while name in used:
                name, k = f"{stem}_{k}", k + 1
            used.add(name)
            target = folder / f"{name}.png"
            try:
                exporter = ImageExporter(plot.getPlotItem())
                if plot.width() < 2 or plot.height() < 2:  # a hidden dock: render at a sensible size
                    plot.resize(640, 400)
                    exporter = ImageExporter(plot.getPlotItem())
                exporter.export(str(target))
            except Exception as exc:  # one bad plot must not stop the others
                failed.append(f"{name}: {exc}")
                continue
            if target.exists():
                written.append(target)
        if failed or not written:
            text = self.tr("{n} plot(s) saved to {folder}.").format(n=len(written), folder=folder)
            if failed:
                text += "\n" + self.tr("Not saved:") + "\n" + "\n".join(failed)
            elif not written:
                text = self.tr("There are no plots to export.")
            self._error(self.tr("Export plots"), text)
        else:
            self._status(self.tr("{n} plot(s) saved to {folder}").format(n=len(written), folder=folder))
        return written

    # -- import --------------------------------------------------------------------------
    def _may_replace(self) -> bool:
        if getattr(self.state, "training_state", "idle") == "running":
            self._status(self.tr("Stop training before opening another project."))
            return False
        for owner in (self.window, getattr(self.window, "files", None)):
            check = getattr(owner, "maybe_save", None)
            if callable(check):
                return bool(check())
        return True

    def ask_import(self) -> None:
        if not self._may_replace():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Keras model JSON"), self._start_dir(),
                                              self.tr("Keras model JSON (*.json);;All files (*)"))
        if path:
            self.import_keras_json_file(path, ask=False)

    def import_keras_json_file(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open the Keras JSON at ``path`` as a new project; False (with a message) if it cannot be."""
        if ask and not self._may_replace():
            return False
        path = Path(path)
        try:
            raw = path.read_bytes()
            if len(raw) > 64 * 2**20:
                raise ex.KerasImportError([self.tr("the file is too large to be a model description")])
            project = ex.import_keras_json(raw)
        except OSError as exc:
            self._error(self.tr("Cannot import"), self.tr("{path} could not be read: {reason}").format(
                path=path.name, reason=exc.strerror or exc))
            return False
        except ex.KerasImportError as exc:
            text = self.tr("{name} cannot be imported:").format(name=path.name) + "\n• " + "\n• ".join(exc.problems)
            text += "\n\n" + self.tr("Your current project was not changed.")
            self._error(self.tr("Cannot import"), text)
            return False
        if project.name in ("", "Untitled", "sequential"):
            project.name = path.stem
        self.state.set_project(project, None)
        self._status(self.tr("Imported {name} as a new project").format(name=path.name))
        return True

    def ask_import_weights(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import weights"), self._start_dir(),
                                              self.tr("Weights (*.npz);;All files (*)"))
        if path:
            self.import_weights_file(path)

    def import_weights_file(self, path: str | Path) -> bool:
        """Load the ``.npz`` weights at ``path`` into the network (one undoable edit); False after a message."""
        path = Path(path)
        try:
            weights = ex.load_weights(path)
            state = ex.imported_state(self.state.project, weights, self.state.dataset)
        except ex.ExportError as exc:
            self._error(self.tr("Cannot import"), self.tr("{name} cannot be imported:").format(name=path.name)
                        + "\n" + str(exc) + "\n\n" + self.tr("Your current project was not changed."))
            return False
        if not self.state.push([("set_state", state)], self.tr("Import weights from {name}").format(name=path.name)):
            self._status(self.state.edit_blocked_reason() or "")
            return False
        self._status(self.tr("Imported the weights from {name}").format(name=path.name))
        return True
