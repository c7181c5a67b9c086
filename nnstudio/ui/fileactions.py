"""File menu behaviour: New, Open, Open Recent, Open Example, Save, Save As.

Projects are read and written with :mod:`nnstudio.project.fileformat`. A
file that cannot be read gives a message naming the problem, and the open
project stays exactly as it was. Unsaved changes are offered for saving
(Save / Discard / Cancel) before anything replaces or closes the project.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnstudio import resources
from nnstudio.project import Project, ProjectFileError, load_project, save_project
from nnstudio.project.fileformat import SUFFIX, TIMELINE_MODES
from nnstudio.ui import settings as app_settings
from nnstudio.ui.plaintext import plain


def timeline_save_mode() -> str:
    """Whether Save writes the rewind timeline: QSettings ``files/save_timeline``, 'auto' (default: when it
    adds at most 4 MiB), 'always' or 'never' (the Preferences dialog sets it; see
    :func:`nnstudio.project.fileformat.timeline_included`)."""
    return app_settings.save_timeline_mode()


def set_timeline_save_mode(mode: str) -> None:
    if mode not in TIMELINE_MODES:
        raise ValueError(f"unknown timeline save mode {mode!r}; choose one of {', '.join(TIMELINE_MODES)}")
    app_settings.settings().setValue("files/save_timeline", mode)


_UNSAFE = re.compile(r"[^\w\-. ()+,&'@]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_file_stem(name: str, default: str = "untitled", limit: int = 80) -> str:
    """A file name stem made from a project's name that stays in the folder it is put in.

    Path separators, drive letters, control characters and other characters file
    systems refuse become ``_``; leading dots and spaces go (``../../x`` -> ``x``,
    ``/tmp/abs`` -> ``tmp_abs``); Windows device names get a ``_`` suffix.
    """
    stem = _UNSAFE.sub("_", str(name or "")).strip(" ._")
    stem = re.sub(r"_{2,}", "_", stem)[:limit].rstrip(" .")
    if not stem:
        stem = default
    if stem.split(".")[0].lower() in _RESERVED:
        stem += "_"
    return stem


def proposed_path(folder: str | Path, name: str, suffix: str, default: str = "untitled") -> Path:
    """``folder/<safe stem of name><suffix>``: always a file directly inside ``folder``."""
    folder = Path(folder)
    path = folder / (safe_file_stem(name, default) + suffix)
    assert path.parent == folder
    return path


def example_paths() -> list[Path]:
    """The sample projects shipped in ``resources/examples``, sorted by name."""
    try:
        folder = resources.path("examples")
    except FileNotFoundError:
        return []
    return sorted(folder.glob("*" + SUFFIX))


class FileActions(QObject):
    """The File menu's commands for one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state

    def tr_filter(self) -> str:
        return self.tr("nnstudio projects (*{suffix});;All files (*)").format(suffix=SUFFIX)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def _error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, plain(text))  # the text quotes file content

    def _start_dir(self) -> str:
        if self.state.file_path is not None:
            return str(self.state.file_path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)

    def display_name(self) -> str:
        """File name of the open project, or the project's name when it was never saved."""
        path = self.state.file_path
        return path.name if path is not None else (self.state.project.name or self.tr("Untitled"))

    # -- unsaved changes ----------------------------------------------------------
    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; False if the user cancelled (or saving failed)."""
        if not self.state.modified:
            return True
        answer = QMessageBox.warning(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("'{name}' has changes that are not saved. Save them first?").format(name=self.display_name()),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save,
        )
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def _replace_allowed(self) -> bool:
        if self.state.training_state == "running":
            self._status(self.tr("Stop training before opening another project."))
            return False
        return self.maybe_save()

    # -- commands -----------------------------------------------------------------------
    def new_project(self) -> bool:
        """Start a new default project (after offering to save)."""
        if not self._replace_allowed():
            return False
        self.state.set_project(Project.default(), None)
        self._status(self.tr("New project"))
        return True

    def open_project(self, path: str | Path | None = None, *, ask: bool = True, example: bool = False) -> bool:
        """Open ``path`` (or ask for one). A damaged file leaves the open project untouched."""
        if ask and not self._replace_allowed():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), self._start_dir(),
                                                  self.tr_filter())
            if not path:
                return False
        path = Path(path)
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            self._error(self.tr("Cannot open project"),
                        self.tr("{problem}\n\nYour current project was not changed.").format(problem=exc))
            return False
        self.state.set_project(project, None if example else path)
        if not example:
            app_settings.add_recent(path)
            self.window.refresh_recent_menu()
        self._status(self.tr("Opened {name}").format(name=path.name))
        return True

    def open_example(self, path: str | Path) -> bool:
        """Open a sample project as a new, unsaved document (Save asks where to put it)."""
        return self.open_project(path, example=True)

    def save(self) -> bool:
        """Save to the current file (Save As when there is none)."""
        if self.state.file_path is None:
            return self.save_as()
        return self._write(self.state.file_path)

    def proposed_save_path(self) -> Path:
        """What Save As proposes: the project's name, made safe, in the start folder."""
        return proposed_path(self._start_dir(), self.state.project.name, SUFFIX)

    def save_as(self, path: str | Path | None = None) -> bool:
        """Ask for a file name (unless given) and save there."""
        if path is None:
            start = self.proposed_save_path()
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project as"),
                                                  str(start), self.tr_filter())
            if not path:
                return False
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        training = getattr(self.window, "training", None)
        if training is not None and training.is_paused():
            training.commit()  # a paused run's progress is saved with the file (one "Train" edit)
        try:
            save_project(self.state.project, path, timeline=timeline_save_mode())
        except (OSError, ValueError) as exc:
            self._error(self.tr("Cannot save project"),
                        self.tr("Saving to {path} failed: {problem}\n\nChoose another place with "
                                "File > Save As; nothing was lost.").format(path=path, problem=exc))
            return False
        self.state.mark_saved(path)
        app_settings.add_recent(path)
        self.window.refresh_recent_menu()
        self._status(self.tr("Saved {name}").format(name=path.name))
        return True

    # -- menus ---------------------------------------------------------------------------
    def fill_recent_menu(self, menu: QMenu) -> None:
        """Rebuild File > Open Recent from the settings."""
        menu.clear()
        files = app_settings.recent_files()
        for i, f in enumerate(files):
            action = QAction(f"&{i + 1} {Path(f).name}" if i < 9 else Path(f).name, menu)
            action.setToolTip(f)
            action.setStatusTip(f)
            action.triggered.connect(lambda _c=False, p=f: self.open_project(p))
            menu.addAction(action)
        if not files:
            empty = menu.addAction(self.tr("(no recent projects)"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear list"))
        clear.setObjectName("clearRecentAction")
        clear.setEnabled(bool(files))
        clear.triggered.connect(lambda: (app_settings.clear_recent(), self.fill_recent_menu(menu)))

    def fill_examples_menu(self, menu: QMenu) -> None:
        """File > Open Example: one entry per sample project."""
        menu.clear()
        for path in example_paths():
            title = path.stem.replace("_", " ")
            action = QAction(title, menu)
            action.setObjectName(f"example_{path.stem}")
            action.setStatusTip(self.tr("Open the sample project {name}").format(name=path.name))
            action.triggered.connect(lambda _c=False, p=path: self.open_example(p))
            menu.addAction(action)
        if menu.isEmpty():
            menu.addAction(self.tr("(no examples installed)")).setEnabled(False)
