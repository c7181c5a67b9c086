"""User settings (QSettings, organization and application 'nnstudio') and the
Preferences dialog.

Stored keys: ``window/geometry``, ``window/state`` (dock layout),
``recentFiles`` (newest first), ``ui/language`` ('system', 'en' or 'ko') and
``ui/zoom`` (percent; scales the application font), ``training/timeline_mb``
(the rewind timeline's memory budget in MB), ``files/save_timeline`` (whether
Save writes the timeline: 'auto', 'always', 'never'; read by the file actions). Tests point QSettings
at a temporary folder with :func:`use_settings_folder` so they never touch
the user's real settings.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

ORG = "nnstudio"
APP = "nnstudio"
LANGUAGES = ("system", "en", "ko")
MAX_RECENT = 10
ZOOM_RANGE = (50, 300)
#: the rewind timeline's memory budget (MB): range and default (the issue's "never more than ~100 MB")
TIMELINE_MB_RANGE = (5, 2000)
TIMELINE_MB_DEFAULT = 100


def settings() -> QSettings:
    """The application's QSettings (organization and application 'nnstudio')."""
    return QSettings(ORG, APP)


def use_settings_folder(folder: str | os.PathLike) -> None:
    """Keep every QSettings file under ``folder`` (tests: never the user's own settings)."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        for scope in (QSettings.UserScope, QSettings.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


# -- recent files ---------------------------------------------------------------
def recent_files() -> list[str]:
    """Recently opened/saved projects, newest first (only those that still exist)."""
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(p) for p in (value or []) if p and Path(str(p)).exists()]


def add_recent(path: str | os.PathLike) -> list[str]:
    """Put ``path`` at the top of the recent files list; return the new list."""
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files() if p != path]
    files = files[:MAX_RECENT]
    settings().setValue("recentFiles", files)
    return files


def clear_recent() -> None:
    settings().setValue("recentFiles", [])


# -- language and zoom ----------------------------------------------------------
def language() -> str:
    """The chosen language setting: 'system', 'en' or 'ko'."""
    value = str(settings().value("ui/language", "system") or "system")
    return value if value in LANGUAGES else "system"


def set_language(value: str) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; choose one of {', '.join(LANGUAGES)}")
    settings().setValue("ui/language", value)


_SESSION: dict[str, str] = {}


def set_session_language(lang: str | None) -> None:
    """The language given on the command line for this run (None: follow the setting)."""
    if lang:
        _SESSION["lang"] = lang
    else:
        _SESSION.pop("lang", None)


def resolve_language(lang: str | None = None) -> str:
    """The language to show: ``lang`` if given, else the one the app was started with
    (``nnstudio --lang``, see :func:`set_session_language`), else the setting; 'system' follows the OS."""
    lang = lang or _SESSION.get("lang") or language()
    if lang == "system":
        name = QLocale.system().name() or (locale.getlocale()[0] or "")
        return "ko" if name.lower().startswith("ko") else "en"
    return lang if lang in ("en", "ko") else "en"


def ui_zoom() -> int:
    """UI zoom in percent (100 = normal)."""
    try:
        value = int(settings().value("ui/zoom", 100))
    except (TypeError, ValueError):
        value = 100
    return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], value))


def set_ui_zoom(percent: int) -> None:
    settings().setValue("ui/zoom", int(max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], percent))))


def apply_ui_zoom(app: QApplication, percent: int | None = None) -> None:
    """Scale the application font to ``percent`` of the platform default."""
    percent = ui_zoom() if percent is None else percent
    base = app.property("nnstudio_base_point_size")
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty("nnstudio_base_point_size", base)
    if base and base > 0:
        font = app.font()
        font.setPointSizeF(float(base) * percent / 100.0)
        app.setFont(font)


def timeline_mb() -> int:
    """The memory budget for the snapshots of the rewind timeline (MB)."""
    try:
        value = int(settings().value("training/timeline_mb", TIMELINE_MB_DEFAULT))
    except (TypeError, ValueError):
        value = TIMELINE_MB_DEFAULT
    return max(TIMELINE_MB_RANGE[0], min(TIMELINE_MB_RANGE[1], value))


def set_timeline_mb(mb: int) -> None:
    settings().setValue("training/timeline_mb", int(max(TIMELINE_MB_RANGE[0], min(TIMELINE_MB_RANGE[1], mb))))


def apply_timeline_budget(controller, mb: int | None = None) -> None:
    """Give the training controller the remembered (or ``mb``) timeline budget, if it keeps a timeline."""
    if controller is not None and hasattr(controller, "set_timeline_budget"):
        controller.set_timeline_budget(int(timeline_mb() if mb is None else mb) * 1024 * 1024)


def save_timeline_mode() -> str:
    """QSettings ``files/save_timeline`` (read by Save): 'auto', 'always' or 'never'."""
    value = str(settings().value("files/save_timeline", "auto") or "auto")
    return value if value in ("auto", "always", "never") else "auto"


def timeline_auto_bytes() -> int:
    """The size up to which 'auto' saves the timeline (the file format's limit)."""
    try:
        from nnstudio.project.fileformat import TIMELINE_AUTO_BYTES
    except ImportError:  # a file format without timelines
        return 4 * 1024 * 1024
    return int(TIMELINE_AUTO_BYTES)


class PreferencesDialog(QDialog):
    """Language (applies at the next start), UI zoom and the rewind memory budget (both apply at once)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for code, label in (("system", self.tr("System language")), ("en", "English"), ("ko", "한국어")):
            self.language_combo.addItem(label, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language())))
        self.language_combo.setToolTip(self.tr("The language of menus and lessons (after a restart)."))
        self.zoom_spin = QSpinBox(self)
        self.zoom_spin.setObjectName("zoomSpin")
        self.zoom_spin.setRange(*ZOOM_RANGE)
        self.zoom_spin.setSingleStep(10)
        self.zoom_spin.setSuffix(" %")
        self.zoom_spin.setValue(ui_zoom())
        self.zoom_spin.setToolTip(self.tr("Make all text larger or smaller (for projectors)."))
        self.timeline_spin = QSpinBox(self)
        self.timeline_spin.setObjectName("timelineBudgetSpin")
        self.timeline_spin.setRange(*TIMELINE_MB_RANGE)
        self.timeline_spin.setSingleStep(25)
        self.timeline_spin.setSuffix(" MB")
        self.timeline_spin.setValue(timeline_mb())
        self.timeline_spin.setToolTip(self.tr(
            "Memory for the rewind timeline: the weights and optimizer state of every epoch are kept until "
            "this budget is full; then every second epoch is dropped, evenly, so a long run still spans "
            "from start to end. One epoch takes about 8 bytes × weights × (1 + the optimizer's slots: 2 for Adam, "
            "1 for SGD with momentum)."))
        self.save_timeline_combo = QComboBox(self)
        self.save_timeline_combo.setObjectName("saveTimelineCombo")
        auto_mib = timeline_auto_bytes() / (1024 * 1024)
        for code, label in (("auto", self.tr("when it adds at most {mib:g} MiB").format(mib=auto_mib)),
                            ("always", self.tr("always")), ("never", self.tr("never"))):
            self.save_timeline_combo.addItem(label, code)
        self.save_timeline_combo.setCurrentIndex(max(0, self.save_timeline_combo.findData(save_timeline_mode())))
        self.save_timeline_combo.setToolTip(self.tr(
            "Whether Save writes the recorded epochs into the project file, so the timeline is there again "
            "when the project is reopened. Without it the file holds only the final weights and the curves."))
        self.timeline_size = QLabel(self)
        self.timeline_size.setObjectName("timelineFileSize")
        self.timeline_size.setWordWrap(True)
        self.timeline_size.setText(self._timeline_size_text(getattr(parent, "training", None)))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("UI zoom"), self.zoom_spin)
        form.addRow(self.tr("Rewind memory"), self.timeline_spin)
        form.addRow(self.tr("Save the timeline"), self.save_timeline_combo)
        form.addRow("", self.timeline_size)
        note = QLabel(self.tr("A new language takes effect the next time nnstudio starts."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _timeline_size_text(self, controller) -> str:
        size = controller.timeline_file_bytes() if controller is not None and hasattr(
            controller, "timeline_file_bytes") else 0
        if not size:
            return self.tr("This project has no recorded epochs yet.")
        epochs = len(controller.timeline.epochs()) if controller.timeline is not None else 0
        return self.tr("This project's timeline ({epochs} epochs) adds {mib:.2f} MiB to the file.").format(
            epochs=epochs, mib=size / (1024 * 1024))

    def accept(self) -> None:
        """Store the choices and apply the zoom."""
        set_language(self.language_combo.currentData())
        set_ui_zoom(self.zoom_spin.value())
        set_timeline_mb(self.timeline_spin.value())
        settings().setValue("files/save_timeline", self.save_timeline_combo.currentData())
        apply_timeline_budget(getattr(self.parent(), "training", None), self.timeline_spin.value())
        app = QApplication.instance()
        if app is not None:
            apply_ui_zoom(app, self.zoom_spin.value())
        super().accept()
