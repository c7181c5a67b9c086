"""Check a parsed project file against ``resources/project.schema.json`` (no Qt).

The published JSON Schema is the one source of the loader's rules: types,
ranges, string lengths, list and object sizes, the shape of every nested
object. :func:`check` walks a parsed document along the schema and returns a
normalised copy (whole-number floats such as ``2.0`` become ints where the
schema asks for an integer) or raises :class:`SchemaError` whose message
names the field (``layers[2].units: 1000000000 is above the limit 4096``).

Only the keywords the project schema uses are implemented: ``type``,
``enum``, ``const``, ``minimum``/``maximum``, ``exclusiveMinimum``/
``exclusiveMaximum``, ``minLength``/``maxLength``, ``minItems``/``maxItems``,
``items``, ``properties``, ``required``, ``additionalProperties``,
``maxProperties``, ``propertyNames`` (``maxLength``), ``oneOf`` and local
``$ref``. One extension, ``x-registry``, names the nnstudio registry a string
must be listed in (``activation``, ``initializer``, ``loss``, ``optimizer``,
``metric``). Every number must be finite and no string may hold a lone
surrogate (it could not be saved as UTF-8). The walk follows the schema, so
its depth is the schema's, whatever the file's nesting.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
_WANT = {"integer": "a whole number", "number": "a number", "string": "text", "array": "a list",
         "object": "an object", "boolean": "true/false", "null": "null"}
_NAMES = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null",
          int: "a number", float: "a number"}


class SchemaError(ValueError):
    """A document does not match the project schema; ``where`` names the field."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where or 'project'}: {message}")
        self.where = where


@lru_cache(maxsize=1)
def project_schema() -> dict:
    """The published project schema (``resources/project.schema.json``)."""
    from nnstudio import resources

    return json.loads(resources.read_text("project.schema.json"))


def _registry_names(kind: str) -> tuple[str, ...]:
    from nnstudio.engine import registry

    return tuple(registry.names(kind))


def _kind(value: Any) -> str:
    return _NAMES.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and math.isfinite(value) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _check_number(value: Any, schema: dict, where: str) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaError(where, "must be a finite number")
    if "minimum" in schema and value < schema["minimum"]:
        raise SchemaError(where, f"{_short(value)} is below the minimum {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        raise SchemaError(where, f"{_short(value)} is above the limit {schema['maximum']}")
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise SchemaError(where, f"{_short(value)} must be greater than {schema['exclusiveMinimum']}")
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        raise SchemaError(where, f"{_short(value)} must be less than {schema['exclusiveMaximum']}")
    return value


def _check_string(value: str, schema: dict, where: str) -> str:
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise SchemaError(where, f"text of {len(value)} characters is longer than the limit "
                                 f"of {schema['maxLength']}")
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise SchemaError(where, f"needs at least {schema['minLength']} character(s)")
    if _has_lone_surrogate(value):
        raise SchemaError(where, "holds an unpaired surrogate character, which is not valid text")
    kind = schema.get("x-registry")
    if kind is not None:
        names = _registry_names(kind)
        if value not in names:
            raise SchemaError(where, f"unknown {kind} {_short(value)}; nnstudio knows {', '.join(names)}")
    return value


def _check_object(value: dict, schema: dict, root: dict, where: str) -> dict:
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        raise SchemaError(where, f"has {len(value)} entries; the limit is {schema['maxProperties']}")
    for key in schema.get("required", ()):
        if key not in value:
            raise SchemaError(where, f"missing key '{key}'")
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    out = {}
    for key, item in value.items():
        label = key if len(key) <= 40 else key[:37] + "..."
        if _has_lone_surrogate(key):
            raise SchemaError(where, "a key holds an unpaired surrogate character")
        if names is not None and "maxLength" in names and len(key) > names["maxLength"]:
            raise SchemaError(where, f"key '{label}' is longer than {names['maxLength']} characters")
        if key in props:
            out[key] = check(item, props[key], root, f"{where}.{key}" if where else key)
        elif extra is False:
            raise SchemaError(where, f"unknown key '{label}'")
        elif isinstance(extra, dict):
            out[key] = check(item, extra, root, f"{where}.{key}" if where else key)
        # additionalProperties true: an unknown key is ignored (not kept)
    return out


def _check_array(value: list, schema: dict, root: dict, where: str) -> list:
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        raise SchemaError(where, f"has {len(value)} items; the limit is {schema['maxItems']}")
    if "minItems" in schema and len(value) < schema["minItems"]:
        raise SchemaError(where, f"needs at least {schema['minItems']} item(s)")
    items = schema.get("items")
    if items is None:
        return list(value)
    items = _resolve(items, root)
    simple = set(items) <= {"type", "description"}
    if simple:  # fast path for long lists of plain numbers (history)
        kinds = items.get("type", [])
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if set(kinds) <= {"number", "null"}:
            allow_null = "null" in kinds
            for i, v in enumerate(value):
                if v is None and allow_null:
                    continue
                if isinstance(v, bool) or not isinstance(v, (int, float)) or (
                        isinstance(v, float) and not math.isfinite(v)):
                    check(v, items, root, f"{where}[{i}]")
            return list(value)
    return [check(v, items, root, f"{where}[{i}]") for i, v in enumerate(value)]


def _one_of(value: Any, options: list, root: dict, where: str) -> Any:
    resolved = [_resolve(o, root) for o in options]
    # a tagged union (layers): pick the alternative by its "type" constant for a precise message
    tags = [o.get("properties", {}).get("type", {}).get("const") for o in resolved]
    if isinstance(value, dict) and all(tags):
        tag = value.get("type")
        if tag not in tags:
            shown = _short(tag) if tag is not None else "missing"
            raise SchemaError(f"{where}.type" if where else "type",
                              f"unknown layer type {shown}; nnstudio knows {', '.join(tags)}")
        return check(value, resolved[tags.index(tag)], root, where)
    errors = []
    for option in resolved:
        try:
            return check(value, option, root, where)
        except SchemaError as exc:
            errors.append(exc)
    # the most specific message: the alternative whose error is deepest in the document
    raise max(errors, key=lambda e: len(e.where))


def check(value: Any, schema: dict | None = None, root: dict | None = None, where: str = "") -> Any:
    """``value`` checked against ``schema`` (default: the project schema), normalised.

    Raises :class:`SchemaError` naming the first field that does not match.
    """
    if schema is None:
        schema = root = project_schema()
    root = root if root is not None else schema
    schema = _resolve(schema, root)
    if "oneOf" in schema:
        return _one_of(value, schema["oneOf"], root, where)
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        match = next((n for n in names if _type_ok(value, n)), None)
        if match is None:
            want = " or ".join(_WANT.get(n, n) for n in names)
            raise SchemaError(where, f"expected {want}, found {_kind(value)} {_short(value)}")
        if match == "integer" and isinstance(value, float):
            value = int(value)
    if "const" in schema and value != schema["const"]:
        raise SchemaError(where, f"expected {schema['const']!r}, found {_short(value)}")
    if "enum" in schema and not any(value == e and type(value) is type(e) for e in schema["enum"]):
        raise SchemaError(where, f"{_short(value)} is not one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return _check_number(value, schema, where)
    if isinstance(value, str):
        return _check_string(value, schema, where)
    if isinstance(value, dict):
        return _check_object(value, schema, root, where)
    if isinstance(value, list):
        return _check_array(value, schema, root, where)
    raise SchemaError(where, f"{_kind(value)} is not a JSON value")

