"""The derivation panel's text: one step of the walk explained with its numbers (rich text).

Forward: ``q = x + y = −2 + 5 = 3``. Backward: the gate's local rule from
``graph.local_rule(id)`` (∂q/∂x = 1, ∂f/∂q = z = −4, …) and what each input receives,
upstream × local = contribution; where a value is used more than once, the sum of what it has
received so far (gradients add). Numbers come from the graph; only words live here.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..math_text import BACKWARD_COLOR, FORWARD_COLOR, UPDATE_COLOR, value_html
from ..widgets import arg
from .naming import display_name


SUMMARY_MAX = 8
"""At most this many gradients are listed when the backward pass completes."""


def tr(text: str) -> str:
    # lupdate files a bare tr("…") of a module in the empty context: look it up there
    return QCoreApplication.translate("", text)


def _descriptions() -> dict[str, str]:
    return {
        "add": tr("The add gate distributes: every input receives the upstream gradient "
                  "unchanged."),
        "sub": tr("The subtract gate distributes: the first input receives the upstream gradient, "
                  "the second its negative."),
        "mul": tr("The multiply gate swaps: each input receives the upstream gradient times the "
                  "other input."),
        "div": tr("The divide gate: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²."),
        "neg": tr("The negate gate flips the sign of the gradient."),
        "pow": tr("The power gate: ∂(xᵖ)/∂x = p·xᵖ⁻¹."),
        "exp": tr("The exp gate: the derivative of eˣ is eˣ itself, the gate's own output."),
        "log": tr("The log gate: ∂(ln x)/∂x = 1/x."),
        "max": tr("The max gate routes: the whole gradient goes to the largest input, "
                  "the others receive 0."),
        "min": tr("The min gate routes: the whole gradient goes to the smallest input, "
                  "the others receive 0."),
        "relu": tr("The ReLU gate lets the gradient through where its input is positive "
                   "and blocks it elsewhere."),
        "sigmoid": tr("The sigmoid gate scales the gradient by σ·(1 − σ), computed from its "
                      "own output."),
        "tanh": tr("The tanh gate scales the gradient by 1 − tanh², computed from its own output."),
    }


def _p(text: str, indent: bool = True) -> str:
    margin = "0 0 4px 14px" if indent else "0 0 4px 0"
    return f'<p style="margin:{margin}">{text}</p>'


class Deriver:
    """Builds the HTML for one position of a GraphStepper, using display ``names``."""

    def __init__(self, graph, names: dict[int, str], digits: int = 6):
        self.graph, self.names, self.digits = graph, names, digits
        self.f = names[graph.output]

    # ------------------------------------------------------------ pieces
    def v(self, value, color=FORWARD_COLOR, paren=True) -> str:
        return value_html(value, self.digits, color, paren)

    def g(self, value, paren=True) -> str:
        return value_html(value, self.digits, BACKWARD_COLOR, paren)

    def d(self, top: str, bottom: str) -> str:
        return f"∂{top}/∂{bottom}"

    def formula(self, node, operands: list[str], times: str = "·") -> str:
        a = operands
        op = node.op
        if op == "add":
            return " + ".join(a)
        if op == "sub":
            return f"{a[0]} − {a[1]}"
        if op == "mul":
            return f" {times} ".join(a)
        if op == "div":
            return f"{a[0]} / {a[1]}"
        if op == "neg":
            return f"−{a[0]}"
        if op == "pow":
            return f"{a[0]}<sup>{value_html(node.const, self.digits, None, False)}</sup>"
        if op == "relu":
            return f"max(0, {a[0]})"
        fn = {"exp": "exp", "log": "ln", "sigmoid": "σ", "tanh": "tanh"}.get(op, op)
        return f"{fn}({', '.join(a)})"

    def _local_symbol(self, node, slot: int, local: float) -> str | None:
        """The local derivative's formula in names, or None when the number says it all."""
        a = [self.names[i] for i in node.inputs]
        o = self.names[node.id]
        op = node.op
        if op == "mul":
            return a[1 - slot]
        if op == "div":
            return f"1/{a[1]}" if slot == 0 else f"−{a[0]}/{a[1]}²"
        if op == "pow":
            p = node.const
            return (f"{value_html(p, self.digits, None, False)}·{a[0]}"
                    f"<sup>{value_html(p - 1, self.digits, None, False)}</sup>")
        if op == "exp":
            return f"exp({a[0]}) = {o}"
        if op == "log":
            return f"1/{a[0]}"
        if op == "sigmoid":
            return f"{o}·(1 − {o})"
        if op == "tanh":
            return f"1 − {o}²"
        if op in ("max", "min"):
            wins = tr("largest") if op == "max" else tr("smallest")
            text = (tr("%1 is the %2 input") if local else tr("%1 is not the %2 input"))
            return "(" + arg(text, a[slot], wins) + ")"
        if op == "relu":
            return "(" + arg(tr("%1 > 0") if local else tr("%1 ≤ 0"), a[0]) + ")"
        return None

    def _received(self, stepper, node_id: int) -> list[float]:
        """Contributions node ``node_id`` has received so far, in arrival order."""
        out = []
        for c in stepper.used_by_stepped(node_id):
            out += [r.contribution for r in self.graph.local_rule(c).inputs if r.node == node_id]
        return out

    def _uses(self, node_id: int) -> int:
        return sum(self.graph.nodes[c].inputs.count(node_id) for c in self.graph.consumers(node_id))

    def _sum_line(self, stepper, node_id: int, complete: bool) -> str:
        parts = self._received(stepper, node_id)
        n, uses = self.names[node_id], self._uses(node_id)
        total = self.graph.nodes[node_id].grad
        if uses < 2 or not parts:
            return ""
        terms = " + ".join(self.g(c) for c in parts)
        text = (tr("%1 is used %2 times, so the gradients add: %3 = %4 = %5")
                if complete or len(parts) == uses else
                tr("%1 is used %2 times, so the gradients add: so far %3 = %4 = %5 "
                   "(%6 of %2 arrived)"))
        return _p(arg(text, n, uses, self.d(self.f, n), terms, self.g(total, False), len(parts)))

    # ------------------------------------------------------------ whole texts
    def intro(self) -> str:
        return _p(tr("Press “Forward one node” to compute the graph one gate at a time, or "
                     "“Run forward” to compute all of it. Then go backward: every gate multiplies "
                     "the gradient arriving from above (upstream) by its own local derivative "
                     "and passes the product to its inputs."), False)

    def forward(self, node_id: int) -> str:
        node = self.graph.nodes[node_id]
        n = self.names[node_id]
        if node.op == "input":
            return _p(arg(tr("<b>Input</b> %1 = %2"), n, self.v(node.value, paren=False)), False)
        if node.op == "const":
            return _p(arg(tr("<b>Constant</b> %1"), self.v(node.value, paren=False)), False)
        names = [self.names[i] for i in node.inputs]
        infix = node.op in ("add", "sub", "mul", "div")   # "−2 + 5", "3 × (−4)", "(−2)²"
        nums = [self.v(self.graph.nodes[i].value, paren=(infix and k > 0) or node.op == "pow")
                for k, i in enumerate(node.inputs)]
        title = arg(tr("<b>Forward: %1 gate</b>"), node.op)
        line = (f"{n} = {self.formula(node, names)} = {self.formula(node, nums, '×')} = "
                f"<b>{self.v(node.value, paren=False)}</b>")
        return _p(title, False) + _p(line)

    def backward(self, stepper, node_id: int) -> str:
        node = self.graph.nodes[node_id]
        n, f = self.names[node_id], self.f
        if node.op == "const":
            return _p(arg(tr("<b>Constant</b> %1: a constant never changes, so its gradient "
                             "is not needed."), n), False)
        if node_id == self.graph.output:
            start = arg(tr("Start of the backward pass: %1 = 1"), self.d(f, f))
        else:
            start = arg(tr("Upstream gradient: %1 = %2"), self.d(f, n), self.g(node.grad, False))
        if node.is_leaf:
            html = _p(arg(tr("<b>Gradient of input %1</b>"), n), False)
            if not self._received(stepper, node_id) and node_id != self.graph.output:
                return html + _p(arg(tr("%1 does not use %2: %3 = 0"), f, n, self.d(f, n)))
            total = self.g(node.grad if node.grad is not None else 1.0, False)
            return (html + _p(f"{self.d(f, n)} = {total}") +
                    self._sum_line(stepper, node_id, True) + _p(arg(tr("This is the final gradient of %1: how much %2 changes per unit "
                              "change of %1."), n, f)))
        names = [self.names[i] for i in node.inputs]
        html = _p(arg(tr("<b>Backward: %1 gate</b> %2 = %3"), node.op, n,
                      self.formula(node, names)), False)
        html += _p(_descriptions().get(node.op, ""))
        html += _p(start) + self._sum_line(stepper, node_id, True)
        rule = self.graph.local_rule(node_id)
        for slot, r in enumerate(rule.inputs):
            if self.graph.nodes[r.node].op == "const":
                continue
            m = self.names[r.node]
            sym = self._local_symbol(node, slot, r.local)
            local = self.v(r.local, None, False)
            rhs = f"{sym} = {local}" if sym and not sym.startswith("(") else (
                f"{local} {sym}" if sym else local)
            html += _p(f"{self.d(n, m)} = {rhs}")
            html += _p(arg(tr("%1 receives upstream × local = %2 × %3 = %4"), m,
                           self.g(rule.upstream), self.v(r.local, None),
                           self.g(r.contribution, False)))
            if self._uses(r.node) > 1:
                html += self._sum_line(stepper, r.node, False)
        return html

    def summary(self, stepper) -> str:
        if stepper.backward_done:
            shown = list(self.graph.inputs.values())
            grads = ", ".join(f"{self.d(self.f, self.names[k])} = "
                              f"{self.g(self.graph.nodes[k].grad, False)}"
                              for k in shown[:SUMMARY_MAX])
            if len(shown) > SUMMARY_MAX:
                grads += ", … " + arg(tr("(all %1 gradients are shown in the graph)"), len(shown))
            return _p(arg(tr("<b>Backward pass complete.</b> %1"), grads), False)
        if stepper.position == stepper.n_forward:
            return _p(arg(tr("<b>Forward pass complete:</b> %1 = %2"), self.f,
                          self.v(self.graph.value, paren=False)), False)
        return ""

    def descent(self, lr: float, old: dict, grads: dict, new: dict,
                old_f: float, new_f: float) -> str:
        html = _p(arg(tr("<b>One gradient-descent step</b> with learning rate h = %1: "
                         "every variable moves against its gradient, v := v − h·∂%2/∂v."),
                      self.v(lr, None, False), self.f), False)
        for name in old:
            dn = display_name(name)
            result = value_html(new[name], self.digits, UPDATE_COLOR, False)
            html += _p(f"{dn} := {dn} − h·{self.d(self.f, dn)} = "
                       f"{self.v(old[name], paren=False)} − {self.v(lr, None)} × "
                       f"{self.g(grads[name])} = {result}")
        change = (tr("lower by %1") if new_f < old_f else
                  tr("higher by %1: try a smaller learning rate") if new_f > old_f else
                  tr("unchanged"))
        amount = value_html(abs(new_f - old_f), self.digits) if new_f != old_f else ""
        html += _p(arg(tr("<b>%1 before: %2 → after: %3</b> (%4)"), self.f,
                       self.v(old_f, paren=False), self.v(new_f, paren=False),
                       arg(change, amount)), False)
        return html
