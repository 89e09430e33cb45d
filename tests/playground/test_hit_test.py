"""The canvas's link hit test (playground/canvas/hit_test.py): the vectorised distances agree
with the one-segment formula and with a dense sampling of each segment."""
import numpy as np
from PySide6.QtCore import QLineF, QPointF

from playground.canvas.hit_test import segment_distance, segment_distances


def test_distances_agree_with_one_segment_and_with_sampling():
    rng = np.random.default_rng(7)
    xy = rng.uniform(-50, 50, size=(200, 4))
    xy[:5, 2:] = xy[:5, :2]                       # zero-length segments too
    t = np.linspace(0.0, 1.0, 2001)
    for _ in range(20):
        x, y = rng.uniform(-60, 60, size=2)
        d = segment_distances(xy, x, y)
        for row, dk in zip(xy, d):
            one = segment_distance(QLineF(*row), QPointF(x, y))
            assert abs(one - dk) < 1e-9
            px = row[0] + t * (row[2] - row[0])
            py = row[1] + t * (row[3] - row[1])
            sampled = np.hypot(px - x, py - y).min()
            assert dk <= sampled + 1e-9 and sampled - dk < 0.06   # (sampling step ≤ 0.07)
