"""The project document and everything that works on it, without Qt.

* :mod:`~nnstudio.project.document`: :class:`Project`, :class:`LayerSpec`, edits
  (``project.apply(edit) -> inverse edits``) and change notifications;
* :mod:`~nnstudio.project.fileformat`: ``save_project`` / ``load_project``
  (versioned JSON, atomic writes, :class:`ProjectFileError`);
* :mod:`~nnstudio.project.validate`: ``validate(project, dataset)`` ->
  :class:`Problem` list with one-click :class:`Fix` edits;
* :mod:`~nnstudio.project.build`: ``load_dataset``, ``prepare_data``,
  ``build_model``, ``make_callbacks`` (imported lazily: it needs the engine).
"""

from nnstudio.project.document import (
    DEFAULT_DATASET,
    DEFAULT_TRAINING,
    LAYER_DEFAULTS,
    LAYER_TYPES,
    LayerSpec,
    Project,
    setup_edits,
)
from nnstudio.project.fileformat import (
    FORMAT_VERSION,
    SUFFIX,
    ProjectFileError,
    dumps,
    load_project,
    loads,
    project_from_dict,
    project_to_dict,
    save_project,
)
from nnstudio.project.validate import ERROR, WARNING, Fix, Problem, has_errors, validate


def __getattr__(name):  # lazy: build needs the engine and data packages
    if name in ("build_model", "load_dataset", "prepare_data", "make_callbacks", "make_optimizer", "PreparedData"):
        from nnstudio.project import build

        return getattr(build, name)
    raise AttributeError(name)


__all__ = [
    "DEFAULT_DATASET", "DEFAULT_TRAINING", "LAYER_DEFAULTS", "LAYER_TYPES", "LayerSpec", "Project",
    "setup_edits", "FORMAT_VERSION", "SUFFIX", "ProjectFileError", "dumps", "loads", "load_project",
    "project_from_dict", "project_to_dict", "save_project", "ERROR", "WARNING", "Fix", "Problem",
    "has_errors", "validate", "build_model", "load_dataset", "prepare_data", "make_callbacks",
    "make_optimizer", "PreparedData",
]
