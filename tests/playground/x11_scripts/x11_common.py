"""What the scripts in this folder share (each is run under Xvfb with the xcb platform by a
test in tests/playground/test_x11*.py, with the repository as the working directory): the
application, a shown main window with its own settings file, real X key events from xdotool,
and the report (exit status 1 and the failures on stdout, else "ok")."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.getcwd())
import playground  # noqa: E402,F401

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from playground.app import create_application  # noqa: E402

app = create_application()
from playground.main_window import MainWindow  # noqa: E402  (after the application)

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def key(name):
    """A real key press from the X server, then time for the window to handle it."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
    QTest.qWait(250)


def shown_window(folder=None):
    """A 1024×768 main window, shown, active and exposed, with its settings in ``folder`` (a
    new temporary one by default); checks that it runs on the xcb platform."""
    folder = folder or tempfile.mkdtemp()
    w = MainWindow(settings=QSettings(os.path.join(folder, "s.ini"), QSettings.IniFormat))
    w.resize(1024, 768)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowExposed(w)
    QTest.qWait(300)
    check(app.platformName() == "xcb", f"platform is {app.platformName()}")
    return w


def finish(w):
    """Close the window without the unsaved-changes question and report: exits 1 with the
    failures, one a line, or prints "ok"."""
    w.doc.undo_stack.setClean()
    w.close()
    if failures:
        print("FAILED:\n" + "\n".join(failures))
        sys.exit(1)
    print("ok")
