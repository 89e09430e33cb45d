"""Errors the engine raises. Each carries a message meant for a person, never a traceback: the
English text (``str(error)``) and, where the raise site gives one, a ``core.messages.Message``
(code + parameters) that the window renders in its own language."""
from __future__ import annotations

from .messages import Message


class EngineError(Exception):
    """Base class for every error the engine reports to a user."""

    def __init__(self, *args):
        self.message = args[0] if args and isinstance(args[0], Message) else None
        super().__init__(*((str(args[0]),) + args[1:] if self.message is not None else args))


class ShapeError(EngineError, ValueError):
    """An array or index does not fit the network it is used with."""


class DocumentError(EngineError, ValueError):
    """A document could not be read. ``path`` names the field (``network.layers[1].weights``);
    ``reason`` is the English text, ``reason_message`` the Message when there is one."""

    def __init__(self, path: str, reason):
        self.path = path
        self.reason_message = reason if isinstance(reason, Message) else None
        self.reason = str(reason)
        super().__init__(f"{path}: {self.reason}" if path else self.reason)


class DataError(EngineError, ValueError):
    """Bad data points (CSV rows, labels). ``line`` is 1-based when it refers to a file line."""

    def __init__(self, reason, line: int | None = None):
        self.line = line
        self.reason_message = reason if isinstance(reason, Message) else None
        self.reason = str(reason)
        super().__init__(f"line {line}: {self.reason}" if line is not None else self.reason)


class DivergedError(EngineError, ArithmeticError):
    """Training produced a non-finite loss; the last finite parameters are kept."""
