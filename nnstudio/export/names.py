"""Safe names and literals for generated code.

Nothing a user typed (project name, layer names, feature names) is ever
pasted into generated source as-is: strings become ``repr()`` literals,
comments are flattened to one printable line, identifiers are reduced to
``[A-Za-z0-9_]``, and names the code *calls* (activations, initializers,
losses, optimizers) come only from the engine registry (see
:func:`canonical`).
"""

from __future__ import annotations

import keyword
import math
import re
import unicodedata
from typing import Any

#: Unicode categories that must not reach a comment or a header line:
#: controls, format characters, line and paragraph separators.
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


class ExportError(ValueError):
    """The project cannot be exported as asked; the message says why."""


def literal(value: Any) -> str:
    """Python source for ``value`` (None, bool, int, finite float, str, list/tuple/dict of these).

    Strings use ``repr()``, so quotes, backslashes and newlines in user text
    can never end the literal. Anything else raises :class:`ExportError`.
    """
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"cannot write the non-finite number {value!r} into code")
        return repr(float(value))
    if isinstance(value, str):
        return repr(str(value))
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return literal(value.item())
    raise ExportError(f"cannot write a {type(value).__name__} into code")


def number(value: Any) -> str:
    """A float literal for ``value`` (shortest repr that round-trips)."""
    return literal(float(value))


def comment_text(text: Any, max_len: int = 100) -> str:
    """``text`` as one printable line, safe inside a ``#`` comment or a CSV header."""
    s = "".join(
        " " if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch for ch in str(text)
    )
    s = " ".join(s.split())
    if len(s) > max_len:
        s = s[: max_len - 3] + "..."
    return s


def safe_identifier(text: Any, fallback: str = "name") -> str:
    """A valid, non-keyword ASCII Python identifier derived from ``text``."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^A-Za-z0-9_]+", "_", s).strip("_")
    if not s:
        s = fallback
    if s[0].isdigit():
        s = "_" + s
    if keyword.iskeyword(s) or keyword.issoftkeyword(s):
        s += "_"
    return s


def keras_layer_name(text: Any) -> str:
    """A name Keras 3 accepts for a layer (no '/', printable, not empty)."""
    s = comment_text(text, max_len=200).replace("/", "_").strip()
    return s or "layer"


def unique_names(names: list[str | None]) -> list[str | None]:
    """Make the non-empty names unique by appending ``_2``, ``_3``, ... (None stays None)."""
    seen: set[str] = set()
    out: list[str | None] = []
    for name in names:
        if not name:
            out.append(None)
            continue
        candidate, k = name, 2
        while candidate in seen:
            candidate = f"{name}_{k}"
            k += 1
        seen.add(candidate)
        out.append(candidate)
    return out


def canonical(kind: str, name: Any) -> str:
    """The registry's canonical name for ``name`` of ``kind`` (aliases resolved).

    Raises :class:`ExportError` for a name the engine registry does not know,
    so only registry-validated names ever reach generated code.
    """
    from nnstudio.engine import registry

    if not isinstance(name, str):
        raise ExportError(f"the {kind} must be a name, found {name!r}")
    try:
        return registry.get(kind, name).name
    except (ValueError, KeyError) as exc:
        raise ExportError(f"unknown {kind} {name!r}: {exc}") from None


def csv_header_cell(text: Any) -> str:
    """A CSV header cell: one printable line without commas or quotes."""
    s = comment_text(text, max_len=60).replace(",", ";").replace('"', "'")
    return s or "column"
