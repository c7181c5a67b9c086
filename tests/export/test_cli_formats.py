"""``nnstudio export --format torch`` is the same as ``--format pytorch``."""

from __future__ import annotations

from export_helpers import build_project

from nnstudio import cli
from nnstudio.project import save_project


def test_format_torch_is_an_alias_of_pytorch(tmp_path, capsys):
    path = tmp_path / "p.nnstudio"
    save_project(build_project("binary"), path)
    for fmt, name in [("torch", "a.py"), ("pytorch", "b.py")]:
        assert cli.main(["export", str(path), "--format", fmt, "-o", str(tmp_path / name)]) == 0, capsys.readouterr()
    a = (tmp_path / "a.py").read_text(encoding="utf-8")
    b = (tmp_path / "b.py").read_text(encoding="utf-8")
    assert "import torch" in a
    assert a.replace("'a_", "'X_") == b.replace("'b_", "'X_")


def test_batch_order_option(tmp_path, capsys):
    path = tmp_path / "p.nnstudio"
    save_project(build_project("binary"), path)
    for order, name in [("nnstudio", "a.py"), ("framework", "b.py")]:
        argv = ["export", str(path), "--format", "torch", "--batch-order", order, "-o", str(tmp_path / name)]
        assert cli.main(argv) == 0, capsys.readouterr()
    assert cli.main(["export", str(path), "--format", "keras", "-o", str(tmp_path / "c.py")]) == 0
    a, b, c = ((tmp_path / n).read_text(encoding="utf-8") for n in ("a.py", "b.py", "c.py"))
    assert "rng.permutation(n)" in a and "torch.randperm" not in a
    assert "torch.randperm" in b and "nnstudio_generator" not in b
    assert "NnstudioBatches(" in c  # the default


def test_scripts_say_when_the_batch_order_is_not_nnstudios():
    from nnstudio.export import keras_script, torch_script

    p = build_project("binary")
    for make in (keras_script, torch_script):
        assert "framework's own shuffling" in make(p, nnstudio_order=False)
        assert "random seed is not fixed" not in make(p)
    p.training["seed"] = None
    for make in (keras_script, torch_script):
        src = make(p)
        assert "random seed is not fixed" in src and "GENERATOR_STATE" not in src
