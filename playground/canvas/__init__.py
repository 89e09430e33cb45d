"""The network canvas: ``NetworkView`` (zoom, pan, fit, context menu) showing a
``NetworkScene`` (one item per neuron and link, mirrored from the Document)."""
from .items import NeuronItem
from .links import LinkItem
from .scene import NetworkScene
from .view import NetworkView

__all__ = ["LinkItem", "NetworkScene", "NetworkView", "NeuronItem"]
