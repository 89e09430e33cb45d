"""One clear line naming the Debian/Ubuntu package when a system library Qt needs is missing.

Without it a bare machine shows a raw ImportError traceback (no libGL) or Qt's abort message
blaming libxcb-cursor0 when another xcb library is the one missing. `problem()` imports the Qt
modules the window needs and, when the window would open on X11, loads Qt's xcb platform plugin
the way Qt does (dlopen): the dynamic loader then names the first library it cannot find, and
that library's name is mapped to the package that ships it (the line also lists every
package a real X11 window needs, so one apt-get fixes them all). Called once at start-up, before the
QApplication exists; returns None when everything loads.
"""
from __future__ import annotations

import ctypes
import os
import re
import sys

# soname -> Debian/Ubuntu package (bookworm / jammy and later names)
APT_PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libGLdispatch.so.0": "libglvnd0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libgobject-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6", "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-util.so.1": "libxcb-util1",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
REAL_WINDOW_PACKAGES = ("libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 "
                        "libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1")

_SONAME = re.compile(r"(lib[\w.+-]*?\.so(?:\.\d+)*)\s*:\s*cannot open shared object file")


def message_for(error_text: str, what: str) -> str:
    """The one line for a loader error such as 'libGL.so.1: cannot open shared object file'."""
    m = _SONAME.search(error_text)
    if not m:
        return f"backprop-playground: cannot load {what}: {error_text.strip()}"
    soname = m.group(1)
    package = APT_PACKAGES.get(soname)
    if package is None:
        return (f"backprop-playground: the system library {soname} is missing (needed by "
                f"{what}); install the package that provides it")
    return (f"backprop-playground: the system library {soname} is missing (needed by {what}): "
            f"sudo apt-get install {package}")


def _wants_xcb(env=os.environ) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    # Qt's own default on Linux: Wayland when a Wayland session is running, X11 otherwise
    return sys.platform.startswith("linux") and bool(env.get("DISPLAY")) \
        and not env.get("WAYLAND_DISPLAY")


def problem() -> str | None:
    try:
        import PySide6.QtWidgets  # noqa: F401  (QtGui/QtOpenGL need no other system library)
    except ImportError as exc:
        return message_for(str(exc), "Qt")
    if not _wants_xcb():
        return None
    from PySide6.QtCore import QLibraryInfo
    plugin = os.path.join(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
                          "platforms", "libqxcb.so")
    if not os.path.exists(plugin):
        return None  # a build without the plugin: Qt reports that itself
    try:
        ctypes.CDLL(plugin, mode=os.RTLD_LAZY)
    except OSError as exc:
        return message_for(str(exc), "a window on X11, which needs all of "
                           + REAL_WINDOW_PACKAGES)
    return None
