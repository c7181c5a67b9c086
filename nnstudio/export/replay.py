"""A training replay as pictures: the decision map at each recorded epoch (no Qt).

What ``nnstudio replay`` writes (slides, a handout): for a 2-feature dataset,
one ``size × size`` picture per epoch of the model's output over the input
plane (the studio's decision-map colours: the class colours blended by
probability over white, or blue/white/orange for regression), the data points
on top (training circles, validation squares, outlined) and an "epoch N" label;
for a 1-feature dataset the model's curve over the points (regression: the
fitted function; classification: each class's probability in its colour).
:func:`save_replay` writes them as PNGs and optionally one animated GIF.

The epochs come from a :class:`~nnstudio.session.snapshots.SnapshotStore`
(the project's saved timeline, or one recorded by training headless).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nnstudio.export.images import draw_text, gif_bytes, save_png
from nnstudio.project.colors import CLASS_COLORS, CLASS_RGB, MAP_STRENGTH, NEGATIVE_RGB, POSITIVE_RGB  # noqa: F401
from nnstudio.project.planes import PlaneEvaluator, layer_maps, line_grid, plane_extent, to_model_space

#: picture size limits (pixels per side)
MIN_SIZE, MAX_SIZE = 64, 1024


def _class_map(out: np.ndarray) -> np.ndarray:
    out = np.nan_to_num(np.asarray(out, dtype=np.float64))
    if out.shape[1] == 1:
        p = np.clip(out[:, 0], 0, 1)
        out = np.stack([1 - p, p], axis=1)
    p = np.clip(out, 0, 1)
    k = p.shape[1]
    rgb = p @ CLASS_RGB[np.arange(k) % len(CLASS_RGB)] + (1 - np.clip(p.sum(axis=1, keepdims=True), 0, 1)) * 255
    return np.clip(255 + MAP_STRENGTH * (rgb - 255), 0, 255)


def _signed(t: np.ndarray) -> np.ndarray:
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=np.float64)), -1, 1)[:, None]
    target = np.where(t >= 0, POSITIVE_RGB, NEGATIVE_RGB)
    return 255 + (target - 255) * np.abs(t)


class ReplayRenderer:
    """Draws decision-map pictures of one project (its prepared data) for any weights."""

    def __init__(self, project, prepared, size: int = 240) -> None:
        ds = prepared.dataset
        if ds is None or ds.n_features not in (1, 2):
            n = "no" if ds is None else ds.n_features
            raise ValueError(f"a replay draws the model over its input plane or line, so the dataset needs "
                             f"1 or 2 input features; this one has {n}")
        self.project, self.prepared = project, prepared
        self.size = int(min(MAX_SIZE, max(MIN_SIZE, size)))
        self.task = ds.task
        self.kind = "plane" if ds.n_features == 2 else "line"
        self.evaluator = PlaneEvaluator()
        x = np.asarray(ds.x, dtype=np.float64)
        y = np.asarray(ds.y)
        if self.kind == "line":
            self._line_setup(x, y)
            return
        self.points = self._point_pixels(x, y, prepared.train_idx, prepared.val_idx)
        if self.task == "regression":
            yy = y.reshape(len(y), -1)[:, 0].astype(np.float64)
            self._mid, self._half = float((yy.max() + yy.min()) / 2), float(max((yy.max() - yy.min()) / 2, 1e-9))

    def _point_pixels(self, x, y, train_idx, val_idx):
        x0, x1, y0, y1 = plane_extent(x)   # the box the evaluator's grid spans
        s = self.size
        px = np.rint((x[:, 0] - x0) / (x1 - x0) * (s - 1)).astype(int)
        py = np.rint((y1 - x[:, 1]) / (y1 - y0) * (s - 1)).astype(int)
        if self.task == "regression":
            colour = None
        else:
            labels = np.argmax(y, axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.reshape(-1).astype(int)
            colour = CLASS_RGB[labels % len(CLASS_RGB)]
        val = np.zeros(len(x), dtype=bool)
        val[np.asarray(val_idx, dtype=int)] = True
        keep = np.flatnonzero((px >= 0) & (px < s) & (py >= 0) & (py < s))
        if len(keep) > 3000:  # a big dataset: an even sample of its points
            keep = keep[np.linspace(0, len(keep) - 1, 3000).astype(int)]
        return [(int(px[i]), int(py[i]), None if colour is None else colour[i], bool(val[i]), i) for i in keep]

    # -- 1 feature: the model's curve over the points --------------------------------------------
    def _line_setup(self, x, y) -> None:
        from nnstudio.project.build import build_model

        s = self.size
        self.model = build_model(self.project, self.prepared.dataset)
        xs = line_grid(x, n=s)
        self._line_x = to_model_space(self.prepared, xs)
        self._x0, self._x1 = float(xs[0, 0]), float(xs[-1, 0])
        if self.task == "regression":
            t = y.reshape(len(y), -1)[:, 0].astype(np.float64)
            lo, hi = float(np.nanmin(t)), float(np.nanmax(t))
            pad = 0.15 * max(hi - lo, 1e-9)
            self._y0, self._y1 = lo - pad, hi + pad
            values = t
        else:
            self._y0, self._y1 = -0.1, 1.1
            labels = np.argmax(y, axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.reshape(-1).astype(int)
            k = max(int(labels.max(initial=0)) + 1, 2)
            values = labels / (k - 1)   # classes spread over [0, 1] (two classes: at 0 and 1)
            self._labels = labels
        px = np.rint((x[:, 0] - self._x0) / (self._x1 - self._x0) * (s - 1)).astype(int)
        py = self._row(values)
        val = np.zeros(len(x), dtype=bool)
        val[np.asarray(self.prepared.val_idx, dtype=int)] = True
        keep = np.flatnonzero((px >= 0) & (px < s) & (py >= 0) & (py < s))
        if len(keep) > 3000:
            keep = keep[np.linspace(0, len(keep) - 1, 3000).astype(int)]
        # regression: training points blue, validation points orange (circles / squares)
        self.points = [(int(px[i]), int(py[i]), (CLASS_RGB[1] if val[i] else CLASS_RGB[0]) if self.task == "regression"
                        else CLASS_RGB[self._labels[i] % len(CLASS_RGB)], bool(val[i]), i) for i in keep]

    def _row(self, v: np.ndarray) -> np.ndarray:
        v = np.nan_to_num(np.asarray(v, dtype=np.float64), nan=self._y0)
        return np.rint((self._y1 - v) / (self._y1 - self._y0) * (self.size - 1)).astype(int)

    def _curve(self, img: np.ndarray, values: np.ndarray, colour) -> None:
        """A 3-pixel polyline through one value per pixel column (clipped to the picture)."""
        s = self.size
        rows = np.clip(self._row(values), -1, s)
        for c in range(s):
            a = rows[c]
            b = rows[c + 1] if c + 1 < s else a
            lo, hi = max(0, min(a, b) - 1), min(s - 1, max(a, b) + 1)
            if lo <= hi:
                img[lo:hi + 1, max(0, c - 1):c + 2] = colour

    def _line_frame(self, weights) -> np.ndarray:
        s = self.size
        self.model.set_weights(weights)
        with np.errstate(all="ignore"):
            out = layer_maps(self.model, self._line_x)[-1]
        img = np.full((s, s, 3), 255, dtype=np.uint8)
        for v in (0.0, 1.0) if self.task != "regression" else (0.0,):
            r = int(self._row(np.array([v]))[0])
            if 0 <= r < s:
                img[r, :] = (225, 225, 225)   # a light line at 0 (and 1 for probabilities)
        self._draw_points(img)
        if self.task == "regression":
            self._curve(img, out[:, 0], (30, 30, 30))
        elif out.shape[1] == 1:
            self._curve(img, out[:, 0], CLASS_RGB[1] * 0.8)
        else:
            for k in range(out.shape[1]):
                self._curve(img, out[:, k], CLASS_RGB[k % len(CLASS_RGB)] * 0.8)
        return img

    def frame(self, weights, epoch: int | None = None) -> np.ndarray:
        """The ``(size, size, 3)`` uint8 picture for ``weights`` (labelled "epoch N" when given)."""
        s = self.size
        if self.kind == "line":
            img = self._line_frame(weights)
            if epoch is not None:
                draw_text(img, f"epoch {int(epoch)}", x=5, y=5, scale=2 if s >= 160 else 1, background=None)
            return img
        maps = self.evaluator.evaluate(self.project, self.prepared, weights, side=s)
        if maps is None:
            raise ValueError("the weights do not fit this network")
        out = maps.output
        if self.task == "regression":
            rgb = _signed((out[:, 0] - self._mid) / self._half)
        else:
            rgb = _class_map(out)
        img = np.ascontiguousarray(rgb.reshape(s, s, 3).transpose(1, 0, 2)[::-1]).astype(np.uint8)
        if epoch is not None:
            draw_text(img, f"epoch {int(epoch)}", x=5, y=5, scale=2 if s >= 160 else 1)
        self._draw_points(img)   # over the label: no point is hidden
        return img

    def _draw_points(self, img: np.ndarray) -> None:
        s = self.size
        r = 3 if s >= 200 else 2
        yy, xx = np.mgrid[-r - 1:r + 2, -r - 1:r + 2]
        disc = xx * xx + yy * yy <= r * r
        ring = (xx * xx + yy * yy <= (r + 1) * (r + 1)) & ~disc
        square = (np.abs(xx) <= r) & (np.abs(yy) <= r)
        sq_ring = (np.abs(xx) <= r + 1) & (np.abs(yy) <= r + 1) & ~square
        ys = self.prepared.dataset.y
        for px, py, colour, is_val, i in self.points:
            if colour is None:
                v = float(np.asarray(ys[i]).reshape(-1)[0])
                colour = _signed(np.array([(v - self._mid) / self._half]))[0]
            inner, outer = (square, sq_ring) if is_val else (disc, ring)
            y0, x0 = py - r - 1, px - r - 1
            ys0, xs0 = max(0, y0), max(0, x0)
            ys1, xs1 = min(s, y0 + 2 * r + 3), min(s, x0 + 2 * r + 3)
            sub = img[ys0:ys1, xs0:xs1]
            mi = inner[ys0 - y0:ys1 - y0, xs0 - x0:xs1 - x0]
            mo = outer[ys0 - y0:ys1 - y0, xs0 - x0:xs1 - x0]
            sub[mo] = (40, 40, 40)
            sub[mi] = colour


def replay_epochs(timeline, every: int = 1) -> list[int]:
    """The recorded epochs to draw: every ``every``-th after the first, and always the latest."""
    eps = timeline.epochs()
    if every <= 1 or len(eps) <= 2:
        return eps
    first = eps[0]
    picked = [e for e in eps if (e - first) % every == 0]
    if picked[-1] != eps[-1]:
        picked.append(eps[-1])
    return picked


def save_replay(renderer: ReplayRenderer, timeline, folder, *, every: int = 1, gif=None,
                delay_ms: int = 100) -> tuple[list[Path], Path | None]:
    """Write ``epoch_NNNNN.png`` per drawn epoch into ``folder`` (and the GIF at ``gif``)."""
    folder = Path(folder)
    frames = []
    written = []
    for epoch in replay_epochs(timeline, every):
        img = renderer.frame(timeline.get(epoch).weights, epoch)
        written.append(save_png(img, folder / f"epoch_{epoch:05d}.png"))
        if gif is not None:
            frames.append(img)
    gif_path = None
    if gif is not None and frames:
        gif_path = Path(gif)
        gif_path.write_bytes(gif_bytes(frames, delay_ms))
    return written, gif_path
