"""The 'backprop' dock: what one training step (Step, one batch) did.

* per Dense layer the gradient norms ‖∂L/∂W‖ and ‖∂L/∂b‖ (bar graph) and the
  norms of the updates the optimizer applied (second bar graph);
* for a weight line clicked on the canvas (``state.weightSelected(layer, i, j)``)
  ∂L/∂w_ij with its chain-rule factors: for the batch mean loss
  L = (1/N) Σ_n l_n,  ∂L/∂w_ij = (1/N) Σ_n a_i[n] · δ_j[n]  with δ_j = ∂l_n/∂z_j
  (δ_j[n] is the per-sample bias gradient; a_i the previous layer's output),
  plus the regularization term if any, and the update Δw_ij.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from nnstudio.ui.plotstyle import plain_axes

MAX_ROWS = 16  # samples listed in the chain-rule table
#: smallest readable bar plot (px) and chain-rule text box height
PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT, DETAIL_MIN_HEIGHT = 180, 150, 64


def weight_slots(project) -> dict[int, tuple[int, int | None]]:
    """Project layer index of each Dense layer -> (kernel index, bias index or None) in get_weights()."""
    out, k = {}, 0
    for i, spec in enumerate(project.layers):
        if spec.type == "Dense":
            if spec.params.get("use_bias", True):
                out[i] = (k, k + 1)
                k += 2
            else:
                out[i] = (k, None)
                k += 1
    return out


def chain_rule(model, step, layer: int, i: int, j: int, slots) -> dict:
    """Per-sample factors of ∂L/∂w_ij for a captured step (model holds the weights before the step)."""
    k_idx, b_idx = slots[layer]
    x, y = step.x, step.y
    n = len(x)
    traces = model.trace(x)
    a_prev = x if layer == 1 else traces[layer - 2].a   # engine layer k = project layer k + 1
    a_i = np.asarray(a_prev[:, i], dtype=np.float64)
    per_w = np.empty(n)
    delta = np.full(n, np.nan)
    for s in range(n):
        _loss, g = model.compute_gradients(x[s:s + 1], y[s:s + 1], training=False)
        per_w[s] = g[k_idx][i, j]
        if b_idx is not None:
            delta[s] = g[b_idx][j]
    grad = float(step.grads[k_idx][i, j])
    if b_idx is not None:
        data_term = float(np.mean(a_i * delta))
    else:
        data_term = float(np.mean(per_w))
    return {"a": a_i, "delta": delta, "product": a_i * delta, "per_sample_grad": per_w, "grad": grad,
            "data_term": data_term, "reg_term": grad - data_term, "update": float(step.updates[k_idx][i, j]),
            "weight": float(step.weights_before[k_idx][i, j]) if step.weights_before else float("nan"), "n": n}


def epoch_step(project, dataset, prepared, weights, epoch: int):
    """A StepInfo for a rewound epoch: the gradients of the first mini-batch of training rows at ``weights``.

    Nothing is trained, so the updates are zeros (the panel does not draw them).
    """
    from nnstudio.project.build import build_model
    from nnstudio.ui.training.messages import StepInfo

    model = build_model(project, dataset)
    model.set_weights(weights)
    n = max(1, min(len(prepared.x_train), int(project.training.get("batch_size", 32) or 32)))
    x, y = prepared.x_train[:n], prepared.y_train[:n]
    loss, grads = model.compute_gradients(x, y, training=False)
    rows = np.arange(n)
    train_idx = getattr(prepared, "train_idx", None)
    return StepInfo(epoch=int(epoch), batch=0, iteration=0, batch_indices=rows,
                    dataset_indices=np.asarray(train_idx)[:n] if train_idx is not None else rows,
                    loss=float(loss), grads=grads, updates=[np.zeros_like(g) for g in grads],
                    weights_before=[np.array(w) for w in weights], x=x, y=y)


class BackpropPanel(QWidget):
    """Gradient and update norms per layer, and one weight's chain rule (objectName 'backpropPanel')."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backpropPanel")
        self.controller = controller
        self.state = controller.state
        self.info = QLabel(self.tr("Press Step (one batch, F10) to see the gradients of one training step."), self)
        self.info.setObjectName("backpropInfo")
        self.info.setWordWrap(True)
        self.grad_plot = self._bar_plot("gradientPlot", self.tr("gradient norm ‖∂L/∂w‖"))
        self.update_plot = self._bar_plot("updatePlot", self.tr("update norm ‖Δw‖"))
        weights_text, biases_text = self.tr("weights"), self.tr("biases")
        self.kernel_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#1f77b4", name=weights_text)
        self.bias_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#ff7f0e", name=biases_text)
        self.kernel_upd = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#1f77b4")
        self.bias_upd = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#ff7f0e")
        self.grad_plot.addItem(self.kernel_bars)
        self.grad_plot.addItem(self.bias_bars)
        leg = self.grad_plot.addLegend(offset=(-5, 5))
        leg.addItem(self.kernel_bars, weights_text)
        leg.addItem(self.bias_bars, biases_text)
        self.update_plot.addItem(self.kernel_upd)
        self.update_plot.addItem(self.bias_upd)
        self.detail = QLabel(self.tr("Click a weight line on the canvas to see ∂L/∂w as δ · a."), self)
        self.detail.setObjectName("weightDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(pg.QtCore.Qt.RichText)
        scroll = QScrollArea(self)
        scroll.setObjectName("weightDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setMinimumHeight(DETAIL_MIN_HEIGHT)
        plots = QHBoxLayout()  # side by side: a bottom dock is wide and short
        plots.addWidget(self.grad_plot, 1)
        plots.addWidget(self.update_plot, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addLayout(plots, 3)
        lay.addWidget(scroll, 1)
        self.step = None
        self.layers: list[int] = []
        self.kernel_norms = np.zeros(0)
        self.bias_norms = np.zeros(0)
        self.kernel_update_norms = np.zeros(0)
        self.bias_update_norms = np.zeros(0)
        self.selected: tuple | None = None
        self.chain: dict | None = None
        self._model = None
        controller.stepped.connect(self.show_step)
        self._real_step = False  # while a rewound epoch is shown: the last real Step (or None)
        scrubbed = getattr(controller, "scrubbed", None)
        if scrubbed is not None:
            scrubbed.connect(self.show_epoch)
        self.state.weightSelected.connect(self.select_weight)
        self.state.projectReplaced.connect(self.clear)
        self.state.documentChanged.connect(self._on_document)

    def _on_document(self, event: str, _info: dict) -> None:
        """The step shown belongs to the network it was trained on: a changed network clears it."""
        if self.step is not None and not self._fits(self.step):
            self._stale()

    def _stale(self) -> None:
        self.clear()
        self.info.setText(self.tr("The network changed since this step: press Step (one batch, F10) again."))

    def _bar_plot(self, name: str, label: str) -> pg.PlotWidget:
        w = pg.PlotWidget(self, background="w")
        plain_axes(w)
        w.setObjectName(name)
        # the name as the plot's title, not a rotated axis label: a short plot cut that to "adient norm"
        w.setTitle(html.escape(label), size="9pt")
        w.setMouseEnabled(x=False, y=False)
        w.setMinimumSize(PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT)
        return w

    def clear(self) -> None:
        self.step = None
        self.chain = None
        self._model = None
        self.layers = []
        self.kernel_norms = self.bias_norms = np.zeros(0)
        self.kernel_update_norms = self.bias_update_norms = np.zeros(0)
        for bars in (self.kernel_bars, self.bias_bars, self.kernel_upd, self.bias_upd):
            bars.setOpts(x=[], height=[])
        self.info.setText(self.tr("Press Step (one batch, F10) to see the gradients of one training step."))

    def _fits(self, step) -> bool:
        """True if ``step``'s gradients have the shapes of the document's network now."""
        slots = weight_slots(self.state.project)
        for layer, (k, b) in slots.items():
            units = self.state.project.layers[layer].params.get("units")
            if k >= len(step.grads) or np.ndim(step.grads[k]) != 2 or step.grads[k].shape[1] != units:
                return False
            if b is not None and (b >= len(step.grads) or np.shape(step.grads[b]) != (units,)):
                return False
        return sum(1 if b is None else 2 for _k, b in slots.values()) == len(step.grads)

    def show_epoch(self, epoch: int) -> None:
        """The timeline moved: the gradients at that epoch's weights (-1: back to the last real Step)."""
        if epoch is None or epoch < 0:
            self._pending_epoch = None
            if self._real_step is not False:
                real, self._real_step = self._real_step, False
                if real is not None:
                    self.show_step(real)
                else:
                    self.clear()
            return
        if not self.isVisible():
            self._pending_epoch = epoch  # computed when the panel is shown (see showEvent)
            if self._real_step is False:
                self._real_step = self.step
            return
        self._pending_epoch = None
        timeline = getattr(self.controller, "timeline", None)
        snap = timeline.get(epoch) if timeline is not None else None
        prepared = self.state.prepared_or_none() if snap is not None else None
        if prepared is None or self.state.dataset is None:
            return
        try:
            step = epoch_step(self.state.project, self.state.dataset, prepared, snap.weights, epoch)
        except Exception:
            return
        if self._real_step is False:
            self._real_step = self.step  # kept for Live
        self.show_step(step, rewound=True)

    _real_step = False  # False: no rewound epoch shown
    _pending_epoch = None  # a rewound epoch that arrived while the panel was hidden

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending_epoch is not None and getattr(self.controller, "viewing_epoch", None) is not None:
            self.show_epoch(self.controller.viewing_epoch)

    def show_step(self, step, rewound: bool = False) -> None:
        """Show a :class:`~nnstudio.ui.training.worker.StepInfo` (ignored if the network changed since)."""
        if not rewound:
            self._real_step = False  # a real Step replaces whatever the timeline showed
        if not self._fits(step):
            self._stale()
            return
        self.step = step
        self._model = None
        slots = weight_slots(self.state.project)
        self.layers = sorted(slots)
        kn, bn, ku, bu = [], [], [], []
        for layer in self.layers:
            k, b = slots[layer]
            kn.append(float(np.linalg.norm(step.grads[k])))
            ku.append(float(np.linalg.norm(step.updates[k])))
            bn.append(float(np.linalg.norm(step.grads[b])) if b is not None else 0.0)
            bu.append(float(np.linalg.norm(step.updates[b])) if b is not None else 0.0)
        self.kernel_norms, self.bias_norms = np.array(kn), np.array(bn)
        self.kernel_update_norms, self.bias_update_norms = np.array(ku), np.array(bu)
        x = np.arange(len(self.layers), dtype=np.float64)
        self.kernel_bars.setOpts(x=x - 0.2, height=self.kernel_norms)
        self.bias_bars.setOpts(x=x + 0.2, height=self.bias_norms)
        self.kernel_upd.setOpts(x=x - 0.2, height=self.kernel_update_norms)
        self.bias_upd.setOpts(x=x + 0.2, height=self.bias_update_norms)
        tick = self.tr("layer {layer}")
        ticks = [[(float(i), tick.format(layer=layer)) for i, layer in enumerate(self.layers)]]
        for plot in (self.grad_plot, self.update_plot):
            plot.getAxis("bottom").setTicks(ticks)
        if rewound:
            self.kernel_upd.setOpts(x=[], height=[])
            self.bias_upd.setOpts(x=[], height=[])
            self.info.setText(self.tr("Epoch {epoch} on the timeline: the gradients of the loss ({loss:.5g}) on the "
                                      "first {n} training samples with that epoch's weights. No update is drawn: "
                                      "nothing is trained while you look back.").format(
                epoch=step.epoch, loss=step.loss, n=len(step.batch_indices)))
        else:
            self.info.setText(self.tr("Iteration {iteration} (epoch {epoch}, batch {batch}): loss {loss:.5g} on a "
                                      "batch of {n} samples.").format(iteration=step.iteration, epoch=step.epoch + 1,
                                                                      batch=step.batch + 1, loss=step.loss,
                                                                      n=len(step.batch_indices)))
        if self.selected is not None:
            self.select_weight(*self.selected)

    def _step_model(self):
        if self._model is None and self.step is not None and self.step.weights_before:
            from nnstudio.project.build import build_model

            model = build_model(self.state.project, self.state.dataset)
            model.set_weights(self.step.weights_before)
            self._model = model
        return self._model

    def select_weight(self, layer: int, i: int, j: int) -> None:
        """Explain ∂L/∂w for the weight from neuron ``i`` of layer ``layer - 1`` to neuron ``j`` of ``layer``."""
        self.selected = (int(layer), int(i), int(j))
        slots = weight_slots(self.state.project)
        if self.step is None:
            self.detail.setText(self.tr("Weight {i} → {j} of layer {layer} selected. Press Step (one batch) to see "
                                        "its gradient.").format(i=i, j=j, layer=layer))
            return
        if layer not in slots:
            self.detail.setText(self.tr("Layer {layer} has no weights.").format(layer=layer))
            return
        try:
            model = self._step_model()
            c = chain_rule(model, self.step, layer, i, j, slots)
        except Exception as exc:  # shapes changed since the step, etc.
            self.detail.setText(html.escape(self.tr("Cannot explain this weight: {error}").format(error=exc)))
            self.chain = None
            return
        self.chain = c
        rows = "".join(
            f"<tr><td>{s}</td><td>{c['a'][s]:.5g}</td><td>{c['delta'][s]:.5g}</td><td>{c['product'][s]:.5g}</td></tr>"
            for s in range(min(c["n"], MAX_ROWS)))
        more = ("<tr><td colspan=4>" + self.tr("… {n} more samples").format(n=c["n"] - MAX_ROWS) + "</td></tr>"
                if c["n"] > MAX_ROWS else "")
        reg = ("<br>+ " + self.tr("regularization term {value:.5g}").format(value=c["reg_term"])
               if abs(c["reg_term"]) > 1e-7 * (1 + abs(c["grad"])) else "")
        sample_header = self.tr("sample")
        self.detail.setText(
            self.tr("<b>w<sub>{i}→{j}</sub> of layer {layer}</b> = {weight:.6g} (before the step)").format(
                i=i, j=j, layer=layer, weight=c["weight"]) + "<br>"
            f"∂L/∂w = (1/N) Σ<sub>n</sub> δ<sub>{j}</sub>[n] · a<sub>{i}</sub>[n] = <b>{c['data_term']:.6g}</b>"
            f" (N = {c['n']}){reg}<br>"
            + self.tr("engine gradient: <b>{grad:.6g}</b>; update applied Δw = {update:.6g}").format(
                grad=c["grad"], update=c["update"]) + "<br>"
            + self.tr("δ<sub>{j}</sub> = ∂l/∂z<sub>{j}</sub> of this layer, a<sub>{i}</sub> = output of neuron {i} "
                      "of the layer before.").format(i=i, j=j)
            + "<table border=1 cellspacing=0 cellpadding=2>"
            f"<tr><th>{sample_header}</th><th>a<sub>{i}</sub></th><th>δ<sub>{j}</sub></th><th>δ·a</th></tr>"
            f"{rows}{more}</table>")
