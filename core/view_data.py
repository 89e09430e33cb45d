"""What the window's views draw that is computed from a network over the data plane: the
output over the 100×100 grid (the heat map) and every neuron's map (the canvas thumbnails).

One function, ``view_data``, so that one computation serves every view: the live loop's frames
carry its result while training, and the window's ``DerivedData`` makes one after an edit.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .boundary import neuron_grids, predict_class_grid, predict_grid
from .network import Network

GRID_N = 100
"""Cells per side of the output heat map."""
THUMB_N = 24
"""Cells per side of a neuron thumbnail."""


@dataclass(frozen=True)
class ViewData:
    output: np.ndarray | None
    """(GRID_N, GRID_N) float32: the output value (one output) or the arg-max class (several);
    None without input features that match the network."""
    neuron_maps: list | None
    """Per neuron layer 0 … L, (n_neurons, THUMB_N, THUMB_N) float32; layer 0 the inputs."""


def _fits(net: Network, features) -> bool:
    return bool(features) and len(features) == net.input_size


def output_grid(net: Network, features, grid_n: int = GRID_N) -> np.ndarray | None:
    """``ViewData.output`` alone (the heat map): None without features that fit the network."""
    if not _fits(net, features):
        return None
    if net.output_size > 1:
        return predict_class_grid(net, tuple(features), grid_n).astype(np.float32)
    return predict_grid(net, tuple(features), grid_n)


def view_data(net: Network, features, grid_n: int = GRID_N, thumb_n: int = THUMB_N,
              maps: bool = True, output: bool = True) -> ViewData:
    """The heat map's grid (unless ``output`` is false) and, if ``maps``, every neuron's map."""
    if not _fits(net, features):
        return ViewData(None, None)
    features = tuple(features)
    return ViewData(output_grid(net, features, grid_n) if output else None,
                    neuron_grids(net, features, thumb_n) if maps else None)
