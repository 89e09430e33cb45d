"""The first seed's worked example, every number pinned.

The seed (a 2-2-1 ReLU network) prints loss 0.37826; the correct value is
0.5 × (1.326 − 2)² = 0.5 × 0.454276 = 0.227138 — an arithmetic slip in the article (the
gradient −0.674 it uses next is right). It also prints the output after the update as
1.618296; recomputing from its own updated weights gives 1.6191548740856 (derived below).
"""
import numpy as np
import pytest

from core import Explainer, OptimizerConfig, StepCursor, backward, forward, gradient_step, predict

X, Y, LR = [0.9, 1.0], [2.0], 0.1


def test_forward(worked_net):
    t = forward(worked_net, X)
    np.testing.assert_allclose(t.z[0][0], [0.58, 1.06], rtol=0, atol=1e-15)
    np.testing.assert_allclose(t.a[0][0], [0.58, 1.06], rtol=0, atol=1e-15)
    assert t.output[0, 0] == pytest.approx(1.326, abs=1e-15)


def test_loss_is_0_227138_not_the_seeds_0_37826(worked_net):
    b = backward(worked_net, forward(worked_net, X), Y, "half_squared_error")
    assert b.loss == pytest.approx(0.5 * 0.674 ** 2, abs=1e-15)
    assert b.loss == pytest.approx(0.227138, abs=1e-12)
    assert abs(b.loss - 0.37826) > 0.1


def test_gradients(worked_net):
    b = backward(worked_net, forward(worked_net, X), Y, "half_squared_error")
    assert b.delta[1][0, 0] == pytest.approx(-0.674, abs=1e-15)
    np.testing.assert_allclose(b.dW[1], [[-0.39092, -0.71444]], atol=1e-15)
    np.testing.assert_allclose(b.db[1], [-0.674], atol=1e-15)
    # hidden: δ1 = W2ᵀ·δ2 ⊙ relu'(z1) = [0.5, 0.6]·(−0.674) = [−0.337, −0.4044]
    np.testing.assert_allclose(b.delta[0][0], [-0.337, -0.4044], atol=1e-15)
    np.testing.assert_allclose(b.dW[0], [[-0.3033, -0.337], [-0.36396, -0.4044]], atol=1e-15)


def test_update_and_output_after_it(worked_net):
    b = backward(worked_net, forward(worked_net, X), Y, "half_squared_error")
    u = gradient_step(worked_net, b, OptimizerConfig(learning_rate=LR))
    np.testing.assert_allclose(u.weights[0], [[0.23033, 0.3337], [0.436396, 0.54044]], atol=1e-15)
    np.testing.assert_allclose(u.biases[0], [0.1337, 0.24044], atol=1e-15)
    np.testing.assert_allclose(u.weights[1], [[0.539092, 0.671444]], atol=1e-15)
    np.testing.assert_allclose(u.biases[1], [0.4674], atol=1e-15)
    # By hand: z1' = [0.23033·0.9 + 0.3337 + 0.1337, 0.436396·0.9 + 0.54044 + 0.24044]
    #              = [0.674697, 1.1736364]
    # out' = 0.539092·0.674697 + 0.671444·1.1736364 + 0.4674 = 1.6191548740856
    z1 = np.array([0.23033 * 0.9 + 0.3337 + 0.1337, 0.436396 * 0.9 + 0.54044 + 0.24044])
    by_hand = 0.539092 * z1[0] + 0.671444 * z1[1] + 0.4674
    out = predict(u.apply_to(worked_net), X)[0, 0]
    assert out == pytest.approx(by_hand, abs=1e-14)
    assert out == pytest.approx(1.6191548740856, abs=1e-13)
    assert abs(out - 1.618296) > 5e-4   # the seed's printed value does not follow


def test_the_net_itself_is_not_changed_by_a_step(worked_net):
    before = worked_net.copy()
    StepCursor(worked_net, X, Y, "half_squared_error", OptimizerConfig(learning_rate=LR))
    assert worked_net == before


def test_explanation_of_dW2_1_matches_the_seed(worked_net):
    from core.formula import Prod, symbols
    c = StepCursor(worked_net, X, Y, "half_squared_error", OptimizerConfig(learning_rate=LR))
    e = Explainer(c).weight_gradient(2, 0, 0)
    assert e.rule == "weight_gradient" and isinstance(e.formula, Prod)
    names = [(f.name, f.layer, f.index) for f in symbols(e.formula)]
    assert names == [("delta", 2, (0,)), ("a", 1, (0,))]
    assert [f.value for f in symbols(e.formula)] == pytest.approx([-0.674, 0.58])
    assert e.result == pytest.approx(-0.39092, abs=1e-15) and e.computed == e.result


def test_explanations_agree_with_their_terms(worked_net):
    from core.formula import evaluate, symbols
    c = StepCursor(worked_net, X, Y, "half_squared_error", OptimizerConfig(learning_rate=LR))
    ex = Explainer(c)
    z = ex.z(1, 0)
    assert [evaluate(t) for _, t in z.formula.terms] == pytest.approx([0.18, 0.3, 0.1])
    assert z.computed == pytest.approx(z.result) and z.result == pytest.approx(0.58)
    h = ex.delta(1, 1)
    (fp,) = h.steps
    assert h.rule == "hidden_delta" and fp.rule == "derivative" and fp.result == 1.0
    assert h.computed == pytest.approx(h.result) and h.result == pytest.approx(-0.4044)
    o = ex.delta(2, 0)
    assert o.rule == "output_delta" and o.steps[0].result == pytest.approx(-0.674)
    up = ex.weight_update(1, 1, 0)
    assert up.rule == "sgd_update"
    assert up.computed == pytest.approx(up.result) and up.result == pytest.approx(0.436396)
    assert [s.value for s in symbols(up.formula)] == pytest.approx([0.4, 0.1, -0.36396])
    bu = ex.bias_update(2, 0)
    assert bu.result == pytest.approx(0.4674)
    assert ex.loss().result == pytest.approx(0.227138)
    assert ex.loss().computed == pytest.approx(0.227138, abs=1e-16)


def test_dW2_explanation_is_structured_data_with_exact_numbers(worked_net):
    """∂loss/∂W2,1 = ∂loss/∂z · ∂z/∂W2,1 = −0.674 × 0.58 = −0.39092, as symbols, operators
    and a result."""
    from dataclasses import FrozenInstanceError
    from core.explain import Sym
    from core.formula import Prod, Sum, symbols
    c = StepCursor(worked_net, X, Y, "half_squared_error", OptimizerConfig(learning_rate=LR))
    ex = Explainer(c)
    e = ex.weight_gradient(2, 0, 0)
    assert e.target == Sym("dL/dW", 2, (0, 0), e.result)
    delta, a = symbols(e.formula)
    assert e.formula == Prod((Sym("delta", 2, (0,), delta.value), Sym("a", 1, (0,), a.value)))
    assert delta.value == pytest.approx(-0.674, abs=1e-15)
    assert a.value == pytest.approx(0.58, abs=1e-15)
    assert e.computed == e.result == pytest.approx(-0.39092, abs=1e-15)
    # the δ in it is itself explained: ∂loss/∂z = ∂loss/∂a · f'(z) = (1.326 − 2) × 1
    d = ex.delta(2, 0)
    assert [f.name for f in symbols(d.formula)] == ["dL/da", "f'"]
    assert [f.value for f in symbols(d.formula)] == pytest.approx([-0.674, 1.0], abs=1e-15)
    g, fp = d.steps
    assert isinstance(g.formula, Sum)
    assert [(sign, t.name) for sign, t in g.formula.terms] == [(1, "a"), (-1, "y")]
    assert [t.value for _, t in g.formula.terms] == pytest.approx([1.326, 2.0], abs=1e-15)
    assert fp.function == "linear" and fp.result == 1.0
    # the second weight and the bias of the same neuron
    e2 = ex.weight_gradient(2, 0, 1)
    assert [f.value for f in symbols(e2.formula)] == pytest.approx([-0.674, 1.06], abs=1e-15)
    assert e2.result == pytest.approx(-0.71444, abs=1e-15)
    eb = ex.bias_gradient(2, 0)
    assert eb.rule == "bias_gradient" and eb.result == pytest.approx(-0.674, abs=1e-15)
    with pytest.raises(FrozenInstanceError):
        e.result = 0.0


def test_step_results_are_immutable(worked_net):
    c = StepCursor(worked_net, X, Y, "half_squared_error", OptimizerConfig(learning_rate=LR))
    for arr in (c.forward_trace.z[0], c.forward_trace.a[1], c.backward_trace.delta[0],
                c.backward_trace.dW[1], c.update.weights[0], c.update.biases[1]):
        with pytest.raises(ValueError):
            arr[0] = 123.0


def test_regularized_and_momentum_steps_by_hand(worked_net):
    """L2 / L1 change the weights' update and never the biases'; momentum and Adam from rest."""
    b = backward(worked_net, forward(worked_net, X), Y, "half_squared_error")
    lam = 0.5
    u = gradient_step(worked_net, b, OptimizerConfig(learning_rate=LR, regularization="l2",
                                                     regularization_rate=lam))
    # W2' = W2 − η(∂L/∂W2 + λ·W2) = [0.5 − 0.1(−0.39092 + 0.25), 0.6 − 0.1(−0.71444 + 0.3)]
    np.testing.assert_allclose(u.weights[1], [[0.514092, 0.641444]], atol=1e-15)
    np.testing.assert_allclose(u.biases[1], [0.4674], atol=1e-15)          # unregularized
    np.testing.assert_allclose(u.biases[0], [0.1337, 0.24044], atol=1e-15)
    np.testing.assert_allclose(u.grad_W[1], [[-0.14092, -0.41444]], atol=1e-15)
    u1 = gradient_step(worked_net, b, OptimizerConfig(learning_rate=LR, regularization="l1",
                                                      regularization_rate=lam))
    # W2' = W2 − η(∂L/∂W2 + λ·sign(W2)) = [0.5 + 0.039092 − 0.05, 0.6 + 0.071444 − 0.05]
    np.testing.assert_allclose(u1.weights[1], [[0.489092, 0.621444]], atol=1e-15)
    np.testing.assert_allclose(u1.biases[1], [0.4674], atol=1e-15)
    # momentum from rest: v = −η·g, the same first step as plain gradient descent
    um = gradient_step(worked_net, b, OptimizerConfig(method="momentum", learning_rate=LR))
    np.testing.assert_allclose(um.weights[1], [[0.539092, 0.671444]], atol=1e-15)
    # Adam's first step: m̂ = g, ŝ = g², so every parameter moves by η·g/(|g| + ε) ≈ η·sign(g)
    ua = gradient_step(worked_net, b, OptimizerConfig(method="adam", learning_rate=LR))
    g = np.array([-0.39092, -0.71444])
    np.testing.assert_allclose(ua.weights[1][0], [0.5, 0.6] - LR * g / (np.abs(g) + 1e-8),
                               rtol=0, atol=1e-15)
