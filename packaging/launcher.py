"""PyInstaller entry script: the same `main` as the `backprop-playground` console script.

A separate file (not playground/__main__.py) so that `playground` is frozen as a normal package
and its relative imports keep working.

Self-checks for packaging/smoke.sh (without the variable this file only starts the app):

* BACKPROP_PLAYGROUND_SELFCHECK=resources: reads every bundled file under resources/ through
  importlib.resources (the way the app does), loads every example document, imports every
  module of core/ and playground/, prints one line per folder and a total, exits 0 (1 if no
  example is found; an import error is a traceback and exit 1).
* BACKPROP_PLAYGROUND_SELFCHECK=training: starts the live-training child process the window
  uses (this executable with ``--train-process``), trains circle.json for 3 epochs in it and
  takes its state back; exits 1 if the child does not start or the run does not finish.
* BACKPROP_PLAYGROUND_SELFCHECK=glyphs: builds the main window in Simplified Chinese as the app
  does at start and renders every Chinese character of its menus, dock titles and window title
  with the application font; exits 1 if the window shows no Chinese (translations missing) or
  if a character renders as the missing-glyph box (font missing). Exits 3 ("skipped") when the
  build has no bundled CJK font yet (resources/fonts/).
* BACKPROP_PLAYGROUND_SELFCHECK=first-paint: starts the app as a user does (no arguments: the
  main window with the default document) and exits as soon as its first paint has finished
  (after the first paint event, when the event loop is idle again), so that an outside
  timer measures start to first complete window. Exit 0 if it painted (4 after 60 s).
* BACKPROP_PLAYGROUND_SELFCHECK=bare-window: the reference for that time, frozen the same way:
  a bare PySide6 QMainWindow (a central QLabel, no app module, no numpy), timed the same way.
"""
import os
import sys


def _selfcheck_resources() -> int:
    from importlib import resources

    from playground.resources import example_names, load_example

    root = resources.files("resources")
    print(f"resources root: {root!r}")
    total = 0

    def walk(node, rel):
        nonlocal total
        files = 0
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name == "__pycache__":
                continue
            if child.is_dir():
                walk(child, f"{rel}/{child.name}")
            elif not child.name.endswith((".py", ".pyc")):
                child.read_bytes()
                files += 1
        if files:
            print(f"{rel}: {files} files")
        total += files

    walk(root, "resources")
    names = example_names()
    for name in names:
        load_example(name)
    # every module of the app imports (catches a module the spec left out that is imported late)
    import importlib
    import pkgutil
    modules = 0
    for top in ("core", "playground"):
        pkg = importlib.import_module(top)
        for info in pkgutil.walk_packages(pkg.__path__, top + "."):
            importlib.import_module(info.name)
            modules += 1
    print(f"{modules} modules imported")
    print(f"{total} resource files, {len(names)} examples")
    return 0 if names and modules > 20 else 1


def _selfcheck_glyphs() -> int:
    import tempfile
    from importlib import resources

    fonts = resources.files("resources") / "fonts"
    if not (fonts.is_dir() and any(p.name.lower().endswith((".otf", ".ttf", ".ttc"))
                                   for p in fonts.iterdir())):
        print("no bundled CJK font in resources/fonts: glyph check skipped")
        return 3
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.app import create_application
    app = create_application()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QDockWidget, QTabWidget
    try:
        from playground import i18n
    except ImportError:
        i18n = None
    if i18n is not None and hasattr(i18n, "set_language"):
        i18n.set_language("zh_CN")
    from playground.main_window import MainWindow
    ini = os.path.join(tempfile.mkdtemp(), "selfcheck.ini")
    window = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat))
    texts = [a.text() for a in window.menuBar().actions()] + [window.windowTitle()]
    texts += [d.windowTitle() for d in window.findChildren(QDockWidget)]
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    chars = sorted({c for t in texts for c in t if "\u3400" <= c <= "\u9fff"})
    if not chars:
        print("FAIL: the zh_CN window shows no Chinese text: " + " | ".join(texts[:12]))
        return 1

    font = app.font()
    font.setPixelSize(40)

    def render(ch):
        img = QImage(64, 64, QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setFont(font)
        p.setPen(QColor("black"))
        p.drawText(img.rect(), Qt.AlignmentFlag.AlignCenter, ch)
        p.end()
        return img

    # Qt's own Chinese texts (stock buttons, undo texts) come from the bundled qtbase_zh_CN.qm
    from PySide6.QtCore import QCoreApplication, QLibraryInfo
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not os.path.exists(os.path.join(qt_dir, "qtbase_zh_CN.qm")):
        print(f"FAIL: no qtbase_zh_CN.qm in Qt's translations folder {qt_dir}")
        return 1
    print(f"Qt translations: {qt_dir}; 'Cancel' -> "
          f"{QCoreApplication.translate('QPlatformTheme', 'Cancel')!r}")

    box = render("\U0010fffd")  # a code point no font has: the missing-glyph rendering
    blank = render(" ")
    bad = [c for c in chars if render(c) in (box, blank)]
    print(f"zh_CN window: {len(chars)} distinct Chinese characters in menus/docks/tabs, "
          f"e.g. {''.join(chars[:12])}; font {font.families()}")
    if bad:
        print(f"FAIL: {len(bad)} render as boxes: {''.join(bad[:40])}")
        return 1
    print("glyphs: every character renders")
    return 0


def _exit_after_first_paint():
    """A QApplication whose first paint event ends the process once the loop is idle again."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):      # noqa: N802 (Qt override)
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True                # the rest of the window paints in this pass
                QTimer.singleShot(0, lambda: os._exit(0))
            return False

    app = QApplication(sys.argv[:1])
    app._first_paint = FirstPaint()
    app.installEventFilter(app._first_paint)
    QTimer.singleShot(60000, lambda: os._exit(4))
    return app


def _selfcheck_first_paint(bare: bool) -> int:
    app = _exit_after_first_paint()
    if bare:
        from PySide6.QtWidgets import QLabel, QMainWindow
        window = QMainWindow()
        window.setCentralWidget(QLabel("Backprop Playground"))
        window.resize(1400, 900)
        window.show()
        return app.exec()
    from playground.__main__ import main
    return main([])


def _selfcheck_training() -> int:
    """The window's live-training child process starts from this executable (as
    ``--train-process``) and trains a run to its end, as Play does."""
    import time

    from core import Trainer, train_process
    from playground.resources import load_example

    project = load_example("circle.json")
    trainer = Trainer(project.network, project.train_data(),
                      project.train_config(snapshot_every=1, max_epochs=3.0))
    start = time.perf_counter()
    child = train_process.borrow()
    if child is None:
        print("FAIL: the training process does not start (training would run in a thread)")
        return 1
    started = time.perf_counter() - start
    child.send(("run", {"run_id": 1, "trainer": trainer, "features": project.features,
                        "speed": "fast", "grid_n": 100, "thumb_n": 24, "elapsed_before": 0.0}))
    frames = 0
    while True:
        message = child.receive()
        if message is None:
            print(f"FAIL: the training process ended ({child.error or 'no message'})")
            return 1
        if message[0] == "frame":
            frames += 1
            child.send(("taken", 1))
        elif message[0] == "done":
            trainer.restore(message[2])
            break
        else:
            print(f"FAIL: {message}")
            return 1
    snap = message[3].snapshot
    train_process.give_back(child)
    print(f"training process: started in {started:.2f} s, {frames} frames, {trainer.step} steps, "
          f"epoch {snap.epoch:g}, train loss {snap.train_loss:.4f} ({snap.reason})")
    return 0 if snap.reason == "max_epochs" and frames >= 1 else 1


if __name__ == "__main__":
    # the live-training child is this executable too: it never runs a self-check (it inherits
    # the variable from a self-check that starts it)
    check = None if sys.argv[1:2] == ["--train-process"] else \
        os.environ.get("BACKPROP_PLAYGROUND_SELFCHECK")
    if check == "training":
        sys.exit(_selfcheck_training())
    if check in ("first-paint", "bare-window"):
        sys.exit(_selfcheck_first_paint(check == "bare-window"))
    if check == "resources":
        sys.exit(_selfcheck_resources())
    if check == "glyphs":
        sys.exit(_selfcheck_glyphs())
    from playground.__main__ import main
    sys.exit(main())
