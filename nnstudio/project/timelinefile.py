"""The rewind timeline in a project file (``state.timeline``): how big it is, whether a save
writes it (the 'auto' / 'always' / 'never' setting), its file form and the checks a read
timeline must pass beyond the schema. No Qt; the snapshots themselves are
:mod:`nnstudio.session.snapshots`."""

from __future__ import annotations

import copy
import json
import re
from typing import TYPE_CHECKING, Any

from nnstudio.project.filearrays import ProjectFileError, decode_array
from nnstudio.project.limits import MAX_FILE_BYTES

if TYPE_CHECKING:
    from nnstudio.project.document import Project

#: how the rewind timeline is saved: 'auto' (when it adds at most TIMELINE_AUTO_BYTES), 'always', 'never'
TIMELINE_MODES = ("auto", "always", "never")
TIMELINE_AUTO_BYTES = 4 * 1024 * 1024


def timeline_file_bytes(project: Project) -> int:
    """About how many bytes the project's timeline adds to its file (0: it has none). Cheap."""
    value = (project.trained or {}).get("timeline")
    if value is None:
        return 0
    if hasattr(value, "file_bytes"):
        return int(value.file_bytes())
    return len(json.dumps(value)) if isinstance(value, dict) else 0


def timeline_included(project: Project, mode: str = "auto") -> bool:
    """Whether :func:`save_project` with ``timeline=mode`` writes the project's timeline."""
    if mode not in TIMELINE_MODES:
        raise ValueError(f"timeline must be one of {', '.join(TIMELINE_MODES)}, not {mode!r}")
    size = timeline_file_bytes(project)
    if not size or mode == "never":
        return False
    return mode == "always" or size <= TIMELINE_AUTO_BYTES


def timeline_to_file(value: Any) -> dict | None:
    """The file form of a state's timeline: a store's ``to_dict()`` (thinned to fit a file), or as read."""
    if hasattr(value, "to_dict"):
        limit = MAX_FILE_BYTES // 2
        if value.file_bytes() > limit:  # 'always' on a huge timeline: thin a copy until it fits
            value = value.copy()
            while value.file_bytes() > limit and len(value) > 2:
                value.budget_bytes = value.nbytes // 2 + value.latest.nbytes
        return value.to_dict()
    return copy.deepcopy(value) if isinstance(value, dict) else None


def check_timeline(tl: dict, weights: list) -> dict:
    """A file's timeline (already schema-checked) decoded once to find what the schema cannot see;
    kept in its file form (``TrainedState.from_state`` reads it)."""
    shapes = [list(w.shape) for w in weights]
    previous = -1
    for i, sd in enumerate(tl.get("snapshots") or []):
        where = f"state.timeline.snapshots[{i}]"
        if sd["epoch"] <= previous:
            raise ProjectFileError(f"{where}.epoch: the epochs must increase along the list")
        previous = sd["epoch"]
        got = [decode_array(a, f"{where}.weights[{j}]") for j, a in enumerate(sd["weights"])]
        if shapes and [list(g.shape) for g in got] != shapes:
            raise ProjectFileError(f"{where}.weights: the shapes differ from state.weights")
        slots = (sd.get("optimizer") or {}).get("slots")
        if slots is not None:
            if len(slots) != len(got):
                raise ProjectFileError(f"{where}.optimizer.slots: one list per weight array is needed")
            for j, (ss, w) in enumerate(zip(slots, got)):
                for k, a in enumerate(ss):
                    if list(decode_array(a, f"{where}.optimizer.slots[{j}][{k}]").shape) != list(w.shape):
                        raise ProjectFileError(f"{where}.optimizer.slots[{j}][{k}]: not the shape of its weight")
        for j, r in enumerate(sd.get("rng") or []):
            for key in ("state", "inc"):
                if not re.fullmatch(r"[0-9a-f]{1,32}", r[key]):
                    raise ProjectFileError(f"{where}.rng[{j}].{key}: expected hexadecimal text")
    return tl
