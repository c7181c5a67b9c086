"""The documented size limits of a project, read from the published schema (no Qt).

They keep memory bounded whatever a file holds: the loader refuses a file
beyond them (:mod:`nnstudio.project.schema`), the validator refuses a network
over :data:`MAX_PARAMS` before anything is allocated, and the CLI does both
before it trains. ``docs/project-format.md`` lists them; a test keeps the
three in step.
"""

from __future__ import annotations

from nnstudio.project.schema import project_schema

_S = project_schema()
_LAYERS = {alt["properties"]["type"]["const"]: alt["properties"] for alt in _S["$defs"]["layer"]["oneOf"]}

#: layers in a network (the Input layer included)
MAX_LAYERS: int = _S["properties"]["layers"]["maxItems"]
#: neurons in one Dense layer
MAX_UNITS: int = _LAYERS["Dense"]["units"]["maximum"]
#: features an Input layer may declare
MAX_FEATURES: int = _LAYERS["Input"]["size"]["maximum"]
#: weights and biases of the whole network
MAX_PARAMS: int = _S["x-limits"]["total_parameters"]
#: rows of data (built-in generators and imported CSV files)
MAX_SAMPLES: int = _S["x-limits"]["samples"]
#: size of a project file
MAX_FILE_BYTES: int = _S["x-limits"]["file_megabytes"] * 1024 * 1024
#: characters of a project, layer, run or dataset name
MAX_NAME: int = _S["properties"]["name"]["maxLength"]
#: characters of an embedded CSV file
MAX_CSV_CHARS: int = _S["$defs"]["dataset"]["properties"]["csv"]["oneOf"][1]["properties"]["text"]["maxLength"]
#: epochs of one training run
MAX_EPOCHS: int = _S["$defs"]["training"]["properties"]["epochs"]["maximum"]


def network_params(layers, n_features: int | None) -> int:
    """Weights + biases of the network (``n_features`` for a size-following Input; None counts 0)."""
    from nnstudio.project.layer_kinds import walk

    return sum(count for _spec, _width, count in walk(layers, n_features))
