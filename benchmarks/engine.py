"""Engine throughput benchmark: ``python benchmarks/engine.py``.

Prints samples/s and steps/s of ``nnstudio.engine`` training loops next to
references measured in the same run:

* floor   - the same forward + backward matmuls alone (same shapes, preallocated);
* torch   - a PyTorch CPU twin (same net, same loop, one thread) when torch imports;
* fit+cb  - ``fit`` with a no-op batch callback attached (forces per-batch logs).

Nets: the lesson's 32-64-256-5 (sigmoid, sigmoid, softmax, sparse CCE, SGD 0.01)
on 10,000 samples at batch 32 and 256, and the 2-4-1 XOR net (tanh, sigmoid,
BCE, SGD) at batch 4, all float32.  Targets: lesson net at batch 32 >= 40 % of
the floor and >= 3x torch; XOR at batch 4 >= 5x torch.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one BLAS thread: faster for small nets
os.environ.setdefault("OMP_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nnstudio.engine import SGD, Callback, Dense, Sequential  # noqa: E402

REPEATS = 3


def best_time(fn):
    """Best wall time of ``REPEATS`` calls (ratios in one run are what count)."""
    best = float("inf")
    for _ in range(REPEATS):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


class NoOp(Callback):
    """Overrides the batch hook so fit builds per-batch logs."""

    def on_train_batch_end(self, batch, logs=None):
        pass


def nn_fit(model, X, y, batch, epochs, callbacks=None):
    model.fit(X, y, batch_size=batch, epochs=epochs, verbose=0, callbacks=callbacks)


def floor_loop(sizes, X, batch, epochs):
    """Forward + backward matmuls only, preallocated (skipping dX of the first layer)."""
    rng = np.random.default_rng(0)
    Ws = [rng.normal(size=(a, b)).astype(np.float32) * 0.1 for a, b in zip(sizes[:-1], sizes[1:])]
    dWs = [np.empty_like(w) for w in Ws]
    n = len(X)

    def bufs(nb):
        acts = [np.empty((nb, s), np.float32) for s in sizes[1:]]
        return acts, [np.empty_like(a) for a in acts]

    cache = {}

    def run():
        for _ in range(epochs):
            for s in range(0, n, batch):
                xb = X[s:s + batch]
                nb = len(xb)
                if nb not in cache:
                    cache[nb] = bufs(nb)
                acts, ds = cache[nb]
                a = xb
                for w, out in zip(Ws, acts):
                    np.dot(a, w, out=out)
                    a = out
                d = acts[-1]
                for i in range(len(Ws) - 1, -1, -1):
                    prev = acts[i - 1] if i else xb
                    np.dot(prev.T, d, out=dWs[i])
                    if i:
                        np.dot(d, Ws[i].T, out=ds[i - 1])
                        d = ds[i - 1]
    return run


def torch_twin(sizes, acts, X, y, batch, epochs, lr, binary=False):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    torch.manual_seed(0)
    mods = []
    for (a, b), act in zip(zip(sizes[:-1], sizes[1:]), acts):
        mods.append(torch.nn.Linear(a, b))
        if act == "sigmoid":
            mods.append(torch.nn.Sigmoid())
        elif act == "tanh":
            mods.append(torch.nn.Tanh())
    net = torch.nn.Sequential(*mods)
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    Xt = torch.tensor(X)
    yt = torch.tensor(y, dtype=torch.float32).reshape(-1, 1) if binary else torch.tensor(y, dtype=torch.int64)
    lossf = torch.nn.BCELoss() if binary else torch.nn.CrossEntropyLoss()  # softmax folded into CE
    n = len(X)

    def run():
        for _ in range(epochs):
            perm = torch.randperm(n)
            xs, ys = Xt[perm], yt[perm]
            total = 0.0
            for s in range(0, n, batch):
                xb, yb = xs[s:s + batch], ys[s:s + batch]
                out = net(xb)
                loss = lossf(out, yb)
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += loss.item() * len(xb)
    return run


def lesson_model(seed=0):
    m = Sequential([Dense(64, activation="sigmoid", input_dim=32), Dense(256, activation="sigmoid"),
                    Dense(5, activation="softmax")], seed=seed)
    m.compile(SGD(0.01), "sparse_categorical_crossentropy")
    return m


def xor_model():
    m = Sequential([Dense(4, activation="tanh", input_dim=2), Dense(1, activation="sigmoid")], seed=0)
    m.compile(SGD(0.1), "binary_crossentropy")
    return m


def bench_case(label, make_model, sizes, acts, X, y, batch, epochs, lr, binary):
    n = len(X)
    steps = epochs * -(-n // batch)
    m = make_model()
    nn_fit(m, X, y, batch, 1)  # warm-up (buffers, caches)
    t_nn = best_time(lambda: nn_fit(m, X, y, batch, epochs))
    t_cb = best_time(lambda: nn_fit(m, X, y, batch, epochs, [NoOp()]))
    fl = floor_loop(sizes, X, batch, epochs)
    fl()
    t_floor = best_time(fl)
    tw = torch_twin(sizes, acts, X, y, batch, epochs, lr, binary)
    t_torch = None
    if tw is not None:
        tw()
        t_torch = best_time(tw)
    return {
        "case": label, "samples": n * epochs / t_nn, "steps": steps / t_nn, "floor": steps / t_floor,
        "cb": steps / t_cb, "torch": None if t_torch is None else steps / t_torch,
    }


def main():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(10_000, 32)).astype(np.float32)
    y = np.argmax(X @ rng.normal(size=(32, 5)), axis=1)
    Xx = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32)
    yx = np.array([0, 1, 1, 0])
    sizes, acts = [32, 64, 256, 5], ["sigmoid", "sigmoid", None]
    rows = [
        bench_case("32-64-256-5 b32", lesson_model, sizes, acts, X, y, 32, 3, 0.01, False),
        bench_case("32-64-256-5 b256", lesson_model, sizes, acts, X, y, 256, 3, 0.01, False),
        bench_case("2-4-1 XOR b4", xor_model, [2, 4, 1], ["tanh", "sigmoid"], Xx, yx, 4, 3000, 0.1, True),
    ]
    head = (f"{'case':<18}{'samples/s':>11}{'steps/s':>10}{'floor st/s':>12}{'nn/floor':>9}"
            f"{'torch st/s':>12}{'nn/torch':>9}{'fit+cb st/s':>13}{'cb/nn':>7}")
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}, float32")
    print(head)
    print("-" * len(head))
    for r in rows:
        tor = f"{r['torch']:>12,.0f}{r['steps'] / r['torch']:>8.1f}x" if r["torch"] else f"{'n/a':>12}{'n/a':>9}"
        print(f"{r['case']:<18}{r['samples']:>11,.0f}{r['steps']:>10,.0f}{r['floor']:>12,.0f}"
              f"{r['steps'] / r['floor']:>8.0%} {tor}{r['cb']:>13,.0f}{r['cb'] / r['steps']:>7.0%}")
    print("targets: lesson b32 nn/floor >= 40% and nn/torch >= 3x; XOR b4 nn/torch >= 5x")


if __name__ == "__main__":
    main()
