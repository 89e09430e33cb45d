"""The first window builds only what it shows: the Computational graph and Digits tabs (and
pyqtgraph, which the digits steps and the plots use) are built when first shown or used."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from playground.main_window import MainWindow
from playground.window_language import switch_language

from .windows import shown_window

ROOT = Path(__file__).resolve().parents[2]

FIRST_WINDOW = r"""
import os, sys, tempfile
sys.path.insert(0, sys.argv[1])
from playground.app import create_application
app = create_application()
from PySide6.QtCore import QSettings
from playground.main_window import MainWindow
w = MainWindow(settings=QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat))
w.show()
app.processEvents()
w.grab()
print(" ".join(m for m in ("pyqtgraph", "playground.digits.workspace", "playground.graph.explorer")
               if m in sys.modules) or "none")
w.tabs.setCurrentWidget(w.digits_page)
app.processEvents()
print("pyqtgraph" in sys.modules, w.digits_page.widget() is w.digits)
"""


def test_the_step_by_step_window_imports_no_pyqtgraph_digits_or_graph_explorer():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(ROOT)], capture_output=True,
                         text=True, env=env, timeout=240)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.split("\n")
    assert lines[0] == "none", lines
    assert lines[1] == "True True", lines            # the Digits tab, once shown, is complete


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    w = shown_window(qtbot, tmp_path, monkeypatch=monkeypatch, exposed=False)
    yield w
    w.doc.undo_stack.setClean()


def test_tabs_are_built_on_first_show(window):
    assert window._graph_explorer is None and window._digits is None
    assert window.graph_page.widget() is None and window.digits_page.widget() is None
    window.tabs.setCurrentWidget(window.graph_page)
    assert window.graph_page.widget() is window.graph_explorer is window._graph_explorer
    assert not window.docks["steps"].isVisible()          # the graph tab takes the window
    window.tabs.setCurrentWidget(window.digits_page)
    assert window.digits_page.widget() is window.digits
    assert window.digits.steps.hint.isVisible()          # it shows the current document
    window.digits.show_step_view.emit()
    assert window.tabs.currentWidget() is window.view
    assert window.docks["steps"].isVisible()


def test_show_as_graph_builds_the_explorer_and_f6_steps_it(window):
    window.show_as_graph(None)
    assert window.tabs.currentWidget() is window.graph_page
    e = window.graph_explorer
    assert window.act_forward.isEnabled() == e.step_forward_button.isEnabled()


def test_a_language_switch_and_closing_need_no_unbuilt_tab(window):
    assert switch_language(window, "zh_CN")
    assert window._graph_explorer is None and window._digits is None
    window.tabs.setCurrentWidget(window.graph_page)
    window.tabs.setCurrentWidget(window.digits_page)
    assert window.tabs.tabText(2) == "手写数字"
    assert switch_language(window, "en")
    window.close()
