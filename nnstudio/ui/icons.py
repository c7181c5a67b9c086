"""Icons for the builder: layer types, problem severities and standard actions.

Icons come from ``resources/icons`` (through :mod:`nnstudio.resources`);
standard actions (open, save, undo ...) use the platform theme with the Qt
style's built-in pixmaps as fallback, so nothing is ever a blank button.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from nnstudio import resources

#: layer type -> icon file stem in resources/icons
LAYER_ICONS = {
    "Input": "layer-input",
    "Dense": "layer-dense",
    "Dropout": "layer-dropout",
    "Activation": "layer-activation",
}

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
    return resource_icon(LAYER_ICONS.get(layer_type, "layer-dense"))


def severity_icon(severity: str) -> QIcon:
    """Icon for a problem severity ('error' or 'warning')."""
    return resource_icon("problem-error" if severity == "error" else "problem-warning")


def standard_icon(name: str) -> QIcon:
    """A freedesktop theme icon by name, falling back to the style's pixmap."""
    icon = QIcon.fromTheme(name)
    if icon.isNull() and name in _STANDARD:
        app = QApplication.instance()
        if app is not None:
            icon = app.style().standardIcon(_STANDARD[name])
    return icon


def app_icon() -> QIcon:
    """The application icon (``resources/icons/nnstudio.svg``) if it exists."""
    return resource_icon("nnstudio")
