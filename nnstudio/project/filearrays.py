"""Arrays in a project file: base64 little-endian data with dtype and shape, and the
one error type a malformed file raises (:class:`ProjectFileError`). No Qt, nothing unpickled."""

from __future__ import annotations

import base64
import math
from typing import Any

import numpy as np

_DTYPES = {"float32", "float64"}


class ProjectFileError(ValueError):
    """A project file could not be read; the message says why and what to do."""


# -- arrays ---------------------------------------------------------------
def encode_array(a: np.ndarray) -> dict[str, Any]:
    a = np.asarray(a)
    if a.dtype.name not in _DTYPES:
        a = a.astype(np.float64)
    le = a.astype(a.dtype.newbyteorder("<"), copy=False)
    return {
        "dtype": a.dtype.name,
        "shape": list(a.shape),
        "data": base64.b64encode(np.ascontiguousarray(le).tobytes()).decode("ascii"),
    }


def decode_array(d: Any, where: str) -> np.ndarray:
    if not isinstance(d, dict):
        raise ProjectFileError(f"{where}: expected an array object, found {type(d).__name__}")
    dtype, shape, data = d.get("dtype"), d.get("shape"), d.get("data")
    if dtype not in _DTYPES:
        raise ProjectFileError(f"{where}: unsupported dtype {dtype!r} (use float32 or float64)")
    if not isinstance(shape, list) or not all(isinstance(s, int) and s >= 0 for s in shape):
        raise ProjectFileError(f"{where}: 'shape' must be a list of non-negative integers")
    if not isinstance(data, str):
        raise ProjectFileError(f"{where}: 'data' must be a base64 string")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ProjectFileError(f"{where}: 'data' is not valid base64 ({exc})") from None
    dt = np.dtype(dtype).newbyteorder("<")
    expected = math.prod(shape) * dt.itemsize  # Python ints: no overflow
    if len(raw) != expected:
        raise ProjectFileError(
            f"{where}: holds {len(raw)} bytes but shape {shape} of {dtype} needs {expected}"
        )
    return np.frombuffer(raw, dtype=dt).reshape(shape).astype(dtype)
