"""Continuous training off the GUI thread: a thin worker around core.training and its controller."""
