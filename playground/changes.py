"""What changed in the Document: one frozen record per notification.

Views refresh only what a Change names and read the new values from the Document.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    structure: bool = False
    """Layers or neurons were added/removed, activations or masks changed: rebuild."""
    params: bool = False
    """Weights or biases changed (``refs`` may name which)."""
    refs: tuple = ()
    """("W", l, i, j) / ("b", l, i) entries when only a few parameters changed."""
    sample: bool = False
    """The sample input x or target y changed."""
    config: bool = False
    """Loss, optimizer, learning rate or other settings changed."""
    step: bool = False
    """The step cursor moved or was rebuilt (values shown on the canvas change)."""
    data: bool = False
    """The data set changed."""
    training: bool = False
    """Parameters changed because of training (high frequency; views may throttle)."""
    document: bool = False
    """A whole new document was loaded (everything changed)."""
    initiator: object = None
    """The object that caused the change, so it can skip its own echo."""

    @classmethod
    def everything(cls, initiator=None) -> "Change":
        return cls(structure=True, params=True, sample=True, config=True, step=True, data=True,
                   document=True, initiator=initiator)
