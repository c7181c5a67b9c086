"""Weights saved by Keras itself (``.weights.h5``, ``.keras``) get a message saying what to do."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.export import ExportError, load_weights

HAVE_KERAS_H5 = all(importlib.util.find_spec(m) is not None for m in ("torch", "keras", "h5py"))


def _check_message(path):
    with pytest.raises(ExportError) as info:
        load_weights(path)
    text = str(info.value)
    assert path.name in text and "Keras" in text
    assert "np.savez" in text and "model.get_weights()" in text  # what to do instead
    assert "allow_pickle" not in text


def test_an_hdf5_file_is_named_with_what_to_do(tmp_path):
    h5 = tmp_path / "model.weights.h5"
    h5.write_bytes(b"\x89HDF\r\n\x1a\n" + b"\0" * 100)
    _check_message(h5)
    renamed = tmp_path / "model.npz"  # the signature is recognised whatever the name
    renamed.write_bytes(h5.read_bytes())
    _check_message(renamed)
    archive = tmp_path / "model.keras"
    with open(archive, "wb") as f:
        np.savez(f, w0=np.zeros(2))  # a zip, like a real .keras archive
    _check_message(archive)


@pytest.mark.interop
@pytest.mark.skipif(not HAVE_KERAS_H5, reason="keras 3, torch and h5py are not installed")
def test_a_real_keras_weights_file(tmp_path):
    code = ("import keras\n"
            "m = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])\n"
            "m.save_weights('real.weights.h5')\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=dict(os.environ, KERAS_BACKEND="torch"),
                         capture_output=True, text=True, check=False, timeout=180)
    assert res.returncode == 0, res.stderr[-2000:]
    _check_message(tmp_path / "real.weights.h5")
