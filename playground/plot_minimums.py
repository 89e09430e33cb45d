"""The training plots' minimum sizes in presentation mode.

At 1.75× the application font the menu bar, the toolbar, the docks' title bars and the plots'
check boxes all grow, and the training layout's right column (heat map over loss curve) asked for
820 px: the window became taller than a 1024×768 or 1280×800 projector and its bottom (the loss
plot's axis, the status bar) fell off the screen. Presentation mode lowers the two plots' minimum
heights so the column fits 768 px; where there is room they still take it (only minimums change).
"""
from __future__ import annotations

HEAT_MAP_SIDE = {False: 220, True: 150}
"""The heat map's smallest side, outside and in presentation mode."""
LOSS_PLOT_HEIGHT = {False: 120, True: 80}


def set_presentation_minimums(training, on: bool) -> None:
    """``training``: the window's TrainingArea; its plots, if built (else they start as usual and
    presentation mode calls this again when they are shown)."""
    if not training.plots_built():
        return
    side = HEAT_MAP_SIDE[bool(on)]
    plot = training.boundary_plot
    plot.plot_widget.setMinimumSize(side, side)
    holder = plot.plot_widget.parentWidget()
    if holder is not None:
        holder.setMinimumSize(side, side)
    training.loss_plot.plot_widget.setMinimumHeight(LOSS_PLOT_HEIGHT[bool(on)])
