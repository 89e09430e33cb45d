"""The canvas's caches: link layers drawn once into a pixmap at the view's scale (a pan copies
it, a zoom gesture scales it until the gesture ends), a big network's neurons and labels cached
at their own size when zoomed out; what is drawn stays what direct drawing draws, and clicks
still find neurons and links."""
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem

from core import Network
from playground.canvas import NetworkView, links, palette
from playground.canvas.links import LinkLayerItem
from playground.document import Document
from playground.selection import Selection


def make_view(qtbot, sizes, seed=3):
    doc = Document()
    doc.set_network(Network.create(sizes, "tanh", seed=seed))
    view = NetworkView(doc, Selection())
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    return doc, view, view.scene()


def pixels(view) -> np.ndarray:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def paint(view) -> None:
    """One frame of the viewport, now (a repaint() is not synchronous under pytest-qt here)."""
    view.viewport().grab()


def count_renders(monkeypatch) -> list:
    calls = []
    original = LinkLayerItem._render_cache

    def counted(self, *args):
        calls.append(self)
        return original(self, *args)
    monkeypatch.setattr(LinkLayerItem, "_render_cache", counted)
    return calls


@pytest.mark.parametrize("sizes, tolerance", [
    ([32, 32, 32, 32, 32], 0),      # aliased links (a big network): the same pixels
    ([12, 16, 16, 3], 4),           # antialiased: blended onto the pixmap, ±rounding
])
def test_cached_links_look_like_links_drawn_directly(qtbot, monkeypatch, sizes, tolerance):
    doc, view, scene = make_view(qtbot, sizes)
    for zoom in (0, 2):
        view.fit_to_view()
        for _ in range(zoom):
            view.zoom_in()
        scene.end_zoom_gesture()
        cached = pixels(view)
        monkeypatch.setattr(links, "CACHE_MAX_PIXELS", 0)       # nothing fits: drawn directly
        for item in scene.items():
            if isinstance(item, LinkLayerItem):
                item.drop_cache()
        direct = pixels(view)
        monkeypatch.undo()
        for item in scene.items():
            if isinstance(item, LinkLayerItem):
                item.drop_cache()
        assert (direct != pixels(view)[0, 0]).any()             # links are on screen at all
        # (a line clipped at the view's edge may start a pixel off when drawn directly)
        off = (np.abs(cached - direct).max(axis=-1) > tolerance).mean()
        assert off < 0.001, f"zoom {zoom}: {off:.4%} of the pixels differ"


def test_a_pan_copies_the_pixmap_a_zoom_gesture_scales_it_and_its_end_redraws(qtbot, monkeypatch):
    doc, view, scene = make_view(qtbot, [16, 24, 24, 2])
    view.zoom_in()
    scene.end_zoom_gesture()
    paint(view)
    renders = count_renders(monkeypatch)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 30)                      # pan: same scale, the same pixels
    paint(view)
    assert renders == []
    view.zoom_in()                                       # a gesture: the last pixels, scaled
    assert scene.in_zoom_gesture()
    paint(view)
    assert renders == []
    qtbot.waitUntil(lambda: not scene.in_zoom_gesture(), timeout=3000)   # it ends by itself
    paint(view)
    assert renders, "the end of a zoom gesture draws the links sharp at the new scale"
    renders.clear()
    doc.set_params([(-w, b) for w, b in doc.network.get_params()], training=True)
    paint(view)
    assert renders, "new weights: the links are drawn again"


def test_a_fit_is_drawn_sharp_at_once(qtbot, monkeypatch):
    doc, view, scene = make_view(qtbot, [16, 24, 24, 2])
    view.zoom_in()
    scene.end_zoom_gesture()
    paint(view)                 # the pixmaps at this zoom
    view.zoom_in()                            # a gesture …
    paint(view)
    view.fit_to_view()                        # … cut short by a fit: a new scale, drawn sharp
    assert not scene.in_zoom_gesture()
    renders = count_renders(monkeypatch)
    paint(view)
    assert renders


def test_a_big_network_caches_its_neurons_when_zoomed_out_and_clicks_still_find_them(qtbot):
    doc, view, scene = make_view(qtbot, [32] * 10)
    neuron = scene.neuron_item(4, 7)
    assert view.zoom_factor() < 1
    assert neuron.cacheMode() == QGraphicsItem.ItemCoordinateCache
    # far out the value labels are too small to draw: hidden (their text is still there)
    assert view.zoom_factor() * palette.LABEL_PIXEL_SIZE < palette.MIN_TEXT_PIXELS
    assert not neuron.label.isVisible() and neuron.label_texts()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(neuron.scenePos()))
    assert view.selection.ref == ("neuron", 4, 7)
    assert neuron.is_highlighted()
    view.grab()
    link = scene.link_item(5, 3, 9)
    view.reset_zoom()                                    # 1:1: painted directly, labels shown
    assert neuron.cacheMode() == QGraphicsItem.NoCache and neuron.fixed_lod is None
    assert neuron.label.isVisible()
    view.centerOn(link.line().pointAt(0.5))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton,
                     pos=view.mapFromScene(link.line().pointAt(0.5)))
    assert view.selection.ref[0] == "link"


def test_a_small_network_is_painted_as_before(qtbot):
    doc, view, scene = make_view(qtbot, [2, 3, 1])
    neuron = scene.neuron_item(1, 0)
    assert neuron.cacheMode() == QGraphicsItem.NoCache and neuron.fixed_lod is None
    assert neuron.label.isVisible()
    assert neuron.label.cacheMode() == QGraphicsItem.DeviceCoordinateCache
