"""Neuron thumbnails on the canvas: each neuron's output over the data plane (TF Playground's
small heat maps inside the circles).

While training, the maps arrive ready-made in the worker's frames; they are drawn whenever the
Document takes a frame's parameters (≤ 12 times a second), so that the restyled links and the
new thumbnails share one repaint of the canvas. After an edit they are computed here once,
coalesced by a short timer. A document without input features (the step-by-step examples)
shows no thumbnails.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer

from core.boundary import neuron_grids
from core.errors import EngineError

from ..plots.colors import layer_levels, map_images

THUMB_N = 24
"""Grid cells per side; the worker computes its frames' maps at the same size."""


class NeuronThumbnails(QObject):
    def __init__(self, doc, controller, scene, parent=None):
        super().__init__(parent)
        self.doc, self.controller, self.scene = doc, controller, scene
        self.enabled = True
        self.draws = 0
        self._timer = QTimer(self, singleShot=True, interval=40)
        self._timer.timeout.connect(self.recompute)
        doc.changed.connect(self._on_changed)
        scene.layout_changed.connect(self._timer.start)     # a rebuild made new, empty items
        self.recompute()

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.recompute()

    # ------------------------------------------------------------ sources of maps
    def _on_changed(self, change) -> None:
        if change.frame_only:
            return                      # drawn with the next parameter sync (≤ 12 a second)
        if change.training and not change.structure:
            frame = change.frame
            if self.controller.running and frame is not None and frame.neuron_maps is not None:
                if self.enabled:
                    self._show(frame.neuron_maps)
                return
        self._timer.start()

    def recompute(self) -> None:
        """Maps of the Document's current network (nothing without matching features)."""
        self._timer.stop()
        features, net = self.doc.project.features, self.doc.network
        maps = None
        if self.enabled and features and len(features) == net.input_size:
            try:
                maps = neuron_grids(net, tuple(features), THUMB_N)
            except (EngineError, ValueError):
                maps = None
        self._show(maps)

    # ------------------------------------------------------------ maps → images
    def _show(self, maps) -> None:
        images = {}
        net = self.doc.network
        if maps is not None and [g.shape[0] for g in maps] == list(net.sizes):
            # (a frame from before a structure edit has other sizes: it is skipped)
            lows, highs = zip(*(layer_levels(net.layer(l).activation if l > 0 else None, g)
                                for l, g in enumerate(maps)))
            pictures = map_images(np.concatenate(maps), np.concatenate(lows),
                                  np.concatenate(highs), disc_scale=2)
            keys = [(l, i) for l, n in enumerate(net.sizes) for i in range(n)]
            images = dict(zip(keys, pictures))
        self.scene.set_thumbnails(images)
        self.draws += 1
