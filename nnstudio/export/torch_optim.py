"""The optimizer part of the PyTorch script: Keras 3's update rules in torch.

``torch.optim`` and Keras agree on SGD (with or without (Nesterov) momentum:
Keras keeps m = μ·m − lr·g, torch v = μ·v + g, and with a constant learning
rate m = −lr·v), so the script uses ``torch.optim.SGD``. For Adam, RMSprop
and Adagrad the formulas differ where epsilon goes, so the script carries a
small optimizer class with the Keras (and nnstudio) rule:

* RMSprop: Keras divides by √(v + ε), torch by √v + ε. With ε = 1e-7,
  √ε ≈ 3e-4 is not small next to √v once gradients are small: over 20 epochs
  the loss can end several percent apart.
* Adam: Keras steps by α·m/(√v + ε) with α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); torch by
  lr·m̂/(√v̂ + ε) on the bias-corrected m̂, v̂. Written torch's way, Keras' epsilon
  is ε/√(1 − β₂ᵗ): larger early in training (≈ 32·ε at step 1 with β₂ = 0.999),
  tending to ε.
* Adagrad: Keras √(a + ε), torch √a + ε.

Gradient clipping (``clipnorm``, ``global_clipnorm``, ``clipvalue``) is a
``clip_gradients`` function called before weight decay and the step, as
Keras orders them.
"""

from __future__ import annotations

from nnstudio.export.names import literal, number
from nnstudio.export.spec import ExportSpec

BASE = '''class KerasOptimizer:
    """Base of the Keras-rule optimizers below: holds the parameters and their slots."""

    def __init__(self, params, learning_rate):
        self.params = list(params)
        self.learning_rate = learning_rate
        self.iterations = 0
        self.slots = [self.new_slots(p) for p in self.params]

    def new_slots(self, p):
        return {}

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.iterations += 1
        for p, slots in zip(self.params, self.slots):
            if p.grad is not None:
                self.update(p, p.grad, slots)
'''

CLASSES = {
    "adam": '''class KerasAdam(KerasOptimizer):
    """Adam as Keras 3 updates it (torch.optim.Adam puts epsilon on the bias-corrected terms):
    m <- m + (g - m)(1 - beta_1);  v <- v + (g^2 - v)(1 - beta_2);
    alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t);  w <- w - alpha * m / (sqrt(v) + epsilon)
    (amsgrad: v_hat <- max(v_hat, v) replaces v in the step)."""

    def __init__(self, params, learning_rate, beta_1, beta_2, epsilon, amsgrad=False):
        self.beta_1, self.beta_2, self.epsilon, self.amsgrad = beta_1, beta_2, epsilon, amsgrad
        super().__init__(params, learning_rate)

    def new_slots(self, p):
        slots = {'m': torch.zeros_like(p), 'v': torch.zeros_like(p)}
        if self.amsgrad:
            slots['v_hat'] = torch.zeros_like(p)
        return slots

    def update(self, p, g, slots):
        t = self.iterations
        alpha = self.learning_rate * math.sqrt(1 - self.beta_2 ** t) / (1 - self.beta_1 ** t)
        m, v = slots['m'], slots['v']
        m.add_((g - m) * (1 - self.beta_1))
        v.add_((g * g - v) * (1 - self.beta_2))
        if self.amsgrad:
            torch.maximum(slots['v_hat'], v, out=slots['v_hat'])
            v = slots['v_hat']
        p.sub_(m * alpha / (v.sqrt() + self.epsilon))
''',
    "rmsprop": '''class KerasRMSprop(KerasOptimizer):
    """RMSprop as Keras 3 updates it (torch.optim.RMSprop adds epsilon outside the square root):
    v <- rho*v + (1 - rho)*g^2;  step = lr*g / sqrt(v + epsilon)
    (centered: a <- rho*a + (1 - rho)*g and step = lr*g / sqrt(v + epsilon - a^2));
    momentum: m <- momentum*m + step, w <- w - m; otherwise w <- w - step."""

    def __init__(self, params, learning_rate, rho, momentum, epsilon, centered=False):
        self.rho, self.momentum, self.epsilon, self.centered = rho, momentum, epsilon, centered
        super().__init__(params, learning_rate)

    def new_slots(self, p):
        return {'v': torch.zeros_like(p), 'm': torch.zeros_like(p), 'a': torch.zeros_like(p)}

    def update(self, p, g, slots):
        v = slots['v']
        v.mul_(self.rho).add_((1 - self.rho) * g * g)
        denominator = v + self.epsilon
        if self.centered:
            a = slots['a']
            a.mul_(self.rho).add_((1 - self.rho) * g)
            denominator = denominator - a * a
        step = self.learning_rate * g / denominator.sqrt()
        if self.momentum:
            slots['m'].mul_(self.momentum).add_(step)
            step = slots['m']
        p.sub_(step)
''',
    "adagrad": '''class KerasAdagrad(KerasOptimizer):
    """Adagrad as Keras 3 updates it (torch.optim.Adagrad adds epsilon outside the square root):
    a <- a + g^2 (a starts at initial_accumulator_value);  w <- w - lr*g / sqrt(a + epsilon)."""

    def __init__(self, params, learning_rate, initial_accumulator_value, epsilon):
        self.initial_accumulator_value, self.epsilon = initial_accumulator_value, epsilon
        super().__init__(params, learning_rate)

    def new_slots(self, p):
        return {'a': torch.full_like(p, self.initial_accumulator_value)}

    def update(self, p, g, slots):
        a = slots['a']
        a.add_(g * g)
        p.sub_(self.learning_rate * g / (a + self.epsilon).sqrt())
''',
}

CLIP = {
    "clipnorm": ("Keras clipnorm: each weight's gradient g <- g * CLIP / max(|g|, CLIP).",
                 ["for p in params:",
                  "    if p.grad is not None:",
                  "        p.grad.mul_(CLIP / torch.clamp(p.grad.norm(), min=CLIP))"]),
    "global_clipnorm": ("Keras global_clipnorm: every gradient g <- g * min(1, CLIP / |all gradients|).",
                        ["grads = [p.grad for p in params if p.grad is not None]",
                         "norm = torch.sqrt(sum((g * g).sum() for g in grads))",
                         "scale = CLIP * torch.minimum(1.0 / norm, torch.tensor(1.0 / CLIP))",
                         "for g in grads:",
                         "    g.mul_(scale)"]),
    "clipvalue": ("Keras clipvalue: every gradient element clipped to [-CLIP, CLIP].",
                  ["for p in params:",
                   "    if p.grad is not None:",
                   "        p.grad.clamp_(-CLIP, CLIP)"]),
}


def clip_setting(spec: ExportSpec) -> tuple[str, float] | None:
    """('clipnorm' | 'global_clipnorm' | 'clipvalue', value) or None."""
    for key in ("clipnorm", "global_clipnorm", "clipvalue"):
        v = spec.optimizer_params.get(key)
        if v is not None:
            return key, v
    return None


def optimizer_source(spec: ExportSpec) -> list[str]:
    """Top-level source lines: the optimizer class (if torch.optim differs) and clip_gradients."""
    out: list[str] = []
    if spec.optimizer in CLASSES:
        out += [BASE, "", CLASSES[spec.optimizer], ""]
    clip = clip_setting(spec)
    if clip is not None:
        key, value = clip
        doc, lines = CLIP[key]
        out += [f"CLIP = {number(value)}  # {key}", "", "",
                "def clip_gradients(params):", f'    """{doc}"""', "    with torch.no_grad():"]
        out += [f"        {ln}" for ln in lines]
        out += ["", ""]
    return out


def make_optimizer_body(spec: ExportSpec) -> list[str]:
    """The body of the script's ``make_optimizer(params)``."""
    p = spec.optimizer_params
    lr = number(p["learning_rate"])
    if spec.optimizer == "sgd":
        args = f"lr={lr}, momentum={number(p.get('momentum', 0.0))}"
        if p.get("nesterov") and p.get("momentum"):
            args += ", nesterov=True"
        return ["# Keras SGD keeps m = momentum*m - lr*g and adds m; torch keeps v = momentum*v + g",
                "# and subtracts lr*v. With a constant learning rate m = -lr*v: the same steps.",
                f"return torch.optim.SGD(params, {args})"]
    if spec.optimizer == "adam":
        return [f"return KerasAdam(params, learning_rate={lr}, beta_1={number(p['beta_1'])}, "
                f"beta_2={number(p['beta_2'])}, epsilon={number(p['epsilon'])}, "
                f"amsgrad={literal(bool(p.get('amsgrad')))})"]
    if spec.optimizer == "rmsprop":
        return [f"return KerasRMSprop(params, learning_rate={lr}, rho={number(p['rho'])}, "
                f"momentum={number(p.get('momentum', 0.0))}, epsilon={number(p['epsilon'])}, "
                f"centered={literal(bool(p.get('centered')))})"]
    return [f"return KerasAdagrad(params, learning_rate={lr}, "
            f"initial_accumulator_value={number(p.get('initial_accumulator_value', 0.1))}, "
            f"epsilon={number(p.get('epsilon', 1e-7))})"]
