"""The worksheet's rows are the step view's numbers: checked against the engine's traces, the
seed's hand-worked values, and the formula each row prints."""
import math

import numpy as np
import pytest

from core import load_project
from core.errors import EngineError
from core.formula import evaluate
from core.stepping import StepCursor
from core.worksheet import MAX_ROWS, SECTIONS, build, check_size, row_count

from ..conftest import EXAMPLES

SMALL = [p.name for p in sorted(EXAMPLES.glob("*.json"))
         if row_count(load_project(p)) <= MAX_ROWS]


def _engine_value(c: StepCursor, sym) -> float | None:
    """The same quantity read straight from the cursor's traces (None: not a trace array)."""
    f, b, u = c.forward_trace, c.backward_trace, c.update
    l, idx = sym.layer, sym.index
    table = {"z": lambda: f.z[l - 1][0, idx[0]], "a": lambda: f.a[l - 1][0, idx[0]],
             "delta": lambda: b.delta[l - 1][0, idx[0]], "dL/dW": lambda: b.dW[l - 1][idx],
             "dL/db": lambda: b.db[l - 1][idx[0]], "W'": lambda: u.weights[l - 1][idx],
             "b'": lambda: u.biases[l - 1][idx[0]], "L": lambda: c.loss,
             "dL/da": lambda: b.dL_da[0, idx[0]]}
    return float(table[sym.name]()) if sym.name in table else None


@pytest.mark.parametrize("name", SMALL)
def test_every_row_equals_the_engine_and_its_formula(name):
    p = load_project(EXAMPLES / name)
    sheet = build(p)
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    assert {r.section for r in sheet.rows} <= set(SECTIONS)
    checked = 0
    for row in sheet.rows:
        expected = _engine_value(c, row.symbol)
        if expected is not None:
            assert row.value == expected, (row.symbol, row.value, expected)
            checked += 1
        got = evaluate(row.formula)
        assert math.isclose(got, row.value, rel_tol=1e-9, abs_tol=1e-12), (row.symbol, got, row.value)
    sizes = p.network.sizes
    n_params = sum(sizes[l] * sizes[l - 1] + sizes[l] for l in range(1, len(sizes)))
    assert len(sheet.section("update")) >= n_params and checked >= 2 * n_params


def test_the_first_seed_worked_example_by_hand():
    sheet = build(load_project(EXAMPLES / "worked_example_2_2_1_relu.json"))
    v = {(r.symbol.name, r.symbol.layer, r.symbol.index): r.value for r in sheet.rows}
    assert v[("z", 1, (0,))] == pytest.approx(0.58) and v[("z", 1, (1,))] == pytest.approx(1.06)
    assert v[("a", 2, (0,))] == pytest.approx(1.326)
    assert v[("L", None, ())] == pytest.approx(0.5 * 0.674 ** 2)
    assert v[("delta", 2, (0,))] == pytest.approx(-0.674)
    assert v[("delta", 1, (0,))] == pytest.approx(0.5 * -0.674)
    assert v[("dL/dW", 2, (0, 1))] == pytest.approx(-0.674 * 1.06)
    assert v[("W'", 2, (0, 1))] == pytest.approx(0.6 + 0.1 * 0.674 * 1.06)
    names = [s.name for s in sheet.givens]
    assert names.count("x") == 2 and names.count("W") == 6 and "eta" in names


def test_rows_come_in_the_order_a_person_computes_them():
    sheet = build(load_project(EXAMPLES / "two_outputs_2_2_2_sigmoid.json"))
    order = [SECTIONS.index(r.section) for r in sheet.rows]
    assert order == sorted(order)
    backward = [r.symbol for r in sheet.section("backward")]
    deltas = [s.layer for s in backward if s.name == "delta"]
    assert deltas == sorted(deltas, reverse=True)           # output layer first
    assert any(s.name == "f'" for s in backward)            # σ′ = a(1 − a) is a row of its own
    keys = [(r.symbol.name, r.symbol.layer, r.symbol.index) for r in sheet.rows]
    assert len(keys) == len(set(keys))


def test_a_network_too_large_is_refused_with_a_code():
    p = load_project(EXAMPLES / "digits_8x8_64_32_10.json")
    with pytest.raises(EngineError) as info:
        check_size(p)
    assert info.value.message.code == "worksheet.too_large"
    with pytest.raises(EngineError):
        build(p)


def test_row_count_is_the_rows_built():
    for name in SMALL:
        p = load_project(EXAMPLES / name)
        sheet = build(p)
        base = sum(1 for r in sheet.rows if r.explanation.rule not in (
            "derivative", "loss_gradient", "total_gradient", "momentum_velocity", "adam_m",
            "adam_s", "adam_mhat", "adam_shat"))
        assert base <= row_count(p)
        assert np.isfinite([r.value for r in sheet.rows]).all()
