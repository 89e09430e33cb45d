"""Classroom mode's locks on keyboard shortcuts in a real X11 window (see test_x11.py)."""
import pytest

from .test_x11 import MISSING, run_under_xvfb


@pytest.mark.skipif(bool(MISSING), reason=f"needs {' and '.join(MISSING)} (a real X server)")
def test_locked_shortcuts_and_the_clicker_in_a_real_x11_window():
    result = run_under_xvfb("classroom_keys.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ambiguous shortcut" not in result.stderr
