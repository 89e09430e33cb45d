"""Neuron thumbnails on the canvas: each neuron's output over the data plane (TF Playground's
small heat maps inside the circles).

While training, the maps arrive ready-made in the worker's frames and are drawn at most
``DRAW_INTERVAL`` apart; after an edit they are computed here once, coalesced by a short timer.
A document without input features (the step-by-step examples) shows no thumbnails.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer

from core.boundary import neuron_grids
from core.errors import EngineError

from ..plots import Throttle
from ..plots.colors import map_image, neuron_levels

THUMB_N = 24
"""Grid cells per side; the worker computes its frames' maps at the same size."""


class NeuronThumbnails(QObject):
    def __init__(self, doc, controller, scene, parent=None):
        super().__init__(parent)
        self.doc, self.controller, self.scene = doc, controller, scene
        self.enabled = True
        self.draws = 0
        self._frame = None
        self._throttle = Throttle(self._draw_frame, parent=self)
        self._timer = QTimer(self, singleShot=True, interval=40)
        self._timer.timeout.connect(self.recompute)
        doc.changed.connect(self._on_changed)
        controller.frame_applied.connect(self._on_frame)
        scene.layout_changed.connect(self._timer.start)     # a rebuild made new, empty items
        self.recompute()

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.recompute()

    # ------------------------------------------------------------ sources of maps
    def _on_changed(self, change) -> None:
        if not change.training or change.structure:
            self._timer.start()

    def _on_frame(self, frame) -> None:
        self._frame = frame
        self._throttle()

    def _draw_frame(self) -> None:
        frame, self._frame = self._frame, None
        if frame is not None and frame.neuron_maps is not None and self.enabled:
            self._show(frame.neuron_maps)

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
        if maps is not None and len(maps) == net.depth + 1:
            if [g.shape[0] for g in maps] != list(net.sizes):
                return              # a frame from before a structure edit: skip it
            for layer, grids in enumerate(maps):
                act = net.layer(layer).activation if layer > 0 else None
                for i, grid in enumerate(grids):
                    if np.all(np.isfinite(grid)):
                        images[(layer, i)] = map_image(grid, neuron_levels(act, grid))
        self.scene.set_thumbnails(images)
        self.draws += 1
