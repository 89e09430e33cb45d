"""Predict, then reveal: questions about the numbers of one training step, and their judging.

A ``Question`` names one value of the step the window shows (``core.stepping``): its kind,
layer, neuron and (for weights) source neuron, all 1-based as the app's notation prints them
(z²₁ is ``Question("z", 2, 1)``), and the ``Tolerance`` a prediction is judged with.

Kinds (``QUESTION_KINDS``) and the fields they use; the stage that reveals them:

    z, a, delta, grad_b, new_b     layer, neuron          forward l / backward l / update
    grad_w, new_w                  layer, neuron, source  backward l / update
    loss                           (none)                 loss
    dL_da, output_after            neuron; layer may be omitted (it must be the output layer)
                                                          backward L / update

``output_after`` is the network's output for the same sample after the update.

Tolerances (``Tolerance``), chosen per question:

    relative (default)  {"rel": 1e-3, "abs": 1e-6}: right when |guess − value| ≤
                        max(rel·|value|, abs) — "abs" is the floor for values at or near 0
    digits              {"digits": n}: right when |guess − value| ≤ 10⁻ⁿ, i.e. the n decimals a
                        seed prints, with the last one off by at most 1 (rounding on the way)

``answer`` computes the value with the engine's own step (``StepCursor``) and explains it with
``core.explain`` — the same numbers and the same Explanation trees the step view shows.
``judge`` also finds, for a wrong guess, the mistake that explains it best
(``core.exercise_diagnosis``): a ``Mistake`` holding a code and parameters, which the window
renders in its language. ``hint`` gives the explanation to show as a hint: level 1 the formula
with symbols only, level 2 with its numbers.

Lesson files hold questions as JSON objects, read by ``parse_question`` (never eval): an unknown
field, a wrong type or an index outside the network is a ``DocumentError`` naming the field
path (``steps[3].questions[0].layer``), with a ``core.messages.Message`` for the window.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .errors import DocumentError
from .explain import Explainer, Explanation
from .formula import Sym
from .messages import Message as M
from .stepping import Stage, StepCursor

QUESTION_KINDS = ("z", "a", "loss", "dL_da", "delta", "grad_w", "grad_b", "new_w", "new_b",
                  "output_after")
_NEEDS_SOURCE = ("grad_w", "new_w")
_OUTPUT_ONLY = ("dL_da", "output_after")
_FIELDS = ("kind", "layer", "neuron", "source", "tolerance")

DEFAULT_REL = 1e-3
DEFAULT_ABS = 1e-6
MAX_DIGITS = 12


@dataclass(frozen=True)
class Tolerance:
    """How close a prediction must be. ``digits`` set: within one unit of the ``digits``-th
    decimal; otherwise within ``rel`` of the value, or ``abs`` near 0."""

    rel: float = DEFAULT_REL
    abs: float = DEFAULT_ABS
    digits: int | None = None

    def allowed(self, value: float) -> float:
        """The largest |guess − value| judged right."""
        if self.digits is not None:
            return 10.0 ** -self.digits * (1 + 1e-9)
        return max(self.rel * abs(value), self.abs)

    def accepts(self, guess: float, value: float) -> bool:
        if not (math.isfinite(guess) and math.isfinite(value)):
            return guess == value or (math.isnan(guess) and math.isnan(value))
        return abs(guess - value) <= self.allowed(value)


@dataclass(frozen=True)
class Question:
    kind: str
    layer: int | None = None
    neuron: int | None = None
    source: int | None = None
    tolerance: Tolerance = Tolerance()

    def stage(self, depth: int) -> Stage:
        """The step stage that reveals this value."""
        if self.kind in ("z", "a"):
            return Stage("forward", self.layer)
        if self.kind == "loss":
            return Stage("loss")
        if self.kind == "dL_da":
            return Stage("backward", depth)
        if self.kind in ("delta", "grad_w", "grad_b"):
            return Stage("backward", self.layer)
        return Stage("update")

    def resolved(self, depth: int) -> "Question":
        """The question with an omitted output layer filled in."""
        if self.kind in _OUTPUT_ONLY and self.layer is None:
            return replace(self, layer=depth)
        return self


@dataclass(frozen=True)
class Answer:
    value: float
    explanation: Explanation


@dataclass(frozen=True)
class Verdict:
    correct: bool
    guess: float
    value: float
    explanation: Explanation
    first_wrong: "Mistake | None" = None
    """For a wrong guess: the factor most plausibly got wrong (None when right)."""


@dataclass(frozen=True)
class Hint:
    level: int
    """1: the formula with symbols only; 2: the formula with its numbers."""
    explanation: Explanation

    @property
    def numbers(self) -> bool:
        return self.level >= 2


# ---------------------------------------------------------------- parsing
def _int(obj: dict, key: str, where: str, lo: int, hi: int | None) -> int:
    v = obj[key]
    path = f"{where}.{key}"
    if isinstance(v, bool) or not isinstance(v, int):
        got = _got(v)
        if hi is None:
            raise DocumentError(path, M("exercise.integer_min", "expected an integer ≥ {lo}, got {got}",
                                        lo=lo, got=got))
        raise DocumentError(path, M("exercise.integer_range", "expected an integer {lo}…{hi}, got {got}",
                                    lo=lo, hi=hi, got=got))
    if v < lo or (hi is not None and v > hi):
        if hi is None:
            raise DocumentError(path, M("exercise.integer_min", "expected an integer ≥ {lo}, got {got}",
                                        lo=lo, got=v))
        raise DocumentError(path, M("exercise.integer_range", "expected an integer {lo}…{hi}, got {got}",
                                    lo=lo, hi=hi, got=v))
    return v


def _got(v):
    from .json_fields import type_name
    return type_name(v) if not isinstance(v, (int, float)) or isinstance(v, bool) else v


def _number(obj: dict, key: str, where: str, lo: float, hi: float, open_lo: bool) -> float:
    v = obj[key]
    path = f"{where}.{key}"
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise DocumentError(path, M("doc.expected_finite_got", "expected a finite number, got {got}",
                                    got=_got(v)))
    if (v <= lo if open_lo else v < lo) or v > hi:
        raise DocumentError(path, M("exercise.number_range", "expected a number in {range}, got {got}",
                                    range=f"{'(' if open_lo else '['}{lo:g}, {hi:g}]", got=v))
    return float(v)


def parse_tolerance(obj, where: str = "tolerance") -> Tolerance:
    if not isinstance(obj, dict):
        from .json_fields import type_name
        raise DocumentError(where, M("doc.expected_object", "expected an object, got {got}",
                                     got=type_name(obj)))
    for key in obj:
        if key not in ("rel", "abs", "digits"):
            raise DocumentError(f"{where}.{key}", M("doc.unknown_field", "unknown field"))
    if "digits" in obj:
        if "rel" in obj or "abs" in obj:
            raise DocumentError(where, M("exercise.tolerance_mix",
                                         "give either rel and abs, or digits, not both"))
        return Tolerance(digits=_int(obj, "digits", where, 0, MAX_DIGITS))
    rel = _number(obj, "rel", where, 0.0, 1.0, True) if "rel" in obj else DEFAULT_REL
    floor = _number(obj, "abs", where, 0.0, 1.0, False) if "abs" in obj else DEFAULT_ABS
    return Tolerance(rel=rel, abs=floor)


def parse_question(obj, where: str = "question", network=None) -> Question:
    """A Question from its JSON object; with ``network`` (a ``core.Network``) the layer, neuron
    and source must exist in it. DocumentError naming the field otherwise."""
    if not isinstance(obj, dict):
        from .json_fields import type_name
        raise DocumentError(where, M("doc.expected_object", "expected an object, got {got}",
                                     got=type_name(obj)))
    for key in obj:
        if key not in _FIELDS:
            raise DocumentError(f"{where}.{key}", M("doc.unknown_field", "unknown field"))
    if "kind" not in obj:
        raise DocumentError(f"{where}.kind", M("doc.missing", "missing"))
    kind = obj["kind"]
    if not isinstance(kind, str) or kind not in QUESTION_KINDS:
        raise DocumentError(f"{where}.kind", M("doc.not_one_of", "{value} is not one of: {choices}",
                                               value=kind if isinstance(kind, str) else _got(kind),
                                               choices=", ".join(QUESTION_KINDS)))
    wanted = (() if kind == "loss" else ("layer", "neuron", "source") if kind in _NEEDS_SOURCE
              else ("layer", "neuron"))
    for key in ("layer", "neuron", "source"):
        present = obj.get(key) is not None
        if present and key not in wanted:
            raise DocumentError(f"{where}.{key}", M("exercise.not_for_kind",
                                                    "a {kind} question has no {field}",
                                                    kind=kind, field=key))
        if not present and key in wanted and not (key == "layer" and kind in _OUTPUT_ONLY):
            raise DocumentError(f"{where}.{key}", M("doc.missing", "missing"))
    sizes = network.sizes if network is not None else None
    depth = network.depth if network is not None else None
    layer = neuron = source = None
    if obj.get("layer") is not None:
        lo = depth if kind in _OUTPUT_ONLY and depth is not None else 1
        layer = _int(obj, "layer", where, lo, depth)
    if "neuron" in wanted:
        top = None if sizes is None else sizes[layer if layer is not None else depth]
        neuron = _int(obj, "neuron", where, 1, top)
    if "source" in wanted:
        source = _int(obj, "source", where, 1, None if sizes is None else sizes[layer - 1])
    tol = (parse_tolerance(obj["tolerance"], f"{where}.tolerance") if "tolerance" in obj
           else Tolerance())
    return Question(kind, layer, neuron, source, tol)


def check_question(q: Question, network, where: str = "question") -> Question:
    """The question checked against ``network`` (DocumentError naming the field if it has no
    such value), with an omitted output layer filled in."""
    return parse_question(question_to_json(q), where, network).resolved(network.depth)


def question_to_json(q: Question) -> dict:
    out: dict = {"kind": q.kind}
    for key in ("layer", "neuron", "source"):
        if getattr(q, key) is not None:
            out[key] = getattr(q, key)
    t = q.tolerance
    if t != Tolerance():
        out["tolerance"] = {"digits": t.digits} if t.digits is not None else {"rel": t.rel, "abs": t.abs}
    return out


# ---------------------------------------------------------------- answering
def step_cursor(project) -> StepCursor:
    p = project
    return StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)


def explain(q: Question, cursor: StepCursor) -> Explanation:
    """The Explanation of the value ``q`` asks for (ShapeError if the network has none)."""
    ex = Explainer(cursor)
    q = q.resolved(cursor.network.depth)
    l, i = q.layer, (q.neuron - 1 if q.neuron is not None else None)
    if q.kind in _OUTPUT_ONLY and l != cursor.network.depth:
        from .errors import ShapeError
        raise ShapeError(M("exercise.output_layer", "{kind} is asked of the output layer {depth}, not {l}",
                           kind=q.kind, depth=cursor.network.depth, l=l))
    if q.kind == "z":
        return ex.z(l, i)
    if q.kind == "a":
        return ex.a(l, i)
    if q.kind == "loss":
        return ex.loss()
    if q.kind == "dL_da":
        return ex.loss_gradient(i)
    if q.kind == "delta":
        return ex.delta(l, i)
    if q.kind == "grad_w":
        return ex.weight_gradient(l, i, q.source - 1)
    if q.kind == "grad_b":
        return ex.bias_gradient(l, i)
    if q.kind == "new_w":
        return ex.weight_update(l, i, q.source - 1)
    if q.kind == "new_b":
        return ex.bias_update(l, i)
    return _output_after(cursor, i)


def _output_after(cursor: StepCursor, i: int) -> Explanation:
    """a′ of output neuron i: the same sample through the updated network, f(z′) with z′
    written with the updated W′, b′ and the updated hidden activations a′."""
    after = StepCursor(cursor.updated_network(), cursor.forward_trace.x, cursor.backward_trace.y,
                       cursor.loss_name, cursor.optimizer)
    ex = Explainer(after)
    L = after.network.depth
    z, a = ex.z(L, i), ex.a(L, i)
    z = Explanation(_primed(z.target), z.rule, _primed(z.formula), z.result)
    return Explanation(_primed(a.target), a.rule, _primed(a.formula), a.result, a.function,
                       steps=(z,))


def _primed(node):
    """The node with every value the update changed marked ′ (x and y stay)."""
    from .formula import Call, Prod, Sum
    if isinstance(node, Sym) and node.name in ("W", "b", "a", "z"):
        return replace(node, name=node.name + "'")
    if isinstance(node, Sum):
        return Sum(tuple((s, _primed(t)) for s, t in node.terms))
    if isinstance(node, Prod):
        return Prod(tuple(_primed(f) for f in node.factors))
    if isinstance(node, Call):
        return Call(node.fn, tuple(_primed(a) for a in node.args))
    return node


def answer(question: Question, project, cursor: StepCursor | None = None) -> Answer:
    """The true value and its explanation. ``cursor``: the step to ask about (default: a fresh
    step of ``project``'s network and sample, as the step view computes it)."""
    e = explain(question, cursor if cursor is not None else step_cursor(project))
    return Answer(e.result, e)


def judge(question: Question, guess: float, project, cursor: StepCursor | None = None) -> Verdict:
    """Is ``guess`` right within the question's tolerance? If not, the likeliest mistake."""
    from .exercise_diagnosis import diagnose
    cursor = cursor if cursor is not None else step_cursor(project)
    ans = answer(question, project, cursor)
    guess = float(guess)
    ok = question.tolerance.accepts(guess, ans.value)
    extra = ()
    if question.kind == "output_after":       # the forward pass done with the old weights
        extra = (("exercise.old_weights", float(cursor.forward_trace.output[0, question.neuron - 1])),)
    mistake = None if ok else diagnose(ans.explanation, guess, question.tolerance, extra)
    return Verdict(ok, guess, ans.value, ans.explanation, mistake)


def hint(question: Question, project, level: int, cursor: StepCursor | None = None) -> Hint:
    return Hint(max(1, min(int(level), 2)), answer(question, project, cursor).explanation)


# ---------------------------------------------------------------- which questions
def questions_for_stage(stage: Stage, network, kinds=None,
                        tolerance: Tolerance = Tolerance()) -> list[Question]:
    """Every value ``stage`` reveals, in the order the step view computes them (``kinds``:
    only those kinds)."""
    sizes, L = network.sizes, network.depth
    out: list[Question] = []
    if stage.kind == "forward":
        for i in range(1, sizes[stage.layer] + 1):
            out += [Question("z", stage.layer, i), Question("a", stage.layer, i)]
    elif stage.kind == "loss":
        out.append(Question("loss"))
    elif stage.kind == "backward":
        l = stage.layer
        if l == L:
            out += [Question("dL_da", L, i) for i in range(1, sizes[L] + 1)]
        out += [Question("delta", l, i) for i in range(1, sizes[l] + 1)]
        out += _params("grad", network, l)
    elif stage.kind == "update":
        for l in range(1, L + 1):
            out += _params("new", network, l)
        out += [Question("output_after", L, i) for i in range(1, sizes[L] + 1)]
    if kinds is not None:
        out = [q for q in out if q.kind in kinds]
    return [replace(q, tolerance=tolerance) for q in out]


def _params(prefix: str, network, l: int) -> list[Question]:
    layer = network.layers[l - 1]
    out = []
    for i in range(layer.n_out):
        out += [Question(f"{prefix}_w", l, i + 1, j + 1) for j in range(layer.n_in)
                if layer.mask[i, j]]
        out.append(Question(f"{prefix}_b", l, i + 1))
    return out


def ask_every(kind: str, project, tolerance: Tolerance = Tolerance()) -> list[Question]:
    """Every question of ``kind`` in one step of ``project``'s network, in step order
    ("ask me every δ")."""
    if kind not in QUESTION_KINDS:
        raise DocumentError("kind", M("doc.not_one_of", "{value} is not one of: {choices}",
                                      value=kind, choices=", ".join(QUESTION_KINDS)))
    from .stepping import stages_for
    net = project.network
    return [q for st in stages_for(net.depth)
            for q in questions_for_stage(st, net, (kind,), tolerance)]
