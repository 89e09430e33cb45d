"""Waiting in GUI tests while a worker trains: a real QEventLoop, never QTest.qWait (qWait
processes events in a way that starves the training thread, so a run that should take a second
can take the whole timeout). Shared by the GUI test modules; import with
``from .event_loop import spin, spin_until``."""
import time

from PySide6.QtCore import QEventLoop, QTimer


def spin(ms: int, until=None) -> bool:
    """Run a real event loop for ``ms`` milliseconds, or until ``until()`` is true (checked
    every 10 ms). Returns whether ``until`` held at the end (True when there is none); the caller
    that needs the condition asserts on the state itself, or uses :func:`spin_until`."""
    loop = QEventLoop()
    end = time.monotonic() + ms / 1000
    done = until is not None and until()
    if not done:
        def check():
            nonlocal done
            done = until is not None and until()
            if done or time.monotonic() >= end:
                loop.quit()
        timer = QTimer(interval=10)
        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
    return done or until is None


def spin_until(cond, timeout_s: float = 60.0) -> bool:
    """Run a real event loop until ``cond()`` is true; fails the test after ``timeout_s``."""
    assert spin(int(timeout_s * 1000), until=cond), f"timed out after {timeout_s} s"
    return True
