"""Legible on a projector: presentation mode (View ▸ Presentation mode, F5; remembered), the
colour scheme (TensorFlow Playground's orange/blue or a colour-blind-safe one; the two class
colours swappable) and PageDown / PageUp, what presentation clickers send, stepping the sample
forward and back in the step-by-step layout.

Presentation mode scales everything by one factor: the application font (menus, docks, panels,
derivations), the toolbar's icons, the canvas (labels, neurons and links, through the view's
readable zoom), and the plots' axes and ticks; it hides the side docks a lecture does not need and
switches to a high-contrast palette. Leaving it restores what was there before.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

from .canvas import links
from .dock_buttons import scale_dock_buttons
from .plot_minimums import set_presentation_minimums
from .panels import data_panel
from .plots import colors
from .style_sizes import restore_sheets, scale_sized_widgets

SCALE = 1.75
"""The presentation factor for all text and drawing."""
KEEP_DOCKS = {"step": ("steps", "derivation", "exercise"), "train": ("training", "boundary", "loss")}
"""The docks presentation mode keeps for each layout; the others are hidden."""
SETTING, SCHEME_SETTING, SWAP_SETTING = "presentation", "colourScheme", "swapClassColours"
THEME_FONT_CLASSES = ("QDockWidgetTitle", "QMenuBar", "QMenu", "QToolButton", "QTabBar",
                      "QHeaderView", "QStatusBar", "QTipLabel", "QSmallFont", "QMiniFont")
"""Widget classes the platform theme gives fonts of their own (docks' titles are smaller)."""
LINK_COLOURS = {"playground": ("#2f7fd1", "#f59322")}
"""(positive, negative) weights on the canvas where a scheme has its own (else its classes')."""


def high_contrast_palette(base: QPalette) -> QPalette:
    p = QPalette(base)
    for role, colour in ((QPalette.Window, "#ffffff"), (QPalette.WindowText, "#000000"),
                         (QPalette.Base, "#ffffff"), (QPalette.AlternateBase, "#f2f2f2"),
                         (QPalette.Text, "#000000"), (QPalette.Button, "#e8e8e8"),
                         (QPalette.ButtonText, "#000000"), (QPalette.ToolTipBase, "#ffffe0"),
                         (QPalette.ToolTipText, "#000000"), (QPalette.Highlight, "#003c8f"),
                         (QPalette.HighlightedText, "#ffffff"), (QPalette.PlaceholderText, "#404040")):
        p.setColor(QPalette.All, role, QColor(colour))
    p.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#606060"))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#606060"))
    p.setColor(QPalette.Disabled, QPalette.Text, QColor("#606060"))
    return p


def advance(doc) -> None:
    """One stage further: the next forward layer, the loss, the next backward layer, the update,
    then the next step with the new weights (what PageDown does)."""
    c = doc.cursor
    if c is None:
        return
    if doc.update_applied:
        doc.step_forward()
        return
    nxt = c.next_stage()
    if nxt is None or nxt.kind == "update":
        doc.apply_update()
    elif nxt.kind == "backward":
        doc.step_backward()
    else:
        doc.step_forward()


class Presentation(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self._saved = None
        self._normal_font = QFont()              # the application font outside presentation
        w = window
        self.act_presentation = w._action(self.tr("&Presentation mode"), self.set_active, "F5",
                                          self.tr("Everything larger, high contrast, only the "
                                                  "docks a lecture needs"), True)
        self.act_next = QAction(self.tr("Next stage"), w)
        self.act_next.setShortcuts([QKeySequence(Qt.Key_PageDown)])
        self.act_next.triggered.connect(self._next)
        self.act_previous = QAction(self.tr("Previous stage"), w)
        self.act_previous.setShortcuts([QKeySequence(Qt.Key_PageUp)])
        self.act_previous.triggered.connect(self._previous)
        for act in (self.act_next, self.act_previous):
            act.setShortcutContext(Qt.WindowShortcut)
            w.addAction(act)
        self.scheme_actions = {}
        group = QActionGroup(self)
        for key, text in (("playground", self.tr("Orange and blue (TensorFlow Playground)")),
                          ("okabe_ito", self.tr("Colour-blind safe (Okabe–Ito)"))):
            act = QAction(text, w)
            act.setCheckable(True)
            group.addAction(act)
            act.triggered.connect(lambda _=False, k=key: self.set_scheme(k))
            self.scheme_actions[key] = act
        self.act_swap = w._action(self.tr("&Swap the two class colours"), self.set_swapped, None,
                                  None, True)
        w.training.layout_shown.connect(self.hide_unneeded_docks)
        for key in ("boundary", "loss"):          # their plots are built when first shown
            w.docks[key].visibilityChanged.connect(
                lambda visible: self._plots_shown() if visible and self.active else None)

    def _plots_shown(self) -> None:
        set_presentation_minimums(self.window.training, True)
        self._scale_plots()

    def build_menu(self, view_menu) -> None:
        view_menu.addSeparator()
        view_menu.addAction(self.act_presentation)
        self.colours_menu = view_menu.addMenu(self.tr("&Colours"))
        self.colours_menu.addActions(list(self.scheme_actions.values()))
        self.colours_menu.addSeparator()
        self.colours_menu.addAction(self.act_swap)

    def restore(self) -> None:
        """The remembered choices, applied at start."""
        s = self.window.settings
        scheme = s.value(SCHEME_SETTING)
        scheme = scheme if scheme in colors.SCHEMES else "playground"
        swapped = s.value(SWAP_SETTING) in (True, "true")
        self.scheme_actions[scheme].setChecked(True)
        self._quiet(self.act_swap, swapped)
        colors.set_scheme(scheme, swapped)
        if (scheme, swapped) != ("playground", False):
            self._recolour()
        if s.value(SETTING) in (True, "true"):
            self._quiet(self.act_presentation, True)
            self.set_active(True)

    @staticmethod
    def _quiet(act, checked: bool) -> None:
        act.blockSignals(True)
        act.setChecked(checked)
        act.blockSignals(False)

    # ------------------------------------------------------------ colours
    def set_scheme(self, key: str) -> None:
        self.window.settings.setValue(SCHEME_SETTING, key)
        colors.set_scheme(key, self.act_swap.isChecked())
        self._recolour()

    def set_swapped(self, on: bool) -> None:
        self.window.settings.setValue(SWAP_SETTING, bool(on))
        key = next(k for k, a in self.scheme_actions.items() if a.isChecked())
        colors.set_scheme(key, bool(on))
        self._recolour()

    def _recolour(self) -> None:
        """Links, thumbnails, heat map, points and data-set pictures in the new colours."""
        w = self.window
        name, swapped = colors.scheme
        pos, neg = LINK_COLOURS.get(name, (colors.POSITIVE, colors.NEGATIVE))
        if swapped and name in LINK_COLOURS:
            pos, neg = neg, pos
        links.set_link_colours(pos, neg)
        for item in w.view.scene().items():
            if isinstance(item, links.LinkLayerItem):
                item.restyled()
        w.view.scene().update()
        if w.training.plots_built():             # (built later, they start in the new colours)
            w.training.boundary_plot.recolour()
        w.training.thumbnails.recompute()
        data_panel._THUMBS.clear()
        for key, button in w.training.data_panel.dataset_buttons.items():
            button.setIcon(data_panel.thumbnail(key))

    # ------------------------------------------------------------ stepping with a clicker
    def _stepping(self) -> bool:
        return self.window.training.current_layout == "step" and not self.window.training.controller.running

    def _next(self) -> None:
        if self._stepping():
            advance(self.window.doc)

    def _previous(self) -> None:
        if self._stepping():
            self.window.doc.step_back()

    # ------------------------------------------------------------ presentation mode
    def set_active(self, on: bool) -> None:
        on = bool(on)
        self.window.settings.setValue(SETTING, on)
        if on == self.active:
            return
        self.active = on
        self._quiet(self.act_presentation, on)
        app, w = QApplication.instance(), self.window
        if on:
            self._saved = {"font": QFont(app.font()), "palette": QPalette(app.palette()),
                           "docks": {k: d.isVisible() for k, d in w.docks.items()},
                           "icons": {tb: tb.iconSize() for tb in w.findChildren(QToolBar)}}
            font = QFont(app.font())
            font.setPointSizeF(font.pointSizeF() * SCALE)
            base = self._saved["font"]
            self._saved["class_fonts"] = {c: QFont(app.font(c)) for c in THEME_FONT_CLASSES
                                          if app.font(c) != base}    # themes with their own sizes
            app.setFont(font)
            for c, f in self._saved["class_fonts"].items():
                big = QFont(f)
                big.setPointSizeF(f.pointSizeF() * SCALE)
                app.setFont(big, c)
            for dock in w.docks.values():
                dock.setFont(dock_font(font))
                scale_dock_buttons(dock, SCALE)
            # a widget with a style sheet of its own does not follow its parent's font change
            # (Qt's style-sheet style keeps the font it polished with): give those the font
            styled = [x for x in w.findChildren(QWidget)
                      if x.styleSheet() and not x.font().resolveMask()]
            for x in styled:
                x.setFont(QFont(font))
            self._saved["styled"] = styled
            self._saved["sheets"] = scale_sized_widgets(w.findChildren(QWidget), SCALE)
            app.setPalette(high_contrast_palette(app.palette()))
            for tb, size in self._saved["icons"].items():
                tb.setIconSize(QSize(round(size.width() * SCALE), round(size.height() * SCALE)))
            self._saved["layout"] = w.training.current_layout
            w.training.keep_docks = lambda layout: KEEP_DOCKS.get(layout, ())
            self.hide_unneeded_docks()
        else:
            saved, self._saved = self._saved, None
            w.training.keep_docks = None
            for c, f in saved["class_fonts"].items():
                app.setFont(f, c)
            app.setFont(saved["font"])
            for dock in w.docks.values():
                dock.setFont(QFont())         # inherit again
                scale_dock_buttons(dock, 1.0)
            restore_sheets(saved.get("sheets", ()))
            for x in saved.get("styled", ()):
                try:
                    x.setFont(QFont())
                except RuntimeError:          # deleted since (a panel rebuilt its rows)
                    pass
            app.setPalette(saved["palette"])
            for tb, size in saved["icons"].items():
                tb.setIconSize(size)
            for key, visible in saved["docks"].items():
                w.docks[key].setVisible(visible)
            if saved["layout"] != w.training.current_layout:      # switched while presenting:
                w.training.set_layout(w.training.current_layout)  # that layout's docks
        self._normal_font = QFont(self._saved["font"] if on else app.font())
        factor = SCALE if on else 1.0
        w._derivation_scale = factor         # a derivation built later takes it (step_docks.py)
        if (panel := w.deferred.built("derivation")) is not None:
            panel.set_font_scale(factor)
        if getattr(w, "exercises", None) is not None:
            w.exercises.panel.set_font_scale(factor)
        if getattr(w, "lessons", None) is not None:
            w.lessons.panel.set_font_scale(factor)
        self._scale_plots()
        w.view.set_text_scale(factor)
        set_presentation_minimums(w.training, on)
        # the docks and fonts settle in the next rounds of layout: fit the canvas to its new size
        QTimer.singleShot(0, self._settled)

    def _scale_plots(self) -> None:
        """The plots' axes at the current factor (plots built while presenting too)."""
        pg = sys.modules.get("pyqtgraph")        # no plot built yet: none to scale
        if pg is None:
            return
        factor = SCALE if self.active else 1.0
        for view in self.window.findChildren(pg.GraphicsView):
            scale_plot_axes(view, factor, self._normal_font)

    def hide_unneeded_docks(self, _layout: str | None = None) -> None:
        """In presentation mode, only the docks the current layout keeps (and a lesson)."""
        if not self.active:
            return
        w = self.window
        keep = KEEP_DOCKS.get(w.training.current_layout, ())
        lesson = "lesson" in w.docks and w.docks["lesson"].isVisible()
        for key, dock in w.docks.items():
            if key == "lesson":
                continue              # a lesson being followed stays in view, and its text
            if key not in keep or (lesson and key == "derivation"):   # takes the room of
                dock.hide()                                            # the derivation's
        set_presentation_minimums(w.training, True)      # (plots built when first shown)
        QTimer.singleShot(0, self._settled)

    def _settled(self) -> None:
        """Once the new geometry is known: the output view takes its share of its column again
        (the bigger text had moved the split towards the loss curves), and the canvas shows
        the network again."""
        self.window.training.share_sizes()
        view = self.window.view
        if view.isVisible():
            view.fit_to_view()


def dock_font(font: QFont) -> QFont:
    """``font`` for a dock, so that its title bar is drawn in it too.

    A QDockWidget whose font equals the application's paints its title in the "QDockWidgetTitle"
    font it read when it was made (never updated): the title would stay small. A font that
    differs only in a rendering hint is not equal to the application's, so the title takes it."""
    f = QFont(font)
    f.setStyleStrategy(QFont.StyleStrategy(f.styleStrategy() | QFont.PreferQuality))
    return f


def scale_plot_axes(view, factor: float, usual_font: QFont) -> None:
    """A pyqtgraph view's axes: tick font, tick length and label ``factor`` times the usual.
    ``usual_font`` is the application font without the scale: what an axis with no tick font
    of its own draws in (read after the application font has grown, QFont() would be scaled
    twice)."""
    import pyqtgraph as pg
    for item in view.scene().items():
        if not isinstance(item, pg.AxisItem):
            continue
        # the usual size, read the first time, is kept on the axis itself (a module-level table
        # keyed by id() grew with every plot ever made, and a new axis that reused a deleted
        # one's id was given that one's sizes)
        base = getattr(item, "_presentation_base", None)
        if base is None:
            base = item._presentation_base = (QFont(item.style.get("tickFont") or usual_font),
                                              item.style.get("tickLength", 5))
        font = QFont(base[0])
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:
            font.setPixelSize(round(font.pixelSize() * factor))
        item.setStyle(tickFont=font, tickLength=round(base[1] * factor))
        item.setTickFont(font)
        pen = item.pen()
        pen.setWidthF(max(1.0, factor))
        item.setPen(pen)
        # (a title set later, the accuracy strip's "epoch" moving to the loss curve, too)
        item.labelStyle = {**item.labelStyle, "font-size": f"{round(9 * factor)}pt"}
        if item.labelText:
            item._updateLabel()
