"""Refresh, compile and check nnstudio's Qt translations.

    python scripts/translations.py update   # catalog + lupdate: sources -> resources/translations/*.ts
    python scripts/translations.py compile  # lrelease: .ts -> .qm (shipped beside the .ts)
    python scripts/translations.py check    # print every problem; silent (exit 0) when all is well

``update`` first regenerates ``nnstudio/ui/i18n_catalog.py`` (the texts of
the non-Qt layers, see ``scripts/make_i18n_catalog.py``), then runs
``pyside6-lupdate`` over ``nnstudio/ui/**/*.py`` into a temporary file and
merges the result into ``nnstudio_<lang>.ts``: every existing translation
is kept, new strings arrive as ``type="unfinished"`` (pre-filled when the
same English text is already translated in another context), strings that
left the sources are dropped.

lupdate's Python parser only knows the context of ``self.tr("...")`` and
``QCoreApplication.translate("Ctx", "...")``. A call through an alias
(``tr = self.tr; tr("...")``), a module helper (``def tr(text): return
QCoreApplication.translate("Canvas", text)``) or another object
(``panel.tr("...")``) lands in an empty or wrong context, which Qt never
looks up. :func:`runtime_context` reads the call site with ``ast`` and
moves such messages to the context the code really uses at run time.

``check`` lists unfinished messages and translations that lost or changed
a placeholder (``{name}``, ``{0:.2f}``, ``%1``, ``%n``), an ``&`` mnemonic,
an HTML tag, or that changed a keyboard shortcut.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("ko",)
TS_LANGUAGE = {"ko": "ko_KR"}
UNFINISHED = ("unfinished",)
DEAD = ("vanished", "obsolete")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"nnstudio_{lang}.ts"


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "nnstudio" / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def find_tool(name: str) -> str | None:
    """``pyside6-<name>``: next to this Python first (a venv), then on PATH."""
    from shutil import which

    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / f"pyside6-{name}", exe_dir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return which(f"pyside6-{name}")


def _tool(name: str) -> str:
    exe = find_tool(name)
    if exe is None:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials")
    return exe


# -- where a tr() call really translates ----------------------------------------------------
@cache
def _module(path: Path) -> ast.Module | None:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child._parent = node  # type: ignore[attr-defined]
    return tree


def _parents(node: ast.AST):
    node = getattr(node, "_parent", None)
    while node is not None:
        yield node
        node = getattr(node, "_parent", None)


def _literal_ctx(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def _helper_translate_ctx(func: ast.FunctionDef) -> str | None:
    """``"Ctx"`` if ``func`` is ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    params = {a.arg for a in func.args.args}
    for sub in ast.walk(func):
        if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Call):
            call = sub.value
            fname = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
            if (fname == "translate" and _literal_ctx(call) is not None and len(call.args) >= 2
                    and isinstance(call.args[1], ast.Name) and call.args[1].id in params):
                return _literal_ctx(call)
    return None


@lru_cache(maxsize=1)
def tr_helpers() -> tuple[str, ...]:
    """Names of module-level translate helpers in the UI sources (``tr``, ``_tr``, ...)."""
    names = {"tr"}
    for path in ui_sources():
        tree = _module(path)
        for node in tree.body if tree is not None else []:
            if isinstance(node, ast.FunctionDef) and _helper_translate_ctx(node) is not None:
                names.add(node.name)
    return tuple(sorted(names))


def _helper_context(path: Path, name: str, depth: int = 0) -> str | None:
    """The context of a module-level helper ``name`` defined in (or imported into) ``path``."""
    tree = _module(path)
    if tree is None or depth > 3:
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return _helper_translate_ctx(node)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    target = ROOT.joinpath(*node.module.split("."))
                    for cand in (target.with_suffix(".py"), target / "__init__.py"):
                        if cand.exists():
                            return _helper_context(cand, alias.name, depth + 1)
    return None


def _class_of(node: ast.AST) -> str | None:
    for p in _parents(node):
        if isinstance(p, ast.ClassDef):
            return p.name
    return None


def _bound_value(scope: ast.AST, name: str, before: int) -> ast.AST | None:
    """The last value assigned to ``name`` in ``scope`` before line ``before`` (tuple unpacking too)."""
    found = None
    for node in ast.walk(scope):
        if not isinstance(node, ast.Assign) or node.lineno > before:
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id == name:
                found = node.value
            elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                for t, v in zip(target.elts, node.value.elts):
                    if isinstance(t, ast.Name) and t.id == name:
                        found = v
    return found


def _receiver_context(expr: ast.AST, call: ast.Call, scope: ast.AST) -> str | None:
    """Context of ``expr.tr(...)``: the class of ``expr``."""
    if isinstance(expr, ast.Name) and expr.id == "self":
        return _class_of(call)
    if isinstance(expr, ast.Name):
        value = _bound_value(scope, expr.id, call.lineno)
        if isinstance(value, ast.Call):
            func = value.func
            return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return None


@cache
def _calls_by_line(path: Path) -> dict[int, list[ast.Call]]:
    """Every call with a string-constant argument, under each line it spans."""
    out: dict[int, list[ast.Call]] = {}
    tree = _module(path)
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call) and any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                              for a in node.args):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                out.setdefault(line, []).append(node)
    return out


def runtime_context(path: Path, line: int, source: str) -> str | None:
    """The context Qt is asked for by the ``tr`` call of ``source`` near ``line`` of ``path``.

    None when the call is an ordinary ``self.tr`` / literal ``translate`` (lupdate is
    right) or cannot be understood.
    """
    tree = _module(path)
    if tree is None:
        return None
    calls = [c for c in _calls_by_line(path).get(line, ())
             if any(isinstance(a, ast.Constant) and a.value == source for a in c.args)]
    if not calls:
        return None
    call = max(calls, key=lambda c: c.lineno)  # the innermost call on that line
    func = call.func
    scope = next((p for p in _parents(call) if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef))), tree)
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        if isinstance(func.value, ast.Name) and func.value.id == "self":
            return None
        return _receiver_context(func.value, call, scope)
    if isinstance(func, ast.Name) and func.id in tr_helpers():
        value = _bound_value(scope, func.id, call.lineno)
        if isinstance(value, ast.Attribute) and value.attr == "tr":
            return _receiver_context(value.value, call, scope)
        return _helper_context(path, func.id)
    return None


# -- .ts files -------------------------------------------------------------------------------
def _key(ctx: str, msg: ET.Element) -> tuple[str, str, str]:
    return ctx, msg.findtext("source") or "", msg.findtext("comment") or ""


def _relocate(root: ET.Element, ts_file: Path) -> tuple[dict[str, list[ET.Element]], list[str]]:
    """Messages by runtime context (locations removed), and warnings for unresolved ones."""
    out: dict[str, list[ET.Element]] = {}
    seen: set[tuple[str, str, str]] = set()
    warnings = []
    for ctx_el in root.iter("context"):
        ctx = ctx_el.findtext("name") or ""
        for msg in ctx_el.findall("message"):
            source = msg.findtext("source") or ""
            targets = []
            for loc in msg.findall("location"):
                path = (ts_file.parent / loc.get("filename", "")).resolve()
                real = runtime_context(path, int(loc.get("line", "0")), source)
                targets.append(real if real else ctx)
                msg.remove(loc)
            targets = list(dict.fromkeys(targets)) or [ctx]
            for target in targets:
                if not target:
                    warnings.append(f"no translation context for {source!r}: use self.tr() "
                                    "or QCoreApplication.translate('Context', ...)")
                    continue
                if _key(target, msg) in seen:
                    continue
                seen.add(_key(target, msg))
                copy = ET.fromstring(ET.tostring(msg))
                out.setdefault(target, []).append(copy)
    return out, warnings


def _finished(tr: ET.Element | None) -> bool:
    if tr is None or tr.get("type") in UNFINISHED + DEAD:
        return False
    forms = tr.findall("numerusform")
    texts = [f.text for f in forms] if forms else [tr.text]
    return all((t or "").strip() for t in texts)


def read_messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """``{(context, source, comment): <message>}`` of a .ts file (vanished/obsolete skipped)."""
    out = {}
    if not ts.exists():
        return out
    for ctx_el in ET.parse(ts).getroot().iter("context"):
        ctx = ctx_el.findtext("name") or ""
        for msg in ctx_el.findall("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in DEAD:
                continue
            out[_key(ctx, msg)] = msg
    return out


def write_ts(path: Path, language: str, contexts: dict[str, list[ET.Element]]) -> None:
    root = ET.Element("TS", {"version": "2.1", "language": language})
    for name in sorted(contexts, key=str.casefold):
        ctx_el = ET.SubElement(root, "context")
        ET.SubElement(ctx_el, "name").text = name
        ctx_el.extend(contexts[name])
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def extract(out_ts: Path, language: str = "ko_KR") -> list[str]:
    """Run lupdate over the UI sources into a fresh ``out_ts`` with runtime contexts; return warnings."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.ts"
        aliases = [f"tr+={name}" for name in tr_helpers() if name != "tr"]
        cmd = [_tool("lupdate"), "-silent", "-locations", "absolute", "-no-obsolete",
               *(["-tr-function-alias", ",".join(aliases)] if aliases else []),
               *map(str, ui_sources()), "-ts", str(raw)]
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        contexts, warnings = _relocate(ET.parse(raw).getroot(), raw)
    write_ts(out_ts, language, contexts)
    return warnings


def source_messages() -> set[tuple[str, str, str]]:
    """Every ``(context, source, comment)`` the UI sources translate at run time."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        extract(fresh)
        return set(read_messages(fresh))


def update() -> None:
    import make_i18n_catalog

    make_i18n_catalog.main([])
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        ts = ts_path(lang)
        old = read_messages(ts)
        by_source: dict[str, ET.Element] = {}
        for (_, source, _), msg in old.items():
            if _finished(msg.find("translation")):
                by_source.setdefault(source, msg.find("translation"))
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.ts"
            for w in extract(fresh, TS_LANGUAGE.get(lang, lang)):
                print(f"warning: {w}", file=sys.stderr)
            root = ET.parse(fresh).getroot()
        contexts: dict[str, list[ET.Element]] = {}
        new = kept = 0
        for ctx_el in root.iter("context"):
            ctx = ctx_el.findtext("name") or ""
            for msg in ctx_el.findall("message"):
                tr = msg.find("translation")
                previous = old.get(_key(ctx, msg))
                if previous is not None and previous.find("translation") is not None:
                    msg.remove(tr)
                    msg.append(ET.fromstring(ET.tostring(previous.find("translation"))))
                    kept += 1
                else:
                    new += 1
                    guess = by_source.get(msg.findtext("source") or "")
                    if guess is not None:  # same English elsewhere: offer it, unfinished
                        msg.remove(tr)
                        tr = ET.fromstring(ET.tostring(guess))
                        tr.set("type", "unfinished")
                        msg.append(tr)
                contexts.setdefault(ctx, []).append(msg)
        write_ts(ts, TS_LANGUAGE.get(lang, lang), contexts)
        total = kept + new
        gone = len(old) - kept
        print(f"{ts.relative_to(ROOT)}: {total} messages ({new} new, {gone} dropped)")


def compile_all() -> None:
    for ts in sorted(TS_DIR.glob("nnstudio_*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


# -- checks ----------------------------------------------------------------------------------
_PCT = re.compile(r"%(?:L?\d{1,2}|n)")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_HTML_TAGS = {"a", "b", "big", "blockquote", "br", "center", "code", "div", "em", "font", "h1", "h2", "h3",
              "h4", "h5", "h6", "hr", "i", "img", "li", "nobr", "ol", "p", "pre", "qt", "s", "small", "span",
              "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul"}
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_SHORTCUT = re.compile(r"^(?:(?:Ctrl|Shift|Alt|Meta|Cmd)\+)*(?:F\d{1,2}|[A-Z0-9]|Del|Delete|Esc|Space|Tab|"
                       r"Return|Enter|Home|End|PgUp|PgDown|Left|Right|Up|Down|Backspace|[-+=,.;/])$")


def format_fields(text: str) -> Counter:
    """Python ``str.format`` fields (``{k}``, ``{0:.2f}``) as a multiset."""
    fields: Counter = Counter()
    try:
        for _, name, spec, conv in string.Formatter().parse(text):
            if name is not None:
                fields[(name, spec or "", conv or "")] += 1
    except ValueError:
        fields[("<unbalanced braces>", "", "")] += 1
    return fields


def mnemonics(text: str) -> int:
    """How many ``&x`` keyboard mnemonics ``text`` has (``&&`` and HTML entities are not)."""
    text = _ENTITY.sub("", text).replace("&&", "")
    return sum(1 for m in re.finditer(r"&(\S)", text))


def placeholder_problems(source: str, translation: str) -> list[str]:
    """What ``translation`` lost or changed relative to ``source``; [] if nothing."""
    out = []
    if format_fields(source) != format_fields(translation):
        out.append(f"format fields {sorted(format_fields(source))} != {sorted(format_fields(translation))}")
    if Counter(_PCT.findall(source)) != Counter(_PCT.findall(translation)):
        out.append(f"%-placeholders {sorted(_PCT.findall(source))} != {sorted(_PCT.findall(translation))}")
    if mnemonics(source) != mnemonics(translation):
        out.append(f"&-mnemonics: {mnemonics(source)} in the source, {mnemonics(translation)} translated")
    tags_s = Counter(t.lower() for t in _TAG.findall(source) if t.lower() in _HTML_TAGS)
    tags_t = Counter(t.lower() for t in _TAG.findall(translation) if t.lower() in _HTML_TAGS)
    if tags_s != tags_t:
        out.append(f"HTML tags {sorted(tags_s.elements())} != {sorted(tags_t.elements())}")
    if _SHORTCUT.match(source.strip()) and translation.strip() != source.strip():
        out.append("a keyboard shortcut must stay untranslated")
    return out


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    return [(ctx, src) for (ctx, src, _), msg in read_messages(ts).items() if not _finished(msg.find("translation"))]


def translation_texts(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def bad_placeholders(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, what is wrong) for every translation that broke a placeholder."""
    out = []
    for (ctx, src, _), msg in read_messages(ts).items():
        if not _finished(msg.find("translation")):
            continue
        for text in translation_texts(msg):
            for problem in placeholder_problems(src, text):
                out.append((ctx, src, problem))
    return out


def check() -> list[str]:
    lines = []
    for lang in LANGS:
        ts = ts_path(lang)
        if not ts.exists():
            lines.append(f"{lang}: {ts.relative_to(ROOT)} is missing: run update")
            continue
        lines += [f"{lang}: unfinished [{ctx}] {src!r}" for ctx, src in unfinished(ts)]
        lines += [f"{lang}: [{ctx}] {src!r}: {why}" for ctx, src, why in bad_placeholders(ts)]
        qm = ts.with_suffix(".qm")
        if not qm.exists():
            lines.append(f"{lang}: {qm.relative_to(ROOT)} is missing: run compile")
        elif not qm_up_to_date(ts):
            lines.append(f"{lang}: {qm.relative_to(ROOT)} is older than the .ts: run compile")
    return lines


def qm_up_to_date(ts: Path) -> bool:
    """True if compiling ``ts`` gives exactly the .qm beside it (True when lrelease is missing)."""
    lrelease = find_tool("lrelease")
    qm = ts.with_suffix(".qm")
    if lrelease is None:
        return qm.exists()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True)
        return qm.exists() and fresh.read_bytes() == qm.read_bytes()


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        update()
    elif cmd == "compile":
        compile_all()
    elif cmd == "check":
        lines = check()
        for line in lines:
            print(line)
        return 1 if lines else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
