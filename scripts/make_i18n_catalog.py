"""Generate ``nnstudio/ui/i18n_catalog.py``: the strings of the non-Qt layers, for lupdate.

    python scripts/make_i18n_catalog.py          # rewrite the catalog
    python scripts/make_i18n_catalog.py --check  # exit 1 if the catalog is out of date

The engine, data and project layers never import Qt (house rule 1), so
``pyside6-lupdate`` cannot find the English texts they show to learners.
This script collects them and writes one ``QT_TRANSLATE_NOOP(context, text)``
per text into a Python module under ``nnstudio/ui``, where lupdate reads it:

* ``Problems``: every validation template (3rd positional argument of
  ``Problem(...)``) and fix template (1st argument of ``Fix(...)``) in
  ``nnstudio/project/validate.py``, found by parsing the file with ``ast``;
* ``Registry``: every ``summary`` of ``nnstudio.engine.registry``;
* ``DataDock``: every built-in dataset's title and description and each
  parameter's label and help (the Data dock translates them with
  ``self.tr(...)``, so they live in its context);
* the layer table (``nnstudio/project/layer_kinds.py``): each parameter's
  label, tooltip and texts (``Inspector``), each kind's name and palette line
  (``Palette``), its name and block detail line (``Canvas``) and its
  validator problems and fixes (``Problems``);
* ``Checks``: every lesson check message template (``nnstudio.lessons.checks.MESSAGES``).

The UI translates them at run time with the helpers in ``nnstudio.ui.i18n``
(which use the same contexts). Run ``python scripts/translations.py update``
afterwards so the .ts picks up new texts.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VALIDATE = ROOT / "nnstudio" / "project" / "validate.py"
CATALOG = ROOT / "nnstudio" / "ui" / "i18n_catalog.py"

PROBLEMS = "Problems"
REGISTRY = "Registry"
DATASETS = "DataDock"
CHECKS = "Checks"

REGISTRY_KINDS = ("layer", "activation", "initializer", "loss", "optimizer",
                  "regularizer", "constraint", "metric")


def _const_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def problem_texts(source: str | None = None) -> list[str]:
    """Problem templates and fix templates of validate.py, in source order."""
    tree = ast.parse(VALIDATE.read_text(encoding="utf-8") if source is None else source)
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name == "Problem":
            arg = node.args[2] if len(node.args) > 2 else next(
                (k.value for k in node.keywords if k.arg == "template"), None)
        elif name == "Fix":
            arg = node.args[0] if node.args else next(
                (k.value for k in node.keywords if k.arg == "template"), None)
        else:
            continue
        text = _const_str(arg)
        if text is not None:
            found.append((arg.lineno, arg.col_offset, text))
    return [t for _, _, t in sorted(found)]


def registry_texts() -> list[str]:
    from nnstudio.engine import registry

    return [e.summary for kind in REGISTRY_KINDS for e in registry.entries(kind) if e.summary]


def dataset_texts() -> list[str]:
    from nnstudio import data

    out: list[str] = []
    for gen in data.builtins():
        out += [gen.title, gen.description]
        for p in gen.params:
            out += [p.label, p.help]
    return [t for t in out if t]


def check_texts() -> list[str]:
    """Every lesson check message template (``nnstudio.lessons.checks.MESSAGES``)."""
    from nnstudio.lessons.checks import MESSAGES

    return list(MESSAGES.values())


def layer_texts() -> dict[str, list[str]]:
    """The layer table's texts by the context the UI shows them in."""
    from nnstudio.project.layer_kinds import LAYER_KINDS

    out: dict[str, list[str]] = {PROBLEMS: [], "Inspector": [], "Palette": [], "Canvas": []}
    for kind in LAYER_KINDS.values():
        out["Palette"] += [kind.name, kind.explain]
        out["Canvas"] += [kind.name, kind.detail]
        if kind.not_last:
            out[PROBLEMS] += [kind.not_last[1], kind.not_last[2]]
        for p in kind.params:
            out["Inspector"] += [p.label, p.tooltip, p.text, p.value_label, p.value_tooltip]
            if p.problem:
                out[PROBLEMS] += [p.problem[1], p.problem[2]]
    return {ctx: [t for t in texts if t] for ctx, texts in out.items()}


def collect() -> list[tuple[str, str]]:
    """Every ``(context, text)`` of the catalog, without duplicates, in a stable order."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str]] = []
    layers = layer_texts()
    for ctx, texts in ((PROBLEMS, problem_texts() + layers[PROBLEMS]), (REGISTRY, registry_texts()),
                       (DATASETS, dataset_texts()), *((c, layers[c]) for c in ("Inspector", "Palette", "Canvas")),
                       (CHECKS, check_texts())):
        for text in texts:
            if (ctx, text) not in seen:
                seen.add((ctx, text))
                out.append((ctx, text))
    return out


def _literal(text: str) -> str:
    """A double-quoted Python literal that lupdate reads back exactly (non-ASCII kept as is)."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def render(entries: list[tuple[str, str]] | None = None) -> str:
    entries = collect() if entries is None else entries
    lines = [
        '"""Texts of the non-Qt layers, listed for pyside6-lupdate. GENERATED: do not edit.',
        "",
        "Regenerate with ``python scripts/make_i18n_catalog.py`` (a test checks it is",
        "up to date); translate at run time with ``nnstudio.ui.i18n``.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    by_ctx: dict[str, list[str]] = {}
    for ctx, text in entries:
        by_ctx.setdefault(ctx, []).append(text)
    names = {PROBLEMS: "PROBLEMS", REGISTRY: "REGISTRY", DATASETS: "DATASETS", "Inspector": "LAYER_PARAMS",
             "Palette": "LAYER_PALETTE", "Canvas": "LAYER_CAPTIONS"}
    for ctx, texts in by_ctx.items():
        lines.append(f"{names.get(ctx, ctx.upper())} = (")
        lines += [f"    QT_TRANSLATE_NOOP({_literal(ctx)}, {_literal(t)})," for t in texts]
        lines += [")", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    text = render()
    if "--check" in argv:
        current = CATALOG.read_text(encoding="utf-8") if CATALOG.exists() else ""
        if current != text:
            print(f"{CATALOG.relative_to(ROOT)} is out of date: run python scripts/make_i18n_catalog.py")
            return 1
        return 0
    CATALOG.write_text(text, encoding="utf-8")
    print(f"wrote {CATALOG.relative_to(ROOT)} ({len(collect())} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
