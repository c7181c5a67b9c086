"""Format 2 (optimizer Keras-style) and the MIGRATIONS chain: format-1 files open unchanged."""

from __future__ import annotations

import copy
import json

import pytest

from nnstudio import resources
from nnstudio.engine import registry
from nnstudio.project import LayerSpec, Project, load_project, loads
from nnstudio.project.document import DEFAULT_TRAINING, setup_edits
from nnstudio.project.fileformat import FORMAT_VERSION, MIGRATIONS, dumps, migrate, project_to_dict


def _v1(training: dict) -> dict:
    return {"format_version": 1, "name": "old", "training": training,
            "layers": [{"type": "Input", "id": "i", "size": None},
                       {"type": "Dense", "id": "o", "units": 1, "activation": "sigmoid"}],
            "dataset": {"source": "builtin", "name": "xor", "params": {}}, "state": None}


def test_every_older_version_has_a_migration_step():
    assert FORMAT_VERSION == 2 and sorted(MIGRATIONS) == list(range(1, FORMAT_VERSION))


def test_a_version_1_file_opens_with_exactly_its_values():
    training = {"loss": "binary_crossentropy", "optimizer": "adam", "learning_rate": 0.05, "momentum": 0.5,
                "beta_1": 0.8, "rho": 0.7, "batch_size": 4}
    p = loads(json.dumps(_v1(training)))
    expected = copy.deepcopy(DEFAULT_TRAINING)
    expected.update(training)
    assert p.training == expected  # left-out settings keep the format-1 defaults (lr default 0.01, not 0.001)
    p2 = loads(json.dumps(_v1({"optimizer": "adam"})))
    assert p2.training == DEFAULT_TRAINING


def test_files_are_written_keras_style_and_read_back():
    p = loads(json.dumps(_v1({"optimizer": "sgd", "learning_rate": 0.3, "momentum": 0.9, "nesterov": True,
                              "beta_1": 0.5, "weight_decay": 0.01})))
    d = project_to_dict(p)
    assert d["format_version"] == 2
    opt = d["training"]["optimizer"]
    assert opt["name"] == "sgd"
    assert set(opt["config"]) == set(registry.get("optimizer", "sgd").params) | {"weight_decay"}
    assert opt["config"]["learning_rate"] == 0.3 and opt["config"]["momentum"] == 0.9
    assert not {"learning_rate", "momentum", "beta_1", "rho"} & set(d["training"])
    q = loads(dumps(p))
    for key in registry.get("optimizer", "sgd").params:
        assert q.training[key] == p.training[key]
    assert q.training["weight_decay"] == 0.01


def test_a_version_2_config_that_leaves_settings_out_gets_keras_defaults():
    d = _v1({"optimizer": {"name": "adam", "config": {"beta_1": 0.8}}})
    d["format_version"] = 2
    p = loads(json.dumps(d))
    assert p.training["learning_rate"] == registry.get("optimizer", "adam").params["learning_rate"] == 0.001
    assert p.training["beta_1"] == 0.8


def test_migrate_is_one_step_per_version():
    d = migrate(_v1({"optimizer": "rmsprop", "rho": 0.5, "momentum": 0.1}))
    assert d["format_version"] == 2
    assert d["training"]["optimizer"]["name"] == "rmsprop"
    assert d["training"]["optimizer"]["config"]["rho"] == 0.5


@pytest.mark.parametrize("path", sorted(resources.path("examples").glob("*.nnstudio")))
def test_the_shipped_version_1_examples_open_unchanged(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    p = load_project(path)
    if raw["format_version"] == 1:
        for key, value in raw["training"].items():
            assert p.training[key] == value


def test_switching_adam_to_sgd_gives_sgd_its_keras_defaults_and_undo_restores():
    p = Project.default()
    p.apply(("set_training", "learning_rate", 0.05))
    inverse = p.apply(("set_training", "optimizer", "sgd"))
    sgd = registry.get("optimizer", "sgd").params
    assert p.training["learning_rate"] == sgd["learning_rate"] == 0.01
    assert p.training["momentum"] == sgd["momentum"]
    p.apply(("set_training", "momentum", 0.9))
    p.apply_all([("set_training", "momentum", 0.0)])
    p.apply_all(inverse)
    assert p.training["optimizer"] == "adam" and p.training["learning_rate"] == 0.05


def test_a_setup_that_switches_optimizer_gets_exactly_its_values():
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.training["optimizer"] = "sgd"
    p.apply_all(setup_edits(p, {"training": {"optimizer": "adam"}}))
    assert p.training == DEFAULT_TRAINING  # learning_rate 0.01 as the set-up's defaults say, not Adam's 0.001


def test_the_layer_table_is_what_the_document_lessons_and_limits_read():
    from nnstudio.lessons.registry import LAYER_KEYS
    from nnstudio.project.document import LAYER_DEFAULTS, STRUCTURAL_KEYS, LAYER_TYPES
    from nnstudio.project.layer_kinds import LAYER_KINDS, walk
    from nnstudio.project.limits import network_params

    assert LAYER_TYPES == tuple(LAYER_KINDS) == ("Input", "Dense", "Dropout", "Activation")
    assert LAYER_DEFAULTS["Dense"]["units"] == LAYER_KINDS["Dense"].param("units").default == 8
    assert STRUCTURAL_KEYS == {"units", "use_bias", "size", "features"}
    assert set(LAYER_KEYS["Dropout"]) == {"type", "rate"} and LAYER_KEYS["Dense"]["max_norm"] is float
    layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=4), LayerSpec.make("Dropout"),
              LayerSpec.make("Dense", units=1, use_bias=False)]
    assert [(w, n) for _s, w, n in walk(layers, 3)] == [(3, 0), (4, 16), (4, 0), (1, 4)]
    assert network_params(layers, 3) == 20
