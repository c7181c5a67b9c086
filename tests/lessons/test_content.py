"""Every lesson loads, in both languages, and every set-up names real things."""

import json
import re

import pytest

from nnstudio import resources
from nnstudio.lessons import registry
from nnstudio.lessons.registry import LessonError, load_lesson, parse_sections
from nnstudio.lessons.setups import setup_problems, step_setups

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LESSONS = registry.lessons(refresh=True)
STEPS = [(les, st) for les in LESSONS for st in les.steps]


def test_eleven_lessons_in_order():
    assert [les.order for les in LESSONS] == list(range(1, 12))
    assert registry.get("perceptron").order == 1
    with pytest.raises(KeyError, match="no lesson"):
        registry.get("nope")


@pytest.mark.parametrize("les,step", STEPS, ids=[f"{les.id}/{st.id}" for les, st in STEPS])
def test_step_text_both_languages(les, step):
    en, ko = step.text("en"), step.text("ko")
    assert en.strip() and ko.strip()
    assert HANGUL.search(ko), f"{les.id}/{step.id}: Korean text has no Hangul"
    assert not HANGUL.search(en)
    assert step.title("ko") != "" and HANGUL.search(step.title("ko")) or step.title("ko") == step.title("en")
    assert step.text("fr") == en and step.text("ko_KR") == ko  # fallback and locale names
    if step.predict:
        assert 0 <= step.predict.answer < len(step.predict.choices)
        assert HANGUL.search(step.predict.explain_text("ko"))


@pytest.mark.parametrize("les,step", [(les, st) for les, st in STEPS if st.setup or st.compare],
                         ids=lambda v: getattr(v, "id", ""))
def test_setups_use_registry_names(les, step):
    for name, setup in step_setups(step):
        assert setup_problems(setup) == [], f"{les.id}/{step.id} {name}"


def test_lessons_match_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.read_text("lessons", "lesson.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for les in LESSONS:
        data = json.loads((les.folder / "lesson.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)


def test_seed_lesson_topics_are_covered():
    text = " ".join(st.text("ko") for les in LESSONS for st in les.steps)
    for term in ("퍼셉트론", "은닉층", "활성화 함수", "손실 함수", "역전파", "편미분", "과적합",
                 "가중치 초기화", "미니배치", "에포크", "반복", "드롭아웃", "조기 종료", "표현 학습",
                 "NAND", "XOR", "Xavier", "He", "sparse_categorical_crossentropy"):
        assert term in text, term
    widgets = {st.widget for les in LESSONS for st in les.steps} - {None}
    assert widgets == set(registry.WIDGETS)


def test_panels_are_known():
    for les in LESSONS:
        assert "lesson" in les.panels
        assert set(les.panels) <= set(registry.PANELS)


def _write(tmp_path, data, en="## a\n\nhello", ko="## a\n\n안녕"):
    folder = tmp_path / "01-demo"
    folder.mkdir()
    (folder / "lesson.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "en.md").write_text(en, encoding="utf-8")
    (folder / "ko.md").write_text(ko, encoding="utf-8")
    return folder


def _demo(**step):
    return {"format_version": 1, "id": "demo", "order": 1, "title": {"en": "D", "ko": "디"},
            "panels": ["lesson"], "steps": [{"id": "a", "title": {"en": "A", "ko": "에이"}, **step}]}


def test_loader_accepts_minimal_lesson(tmp_path):
    les = load_lesson(_write(tmp_path, _demo()))
    assert les.step("a").text("ko") == "안녕"


@pytest.mark.parametrize("step,key", [
    ({"widget": "slideshow"}, "steps[0].widget"),
    ({"setup": {"layers": [{"type": "Input"}, {"type": "Dense", "units": "8"}]}}, "steps[0].setup.layers[1].units"),
    ({"setup": {"layers": [{"type": "Input"}, {"type": "Conv2D"}]}}, "steps[0].setup.layers[1].type"),
    ({"setup": {"training": {"epochz": 3}}}, "steps[0].setup.training"),
    ({"predict": {"question": {"en": "q", "ko": "질문"}, "choices": [{"en": "a", "ko": "가"}, {"en": "b", "ko": "나"}],
                  "answer": 5, "explain": {"en": "e", "ko": "설명"}}}, "steps[0].predict.answer"),
    ({"check": {"kind": "magic", "success": {"en": "s", "ko": "성공"}, "failure": {"en": "f", "ko": "실패"}}},
     "steps[0].check.kind"),
])
def test_loader_names_file_and_key(tmp_path, step, key):
    with pytest.raises(LessonError) as info:
        load_lesson(_write(tmp_path, _demo(**step)))
    assert info.value.key == key
    assert info.value.file.endswith("lesson.json")
    assert key in str(info.value)


def test_loader_requires_every_section(tmp_path):
    with pytest.raises(LessonError, match="ko.md.*## a"):
        load_lesson(_write(tmp_path, _demo(), ko="## b\n\n다른 단계"))


def test_loader_rejects_bad_json_and_folder_mismatch(tmp_path):
    folder = _write(tmp_path, _demo())
    (folder / "lesson.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LessonError, match="not valid JSON"):
        load_lesson(folder)
    data = _demo()
    data["order"] = 2
    (folder / "lesson.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LessonError, match="02-demo"):
        load_lesson(folder)


def test_parse_sections_ignores_headings_in_code():
    intro, sections = parse_sections("intro\n## one\ntext\n```\n## not-a-step\n```\n## two\nmore")
    assert intro == "intro"
    assert list(sections) == ["one", "two"]
    assert "## not-a-step" in sections["one"]
