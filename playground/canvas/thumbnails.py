"""Neuron thumbnails on the canvas: each neuron's output over the data plane (TF Playground's
small heat maps inside the circles).

The maps come from the Document's DerivedData (``playground.derived``: from the training
frames, or computed once after an edit). While training they are drawn whenever the Document
takes a frame's parameters (≤ 12 times a second), so that the restyled links and the new
thumbnails share one repaint of the canvas. A document without input features (the
step-by-step examples) shows no thumbnails.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from core.view_data import THUMB_N

from ..plots.colors import layer_levels, map_images

__all__ = ["NeuronThumbnails", "THUMB_N"]


class NeuronThumbnails(QObject):
    def __init__(self, doc, controller, scene, parent=None):
        super().__init__(parent)
        self.doc, self.controller, self.scene = doc, controller, scene
        self.enabled = True
        self.draws = 0
        doc.derived.updated.connect(self._on_derived)
        doc.derived.want("view")
        scene.layout_changed.connect(self.recompute)    # a rebuild made new, empty items
        self.recompute()

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.recompute()

    # ------------------------------------------------------------ sources of maps
    def _on_derived(self, frame_only: bool) -> None:
        if frame_only:
            return                      # drawn with the next parameter sync (≤ 12 a second)
        self.recompute()

    def recompute(self) -> None:
        """Show the Document's current maps (nothing without matching features)."""
        self._show(self.doc.derived.neuron_maps if self.enabled else None)

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
