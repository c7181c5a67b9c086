"""An exploding (finite) loss pauses training in the studio with the explanation, like NaN does."""

from __future__ import annotations

from nnstudio.project import Project


def test_an_exploding_loss_shows_the_divergence_banner(window, qtbot):
    p = Project.default()
    p.training.update(learning_rate=1e6, epochs=50)
    w = window(p)
    c = w.training
    with qtbot.waitSignal(c.diverged, timeout=15000) as blocker:
        c.train()
    msg = blocker.args[0]
    assert "exploded" in msg and "started from" in msg and "learning rate" in msg
    qtbot.waitUntil(lambda: not c.is_active(), timeout=5000)
    assert w.state.training_state == "idle" and c.stop_reason == "diverged"
    assert c.epochs_trained < 50
    banner = w.findChild(type(w.training_views["loss_plot"].banner), "divergenceBanner")
    assert banner is not None and not banner.isHidden()
    assert "exploded" in banner.label.text()
