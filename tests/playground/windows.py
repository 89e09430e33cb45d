"""The main window as the GUI test modules' fixtures make it: ``from .windows import
shown_window``."""
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from playground.main_window import MainWindow


def shown_window(qtbot, tmp_path, size=(1280, 800), *, monkeypatch=None, exposed=True):
    """A MainWindow with a settings file of its own in ``tmp_path`` (never the user's),
    registered with qtbot, resized to ``size`` (None: its own size) and shown; waits until it is
    exposed unless ``exposed`` is False. With ``monkeypatch``, a modal "unsaved changes?" box
    (which would block the test run) answers Discard."""
    if monkeypatch is not None:
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    w.show()
    if exposed:
        qtbot.waitExposed(w)
    return w
