"""The Korean translation is complete, keeps its placeholders, and reaches the UI.

The extraction test runs ``pyside6-lupdate`` (skipped when it is missing) the
same way ``python scripts/translations.py update`` does, so a new UI string
without a Korean translation fails here with the list of what is missing.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
TS = ROOT / "resources" / "translations" / "nnstudio_ko.ts"
QM = TS.with_suffix(".qm")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _script(name: str):
    """Import ``scripts/<name>.py`` (the scripts folder is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools():
    return _script("translations")


def test_catalog_is_up_to_date():
    catalog = _script("make_i18n_catalog")
    current = catalog.CATALOG.read_text(encoding="utf-8")
    assert current == catalog.render(), "run: python scripts/make_i18n_catalog.py"


def test_catalog_covers_validator_registry_and_datasets():
    catalog = _script("make_i18n_catalog")
    entries = set(catalog.collect())
    from nnstudio import data
    from nnstudio.engine import registry
    from nnstudio.project.validate import Fix, Problem  # noqa: F401 - the names the parser looks for

    assert ("Problems", "Layer {i} needs at least 1 unit.") in entries
    assert ("Problems", "Use {k} output units") in entries
    assert ("Registry", registry.get("activation", "relu").summary) in entries
    gen = data.get_generator("xor")
    assert {("DataDock", gen.title), ("DataDock", gen.description),
            ("DataDock", gen.params[0].label), ("DataDock", gen.params[0].help)} <= entries
    # implicit string concatenation is one template
    assert any(ctx == "Problems" and text.startswith("The network has no Input layer. Every network")
               for ctx, text in entries)


def test_every_ui_string_has_a_finished_korean_translation(tools, tmp_path):
    if tools.find_tool("lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    warnings = tools.extract(fresh)
    assert not warnings, "strings lupdate cannot place in a context:\n" + "\n".join(warnings)
    found = tools.read_messages(fresh)
    assert len(found) > 100
    have = tools.read_messages(TS)
    missing = [f"[{ctx}] {src!r}" for (ctx, src, comment) in sorted(found)
               if (ctx, src, comment) not in have
               or not tools._finished(have[(ctx, src, comment)].find("translation"))]
    assert not missing, (f"{len(missing)} UI string(s) without a finished Korean translation "
                         "(python scripts/translations.py update, translate, compile):\n" + "\n".join(missing))


def test_translations_keep_their_placeholders(tools):
    assert TS.exists()
    bad = tools.bad_placeholders(TS)
    assert not bad, "\n".join(f"[{ctx}] {src!r}: {why}" for ctx, src, why in bad)
    assert not tools.unfinished(TS)


def test_qm_is_compiled_from_the_current_ts(tools):
    assert QM.exists(), "run: python scripts/translations.py compile"
    assert tools.qm_up_to_date(TS), "run: python scripts/translations.py compile"


@pytest.mark.parametrize("source, translation, ok", [
    ("Layer {i} needs {n:.2f}", "{i}번 층 {n:.2f}", True),
    ("Layer {i} needs {n:.2f}", "{i}번 층 {n}", False),
    ("Use {k} output units", "출력 유닛 사용", False),
    ("%1 of %2 (%n)", "%2 중 %1 (%n)", True),
    ("%1 of %2", "%1", False),
    ("&File", "파일(&F)", True),
    ("&File", "파일", False),
    ("Save &As…", "다른 이름으로 저장(&A)…", True),
    ("Ctrl+S", "Ctrl+S", True),
    ("Ctrl+S", "컨트롤+S", False),
    ("<b>Layer {i}</b>", "<b>{i}번 층</b>", True),
    ("<b>Layer {i}</b>", "{i}번 층", False),
    ("<opened project>", "<열린 프로젝트>", True),
    ("Tom &amp; Jerry", "톰과 제리", True),
])
def test_placeholder_check(tools, source, translation, ok):
    assert (tools.placeholder_problems(source, translation) == []) is ok


def test_qm_loads_and_translates_a_problem_template():
    from PySide6.QtCore import QTranslator

    assert QM.exists(), "run: python scripts/translations.py compile"
    translator = QTranslator()
    assert translator.load(str(QM))
    text = translator.translate("Problems", "Layer {i} needs at least 1 unit.")
    assert HANGUL.search(text) and "{i}" in text
    assert HANGUL.search(translator.translate("Registry", "Every weight starts at 1."))
    assert HANGUL.search(translator.translate("DataDock", "XOR gate"))
    assert HANGUL.search(translator.translate("MainWindow", "&File"))


@pytest.fixture
def korean(qapp):
    from PySide6.QtCore import QLocale

    from nnstudio.ui import i18n

    locale = QLocale()
    installed = i18n.install_translators(qapp, "ko")
    try:
        yield installed
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)


def test_tr_problem_gives_korean_with_numbers(korean, qtbot):
    from nnstudio.project import Project, validate
    from nnstudio.ui.i18n import tr_fix, tr_problem
    from nnstudio.ui.problems import ProblemRow

    assert korean and any(t.filePath().endswith("nnstudio_ko.qm") for t in korean)
    dataset = SimpleNamespace(n_features=2, n_samples=120, task="multiclass", n_classes=5, n_outputs=5)
    problems = {p.code: p for p in validate(Project.default(), dataset)}
    problem = problems["sigmoid_multiclass"]
    assert "5" in problem.message
    text = tr_problem(problem)
    assert HANGUL.search(text) and "5" in text and "{k}" not in text
    label = tr_fix(problem.fix)
    assert HANGUL.search(label) and "5" in label
    row = ProblemRow(problem, lambda p: None)
    qtbot.addWidget(row)
    assert row.label.text() == text
    assert row.fix_button.toolTip() == label


def test_helpers_fall_back_to_english_without_a_translator(qapp):
    from nnstudio.project import Project, validate
    from nnstudio.ui.i18n import remove_translators, tr_dataset, tr_problem, tr_registry

    remove_translators(qapp)
    problem = validate(Project.default(), SimpleNamespace(
        n_features=2, n_samples=120, task="multiclass", n_classes=4, n_outputs=4))[0]
    assert tr_problem(problem) == problem.message
    assert tr_registry("Every weight starts at 1.") == "Every weight starts at 1."
    assert tr_dataset("XOR gate") == "XOR gate"


def test_current_language_follows_the_setting(qapp, tmp_path):
    from nnstudio.ui import settings
    from nnstudio.ui.i18n import current_language

    settings.use_settings_folder(tmp_path)
    settings.set_language("ko")
    assert current_language() == "ko"
    settings.set_language("en")
    assert current_language() == "en"
    settings.set_language("system")
    assert current_language() in ("en", "ko")


def test_catalog_holds_every_lesson_check_message():
    from nnstudio.lessons.checks import MESSAGES

    entries = set(_script("make_i18n_catalog").collect())
    assert {("Checks", t) for t in MESSAGES.values()} <= entries


def test_a_lesson_check_reads_in_korean_with_its_numbers(korean, qtbot):
    """Lesson 8's check result, shown in the lesson panel of a Korean studio, is Korean, numbers kept."""
    from nnstudio.lessons import checks
    from nnstudio.ui.i18n import tr_check

    history = {"loss": [1.0 - 0.01 * i for i in range(40)],
               "val_loss": [1.0 - 0.02 * i for i in range(20)] + [0.62 + 0.02 * i for i in range(20)]}
    passed, message = checks.evaluate({"kind": "val_loss_rises", "params": {}}, history)
    assert passed and message.startswith("validation loss rose after epoch 20")   # the English text
    text = tr_check(message)
    assert HANGUL.search(text) and "20" in text and "0.6200" in text and "{" not in text
    assert tr_check("a plain message") == "a plain message"
