"""The Digits workspace: handwritten digits, the source articles' own application."""
from .workspace import DigitsWorkspace

__all__ = ["DigitsWorkspace"]
