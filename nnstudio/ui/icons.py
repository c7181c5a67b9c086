"""Icons: layer types, problem severities and the toolbar actions.

Every icon is a shipped SVG from ``resources/icons`` (through
:mod:`nnstudio.resources`): actions (new, open, save, undo, zoom, train,
pause, step, stop ...) from ``resources/icons/actions/<freedesktop name>.svg``,
so the toolbar looks the same on every system. A name without a shipped
file falls back to the platform theme, then to the Qt style's pixmaps, so
nothing is ever a blank button.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from nnstudio import resources
from nnstudio.project.layer_kinds import LAYER_KINDS

#: layer type -> icon file stem in resources/icons (from the layer table)
LAYER_ICONS = {name: kind.icon for name, kind in LAYER_KINDS.items() if kind.icon}

_STANDARD = {
    "document-new": QStyle.SP_FileIcon,
    "document-open": QStyle.SP_DialogOpenButton,
    "document-save": QStyle.SP_DialogSaveButton,
    "edit-undo": QStyle.SP_ArrowBack,
    "edit-redo": QStyle.SP_ArrowForward,
    "edit-delete": QStyle.SP_TrashIcon,
    "zoom-in": QStyle.SP_ArrowUp,
    "zoom-out": QStyle.SP_ArrowDown,
    "zoom-fit-best": QStyle.SP_TitleBarMaxButton,
    "application-exit": QStyle.SP_DialogCloseButton,
    "help-about": QStyle.SP_MessageBoxInformation,
}


@lru_cache(maxsize=64)
def resource_icon(stem: str) -> QIcon:
    """An icon from ``resources/icons/<stem>.svg|png``; an empty icon if it is missing."""
    try:
        return QIcon(str(resources.icon_path(stem)))
    except (FileNotFoundError, OSError):
        return QIcon()


def layer_icon(layer_type: str) -> QIcon:
    """The palette/inspector icon of a layer type."""
    kind = LAYER_KINDS.get(layer_type)
    return resource_icon(kind.icon if kind is not None and kind.icon else "layer-dense")


def severity_icon(severity: str) -> QIcon:
    """Icon for a problem severity ('error' or 'warning')."""
    return resource_icon("problem-error" if severity == "error" else "problem-warning")


#: action icons shipped in resources/icons/actions (freedesktop names)
ACTION_ICONS = (
    "document-new", "document-open", "document-save", "document-save-as", "edit-undo", "edit-redo",
    "edit-delete", "edit-copy", "zoom-in", "zoom-out", "zoom-fit-best", "application-exit", "help-about",
    "help-lessons", "media-playback-start", "media-playback-pause", "media-skip-forward", "media-playback-stop",
    "view-refresh", "view-workspace",
)


def standard_icon(name: str) -> QIcon:
    """The shipped SVG for action ``name``; else a freedesktop theme icon, else the style's pixmap."""
    if name in ACTION_ICONS:
        icon = resource_icon(f"actions/{name}")
        if not icon.isNull():
            return icon
    icon = QIcon.fromTheme(name)
    if icon.isNull() and name in _STANDARD:
        app = QApplication.instance()
        if app is not None:
            icon = app.style().standardIcon(_STANDARD[name])
    return icon


def app_icon() -> QIcon:
    """The application icon (``resources/icons/nnstudio.svg``) if it exists."""
    return resource_icon("nnstudio")
