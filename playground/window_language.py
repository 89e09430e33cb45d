"""The main window's View ▸ Language menu (English / 简体中文 / follow the system) and the switch:
install the translators, re-label the live widgets, re-render what the window computes from the
document. The Document, its undo history and a running training are not touched."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QActionGroup

from . import i18n, retranslate

NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}
"""Each language is offered under its own name, whatever the current language."""


class LanguageMenu(QObject):
    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.actions = {}
        for choice in i18n.CHOICES:
            text = NATIVE_NAMES.get(choice) or self.tr("Follow the system")
            act = self.menu.addAction(text)
            act.setCheckable(True)
            act.setData(choice)
            group.addAction(act)
            act.triggered.connect(lambda _=False, c=choice: self.choose(c))
            self.actions[choice] = act
        self.actions[i18n.stored_choice(window.settings)].setChecked(True)

    def choose(self, choice: str) -> None:
        """Remember ``choice`` and apply it to the running window at once."""
        self.window.settings.setValue(i18n.SETTING, choice)
        self.actions[choice].setChecked(True)
        switch_language(self.window, i18n.resolve(choice))


def switch_language(window, language: str) -> bool:
    old = i18n.current_language()
    if not i18n.set_language(language):
        return False
    stacks = [window.doc.undo_stack]
    retranslate.retranslate(old, language, undo_stacks=stacks)
    refresh_texts(window)
    QCoreApplication.processEvents()
    return True


def refresh_texts(window) -> None:
    """Texts the window builds from the document (titles, status, derivations, canvas captions)."""
    window.rebuild_undo_actions()
    window.rebuild_examples_menu()
    sample = window.deferred.built("sample")      # an unbuilt panel is built in the new language
    if sample is not None:
        sample._build_rows()
    window._update_title()
    window._refresh_status()
    window.view.scene().rebuild()
    for key in ("steps", "derivation"):
        if (panel := window.deferred.built(key)) is not None:
            panel.refresh()
    exercises = getattr(window, "exercises", None)
    if exercises is not None:
        exercises.refresh()
    if (inspector := window.deferred.built("inspector")) is not None:
        inspector.rebuild(commit_pending=False)
    if getattr(window, "classroom", None) is not None:
        window.classroom.refresh_banner()
    if getattr(window, "_controls", None) is not None:
        window._controls.reapply()            # menus and actions made anew keep their lock
    t = window.training
    t.training_panel.refresh()
    t.data_panel.refresh()
    t._on_running(t.controller.running)
    if window._graph_explorer is not None:      # built later, it is built in the new language
        window._graph_explorer.retranslate()
    lessons = getattr(window, "lessons", None)
    if lessons is not None:
        lessons.refresh()
    help_menu = getattr(window, "help", None)
    whats_this = getattr(help_menu, "act_whats_this", None)
    if whats_this is not None:                 # Qt's own action: its text as qtbase has it now
        from PySide6.QtWidgets import QWhatsThis
        fresh = QWhatsThis.createAction(window)
        whats_this.setText(fresh.text())
        fresh.setParent(None)
        fresh.deleteLater()
