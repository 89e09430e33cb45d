"""Editing one number in place on the canvas: a link's weight, a hidden or output neuron's bias,
or an input's x_j. The editor (``items.InlineEditor``, a QLineEdit in a proxy that ignores the
view's zoom) opens over the number; Enter pushes one undoable command, Escape closes it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem

from ..commands import SetParameter, SetSample
from ..formatting import format_number
from ..widgets import EDIT_DIGITS
from .items import InlineEditor
from .palette import EDITOR_WIDTH, Z_EDITOR


def edit_command(doc, ref, value: float):
    """The command that puts ``value`` where ``ref`` points; None if it is already there."""
    if ref[0] == "link":
        if value != doc.network.layers[ref[1] - 1].weights[ref[2], ref[3]]:
            return SetParameter(doc, ("W", *ref[1:]), value)
    elif ref[1] == 0:
        x = doc.project.sample_x.copy()
        if value != x[ref[2]]:
            x[ref[2]] = value
            return SetSample(doc, x, doc.project.sample_y.copy())
    elif value != doc.network.layers[ref[1] - 1].biases[ref[2]]:
        return SetParameter(doc, ("b", ref[1], ref[2]), value)
    return None


class InlineEditing(QObject):
    """The scene's one inline editor: where it opens, what it shows, what Enter does."""

    def __init__(self, scene):
        super().__init__(scene)
        self.scene, self.doc = scene, scene.doc
        self.editor = InlineEditor()
        self.editor.accepted.connect(self._commit)
        self.editor.refused.connect(self.doc.error.emit)      # the status bar says why, too
        self.editor.cancelled.connect(self.cancel)
        self.proxy = scene.addWidget(self.editor)
        self.proxy.setZValue(Z_EDITOR)
        self.proxy.setFlag(QGraphicsItem.ItemIgnoresTransformations, True)
        self.proxy.hide()

    def active(self) -> InlineEditor | None:
        return self.editor if self.proxy.isVisible() else None

    def begin(self, ref) -> InlineEditor | None:
        self.cancel()
        scene = self.scene
        if scene.editing_locked():
            return None
        ref, net = tuple(ref), self.doc.network
        if ref[0] == "link":
            layer = net.layers[ref[1] - 1]
            if not layer.mask[ref[2], ref[3]]:
                self.doc.error.emit(QCoreApplication.translate(   # (the canvas's context)
                    "NetworkScene", "This link is disabled; enable it before editing its weight."))
                return None
            link = scene.link_item(*ref[1:])
            value = layer.weights[ref[2], ref[3]]
            where = link.label_pos if link.label_pos is not None else link.label_point()
            if link.label is not None:
                link.label.hide()            # the editor takes its place
        else:
            value = (self.doc.project.sample_x[ref[2]] if ref[1] == 0
                     else net.layers[ref[1] - 1].biases[ref[2]])
            item, image = scene.drawn_neuron(ref[1], ref[2]), scene.input_image_item()
            if item is not None:
                where = item.pos()
            elif ref[1] == 0 and image is not None:                  # a pixel of the picture
                where = image.mapToScene(image.pixel_rect(ref[2]).center())
            else:
                return None                  # not drawn: edit it in the inspector
        self.editor.start(ref, format_number(float(value), EDIT_DIGITS))
        self.proxy.setPos(where)
        height = self.editor.sizeHint().height()
        self.proxy.setTransform(QTransform.fromTranslate(-EDITOR_WIDTH / 2, -height / 2))
        self.proxy.show()
        self.proxy.setFocus()
        self.editor.setFocus()
        return self.editor

    def cancel(self) -> None:
        if self.proxy.isVisible():
            ref, self.editor.ref = self.editor.ref, None
            self.proxy.hide()
            if ref is not None and ref[0] == "link":
                self.scene.refresh_link_label(ref[1:])

    def _commit(self, value: float) -> None:
        ref = self.editor.ref
        self.cancel()                        # close first: the command may rebuild the scene
        if ref is not None and (command := edit_command(self.doc, ref, value)) is not None:
            self.doc.undo_stack.push(command)
