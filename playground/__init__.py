"""Backprop Playground's window: PySide6 + pyqtgraph views of the engine in ``core``."""
