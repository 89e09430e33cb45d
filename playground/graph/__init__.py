"""The computational-graph explorer: a formula or an unrolled network as a graph of gates,
stepped forward and backward one node at a time."""
from .explorer import GraphExplorer

__all__ = ["GraphExplorer"]
