"""The live loss history buffer lives in the engine now (``core.history``)."""
from core.history import COLUMNS, HistoryBuffer  # noqa: F401
