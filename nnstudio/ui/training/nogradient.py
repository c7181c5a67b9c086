"""Networks that gradient descent cannot train at all (no Qt): the controller keeps Train off for them."""

from __future__ import annotations


def output_has_no_gradient(project) -> bool:
    """True when the network's output passes through a step function: no weight gets a gradient (∂step/∂z = 0).

    A step in a hidden layer only stops the layers before it; a step at the output (the last Dense layer or
    an Activation after it) leaves every weight without a gradient, so the loss would stay flat.
    """
    dense = [i for i, spec in enumerate(project.layers) if spec.type == "Dense"]
    if not dense:
        return False
    return any(spec.params.get("activation") == "step" for spec in project.layers[dense[-1]:]
               if spec.type in ("Dense", "Activation"))
