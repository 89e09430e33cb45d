"""Derived data (the heat map's grid, the neuron thumbnails, the metrics) is computed once per
change in one place, the Document's DerivedData, and every view draws that one result; while
training the window computes none of it (the frames bring it)."""
import time

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from core.problem import set_metrics
from core.view_data import view_data
from playground.commands import SetParameter

from ..conftest import EXAMPLES
from .event_loop import spin
from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(str(a[2])))
    w = shown_window(qtbot, tmp_path)
    assert w.open_path(str(EXAMPLES / "circle.json"), ask=False)
    w.training.set_layout("training")
    spin(300)
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()


def test_an_edit_is_computed_once_for_every_view(qtbot, window):
    doc, derived = window.doc, window.doc.derived
    before = derived.computations
    for k in range(5):                              # a burst of edits (a drag): one computation
        doc.undo_stack.push(SetParameter(doc, ("W", 1, 0, 0), 0.1 * (k + 1), merge_key="drag"))
    spin(500, until=lambda: derived.computations > before)
    spin(100)
    assert derived.computations == before + 1
    expected = view_data(doc.network, doc.project.features)
    assert np.array_equal(derived.output, expected.output)
    shown = window.training.boundary_plot.image_item.image
    assert shown is not None and shown.shape == expected.output.shape
    assert all(np.array_equal(a, b) for a, b in zip(derived.neuron_maps, expected.neuron_maps))
    train, test = doc.data_split()
    from core.features import feature_matrix
    from core.forward import predict
    out = predict(doc.network, feature_matrix(train.points, doc.project.features))
    m = set_metrics(out, train.labels, train.kind, doc.network.layers[-1].activation,
                    train.n_classes)
    assert derived.metrics[0].accuracy == m.accuracy
    assert np.array_equal(derived.metrics[0].confusion, m.confusion)
    assert "accuracy" in window.training.training_panel.metrics_label.text()


def test_a_structure_edit_is_computed_before_any_view_draws(qtbot, window):
    from playground import structure_edits
    doc = window.doc
    seen = []
    doc.changed.connect(lambda change: seen.append(
        [m.shape[0] for m in doc.derived.neuron_maps] == list(doc.network.sizes)))
    structure_edits.add_neuron(doc, 1)
    assert seen and all(seen)                      # the views never see maps of old shapes


def test_while_training_the_window_computes_nothing_itself(qtbot, window):
    doc, derived = window.doc, window.doc.derived
    c = window.training.controller
    spin(200)
    before = derived.computations
    with_maps = []          # (frame, the Document's parameters right after it) of frames with maps
    doc.changed.connect(lambda change: with_maps.append((change.frame, doc.network.get_params()))
                        if change.frame is not None and change.frame.neuron_maps is not None
                        else None)
    assert c.play()
    spin(20000, until=lambda: c.frames_applied >= 10 and len(with_maps) >= 2)
    computed_while_training = derived.computations - before
    frame = doc.last_frame
    assert derived.output is frame.grid
    assert derived.metrics[0] is frame.snapshot.train_metrics
    # maps travel in some frames only (core.live_loop.MAPS_SECONDS); the views keep the last
    # ones, and a frame with maps is exactly when the Document takes the frame's parameters
    last_with_maps, params = with_maps[-1]
    assert derived.neuron_maps is last_with_maps.neuron_maps
    assert all(np.array_equal(w, fw) and np.array_equal(b, fb) for (w, b), (fw, fb)
               in zip(params, last_with_maps.snapshot.params))
    c.pause()
    assert computed_while_training == 0 and c.frames_applied >= 10
    spin(300)
    # the run's last frame was built from its final parameters: what is shown is exact
    assert np.array_equal(derived.output, view_data(doc.network, doc.project.features).output)


def test_a_neuron_map_shown_while_training_follows_the_frames_that_carry_maps(qtbot, window):
    doc, c = window.doc, window.training.controller
    bp = window.training.boundary_plot
    with_maps = []
    doc.changed.connect(lambda change: with_maps.append(change.frame)
                        if change.frame is not None and change.frame.neuron_maps is not None
                        else None)
    assert c.play()
    spin(20000, until=lambda: len(with_maps) >= 2)
    bp.show_neuron_map(1, 2)
    assert bp.caption.isVisible()
    seen = len(with_maps)
    spin(20000, until=lambda: len(with_maps) >= seen + 2)
    shown = bp.image_item.image
    c.pause()
    # the big map is neuron 2 of layer 1 from the latest maps (one of the frames carrying them)
    assert any(np.array_equal(shown, f.neuron_maps[1][2]) for f in with_maps[seen:])
    bp.clear_neuron_map()
    assert not bp.caption.isVisible()


def test_live_labels_change_at_most_ten_times_a_second(qtbot, window):
    """Each new text of a label lays the window out again: the counters follow a run at
    ≤ 10 Hz and the loss figures at ≤ 5 Hz (the heat map takes every frame)."""
    from playground.formatting import format_number
    from playground.plots.loss_plot import FIGURES_INTERVAL
    tr, c = window.training, window.training.controller
    labels = {"figures": tr.loss_plot.figures, "epoch": tr.training_panel.epoch_label,
              "time": tr.training_panel.time_label, "status": tr.status_label}
    counts = dict.fromkeys(labels, 0)
    for name, label in labels.items():
        original = label.setText

        def counted(text, name=name, original=original):
            counts[name] += 1
            original(text)
        label.setText = counted
    assert c.play()
    spin(20000, until=lambda: c.frames_applied >= 5)
    start, frames = time.monotonic(), c.frames_applied
    for k in counts:
        counts[k] = 0
    spin(1500)
    seconds = time.monotonic() - start
    frames = c.frames_applied - frames
    c.pause()
    assert frames > 0
    for name in ("epoch", "time", "status"):
        assert counts[name] <= 10 * seconds + 2, (name, counts[name], seconds)
    assert counts["figures"] <= seconds / FIGURES_INTERVAL + 2, (counts["figures"], seconds)
    spin(400)                                   # the last state is always shown
    h = c.history
    assert format_number(h.column("train_loss")[-1], 4) in labels["figures"].text()
