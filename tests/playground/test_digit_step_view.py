"""The step-by-step view with a digit as its sample: the input column is the picture itself,
big layers are collapsed with a count, and any neuron — a pixel too — is still selectable and
explained, with real mouse clicks on the canvas."""
import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from core.digits import load_set
from playground.canvas.input_image import IMAGE_SIZE, InputImageItem
from playground.canvas.items import NeuronItem

from .windows import shown_window

SHOTS = os.environ.get("DIGITS_SCREENSHOTS")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, monkeypatch=monkeypatch)
    yield w
    w.doc.undo_stack.setClean()


def _send_test_image(window, preset, index, label):
    d = window.digits
    window.tabs.setCurrentWidget(window.digits_page)
    d.apply_preset(preset)
    image = load_set("mnist_5k").images[index] if "mnist" in preset else load_set("digits_8x8").images[index]
    d.load_into_pad(image, label)
    d.pad_panel.send.click()
    assert window.tabs.currentWidget() is window.view
    return image


def _click(qtbot, view, scene_point):
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(scene_point))


def test_a_28x28_sample_is_drawn_as_its_image_and_every_pixel_is_an_input_neuron(window, qtbot):
    image = _send_test_image(window, "seed002_mnist_784_500_500_10", 7, 3)
    view, scene, doc = window.view, window.view.scene(), window.doc
    # the preset trains in float32, and step 2 says so
    assert doc.project.precision == "float32"
    assert window.digits.steps.compile.precision.currentData() == "float32"
    item = scene.input_image_item()
    assert isinstance(item, InputImageItem) and item.side == 28
    # no circle for any of the 784 inputs, and no "… more" marker on the input column
    assert scene.shown_neurons(0) == [] and scene.more_item(0) is None
    assert not any(isinstance(i, NeuronItem) and i.ref[1] == 0 for i in scene.items())
    assert "28×28" in scene._headers[0].title
    # the picture shows the sample: the drawn grey levels are the inputs × 255
    grey = np.array([[item._image.pixelColor(c, r).red() for c in range(28)] for r in range(28)])
    assert np.array_equal(grey, np.round(doc.project.sample_x.reshape(28, 28) * 255))
    assert np.array_equal(grey, image)         # an MNIST image arrives unchanged
    # the 500-neuron layers are collapsed with a count
    for layer in (1, 2):
        more = scene.more_item(layer)
        assert more is not None and "492" in more.text
    # a click on the brightest pixel selects that input neuron; the inspector explains it
    window.view.fit_to_view()
    j = int(np.argmax(doc.project.sample_x))
    centre = item.mapToScene(item.pixel_rect(j).center())
    _click(qtbot, view, centre)
    assert view.selection.ref == ("neuron", 0, j)
    assert item.selected == j
    edits = window.inspector.editors()
    assert edits and float(edits[0].text()) == pytest.approx(doc.project.sample_x[j])
    r, c = divmod(j, 28)
    texts = [lab.text() for lab in window.inspector.findChildren(QLabel)]
    assert any(f"row {r + 1}, column {c + 1} of the 28×28 image" in t for t in texts), texts
    # the tooltip of a pixel names the neuron, its value and its place
    tip = item.tooltip_for(j)
    assert f"row {r + 1}, column {c + 1}" in tip
    # a neuron in a collapsed layer is still reachable through its marker
    qtbot_patch = pytest.MonkeyPatch()
    qtbot_patch.setattr(QInputDialog, "getInt", lambda *a, **k: (250, True))
    try:
        _click(qtbot, view, scene.more_item(1).pos())
        qtbot.waitUntil(lambda: view.selection.ref == ("neuron", 1, 249), timeout=3000)
    finally:
        qtbot_patch.undo()
    assert item.selected is None and window.inspector.shown_values()
    # and a drawn hidden neuron by a click on its circle
    _click(qtbot, view, scene.neuron_item(2, 0).pos())
    assert view.selection.ref == ("neuron", 2, 0)


def test_an_8x8_sample_is_an_8x8_picture_and_forward_backward_step_through_it(window, qtbot):
    _send_test_image(window, "digits_8x8_64_32_10", 11, int(load_set("digits_8x8").labels[11]))
    scene, doc = window.view.scene(), window.doc
    item = scene.input_image_item()
    assert item is not None and item.side == 8 and item.pixel == IMAGE_SIZE / 8
    depth = doc.network.depth
    for _ in range(depth):
        window.act_forward.trigger()
    for _ in range(depth + 1):          # the loss, then δ layer by layer back to layer 1
        window.act_backward.trigger()
    assert doc.cursor.reached("backward", 1), doc.cursor.stage
    assert doc.cursor.reached("loss")
    assert np.isfinite(doc.cursor.loss)
    # the other columns sit right of the picture, not over it
    x_right = item.mapToScene(IMAGE_SIZE / 2, 0).x()
    assert all(n.pos().x() > x_right for n in scene.items() if isinstance(n, NeuronItem))
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "step_view_8x8.png"))


def test_a_network_that_is_not_a_digit_network_keeps_its_input_circles(window):
    scene = window.view.scene()
    assert scene.input_image_item() is None
    assert scene.shown_neurons(0) == list(range(window.doc.network.input_size))


def test_an_example_opened_on_the_digits_tab_keeps_the_step_docks_for_the_network_tab(window):
    window.tabs.setCurrentWidget(window.digits_page)
    assert not window.docks["inspector"].isVisible()
    window.open_example("digits_seed002_mnist_784_500_500_10.json")
    assert window.doc.project.network.sizes == [784, 500, 500, 10]
    assert window.tabs.currentWidget() is window.digits_page
    assert not any(window.docks[k].isVisible() for k in ("inspector", "sample", "steps", "derivation"))
    window.tabs.setCurrentWidget(window.view)
    assert all(window.docks[k].isVisible() for k in ("inspector", "sample", "steps", "derivation"))
    assert window.view.scene().input_image_item() is not None


def test_stepping_a_784_500_500_10_digit_stays_quick_and_the_overview_says_what_it_shows(window):
    import time
    _send_test_image(window, "seed002_mnist_784_500_500_10", 4, int(load_set("mnist_5k").labels[4]))
    panel = window.derivation_panel
    times = []
    for _ in range(2):
        t = time.process_time()
        window.act_forward.trigger()
        times.append(time.process_time() - t)
    # layer 2 reached: 500 neurons of 501 terms each would be 250,000 terms; a few are shown
    assert window.doc.cursor.stage.kind == "forward" and window.doc.cursor.stage.layer == 2
    shown, total, layer = panel.partial
    assert total == 500 and layer == 2 and 1 <= shown < 10
    assert len(panel.explanations()) == 2 * shown
    assert "The first" in panel.browser.toPlainText() and "500 neurons of layer 2" in panel.browser.toPlainText()
    assert max(times) < 10, times          # was minutes and gigabytes
    # a selected neuron still gets its whole derivation
    window.view.selection.select(("neuron", 2, 321))
    assert [e.target.name for e in panel.explanations()][:2] == ["z", "a"]
    assert panel.partial is None


def test_precision_is_chosen_in_step_2_as_one_undo_step(window):
    d, doc = window.digits, window.doc
    window.tabs.setCurrentWidget(window.digits_page)
    d.apply_preset("digits_8x8_64_32_10")
    c = d.steps.compile
    assert doc.project.precision == "float64" and c.precision.currentData() == "float64"
    assert doc.project.title.startswith("Digits 8×8")       # the preset's own text came along
    assert doc.project.translations["zh_CN"]["title"].startswith("手写数字 8×8")
    c.precision.setCurrentIndex(c.precision.findData("float32"))
    c.apply.click()
    assert doc.project.precision == "float32"
    assert doc.project.train_config().precision == "float32"
    doc.undo_stack.undo()
    assert doc.project.precision == "float64" and c.precision.currentData() == "float64"
    # a new data set in step 1 suggests its precision in step 2 before Build
    st = d.steps.structure
    st.data_set.setCurrentIndex(st.data_set.findData("mnist_5k"))
    st.data_set.activated.emit(st.data_set.currentIndex())
    assert c.precision.currentData() == "float32"
