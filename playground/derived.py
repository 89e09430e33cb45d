"""DerivedData: what the views draw that is computed from the Document — the output heat map,
the neuron thumbnails and the train/test metrics — computed once per change, here, and handed
to every view (at once after a change of structure or data, so no view draws old shapes; one
short timer coalesces parameter drags and typing).

While training, all three arrive ready-made in the worker's frames (``core.live_loop``: the
grid and maps from ``core.view_data``, the metrics in the snapshot), so nothing is computed
again in the window. After an edit they are computed once, coalesced by one short timer, by
the same engine functions. Views read ``output``, ``neuron_maps`` and ``metrics`` when
``updated(frame_only)`` fires; ``frame_only`` is true for a training frame the Document did
not take parameters from (views that follow the parameters at a lower rate skip those).
Nothing is computed until a view has asked for it (``want``).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from core.errors import EngineError
from core.features import feature_matrix
from core.forward import predict
from core.problem import set_metrics
from core.view_data import ViewData, view_data

COALESCE_MS = 30
"""One computation per burst of edits (a drag, typing)."""


class DerivedData(QObject):
    updated = Signal(bool)              # frame_only

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.output = None
        self.neuron_maps = None
        self.metrics = None
        """(train SetMetrics, test SetMetrics or None), or None without a data set."""
        self.computations = 0           # after edits (tests: once per burst, never per view)
        self._wanted: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self.recompute)
        doc.changed.connect(self._on_changed)
        doc.destroyed.connect(self._timer.stop)     # nothing computed for a closed document

    def want(self, *parts: str) -> None:
        """A view draws these parts ("view": heat map and thumbnails, "metrics")."""
        new = set(parts) - self._wanted
        self._wanted |= set(parts)
        if new:
            self._timer.start()

    # ------------------------------------------------------------ sources
    def _on_changed(self, change) -> None:
        frame = change.frame
        if frame is not None and self.doc.last_frame is frame and not change.structure:
            self.output = frame.grid
            if frame.neuron_maps is not None or frame.grid is None:
                self.neuron_maps = frame.neuron_maps    # (others keep the last frame's maps)
            snap = frame.snapshot
            if snap.train_metrics is not None:
                self.metrics = (snap.train_metrics, snap.test_metrics)
            self._timer.stop()
            self.updated.emit(change.frame_only)
            return
        if change.training:
            return                      # the frames carry everything while training
        if change.structure or change.data or change.document:
            self.recompute()            # at once: no view may draw the old shapes meanwhile
        elif change.params or change.config:
            self._timer.start()         # one computation per drag, per typing burst

    def recompute(self) -> None:
        """Everything a view wants, for the Document's current network and data."""
        self._timer.stop()
        if not self._wanted:
            return
        net, features = self.doc.network, self.doc.project.features
        self.computations += 1
        data = ViewData(None, None)
        if "view" in self._wanted:
            try:
                data = view_data(net, features)
            except (EngineError, ValueError, IndexError):
                pass
        self.output, self.neuron_maps = data.output, data.neuron_maps
        self.metrics = self._metrics() if "metrics" in self._wanted else None
        self.updated.emit(False)

    def _metrics(self):
        from .data_commands import current_split
        split, net, features = current_split(self.doc), self.doc.network, self.doc.project.features
        if split is None or not features or len(features) != net.input_size:
            return None
        act = net.layers[-1].activation
        result = []
        for data in split:
            if len(data) == 0:
                result.append(None)
                continue
            try:
                out = predict(net, feature_matrix(data.points, features))
            except (EngineError, ValueError):
                return None
            result.append(set_metrics(out, data.labels, data.kind, act, data.n_classes))
        return tuple(result)
