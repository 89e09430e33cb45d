"""Handing heap memory that is free again back to the system.

Reading a big document parses its text into Python lists first (a 1024-1024-1 network: 11 MB
of text, about a million float objects) and only then into arrays. glibc keeps what those
lists freed in the process's heap, so the window went on holding ~25 MB it no longer used
(measured: RSS after opening 1024-1024-1 ~92 MB above an empty window, ~68 MB with the trim).
"""
from __future__ import annotations

import ctypes
import sys


def give_back() -> bool:
    """``malloc_trim(0)`` where the C library has it (glibc on Linux); whether it returned
    anything. Elsewhere, or on a C library without it, nothing happens."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim     # the process's own C library
    except (OSError, AttributeError):
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return bool(trim(0))
