"""Which link is under the mouse: links are painted by one item per weight layer, not one item
each, so they are found by distance from the point to their segments (numpy, per layer)."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF


def segment_distances(xy: np.ndarray, x: float, y: float) -> np.ndarray:
    """Distances from (x, y) to each segment (x1, y1, x2, y2) of the rows of ``xy``."""
    x1, y1, dx, dy = xy[:, 0], xy[:, 1], xy[:, 2] - xy[:, 0], xy[:, 3] - xy[:, 1]
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, ((x - x1) * dx + (y - y1) * dy) / length2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def segment_distance(line: QLineF, p: QPointF) -> float:
    """Distance from ``p`` to the segment ``line``."""
    dx, dy = line.dx(), line.dy()
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - line.x1()) * dx
                                                    + (p.y() - line.y1()) * dy) / length2))
    return math.hypot(p.x() - (line.x1() + t * dx), p.y() - (line.y1() + t * dy))


def nearest_link(link_layers, pos: QPointF, tolerance: float):
    """The ref of the link whose stroke passes nearest ``pos``, within ``tolerance`` scene
    units of its edge (a link's half width counts); None if there is none that close.
    ``link_layers``: the scene's LinkLayerItems (``segments()`` gives rows and half widths)."""
    best, best_d = None, tolerance
    x, y = pos.x(), pos.y()
    for item in link_layers:
        rect = item.boundingRect()
        if not (rect.left() - tolerance <= x <= rect.right() + tolerance):
            continue
        xy, half = item.segments()
        if not len(xy):
            continue
        d = segment_distances(xy, x, y) - half
        k = int(np.argmin(d))
        if d[k] <= best_d:
            best, best_d = item.links[k].ref, d[k]
    return best
