"""Lesson registry: finds, validates and loads the lessons in ``resources/lessons``.

Each lesson is a folder ``NN-slug`` holding ``lesson.json`` (structure, setups,
quizzes, checks) and ``en.md`` / ``ko.md`` (the step texts as sections
``## <step-id>``). The format is specified in ``resources/lessons/README.md`` and
``resources/lessons/lesson.schema.json``; this module enforces it by hand (no
jsonschema dependency) and reports any problem as a :class:`LessonError` that
names the file and the key.

No Qt here: the lesson browser, the lesson panel and a test that opens every
lesson all read this one registry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from nnstudio import resources
from nnstudio.project.layer_kinds import LAYER_KINDS

__all__ = [
    "FORMAT_VERSION", "LANGUAGES", "PANELS", "WIDGETS", "CHECK_KINDS", "LAYER_KEYS",
    "TRAINING_KEYS", "EARLY_STOPPING_KEYS", "DATASET_KEYS", "validate_setup", "LessonError", "Predict", "Check", "Variant",
    "Step", "Lesson", "lessons", "get", "load_lesson", "parse_sections", "normalize_lang",
]

FORMAT_VERSION = 1
LANGUAGES = ("en", "ko")
PANELS = (
    "canvas", "palette", "inspector", "problems", "data", "loss_plot", "metric_plot",
    "activations", "decision", "backprop", "confusion", "code", "lesson",
    "images", "draw_pad", "weight_images", "confusion_examples",
)
WIDGETS = (
    "perceptron", "gate_composer", "activation_explorer", "loss_explorer",
    "batch_explorer", "chain_rule", "depth_quiz", "replay",
)
CHECK_KINDS = (
    "val_loss_rises", "loss_below", "loss_decreased", "accuracy_at_least", "accuracy_below",
    "early_stopped_restored", "hidden_units_identical", "hidden_units_differ",
    "perceptron_converged", "perceptron_not_converged",
)
#: the keys a lesson's layer may have and their value types (from the one layer table)
LAYER_KEYS = {name: {"type": None, **{p.name: p.type for p in k.params}} for name, k in LAYER_KINDS.items()}
TRAINING_KEYS = {
    "loss": str, "optimizer": str, "learning_rate": float, "momentum": float,
    "batch_size": int, "epochs": int, "validation_split": float, "early_stopping": dict,
    "seed": int, "metrics": list, "speed": float,
}
EARLY_STOPPING_KEYS = {
    "enabled": bool, "monitor": str, "patience": int, "min_delta": float,
    "restore_best_weights": bool,
}
DATASET_KEYS = {"name": str, "params": dict, "standardize": bool, "one_hot": bool, "split_seed": int}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FOLDER = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$")


class LessonError(ValueError):
    """A lesson file is malformed; the message names the file and the key."""

    def __init__(self, file: Path | str, key: str, problem: str):
        self.file = str(file)
        self.key = key
        self.problem = problem
        where = f"{self.file}: {key}: " if key else f"{self.file}: "
        super().__init__(where + problem)


def normalize_lang(lang: str | None) -> str:
    """Map 'ko_KR', 'ko-KR', 'KO' to 'ko'; anything unknown to 'en'."""
    code = (lang or "en").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def _pick(texts: dict, lang: str | None) -> str:
    """The text in ``lang``, falling back to English."""
    return texts.get(normalize_lang(lang)) or texts.get("en", "")


@dataclass(frozen=True)
class Predict:
    """A 'predict before you run' question with one right answer."""

    question: dict
    choices: tuple
    answer: int
    explain: dict

    def question_text(self, lang: str = "en") -> str:
        return _pick(self.question, lang)

    def choice_texts(self, lang: str = "en") -> list[str]:
        return [_pick(c, lang) for c in self.choices]

    def explain_text(self, lang: str = "en") -> str:
        return _pick(self.explain, lang)


@dataclass(frozen=True)
class Check:
    """A check run on a training result (see :mod:`nnstudio.lessons.checks`)."""

    kind: str
    params: dict
    success: dict
    failure: dict

    def message(self, passed: bool, lang: str = "en") -> str:
        return _pick(self.success if passed else self.failure, lang)


@dataclass(frozen=True)
class Variant:
    """One named setup of a comparison; applied over the step's own setup."""

    name: str
    label: dict
    setup: dict

    def label_text(self, lang: str = "en") -> str:
        return _pick(self.label, lang)


@dataclass(frozen=True)
class Step:
    """One step of a lesson: a text, and optionally a widget, setup, quiz, check."""

    id: str
    titles: dict
    texts: dict
    widget: str | None = None
    widget_params: dict = field(default_factory=dict)
    panels: tuple = ()
    setup: dict | None = None
    predict: Predict | None = None
    check: Check | None = None
    compare: tuple = ()

    def title(self, lang: str = "en") -> str:
        return _pick(self.titles, lang)

    def text(self, lang: str = "en") -> str:
        """The step's markdown text in ``lang`` (English when missing)."""
        return _pick(self.texts, lang)


@dataclass(frozen=True)
class Lesson:
    """A lesson: ordered steps plus the main-window panels it needs."""

    id: str
    order: int
    titles: dict
    summaries: dict
    panels: tuple
    steps: tuple
    folder: Path
    intros: dict = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        return _pick(self.titles, lang)

    def summary(self, lang: str = "en") -> str:
        return _pick(self.summaries, lang)

    def intro(self, lang: str = "en") -> str:
        """Markdown before the first step section ('' when there is none)."""
        return _pick(self.intros, lang)

    @property
    def step_ids(self) -> list[str]:
        return [s.id for s in self.steps]

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(f"lesson {self.id!r} has no step {step_id!r} (steps: {', '.join(self.step_ids)})")


# ----------------------------------------------------------------- validation
def _expect(cond: bool, file, key: str, problem: str) -> None:
    if not cond:
        raise LessonError(file, key, problem)


def _is_type(value, typ) -> bool:
    if typ is None:
        return True
    if typ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if typ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, typ)


def _text(value, file, key: str) -> dict:
    _expect(isinstance(value, dict), file, key, "must be an object with 'en' and 'ko' strings")
    for lang in LANGUAGES:
        v = value.get(lang)
        _expect(isinstance(v, str) and v.strip() != "", file, f"{key}.{lang}", "missing or empty text")
    extra = set(value) - set(LANGUAGES)
    _expect(not extra, file, key, f"unknown language key(s) {sorted(extra)}; use 'en' and 'ko'")
    return {lang: value[lang] for lang in LANGUAGES}


def _keys(d: dict, allowed, file, key: str) -> None:
    extra = sorted(set(d) - set(allowed))
    _expect(not extra, file, key, f"unknown key(s) {extra}; allowed: {sorted(allowed)}")


def _panels(value, file, key: str) -> tuple:
    _expect(isinstance(value, list), file, key, "must be a list of panel names")
    for i, p in enumerate(value):
        _expect(p in PANELS, file, f"{key}[{i}]", f"unknown panel {p!r}; valid: {', '.join(PANELS)}")
    _expect(len(set(value)) == len(value), file, key, "panel names repeat")
    return tuple(value)


def validate_setup(setup, file, key: str) -> dict:
    """Check a partial project (layers / training / dataset); return it unchanged."""
    _expect(isinstance(setup, dict) and setup, file, key, "must be a non-empty object")
    _keys(setup, ("layers", "training", "dataset"), file, key)
    if "layers" in setup:
        layers = setup["layers"]
        _expect(isinstance(layers, list) and len(layers) >= 2, file, f"{key}.layers",
                "must be a list of at least an Input and one more layer")
        for i, layer in enumerate(layers):
            lk = f"{key}.layers[{i}]"
            _expect(isinstance(layer, dict), file, lk, "must be an object")
            ltype = layer.get("type")
            _expect(ltype in LAYER_KEYS, file, f"{lk}.type",
                    f"unknown layer type {ltype!r}; valid: {', '.join(LAYER_KEYS)}")
            _keys(layer, LAYER_KEYS[ltype], file, lk)
            for name, typ in LAYER_KEYS[ltype].items():
                if name in layer and not (name in ("max_norm", "size", "features") and layer[name] is None):
                    _expect(_is_type(layer[name], typ), file, f"{lk}.{name}",
                            f"must be {getattr(typ, '__name__', typ)}")
            if ltype == "Input" and layer.get("features") is not None:
                from nnstudio.data.features import malformed

                _expect(not malformed(layer["features"]), file, f"{lk}.features",
                        "must list feature keys such as x1, x1^2, x1*x2, sin(x1), cos(x1), r, theta")
            for p in LAYER_KINDS[ltype].params:  # the layer table's own checks (a lesson must set these)
                if p.valid is not None and p.problem is not None:
                    _expect(p.name in layer and p.valid(layer[p.name]), file, f"{lk}.{p.name}",
                            f"{ltype} needs {p.name}: " + p.problem[1].format(i=i, **{p.name: layer.get(p.name)}))
            if ltype == "Activation":
                _expect("activation" in layer, file, f"{lk}.activation", "Activation needs an activation name")
        _expect(layers[0]["type"] == "Input", file, f"{key}.layers[0]", "the first layer must be Input")
        _expect(all(la["type"] != "Input" for la in layers[1:]), file, f"{key}.layers",
                "only the first layer may be Input")
    if "training" in setup:
        tr = setup["training"]
        tk = f"{key}.training"
        _expect(isinstance(tr, dict), file, tk, "must be an object")
        _keys(tr, TRAINING_KEYS, file, tk)
        for name, typ in TRAINING_KEYS.items():
            if name in tr:
                _expect(_is_type(tr[name], typ), file, f"{tk}.{name}", f"must be {typ.__name__}")
        if "validation_split" in tr:
            _expect(0 <= tr["validation_split"] < 1, file, f"{tk}.validation_split", "must be in [0, 1)")
        for name in ("batch_size", "epochs"):
            if name in tr:
                _expect(tr[name] >= 1, file, f"{tk}.{name}", "must be >= 1")
        if "speed" in tr:
            _expect(tr["speed"] > 0, file, f"{tk}.speed", "must be > 0 (mini-batches per second)")
        if "early_stopping" in tr:
            es = tr["early_stopping"]
            _keys(es, EARLY_STOPPING_KEYS, file, f"{tk}.early_stopping")
            for name, typ in EARLY_STOPPING_KEYS.items():
                if name in es:
                    _expect(_is_type(es[name], typ), file, f"{tk}.early_stopping.{name}", f"must be {typ.__name__}")
    if "dataset" in setup:
        ds = setup["dataset"]
        _expect(isinstance(ds, dict) and isinstance(ds.get("name"), str), file, f"{key}.dataset",
                "must be an object with a 'name' string")
        _keys(ds, DATASET_KEYS, file, f"{key}.dataset")
        for name, typ in DATASET_KEYS.items():
            if name in ds:
                _expect(_is_type(ds[name], typ), file, f"{key}.dataset.{name}", f"must be {typ.__name__}")
    return setup


def _predict(value, file, key: str) -> Predict:
    _expect(isinstance(value, dict), file, key, "must be an object")
    _keys(value, ("question", "choices", "answer", "explain"), file, key)
    choices = value.get("choices")
    _expect(isinstance(choices, list) and len(choices) >= 2, file, f"{key}.choices", "needs at least two choices")
    answer = value.get("answer")
    _expect(_is_type(answer, int) and 0 <= answer < len(choices), file, f"{key}.answer",
            f"must be an index 0..{len(choices) - 1}")
    return Predict(
        question=_text(value.get("question"), file, f"{key}.question"),
        choices=tuple(_text(c, file, f"{key}.choices[{i}]") for i, c in enumerate(choices)),
        answer=answer,
        explain=_text(value.get("explain"), file, f"{key}.explain"),
    )


def _check(value, file, key: str) -> Check:
    _expect(isinstance(value, dict), file, key, "must be an object")
    _keys(value, ("kind", "params", "success", "failure"), file, key)
    kind = value.get("kind")
    _expect(kind in CHECK_KINDS, file, f"{key}.kind", f"unknown check {kind!r}; valid: {', '.join(CHECK_KINDS)}")
    params = value.get("params", {})
    _expect(isinstance(params, dict), file, f"{key}.params", "must be an object")
    return Check(kind, dict(params), _text(value.get("success"), file, f"{key}.success"),
                 _text(value.get("failure"), file, f"{key}.failure"))


def _step(value, file, key: str, texts: dict) -> Step:
    _expect(isinstance(value, dict), file, key, "must be an object")
    _keys(value, ("id", "title", "widget", "widget_params", "panels", "setup", "predict", "check", "compare"),
          file, key)
    sid = value.get("id")
    _expect(isinstance(sid, str) and bool(_SLUG.match(sid)), file, f"{key}.id",
            "must be a lowercase slug like 'and-gate'")
    widget = value.get("widget")
    _expect(widget is None or widget in WIDGETS, file, f"{key}.widget",
            f"unknown widget {widget!r}; valid: {', '.join(WIDGETS)}")
    wparams = value.get("widget_params", {})
    _expect(isinstance(wparams, dict), file, f"{key}.widget_params", "must be an object")
    compare = value.get("compare", [])
    _expect(isinstance(compare, list) and len(compare) != 1, file, f"{key}.compare",
            "must be a list of at least two variants")
    variants = []
    for i, v in enumerate(compare):
        vk = f"{key}.compare[{i}]"
        _expect(isinstance(v, dict), file, vk, "must be an object")
        _keys(v, ("name", "label", "setup"), file, vk)
        _expect(isinstance(v.get("name"), str) and bool(_SLUG.match(v["name"])), file, f"{vk}.name", "must be a slug")
        variants.append(Variant(v["name"], _text(v.get("label"), file, f"{vk}.label"),
                                validate_setup(v.get("setup"), file, f"{vk}.setup")))
    _expect(len({v.name for v in variants}) == len(variants), file, f"{key}.compare", "variant names repeat")
    return Step(
        id=sid,
        titles=_text(value.get("title"), file, f"{key}.title"),
        texts={lang: texts[lang].get(sid, "") for lang in LANGUAGES},
        widget=widget,
        widget_params=dict(wparams),
        panels=_panels(value.get("panels", []), file, f"{key}.panels"),
        setup=validate_setup(value["setup"], file, f"{key}.setup") if "setup" in value else None,
        predict=_predict(value["predict"], file, f"{key}.predict") if "predict" in value else None,
        check=_check(value["check"], file, f"{key}.check") if "check" in value else None,
        compare=tuple(variants),
    )


# ------------------------------------------------------------------ markdown
def parse_sections(text: str, file="<text>") -> tuple[str, dict]:
    """Split markdown into (intro, {step_id: section text}) at ``## <step-id>`` lines.

    Headings inside fenced code blocks are ignored; a repeated id is an error.
    """
    intro: list[str] = []
    sections: dict[str, list[str]] = {}
    current = intro
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            sid = line[3:].strip()
            _expect(bool(_SLUG.match(sid)), file, f"## {sid}", "section ids must be step ids (lowercase slugs)")
            _expect(sid not in sections, file, f"## {sid}", "section appears twice")
            current = sections[sid] = []
            continue
        current.append(line)
    return "\n".join(intro).strip(), {k: "\n".join(v).strip() for k, v in sections.items()}


# -------------------------------------------------------------------- loading
def load_lesson(folder: Path) -> Lesson:
    """Load and validate one lesson folder; raise :class:`LessonError` on any problem."""
    folder = Path(folder)
    jpath = folder / "lesson.json"
    m = _FOLDER.match(folder.name)
    _expect(m is not None, folder, "", "lesson folders are named NN-slug, e.g. '01-perceptron'")
    try:
        data = json.loads(jpath.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LessonError(jpath, "", "file is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LessonError(jpath, "", f"not valid JSON ({exc})") from None
    _expect(isinstance(data, dict), jpath, "", "must be a JSON object")
    _keys(data, ("format_version", "id", "order", "title", "summary", "panels", "steps"), jpath, "")
    _expect(data.get("format_version") == FORMAT_VERSION, jpath, "format_version",
            f"must be {FORMAT_VERSION} (this nnstudio reads lesson format {FORMAT_VERSION})")
    lid = data.get("id")
    _expect(isinstance(lid, str) and bool(_SLUG.match(lid)), jpath, "id", "must be a lowercase slug")
    order = data.get("order")
    _expect(_is_type(order, int) and 1 <= order <= 99, jpath, "order", "must be an integer 1..99")
    _expect(m.group(1) == f"{order:02d}" and m.group(2) == lid, jpath, "id",
            f"folder name must be '{order:02d}-{lid}' to match order and id")
    texts, intros = {}, {}
    for lang in LANGUAGES:
        mpath = folder / f"{lang}.md"
        try:
            raw = mpath.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LessonError(mpath, "", "file is missing") from None
        intros[lang], texts[lang] = parse_sections(raw, mpath)
    steps_raw = data.get("steps")
    _expect(isinstance(steps_raw, list) and steps_raw, jpath, "steps", "must be a non-empty list")
    steps = tuple(_step(s, jpath, f"steps[{i}]", texts) for i, s in enumerate(steps_raw))
    ids = [s.id for s in steps]
    _expect(len(set(ids)) == len(ids), jpath, "steps", "step ids repeat")
    for lang in LANGUAGES:
        mpath = folder / f"{lang}.md"
        for sid in ids:
            _expect(texts[lang].get(sid, "") != "", mpath, f"## {sid}", "section for this step is missing or empty")
        extra = sorted(set(texts[lang]) - set(ids))
        _expect(not extra, mpath, f"## {extra[0]}" if extra else "", "section does not match any step id in lesson.json")
    summaries = _text(data["summary"], jpath, "summary") if "summary" in data else {}
    return Lesson(
        id=lid, order=order, titles=_text(data.get("title"), jpath, "title"), summaries=summaries,
        panels=_panels(data.get("panels"), jpath, "panels"), steps=steps, folder=folder, intros=intros,
    )


_CACHE: list[Lesson] | None = None


def lessons(refresh: bool = False) -> list[Lesson]:
    """Every lesson in ``resources/lessons``, sorted by order (cached; ``refresh`` re-reads)."""
    global _CACHE
    if _CACHE is None or refresh:
        root = resources.lessons_dir()
        found = [load_lesson(p) for p in sorted(root.iterdir()) if p.is_dir() and _FOLDER.match(p.name)]
        seen: dict = {}
        for les in found:
            _expect(les.id not in seen, les.folder / "lesson.json", "id", f"id also used by {seen.get(les.id)}")
            _expect(les.order not in {o.order for o in found if o is not les}, les.folder / "lesson.json",
                    "order", "another lesson has the same order")
            seen[les.id] = les.folder
        _CACHE = sorted(found, key=lambda les: les.order)
    return list(_CACHE)


def get(lesson_id: str) -> Lesson:
    """The lesson with ``lesson_id``; ``KeyError`` listing the known ids otherwise."""
    for les in lessons():
        if les.id == lesson_id:
            return les
    raise KeyError(f"no lesson {lesson_id!r}; known: {', '.join(x.id for x in lessons())}")
