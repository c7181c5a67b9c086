"""Training behaviour: the lesson's code, callbacks, stopping, constraints, introspection."""

import json
import warnings

import numpy as np

from nnstudio.engine import (SGD, Adam, Callback, Dense, Dropout, EarlyStopping, Input, Sequential,
                             constraints, set_floatx, set_seed, floatx)

from engine_helpers import lesson_data


def test_lesson_code_runs_and_loss_falls(capsys):
    X, y = lesson_data()
    batch_size = 32
    model = Sequential([
        Dense(64, activation='sigmoid', input_dim=32),
        Dense(256, activation='sigmoid'),
        Dense(5, activation='softmax'),
    ])
    model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=['acc'])
    results = model.fit(X, y, batch_size=batch_size, epochs=100)
    print(results.history['loss'][-1], results.history['acc'][-1])
    loss = results.history['loss']
    assert len(loss) == 100 and set(results.history) == {"loss", "acc"}
    assert loss[-1] < loss[0] - 0.2
    assert results.history['acc'][-1] > 0.5
    assert "Epoch 100/100" in capsys.readouterr().out  # verbose='auto' prints a line per epoch


def _small(seed=0, **kw):
    X, y = lesson_data(n=200, d=6, k=3, seed=seed)
    model = Sequential([Dense(8, activation="tanh", input_dim=6, **kw), Dense(3, activation="softmax")], seed=seed)
    return model, X, y


def test_history_keys_follow_what_was_written():
    model, X, y = _small()
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    h = model.fit(X, y, epochs=2, verbose=0, validation_split=0.25)
    assert list(h.history) == ["loss", "accuracy", "val_loss", "val_accuracy"]
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["acc"])
    h = model.fit(X, y, epochs=1, verbose=0, validation_data=(X[:20], y[:20]))
    assert list(h.history) == ["loss", "acc", "val_loss", "val_acc"]
    reg = Sequential([Dense(1, input_dim=6)], seed=0)
    reg.compile("sgd", "mse", metrics=["mse", "mae"])
    h = reg.fit(X, X[:, :1] * 2, epochs=1, verbose=0)
    assert list(h.history) == ["loss", "mse", "mae"]
    assert np.isclose(h.history["loss"][0], h.history["mse"][0], rtol=1e-5)


def test_validation_split_uses_last_rows_and_evaluate_agrees():
    model, X, y = _small()
    model.compile(SGD(0.1), "sparse_categorical_crossentropy", metrics=["acc"])
    h = model.fit(X, y, epochs=1, verbose=0, validation_split=0.2, batch_size=16)
    loss, acc = model.evaluate(X[-40:], y[-40:], verbose=0)
    assert np.isclose(h.history["val_loss"][0], loss, rtol=1e-6)
    assert np.isclose(h.history["val_acc"][0], acc)
    assert isinstance(model.evaluate(X, y, verbose=0, return_dict=True), dict)


def test_accuracy_resolution_binary_categorical():
    X = np.random.default_rng(0).normal(size=(40, 2))
    yb = (X[:, 0] > 0).astype(int)
    m = Sequential([Dense(1, activation="sigmoid", input_dim=2)], seed=0)
    m.compile(SGD(0.5), "binary_crossentropy", metrics=["acc"])
    assert m.fit(X, yb, epochs=30, verbose=0).history["acc"][-1] > 0.9
    m2 = Sequential([Dense(2, activation="softmax", input_dim=2)], seed=0)
    m2.compile(SGD(0.5), "categorical_crossentropy", metrics=["accuracy"])
    assert m2.fit(X, np.eye(2)[yb], epochs=30, verbose=0).history["accuracy"][-1] > 0.9
    assert m2.compiled_metrics[0][1].name == "categorical_accuracy"


class ScriptedValLoss(Callback):
    """Overwrites val_loss with a fixed sequence and records the weights each epoch."""

    def __init__(self, values):
        super().__init__()
        self.values = values
        self.weights = []

    def on_epoch_end(self, epoch, logs=None):
        logs["val_loss"] = self.values[epoch]
        self.weights.append(self.model.get_weights())


def test_early_stopping_stops_and_restores_best_weights():
    model, X, y = _small()
    model.compile(SGD(0.1), "sparse_categorical_crossentropy")
    script = ScriptedValLoss([5.0, 4.0, 3.0, 3.5, 3.6, 3.7, 3.8, 3.9])
    es = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    h = model.fit(X, y, epochs=8, verbose=0, callbacks=[script, es])
    assert len(h.history["loss"]) == 5
    assert es.stopped_epoch == 4 and es.best_epoch == 2 and es.best == 3.0
    assert model.stop_reason == "early_stopping"
    for w, best in zip(model.get_weights(), script.weights[2]):
        assert np.array_equal(w, best)
    assert not np.array_equal(model.get_weights()[0], script.weights[4][0])


def test_early_stopping_real_validation_loss():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))
    y = rng.normal(size=(60, 1))  # pure noise: a big net overfits, val_loss rises
    model = Sequential([Dense(64, activation="tanh", input_dim=5), Dense(1)], seed=0)
    model.compile(Adam(0.01), "mse")
    es = EarlyStopping(patience=3, restore_best_weights=True)
    h = model.fit(X, y, epochs=200, verbose=0, validation_split=0.3, callbacks=[es])
    assert len(h.history["loss"]) < 200
    assert es.best == min(h.history["val_loss"])
    assert np.isclose(model.evaluate(X[-18:], y[-18:], verbose=0), es.best, rtol=1e-5)


def test_max_norm_holds_after_every_update():
    model, X, y = _small(kernel_constraint=constraints.max_norm(0.5))
    model.compile(SGD(1.0), "sparse_categorical_crossentropy")
    seen = []

    class Check(Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(np.linalg.norm(self.model.layers[0].kernel, axis=0).max())

    model.fit(X, y, epochs=3, batch_size=16, verbose=0, callbacks=[Check()])
    assert len(seen) == 3 * 13 and max(seen) <= 0.5 + 1e-5


def test_dropout_is_off_in_predict():
    model = Sequential([Dense(8, activation="relu", input_dim=4), Dropout(0.5), Dense(2)], seed=0)
    X = np.random.default_rng(0).normal(size=(10, 4)).astype("float32")
    p1, p2 = model.predict(X), model.predict(X)
    assert np.array_equal(p1, p2)
    W1, b1, W2, b2 = model.get_weights()
    assert np.allclose(p1, np.maximum(X @ W1 + b1, 0) @ W2 + b2, atol=1e-6)
    assert np.allclose(model(X), p1)


def test_zero_initialization_keeps_hidden_units_identical():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 3))
    y = (X[:, 0] > X[:, 1]).astype(int)
    model = Sequential([Dense(4, activation="sigmoid", input_dim=3, kernel_initializer="zeros"),
                        Dense(1, activation="sigmoid", kernel_initializer="zeros")], seed=0, dtype="float64")
    model.compile(SGD(0.5), "binary_crossentropy")
    model.fit(X, y, epochs=20, verbose=0)
    W1, b1, W2, _ = model.get_weights()
    assert np.abs(W1).max() > 1e-3  # it did train
    assert np.allclose(W1, W1[:, :1]) and np.allclose(b1, b1[0]) and np.allclose(W2, W2[0])


def test_stop_training_mid_epoch_stops_after_that_batch():
    model, X, y = _small()
    model.compile("sgd", "sparse_categorical_crossentropy")
    batches = []

    class Stopper(Callback):
        def on_train_batch_end(self, batch, logs=None):
            batches.append(batch)
            assert {"loss", "batch_loss", "size"} <= set(logs)
            if batch == 3:
                self.model.stop_training = True

    h = model.fit(X, y, epochs=5, batch_size=10, verbose=0, callbacks=[Stopper()])
    assert batches == [0, 1, 2, 3] and model.iterations == 4
    assert len(h.history["loss"]) == 1 and model.stop_reason == "user"


def test_callback_logs_and_protocol():
    model, X, y = _small()
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["acc"])
    calls = []

    class Spy(Callback):
        def on_train_begin(self, logs=None):
            calls.append(("train_begin", self.params["epochs"], self.params["steps"]))

        def on_epoch_end(self, epoch, logs=None):
            calls.append(("epoch_end", epoch, sorted(logs)))

        def on_train_batch_end(self, batch, logs=None):
            if batch == 0:
                assert logs["size"] == 50 and np.isclose(logs["loss"], logs["batch_loss"])

    model.fit(X, y, epochs=2, batch_size=50, verbose=0, validation_split=0.25, callbacks=[Spy()])
    assert calls[0] == ("train_begin", 2, 3)
    assert calls[1] == ("epoch_end", 0, ["acc", "loss", "val_acc", "val_loss"])


def test_epoch_loss_is_batch_size_weighted_mean():
    model, X, y = _small()
    model.compile(SGD(0.05), "sparse_categorical_crossentropy")
    losses, sizes = [], []

    class Rec(Callback):
        def on_train_batch_end(self, batch, logs=None):
            losses.append(logs["batch_loss"])
            sizes.append(logs["size"])

    h = model.fit(X, y, epochs=1, batch_size=64, verbose=0, callbacks=[Rec()])
    assert sizes == [64, 64, 64, 8]
    assert np.isclose(h.history["loss"][0], np.dot(losses, sizes) / 200)


def test_divergence_stops_cleanly_without_warnings():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 3)) * 1e3
    y = rng.normal(size=(64, 1)) * 1e3
    model = Sequential([Dense(16, activation="relu", input_dim=3), Dense(1)], seed=0)
    model.compile(SGD(10.0), "mse")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = model.fit(X, y, epochs=50, batch_size=8, verbose=0)
    assert model.stop_reason == "diverged"
    epoch, batch = model.diverged_at
    assert len(h.history["loss"]) == epoch + 1
    assert all(np.isfinite(w).all() for w in model.get_weights())  # last finite weights kept


def test_capture_step_and_preview_update():
    model, X, y = _small()
    model.compile(SGD(0.1), "sparse_categorical_crossentropy")
    model.fit(X, y, epochs=1, batch_size=32, verbose=0)
    assert model.last_step is None  # off by default
    model.capture_step = True
    model.fit(X, y, epochs=1, batch_size=32, verbose=0)
    st = model.last_step
    assert (st.epoch, st.batch, len(st.batch_indices)) == (0, 6, 8)
    for g, u in zip(st.grads, st.updates):
        assert np.allclose(u, -0.1 * g, atol=1e-6)
    # compute_gradients + preview_update touch nothing
    m2, X2, y2 = _small()
    m2.compile(Adam(0.01), "sparse_categorical_crossentropy")
    m2.fit(X2, y2, epochs=1, verbose=0)
    before, it = m2.get_weights(), m2.optimizer.iterations
    loss, grads = m2.compute_gradients(X2[:16], y2[:16])
    deltas = m2.preview_update(grads)
    assert m2.optimizer.iterations == it
    assert all(np.array_equal(a, b) for a, b in zip(before, m2.get_weights()))
    m2.train_on_batch(X2[:16], y2[:16])
    for d, a, b in zip(deltas, m2.get_weights(), before):
        assert np.allclose(b + d, a, atol=1e-6)


def test_reproducible_with_seed_including_dropout_and_shuffle():
    X, y = lesson_data(n=120, d=6, k=3)

    def run(seed):
        m = Sequential([Dense(8, activation="relu", input_dim=6), Dropout(0.3), Dense(3, activation="softmax")], seed=seed)
        m.compile("adam", "sparse_categorical_crossentropy")
        return m.fit(X, y, epochs=3, verbose=0).history["loss"], m.get_weights()

    (l1, w1), (l2, w2), (l3, _) = run(7), run(7), run(8)
    assert l1 == l2 and all(np.array_equal(a, b) for a, b in zip(w1, w2))
    assert l1 != l3
    set_seed(11)
    a = Sequential([Dense(3, input_dim=2)]).get_weights()
    set_seed(11)
    b = Sequential([Dense(3, input_dim=2)]).get_weights()
    assert np.array_equal(a[0], b[0])


def test_reset_weights_and_dtype():
    m = Sequential([Input((3,)), Dense(4), Dense(2)], seed=3)
    assert m.get_weights()[0].dtype == np.float32 and floatx() == "float32"
    w0 = m.get_weights()
    m.compile("sgd", "mse")
    m.fit(np.ones((4, 3)), np.ones((4, 2)), epochs=2, verbose=0)
    m.reset_weights(seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(w0, m.get_weights())) and m.iterations == 0
    set_floatx("float64")
    try:
        assert Sequential([Dense(2, input_dim=2)]).get_weights()[0].dtype == np.float64
    finally:
        set_floatx("float32")
    assert Sequential([Dense(2, input_dim=2)], dtype="float64").predict(np.ones((1, 2))).dtype == np.float64


def test_summary_config_predict_and_counts():
    m = Sequential([Dense(64, activation="sigmoid", input_dim=32), Dropout(0.2), Dense(5, activation="softmax")], seed=0)
    lines = []
    text = m.summary(print_fn=lines.append)
    assert "Layer (type)" in text and "dense (Dense)" in text and "(None, 64)" in text
    assert "2,112" in text and "Total params: 2,437" in text and m.count_params() == 2437
    cfg = json.loads(json.dumps(m.get_config()))
    assert cfg["layers"][0]["class_name"] == "InputLayer"
    assert cfg["layers"][1]["config"]["kernel_initializer"]["class_name"] == "GlorotUniform"
    clone = Sequential.from_config(cfg)
    assert [l.kind for l in clone.layers] == ["Dense", "Dropout", "Dense"]
    assert [w.shape for w in clone.get_weights()] == [w.shape for w in m.get_weights()]
    X = np.random.default_rng(0).normal(size=(70, 32))
    assert np.allclose(m.predict(X, batch_size=16), m(X), atol=1e-6)
    tr = m.trace(X[:3])
    assert [t.kind for t in tr] == ["Dense", "Dropout", "Dense"] and tr[2].a.shape == (3, 5)
    assert np.allclose(tr[2].a.sum(axis=1), 1, atol=1e-6)
