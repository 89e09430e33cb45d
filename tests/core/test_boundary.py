"""Prediction grids: orientation, agreement with predict(), per-neuron maps."""
import numpy as np

from core import Network, neuron_grids, predict, predict_grid
from core.boundary import grid_axis
from core.features import feature_matrix


def test_grid_matches_predict_and_orientation():
    net = Network.create([3, 5, 1], "tanh", seed=2)
    feats = ("x1", "x2", "x1*x2")
    g = predict_grid(net, feats, 20)
    assert g.shape == (20, 20) and g.dtype == np.float32
    xs = grid_axis(20)
    r, c = 3, 17                              # row = x2, column = x1
    exact = predict(net, feature_matrix(np.array([[xs[c], xs[r]]]), feats))[0, 0]
    assert abs(g[r, c] - exact) < 1e-5


def test_axis_covers_the_domain():
    xs = grid_axis(100)
    assert xs[0] == -6 + 0.06 and abs(xs[-1] - (6 - 0.06)) < 1e-12


def test_neuron_grids_shapes():
    net = Network.create([2, 4, 3, 1], "tanh", seed=0)
    grids = neuron_grids(net, ("x1", "x2"), 12)
    assert [g.shape for g in grids] == [(2, 12, 12), (4, 12, 12), (3, 12, 12), (1, 12, 12)]
    np.testing.assert_allclose(grids[-1][0], predict_grid(net, ("x1", "x2"), 12), atol=1e-6)
    # layer 0 is the features themselves: x1 grows along columns
    assert np.all(np.diff(grids[0][0], axis=1) > 0) and np.all(np.diff(grids[0][0], axis=0) == 0)
