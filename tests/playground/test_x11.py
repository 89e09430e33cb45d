"""Key handling in a real X11 window (xcb under Xvfb, real key events from xdotool): the
offscreen platform binds shortcuts differently, so an ambiguous shortcut that passes there can
be dead here. Skipped, with the reason, where Xvfb or xdotool is missing."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = Path(__file__).parent / "x11_scripts"
MISSING = [t for t in ("xvfb-run", "xdotool") if shutil.which(t) is None]


def run_under_xvfb(script: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable,
                           str(SCRIPTS / script), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(bool(MISSING), reason=f"needs {' and '.join(MISSING)} (a real X server)")
def test_redo_and_zoom_keys_in_a_real_x11_window():
    """Redo answers Ctrl+Shift+Z and Ctrl+Y (no ambiguous duplicate), Ctrl+= zooms like Ctrl++,
    and the lists of keys hold each sequence once."""
    result = run_under_xvfb("keys.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ambiguous shortcut" not in result.stderr


@pytest.mark.skipif(bool(MISSING), reason=f"needs {' and '.join(MISSING)} (a real X server)")
def test_shift_f1_enters_whats_this_in_a_real_x11_window():
    result = run_under_xvfb("keys.py", "help")
    assert result.returncode == 0, result.stdout + result.stderr
