"""What changed in the Document: one frozen record per notification.

Exactly one Change per undoable step (push, undo, redo) and one per training frame. Views
refresh only what a Change names and read the new values from the Document.
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
    """Parameters changed because of live training (≤ 12 a second; views may throttle)."""
    history: bool = False
    """The loss history was replaced (a run undone or redone, a reset, another problem)."""
    frame: object = None
    """A live training frame (``Document.last_frame``): up to 60 a second. A Change with only
    a frame (``frame_only``) changes nothing but the live views (heat map, loss, counters)."""
    document: bool = False
    """A whole new document was loaded (everything changed)."""
    initiator: object = None
    """The object that caused the change, so it can skip its own echo."""

    @property
    def frame_only(self) -> bool:
        return self.frame is not None and not self.training

    @classmethod
    def of(cls, aspects, initiator=None, refs: tuple = (), step: bool = False) -> "Change":
        """The Change for a new state differing in ``aspects`` (``core.session.aspects``)."""
        a = set(aspects)
        return cls(structure="structure" in a, params="params" in a or "structure" in a,
                   refs=refs if a <= {"params"} else (), sample="sample" in a,
                   config="config" in a, data="data" in a, history="history" in a,
                   step=step, initiator=initiator)

    @classmethod
    def everything(cls, initiator=None) -> "Change":
        return cls(structure=True, params=True, sample=True, config=True, step=True, data=True,
                   history=True, document=True, initiator=initiator)
