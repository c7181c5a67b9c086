"""Undo, Redo and the undo-history view are off while a training run lives.

A run (running or paused) trains the network the document had when it
started and is committed into it when it ends; undoing under it would make
the run store its weights into a changed network. So while
``AppState.training_state`` is not idle the Undo/Redo actions and the
history view are disabled (their tooltips say why), and they come back with
the stack's own can-undo/can-redo state when the run ends.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from nnstudio.ui.state import IDLE


def blocked_text() -> str:
    return QCoreApplication.translate("UndoGuard", "Stop training first: a running or paused run trains the "
                                                   "network as it was when it started.")


class UndoGuard(QObject):
    """Keeps the Undo/Redo actions and the history view off while training is not idle.

    A child of the undo stack, so its connections end with the stack.
    """

    def __init__(self, state, undo_action, redo_action, view) -> None:
        super().__init__(state.undo_stack)
        self.setObjectName("undoGuard")
        self._state, self._stack = state, state.undo_stack
        self._actions = (undo_action, redo_action)
        self._view = view
        # connected after the actions' own connections, so this runs last and wins
        state.trainingStateChanged.connect(self.apply)
        for signal in (self._stack.canUndoChanged, self._stack.canRedoChanged, self._stack.undoTextChanged,
                       self._stack.redoTextChanged):
            signal.connect(self.apply)
        self.apply()

    def apply(self, *_args) -> None:
        if not all(shiboken6.isValid(o) for o in (self._stack, self._view) + self._actions):
            return  # the stack announces its own clearing while it is destroyed
        blocked = self._state.training_state != IDLE
        undo_action, redo_action = self._actions
        undo_action.setEnabled(not blocked and self._stack.canUndo())
        redo_action.setEnabled(not blocked and self._stack.canRedo())
        for action in self._actions:
            action.setToolTip(blocked_text() if blocked else "")  # "": Qt shows the action's text
        self._view.setEnabled(not blocked)
        self._view.setToolTip(blocked_text() if blocked else "")


def guard_undo(state, undo_action, redo_action, view) -> UndoGuard:
    """Keep ``undo_action``, ``redo_action`` and the QUndoView ``view`` off while training is not idle."""
    return UndoGuard(state, undo_action, redo_action, view)
