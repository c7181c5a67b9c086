"""Undo commands: every edit of the document is one of these on the QUndoStack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from nnstudio.project import Project

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class EditCommand(QUndoCommand):
    """Applies a list of document edits; undo applies their inverses.

    Commands created with the same ``merge_key`` one after another (typing
    into a spin box, dragging a slider) merge into one undo entry.
    """

    def __init__(self, project: Project, edits: list[tuple], text: str, merge_key: str | None = None) -> None:
        super().__init__(text)
        self.project = project
        self.edits = list(edits)
        self.inverse: list[tuple] = []
        self.merge_key = merge_key

    def redo(self) -> None:
        self.inverse = self.project.apply_all(self.edits)

    def undo(self) -> None:
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
