"""The 2-2-2 sigmoid example: numbers worked out by hand for this widely used walk-through."""
import numpy as np
import pytest

from core import OptimizerConfig, StepCursor, load_project

from ..conftest import EXAMPLES


def test_two_output_network_step():
    p = load_project(EXAMPLES / "two_outputs_2_2_2_sigmoid.json")
    c = StepCursor(p.network, p.sample_x, p.sample_y, p.loss, p.optimizer)
    # net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 → out_h1 = σ(0.3775) = 0.593269992
    assert c.forward_trace.z[0][0, 0] == pytest.approx(0.3775, abs=1e-15)
    assert c.forward_trace.a[0][0, 0] == pytest.approx(0.593269992, abs=1e-9)
    assert c.forward_trace.a[0][0, 1] == pytest.approx(0.596884378, abs=1e-9)
    np.testing.assert_allclose(c.output, [0.75136507, 0.772928465], atol=1e-8)
    assert c.loss == pytest.approx(0.298371109, abs=1e-9)
    # ∂E/∂w5 = (o1 − t1)·o1(1 − o1)·out_h1 = 0.082167041; w5' = 0.4 − 0.5·0.082167041
    assert c.backward_trace.dW[1][0, 0] == pytest.approx(0.082167041, abs=1e-9)
    assert c.update.weights[1][0, 0] == pytest.approx(0.35891648, abs=1e-8)
    # hidden weight w1: 0.15 − 0.5·0.000438568 = 0.149780716
    assert c.update.weights[0][0, 0] == pytest.approx(0.149780716, abs=1e-9)
    assert c.update.weights[0][1, 1] == pytest.approx(0.29950229, abs=1e-8)
