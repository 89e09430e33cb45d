"""What every PyInstaller recipe of Backprop Playground shares (Linux, Windows, macOS specs).

The specs import this module (their own folder is put on sys.path first). It decides what goes
into the frozen app and what stays out:

* the app's packages with every submodule (some are imported lazily) and every file under
  resources/ (examples, translations, fonts, data sets, icons, lessons, licences) at the same
  relative place under the frozen app's `_internal/resources/`, where
  `importlib.resources.files("resources") / ...` finds them (PyInstaller's frozen importer answers
  files() with that folder);
* out: Python and Qt modules the app never imports, Qt's translations other than Simplified
  Chinese (the app's two languages are English, which needs none, and zh_CN), Qt plugins for
  platforms and formats a desktop app does not use (EGLFS, VNC, linuxfb, evdev/tuio input, tiff,
  webp, ...) and, on Linux, copies of the system libraries the .deb depends on anyway (glib,
  fontconfig/freetype, dbus, X11/xcb, xkbcommon, libstdc++, ...: one copy, the system's, as every
  other program uses; packaging/build.sh lists them in the .deb's Depends).
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
APP_PACKAGES = ("core", "playground", "resources")


def hiddenimports() -> list[str]:
    from PyInstaller.utils.hooks import collect_submodules
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    names = []
    for pkg in APP_PACKAGES:
        names += collect_submodules(pkg)
    # pyqtgraph imports these with importlib.import_module: PyInstaller cannot see it
    return names + ["PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg"]


def resource_datas() -> list[tuple[str, str]]:
    """(source file, destination folder) for every non-Python file under resources/."""
    datas = []
    res_root = os.path.join(ROOT, "resources")
    for folder, dirs, files in os.walk(res_root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = os.path.relpath(folder, ROOT)
        for name in sorted(files):
            if not name.endswith((".py", ".pyc", ".pyo")):
                datas.append((os.path.join(folder, name), rel))
    return datas


EXCLUDES = [
    # never imported by the app; scipy alone is ~100 MB (pyqtgraph imports it only optionally)
    "tkinter", "_tkinter", "scipy", "matplotlib", "pandas", "PIL", "IPython", "jupyter",
    "pytest", "_pytest", "pytestqt", "hypothesis", "mpmath", "fontTools",
    "PyQt5", "PyQt6", "PySide2", "OpenGL", "pyqtgraph.opengl", "pyqtgraph.examples",
    "pyqtgraph.jupyter", "pyqtgraph.canvas", "pyqtgraph.flowchart",
    # Qt modules the app does not use (pyqtgraph imports QtTest optionally; QtOpenGL and
    # QtOpenGLWidgets it needs at load time: they stay)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtMultimedia",
    "PySide6.Qt3DCore", "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtPdf",
    "PySide6.QtTest", "PySide6.QtSql", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtPrintSupport", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    # numpy.f2py drags in charset_normalizer, numpy.__config__ optionally yaml: not needed.
    "numpy.f2py", "yaml", "charset_normalizer",
    # no network, no TLS, no interactive prompt: ssl would bring libssl/libcrypto (5 MB);
    # hashlib falls back to its built-in digests without _hashlib
    "ssl", "_ssl", "_hashlib", "readline", "curses", "_curses", "http.server", "xmlrpc",
    "pydoc_data", "lib2to3", "ensurepip", "venv", "distutils", "setuptools", "pip",
]

# Qt plugins a desktop window never loads (it uses xcb, wayland or offscreen on Linux; windows on
# Windows; cocoa on macOS). Matched against the plugin file name without lib prefix/extension.
DROP_PLUGIN_DIRS = ("egldeviceintegrations", "generic", "sqldrivers", "networkinformation", "tls",
                    "qmltooling", "designer")
DROP_PLUGINS = ("qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvkkhrdisplay", "qvnc",
                "qdirect2d", "qtiff", "qwebp", "qicns", "qtga", "qwbmp", "qpdf")
KEEP_QT_TRANSLATIONS = ("_zh_CN.qm",)

# Linux: Qt's GTK3 platform theme plugin cannot load without the target's own libgtk-3 and, when
# it does, would mix the system GTK with cairo/pango/gdk-pixbuf copies from the build machine
# (undefined-symbol crashes): it and the libraries only it needs stay out.
GTK_ONLY = (
    "libqgtk3.so", "libatk-1.0.so", "libatk-bridge-2.0.so", "libatspi.so", "libcairo.so",
    "libcairo-gobject.so", "libpango-1.0.so", "libpangocairo-1.0.so", "libpangoft2-1.0.so",
    "libgdk_pixbuf-2.0.so", "libgdk-3.so", "libgtk-3.so", "libthai.so", "libdatrie.so",
    "libfribidi.so", "libpixman-1.so", "libjpeg.so", "libXrender.so", "libXext.so",
)
# Linux: libraries that come with the .deb's Depends (packaging/build.sh: LINUX_DEPENDS) or are
# there on every Debian/Ubuntu; also what only the dropped plugins/modules needed (QtNetwork,
# Kerberos, EGLFS).
LINUX_SYSTEM_LIBS = (
    "libglib-2.0.so", "libgobject-2.0.so", "libgio-2.0.so", "libgmodule-2.0.so",
    "libgthread-2.0.so", "libmount.so", "libblkid.so", "libselinux.so", "libpcre2-8.so",
    "libffi.so", "libfontconfig.so", "libfreetype.so", "libexpat.so", "libpng16.so",
    "libbrotlicommon.so", "libbrotlidec.so", "libbz2.so", "libharfbuzz.so", "libgraphite2.so",
    "libdbus-1.so", "libsystemd.so", "libgcrypt.so", "libgpg-error.so", "liblz4.so",
    "libzstd.so", "liblzma.so", "libcap.so", "libxkbcommon.so", "libxkbcommon-x11.so",
    "libX11.so", "libX11-xcb.so", "libXau.so", "libXdmcp.so", "libbsd.so", "libmd.so",
    "libxcb.so", "libxcb-", "libz.so", "libstdc++.so", "libgcc_s.so", "libtinfo.so",
    "libreadline.so", "libssl.so", "libcrypto.so", "libgssapi_krb5.so", "libkrb5.so",
    "libk5crypto.so", "libkrb5support.so", "libcom_err.so", "libkeyutils.so",
    "libQt6Network.so", "libQt6EglFSDeviceIntegration.so", "libQt6EglFsKmsSupport.so",
    "libQt6Test.so",
)


def _base(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def _plugin_dropped(dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return False
    i = parts.index("plugins")
    if len(parts) > i + 1 and parts[i + 1] in DROP_PLUGIN_DIRS:
        return True
    stem = parts[-1].split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    stem = stem[:-1] if stem.endswith("d") and stem[:-1] in DROP_PLUGINS else stem  # debug dlls
    return stem in DROP_PLUGINS


def _matches(base: str, prefixes) -> bool:
    return any(base == p or base.startswith(p if p.endswith("-") else p + ".")
               or (p.endswith("-") and base.startswith(p)) for p in prefixes)


def keep_binary(entry) -> bool:
    dest = entry[0]
    base = _base(dest)
    if _plugin_dropped(dest):
        return False
    if sys.platform.startswith("linux"):
        if _matches(base, GTK_ONLY) or _matches(base, LINUX_SYSTEM_LIBS):
            return False
    return True


def keep_data(entry) -> bool:
    dest = entry[0].replace("\\", "/")
    if "/translations/" in dest and dest.startswith(("PySide6/", "PySide6\\")) \
            and dest.endswith(".qm"):
        return dest.endswith(KEEP_QT_TRANSLATIONS)
    return not _plugin_dropped(dest)


def trim(analysis) -> None:
    """Apply the filters above to a PyInstaller Analysis in place."""
    analysis.binaries = [b for b in analysis.binaries if keep_binary(b)]
    analysis.datas = [d for d in analysis.datas if keep_data(d)]
