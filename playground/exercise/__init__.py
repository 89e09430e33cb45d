"""Predict-then-reveal exercises in the step-by-step window (``session``: the Qt-side state and
its public API; ``panel``: the widgets; ``text``: rendering; ``training_prediction``: the
qualitative training questions). The rules and numbers live in ``core.exercise``."""
from .session import ExerciseSession

__all__ = ["ExerciseSession"]
