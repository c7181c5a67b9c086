"""Named errors raised by the engine.

Every error a learner can cause (wrong shapes, bad labels, NaN in the data,
an unknown name, training before compiling) has its own class.  All of them
derive from :class:`EngineError` and from ``ValueError`` or ``TypeError`` so
ordinary ``except ValueError`` code keeps working, and every message names
the value that was received.
"""

from __future__ import annotations


class EngineError(Exception):
    """Base class of every error raised on purpose by ``nnstudio.engine``."""


class ShapeError(EngineError, ValueError):
    """Array shapes do not fit the model (wrong number of features, rows, outputs)."""


class LabelError(EngineError, ValueError):
    """Target labels do not fit the loss or the number of output units."""


class NonFiniteError(EngineError, ValueError):
    """NaN or infinity found in input data."""


class UnknownNameError(EngineError, ValueError):
    """A name (activation, loss, optimizer, ...) that the engine does not know."""


class ConfigError(EngineError, ValueError):
    """An argument value that is out of range or inconsistent."""


class NotCompiledError(EngineError, RuntimeError, ValueError):
    """The model was used for training/evaluation before ``compile(...)``."""


class EngineTypeError(EngineError, TypeError):
    """An argument of the wrong type (e.g. a number where a name was expected)."""


def unknown_name(kind: str, received, valid) -> UnknownNameError:
    """Build an :class:`UnknownNameError` listing the valid names of ``kind``."""
    return UnknownNameError(
        f"unknown {kind} {received!r}; valid names are: {', '.join(sorted(valid))}"
    )
