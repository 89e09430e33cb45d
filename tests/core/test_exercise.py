"""Predict-then-reveal questions: parsing, answers from the seeds' examples, judging, mistakes."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import DocumentError, load_project
from core.exercise import (QUESTION_KINDS, Question, Tolerance, answer, ask_every, check_question,
                           hint, judge, parse_question, question_to_json, questions_for_stage,
                           step_cursor)
from core.formula import evaluate
from core.stepping import Stage, stages_for

from ..conftest import EXAMPLES


@pytest.fixture(scope="module")
def relu():
    """The first seed's 2-2-1 ReLU example (x = (0.9, 1), y = 2, η = 0.1)."""
    return load_project(EXAMPLES / "worked_example_2_2_1_relu.json")


@pytest.fixture(scope="module")
def sigmoid():
    """The fifth seed's 2-2-2 sigmoid network (x = (0.05, 0.1), y = (0.01, 0.99), η = 0.5)."""
    return load_project(EXAMPLES / "two_outputs_2_2_2_sigmoid.json")


# ---------------------------------------------------------------- hand-worked values
@pytest.mark.parametrize("q, value", [
    (Question("z", 1, 1), 0.58), (Question("a", 1, 2), 1.06), (Question("a", 2, 1), 1.326),
    (Question("loss"), 0.227138),                    # the seed prints 0.37826: its slip
    (Question("dL_da", 2, 1), -0.674), (Question("delta", 2, 1), -0.674),
    (Question("delta", 1, 2), -0.4044), (Question("grad_w", 2, 1, 1), -0.39092),
    (Question("grad_w", 1, 2, 1), -0.36396), (Question("grad_b", 1, 1), -0.337),
    (Question("new_w", 1, 2, 1), 0.436396), (Question("new_b", 2, 1), 0.4674),
    (Question("output_after", None, 1), 1.6191548740856),   # the seed prints 1.618296
])
def test_first_seed_values(relu, q, value):
    a = answer(q, relu)
    assert a.value == pytest.approx(value, abs=1e-12)
    assert a.explanation.computed == pytest.approx(a.value, abs=1e-12)


@pytest.mark.parametrize("q, value", [
    (Question("z", 1, 1), 0.3775), (Question("a", 1, 1), 0.593269992),
    (Question("a", 2, 2), 0.772928465), (Question("loss"), 0.298371109),
    (Question("grad_w", 2, 1, 1), 0.082167041), (Question("new_w", 2, 1, 1), 0.35891648),
    (Question("new_w", 1, 1, 1), 0.149780716), (Question("new_w", 1, 2, 2), 0.29950229),
])
def test_fifth_seed_values(sigmoid, q, value):
    assert answer(q, sigmoid).value == pytest.approx(value, abs=1e-8)


def test_output_after_is_explained_with_the_updated_weights(relu):
    e = answer(Question("output_after", 2, 1), relu).explanation
    (z,) = e.steps
    from core.formula import symbols
    names = {s.name for s in symbols(z.formula)}
    assert names == {"W'", "a'", "b'"}
    assert evaluate(z.formula) == pytest.approx(1.6191548740856, abs=1e-13)


# ---------------------------------------------------------------- judging and mistakes
def test_right_within_tolerance_wrong_outside(relu):
    q = Question("loss")
    assert judge(q, 0.2271, relu).correct                       # 4.4e-5 off, allowed 2.3e-4
    assert not judge(q, 0.37826, relu).correct                  # the seed's printed value
    v = judge(q, 0.2275, relu)
    assert not v.correct and v.value == pytest.approx(0.227138) and v.first_wrong is not None
    d = Question("loss", tolerance=Tolerance(digits=4))
    assert judge(d, 0.2271, relu).correct and judge(d, 0.2272, relu).correct
    assert not judge(d, 0.2273, relu).correct


def test_delta_with_the_wrong_sigmoid_derivative_points_at_f_prime(sigmoid):
    q = Question("delta", 2, 1)
    e = answer(q, sigmoid).explanation
    dL, fp = e.steps
    a = fp.formula.factors[0].value
    v = judge(q, dL.result * a, sigmoid)                         # f′ taken as a, not a(1 − a)
    assert not v.correct
    assert v.first_wrong.code == "exercise.derivative"
    assert v.first_wrong.factor == fp.target and v.first_wrong.rule == "a·(1 - a)"
    assert str(v.first_wrong) == "your delta[2]_1 is off: check f'[2]_1 = a·(1 - a) = 0.186816"
    v = judge(q, dL.result, sigmoid)                              # f′ left out
    assert v.first_wrong.code == "exercise.missing_factor" and v.first_wrong.factor == fp.target
    v = judge(q, -e.result, sigmoid)                              # y − a instead of a − y
    assert v.first_wrong.code == "exercise.check_step" and v.first_wrong.factor == dL.target


@pytest.mark.parametrize("q, guess, code, factor", [
    (Question("z", 1, 1), 0.0275, "exercise.missing_term", "b"),          # bias left out
    (Question("a", 1, 1), 0.3775, "exercise.no_activation", None),         # a = z
    (Question("loss"), 2 * 0.298371109, "exercise.missing_factor", None),  # the ½ left out
    (Question("new_w", 2, 1, 1), 0.4 + 0.5 * 0.08216704056, "exercise.update_sign", "dL/dW"),
    (Question("new_w", 2, 1, 1), 0.4 - 0.08216704056, "exercise.missing_factor", "eta"),
    (Question("output_after", 2, 1), 0.75136507, "exercise.old_weights", None),
    (Question("grad_w", 2, 1, 1), 0.13849856, "exercise.missing_factor", "a"),  # δ alone
])
def test_mistakes_are_named(sigmoid, q, guess, code, factor):
    v = judge(q, guess, sigmoid)
    assert not v.correct and v.first_wrong.code == code
    if factor is not None:
        assert v.first_wrong.factor.name == factor


def test_an_unexplained_guess_points_at_the_first_step_or_the_formula(sigmoid):
    v = judge(Question("delta", 2, 1), 12.5, sigmoid)
    assert v.first_wrong.code == "exercise.check_step"
    assert judge(Question("grad_w", 2, 1, 1), 12.5, sigmoid).first_wrong.code == "exercise.recompute"


def test_a_relu_neuron_that_is_off(relu):
    """relu′(z) = 0 where z ≤ 0: a learner who takes 1 there is told to check f′."""
    from core import Layer, Network, Project
    import numpy as np
    net = Network(2, [Layer([[0.2, 0.3], [-0.4, -0.5]], [0.1, 0.2], "relu"),
                      Layer([[0.5, 0.6]], [0.4], "linear")])
    p = Project(network=net, sample_x=np.array([0.9, 1.0]), sample_y=np.array([2.0]))
    q = Question("delta", 1, 2)
    assert answer(q, p).value == 0.0
    v = judge(q, 0.6 * answer(Question("delta", 2, 1), p).value, p)
    assert v.first_wrong.code == "exercise.derivative" and v.first_wrong.rule == "1 if z > 0 else 0"
    assert judge(q, 0.0, p).correct and judge(q, 5e-7, p).correct and not judge(q, 2e-6, p).correct


def test_hints(sigmoid):
    h1, h2 = hint(Question("delta", 1, 1), sigmoid, 1), hint(Question("delta", 1, 1), sigmoid, 2)
    assert not h1.numbers and h2.numbers and h1.explanation == h2.explanation
    assert h1.explanation.rule == "hidden_delta"
    assert hint(Question("loss"), sigmoid, 7).level == 2


def _all_questions(p):
    net = p.network
    return [q for s in stages_for(net.depth) for q in questions_for_stage(s, net)]


@pytest.mark.parametrize("example", ["worked_example_2_2_1_relu.json", "two_outputs_2_2_2_sigmoid.json",
                                     "xor_2_2_1_sigmoid.json"])
def test_every_question_of_a_step_agrees_with_the_step_view(example):
    p = load_project(EXAMPLES / example)
    c = step_cursor(p)
    qs = _all_questions(p)
    assert {q.kind for q in qs} == set(QUESTION_KINDS)
    for q in qs:
        a = answer(q, p, c)
        assert a.explanation.computed == pytest.approx(a.value, rel=1e-12, abs=1e-15)
        assert judge(q, a.value, p, c).correct
    up = c.update
    assert answer(Question("new_w", 1, 1, 2), p, c).value == up.weights[0][0, 1]
    assert answer(Question("grad_b", 1, 2), p, c).value == c.backward_trace.db[0][1]


def test_ask_every_delta_in_step_order(sigmoid):
    qs = ask_every("delta", sigmoid)
    assert [(q.layer, q.neuron) for q in qs] == [(2, 1), (2, 2), (1, 1), (1, 2)]
    assert [q.kind for q in ask_every("loss", sigmoid)] == ["loss"]
    assert len(ask_every("new_w", sigmoid)) == 8
    with pytest.raises(DocumentError):
        ask_every("eps", sigmoid)


def test_questions_a_stage_reveals(sigmoid):
    net = sigmoid.network
    fwd = questions_for_stage(Stage("forward", 1), net)
    assert [(q.kind, q.neuron) for q in fwd] == [("z", 1), ("a", 1), ("z", 2), ("a", 2)]
    back = questions_for_stage(Stage("backward", 2), net, kinds=("delta", "dL_da"))
    assert [q.kind for q in back] == ["dL_da", "dL_da", "delta", "delta"]
    for q in _all_questions(sigmoid):
        assert q.stage(net.depth) in stages_for(net.depth)


@settings(max_examples=60, deadline=None)
@given(k=st.integers(0, 10 ** 6), rel=st.floats(1e-6, 0.1), digits=st.one_of(st.none(), st.integers(0, 8)),
       factor=st.floats(1.5, 50.0), sign=st.sampled_from([-1.0, 1.0]))
def test_right_answers_are_right_and_far_guesses_wrong(sigmoid, k, rel, digits, factor, sign):
    qs = _all_questions(sigmoid)
    tol = Tolerance(digits=digits) if digits is not None else Tolerance(rel=rel)
    q = Question(**{**qs[k % len(qs)].__dict__, "tolerance": tol})
    c = step_cursor(sigmoid)
    v = answer(q, sigmoid, c).value
    assert judge(q, v, sigmoid, c).correct
    off = tol.allowed(v)
    assert judge(q, v + sign * 0.99 * off, sigmoid, c).correct
    wrong = judge(q, v + sign * factor * off, sigmoid, c)
    assert not wrong.correct and wrong.first_wrong is not None
    assert str(wrong.first_wrong)              # every mistake renders (no missing parameter)


# ---------------------------------------------------------------- parsing
def test_round_trip():
    for obj in [{"kind": "delta", "layer": 2, "neuron": 1, "tolerance": {"rel": 1e-3, "abs": 1e-6}},
                {"kind": "loss"}, {"kind": "grad_w", "layer": 1, "neuron": 2, "source": 1},
                {"kind": "output_after", "neuron": 1, "tolerance": {"digits": 4}},
                {"kind": "delta", "layer": 2, "neuron": 1, "tolerance": {"rel": 0.01}}]:
        q = parse_question(obj)
        assert parse_question(question_to_json(q)) == q
    assert question_to_json(parse_question({"kind": "loss"})) == {"kind": "loss"}


@pytest.mark.parametrize("obj, path, text", [
    ({"kind": "delta", "layer": 3, "neuron": 1}, "steps[3].questions[0].layer",
     "expected an integer 1…2, got 3"),
    ({"kind": "delta", "layer": "2", "neuron": 1}, "steps[3].questions[0].layer",
     "expected an integer 1…2, got a string"),
    ({"kind": "delta", "layer": True, "neuron": 1}, "steps[3].questions[0].layer",
     "expected an integer 1…2, got true/false"),
    ({"kind": "delta", "layer": 2, "neuron": 3}, "steps[3].questions[0].neuron",
     "expected an integer 1…2, got 3"),
    ({"kind": "grad_w", "layer": 2, "neuron": 1, "source": 0}, "steps[3].questions[0].source",
     "expected an integer 1…2, got 0"),
    ({"kind": "grad_w", "layer": 2, "neuron": 1}, "steps[3].questions[0].source", "missing"),
    ({"kind": "sigma", "layer": 2}, "steps[3].questions[0].kind", "sigma is not one of"),
    ({"layer": 2}, "steps[3].questions[0].kind", "missing"),
    ({"kind": "loss", "neuron": 1}, "steps[3].questions[0].neuron", "a loss question has no neuron"),
    ({"kind": "z", "layer": 1, "neuron": 1, "eval": "1"}, "steps[3].questions[0].eval", "unknown field"),
    ({"kind": "dL_da", "layer": 1, "neuron": 1}, "steps[3].questions[0].layer",
     "expected an integer 2…2, got 1"),
    ({"kind": "z", "layer": 1, "neuron": 1, "tolerance": {"rel": 0}},
     "steps[3].questions[0].tolerance.rel", "expected a number in (0, 1], got 0"),
    ({"kind": "z", "layer": 1, "neuron": 1, "tolerance": {"rel": 1e-3, "digits": 3}},
     "steps[3].questions[0].tolerance", "either rel and abs, or digits"),
    ({"kind": "z", "layer": 1, "neuron": 1, "tolerance": {"digits": 2.5}},
     "steps[3].questions[0].tolerance.digits", "expected an integer 0…12"),
    ({"kind": "z", "layer": 1, "neuron": 1, "tolerance": {"rel": float("nan")}},
     "steps[3].questions[0].tolerance.rel", "expected a finite number"),
    ("delta", "steps[3].questions[0]", "expected an object, got a string"),
])
def test_parse_errors_name_the_field(sigmoid, obj, path, text):
    with pytest.raises(DocumentError) as err:
        parse_question(obj, "steps[3].questions[0]", sigmoid.network)
    assert err.value.path == path and text in err.value.reason
    assert err.value.reason_message is not None


def test_without_a_network_only_the_form_is_checked(sigmoid):
    q = parse_question({"kind": "delta", "layer": 9, "neuron": 1})
    with pytest.raises(DocumentError, match="layer: expected an integer 1…2, got 9"):
        check_question(q, sigmoid.network, "q")
    with pytest.raises(DocumentError, match="expected an integer ≥ 1, got 0"):
        parse_question({"kind": "delta", "layer": 0, "neuron": 1})
    assert check_question(Question("dL_da", None, 2), sigmoid.network).layer == 2


def test_tolerance_near_zero_and_non_finite():
    t = Tolerance()
    assert t.accepts(0.0, 0.0) and t.accepts(9e-7, 0.0) and not t.accepts(2e-6, 0.0)
    assert not t.accepts(math.nan, 0.5) and not t.accepts(math.inf, 1.0)
