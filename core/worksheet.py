"""A worksheet: the forward/backward table of one training step, as data, for a learner to fill
in by hand (the window prints it with blanks, and again as the answer key).

Every row is an ``Explanation`` from ``core.explain`` on the same ``StepCursor`` the step view
shows, so the answer key's values are the step view's values and its arithmetic is the same
formula tree (``evaluate(row.formula) == row.value`` is tested for every row). Sections, in the
order a person computes them:

    given      x, y, W, b, η (and λ, μ, β₁, β₂, ε where they apply): printed, never blank
    forward    z and a of each layer, layer by layer
    loss       the loss L
    backward   from the output back: ∂L/∂a and f′(z) where the δ uses them, then δ, each layer
    gradients  ∂L/∂W and ∂L/∂b of each layer
    update     the updated W′ and b′ (with the optimizer's intermediate values)

A worksheet of more than MAX_ROWS rows (the digits networks) is refused: nobody fills in
twenty thousand blanks.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import EngineError
from .explain import Explainer, Explanation
from .formula import Sym
from .messages import Message
from .project import Project
from .stepping import StepCursor

SECTIONS = ("forward", "loss", "backward", "gradients", "update")
MAX_ROWS = 400


@dataclass(frozen=True)
class Row:
    section: str
    explanation: Explanation

    @property
    def symbol(self) -> Sym:
        return self.explanation.target

    @property
    def formula(self):
        return self.explanation.formula

    @property
    def value(self) -> float:
        return self.explanation.result


@dataclass(frozen=True)
class Worksheet:
    givens: tuple[Sym, ...]
    rows: tuple[Row, ...]
    loss: str
    method: str
    activations: tuple[str, ...]

    def section(self, name: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.section == name)


def row_count(p: Project) -> int:
    """How many rows the worksheet of ``p`` has (without computing it)."""
    sizes = p.network.sizes
    neurons = sum(sizes[1:])
    params = sum(sizes[l] * sizes[l - 1] + sizes[l] for l in range(1, len(sizes)))
    return 2 * neurons + 1 + 2 * neurons + sizes[-1] + 2 * params


def check_size(p: Project) -> None:
    if row_count(p) > MAX_ROWS:
        raise EngineError(Message("worksheet.too_large",
                                  "this network is too large for a worksheet ({rows} rows; at most {most})",
                                  rows=row_count(p), most=MAX_ROWS))


def _givens(c: StepCursor, ex: Explainer) -> tuple[Sym, ...]:
    net, cfg = c.network, c.optimizer
    out = [ex._a(0, j) for j in range(net.input_size)]
    out += [ex._y(i) for i in range(net.output_size)]
    for l in range(1, net.depth + 1):
        layer = net.layers[l - 1]
        out += [ex._W(l, i, j) for i in range(layer.n_out) for j in range(layer.n_in)
                if layer.mask[i, j]]
        out += [ex._b(l, i) for i in range(layer.n_out)]
    out.append(Sym("eta", None, (), cfg.learning_rate))
    if cfg.regularization != "none" and cfg.regularization_rate > 0:
        out.append(Sym("lambda", None, (), cfg.regularization_rate))
    if cfg.method == "momentum":
        out.append(Sym("mu", None, (), cfg.momentum))
    if cfg.method == "adam":
        out += [Sym("beta1", None, (), cfg.beta1), Sym("beta2", None, (), cfg.beta2),
                Sym("eps", None, (), cfg.epsilon)]
    return tuple(out)


def build(p: Project) -> Worksheet:
    """The worksheet of ``p``'s sample (the step view's first sample, as the step shows it)."""
    check_size(p)
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    ex = Explainer(c)
    net = c.network
    rows: list[Row] = []
    seen: set[Sym] = set()

    def add(section: str, e: Explanation, with_steps: bool = False) -> None:
        for part in (e.walk() if with_steps else (e,)):
            key = (part.target.name, part.target.layer, part.target.index)
            if key not in seen:
                seen.add(key)
                rows.append(Row(section, part))

    for l in range(1, net.depth + 1):
        for i in range(net.sizes[l]):
            add("forward", ex.z(l, i))
        for i in range(net.sizes[l]):
            add("forward", ex.a(l, i))
    add("loss", ex.loss())
    for l in range(net.depth, 0, -1):
        for i in range(net.sizes[l]):
            add("backward", ex.delta(l, i), with_steps=True)
    for l in range(1, net.depth + 1):
        layer = net.layers[l - 1]
        for i in range(layer.n_out):
            for j in range(layer.n_in):
                if layer.mask[i, j]:
                    add("gradients", ex.weight_gradient(l, i, j))
            add("gradients", ex.bias_gradient(l, i))
    for l in range(1, net.depth + 1):
        layer = net.layers[l - 1]
        for i in range(layer.n_out):
            for j in range(layer.n_in):
                if layer.mask[i, j]:
                    add("update", ex.weight_update(l, i, j), with_steps=True)
            add("update", ex.bias_update(l, i), with_steps=True)
    return Worksheet(_givens(c, ex), tuple(rows), c.loss_name, c.optimizer.method,
                     tuple(net.activations))
