"""`nnstudio replay`: the decision map per epoch as PNGs (and an animated GIF), from the saved
timeline or by training headless from the project's seed; user errors named, never a traceback."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

from nnstudio.cli import main
from nnstudio.export import images
from nnstudio.project import LayerSpec, Project, save_project


def _spiral(tmp_path, name="spiral.nnstudio", epochs=6, n_features=2):
    p = Project()
    p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=8, activation="tanh"),
                LayerSpec.make("Dense", units=1, activation="sigmoid" if n_features == 2 else "linear")]
    if n_features == 2:
        p.dataset.update(name="spiral", params={"n_samples": 200})
        p.training.update(loss="binary_crossentropy")
    else:
        p.dataset.update(name="sine", params={})
        p.training.update(loss="mean_squared_error")
    p.training.update(optimizer="adam", learning_rate=0.05, batch_size=16, epochs=epochs,
                      validation_split=0.2, seed=4, dtype="float64")
    return save_project(p, tmp_path / name)


def _pixels(path) -> np.ndarray:
    img = QImage(str(path)).convertToFormat(QImage.Format_RGB888)
    assert not img.isNull(), path
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return rows[:, :img.width() * 3].reshape(img.height(), img.width(), 3).copy()


def test_replay_from_the_saved_timeline_writes_one_png_per_epoch_and_a_gif(tmp_path, capsys):
    path = _spiral(tmp_path)
    assert main(["train", str(path), "--quiet", "--timeline", "always"]) == 0
    out = tmp_path / "frames"
    assert main(["replay", str(path), "--out", str(out), "--gif", str(tmp_path / "r.gif"), "--size", "160"]) == 0
    assert "saved timeline" in capsys.readouterr().err
    pngs = sorted(out.glob("epoch_*.png"))
    assert [p.name for p in pngs] == [f"epoch_{e:05d}.png" for e in range(7)]
    pics = [_pixels(p) for p in pngs]
    assert all(p.shape == (160, 160, 3) for p in pics)
    # the map changes while the network learns: every epoch's picture differs from the one before
    assert all(np.abs(a.astype(int) - b).sum() > 0 for a, b in zip(pics, pics[1:]))
    reader = QImageReader(str(tmp_path / "r.gif"))
    assert reader.imageCount() == 7 and reader.size().width() == 160
    first = reader.read().convertToFormat(QImage.Format_RGB888)
    assert not first.isNull()


def test_without_a_timeline_replay_trains_from_the_seed_and_draws_the_same_run(tmp_path):
    saved = _spiral(tmp_path, "a.nnstudio")
    assert main(["train", str(saved), "--quiet", "--timeline", "always"]) == 0
    fresh = _spiral(tmp_path, "b.nnstudio")     # never trained: no timeline
    assert main(["replay", str(saved), "--out", str(tmp_path / "a"), "--quiet", "--every", "2"]) == 0
    assert main(["replay", str(fresh), "--out", str(tmp_path / "b"), "--quiet", "--every", "2"]) == 0
    names = sorted(p.name for p in (tmp_path / "a").glob("*.png"))
    assert names == sorted(p.name for p in (tmp_path / "b").glob("*.png"))
    assert names == ["epoch_00000.png", "epoch_00002.png", "epoch_00004.png", "epoch_00006.png"]
    for n in names:   # the same seed, the same weights: the same pictures
        np.testing.assert_array_equal(_pixels(tmp_path / "a" / n), _pixels(tmp_path / "b" / n))
    # a trained project without a saved timeline replays as many epochs as it was trained
    plain = _spiral(tmp_path, "c.nnstudio", epochs=3)
    assert main(["train", str(plain), "--quiet", "--timeline", "never"]) == 0
    assert main(["replay", str(plain), "--out", str(tmp_path / "c"), "--quiet"]) == 0
    assert len(list((tmp_path / "c").glob("*.png"))) == 4


@pytest.mark.parametrize("case, words", [
    ("missing", "no such file"),
    ("many-features", "needs 1 or 2 input features; this one has 32"),
    ("size", "--size must be between 64 and 1024"),
    ("out-is-file", "is a file"),
    ("gif-folder", "does not exist"),
    ("every", "--every must be at least 1"),
])
def test_replay_names_each_user_error(tmp_path, capsys, case, words):
    path = _spiral(tmp_path)
    args = ["replay", str(path), "--out", str(tmp_path / "o")]
    if case == "missing":
        args[1] = str(tmp_path / "nope.nnstudio")
    elif case == "many-features":
        p = Project()
        p.layers = [LayerSpec.make("Input"), LayerSpec.make("Dense", units=5, activation="softmax")]
        p.dataset.update(name="keras_example", params={"n_samples": 100})
        p.training.update(loss="sparse_categorical_crossentropy", epochs=1)
        args[1] = str(save_project(p, tmp_path / "wide.nnstudio"))
    elif case == "size":
        args += ["--size", "10"]
    elif case == "out-is-file":
        (tmp_path / "f").write_text("x")
        args[3] = str(tmp_path / "f")
    elif case == "gif-folder":
        args += ["--gif", str(tmp_path / "no" / "r.gif")]
    elif case == "every":
        args += ["--every", "0"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("nnstudio replay: error:") and words in err and "Traceback" not in err


def test_the_replay_palette_is_the_studio_palette():
    from nnstudio.export import replay
    from nnstudio.ui import plotstyle

    assert replay.CLASS_COLORS == plotstyle.CLASS_COLORS and replay.MAP_STRENGTH == plotstyle.MAP_STRENGTH
    np.testing.assert_array_equal(replay.POSITIVE_RGB, plotstyle.POSITIVE_RGB)
    np.testing.assert_array_equal(replay.NEGATIVE_RGB, plotstyle.NEGATIVE_RGB)


def test_png_and_gif_writers_round_trip_through_an_independent_decoder(tmp_path):
    rng = np.random.default_rng(0)
    pal = (rng.integers(0, 32, (40, 3)) * 8 + 4).astype(np.uint8)
    frames = [pal[rng.integers(0, 40, (50, 70))] for _ in range(3)]
    images.save_png(frames[0], tmp_path / "a.png")
    np.testing.assert_array_equal(_pixels(tmp_path / "a.png"), frames[0])
    images.save_gif(frames, tmp_path / "a.gif", delay_ms=50)
    reader = QImageReader(str(tmp_path / "a.gif"))
    got = []
    while reader.canRead():
        img = reader.read()
        if img.isNull():
            break
        img = img.convertToFormat(QImage.Format_RGB888)
        rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
        got.append(rows[:, :img.width() * 3].reshape(img.height(), img.width(), 3).copy())
    assert len(got) == 3
    for a, b in zip(got, frames):   # few colours: the palette holds each exactly
        np.testing.assert_array_equal(a, b)
    # many colours: within the palette's error; long runs exercise the LZW table reset
    noise = [rng.integers(0, 256, (120, 120, 3)).astype(np.uint8)]
    images.save_gif(noise, tmp_path / "n.gif")
    img = QImageReader(str(tmp_path / "n.gif")).read().convertToFormat(QImage.Format_RGB888)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    back = rows[:, :360].reshape(120, 120, 3)
    assert np.abs(back.astype(int) - noise[0]).max() <= 40


def test_a_one_feature_dataset_replays_the_fitted_curve(tmp_path):
    path = _spiral(tmp_path, "sine.nnstudio", epochs=20, n_features=1)
    out = tmp_path / "curve"
    assert main(["replay", str(path), "--out", str(out), "--quiet", "--every", "10", "--size", "120"]) == 0
    pics = [_pixels(p) for p in sorted(out.glob("*.png"))]
    assert len(pics) == 3 and all(p.shape == (120, 120, 3) for p in pics)
    assert all(np.abs(a.astype(int) - b).sum() > 0 for a, b in zip(pics, pics[1:]))
    # the curve is the model's output: the dark pixels of the last picture follow model(x)
    from nnstudio.export.replay import ReplayRenderer
    from nnstudio.project import load_project
    from nnstudio.project.build import load_dataset, prepare_data
    from nnstudio.session import TrainingRun

    p = load_project(path)
    ds = load_dataset(p)
    run = TrainingRun(p, ds, epochs=20)
    run.fit()
    r = ReplayRenderer(p, prepare_data(p, ds), 120)
    img = r.frame(run.outcome().weights)
    col = 60
    dark = np.flatnonzero((img[:, col] == 30).all(axis=1))
    from nnstudio.project.planes import layer_maps
    run.model.set_weights(run.outcome().weights)
    y = layer_maps(run.model, r._line_x)[-1][col, 0]
    assert len(dark) and abs(int(np.median(dark)) - int(r._row(np.array([y]))[0])) <= 2
    np.testing.assert_array_equal(r.frame(run.outcome().weights, 20), pics[-1])   # the same run drawn
