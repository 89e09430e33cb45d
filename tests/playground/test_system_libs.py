"""A missing system library gives one line naming the apt package, not a traceback."""
import subprocess
import sys

import pytest

from playground import system_libs
from playground.system_libs import APT_PACKAGES, message_for

from ..conftest import ROOT

LOADER = "{}: cannot open shared object file: No such file or directory"


@pytest.mark.parametrize("soname, package", [
    ("libGL.so.1", "libgl1"), ("libEGL.so.1", "libegl1"), ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_loader_error_names_the_package(soname, package):
    line = message_for(LOADER.format(soname), "Qt")
    assert "\n" not in line
    assert line.endswith(f"sudo apt-get install {package}")
    assert soname in line


def test_unknown_library_and_other_errors_stay_one_line():
    line = message_for(LOADER.format("libfoo.so.7"), "Qt")
    assert "libfoo.so.7" in line and "\n" not in line
    line = message_for("/x/libQt6Gui.so.6: undefined symbol: _ZN7QString\n", "Qt")
    assert "undefined symbol" in line and "\n" not in line


def test_every_library_qt_and_its_xcb_plugin_need_is_mapped():
    import os

    from PySide6.QtCore import QLibraryInfo
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    libs = os.path.join(plugins, os.pardir, "lib")
    needed = set()
    for path in (os.path.join(plugins, "platforms", "libqxcb.so"),
                 os.path.join(libs, "libQt6Gui.so.6"), os.path.join(libs, "libQt6XcbQpa.so.6"),
                 os.path.join(libs, "libQt6DBus.so.6"), os.path.join(libs, "libQt6OpenGL.so.6")):
        if not os.path.exists(path):
            pytest.skip(f"not a Linux PySide6 wheel layout: {path}")
        out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True)
        if out.returncode != 0:
            pytest.skip("readelf not available")
        needed |= {line.split("[")[1].rstrip("]") for line in out.stdout.splitlines()
                   if "(NEEDED)" in line}
    system = {n for n in needed if not n.startswith(("libQt6", "libc.so", "libm.so", "libstdc++",
                                                     "libgcc_s", "libz.so", "libpthread",
                                                     "libdl.so", "librt.so", "libicu"))}
    assert sorted(system - set(APT_PACKAGES)) == []


@pytest.mark.parametrize("env, xcb", [
    ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb:foo=1"}, True),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
    ({"DISPLAY": ":1"}, True),
    ({"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ({}, False),
])
def test_which_platform_is_checked(env, xcb):
    assert system_libs._wants_xcb(env) is xcb


def test_the_xcb_plugin_loads_here(monkeypatch):
    """On this machine (xcb libraries installed) the real check passes."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert system_libs.problem() is None


FAKE_MISSING = r"""
import ctypes, importlib.abc, sys
kind = sys.argv[1]
if kind == "gl":
    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name == "PySide6.QtWidgets":
                raise ImportError("libGL.so.1: cannot open shared object file: "
                                  "No such file or directory")
    sys.meta_path.insert(0, Block())
else:
    real = ctypes.CDLL
    def fake(name, *a, **k):
        if str(name).endswith("libqxcb.so"):
            raise OSError("libxcb-icccm.so.4: cannot open shared object file: "
                          "No such file or directory")
        return real(name, *a, **k)
    ctypes.CDLL = fake
from playground.__main__ import main
sys.exit(main([]))
"""


@pytest.mark.parametrize("kind, package", [("gl", "libgl1"), ("xcb", "libxcb-icccm4")])
def test_start_up_prints_one_line_and_exits_1(kind, package):
    import os
    env = dict(os.environ, QT_QPA_PLATFORM="xcb" if kind == "xcb" else "offscreen")
    proc = subprocess.run([sys.executable, "-c", FAKE_MISSING, kind], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"sudo apt-get install {package}" in lines[0]
