"""The worked example's first view: the whole network when it fits at a legible size, else its
input side (inputs on screen, the labels still ≥ 11 px), never the middle with the inputs and the
output both off-screen — in English and in Chinese (wider docks, a narrower canvas)."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from playground import fonts, i18n
from playground.canvas.palette import LABEL_PIXEL_SIZE
from playground.canvas.view import READABLE_PIXELS
from playground.main_window import MainWindow


def _on_screen(view, item) -> bool:
    seen = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return view.viewport().rect().contains(seen)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_the_first_view_shows_the_whole_network_or_its_input_side(qtbot, qapp, tmp_path, language, size):
    fonts.install(qapp)
    i18n.set_language(language)
    try:
        w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        QApplication.processEvents()
        view, scene, net = w.view, w.view.scene(), w.doc.network
        assert LABEL_PIXEL_SIZE * view.transform().m11() >= READABLE_PIXELS - 1e-9
        inputs = [scene.neuron_item(0, i) for i in range(net.sizes[0])]
        output = [scene.neuron_item(net.depth, i) for i in range(net.sizes[-1])]
        whole = view.mapFromScene(scene.network_rect()).boundingRect()
        if view.viewport().rect().contains(whole):
            assert all(_on_screen(view, n) for n in inputs + output)
        else:                                   # too large at 11 px: start where the step starts
            assert all(_on_screen(view, n) for n in inputs), (language, size)
            assert view.horizontalScrollBar().value() == view.horizontalScrollBar().minimum()
        w.act_forward.trigger()                  # the first step (layer 1) is in sight
        QApplication.processEvents()
        assert all(_on_screen(view, scene.neuron_item(1, i)) for i in range(net.sizes[1]))
        w.doc.undo_stack.setClean()
    finally:
        i18n.set_language("en")
