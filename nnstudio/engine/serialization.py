"""Keras-like ``summary()``, ``get_config()`` and ``from_config()`` for Sequential.

The config is plain JSON-serializable data shaped like Keras'::

    {"name": "sequential", "dtype": "float32", "seed": 0,
     "layers": [{"class_name": "InputLayer", "config": {"batch_shape": [None, 32], ...}},
                {"class_name": "Dense", "config": {"units": 64, "activation": "sigmoid", ...}}, ...]}
"""

from __future__ import annotations

from .errors import ConfigError, unknown_name
from .layers import LAYERS, Input


class SerializationMixin:
    """summary / get_config / from_config (mixed into Sequential)."""

    def summary(self, print_fn=None, line_length=72):
        """Print (or pass each line to ``print_fn``) a Keras-like table of layers and parameters.

        Returns the table as a string too.
        """
        widths = (32, 22, 14)
        lines = [f'Model: "{self.name}"', "_" * line_length,
                 f"{' Layer (type)':<{widths[0]}}{'Output Shape':<{widths[1]}}{'Param #':>{widths[2]}}",
                 "=" * line_length]
        total = trainable = 0
        for i, layer in enumerate(self.layers):
            shape = f"(None, {layer.units})" if layer.built else "(unbuilt)"
            params = layer.count_params()
            total += params
            trainable += params if layer.trainable else 0
            lines.append(f"{' ' + layer.name + ' (' + layer.kind + ')':<{widths[0]}}{shape:<{widths[1]}}{params:>{widths[2]},}")
            if i < len(self.layers) - 1:
                lines.append("")
        lines += ["=" * line_length, f"Total params: {total:,}", f"Trainable params: {trainable:,}",
                  f"Non-trainable params: {total - trainable:,}", "_" * line_length]
        text = "\n".join(lines)
        fn = print_fn or print
        for line in lines:
            fn(line)
        return text

    def get_config(self):
        """JSON-serializable, Keras-like description of the architecture (no weights)."""
        layers = []
        if self._input_dim is not None:
            layers.append({"class_name": "InputLayer",
                           "config": {"batch_shape": [None, self._input_dim], "dtype": self.dtype.name,
                                      "name": "input_layer"}})
        for layer in self.layers:
            layers.append({"class_name": layer.kind, "config": layer.get_config()})
        seed = self.seed if isinstance(self.seed, int) else None
        return {"name": self.name, "dtype": self.dtype.name, "seed": seed, "layers": layers}

    @classmethod
    def from_config(cls, config):
        """Rebuild a model from :meth:`get_config` output (weights are freshly initialized)."""
        if not isinstance(config, dict) or "layers" not in config:
            raise ConfigError(f"from_config expects a dict with a 'layers' list, received {type(config).__name__}")
        items = []
        for entry in config["layers"]:
            name = entry.get("class_name")
            cfg = entry.get("config", {})
            if name == "InputLayer":
                items.append(Input(shape=(cfg["batch_shape"][-1],)))
                continue
            if name not in LAYERS or name == "Input":
                raise unknown_name("layer type", name, [k for k in LAYERS if k != "Input"])
            items.append(LAYERS[name][0].from_config(cfg))
        return cls(items, name=config.get("name"), seed=config.get("seed"), dtype=config.get("dtype"))
