"""The Digits workspace, through its real widgets: steps, a fit in a worker thread, the pad."""
import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.digit_preprocess import preprocess
from core.digits import load_set

from .event_loop import spin, spin_until
from .windows import shown_window

SHOTS = os.environ.get("DIGITS_SCREENSHOTS")     # a folder: save the screenshots there too


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, (1024, 768), monkeypatch=monkeypatch, exposed=False)
    w.tabs.setCurrentWidget(w.digits_page)
    yield w
    w.digits.cancel()
    w.digits.wait_for_fit()
    w.doc.undo_stack.setClean()


def _shot(w, name, tmp_path):
    img = w.grab()
    assert not img.isNull() and img.width() >= 1000
    img.save(str(tmp_path / f"{name}.png"))
    if SHOTS:
        img.save(os.path.join(SHOTS, f"{name}.png"))


def _fit(w, epochs):
    d = w.digits
    d.steps.fit.epochs.setValue(epochs)
    d.steps.fit.fit.click()
    assert d.fitting and d.steps.fit.cancel.isEnabled() and not d.steps.structure.isEnabled()


def test_a_preset_builds_a_digit_network_as_one_undo_step(window):
    d, doc = window.digits, window.doc
    before = doc.undo_stack.count()
    d.steps.structure.preset.setCurrentIndex(d.steps.structure.preset.findData("digits_8x8_64_32_10"))
    d.steps.structure.preset.activated.emit(d.steps.structure.preset.currentIndex())
    assert doc.network.sizes == [64, 32, 10] and doc.project.digits.set == "digits_8x8"
    assert doc.undo_stack.count() == before + 1
    assert d.steps.structure.hidden.text() == "32" and d.steps.compile.batch.value() == 10
    doc.undo_stack.undo()
    assert doc.project.digits is None and doc.network.sizes != [64, 32, 10]
    assert d.steps.hint.isVisibleTo(d) and not d.steps.fit.isEnabled()


def test_structure_typed_and_built_then_compiled(window):
    d, doc = window.digits, window.doc
    s = d.steps.structure
    s.hidden.setText("12, 8")
    s.hidden_act.setCurrentIndex(s.hidden_act.findData("relu"))
    assert "64 → 12 → 8 → 10" in s.summary.text()
    s.build.click()
    assert doc.network.sizes == [64, 12, 8, 10] and doc.network.layers[0].activation == "relu"
    s.hidden.setText("12, x")
    assert not s.build.isEnabled()
    c = d.steps.compile
    c.learning_rate.setValue(0.05)
    c.l2.setValue(0.001)
    c.apply.click()
    assert doc.project.optimizer.learning_rate == 0.05
    assert doc.project.optimizer.regularization == "l2"


def test_fit_runs_in_a_worker_prints_epochs_and_is_one_undo_step(window, tmp_path):
    d, doc = window.digits, window.doc
    d.apply_preset("digits_8x8_64_32_10")
    old = doc.network.get_params()
    count = doc.undo_stack.count()
    _fit(window, 20)
    spin_until(lambda: d._run is None or len(d._run["records"]) >= 3)
    _shot(window, "digits_fit_mid", tmp_path)          # the three steps mid-fit
    spin_until(lambda: not d.fitting)
    lines = d.steps.fit.log.toPlainText().splitlines()
    epochs = [ln for ln in lines if ln.startswith("Epoch ")]
    assert len(epochs) == 20 and epochs[0].startswith("Epoch 1: ") and epochs[0].endswith(" / 449")
    correct = int(epochs[-1].split(":")[1].split("/")[0])
    assert correct >= 0.93 * 449
    assert doc.undo_stack.count() == count + 1 and len(doc.project.history) == 20
    assert not np.array_equal(doc.network.layers[0].weights, old[0][0])
    assert d.confusion.counts.sum() == 449 and np.trace(d.confusion.counts) == correct
    doc.undo_stack.undo()
    assert np.array_equal(doc.network.layers[0].weights, old[0][0]) and len(doc.project.history) == 0


def test_cancel_stops_the_fit_and_keeps_what_was_learned(window):
    d, doc = window.digits, window.doc
    d.apply_preset("digits_8x8_64_32_10")
    _fit(window, 1000)
    spin_until(lambda: d._run is None or len(d._run["records"]) >= 1)
    d.steps.fit.cancel.click()
    spin_until(lambda: not d.fitting, 20)
    assert "cancelled" in d.steps.fit.log.toPlainText()
    assert 1 <= len(doc.project.history) < 1000 and d.steps.fit.fit.isEnabled()


def _draw_seven(pad):
    r = pad._square()

    def pt(fx, fy):
        return QPoint(int(r.x() + fx * r.width()), int(r.y() + fy * r.height()))
    QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, pt(0.25, 0.2))
    for k in range(1, 11):
        QTest.mouseMove(pad, pt(0.25 + 0.05 * k, 0.2))
    for k in range(1, 13):
        QTest.mouseMove(pad, pt(0.75 - 0.025 * k, 0.2 + 0.055 * k))
    QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, pt(0.45, 0.86))


def test_a_stroke_drawn_with_the_mouse_gets_a_prediction_from_the_trained_network(window, tmp_path):
    d = window.digits
    d.apply_preset("digits_8x8_64_32_10")
    _fit(window, 15)
    spin_until(lambda: not d.fitting)
    panel = d.pad_panel
    _draw_seven(panel.pad)
    spin(50)
    assert not panel.pad.is_empty()
    out = d.last_output
    assert out.shape == (10,) and abs(out.sum() - 1) < 1e-12
    assert panel.prediction.text().endswith(str(int(np.argmax(out))))
    assert panel.bars.values.max() == out.max()
    seen = d.last_image
    assert seen.shape == (8, 8) and seen.max() <= 16 and seen[0].any() and seen[-1].any()
    d.views.setCurrentWidget(panel)
    _shot(window, "digits_pad", tmp_path)
    d.views.setCurrentWidget(d.weights)
    _shot(window, "digits_weights", tmp_path)
    panel.undo.click()
    assert panel.pad.is_empty() and "Draw" in panel.prediction.text()


def test_a_misclassified_test_image_loads_into_the_pad_unchanged_and_goes_to_the_step_view(window):
    d, doc = window.digits, window.doc
    d.apply_preset("digits_8x8_64_32_10")
    _fit(window, 2)
    spin_until(lambda: not d.fitting)
    assert d.gallery.items, "two epochs leave some test images misclassified"
    d.views.setCurrentWidget(d.gallery)
    spin(20)
    grid = d.gallery.grid
    cols, cell = grid._layout()
    QTest.mouseClick(grid, Qt.LeftButton, Qt.NoModifier, QPoint(int(cell / 2), int(cell / 3)))
    image, true, _ = d.gallery.items[0]
    assert d.views.currentWidget() is d.pad_panel
    assert np.array_equal(preprocess(d.pad_panel.pad.ink(), 8), image)     # through the pad's path
    assert np.array_equal(d.last_image, image) and d.pad_panel.label.value() == true
    count = doc.undo_stack.count()
    d.pad_panel.send.click()
    assert window.tabs.currentWidget() is window.view and doc.undo_stack.count() == count + 1
    assert np.allclose(doc.project.sample_x, image.reshape(-1) / 16)
    assert doc.project.sample_y[true] == 1 and doc.project.sample_y.sum() == 1
    assert doc.cursor is not None and np.isfinite(doc.cursor.loss)


def test_an_mnist_test_image_goes_through_the_pad_unchanged(window):
    d = window.digits
    d.apply_preset("seed001_mnist_784_30_10")
    image = load_set("mnist_5k").images[7]
    d.load_into_pad(image, 3)
    assert np.array_equal(d.last_image, image)
    assert d.last_output.shape == (10,)
