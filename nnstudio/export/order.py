"""nnstudio's batch order in the exported scripts (the ``nnstudio_order`` export option).

nnstudio shuffles with one numpy generator, ``np.random.default_rng(seed)``:
it first draws the initial weights from it, then, at the start of every
epoch, ``permutation(n_train)`` gives the order of the training rows, and
every Dropout layer draws its mask from it batch after batch
(``random((batch, width)) >= rate``). With the option on (the default) the
scripts ship that generator's state as it stands after the weights were drawn
(``ExportSpec.generator_state``) and make the very same calls, so they feed
the batches in nnstudio's order:

* the PyTorch script draws the permutations and its dropout masks from it
  (an ``NnstudioDropout`` module), so even with dropout it trains like
  nnstudio;
* the Keras script feeds ``fit`` a ``keras.utils.PyDataset`` that draws the
  permutations (and, to stay in step, the numbers nnstudio's masks use), but
  Keras' ``Dropout`` layers draw their masks from Keras' own generator: with
  dropout on, the curves agree in distribution only.

With the option off, or when the project's seed is random, the scripts
shuffle the way their framework does (Keras ``shuffle=True``,
``torch.randperm``).
"""

from __future__ import annotations

from nnstudio.export.names import literal
from nnstudio.export.spec import ExportSpec


def uses_nnstudio_order(spec: ExportSpec, requested: bool) -> bool:
    """True when the script can and should reproduce nnstudio's batch order."""
    return bool(requested) and spec.generator_state is not None


def order_note(spec: ExportSpec, requested: bool) -> list[str]:
    """Comment lines saying whose batch order the script uses (nothing when it is nnstudio's)."""
    if uses_nnstudio_order(spec, requested):
        return []
    if requested:
        return ["# The project's random seed is not fixed, so nnstudio's batch order cannot be reproduced:",
                "# the batches are shuffled the framework's way. Set a seed in nnstudio and export again."]
    return ["# Exported with the framework's own shuffling (not nnstudio's batch order): the loss curve",
            "# follows nnstudio's in distribution only."]


def dropout_widths(spec: ExportSpec) -> list[int]:
    """Width of each Dropout layer that draws a mask in training (rate > 0), in order."""
    return [la.size for la in spec.layers if la.type == "Dropout" and la.rate > 0]


def generator_source(spec: ExportSpec) -> str:
    """``GENERATOR_STATE`` and ``nnstudio_generator()`` for a script."""
    return (
        "# nnstudio's random generator, np.random.default_rng(SEED), as it stands after it drew the\n"
        "# initial weights. nnstudio takes each epoch's batch order from it (permutation(n)) and,\n"
        "# batch after batch, the dropout masks (random((batch, width)) >= rate).\n"
        f"GENERATOR_STATE = {literal(spec.generator_state)}\n"
        f"FLOATX = {literal(spec.dtype)}  # the dtype nnstudio draws the dropout numbers in\n"
        "\n\n"
        "def nnstudio_generator():\n"
        '    """A numpy generator in the state nnstudio\'s was in when training started."""\n'
        "    rng = np.random.default_rng(SEED)\n"
        "    rng.bit_generator.state = GENERATOR_STATE\n"
        "    return rng\n"
    )


TORCH_DROPOUT = '''class NnstudioDropout(nn.Module):
    """Inverted dropout with nnstudio's masks: in training, keep = random((batch, width)) >= rate
    drawn from nnstudio's generator (set by train()), survivors scaled by 1/(1 - rate)."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate
        self.rng = None

    def forward(self, x):
        if not self.training or self.rng is None:
            return x
        keep = self.rng.random(tuple(x.shape), dtype=FLOATX) >= self.rate
        mask = torch.from_numpy(keep.astype(FLOATX)) * (1.0 / (1.0 - self.rate))
        return x * mask
'''


def keras_dataset_source(spec: ExportSpec) -> str:
    """A ``keras.utils.PyDataset`` with the training batches in nnstudio's order, and the
    callback that draws each epoch's order (Keras also reads the dataset once to build
    the model, outside any epoch, so the dataset's own epoch hooks cannot be used)."""
    widths = dropout_widths(spec)
    lines = [
        "class NnstudioBatches(keras.utils.PyDataset):",
        '    """The training rows in nnstudio\'s batch order (fit it with shuffle=False)."""',
        "",
        "    def __init__(self, x, y, rng):",
        "        super().__init__()",
        "        self.x, self.y, self.rng = x, y, rng",
        "        self.order = np.arange(len(x))",
        "",
        "    def __len__(self):",
        "        return -(-len(self.x) // BATCH_SIZE)",
        "",
        "    def draw_order(self):",
        '        """Draw the next epoch\'s row order from nnstudio\'s generator, as nnstudio does."""',
        "        self.order = self.rng.permutation(len(self.x))",
    ]
    if widths:
        lines += [
            "        # nnstudio's Dropout layers then draw one number per unit and row from the same",
            "        # generator; draw them too to stay in step (Keras' Dropout uses its own masks).",
            f"        for width in {literal(widths)}:",
            "            self.rng.random((len(self.x), width), dtype=FLOATX)",
        ]
    lines += [
        "",
        "    def __getitem__(self, index):",
        "        rows = self.order[index * BATCH_SIZE:(index + 1) * BATCH_SIZE]",
        "        return self.x[rows], self.y[rows]",
        "",
        "",
        "class NnstudioOrder(keras.callbacks.Callback):",
        '    """At the start of every epoch, the next batch order (see NnstudioBatches)."""',
        "",
        "    def __init__(self, batches):",
        "        super().__init__()",
        "        self.batches = batches",
        "",
        "    def on_epoch_begin(self, epoch, logs=None):",
        "        self.batches.draw_order()",
    ]
    return "\n".join(lines) + "\n"
