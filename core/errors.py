"""Errors the engine raises. Each carries a message meant for a person, never a traceback."""


class EngineError(Exception):
    """Base class for every error the engine reports to a user."""


class ShapeError(EngineError, ValueError):
    """An array or index does not fit the network it is used with."""


class DocumentError(EngineError, ValueError):
    """A document could not be read. ``path`` names the field (``network.layers[1].weights``)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


class DataError(EngineError, ValueError):
    """Bad data points (CSV rows, labels). ``line`` is 1-based when it refers to a file line."""

    def __init__(self, reason: str, line: int | None = None):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line is not None else reason)


class DivergedError(EngineError, ArithmeticError):
    """Training produced a non-finite loss; the last finite parameters are kept."""
