"""The UCI handwritten digits (8×8 images, 10 classes) and the pad → 8×8 reduction.

The file ``resources/datasets/digits.csv.gz`` is the test part of the UCI
"Optical Recognition of Handwritten Digits" set (E. Alpaydin, C. Kaynak,
1998; CC BY 4.0), as shipped by scikit-learn: 1,797 rows of 64 pixel values
0..16 followed by the digit.  Each 8×8 image was made from a 32×32 black and
white bitmap by counting the ink pixels in each 4×4 block (0..16).
:func:`reduce_pad` does the same to a drawing, so what the learner draws
looks to the network like the images it learned from.

No Qt here.
"""

from __future__ import annotations

import gzip
import hashlib
from functools import lru_cache

import numpy as np

from .dataset import Dataset

#: the shipped file and its SHA-256 (checked by the tests)
FILENAME = "digits.csv.gz"
SHA256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"
#: the picture: 8 rows of 8 pixels, values 0..16
SIDE = 8
MAX_VALUE = 16
#: pixels of the original bitmap per image pixel along one side (32 / 8)
BLOCK = 4
CLASS_NAMES = [str(d) for d in range(10)]
FEATURE_NAMES = [f"r{r}c{c}" for r in range(SIDE) for c in range(SIDE)]
SOURCE = "UCI handwritten digits, 8×8 (Alpaydin & Kaynak, 1998)"


@lru_cache(maxsize=1)
def _load_arrays() -> tuple[np.ndarray, np.ndarray]:
    from nnstudio import resources

    raw = resources.dataset_path(FILENAME).read_bytes()
    text = gzip.decompress(raw).decode("ascii")
    table = np.array([line.split(",") for line in text.split()], dtype=np.int64)
    if table.shape != (1797, SIDE * SIDE + 1):
        raise ValueError(f"{FILENAME}: expected 1797 rows of 65 numbers, got {table.shape}")
    x, y = table[:, :-1].astype(np.float64), table[:, -1]
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y


def file_sha256() -> str:
    """SHA-256 of the shipped file (hex)."""
    from nnstudio import resources

    return hashlib.sha256(resources.dataset_path(FILENAME).read_bytes()).hexdigest()


def digits() -> Dataset:
    """The 1,797 handwritten digits: 64 pixels (0..16, row by row) and the digit 0..9."""
    x, y = _load_arrays()
    return Dataset(x.copy(), y.copy(), list(FEATURE_NAMES), ["digit"], "multiclass",
                   list(CLASS_NAMES), SOURCE, image_shape=(SIDE, SIDE))


def reduce_pad(pad: np.ndarray, side: int = SIDE) -> np.ndarray:
    """A drawn pad ``(side*b, side*b)`` of ink 0..1 → ``side × side`` values 0..b².

    The UCI way: split the bitmap into ``b × b`` blocks and count the inked
    pixels in each (a pixel counts as ink when its value is at least 0.5), so
    a 32×32 pad gives 8×8 values 0..16.  Returns float64.
    """
    pad = np.asarray(pad)
    if pad.ndim != 2 or pad.shape[0] != pad.shape[1] or pad.shape[0] % side:
        raise ValueError(f"the pad must be square with a side divisible by {side}, "
                         f"got {pad.shape}")
    b = pad.shape[0] // side
    ink = (pad >= 0.5).astype(np.int64)
    return ink.reshape(side, b, side, b).sum(axis=(1, 3)).astype(np.float64)


def fit_to_box(pad: np.ndarray) -> np.ndarray:
    """The drawing's ink, cropped to its bounding box and scaled (nearest pixel,
    aspect ratio kept) so its longer side fills the pad, centred.

    NIST's preprocessing normalised every digit to its 32×32 box this way
    before the 4×4 counting; a small digit drawn in a corner then looks like
    the training images.  An empty pad is returned unchanged (as a copy).
    """
    pad = np.asarray(pad, dtype=np.float64)
    ink = pad >= 0.5
    if not ink.any():
        return pad.copy()
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    r0, r1, c0, c1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    crop = pad[r0:r1, c0:c1]
    size = pad.shape[0]
    h, w = crop.shape
    scale = size / max(h, w)
    nh, nw = max(1, min(size, int(round(h * scale)))), max(1, min(size, int(round(w * scale))))
    ri = np.minimum((np.arange(nh) / scale).astype(np.int64), h - 1)
    ci = np.minimum((np.arange(nw) / scale).astype(np.int64), w - 1)
    out = np.zeros_like(pad)
    top, left = (size - nh) // 2, (size - nw) // 2
    out[top:top + nh, left:left + nw] = crop[np.ix_(ri, ci)]
    return out
