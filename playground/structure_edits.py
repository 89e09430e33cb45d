"""Structure edits as commands: each builds the edited copy of the network and pushes it as one
``ReplaceNetwork`` step (the sample follows the sizes; a refused edit is reported on doc.error)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core import session
from core.errors import EngineError

from .commands import ReplaceNetwork
from .engine_text import error_text


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def _push(doc, edit, text: str) -> bool:
    """Apply ``edit`` to a copy of the network; push it if it worked, report if not."""
    net = doc.network.copy()
    try:
        edit(net)
    except EngineError as exc:
        doc.error.emit(error_text(exc))
        return False
    cmd = ReplaceNetwork(doc, net, text)
    if isinstance(cmd.new, EngineError):
        doc.error.emit(str(cmd.new))
        return False
    doc.undo_stack.push(cmd)
    return True


def _rng(doc):
    return np.random.default_rng()


def add_neuron(doc, layer: int, position: int | None = None) -> bool:
    return _push(doc, lambda n: n.add_neuron(layer, position, rng=_rng(doc), init=doc.project.init),
                 tr("Add neuron"))


def remove_neuron(doc, layer: int, position: int) -> bool:
    return _push(doc, lambda n: n.remove_neuron(layer, position), tr("Remove neuron"))


def add_layer(doc, index: int, size: int | None = None, activation: str | None = None) -> bool:
    """Insert a hidden layer as neuron layer ``index`` (1 … L); defaults copy its neighbour."""
    net = doc.network
    size = size or (net.sizes[index] if index < net.depth else net.sizes[index - 1]) or 2
    if activation is None:
        activation = next((l.activation for l in net.layers[:-1]), "tanh")
    return _push(doc, lambda n: n.add_layer(index, size, activation, rng=_rng(doc), init=doc.project.init),
                 tr("Add layer"))


def remove_layer(doc, index: int) -> bool:
    return _push(doc, lambda n: n.remove_layer(index, rng=_rng(doc), init=doc.project.init),
                 tr("Remove layer"))


def set_activation(doc, l: int, name: str) -> bool:
    from core.losses import check_pairing, get_loss
    def edit(n):
        n.set_activation(l, name)
        if l == n.depth:
            check_pairing(get_loss(doc.project.loss), name)
    return _push(doc, edit, tr("Set activation"))


def set_activations(doc, layers, name: str, text: str) -> bool:
    """Several layers' activation as one step (e.g. every hidden layer)."""
    return doc.push(text, session.set_activations, tuple(layers), name)


def set_output(doc, activation: str, loss: str, text: str) -> bool:
    """The output activation and the loss together: one step, never a bad pairing between."""
    return doc.push(text, session.set_output, activation, loss)


def set_link_enabled(doc, l: int, i: int, j: int, enabled: bool) -> bool:
    return _push(doc, lambda n: n.set_link_enabled(l, i, j, enabled),
                 tr("Enable link") if enabled else tr("Disable link"))


def set_trainable(doc, l: int, kind: str, index, trainable: bool) -> bool:
    """Freeze (``trainable`` False) or unfreeze one weight (kind "weight", index (i, j)), one
    bias ("bias", (i,)), or all weights / biases of weight layer l (index None); undoable."""
    if index is None:
        text = {("weight", False): tr("Freeze the layer's weights"),
                ("weight", True): tr("Unfreeze the layer's weights"),
                ("bias", False): tr("Freeze the layer's biases"),
                ("bias", True): tr("Unfreeze the layer's biases")}[(kind, bool(trainable))]
    else:
        text = {("weight", False): tr("Freeze weight"), ("weight", True): tr("Unfreeze weight"),
                ("bias", False): tr("Freeze bias"), ("bias", True): tr("Unfreeze bias")}[
            (kind, bool(trainable))]
    return _push(doc, lambda n: n.set_trainable(l, kind, index, trainable), text)


def set_layer_size(doc, layer: int, size: int) -> bool:
    """Neuron layer ``layer`` gets ``size`` neurons in one step (typed instead of clicked)."""
    return _push(doc, lambda n: n.resize_layer(layer, size, rng=_rng(doc), init=doc.project.init),
                 tr("Set layer size"))


def parse_hidden_layers(text: str) -> tuple[list[int] | None, str]:
    """"8, 8, 4" → ([8, 8, 4], ""); an empty text is no hidden layer; else (None, reason)."""
    from core.network import MAX_LAYER_SIZE, MAX_LAYERS
    parts = [p for p in text.replace(",", " ").replace(";", " ").replace("×", " ").split()]
    sizes = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= MAX_LAYER_SIZE:
            return None, tr("“%1” is not a layer size: use whole numbers from 1 to %2, "
                            "e.g. 8, 8, 4.").replace("%1", part[:20]).replace("%2", str(MAX_LAYER_SIZE))
        sizes.append(int(part))
    if len(sizes) > MAX_LAYERS - 1:
        return None, tr("At most %1 hidden layers.").replace("%1", str(MAX_LAYERS - 1))
    return sizes, ""


def set_hidden_layers(doc, sizes: list[int]) -> bool:
    """The hidden layers become ``sizes`` (e.g. [8, 8, 4]) in one step: layers beyond are
    removed from the end, new ones are added before the output (with the activation of the
    hidden layers), and every kept layer keeps the weights that still fit."""
    init, rng = doc.project.init, _rng(doc)
    activation = next((l.activation for l in doc.network.layers[:-1]), "tanh")

    def edit(net):
        while net.depth - 1 > len(sizes):
            net.remove_layer(net.depth - 1, rng=rng, init=init)
        while net.depth - 1 < len(sizes):
            net.add_layer(net.depth, sizes[net.depth - 1], activation, rng=rng, init=init)
        for k, n in enumerate(sizes, start=1):
            net.resize_layer(k, n, rng=rng, init=init)
    return _push(doc, edit, tr("Set hidden layers"))
