"""A PyTorch twin with the same weights and batch order gives the same loss (float64)."""

import numpy as np
import pytest

from nnstudio.engine import SGD, Adam, Dense, Sequential

from engine_helpers import lesson_data

pytestmark = pytest.mark.interop


def _twin_epoch(weights, X, y, batch_size, opt, lr):
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    params = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in weights]
    Xt, yt = torch.tensor(X, dtype=torch.float64), torch.tensor(y, dtype=torch.int64)
    state = [(torch.zeros_like(p), torch.zeros_like(p)) for p in params]
    total, step = 0.0, 0
    for s in range(0, len(X), batch_size):
        xb, yb = Xt[s:s + batch_size], yt[s:s + batch_size]
        W1, b1, W2, b2, W3, b3 = params
        h = torch.sigmoid(xb @ W1 + b1)
        h = torch.sigmoid(h @ W2 + b2)
        p = torch.softmax(h @ W3 + b3, dim=1)
        # Keras' sparse categorical cross-entropy: clip probabilities to [1e-7, 1 - 1e-7]
        py = p.gather(1, yb[:, None]).clamp(1e-7, 1 - 1e-7)
        loss = -torch.log(py).mean()
        for q in params:
            q.grad = None
        loss.backward()
        step += 1
        with torch.no_grad():
            for q, (m, v) in zip(params, state):
                g = q.grad
                if opt == "sgd":
                    q -= lr * g
                else:  # Keras 3 Adam
                    m += (g - m) * (1 - 0.9)
                    v += (g * g - v) * (1 - 0.999)
                    alpha = lr * np.sqrt(1 - 0.999 ** step) / (1 - 0.9 ** step)
                    q -= (m * alpha) / (torch.sqrt(v) + 1e-7)
        total += loss.item() * len(xb)
    return total / len(X), [q.detach().numpy() for q in params]


@pytest.mark.parametrize("opt,lr", [("sgd", 0.5), ("adam", 0.01)])
def test_torch_twin_same_loss_after_an_epoch(opt, lr):
    pytest.importorskip("torch")
    X, y = lesson_data(n=300, d=8, k=4, seed=3)
    X = X.astype(np.float64)
    model = Sequential([Dense(16, activation="sigmoid", input_dim=8), Dense(12, activation="sigmoid"),
                        Dense(4, activation="softmax")], seed=5, dtype="float64")
    w0 = model.get_weights()
    model.compile(SGD(lr) if opt == "sgd" else Adam(lr), "sparse_categorical_crossentropy")
    ours = model.fit(X, y, batch_size=32, epochs=2, shuffle=False, verbose=0).history["loss"]
    theirs1, w1 = _twin_epoch(w0, X, y, 32, opt, lr)
    assert abs(ours[0] - theirs1) <= 1e-10
    if opt == "sgd":
        theirs2, w2 = _twin_epoch(w1, X, y, 32, opt, lr)
        assert abs(ours[1] - theirs2) <= 1e-10
        for a, b in zip(model.get_weights(), w2):
            assert np.allclose(a, b, rtol=0, atol=1e-10)
