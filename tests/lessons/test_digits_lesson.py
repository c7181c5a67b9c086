"""Lesson 11 (handwritten digits): its claims, trained headlessly with the lesson's fixed seed."""

import time

import numpy as np

from nnstudio.lessons import checks, registry, runner
from nnstudio.project.build import load_dataset, prepare_data

LESSON = registry.get("handwritten-digits")


def _trained(step_id="train"):
    step = LESSON.step(step_id)
    t0 = time.perf_counter()
    result = runner.run_setup(step.setup)
    return step, result, time.perf_counter() - t0


def test_lesson_network_reaches_95_percent_validation_accuracy_in_time():
    step, result, seconds = _trained()
    layers = step.setup["layers"]
    assert [ly["type"] for ly in layers] == ["Input", "Dense", "Dense"]
    assert layers[1]["activation"] == "relu" and layers[2] == {"type": "Dense", "units": 10,
                                                              "activation": "softmax"}
    assert step.setup["training"]["loss"] == "sparse_categorical_crossentropy"
    assert result.model.input_dim == 64
    ok, msg = checks.evaluate(step.check, result)
    assert ok, msg
    assert result.history["val_accuracy"][-1] >= 0.95
    assert seconds < 30.0, f"training took {seconds:.1f} s"


def test_the_predicted_confusions_hold_for_the_lesson_seed():
    step, result, _ = _trained()
    question = LESSON.step("confusions").predict
    assert question.choices[question.answer]["en"] == "8"
    project = runner.project_for(step.setup)
    prepared = prepare_data(project, load_dataset(project))
    pred = np.argmax(result.model.predict(prepared.x_val), axis=1)
    m = np.zeros((10, 10), np.int64)
    np.add.at(m, (prepared.y_val, pred), 1)
    wrong = m.sum(axis=1) - np.diag(m)
    assert wrong[8] == wrong.max() > 0      # 8 is the digit missed most often
    assert wrong[0] == 0                   # and a 0 is never missed


def test_model_step_parameter_count_is_the_answer():
    step = LESSON.step("model")
    model = runner.run_setup(step.setup, epochs=1).model
    assert model.count_params() == 2410
    assert "2,410" in step.predict.choices[step.predict.answer]["en"]
    pixels = LESSON.step("pixels").predict
    assert pixels.choices[pixels.answer]["en"] == "64"
