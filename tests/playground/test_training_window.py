"""Training inside the main window: the docks, the Train menu, the status bar, the neuron
thumbnails on the canvas and their large view on hover — used through the real widgets."""
import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from playground.main_window import MainWindow
from playground.training_area import STEP_DOCKS, TRAIN_DOCKS

from ..conftest import EXAMPLES
from .event_loop import spin
from .windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    asked = []

    def warning(*args, **kwargs):
        asked.append(args)
        return QMessageBox.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    w = shown_window(qtbot, tmp_path, (1400, 900))
    w.asked = asked
    yield w
    w.training.shutdown()
    w.doc.undo_stack.setClean()


def _open(qtbot, window, name):
    assert window.open_path(str(EXAMPLES / name), ask=False)
    qtbot.wait(80)          # the coalesced thumbnail / heat-map timers
    # the training docks' first sizes are applied from a zero timer: wait for them (on a loaded
    # machine 80 ms can pass first, and the canvas is then refitted under a hovering mouse)
    qtbot.waitUntil(lambda: window.training._sized or window.training.current_layout != "train",
                    timeout=3000)
    qtbot.wait(20)


def _move(widget, pos):
    """A real mouse-move event to ``widget`` (QTest.mouseMove only moves the cursor, and sends
    nothing when the cursor is already there or the window is not the active one)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication
    local = QPointF(pos)
    event = QMouseEvent(QMouseEvent.Type.MouseMove, local, widget.mapToGlobal(local),
                        Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def _visible(window, keys):
    return [window.docks[k].isVisible() for k in keys]


def _thumb_pixels(window, layer, i):
    """A grid of pixels from the square inside the thumbnail's disc."""
    image = window.view.scene().neuron_item(layer, i).thumbnail()
    assert image is not None and image.width() == image.height() == 48
    assert image.pixel(0, 0) >> 24 == 0 and image.pixel(24, 24) >> 24 == 0xFF   # a disc
    return np.array([[image.pixel(x, y) for x in range(9, 40, 3)] for y in range(9, 40, 3)])


def test_layout_follows_the_document(qtbot, window):
    """The worked example (no data) opens step by step; a document with data opens with the
    training docks; the View actions switch back and forth."""
    assert all(_visible(window, STEP_DOCKS)) and not any(_visible(window, TRAIN_DOCKS))
    scene = window.view.scene()
    assert scene.neuron_item(1, 0).thumbnail() is None            # no features: no thumbnails
    _open(qtbot, window, "circle.json")
    assert all(_visible(window, TRAIN_DOCKS)) and not any(_visible(window, STEP_DOCKS))
    assert window.training.act_layout_train.isChecked()
    window.training.act_layout_step.trigger()
    assert all(_visible(window, STEP_DOCKS)) and not any(_visible(window, TRAIN_DOCKS))
    assert window.settings.value("layout") == "step"
    window.training.act_layout_train.trigger()
    assert all(_visible(window, TRAIN_DOCKS))


def test_thumbnails_show_each_neurons_output(qtbot, window):
    _open(qtbot, window, "circle.json")
    net = window.doc.network
    for layer, n in enumerate(net.sizes):
        for i in range(n):
            assert window.view.scene().neuron_item(layer, i).thumbnail() is not None
    # x1's map varies left → right only, x2's bottom → top only (image row 0 is the top)
    x1, x2 = _thumb_pixels(window, 0, 0), _thumb_pixels(window, 0, 1)
    assert (x1 == x1[0]).all() and len(set(x1[0])) > 3
    assert (x2 == x2[:, :1]).all() and len(set(x2[:, 0])) > 3
    # x2 = +6 (top row) is a positive input: blue; x2 = −6 (bottom row) orange
    top, bottom = x2[0, 0], x2[-1, 0]
    assert (top & 0xFF) > ((top >> 16) & 0xFF)           # more blue than red
    assert ((bottom >> 16) & 0xFF) > (bottom & 0xFF)     # more red than blue
    window.training.act_thumbnails.trigger()             # View ▸ Neuron thumbnails off
    assert window.view.scene().neuron_item(1, 0).thumbnail() is None
    window.training.act_thumbnails.trigger()
    assert window.view.scene().neuron_item(1, 0).thumbnail() is not None


def test_play_from_the_train_menu_updates_canvas_and_status(qtbot, window):
    _open(qtbot, window, "circle.json")
    tr = window.training
    before = _thumb_pixels(window, 2, 0)
    draws = tr.thumbnails.draws
    assert tr.status_label.text() == ""
    tr.act_play.trigger()
    assert tr.controller.running and "Pause" in tr.act_play.text()
    assert not tr.act_step_epoch.isEnabled()
    qtbot.waitUntil(lambda: tr.controller.history.n > 0 and
                    tr.controller.history.column("test_loss")[-1] < 0.1, timeout=10000)
    qtbot.waitUntil(lambda: tr.thumbnails.draws > draws + 3, timeout=3000)
    assert "Epoch" in tr.status_label.text()
    tr.act_play.trigger()
    assert not tr.controller.running and "Play" in tr.act_play.text()
    qtbot.wait(80)
    assert not np.array_equal(_thumb_pixels(window, 2, 0), before)
    shown = tr.status_label.text()
    qtbot.wait(200)
    assert tr.status_label.text() == shown            # paused: the counter stands still
    window.doc.undo_stack.undo()                      # the whole run is one undo step
    qtbot.wait(80)
    assert np.array_equal(_thumb_pixels(window, 2, 0), before)


def test_hovering_a_neuron_shows_its_map_in_the_output_view(qtbot, window):
    _open(qtbot, window, "circle.json")
    bp, scene, view = window.training.boundary_plot, window.view.scene(), window.view
    output = bp.image_item.image.copy()
    item = scene.neuron_item(1, 2)

    def centre():
        return view.mapFromScene(item.sceneBoundingRect().center())
    # the view fits the network on a timer: wait until the neuron is where we point
    qtbot.waitUntil(lambda: item in view.items(centre()), timeout=3000)
    pos = centre()
    # start from a known place: an earlier test may have left the (global) cursor right on
    # this neuron, and a move to where the cursor already is delivers no hover event
    _move(view.viewport(), type(pos)(2, 2))
    _move(view.viewport(), pos)
    qtbot.waitUntil(lambda: bp.caption.isVisible(), timeout=2000)
    assert "Layer 1, neuron 3" in bp.caption.textItem.toPlainText()
    assert not np.array_equal(bp.image_item.image, output)
    _move(view.viewport(), pos + type(pos)(0, 300))
    qtbot.waitUntil(lambda: not bp.caption.isVisible(), timeout=2000)
    qtbot.wait(60)
    assert np.allclose(bp.image_item.image, output)


def test_opening_another_document_while_training_asks_first(qtbot, window):
    """A running training is committed as an undo step, so the document is modified and the
    unsaved-changes question is asked before anything is replaced."""
    _open(qtbot, window, "circle.json")
    window.doc.undo_stack.setClean()
    window.training.act_play.trigger()
    qtbot.waitUntil(lambda: window.training.controller.history.n > 2, timeout=5000)
    window.open_example("xor_2_2_1_sigmoid.json")
    assert window.asked, "the unsaved-changes question was not asked"
    assert not window.training.controller.running
    assert window.doc.network.sizes == [2, 2, 1]


def test_closing_while_training_stops_the_thread(qtbot, window):
    _open(qtbot, window, "spiral_classifier.json")
    window.training.act_play.trigger()
    qtbot.waitUntil(lambda: window.training.controller.history.n > 2, timeout=5000)
    assert window.close()
    assert not window.training.controller.running


def test_document_follows_training_at_a_bounded_rate(qtbot, window):
    """Frames reach the heat map as they come; the Document (canvas, inspector, tables)
    takes at most ~20 of them a second, and the last one when the run ends."""
    _open(qtbot, window, "circle.json")
    c = window.training.controller
    updates = []
    window.doc.changed.connect(lambda ch: updates.append(ch) if ch.training and ch.params else None)
    c.play()
    spin(1500)                          # a real event loop, not qWait (it starves the worker)
    c.pause()
    frames = c.frames_applied           # (after the pause: it applies the run's last frame)
    during = len(updates)
    assert 3 <= during <= 1.5 * 12 * 1.5, during          # ≤ 12/s (with slack for timing)
    assert frames >= during
    final = c.last_frame.snapshot.params
    for (w, b), layer in zip(final, window.doc.network.layers):
        assert np.array_equal(w, layer.weights) and np.array_equal(b, layer.biases)


def test_a_remembered_layout_keeps_the_docks_the_user_hid(qtbot, tmp_path):
    path = str(tmp_path / "remembered.ini")
    first = MainWindow(settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(first)
    first.show()
    first.docks["inspector"].hide()
    first.close()
    first.settings.sync()
    second = MainWindow(settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(second)
    second.show()
    assert not second.docks["inspector"].isVisible()
    assert second.docks["derivation"].isVisible()
    assert second.training.act_layout_step.isChecked()
    second.close()
