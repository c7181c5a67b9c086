"""The headless CLI: ``nnstudio train | export | info`` on projects made in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio import cli
from nnstudio.export import import_keras_json, load_weights
from nnstudio.project import LayerSpec, Project, load_project, save_project

ROOT = Path(__file__).resolve().parents[1]


def make_project(tmp_path: Path, name: str = "p.nnstudio", **training) -> Path:
    p = Project()
    p.name = "CLI test"
    p.dataset.update({"name": "circle"})  # default parameters: 200 samples
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=5, activation="tanh", name="hidden"),
                LayerSpec.make("Dense", units=1, activation="sigmoid")]
    p.training.update({"epochs": 3, "batch_size": 32})
    p.training.update(training)
    path = tmp_path / name
    save_project(p, path)
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == cli.EXIT_USER_ERROR
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], lines[0]


def test_info_prints_summary_dataset_and_training(tmp_path, capsys):
    code, out, _ = run(capsys, "info", make_project(tmp_path))
    assert code == 0
    assert "Dense 'hidden'" in out and "(None, 5)" in out and "Total params: 21" in out  # 2*5+5 + 5*1+1
    assert "circle - 200 samples, 2 features, binary" in out
    assert "loss binary_crossentropy" in out and "batch size 32" in out
    assert "State: not trained" in out


def test_train_saves_weights_and_history_then_continues(tmp_path, capsys):
    src = make_project(tmp_path)
    out_path = tmp_path / "trained.nnstudio"
    code, _, err = run(capsys, "train", src, "--epochs", 2, "--out", out_path)
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if "epoch" in ln and "ETA" in ln]
    assert len(lines) == 2 and "epoch 1/2" in lines[0] and "epoch 2/2" in lines[1]
    assert all("loss" in ln and "val_loss" in ln for ln in lines)
    p = load_project(out_path)
    assert p.state["epochs_trained"] == 2 and len(p.state["history"]["loss"]) == 2
    assert set(p.state["history"]) >= {"loss", "val_loss", "accuracy", "val_accuracy"}
    assert [w.shape for w in p.state["weights"]] == [(2, 5), (5,), (5, 1), (1,)]
    first_iterations = p.state["iterations"]
    assert first_iterations == 2 * 5  # 160 training rows / batch 32
    assert load_project(src).state is None  # --out leaves the source alone
    p.state["runs"] = [{"name": "earlier", "history": {"loss": [1.0]}}]
    save_project(p, out_path)
    code, _, err = run(capsys, "train", out_path, "--epochs", 1, "--quiet")
    assert code == 0 and err == ""
    q = load_project(out_path)
    assert q.state["epochs_trained"] == 3 and len(q.state["history"]["loss"]) == 3
    assert q.state["history"]["loss"][:2] == p.state["history"]["loss"]
    assert q.state["iterations"] == first_iterations + 5
    assert q.state["runs"][0]["name"] == "earlier"
    assert not all(np.array_equal(a, b) for a, b in zip(p.state["weights"], q.state["weights"]))


def test_train_stops_on_validation_errors(tmp_path, capsys):
    path = make_project(tmp_path)
    p = load_project(path)
    p.layers[-1].params["units"] = 3  # BCE needs one output unit
    save_project(p, path)
    code, _, err = run(capsys, "train", path)
    assert_one_line_error(code, err, "problem", "output unit")
    assert load_project(path).state is None


def test_train_reports_divergence_and_keeps_finite_weights(tmp_path, capsys):
    path = make_project(tmp_path, optimizer="sgd", learning_rate=1e6, loss="mean_squared_error")
    p = load_project(path)
    p.dataset["name"] = "sine"
    p.layers[1].params["activation"] = "relu"
    p.layers[-1].params["activation"] = "linear"
    save_project(p, path)
    code, _, err = run(capsys, "train", path, "--quiet")
    assert code == 1 and "diverged" in err
    st = load_project(path).state
    assert st["stop_reason"] == "diverged"
    assert all(np.isfinite(w).all() for w in st["weights"])


@pytest.mark.parametrize("argv,needles", [
    (["train", "{tmp}/missing.nnstudio"], ["no such file"]),
    (["info", "{tmp}/corrupt.nnstudio"], ["corrupt.nnstudio", "JSON"]),
    (["export", "{tmp}/corrupt.nnstudio", "--format", "keras", "-o", "{tmp}/x.py"], ["corrupt.nnstudio"]),
    (["train", "{tmp}/p.nnstudio", "--out", "{tmp}/no/such/dir/t.nnstudio"], ["does not exist"]),
    (["train", "{tmp}/p.nnstudio", "--epochs", "0"], ["--epochs"]),
    (["export", "{tmp}/p.nnstudio", "--format", "keras", "-o", "{tmp}"], ["folder"]),
    (["export", "{tmp}/p.nnstudio", "--format", "weights", "-o", "{tmp}/w.npz"], ["no trained weights"]),
    (["export", "{tmp}/p.nnstudio", "--format", "history", "-o", "{tmp}/h.csv"], ["no training history"]),
    (["info", "{tmp}"], ["folder"]),
])
def test_user_errors_are_one_line(tmp_path, capsys, argv, needles):
    make_project(tmp_path)
    (tmp_path / "corrupt.nnstudio").write_text('{"format_version": 1, "layers": [', encoding="utf-8")
    code, _, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert_one_line_error(code, err, *needles)


def test_export_every_format(tmp_path, capsys):
    path = make_project(tmp_path)
    assert run(capsys, "train", path, "--epochs", 2, "--quiet")[0] == 0
    for fmt, name in [("keras", "k.py"), ("pytorch", "t.py"), ("keras-json", "m.json"), ("weights", "w.npz"),
                      ("history", "h.csv")]:
        code, _, err = run(capsys, "export", path, "--format", fmt, "-o", tmp_path / name)
        assert code == 0, err
        assert (tmp_path / name).is_file()
    for stem in ("k", "t"):
        compile((tmp_path / f"{stem}.py").read_text(encoding="utf-8"), f"{stem}.py", "exec")
        assert (tmp_path / f"{stem}_data.csv").is_file() and (tmp_path / f"{stem}_weights.npz").is_file()
    trained = load_project(path)
    assert all(np.array_equal(a, b) for a, b in zip(load_weights(tmp_path / "w.npz"), trained.state["weights"]))
    assert all(np.array_equal(a, b) for a, b in zip(load_weights(tmp_path / "k_weights.npz"),
                                                    trained.state["weights"]))
    assert (tmp_path / "h.csv").read_text(encoding="utf-8").splitlines()[0].startswith("epoch,loss")
    q = import_keras_json((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert [s.params.get("units") for s in q.layers] == [None, 5, 1]


def test_export_refuses_an_invalid_network(tmp_path, capsys):
    path = make_project(tmp_path)
    p = load_project(path)
    p.layers.pop(0)  # no Input layer
    save_project(p, path)
    code, _, err = run(capsys, "export", path, "--format", "pytorch", "-o", tmp_path / "t.py")
    assert_one_line_error(code, err, "Input")
    assert not (tmp_path / "t.py").exists()


def test_python_m_nnstudio_subprocess(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    ok = subprocess.run([sys.executable, "-m", "nnstudio", "info", str(make_project(tmp_path))], env=env,
                        capture_output=True, text=True, check=False, timeout=120)
    assert ok.returncode == 0 and "Total params" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "nnstudio", "train", str(tmp_path / "nope.nnstudio")], env=env,
                         capture_output=True, text=True, check=False, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


HOSTILE = {
    "huge-int": lambda t: t.replace('"epochs": 3', '"epochs": ' + "9" * 5000),
    "deep-nesting": lambda t: t.replace('"params": {}', '"params": ' + "[" * 900 + "]" * 900),
    "input-size-list": lambda t: t.replace('"size": null', '"size": [2]'),
    "input-size-float": lambda t: t.replace('"size": null', '"size": 2.5'),
    "activation-null": lambda t: t.replace('"activation": "tanh"', '"activation": null'),
    "batch-null": lambda t: t.replace('"batch_size": 32', '"batch_size": null'),
    "init-null": lambda t: t.replace('"bias_initializer": "zeros"', '"bias_initializer": null', 1),
    "max-norm-object": lambda t: t.replace('"max_norm": null', '"max_norm": {"v": 1}', 1),
    "bad-dtype": lambda t: t.replace('"dtype": "float32"', '"dtype": "int8"'),
    "beta-1": lambda t: t.replace('"beta_1": 0.9', '"beta_1": 1'),
    "patience-null": lambda t: t.replace('"patience": 10', '"patience": null'),
    "csv-5": lambda t: t.replace('"csv": null', '"csv": 5'),
    "units-1e9": lambda t: t.replace('"units": 5', '"units": 1000000000'),
    "long-name": lambda t: t.replace('"name": "circle"', '"name": "' + "x" * 200_000 + '"'),
    "surrogate": lambda t: t.replace('"name": "CLI test"', '"name": "\\udc80"'),
}


@pytest.mark.parametrize("command", ["info", "train", "export"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_files_are_one_line_errors(tmp_path, capsys, command, case):
    path = make_project(tmp_path)
    text = path.read_text(encoding="utf-8")
    changed = HOSTILE[case](text)
    assert changed != text, case
    path.write_text(changed, encoding="utf-8")
    argv = {"info": ["info", path], "train": ["train", path, "--epochs", "1"],
            "export": ["export", path, "--format", "keras", "-o", tmp_path / "m.py"]}[command]
    code, out, err = run(capsys, *argv)
    assert_one_line_error(code, err, "p.nnstudio")
    assert "please report" not in err


def test_an_unexpected_failure_is_still_one_line(tmp_path, capsys, monkeypatch):
    from nnstudio import headless

    def boom(args):
        raise RuntimeError("something\nunexpected")
    monkeypatch.setattr(headless, "run", boom)
    code, _, err = run(capsys, "info", make_project(tmp_path))
    assert_one_line_error(code, err, "something unexpected", "RuntimeError")


def test_train_reports_an_exploding_loss(tmp_path, capsys):
    path = make_project(tmp_path, learning_rate=1e6, epochs=30)
    code, _, err = run(capsys, "train", path, "--quiet")
    assert code == 1 and "exploded" in err and "smaller learning rate" in err
    st = load_project(path).state
    assert st["stop_reason"] == "diverged" and st["epochs_trained"] < 30


def test_export_data_writes_the_dataset_as_csv(tmp_path, capsys):
    from nnstudio.data.csv import read_csv_file
    from nnstudio.project.build import load_dataset

    path = make_project(tmp_path)
    code, _out, err = run(capsys, "export", path, "--format", "data", "-o", tmp_path / "d.csv")
    assert code == 0 and "d.csv" in err
    ds, back = load_dataset(load_project(path)), read_csv_file(tmp_path / "d.csv")
    np.testing.assert_array_equal(back.x, ds.x)
    np.testing.assert_array_equal(back.y, ds.y)
    assert back.n_samples == ds.n_samples and back.task == ds.task
