"""Application start-up: QApplication, settings, translations, the main window."""
from __future__ import annotations

import argparse
import os
import sys

from .qt_import import skip_source_scan

# before anything else imports Qt's users: PySide6 would read the source of every module the
# window imports after it (see qt_import)
skip_source_scan()

APP_NAME = "Backprop Playground"
ORG_NAME = "BackpropPlayground"


def _args(argv):
    p = argparse.ArgumentParser(prog="backprop-playground", description=APP_NAME)
    p.add_argument("file", nargs="?", help="a document to open")
    p.add_argument("--classroom", metavar="FILE",
                   help="open in classroom mode with a teacher's classroom file")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="render the main window offscreen to a PNG and exit")
    p.add_argument("--size", default="1400x900", help="window size for --screenshot (WxH)")
    return p.parse_args(argv)


def create_application(argv=None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    # pyqtgraph is loaded (and configured) with the first plot shown: a window that opens
    # step by step shows none (see training_area.TrainingArea.build_plots)
    from .fonts import install
    install(app)                # Chinese never renders as boxes, even without a system CJK font
    return app


def _settle(app, rounds: int = 8) -> None:
    """Run the event loop a few short rounds (single-shot timers, deferred layouts)."""
    import time
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


WARM_UP_MS = 2000
"""After the first window, when the live-training child process is started (in the background)."""


def main(argv=None) -> int:
    args = _args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .system_libs import problem
    if (missing := problem()) is not None:  # one line naming the apt package, no traceback
        print(missing, file=sys.stderr)
        return 1
    app = create_application()
    from PySide6.QtCore import QSettings, QTimer
    from .main_window import MainWindow
    scratch = None
    if args.screenshot:
        # a screenshot neither reads nor leaves the user's settings: a throw-away file elsewhere
        import tempfile
        scratch = tempfile.TemporaryDirectory(prefix="bp-screenshot-")
        settings = QSettings(os.path.join(scratch.name, "settings.ini"), QSettings.IniFormat)
    else:
        settings = QSettings()
    if args.screenshot and args.file:
        # offscreen nobody can close an error dialog: say what is wrong on stderr instead
        from core import load_project
        from core.errors import EngineError
        try:
            load_project(args.file)
        except (EngineError, OSError) as exc:
            print(f"{args.file}: {exc}", file=sys.stderr)
            return 2
    if args.screenshot and args.classroom:
        from core import classroom
        from core.errors import EngineError
        try:
            classroom.load(args.classroom)
        except (EngineError, OSError) as exc:
            print(f"{args.classroom}: {exc}", file=sys.stderr)
            return 2
    from . import i18n
    i18n.set_language(i18n.resolve(i18n.stored_choice(settings)))
    window = MainWindow(settings=settings)
    if args.file and not window.open_path(args.file, ask=False):
        if args.screenshot:
            return 2
    if args.classroom and not window.classroom.open_path(args.classroom, ask=False):
        if args.screenshot:
            return 2
    if args.screenshot:
        w, h = (int(v) for v in args.size.lower().split("x"))
        window.resize(w, h)
        window.show()
        app.processEvents()
        window.view.fit_to_view()
        _settle(app)        # docks built on first show and their first sizes: let them land
        ok = window.grab().save(args.screenshot)
        window.doc.undo_stack.setClean()
        window.close()
        del window
        settings.sync()
        scratch.cleanup()
        return 0 if ok else 1
    from .autosave import AutoSaver, offer_recovery
    window.autosaver = AutoSaver(window.doc, window.training.controller, parent=window)
    window.show()
    QTimer.singleShot(0, lambda: offer_recovery(window, window.autosaver))
    # the live-training child starts once the window is up, so the first Play does not wait
    from core import train_process
    QTimer.singleShot(WARM_UP_MS, train_process.warm_up)
    code = app.exec()
    window.autosaver.finish()           # a clean exit: nothing to recover next time
    return code
