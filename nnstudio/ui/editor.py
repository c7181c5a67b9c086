"""The editor: the one object that changes the document through the undo stack.

:class:`Editor` is the only caller of ``QUndoStack.push`` (a test checks).
``AppState.push`` hands every edit to it. It refuses an edit while training
runs (only the training speed may change then) and an edit the document
cannot carry out (an unknown parameter, a layer that is not there); either
way it changes nothing and says why through its one :attr:`Editor.refused`
signal, which the main window shows in its status bar.

An accepted edit list is applied once, as one batch (``AppState.batch``: the
dataset is reloaded, the problems revalidated once per command however many
edits it holds), then put on the undo stack as an :class:`EditCommand`; an
edit list that changes nothing puts nothing on the stack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from nnstudio.ui.commands import EditCommand

#: what a document edit raises when it cannot be carried out
EDIT_ERRORS = (ValueError, IndexError, KeyError, TypeError)


class Editor(QObject):
    """Pushes document edits as undo commands; the one place an edit is refused."""

    #: an edit was refused: why, in the UI language
    refused = Signal(str)

    def __init__(self, state) -> None:
        super().__init__(state)
        self.state = state
        self._hooks: list = []

    def add_hook(self, hook) -> None:
        """Call ``hook(edits)`` before every accepted edit (the training controller ends a paused run there)."""
        self._hooks.append(hook)

    def push(self, edits: list[tuple], text: str, merge_key: str | None = None) -> bool:
        """Apply ``edits`` as one undo entry titled ``text``; False (nothing changed) when refused."""
        if not edits:
            return True
        state = self.state
        speed_only = all(e[:2] == ("set_training", "speed") for e in edits)
        if not speed_only:
            if state.edit_blocked_reason() is None:
                for hook in list(self._hooks):
                    hook(edits)
            reason = state.edit_blocked_reason()
            if reason:
                self.refused.emit(reason)
                return False
        command = EditCommand(state.project, edits, text, merge_key, batch=state.batch)
        try:
            changed = command.apply_first()
        except EDIT_ERRORS as exc:
            self.refused.emit(self.tr("This change cannot be made: {reason}").format(reason=exc))
            return False
        if changed:
            state.undo_stack.push(command)  # its first redo() does nothing: the edits are applied
        return True
