"""Undo commands: every edit of the document is one of these on the QUndoStack.

Only :class:`nnstudio.ui.editor.Editor` creates and pushes them.
"""

from __future__ import annotations

from contextlib import nullcontext

from PySide6.QtGui import QUndoCommand

from nnstudio.project import Project

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class EditCommand(QUndoCommand):
    """Applies a list of document edits; undo applies their inverses.

    Commands created with the same ``merge_key`` one after another (typing
    into a spin box, dragging a slider) merge into one undo entry. ``batch``
    (``AppState.batch``) wraps each application, so the studio revalidates
    once per command. :meth:`apply_first` applies the edits before the command
    goes on the stack (its first ``redo`` then does nothing).
    """

    def __init__(self, project: Project, edits: list[tuple], text: str, merge_key: str | None = None,
                 batch=None) -> None:
        super().__init__(text)
        self.project = project
        self.edits = list(edits)
        self.inverse: list[tuple] = []
        self.merge_key = merge_key
        self._batch = batch or nullcontext
        self._applied = False

    def apply_first(self) -> bool:
        """Apply the edits now; True if the document changed. An edit that fails undoes the ones before it."""
        with self._batch():
            inverse: list[tuple] = []
            try:
                for e in self.edits:
                    inverse = self.project.apply(e) + inverse
            except Exception:
                self.project.apply_all(inverse)
                raise
        self.inverse, self._applied = inverse, True
        return bool(inverse)

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # applied by apply_first
            return
        with self._batch():
            self.inverse = self.project.apply_all(self.edits)

    def undo(self) -> None:
        with self._batch():
            self.project.apply_all(self.inverse)

    def id(self) -> int:  # noqa: A003 - Qt API
        return _merge_id(self.merge_key) if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or not self.merge_key:
            return False
        # Undo theirs first, then ours; redo ours, then theirs.
        self.edits = self.edits + other.edits
        self.inverse = other.inverse + self.inverse
        return True
