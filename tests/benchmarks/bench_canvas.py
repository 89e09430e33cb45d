"""Canvas responsiveness for a 10-layer × 32-neuron network (9 216 links).

Run:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_canvas.py [LAYERS WIDTH]
Prints figures only (no pass/fail): timed unit tests flake on shared machines. Each figure is
the best of several repeats, the one least disturbed by other work on the machine.

Measured, in milliseconds:
  build            NetworkView(doc) from scratch: one item per neuron and link, labels, fit
  rebuild          the scene rebuilt after a structure change (a neuron added)
  restyle all      doc.set_params() with every weight changed (every pen changes)
  restyle same     doc.set_params() with the same weights (no pen changes; labels refreshed)
  restyle one      one SetParameter command (one link restyled, values recomputed)
  step             one "Forward one layer" (labels of one column appear)
  repaint fit      the view painted offscreen into an image at fit-to-view zoom
  repaint zoomed   the same, zoomed in 4× (most links clipped away)
  repaint select   the view repainted after a link was selected (halo + label)
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QImage, QPainter          # noqa: E402
from PySide6.QtWidgets import QApplication           # noqa: E402

from core import Network                             # noqa: E402
from playground.canvas import NetworkView            # noqa: E402
from playground.commands import SetParameter         # noqa: E402
from playground.document import Document             # noqa: E402
from playground.selection import Selection           # noqa: E402


def best_of(fn, repeats: int = 5, setup=None) -> float:
    """Best wall time of ``fn()`` in milliseconds (``setup()`` runs untimed before each)."""
    times = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * min(times)


def paint(view, image: QImage) -> None:
    """Paint the whole viewport into ``image`` the way a screen update does."""
    image.fill(0)
    painter = QPainter(image)
    view.render(painter)
    painter.end()


def main(layers: int = 10, width: int = 32) -> None:
    app = QApplication.instance() or QApplication([])
    doc = Document()
    doc.set_network(Network.create([width] * layers, "tanh", seed=3))
    selection = Selection()
    views = []

    def build():
        view = NetworkView(doc, selection)
        view.resize(1200, 800)
        views.append(view)

    def drop_views():                 # one scene at a time listens to the document
        while views:
            old = views.pop()
            doc.changed.disconnect(old.scene()._on_changed)
            old.deleteLater()
        app.processEvents()

    figures = {"build": best_of(build, 3, setup=drop_views)}
    view = views[-1]
    view.show()
    app.processEvents()
    scene = view.scene()
    params = doc.network.get_params()
    flipped = [(-w, b) for w, b in params]

    from playground import structure_edits
    figures["rebuild"] = best_of(lambda: structure_edits.add_neuron(doc, 3),
                                 3, setup=lambda: doc.undo_stack.undo() if doc.undo_stack.canUndo() else None)
    doc.undo_stack.undo()

    state = {"flip": False}

    def restyle_all():
        state["flip"] = not state["flip"]
        doc.set_params(flipped if state["flip"] else params)

    figures["restyle all"] = best_of(restyle_all)
    figures["restyle same"] = best_of(lambda: doc.set_params(doc.network.get_params()))
    value = {"v": 0.5}

    def restyle_one():
        value["v"] = -value["v"]
        doc.undo_stack.push(SetParameter(doc, ("W", 5, 3, 4), value["v"]))

    figures["restyle one"] = best_of(restyle_one)
    figures["step"] = best_of(doc.step_forward, setup=doc.reset_step)

    image = QImage(view.viewport().size(), QImage.Format_ARGB32_Premultiplied)
    view.fit_to_view()
    figures["repaint fit"] = best_of(lambda: paint(view, image))
    view.zoom_in()
    for _ in range(5):
        view.zoom_in()
    figures["repaint zoomed"] = best_of(lambda: paint(view, image))
    view.fit_to_view()
    refs = [("link", 4, k, k) for k in range(6)]
    it = iter(refs * 2)
    figures["repaint select"] = best_of(lambda: (selection.select(next(it)), paint(view, image)))

    print(f"{layers} layers × {width} neurons: {scene.link_count()} links, "
          f"{len(scene.items())} scene items")
    for name, ms in figures.items():
        print(f"  {name:<15} {ms:8.1f} ms")
    doc.undo_stack.setClean()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
