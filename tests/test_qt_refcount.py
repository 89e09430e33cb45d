"""Guard against Qt builds that leak references on every signal emit / void call.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``True`` on every Python-side
``Signal.emit()`` and to ``None`` on every void Qt call; after a few hundred the interpreter
aborts (``Fatal Python error: bool_dealloc``). pyproject.toml excludes that version; this test
makes sure no build with that behaviour can land. (Immortal objects on Python ≥ 3.12 hide the
counts, so the test checks drift only where refcounts are meaningful.)
"""
import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

N = 50_000
IMMORTAL = sys.version_info >= (3, 12)


class _Emitter(QObject):
    fired = Signal(bool)


def test_signal_emit_does_not_leak_true(qtbot):
    e = _Emitter()
    got = []
    e.fired.connect(lambda v: got.append(v) if len(got) < 1 else None)
    before = sys.getrefcount(True)
    for _ in range(N):
        e.fired.emit(True)
    drift = sys.getrefcount(True) - before
    assert got == [True]
    if not IMMORTAL:
        assert abs(drift) < 100, f"reference count of True drifted by {drift} over {N} emits"


def test_void_qt_calls_do_not_leak_none(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(N):
        w.update()           # a void C++ method
    drift = sys.getrefcount(None) - before
    if not IMMORTAL:
        assert abs(drift) < 1000, f"reference count of None drifted by {drift} over {N} calls"


def test_installed_version_is_not_the_broken_one():
    import PySide6
    if sys.version_info[:2] == (3, 11):
        assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 crashes CPython 3.11"
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    assert version >= (6, 9)
