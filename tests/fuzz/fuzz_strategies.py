"""Hypothesis strategies generated from the published project schema (resources/project.schema.json).

:func:`documents` walks the schema the way the loader does and draws a JSON
document that matches it: every type, enum, range and size rule of the schema
becomes a strategy, with the schema's extremes drawn on purpose (boundaries,
empty lists, odd text). Sizes are capped for speed (lists of at most a few
items, at most 400 samples); names from nnstudio's registries (``x-registry``)
are drawn from the registries. Two nodes get hand-made strategies because the
schema cannot say what makes them consistent: a dataset (a generator and its
own parameters, or a small CSV) and a weight array (base64 of the right
number of bytes, or sometimes not).

``hypothesis-jsonschema`` would be the off-the-shelf choice; its current
release does not work with the Hypothesis in use here, and the subset of JSON
Schema the project schema uses is small.

``NNSTUDIO_FUZZ=nightly`` selects the large profile (thousands of examples).
"""

from __future__ import annotations

import base64
import os

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from nnstudio.data.registry import builtins
from nnstudio.engine import registry
from nnstudio.project.schema import project_schema

NIGHTLY = os.environ.get("NNSTUDIO_FUZZ", "") == "nightly"
settings.register_profile("fuzz-ci", max_examples=120, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz-nightly", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
PROFILE = "fuzz-nightly" if NIGHTLY else "fuzz-ci"


def examples(ci: int) -> dict:
    """``settings(...)`` keyword arguments: ``ci`` examples, or 25x as many in the nightly profile."""
    base = settings.get_profile(PROFILE)
    return {"max_examples": ci * 25 if NIGHTLY else ci, "deadline": None,
            "suppress_health_check": base.suppress_health_check}


MAX_LIST = 4
MAX_TEXT = 12
ODD_TEXT = ["", " ", "<b>bold</b>", "a\u0000b", "名前", "\u202eevil", "../../x", "x" * 200, "😀", "tab\there"]
CSV_TEXTS = [
    "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n",
    "x;y\n1,5;0,25\n2,5;1,5\n3;2\n4;3\n",
    "a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n7,1,dog\n2,2,cat\n",
    "only\n1\n2\n",
    "a,b\n",
    "a,b,y\n1,,0\n2,3,1\n",
    "\ufeffa,b,y\r\n1,2,3\r\n4,5,6\r\n",
    "not a csv at all \x1f",
]


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        target = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _integers(node: dict) -> st.SearchStrategy:
    lo = node.get("minimum", -(2**31))
    hi = node.get("maximum", 2**31)
    cap = min(hi, lo + 64)
    return st.one_of(st.integers(lo, cap), st.sampled_from(sorted({lo, hi, min(hi, lo + 1)})))


def _numbers(node: dict) -> st.SearchStrategy:
    lo, hi = node.get("minimum"), node.get("maximum")
    xlo, xhi = node.get("exclusiveMinimum"), node.get("exclusiveMaximum")
    low = lo if lo is not None else xlo
    high = hi if hi is not None else xhi
    main = st.floats(low if low is not None else -1e6, high if high is not None else 1e6,
                     exclude_min=xlo is not None and lo is None, exclude_max=xhi is not None and hi is None,
                     allow_nan=False, allow_infinity=False)
    edges = [v for v in (lo, hi) if v is not None]
    if xlo is not None and lo is None:
        edges.append(xlo + 1e-9)
    if xhi is not None and hi is None:
        edges.append(xhi - 1e-9)
    return st.one_of(main, st.sampled_from(edges)) if edges else main


def _strings(node: dict) -> st.SearchStrategy:
    kind = node.get("x-registry")
    limit = node.get("maxLength", MAX_TEXT)
    if kind is not None:
        return st.sampled_from(registry.names(kind))
    odd = [t for t in ODD_TEXT if node.get("minLength", 0) <= len(t) <= limit]
    return st.one_of(st.text(min_size=node.get("minLength", 0), max_size=min(limit, MAX_TEXT)),
                     st.sampled_from(odd or ["x"]))


def _objects(node: dict, root: dict) -> st.SearchStrategy:
    props = node.get("properties", {})
    required = set(node.get("required", ()))
    fixed = {k: strategy(v, root) for k, v in props.items() if k in required}
    optional = {k: strategy(v, root) for k, v in props.items() if k not in required}
    base = st.fixed_dictionaries(fixed, optional=optional)
    extra = node.get("additionalProperties", True)
    if isinstance(extra, dict):
        keys = st.text(max_size=min(node.get("propertyNames", {}).get("maxLength", MAX_TEXT), MAX_TEXT))
        more = st.dictionaries(keys, strategy(extra, root), max_size=min(node.get("maxProperties", 3), 3))
        return st.tuples(base, more).map(lambda t: {**t[1], **t[0]})
    return base


def _typed(name: str, node: dict, root: dict) -> st.SearchStrategy:
    if name == "null":
        return st.none()
    if name == "boolean":
        return st.booleans()
    if name == "integer":
        return _integers(node)
    if name == "number":
        return _numbers(node)
    if name == "string":
        return _strings(node)
    if name == "array":
        items = strategy(node.get("items", {"type": "integer"}), root)
        return st.lists(items, min_size=node.get("minItems", 0), max_size=min(node.get("maxItems", MAX_LIST), MAX_LIST))
    if name == "object":
        return _objects(node, root)
    raise ValueError(name)


# -- nodes the schema cannot make consistent ---------------------------------------------------
def _param_value(p):
    if p.kind == "bool":
        return st.booleans()
    hi = p.maximum if p.name != "n_samples" else min(p.maximum, 400)
    hi = min(hi, p.minimum + 500) if p.kind == "int" and p.name == "repeat" else hi
    if p.kind == "int":
        return st.integers(int(p.minimum), int(hi))
    return st.floats(float(p.minimum), float(hi), allow_nan=False)


@st.composite
def _builtin_dataset(draw):
    gen = draw(st.sampled_from(builtins()))
    params = {p.name: draw(_param_value(p)) for p in gen.params if draw(st.booleans())}
    ds = {"source": "builtin", "name": gen.name, "params": params}
    for key, s in (("split_seed", st.integers(0, 5)), ("standardize", st.booleans()), ("one_hot", st.booleans())):
        if draw(st.booleans()):
            ds[key] = draw(s)
    return ds


@st.composite
def _csv_dataset(draw):
    options = draw(st.one_of(st.none(), st.fixed_dictionaries({}, optional={
        "delimiter": st.sampled_from([",", ";", "\t", "|"]), "decimal": st.sampled_from([".", ","]),
        "has_header": st.booleans(), "target_columns": st.lists(st.integers(-3, 3), max_size=2),
        "task": st.sampled_from(["auto", "regression", "binary", "multiclass"]),
        "missing": st.sampled_from(["error", "drop", "mean"])})))
    return {"source": "csv", "name": draw(st.sampled_from(["data.csv", "<b>x</b>.csv", ""])),
            "csv": {"filename": draw(st.sampled_from(["data.csv", None, "../../etc/passwd"])),
                    "text": draw(st.sampled_from(CSV_TEXTS)), "options": options}}


@st.composite
def _array(draw):
    dtype = draw(st.sampled_from(["float32", "float64"]))
    shape = draw(st.lists(st.integers(0, 4), min_size=1, max_size=2))
    n = int(np.prod(shape)) * (4 if dtype == "float32" else 8)
    raw = draw(st.one_of(st.binary(min_size=n, max_size=n), st.binary(max_size=8)))
    return {"dtype": dtype, "shape": shape, "data": base64.b64encode(raw).decode("ascii")}


OVERRIDES = {
    "dataset": lambda: st.one_of(_builtin_dataset(), _builtin_dataset(), _csv_dataset()),
    "array": _array,
}


def strategy(node: dict, root: dict | None = None) -> st.SearchStrategy:
    """A strategy for documents matching schema ``node`` (of the project schema ``root``)."""
    root = root if root is not None else project_schema()
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in OVERRIDES:
            return OVERRIDES[name]()
        return st.deferred(lambda: strategy(_resolve(node, root), root))
    if "oneOf" in node:
        return st.one_of([strategy(o, root) for o in node["oneOf"]])
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    types = node.get("type")
    if types is None:
        return st.none()
    types = types if isinstance(types, list) else [types]
    return st.one_of([_typed(t, node, root) for t in types])


def documents() -> st.SearchStrategy:
    """Whole project documents that match the published schema."""
    schema = project_schema()
    body = dict(schema)
    body["properties"] = dict(schema["properties"], format_version={"const": 1})
    return strategy(body, schema)
